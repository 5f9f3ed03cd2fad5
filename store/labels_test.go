package store

import (
	"context"
	"slices"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

const labeler = syntax.DID("did:plc:labelerxxxxxxxxxxxxxxxxx")

// Labels are kept by subject, replaced when re-issued, forgotten on
// negation, and swept when they expire, oldest first.
func TestLabels(t *testing.T) {
	s := mustOpen(t)
	p := postURI("did:plc:alice", 1)
	update(t, s, func(tx *Tx) error {
		for _, l := range []model.Label{
			{Src: labeler, URI: p.String(), Val: "spam", ExpiresUS: 300},
			{Src: labeler, URI: p.String(), Val: "spam", ExpiresUS: 500}, // re-issued: replaces
			{Src: labeler, URI: p.String(), Val: "porn"},
			{Src: labeler, URI: "did:plc:alice", Val: "!hide", ExpiresUS: 400},
		} {
			if err := tx.PutLabel(&l); err != nil {
				return err
			}
		}
		return nil
	})
	if us, ok := s.NextLabelExpiry(); !ok || us != 400 {
		t.Fatalf("next expiry: %d %v, want 400", us, ok)
	}
	update(t, s, func(tx *Tx) error {
		ls, err := tx.Labels(p.String())
		if err != nil || len(ls) != 2 {
			t.Fatalf("labels of the post: %+v %v", ls, err)
		}
		if got := tx.LabelSubjects(); !slices.Equal(got, []string{p.String(), "did:plc:alice"}) {
			t.Errorf("subjects: %v", got)
		}
		gone, err := tx.ExpiredLabels(450, 10)
		if err != nil || len(gone) != 1 || gone[0].URI != "did:plc:alice" {
			t.Fatalf("expired at 450: %+v %v, want the account label only (the re-issued spam label lasts to 500)", gone, err)
		}
		if ok, err := tx.DeleteLabel(p.String(), labeler, "spam"); !ok || err != nil {
			t.Fatalf("delete: %v %v", ok, err)
		}
		if ok, _ := tx.DeleteLabel(p.String(), labeler, "spam"); ok {
			t.Error("deleted twice")
		}
		return nil
	})
	if _, ok := s.NextLabelExpiry(); ok {
		t.Error("an expiry is left after the negation and the sweep")
	}
	if err := s.Update(context.Background(), func(tx *Tx) error {
		return tx.PutLabel(&model.Label{Src: labeler, URI: p.String(), Val: "x", Neg: true})
	}); err == nil {
		t.Error("a negation was kept as a label")
	}
}

// A record held out by a label is kept, out of the feed's pages, and
// indexed as held; when nothing holds it any more it is back in place.
func TestHeldRecords(t *testing.T) {
	s := mustOpen(t)
	p := testPost("did:plc:alice", 1, 100, feed)
	put(t, s, p)
	p.Held, p.Feeds = p.Feeds, nil
	p.Held[0].Moderation = []string{"label:spam by " + labeler.String()}
	put(t, s, p)
	if n := s.FeedLen(feed); n != 0 {
		t.Fatalf("feed holds %d entries, want the held post out", n)
	}
	update(t, s, func(tx *Tx) error {
		if got := tx.HeldRecords(); !slices.Equal(got, []syntax.ATURI{p.URI}) {
			t.Errorf("held: %v", got)
		}
		if _, err := tx.Post(p.URI); err != nil {
			t.Errorf("the held post is not kept: %v", err)
		}
		return nil
	})
	p.Feeds, p.Held = p.Held, nil
	p.Feeds[0].Moderation = nil
	put(t, s, p)
	if n := s.FeedLen(feed); n != 1 {
		t.Fatalf("feed holds %d entries after the label went, want 1", n)
	}
	update(t, s, func(tx *Tx) error {
		if got := tx.HeldRecords(); len(got) != 0 {
			t.Errorf("still indexed as held: %v", got)
		}
		return nil
	})
}

// Labels on records we no longer keep and accounts we no longer know are
// pruned; those on what we keep or list stay.
func TestPruneLabels(t *testing.T) {
	s := mustOpen(t)
	kept := testPost("did:plc:alice", 1, 100, feed)
	put(t, s, kept)
	update(t, s, func(tx *Tx) error {
		if err := tx.PutCuratedAuthor(&model.CuratedAuthor{Feed: feed, DID: "did:plc:curated", Tier: model.TierExpert}); err != nil {
			return err
		}
		for _, subject := range []string{kept.URI.String(), postURI("did:plc:alice", 2).String(), "did:plc:alice", "did:plc:curated", "did:plc:gone"} {
			if err := tx.PutLabel(&model.Label{Src: labeler, URI: subject, Val: "spam"}); err != nil {
				return err
			}
		}
		return nil
	})
	n, err := s.PruneLabels()
	if err != nil || n != 2 {
		t.Fatalf("pruned %d %v, want 2", n, err)
	}
	update(t, s, func(tx *Tx) error {
		if got := tx.LabelSubjects(); !slices.Equal(got, []string{kept.URI.String(), "did:plc:alice", "did:plc:curated"}) {
			t.Errorf("left: %v", got)
		}
		if !tx.KnownAuthor("did:plc:curated") || !tx.KnownAuthor("did:plc:alice") || tx.KnownAuthor("did:plc:gone") {
			t.Error("KnownAuthor is wrong")
		}
		return nil
	})
}
