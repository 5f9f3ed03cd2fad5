package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

func likeURI(did string, n int) syntax.ATURI {
	return syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.like/3klike%07d", did, n))
}

func engagementOf(tb testing.TB, s *Store, uri syntax.ATURI) (model.Engagement, bool) {
	tb.Helper()
	var e model.Engagement
	var ok bool
	s.View(func(tx *Tx) error { e, ok = tx.Engagement(uri); return nil })
	return e, ok
}

func TestEngagementCountsOnceAndUndoes(t *testing.T) {
	s := mustOpen(t)
	p := testPost("did:plc:author", 1, 1000, feed)
	put(t, s, p)
	if e, ok := engagementOf(t, s, p.URI); !ok || e != (model.Engagement{}) {
		t.Fatalf("a kept post with no interactions: got %+v %v, want zeros and true", e, ok)
	}
	if _, ok := engagementOf(t, s, postURI("did:plc:author", 2)); ok {
		t.Fatal("a post we do not keep has no engagement")
	}
	subject := string(p.URI)
	reply := postURI("did:plc:replier", 1)
	update(t, s, func(tx *Tx) error {
		for i := range 3 {
			for range 2 { // a replayed like counts once
				if _, err := tx.PutInteraction(likeURI("did:plc:fan", i), IRecord{Kind: InteractionLike, Subject: subject, AtUS: 2000, Counted: true}); err != nil {
					return err
				}
			}
		}
		if _, err := tx.PutInteraction("at://did:plc:fan/app.bsky.feed.repost/3kr", IRecord{Kind: InteractionRepost, Subject: subject, AtUS: 2000, Counted: true}); err != nil {
			return err
		}
		// A reply that also quotes the post counts as both.
		for _, k := range []Interaction{InteractionReply, InteractionQuote} {
			if _, err := tx.PutInteraction(reply, IRecord{Kind: k, Subject: subject, AtUS: 2000, Counted: true}); err != nil {
				return err
			}
		}
		return nil
	})
	want := model.Engagement{Likes: 3, Reposts: 1, Replies: 1, Quotes: 1}
	if e, _ := engagementOf(t, s, p.URI); e != want {
		t.Fatalf("got %+v, want %+v", e, want)
	}
	update(t, s, func(tx *Tx) error {
		got, err := tx.DeleteInteraction(likeURI("did:plc:fan", 0))
		if err != nil || len(got) != 1 || got[0].Kind != InteractionLike || got[0].Subject != subject {
			return fmt.Errorf("unlike: got %+v, %v", got, err)
		}
		if got, err = tx.DeleteInteraction(reply); err != nil || len(got) != 2 {
			return fmt.Errorf("deleted reply: got %+v, %v; want its reply and its quote", got, err)
		}
		if got, err := tx.DeleteInteraction(likeURI("did:plc:stranger", 9)); err != nil || got != nil {
			return fmt.Errorf("a like never kept: got %+v, %v", got, err)
		}
		return nil
	})
	want = model.Engagement{Likes: 2, Reposts: 1}
	if e, _ := engagementOf(t, s, p.URI); e != want {
		t.Fatalf("after an unlike and a deleted reply: got %+v, want %+v", e, want)
	}
}

