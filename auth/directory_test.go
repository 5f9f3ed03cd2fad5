package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

func verifyReason(t *testing.T, f *fixture, header string) Reason {
	t.Helper()
	did, err := f.v.Verify(context.Background(), header, LXMGetFeedSkeleton)
	if err == nil {
		return Reason("verified:" + did.String())
	}
	var ae *Error
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want *Error", err)
	}
	return ae.Reason
}

// A flood of forged tokens for one real issuer: each one fails its signature, and indigo asks
// for a refresh every time. Only one refresh per interval reaches the directory.
func TestForgedTokenFloodIsRateLimitedPerIssuer(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.RefreshInterval = time.Minute })
	victim := addIssuer(t, f.dir, "did:plc:victim00000000000000000000", "ES256K")
	bystander := addIssuer(t, f.dir, "did:plc:bystander0000000000000000", "ES256")
	forger := newKey(t, "ES256K")
	forged := "Bearer " + signToken(t, "ES256K", claims(victim.did, f.clock.Now()), forger)

	const flood = 400
	var wg sync.WaitGroup
	reasons := make(chan Reason, flood)
	for range 8 {
		wg.Go(func() {
			for range flood / 8 {
				_, err := f.v.Verify(context.Background(), forged, LXMGetFeedSkeleton)
				var ae *Error
				if errors.As(err, &ae) {
					reasons <- ae.Reason
				} else {
					reasons <- Reason(fmt.Sprint(err))
				}
			}
		})
	}
	wg.Wait()
	close(reasons)
	for r := range reasons {
		if r != ReasonBadSignature {
			t.Fatalf("got reason %s for a forged token, want %s", r, ReasonBadSignature)
		}
	}
	// The first lookup, plus the one refresh the interval allows.
	if got := f.dir.count(victim.did); got != 2 {
		t.Errorf("got %d fetches of the victim's DID for %d forged tokens, want 2", got, flood)
	}
	if got := f.counter(t, "feedgen_auth_key_refreshes_total", map[string]string{"result": "limited"}); got != flood-1 {
		t.Errorf("got %v limited refreshes, want %d", got, flood-1)
	}

	// The limit is per issuer: another account's refresh is still available.
	forgedOther := "Bearer " + signToken(t, "ES256", claims(bystander.did, f.clock.Now()), newKey(t, "ES256"))
	for range 10 {
		verifyReason(t, f, forgedOther)
	}
	if got := f.dir.count(bystander.did); got != 2 {
		t.Errorf("got %d fetches of another issuer's DID, want 2", got)
	}

	// A new interval buys exactly one more refresh.
	f.clock.Advance(time.Minute)
	for range 100 {
		verifyReason(t, f, forged)
	}
	if got := f.dir.count(victim.did); got != 3 {
		t.Errorf("got %d fetches of the victim's DID after one interval, want 3", got)
	}
}

// The refresh exists for key rotation; the limit must not break it.
func TestRotatedKeyIsPickedUpByRefresh(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.RefreshInterval = time.Minute })
	viewer := addIssuer(t, f.dir, "did:plc:rotator0000000000000000000", "ES256K")
	// Signed at the start, valid long enough to outlive the clock advance below: indigo checks
	// iat against the wall clock, which the fake clock does not move.
	start := f.clock.Now()
	token := func() string {
		c := claims(viewer.did, start)
		c["exp"] = start.Add(10 * time.Minute).Unix()
		return "Bearer " + signToken(t, "ES256K", c, viewer.priv)
	}
	want := Reason("verified:" + viewer.did.String())
	if got := verifyReason(t, f, token()); got != want {
		t.Fatalf("before rotation: got %s, want %s", got, want)
	}

	// Rotation: the cached document still has the old key, the refresh finds the new one.
	viewer.priv = newKey(t, "ES256")
	publish(t, f.dir, viewer)
	if got := verifyReason(t, f, token()); got != want {
		t.Fatalf("after rotation: got %s, want %s", got, want)
	}

	// A second rotation within the interval is not seen until the interval has passed: the
	// price of not letting forged tokens drive fetches.
	viewer.priv = newKey(t, "ES256K")
	publish(t, f.dir, viewer)
	if got := verifyReason(t, f, token()); got != ReasonBadSignature {
		t.Fatalf("second rotation within the interval: got %s, want %s", got, ReasonBadSignature)
	}
	f.clock.Advance(time.Minute)
	if got := verifyReason(t, f, token()); got != want {
		t.Fatalf("second rotation after the interval: got %s, want %s", got, want)
	}
}

