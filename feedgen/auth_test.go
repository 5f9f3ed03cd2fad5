package feedgen

import (
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
