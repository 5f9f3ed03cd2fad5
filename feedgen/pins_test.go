package feedgen

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
)

// Pins lead the first page, count toward its limit and never show twice,
// whatever else the page skips: a pinned post in a language the viewer
// filters out is still served, once.
func TestPinsLeadTheFirstPageOnly(t *testing.T) {
	cfg := testConfig()
	cfg.Feeds[0].Languages = LanguagesOnly
	st := mustOpen(t)
	var posts []*model.Post
	for i := range 6 {
		p := post(i, int64(1000+i))
		p.Langs = []string{"en"}
		if i%2 == 1 {
			p.Langs = []string{"hy"}
		}
		p.Feeds = []model.Membership{{Feed: "sc-peace", Score: 1}}
		posts = append(posts, p)
	}
	testutil.PutPosts(t, st, posts...)
	pins := fixedPins{string(posts[1].URI), string(posts[2].URI)}
	srv, err := New(cfg, Deps{Store: st, Registry: prometheus.NewRegistry(), Pins: pins})
	if err != nil {
		t.Fatal(err)
	}
	page := func(limit, cursor string) (got []string, pinned []bool, next string) {
		t.Helper()
		q := url.Values{"feed": {feedURI}, "limit": {limit}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		req := httptest.NewRequest("GET", "/xrpc/app.bsky.feed.getFeedSkeleton?"+q.Encode(), nil)
		req.Header.Set("Accept-Language", "en")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		var out struct {
			Cursor string
			Feed   []struct {
				Post   string
				Reason *struct {
					Type string `json:"$type"`
				}
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != 200 {
			t.Fatalf("getFeedSkeleton: %d %s", rec.Code, rec.Body)
		}
		for _, it := range out.Feed {
			got = append(got, it.Post)
			pinned = append(pinned, it.Reason != nil && it.Reason.Type == "app.bsky.feed.defs#skeletonReasonPin")
		}
		return got, pinned, out.Cursor
	}
	u := func(i int) string { return string(posts[i].URI) }

	got, pinned, next := page("3", "")
	if want := []string{u(1), u(2), u(4)}; !slices.Equal(got, want) || !slices.Equal(pinned, []bool{true, true, false}) {
		t.Errorf("first page: got %v %v, want %v with the first two pinned", got, pinned, want)
	}
	got, _, next = page("10", next)
	if want := []string{u(0)}; !slices.Equal(got, want) || next != "" {
		t.Errorf("second page: got %v (cursor %q), want %v and the end", got, next, want)
	}
	// A page the pins fill still leads on to the whole feed.
	got, _, next = page("1", "")
	if !slices.Equal(got, []string{u(1)}) || next == "" {
		t.Fatalf("limit 1: got %v cursor %q", got, next)
	}
	got, _, _ = page("10", next)
	if want := []string{u(4), u(0)}; !slices.Equal(got, want) {
		t.Errorf("after a page of pins: got %v, want %v", got, want)
	}
}
