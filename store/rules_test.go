package store

import (
	"cmp"
	"errors"
	"slices"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// An upload is numbered above every version before it, of any feed, even
// after a revert deleted one; a revert leaves the feed with none.
func TestRulesVersionsOnlyGrow(t *testing.T) {
	s := mustOpen(t)
	var got []uint64
	for _, f := range []string{feed, "other", feed} {
		update(t, s, func(tx *Tx) error {
			v := &model.RulesVersion{Feed: f, Hash: "h-" + f, Text: "x"}
			if err := tx.PutRulesVersion(v); err != nil {
				return err
			}
			got = append(got, v.Version)
			return nil
		})
	}
	update(t, s, func(tx *Tx) error { return tx.DeleteRulesVersion(feed) })
	update(t, s, func(tx *Tx) error {
		if _, err := tx.RulesVersion(feed); !errors.Is(err, ErrNotFound) {
			t.Errorf("after a revert: got %v, want ErrNotFound", err)
		}
		v := &model.RulesVersion{Feed: feed, Hash: "h", Text: "x"}
		if err := tx.PutRulesVersion(v); err != nil {
			return err
		}
		got = append(got, v.Version)
		o, err := tx.RulesVersion("other")
		if err != nil || o.Version != 2 || o.Hash != "h-other" {
			t.Errorf("the other feed's version: %+v %v", o, err)
		}
		return nil
	})
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Errorf("versions %v do not grow", got)
		}
	}
}

// KeptAfter walks every kept record, parked ones too, oldest first, in
// pages that neither skip nor repeat; QueueAfter walks a queue the same
// way.
func TestKeptAfterAndQueueAfterPage(t *testing.T) {
	s := mustOpen(t)
	var want []syntax.ATURI
	update(t, s, func(tx *Tx) error {
		for i := range 7 {
			p := testPost("did:plc:alice", i, int64(1000+i%3), feed)
			if i == 4 {
				p.Feeds = nil
				if err := tx.ParkPost(p); err != nil {
					return err
				}
			} else if err := tx.PutPost(p); err != nil {
				return err
			}
			q := &model.Queued{Feed: feed, Post: *testPost("did:plc:bob", i, 5000, feed), QueuedUS: int64(2000 + i%2)}
			if err := tx.PutQueued(q); err != nil {
				return err
			}
		}
		return nil
	})
	// By sort time, then by the records' tie-breakers.
	for _, group := range [][]int{{0, 3, 6}, {1, 4}, {2, 5}} {
		var uris []syntax.ATURI
		for _, i := range group {
			uris = append(uris, postURI("did:plc:alice", i))
		}
		slices.SortFunc(uris, func(a, b syntax.ATURI) int { return cmp.Compare(TieOf(a), TieOf(b)) })
		want = append(want, uris...)
	}
	var got []syntax.ATURI
	after := ""
	for range 10 {
		var ps []*model.Post
		err := s.View(func(tx *Tx) (err error) { ps, after, err = tx.KeptAfter(after, 3); return err })
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			got = append(got, p.URI)
		}
		if len(ps) < 3 {
			break
		}
	}
	if len(got) != len(want) {
		t.Fatalf("kept: got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("kept: got %v, want %v", got, want)
		}
	}
	if n := s.FeedLen(feed); n != 6 {
		t.Errorf("the parked post is in the feed: %d entries", n)
	}
	seen := map[syntax.ATURI]bool{}
	after = ""
	for range 10 {
		var qs []model.Queued
		err := s.View(func(tx *Tx) (err error) { qs, after, err = tx.QueueAfter(feed, after, 2); return err })
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if seen[q.Post.URI] {
				t.Errorf("queue entry %s twice", q.Post.URI)
			}
			seen[q.Post.URI] = true
		}
		if len(qs) < 2 {
			break
		}
	}
	if len(seen) != 7 {
		t.Errorf("queue: saw %d of 7", len(seen))
	}
	if err := s.View(func(tx *Tx) error { _, _, err := tx.KeptAfter("nope", 3); return err }); !errors.Is(err, ErrBadCursor) {
		t.Errorf("a bad position: got %v", err)
	}
}
