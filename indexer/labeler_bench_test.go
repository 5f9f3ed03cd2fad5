package indexer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/labeling"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// labelMix is a synthetic label stream shaped like a big moderation
// service's: nearly every label is about a post of the wider network we do
// not keep (96%); 2% label a post we hold as spam, 1% negate such a label,
// 1% label an account we know. heldPosts posts by heldAuthors authors are
// in the feed.
type labelMix struct {
	held    []syntax.ATURI
	authors []syntax.DID
}

const (
	heldPosts   = 2000
	heldAuthors = 400
)

// seedHeld puts the held posts in the feed.
func seedHeld(tb testing.TB, st *store.Store) labelMix {
	tb.Helper()
	var m labelMix
	for i := range heldAuthors {
		m.authors = append(m.authors, syntax.DID(fmt.Sprintf("did:plc:held%020d", i)))
	}
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		for i := range heldPosts {
			a := m.authors[i%heldAuthors]
			uri := postURI(a, fmt.Sprintf("3kheld%07d", i))
			m.held = append(m.held, uri)
			us := time.Now().Add(-time.Duration(i) * time.Second).UnixMicro()
			p := &model.Post{URI: uri, CID: cidA, Author: a, CreatedUS: us, IndexedUS: us, Text: "Armenia",
				Feeds: []model.Membership{{Feed: testFeed, Score: 1, Reasons: []string{"keyword:armenia"}}}}
			if err := tx.PutPost(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// label draws the i-th label of the stream.
func (m *labelMix) label(tb testing.TB, lab *testutil.Labeler, r *rand.Rand) *comatproto.LabelDefs_Label {
	switch n := r.IntN(100); {
	case n < 2:
		return lab.Label(tb, m.held[r.IntN(len(m.held))].String(), "spam", testutil.LabelOpts{})
	case n < 3:
		return lab.Label(tb, m.held[r.IntN(len(m.held))].String(), "spam", testutil.LabelOpts{Neg: true})
	case n < 4:
		return lab.Label(tb, m.authors[r.IntN(len(m.authors))].String(), "spam", testutil.LabelOpts{})
	default:
		who := syntax.DID(fmt.Sprintf("did:plc:net%021d", r.IntN(1_000_000)))
		return lab.Label(tb, postURI(who, fmt.Sprintf("3knet%08d", r.IntN(100_000_000))).String(), []string{"porn", "sexual", "spam", "nudity"}[r.IntN(4)], testutil.LabelOpts{})
	}
}

// BenchmarkLabelStream is label ingestion end to end: a labeler's
// subscribeLabels stream over a loopback websocket, each frame decoded,
// its label's signature verified, and applied by the writer in batches
// with the labeler's position (most dropped as not held, the rest kept
// and the posts they touch decided again). One op is one label; the
// frames are signed beforehand and do not count.
func BenchmarkLabelStream(b *testing.B) {
	st := testutil.MustOpen(b)
	mix := seedHeld(b, st)
	lab := testutil.NewLabeler(b, labelerDID)
	r := rand.New(rand.NewPCG(1, 2))
	for range b.N {
		lab.Emit(b, mix.label(b, lab, r))
	}
	// From the stream's start: a saved position of 0.
	if err := st.Update(context.Background(), func(tx *store.Tx) error { return tx.SetCursor(LabelerCursorName(labelerDID), 0) }); err != nil {
		b.Fatal(err)
	}
	dir := identity.NewMockDirectory()
	dir.Insert(lab.Identity())
	ix, err := New(Config{Source: SourceSpec{Kind: SourceNone}, Labelers: []syntax.DID{labelerDID}, PruneInterval: -1},
		Deps{Store: st, Decider: moderatedDecider(b, time.Now, labelerDID), Directory: dir})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	t0 := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ix.Run(ctx) }()
	for ix.Labelers()[0].Cursor < int64(b.N) {
		time.Sleep(time.Millisecond)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(t0).Seconds(), "labels/s")
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCheckLabel is one label's check alone: bounds, syntax and the
// signature, which dominates.
func BenchmarkCheckLabel(b *testing.B) {
	lab := testutil.NewLabeler(b, labelerDID)
	pub, _ := lab.Key.PublicKey()
	l := lab.Label(b, "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kabc", "spam", testutil.LabelOpts{})
	verify := func(l *labeling.Label) error { return l.VerifySignature(pub) }
	b.ReportAllocs()
	for b.Loop() {
		if _, reason := checkLabel(l, labelerDID, verify); reason != "" {
			b.Fatal(reason)
		}
	}
}
