package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/atcrypto"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"
)

const serviceDID syntax.DID = "did:web:feed.example.com"

// fakeClock is the Config.Now of tests. It starts at the wall clock because indigo checks exp
// and iat against the wall clock whatever we configure.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// countingDirectory is the network resolver of tests: an in-memory directory that counts the
// DID fetches it serves, per DID.
type countingDirectory struct {
	*identity.MockDirectory
	mu      sync.Mutex
	fetches map[syntax.DID]int
}

func newCountingDirectory() *countingDirectory {
	return &countingDirectory{MockDirectory: identity.NewMockDirectory(), fetches: map[syntax.DID]int{}}
}

func (d *countingDirectory) LookupDID(ctx context.Context, did syntax.DID) (*identity.Identity, error) {
	d.mu.Lock()
	d.fetches[did]++
	d.mu.Unlock()
	return d.MockDirectory.LookupDID(ctx, did)
}

func (d *countingDirectory) Lookup(ctx context.Context, a syntax.AtIdentifier) (*identity.Identity, error) {
	if did, err := a.AsDID(); err == nil {
		return d.LookupDID(ctx, did)
	}
	return d.MockDirectory.Lookup(ctx, a)
}

func (d *countingDirectory) count(did syntax.DID) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.fetches[did]
}

func (d *countingDirectory) total() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, c := range d.fetches {
		n += c
	}
	return n
}

// issuer is a viewer account: a DID and the private key its DID document declares.
type issuer struct {
	did  syntax.DID
	priv atcrypto.PrivateKey
}

// newKey makes a fresh key: "ES256K" for secp256k1 (what PDSes use), "ES256" for P-256.
func newKey(t testing.TB, alg string) atcrypto.PrivateKey {
	t.Helper()
	var (
		k   atcrypto.PrivateKey
		err error
	)
	switch alg {
	case "ES256K":
		k, err = atcrypto.GeneratePrivateKeyK256()
	case "ES256":
		k, err = atcrypto.GeneratePrivateKeyP256()
	default:
		t.Fatalf("unknown alg %q", alg)
	}
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// addIssuer creates an account with a fresh key and publishes its DID document in dir.
func addIssuer(t testing.TB, dir *countingDirectory, did syntax.DID, alg string) issuer {
	t.Helper()
	iss := issuer{did: did, priv: newKey(t, alg)}
	publish(t, dir, iss)
	return iss
}

// publish (re)writes the issuer's DID document with its current key, as a key rotation would.
func publish(t testing.TB, dir *countingDirectory, iss issuer) {
	t.Helper()
	pub, err := iss.priv.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	dir.Insert(identity.Identity{
		DID:    iss.did,
		Handle: syntax.HandleInvalid,
		Keys: map[string]identity.VerificationMethod{
			"atproto": {Type: "Multikey", PublicKeyMultibase: pub.Multibase()},
		},
	})
}

// claims are the default payload of a token that should verify; tests edit the map to forge.
func claims(iss syntax.DID, now time.Time) map[string]any {
	return map[string]any{
		"iss": iss.String(),
		"aud": serviceDID.String(),
		"lxm": LXMGetFeedSkeleton.String(),
		"iat": now.Unix(),
		"exp": now.Add(time.Minute).Unix(),
		"jti": "0123456789abcdef",
	}
}

func b64json(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// signToken builds a JWT by hand, for the forgeries indigo's SignServiceAuth cannot produce.
// The alg in the header is whatever the test says, independent of the key.
func signToken(t testing.TB, alg string, payload map[string]any, priv atcrypto.PrivateKey) string {
	t.Helper()
	header := map[string]any{"typ": "JWT", "alg": alg}
	return signTokenHeader(t, header, payload, priv)
}

func signTokenHeader(t testing.TB, header, payload map[string]any, priv atcrypto.PrivateKey) string {
	t.Helper()
	signing := b64json(t, header) + "." + b64json(t, payload)
	sig, err := priv.HashAndSign([]byte(signing))
	if err != nil {
		t.Fatal(err)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig)
}

type fixture struct {
	v     *Validator
	dir   *countingDirectory
	clock *fakeClock
	reg   *prometheus.Registry
}

// newFixture builds a Validator on an in-memory directory; edit tweaks the Config.
func newFixture(t testing.TB, edit func(*Config)) *fixture {
	t.Helper()
	f := &fixture{dir: newCountingDirectory(), clock: newFakeClock(), reg: prometheus.NewRegistry()}
	cfg := Config{
		Audience:   serviceDID,
		Resolver:   f.dir,
		Now:        f.clock.Now,
		Registerer: f.reg,
	}
	if edit != nil {
		edit(&cfg)
	}
	v, err := NewValidator(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.v = v
	return f
}

// counter sums the series of a counter that carry the given labels, read from the registry
// the way Prometheus would scrape it; 0 if there are none.
func (f *fixture) counter(t testing.TB, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := f.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, fam := range families {
		if fam.GetName() != name {
			continue
		}
	metric:
		for _, m := range fam.GetMetric() {
			got := map[string]string{}
			for _, lp := range m.GetLabel() {
				got[lp.GetName()] = lp.GetValue()
			}
			for k, v := range labels {
				if got[k] != v {
					continue metric
				}
			}
			sum += m.GetCounter().GetValue()
		}
	}
	return sum
}

func (f *fixture) rejected(t testing.TB, reason Reason) float64 {
	return f.counter(t, "feedgen_auth_tokens_total", map[string]string{
		"lxm": LXMGetFeedSkeleton.String(), "result": "rejected", "reason": string(reason),
	})
}
