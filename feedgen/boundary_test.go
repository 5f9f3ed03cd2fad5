package feedgen

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// chunked is a body whose length is not announced: a client streaming it.
type chunked struct{ io.Reader }

// A body over the limit is 413 whether or not its length is announced
// (the admin API's case is in curation's tests).
func TestOversizedBodiesAre413(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	big := `{"interactions":[` + strings.Repeat(`{"event":"app.bsky.feed.defs#interactionSeen"},`, 30_000) + `{}]}`
	for _, tc := range []struct {
		name, path string
		body       io.Reader
	}{
		{"sendInteractions, announced", "/xrpc/app.bsky.feed.sendInteractions", strings.NewReader(big)},
		{"sendInteractions, chunked", "/xrpc/app.bsky.feed.sendInteractions", chunked{strings.NewReader(big)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", f.http.URL+tc.path, tc.body)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+f.token(t, alice, "app.bsky.feed.sendInteractions"))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e XRPCError
			json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != 413 || e.Error != "PayloadTooLarge" {
				t.Errorf("got %d %+v, want 413 PayloadTooLarge", resp.StatusCode, e)
			}
		})
	}
}

// Every GET route answers HEAD with the GET's status and headers and no
// body; a route without GET does not pretend to have one.
func TestHeadOnGetRoutes(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	for _, path := range []string{
		"/", "/xrpc/_health", "/metrics", "/.well-known/did.json",
		"/xrpc/app.bsky.feed.describeFeedGenerator",
		"/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape(feedURI),
		"/xrpc/app.bsky.feed.getFeedSkeleton", // a 400, as for GET
	} {
		get, err := http.Get(f.http.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		get.Body.Close()
		head, err := http.Head(f.http.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(head.Body)
		head.Body.Close()
		sameType := head.Header.Get("Content-Type") == get.Header.Get("Content-Type") || get.StatusCode != 200
		if head.StatusCode != get.StatusCode || len(body) != 0 || !sameType {
			t.Errorf("HEAD %s: got %d %q %q, want %d %q and no body", path, head.StatusCode, head.Header.Get("Content-Type"), body,
				get.StatusCode, get.Header.Get("Content-Type"))
		}
	}
	head, err := http.Head(f.http.URL + "/xrpc/app.bsky.feed.sendInteractions")
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if head.StatusCode == 200 || head.StatusCode >= 500 {
		t.Errorf("HEAD on a POST-only method: got %d, want a 4xx", head.StatusCode)
	}
}
