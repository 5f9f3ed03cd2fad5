package feedgen

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const benchPosts = 1_000_000

// benchStore returns a store holding benchPosts posts in one feed. The
// file is built once and kept in the temp dir, since building it takes
// longer than the benchmarks.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("feedgen-bench-%d-v1.db", benchPosts))
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
	srv, err := New(testConfig(), Deps{Store: st, Registry: prometheus.NewRegistry()})
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
	b.Run("ceiling-constant-echo", func(b *testing.B) { benchRequest(b, CeilingHandler(), first) })
}

// CeilingHandler is the yardstick for serving: a bare echo server whose
// getFeedSkeleton returns the same 50-item skeleton every time, encoded on
// each request as ours is.
func CeilingHandler() http.Handler {
	out := bsky.FeedGetFeedSkeleton_Output{}
	for i := range 50 {
		out.Feed = append(out.Feed, &bsky.FeedDefs_SkeletonFeedPost{Post: post(i, 0).URI.String()})
	}
	cursor := "1700000000000000.12345"
	out.Cursor = &cursor
	e := echo.New()
	e.GET("/xrpc/app.bsky.feed.getFeedSkeleton", func(c echo.Context) error { return c.JSON(http.StatusOK, &out) })
	return e
}