// Tokens naming many different issuers each miss the cache; the global budget caps the fetches,
// the refusal is reported as rate_limited, and it is not cached against the issuer.
func TestGlobalFetchBudget(t *testing.T) {
	f := newFixture(t, func(c *Config) {
		c.FetchRate = 1
		c.FetchBurst = 5
	})
	now := f.clock.Now()
	var issuers []issuer
	for i := range 20 {
		issuers = append(issuers, addIssuer(t, f.dir, syntax.DID(fmt.Sprintf("did:plc:viewer%021d", i)), "ES256K"))
	}
	counts := map[Reason]int{}
	for _, iss := range issuers {
		counts[verifyReason(t, f, "Bearer "+signToken(t, "ES256K", claims(iss.did, now), iss.priv))]++
	}
	if got := f.dir.total(); got != 5 {
		t.Errorf("got %d DID fetches for 20 uncached issuers, want the burst of 5", got)
	}
	if got := counts[ReasonRateLimited]; got != 15 {
		t.Errorf("got %d rate_limited, want 15 (all: %v)", got, counts)
	}
	if got := f.counter(t, "feedgen_auth_identity_fetches_total", map[string]string{"result": "rate_limited"}); got != 15 {
		t.Errorf("got %v rate_limited fetches in the metric, want 15", got)
	}

	// Once the budget refills, a viewer who was turned away is verified: the refusal was not
	// remembered as a failed resolution of their DID.
	f.clock.Advance(time.Second)
	last := issuers[len(issuers)-1]
	want := Reason("verified:" + last.did.String())
	if got := verifyReason(t, f, "Bearer "+signToken(t, "ES256K", claims(last.did, now), last.priv)); got != want {
		t.Errorf("after refill: got %s, want %s", got, want)
	}
}

// Identities resolved without a verified handle (all of them, with NewResolver) are cached for
// CacheTTL like any other, not re-fetched once ErrTTL has passed.
func TestIdentityWithoutHandleStaysCached(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.ErrTTL = time.Millisecond })
	viewer := addIssuer(t, f.dir, "did:plc:viewer0000000000000000000", "ES256K")
	header := "Bearer " + signToken(t, "ES256K", claims(viewer.did, f.clock.Now()), viewer.priv)
	want := Reason("verified:" + viewer.did.String())
	if got := verifyReason(t, f, header); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	// The cache reads the wall clock; outlive ErrTTL by a wide margin.
	time.Sleep(20 * time.Millisecond)
	if got := verifyReason(t, f, header); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if got := f.dir.count(viewer.did); got != 1 {
		t.Errorf("got %d fetches of a cached viewer, want 1", got)
	}
}

// A bogus issuer is looked up once, then its failure is served from the cache.
func TestUnknownIssuerIsCached(t *testing.T) {
	f := newFixture(t, nil)
	stranger := issuer{did: "did:plc:stranger000000000000000000", priv: newKey(t, "ES256K")}
	header := "Bearer " + signToken(t, "ES256K", claims(stranger.did, f.clock.Now()), stranger.priv)
	for range 100 {
		if got := verifyReason(t, f, header); got != ReasonUnknownIssuer {
			t.Fatalf("got %s, want %s", got, ReasonUnknownIssuer)
		}
	}
	if got := f.dir.count(stranger.did); got != 1 {
		t.Errorf("got %d fetches for 100 tokens of an unknown issuer, want 1", got)
	}
}

// blockingDirectory holds every DID fetch until released, or until its context ends.
type blockingDirectory struct {
	*countingDirectory
	release chan struct{}
}

func (d *blockingDirectory) LookupDID(ctx context.Context, did syntax.DID) (*identity.Identity, error) {
	select {
	case <-d.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return d.countingDirectory.LookupDID(ctx, did)
}

// The cache shares one fetch among all requests for a DID and remembers its error. A client
// that hangs up mid-fetch must not leave "context canceled" cached against the viewer.
func TestClientHangUpDoesNotPoisonTheCache(t *testing.T) {
	blocking := &blockingDirectory{countingDirectory: newCountingDirectory(), release: make(chan struct{})}
	f := newFixture(t, func(c *Config) { c.Resolver = blocking })
	viewer := addIssuer(t, blocking.countingDirectory, "did:plc:viewer0000000000000000000", "ES256K")
	header := "Bearer " + signToken(t, "ES256K", claims(viewer.did, f.clock.Now()), viewer.priv)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.v.Verify(ctx, header, LXMGetFeedSkeleton)
	}()
	// Wait until that request is inside the fetch, then hang up before it completes.
	for !fetchStarted(f) {
		time.Sleep(time.Millisecond)
	}
	cancel()
	close(blocking.release)
	<-done

	want := Reason("verified:" + viewer.did.String())
	if got := verifyReason(t, f, header); got != want {
		t.Errorf("next request after a hang-up: got %s, want %s", got, want)
	}
}

// fetchStarted reports whether the Validator has begun its first DID fetch: the global budget
// is spent before the resolver is called.
func fetchStarted(f *fixture) bool {
	g := f.v.dir.gate.budget.global
	return g.TokensAt(f.clock.Now()) < float64(g.Burst())
}
