package feedgen

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/api/bsky"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/store"
)

// showLessBody is a sendInteractions body of n "show less" items, each a
// different record of one of seven authors, with URIs as short as the
// syntax allows so that 13,000 of them fit in the 1 MB body limit.
func showLessBody(n int) string {
	in := bsky.FeedSendInteractions_Input{}
	for i := range n {
		item := fmt.Sprintf("at://did:plc:%d/a.b.c/%s", i%7, strconv.FormatInt(int64(i), 36))
		ev := EventRequestLess
		in.Interactions = append(in.Interactions, &bsky.FeedDefs_Interaction{Item: &item, Event: &ev})
	}
	b, _ := json.Marshal(in)
	return string(b)
}

// BenchmarkSendInteractions is one viewer's sendInteractions request with
// n "show less" items, through the whole handler (service auth, decoding,
// validation, the write). Issue 9: 13,000 items took 2 s under the write
// lock.
func BenchmarkSendInteractions(b *testing.B) {
	for _, n := range []int{1, 100, 13_000} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			t := &testing.T{}
			f := newViewerFixture(t, interactionsConfig(), false)
			body := showLessBody(n)
			tok := f.token(t, alice, auth.LXMSendInteractions)
			b.SetBytes(int64(len(body)))
			b.ResetTimer()
			for range b.N {
				req := httptest.NewRequest("POST", "/xrpc/app.bsky.feed.sendInteractions", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+tok)
				rec := httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest && rec.Code != http.StatusTooManyRequests {
					b.Fatalf("got %d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkApplyInteractions is the part of a request that runs under the
// store's write lock: applying n "show less" marks to one viewer's record.
// "reference" is the per-item list scans the indexed version replaced
// (quadratic), kept in the tests as its specification.
func BenchmarkApplyInteractions(b *testing.B) {
	pol := InteractionPolicy{}
	pol.setDefaults()
	for _, n := range []int{100, 13_000} {
		its := make([]interaction, n)
		for i := range its {
			its[i] = interaction{event: EventRequestLess, item: syntax.ATURI(fmt.Sprintf("at://did:plc:%d/app.bsky.feed.post/%d", i%7, i))}
		}
		for _, impl := range []struct {
			name  string
			apply func(*InteractionPolicy, *store.ViewerPrefs, []interaction, int64)
		}{{"indexed", (*InteractionPolicy).applyAll}, {"reference", referenceApply}} {
			b.Run(fmt.Sprintf("%s/items=%d", impl.name, n), func(b *testing.B) {
				for range b.N {
					p := &store.ViewerPrefs{}
					impl.apply(&pol, p, its, 1e15)
					pol.trim(p, 1e15)
				}
			})
		}
	}
}