// A post that leaves the store takes its counts and the index entries of
// its counted interactions along; an expert's like of it stays, as a
// signal.
func TestRemovedPostTakesItsEngagementAlong(t *testing.T) {
	s := mustOpen(t)
	p := testPost("did:plc:author", 1, 1000, feed)
	put(t, s, p)
	expertLike := likeURI("did:plc:expert", 1)
	update(t, s, func(tx *Tx) error {
		if _, err := tx.PutInteraction(likeURI("did:plc:fan", 1), IRecord{Kind: InteractionLike, Subject: string(p.URI), AtUS: 2000, Counted: true}); err != nil {
			return err
		}
		_, err := tx.PutInteraction(expertLike, IRecord{Kind: InteractionLike, Subject: string(p.URI), AtUS: 2000, Counted: true, Signal: true})
		return err
	})
	update(t, s, func(tx *Tx) error { _, err := tx.DeletePost(p.URI, 3000); return err })
	keys := 0
	s.View(func(tx *Tx) error {
		for _, name := range [][]byte{bucketEngagement, bucketIRecordsPost} {
			if b := tx.tx.Bucket(name); b != nil {
				keys += b.Stats().KeyN
			}
		}
		if tx.HasInteraction(likeURI("did:plc:fan", 1)) {
			t.Error("a counted like of a removed post is still indexed")
		}
		if !tx.HasInteraction(expertLike) {
			t.Error("an expert's like went with the post; it is a signal and stays")
		}
		if got, _ := tx.Endorsements(p.URI); !slices.Equal(got, []syntax.DID{"did:plc:expert"}) {
			t.Errorf("endorsements: got %v", got)
		}
		return nil
	})
	if keys != 0 {
		t.Fatalf("%d engagement keys left after the post went", keys)
	}
	// The expert unlikes later: nothing to decrement, the signal goes.
	update(t, s, func(tx *Tx) error {
		got, err := tx.DeleteInteraction(expertLike)
		if err != nil || len(got) != 1 || got[0].Counted || !got[0].Signal {
			return fmt.Errorf("got %+v, %v; want one uncounted signal", got, err)
		}
		return nil
	})
	s.View(func(tx *Tx) error {
		if got, _ := tx.Endorsements(p.URI); len(got) != 0 {
			t.Errorf("endorsements after the unlike: got %v", got)
		}
		return nil
	})
}

func TestRetentionPrunesEngagement(t *testing.T) {
	s := mustOpen(t)
	old, young := testPost("did:plc:a", 1, 1000, feed), testPost("did:plc:a", 2, 5000, feed)
	put(t, s, old, young)
	update(t, s, func(tx *Tx) error {
		for i, p := range []*model.Post{old, young} {
			if _, err := tx.PutInteraction(likeURI("did:plc:fan", i), IRecord{Kind: InteractionLike, Subject: string(p.URI), AtUS: 6000, Counted: true}); err != nil {
				return err
			}
		}
		return nil
	})
	if _, err := s.Prune(context.Background(), 2000, 10); err != nil {
		t.Fatal(err)
	}
	if _, ok := engagementOf(t, s, old.URI); ok {
		t.Fatal("the pruned post still has engagement")
	}
	if e, _ := engagementOf(t, s, young.URI); e.Likes != 1 {
		t.Fatalf("the kept post: got %+v, want one like", e)
	}
	s.View(func(tx *Tx) error {
		if tx.HasInteraction(likeURI("did:plc:fan", 0)) || !tx.HasInteraction(likeURI("did:plc:fan", 1)) {
			t.Error("the index should hold the like of the kept post only")
		}
		return nil
	})
}

