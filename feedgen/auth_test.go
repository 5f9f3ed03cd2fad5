package feedgen

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/atcrypto"
	iauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/auth"
)

// A viewer's JWT is checked on getFeedSkeleton: in strict mode a token
// minted for another service is refused with an XRPC 401, while a good
// token and no token are served.
func TestSkeletonChecksServiceAuth(t *testing.T) {
	cfg := testConfig()
	priv, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := priv.PublicKey()
	const viewer = syntax.DID("did:plc:viewerxxxxxxxxxxxxxxxxxx")
	dir := identity.NewMockDirectory()
	dir.Insert(identity.Identity{DID: viewer, Handle: syntax.HandleInvalid,
		Keys: map[string]identity.VerificationMethod{"atproto": {Type: "Multikey", PublicKeyMultibase: pub.Multibase()}}})

	for _, strict := range []bool{false, true} {
		reg := prometheus.NewRegistry()
		v, err := auth.NewValidator(auth.Config{Audience: cfg.ServiceDID, Resolver: dir, Strict: strict, Registerer: reg})
		if err != nil {
			t.Fatal(err)
		}
		st := mustOpen(t)
		srv, err := New(cfg, Deps{Store: st, Registry: reg, Auth: v})
		if err != nil {
			t.Fatal(err)
		}
		lxm := syntax.NSID("app.bsky.feed.getFeedSkeleton")
		good, err := iauth.SignServiceAuth(viewer, cfg.ServiceDID.String(), time.Minute, &lxm, priv)
		if err != nil {
			t.Fatal(err)
		}
		forAppView, err := iauth.SignServiceAuth(viewer, "did:plc:appviewxxxxxxxxxxxxxxxxx", time.Minute, &lxm, priv)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name  string
			token string
			want  int
		}{
			{"no token", "", 200},
			{"valid token", good, 200},
			{"token for the AppView", forAppView, map[bool]int{false: 200, true: 401}[strict]},
		} {
			req, _ := http.NewRequest("GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(feedURI), nil)
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Errorf("strict=%v %s: got %d %s, want %d", strict, tc.name, rec.Code, rec.Body, tc.want)
			}
		}
	}
}

// Identity fetches are charged to the caller's address, which a client
// cannot choose with X-Forwarded-For; behind a proxy on a private address
// (fly.io's), the address the proxy saw is the caller.
func TestIdentityFetchesAreChargedToTheCaller(t *testing.T) {
	cfg := testConfig()
	reg := prometheus.NewRegistry()
	v, err := auth.NewValidator(auth.Config{Audience: cfg.ServiceDID, Resolver: identity.NewMockDirectory(),
		Strict: true, Registerer: reg, SourceRate: 0.001, SourceBurst: 2})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(cfg, Deps{Store: mustOpen(t), Registry: reg, Auth: v})
	if err != nil {
		t.Fatal(err)
	}
	priv, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		t.Fatal(err)
	}
	lxm := syntax.NSID("app.bsky.feed.getFeedSkeleton")
	try := func(i int, remote, xff string) string {
		iss := syntax.DID(fmt.Sprintf("did:plc:forgedissuer%012d", i))
		tok, err := iauth.SignServiceAuth(iss, cfg.ServiceDID.String(), time.Minute, &lxm, priv)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(feedURI), nil)
		req.RemoteAddr = remote
		req.Header.Set("Authorization", "Bearer "+tok)
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		var body XRPCError
		json.Unmarshal(rec.Body.Bytes(), &body)
		return body.Error
	}
	// A direct caller's own burst of two fetches, whatever it claims to
	// be forwarding for; then it must wait.
	for i, want := range []string{"BadJwtIss", "BadJwtIss", "AuthenticationRequired", "AuthenticationRequired"} {
		if got := try(i, "203.0.113.9:5000", fmt.Sprintf("198.51.100.%d", i+1)); got != want {
			t.Errorf("direct token %d: got %s, want %s", i, got, want)
		}
	}
	// Through a proxy on a private address, each forwarded address has
	// its own budget.
	for i := range 3 {
		if got := try(10+i, "172.16.0.2:5000", fmt.Sprintf("6.6.6.6, 198.51.100.%d", 100+i)); got != "BadJwtIss" {
			t.Errorf("proxied token %d: got %s, want BadJwtIss", i, got)
		}
	}
}
