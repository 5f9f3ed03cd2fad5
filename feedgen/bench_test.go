package feedgen

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

const benchPosts = 1_000_000

// benchStore returns a store holding benchPosts posts in one feed. The
// file is built once and kept in the temp dir, since building it takes
// longer than the benchmarks.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("feedgen-bench-%d-v2.db", benchPosts))
	if _, err := os.Stat(path); err != nil {
		if err := SeedBenchStore(path, "sc-peace", benchPosts); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// SeedBenchStore writes n posts into feed, with many equal timestamps, as
// a realistic large store for benchmarks and load tests.
func SeedBenchStore(path, feed string, n int) error {
	tmp := path + ".tmp"
	os.Remove(tmp)
	st, err := store.Open(tmp, store.Options{NoSync: true})
	if err != nil {
		return err
	}
	const batch = 20_000
	for i := 0; i < n; i += batch {
		err := st.Update(context.Background(), func(tx *store.Tx) error {
			for j := i; j < i+batch && j < n; j++ {
				p := post(j, 1_700_000_000_000_000+int64(j/3)*1_000_000)
				p.Text = "benchmark post"
				p.Langs = []string{"en"}
				p.Feeds = []model.Membership{{Feed: feed, Score: 1, Reasons: []string{"bench"}}}
				if err := tx.PutPost(p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			st.Close()
			return err
		}
	}
	if err := st.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func benchRequest(b *testing.B, h http.Handler, target string) {
	b.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkGetFeedSkeleton serves 50-item pages from a store of a million
// posts: the first page, a page deep in the feed, and, as the ceiling, an
// echo handler that returns a constant 50-item skeleton.
func BenchmarkGetFeedSkeleton(b *testing.B) {
	st := benchStore(b)
	cfg := testConfig()
	cfg.Feeds = append(cfg.Feeds, Feed{ID: "sc-peace-top", URI: topURI, Store: "sc-peace", Top: true})
	ranker := benchRanker(b, st)
	srv, err := New(cfg, Deps{Store: st, Registry: prometheus.NewRegistry(), Ranker: ranker})
	if err != nil {
		b.Fatal(err)
	}
	first := "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape(feedURI) + "&limit=50"
	// A cursor 900,000 posts down.
	items, _, err := st.FeedPage(context.Background(), store.PageRequest{Feed: "sc-peace", Limit: 1, Cursor: "1700000100000000000.1"})
	if err != nil || len(items) == 0 {
		b.Fatalf("deep cursor: %v", err)
	}
	deep := first + "&cursor=" + url.QueryEscape(items[0].Cursor())

	b.Run("first-page", func(b *testing.B) { benchRequest(b, srv, first) })
	b.Run("deep-page", func(b *testing.B) { benchRequest(b, srv, deep) })
	// The same feed by engagement: the first page of its snapshot, and
	// page ten (a cursor 450 posts down the ranking).
	top := "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape(topURI) + "&limit=50"
	topDeep := top + "&cursor=" + url.QueryEscape(topCursorAt(b, srv, top, 9))
	b.Run("top-first-page", func(b *testing.B) { benchRequest(b, srv, top) })
	b.Run("top-page-10", func(b *testing.B) { benchRequest(b, srv, topDeep) })
	// Until the next snapshot after a post left the feed, each entry of
	// a top page is looked up in the feed.
	snap, err := ranker.Current(context.Background(), "sc-peace-top")
	if err != nil {
		b.Fatal(err)
	}
	snap.Mark.Removals--
	b.Run("top-first-page-after-a-removal", func(b *testing.B) { benchRequest(b, srv, top) })
	snap.Mark.Removals++
	b.Run("ceiling-constant-echo", func(b *testing.B) { benchRequest(b, CeilingHandler(), first) })
}

// CeilingHandler is the yardstick for serving: a bare echo server whose
// getFeedSkeleton returns the same 50-item skeleton every time, of the size
// of ours (the same URIs, a cursor and a reqId), encoded on each request.
func CeilingHandler() http.Handler {
	out := bsky.FeedGetFeedSkeleton_Output{}
	for i := range 50 {
		out.Feed = append(out.Feed, &bsky.FeedDefs_SkeletonFeedPost{Post: post(i, 0).URI.String()})
	}
	cursor, reqID := "1700000000000000-0123456789abcdef", "0123456789abcdef-1a2b"
	out.Cursor, out.ReqId = &cursor, &reqID
	e := echo.New()
	e.GET("/xrpc/app.bsky.feed.getFeedSkeleton", func(c echo.Context) error { return c.JSON(http.StatusOK, &out) })
	return e
}

// benchEngagement gives every post a deterministic, uneven engagement.
type benchEngagement struct{}

func (benchEngagement) Engagement(_ context.Context, uris []syntax.ATURI, out []ranking.Counts) error {
	for i, u := range uris {
		h := fnv.New64a()
		h.Write([]byte(u))
		v := h.Sum64()
		out[i] = ranking.Counts{Likes: int64(v % 200), Reposts: int64(v >> 8 % 20), Replies: int64(v >> 16 % 30), Quotes: int64(v >> 24 % 5)}
	}
	return nil
}

// benchRanker ranks the bench store's newest posts (the bench posts are
// from 2023: the window reaches back to them) and is not rebuilt during
// a run, whose pages are what is measured (BenchmarkTopSnapshot measures
// a rebuild).
func benchRanker(b *testing.B, st *store.Store) *ranking.Ranker {
	b.Helper()
	r, err := ranking.New(ranking.Config{
		Feeds:   []ranking.Feed{{ID: "sc-peace-top", Store: "sc-peace", Params: ranking.Params{Window: 87_000 * time.Hour, HalfLife: 12 * time.Hour, Weights: ranking.DefaultWeights}}},
		Refresh: 24 * time.Hour, NewPosts: 24 * time.Hour, Keep: 48 * time.Hour,
	}, st, benchEngagement{}, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// topCursorAt is the cursor after n pages of target.
func topCursorAt(b *testing.B, h http.Handler, target string, n int) string {
	b.Helper()
	cursor := ""
	for range n {
		rec := httptest.NewRecorder()
		u := target
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		var out struct{ Cursor string }
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Cursor == "" {
			b.Fatalf("page of %s: %d %s", u, rec.Code, rec.Body)
		}
		cursor = out.Cursor
	}
	return cursor
}

// BenchmarkTopSnapshot is one rebuild of a top feed's ranking: the
// newest 20,000 posts of the million-post store read with their
// languages, their engagement looked up, ranked, the best 1,000 kept.
func BenchmarkTopSnapshot(b *testing.B) {
	st := benchStore(b)
	r := benchRanker(b, st)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Rebuild(context.Background(), "sc-peace-top"); err != nil {
			b.Fatal(err)
		}
	}
}
