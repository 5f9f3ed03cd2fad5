package feedgen

import (
	"context"
	"net/url"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/store"
)

// fixedPins is a Pinner with the same pins for every feed.
type fixedPins []string

func (p fixedPins) Pins(string) []string { return p }

// BenchmarkGetFeedSkeletonPinned is BenchmarkGetFeedSkeleton with five
// pinned posts: they lead the first page, and every page's scan skips
// them.
func BenchmarkGetFeedSkeletonPinned(b *testing.B) {
	st := benchStore(b)
	var pins fixedPins
	for i := range 5 {
		pins = append(pins, post(1000+i, 0).URI.String())
	}
	srv, err := New(testConfig(), Deps{Store: st, Registry: prometheus.NewRegistry(), Pins: pins})
	if err != nil {
		b.Fatal(err)
	}
	first := "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape(feedURI) + "&limit=50"
	items, _, err := st.FeedPage(context.Background(), store.PageRequest{Feed: "sc-peace", Limit: 1, Cursor: "1700000100000000000.1"})
	if err != nil || len(items) == 0 {
		b.Fatalf("deep cursor: %v", err)
	}
	deep := first + "&cursor=" + url.QueryEscape(items[0].Cursor())
	b.Run("first-page", func(b *testing.B) { benchRequest(b, srv, first) })
	b.Run("deep-page", func(b *testing.B) { benchRequest(b, srv, deep) })
}
