package indexer

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

// The "Done when" of issue 13: posts, likes (and unlikes), a repost, a
// reply and a quote replayed through the indexer give each post its
// counts, and a top feed ranked from those counts orders them by weighted
// engagement; the newest-first feed is untouched.
func TestEngagementRanksTheTopFeed(t *testing.T) {
	alice, bob, carol, dave := did(1), did(2), did(3), did(4)
	b := newEvb()
	p1, p2, p3, off := postURI(alice, "3kp1"), postURI(bob, "3kp2"), postURI(carol, "3kp3"), postURI(dave, "3koff")
	events := []any{
		b.post(alice, "3kp1", "Armenia and Azerbaijan sign"),
		b.post(bob, "3kp2", "Georgia votes"),
		b.post(carol, "3kp3", "Azerbaijan border talks"),
		b.post(dave, "3koff", "my cat"),
	}
	// Five readers like p1, three of them change their minds; three like
	// p2, one twice (a replayed event).
	for i := range 5 {
		events = append(events, b.like(did(100+i), fmt.Sprintf("3kl1%d", i), p1))
	}
	for i := range 3 {
		events = append(events, b.del(did(100+i), CollectionLike, fmt.Sprintf("3kl1%d", i)))
	}
	for i := range 3 {
		events = append(events, b.like(did(200+i), fmt.Sprintf("3kl2%d", i), p2))
	}
	events = append(events, b.like(did(200), "3kl20", p2))
	// p3 is reposted once (by someone no feed lists); p2 gets a reply and
	// a quote; a like of a post we do not hold is dropped.
	events = append(events, b.repost(did(300), "3kr1", p3))
	reply := b.post(did(301), "3krep", "I agree")
	ref := &comatproto.RepoStrongRef{Uri: p2.String(), Cid: cidA}
	reply.Commit.Post.Reply = &bsky.FeedPost_ReplyRef{Root: ref, Parent: ref}
	quote := b.post(did(302), "3kq", "worth reading")
	quote.Commit.Post.Embed = &bsky.FeedPost_Embed{EmbedRecord: &bsky.EmbedRecord{Record: ref}}
	events = append(events, reply, quote, b.like(did(303), "3kloff", off))

	st := mustOpen(t)
	path := writeFile(t, encodeLines(t, events...))
	runToEnd(t, newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, nil))

	want := map[syntax.ATURI]model.Engagement{p1: {Likes: 2}, p2: {Likes: 3, Replies: 1, Quotes: 1}, p3: {Reposts: 1}}
	err := st.View(func(tx *store.Tx) error {
		for uri, w := range want {
			if got, ok := tx.Engagement(uri); !ok || got != w {
				t.Errorf("%s: got %+v (held %v), want %+v", uri, got, ok, w)
			}
		}
		if _, ok := tx.Engagement(off); ok {
			t.Errorf("the off-topic post is held")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	r, err := ranking.New(ranking.Config{
		Feeds: []ranking.Feed{{ID: "top", Store: testFeed, Params: ranking.Params{Window: 72 * time.Hour, HalfLife: 12 * time.Hour, Weights: ranking.DefaultWeights}}},
		Now:   func() time.Time { return testNow },
	}, st, ranking.StoreEngagement(st), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := r.Current(context.Background(), "top")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range snap.Entries {
		if e.URI == p1 || e.URI == p2 || e.URI == p3 {
			got = append(got, string(e.URI))
		}
	}
	// p2: 3 likes + a reply (2) + a quote (3) = 8; p3: a repost = 3;
	// p1: 2 likes = 2, all within seconds of each other.
	if want := []string{string(p2), string(p3), string(p1)}; !slices.Equal(got, want) {
		t.Errorf("top order: got %v, want %v", got, want)
	}
	if latest := feedURIs(t, st, testFeed); len(latest) < 3 || latest[len(latest)-1] != string(p1) {
		t.Errorf("newest-first feed: %v", latest)
	}
}