func TestEngagementsReadsAWindowOfAFeed(t *testing.T) {
	s := mustOpen(t)
	var posts []*model.Post
	for i := range 5 {
		posts = append(posts, testPost("did:plc:a", i, int64(1000*(i+1)), feed))
	}
	put(t, s, posts...)
	rp := &model.Post{URI: "at://did:plc:b/app.bsky.feed.repost/3kr", Author: "did:plc:b", Subject: posts[0].URI,
		CreatedUS: 6000, IndexedUS: 6000, Feeds: []model.Membership{{Feed: feed, Score: 1}}}
	update(t, s, func(tx *Tx) error { return tx.PutRepost(rp) })
	update(t, s, func(tx *Tx) error {
		for i, p := range posts {
			for j := range i {
				if _, err := tx.PutInteraction(likeURI("did:plc:fan", 10*i+j), IRecord{Kind: InteractionLike, Subject: string(p.URI), AtUS: 7000, Counted: true}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	type row struct {
		uri    syntax.ATURI
		sortUS int64
		likes  uint32
	}
	var got []row
	err := s.Engagements(feed, 3000, func(uri syntax.ATURI, sortUS int64, e model.Engagement) error {
		got = append(got, row{uri, sortUS, e.Likes})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{posts[2].URI, 3000, 2}, {posts[3].URI, 4000, 3}, {posts[4].URI, 5000, 4}, {posts[0].URI, 6000, 0}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if err := s.Engagements("nofeed", 0, func(syntax.ATURI, int64, model.Engagement) error { return fmt.Errorf("called") }); err != nil {
		t.Fatalf("a feed with no entries: %v", err)
	}
}

func TestSignalsByAccount(t *testing.T) {
	s := mustOpen(t)
	post := postURI("did:plc:author", 1)
	update(t, s, func(tx *Tx) error {
		for _, r := range []struct {
			record syntax.ATURI
			kind   Interaction
			subj   string
			at     int64
		}{
			{likeURI("did:plc:late", 1), InteractionLike, string(post), 300},
			{likeURI("did:plc:early", 1), InteractionLike, string(post), 100},
			{"at://did:plc:early/app.bsky.feed.repost/3kr", InteractionRepost, string(post), 200},
			{"at://did:plc:early/app.bsky.graph.follow/3kf1", InteractionFollow, "did:plc:author", 100},
			{"at://did:plc:early/app.bsky.graph.follow/3kf2", InteractionFollow, "did:plc:other", 100},
			{"at://did:plc:late/app.bsky.graph.follow/3kf1", InteractionFollow, "did:plc:author", 50},
		} {
			if _, err := tx.PutInteraction(r.record, IRecord{Kind: r.kind, Subject: r.subj, AtUS: r.at, Signal: true}); err != nil {
				return err
			}
		}
		return nil
	})
	s.View(func(tx *Tx) error {
		if got, err := tx.Endorsements(post); err != nil || !slices.Equal(got, []syntax.DID{"did:plc:early", "did:plc:late"}) {
			t.Errorf("endorsements: got %v, %v; want each account once, earliest first", got, err)
		}
		if got, err := tx.Followers("did:plc:author"); err != nil || !slices.Equal(got, []syntax.DID{"did:plc:late", "did:plc:early"}) {
			t.Errorf("followers: got %v, %v", got, err)
		}
		got, err := tx.Follows("did:plc:early")
		if err != nil || len(got) != 2 || got["3kf1"] != "did:plc:author" || got["3kf2"] != "did:plc:other" {
			t.Errorf("follows of did:plc:early: got %v, %v", got, err)
		}
		return nil
	})
	n, err := s.PruneSignals(context.Background(), 250, 1)
	if err != nil || n != 2 {
		t.Fatalf("prune: got %d, %v; want the two endorsements older than 250", n, err)
	}
	s.View(func(tx *Tx) error {
		if got, _ := tx.Endorsements(post); !slices.Equal(got, []syntax.DID{"did:plc:late"}) {
			t.Errorf("endorsements after pruning: got %v", got)
		}
		if tx.HasInteraction(likeURI("did:plc:early", 1)) {
			t.Error("a pruned endorsement is still indexed")
		}
		if got, _ := tx.Followers("did:plc:author"); len(got) != 2 {
			t.Errorf("follows are not pruned by age: got %v", got)
		}
		return nil
	})
}

func TestPutInteractionRefusesNonsense(t *testing.T) {
	s := mustOpen(t)
	for _, r := range []IRecord{
		{Kind: InteractionLike, Subject: "at://x"},                             // neither counted nor a signal
		{Kind: InteractionFollow, Subject: "did:plc:x", Counted: true},         // a follow is not engagement
		{Kind: InteractionReply, Subject: "at://x", Signal: true},              // a reply is no endorsement
		{Kind: Interaction(9), Subject: "at://x", Counted: true, Signal: true}, // no such kind
		{Kind: InteractionLike, Counted: true},                                 // no subject
	} {
		err := s.Update(context.Background(), func(tx *Tx) error {
			_, err := tx.PutInteraction(likeURI("did:plc:a", 1), r)
			return err
		})
		if err == nil {
			t.Errorf("%+v: got no error", r)
		}
	}
}
