package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// skeletonRequest is what the stub feed generator saw in one getFeedSkeleton call.
type skeletonRequest struct {
	Feed      string
	Limit     string
	HasAuth   bool
	Issuer    syntax.DID // the validated iss, "" when there was no token or it was rejected
	AuthError error
}

// stubFeedGen is the smallest feed generator the AppView accepts: it serves its own
// did:web document and a fixed skeleton, and validates the service-auth JWT with indigo's
// atproto/auth against the network's PLC, as our own server will.
type stubFeedGen struct {
	DID      syntax.DID
	skeleton []string
	cursor   string
	mu       sync.Mutex
	requests []skeletonRequest
}

func startStubFeedGen(t *testing.T, n *Network, skeleton []string, cursor string) *stubFeedGen {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	// did:web:localhost is fetched over plain http by the AppView; 127.0.0.1 would be https.
	s := &stubFeedGen{DID: syntax.DID(fmt.Sprintf("did:web:localhost%%3A%d", port)), skeleton: skeleton, cursor: cursor}
	endpoint := fmt.Sprintf("http://localhost:%d", port)
	validator := &auth.ServiceAuthValidator{
		Audience: s.DID.String(),
		Dir:      &identity.BaseDirectory{PLCURL: n.PLCURL, SkipHandleVerification: true},
	}
	lxm := syntax.NSID("app.bsky.feed.getFeedSkeleton")

	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/did.json", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{
			"@context": []string{"https://www.w3.org/ns/did/v1"},
			"id":       s.DID,
			"service":  []map[string]string{{"id": "#bsky_fg", "type": "BskyFeedGenerator", "serviceEndpoint": endpoint}},
		})
	})
	mux.HandleFunc("GET /xrpc/app.bsky.feed.getFeedSkeleton", func(w http.ResponseWriter, r *http.Request) {
		req := skeletonRequest{Feed: r.URL.Query().Get("feed"), Limit: r.URL.Query().Get("limit")}
		if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			req.HasAuth = true
			req.Issuer, req.AuthError = validator.Validate(r.Context(), tok, &lxm)
		}
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.mu.Unlock()
		out := bsky.FeedGetFeedSkeleton_Output{Cursor: &s.cursor}
		for _, uri := range s.skeleton {
			out.Feed = append(out.Feed, &bsky.FeedDefs_SkeletonFeedPost{Post: uri})
		}
		writeJSON(w, out)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// takeRequests returns and forgets what the stub has seen so far.
func (s *stubFeedGen) takeRequests() []skeletonRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.requests
	s.requests = nil
	return r
}

// TestAppViewCallsFeedGeneratorWithServiceAuth walks the path our feed will take in
// production, with a stub in place of our server: a feed record pointing at a did:web on
// localhost, getFeed as a logged-in user through the PDS (which mints the JWT) and
// anonymously, and the AppView hydrating the skeleton, dropping a deleted post.
func TestAppViewCallsFeedGeneratorWithServiceAuth(t *testing.T) {
	n := Start(t, Full)
	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	first := n.Post(t, alice, "Pashinyan and Aliyev initialled the peace agreement in Washington", PostOpts{Langs: []string{"en"}})
	gone := n.Post(t, bob, "Tbilisi talks: this post will be deleted", PostOpts{Langs: []string{"en"}})
	second := n.Post(t, bob, "The border commission meets again next week", PostOpts{Langs: []string{"en"}, ReplyTo: first.URI})
	n.Delete(t, bob, gone.URI)

	stub := startStubFeedGen(t, n, []string{second.URI.String(), gone.URI.String(), first.URI.String()}, "page-2")
	feed := n.PutRecord(t, alice, "app.bsky.feed.generator", "scpeace", map[string]any{
		"did":         stub.DID,
		"displayName": "South Caucasus Peace",
		"createdAt":   time.Now().UTC().Format(time.RFC3339),
	})
	n.ProcessAll(t) // the AppView must have indexed the feed record before getFeed works

	cases := []struct {
		name       string
		as         *Account
		wantAuth   bool
		wantIssuer syntax.DID
	}{
		{name: "as bob through the PDS", as: &bob, wantAuth: true, wantIssuer: bob.DID},
		{name: "anonymous at the AppView", as: nil, wantAuth: false},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			stub.takeRequests()
			out := n.GetFeed(t, tt.as, feed.URI, FeedQuery{Limit: 10})

			var got []string
			for _, item := range out.Feed {
				got = append(got, item.Post.Uri)
			}
			want := []string{second.URI.String(), first.URI.String()}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got posts %v, want %v (skeleton order, deleted post dropped)", got, want)
			}
			if len(out.Feed) == 2 {
				if out.Feed[1].Post.Author.Handle != alice.Handle.String() {
					t.Errorf("got author %s, want %s", out.Feed[1].Post.Author.Handle, alice.Handle)
				}
				if r := out.Feed[0].Reply; r == nil || r.Parent == nil || r.Parent.FeedDefs_PostView == nil || r.Parent.FeedDefs_PostView.Uri != first.URI.String() {
					t.Errorf("got reply context %+v, want parent %s", r, first.URI)
				}
			}
			if out.Cursor == nil || *out.Cursor != "page-2" {
				t.Errorf("got cursor %v, want page-2", out.Cursor)
			}

			reqs := stub.takeRequests()
			if len(reqs) != 1 {
				t.Fatalf("stub got %d getFeedSkeleton calls, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Feed != feed.URI.String() || r.Limit != "10" {
				t.Errorf("got feed=%s limit=%s, want feed=%s limit=10", r.Feed, r.Limit, feed.URI)
			}
			if r.HasAuth != tt.wantAuth || r.AuthError != nil || r.Issuer != tt.wantIssuer {
				t.Errorf("got auth=%v iss=%q err=%v, want auth=%v iss=%q", r.HasAuth, r.Issuer, r.AuthError, tt.wantAuth, tt.wantIssuer)
			}
		})
	}
}
