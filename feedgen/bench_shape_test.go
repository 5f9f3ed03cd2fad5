package feedgen

import (
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
	"github.com/scpeace/feedgen/store"
)

// BenchmarkShapedSkeleton serves 50-item first pages of the million-post
// bench store through the paths that fit a page to its viewer, to set
// beside BenchmarkGetFeedSkeleton's plain first page:
//
//   - feedcontext: a feed taking interactions, logged out (each item
//     carries its feedContext);
//   - prefer-en, only-en: a language mode whose viewer reads the posts'
//     language (every bench post is "en");
//   - only-miss: an "only" viewer who reads none of them, so every
//     request scans its whole budget (50 × limit) and returns an empty
//     page with a cursor: the worst case;
//   - viewer: a verified viewer (ES256K service JWT, identity cached)
//     with 20 hidden posts and 2 hidden authors;
//   - viewer-no-prefs: the same viewer with nothing stored.
func BenchmarkShapedSkeleton(b *testing.B) {
	st := benchStore(b)
	first := "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape(feedURI) + "&limit=50"
	server := func(b *testing.B, f Feed, v *auth.Validator) *Server {
		cfg := testConfig()
		f.ID, f.URI = "sc-peace", feedURI
		cfg.Feeds = []Feed{f}
		srv, err := New(cfg, Deps{Store: st, Registry: prometheus.NewRegistry(), Auth: v})
		if err != nil {
			b.Fatal(err)
		}
		return srv
	}
	withHeader := func(h http.Handler, k, v string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Header.Set(k, v)
			h.ServeHTTP(w, r)
		})
	}
	b.Run("feedcontext", func(b *testing.B) {
		benchRequest(b, server(b, Feed{AcceptsInteractions: true}, nil), first)
	})
	b.Run("prefer-en", func(b *testing.B) {
		benchRequest(b, withHeader(server(b, Feed{Languages: LanguagesPrefer}, nil), "Accept-Language", "en-US,en;q=0.9"), first)
	})
	b.Run("only-en", func(b *testing.B) {
		benchRequest(b, withHeader(server(b, Feed{Languages: LanguagesOnly}, nil), "Accept-Language", "en-US,en;q=0.9"), first)
	})
	b.Run("only-miss", func(b *testing.B) {
		benchRequest(b, withHeader(server(b, Feed{Languages: LanguagesOnly}, nil), "Accept-Language", "hy"), first)
	})

	// A verified viewer. The bench store file is shared between runs, so
	// the viewers are unique per run and their record is removed after.
	priv, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		b.Fatal(err)
	}
	pub, _ := priv.PublicKey()
	dir := identity.NewMockDirectory()
	viewers := []syntax.DID{
		syntax.DID(fmt.Sprintf("did:plc:benchviewer%013d", time.Now().UnixNano()%1e13)),
		syntax.DID(fmt.Sprintf("did:plc:benchnoprefs%012d", time.Now().UnixNano()%1e12)),
	}
	for _, v := range viewers {
		dir.Insert(identity.Identity{DID: v, Handle: syntax.HandleInvalid,
			Keys: map[string]identity.VerificationMethod{"atproto": {Type: "Multikey", PublicKeyMultibase: pub.Multibase()}}})
	}
	prefs := &store.ViewerPrefs{}
	now := time.Now().UnixMicro()
	for i := range 20 {
		prefs.LessPosts = append(prefs.LessPosts, store.Mark{Subject: post(i*7, 0).URI.String(), AtUS: now})
	}
	prefs.LessAuthors = []store.Mark{{Subject: string(post(1, 0).Author), AtUS: now}, {Subject: string(post(2, 0).Author), AtUS: now}}
	if err := st.Update(b.Context(), func(tx *store.Tx) error { return tx.PutViewerPrefs(viewers[0], "sc-peace", prefs) }); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		st.Update(b.Context(), func(tx *store.Tx) error { return tx.PutViewerPrefs(viewers[0], "sc-peace", &store.ViewerPrefs{}) })
	})
	v, err := auth.NewValidator(auth.Config{Audience: testConfig().ServiceDID, Resolver: dir})
	if err != nil {
		b.Fatal(err)
	}
	srv := server(b, Feed{AcceptsInteractions: true}, v)
	for i, name := range []string{"viewer", "viewer-no-prefs"} {
		lxm := auth.LXMGetFeedSkeleton
		tok, err := iauth.SignServiceAuth(viewers[i], testConfig().ServiceDID.String(), time.Hour, &lxm, priv)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			// Check once that the viewer really is served shaped.
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, first, nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			srv.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			benchRequest(b, withHeader(srv, "Authorization", "Bearer "+tok), first)
		})
	}
}
