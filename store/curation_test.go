package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

func update(tb testing.TB, s *Store, fn func(*Tx) error) {
	tb.Helper()
	if err := s.Update(context.Background(), fn); err != nil {
		tb.Fatal(err)
	}
}

func TestCurationBucketsReadEmptyBeforeFirstWrite(t *testing.T) {
	s := mustOpen(t)
	err := s.View(func(tx *Tx) error {
		if tier, err := tx.AuthorTier(feed, "did:plc:alice"); err != nil || tier != model.TierNone {
			t.Errorf("tier: got %q %v, want none", tier, err)
		}
		if tx.Blocked(postURI("did:plc:alice", 1)) {
			t.Error("blocked in an empty store")
		}
		if q, next, err := tx.QueuePage(feed, "", 10); err != nil || len(q) != 0 || next != "" {
			t.Errorf("queue: got %v %q %v", q, next, err)
		}
		if a, next, err := tx.AuditPage(AuditFilter{}, "", 10, 0); err != nil || len(a) != 0 || next != "" {
			t.Errorf("audit: got %v %q %v", a, next, err)
		}
		if _, err := tx.DeleteQueued(feed, postURI("did:plc:alice", 1)); err != nil {
			t.Errorf("delete from an absent queue: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEffectiveTier(t *testing.T) {
	tests := []struct {
		name  string
		a     model.CuratedAuthor
		want  model.Tier
		saved bool
	}{
		{"manual only", model.CuratedAuthor{Tier: model.TierAll}, model.TierAll, true},
		{"list only", model.CuratedAuthor{ListItems: []string{"3k"}}, model.TierExpert, true},
		{"manual block beats the list", model.CuratedAuthor{Tier: model.TierBlocked, ListItems: []string{"3k"}}, model.TierBlocked, true},
		{"manual all beats the list's expert", model.CuratedAuthor{Tier: model.TierAll, ListItems: []string{"3k"}}, model.TierAll, true},
		{"neither is no entry", model.CuratedAuthor{}, model.TierNone, false},
	}
	s := mustOpen(t)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			a.Feed, a.DID = feed, syntax.DID(fmt.Sprintf("did:plc:author%d", i))
			if got := a.EffectiveTier(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			update(t, s, func(tx *Tx) error { return tx.PutCuratedAuthor(&a) })
			s.View(func(tx *Tx) error {
				_, err := tx.CuratedAuthor(feed, a.DID)
				if saved := err == nil; saved != tt.saved {
					t.Errorf("stored: got %v (%v), want %v", saved, err, tt.saved)
				}
				return nil
			})
		})
	}
}

func TestQueueKeepsTheNewestWithinItsBound(t *testing.T) {
	s := mustOpen(t)
	for i := range 7 {
		update(t, s, func(tx *Tx) error {
			q := &model.Queued{Feed: feed, Post: model.Post{URI: postURI("did:plc:eve", i), Author: "did:plc:eve", Text: fmt.Sprint("post ", i)}, Score: 2.5, QueuedUS: int64(1000 + i)}
			if err := tx.PutQueued(q); err != nil {
				return err
			}
			_, err := tx.TrimQueue(feed, 5)
			return err
		})
	}
	// An edit refreshes an entry in place.
	update(t, s, func(tx *Tx) error {
		return tx.PutQueued(&model.Queued{Feed: feed, Post: model.Post{URI: postURI("did:plc:eve", 4), Author: "did:plc:eve", Text: "edited"}, QueuedUS: 99999})
	})
	var got []string
	s.View(func(tx *Tx) error {
		if n := tx.QueueLen(feed); n != 5 {
			t.Errorf("len: got %d, want 5", n)
		}
		page, _, err := tx.QueuePage(feed, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range page {
			got = append(got, q.Post.Text)
		}
		if _, err := tx.QueuedPost(feed, postURI("did:plc:eve", 0)); !errors.Is(err, ErrNotFound) {
			t.Errorf("oldest entry: got %v, want it dropped", err)
		}
		return nil
	})
	want := []string{"post 6", "post 5", "edited", "post 3", "post 2"}
	if !slices.Equal(got, want) {
		t.Errorf("queue: got %v, want %v", got, want)
	}
	update(t, s, func(tx *Tx) error {
		ok, err := tx.DeleteQueued(feed, postURI("did:plc:eve", 5))
		if !ok || err != nil {
			t.Errorf("delete: got %v %v", ok, err)
		}
		return err
	})
	s.View(func(tx *Tx) error {
		if n := tx.QueueLen(feed); n != 4 {
			t.Errorf("len after delete: got %d, want 4", n)
		}
		return nil
	})
}

func TestAuditPagesNewestFirstWithFilters(t *testing.T) {
	s := mustOpen(t)
	update(t, s, func(tx *Tx) error {
		for i := range 30 {
			actor := "ani"
			if i%3 == 0 {
				actor = "giorgi"
			}
			// Several entries in one microsecond stay distinct and ordered.
			e := &model.AuditEntry{AtUS: int64(100 + i/2), Actor: actor, Action: "pin", Feed: feed, Target: fmt.Sprint(i)}
			if err := tx.AppendAudit(e); err != nil {
				return err
			}
		}
		return nil
	})
	walk := func(f AuditFilter, limit, maxScan int) []string {
		var out []string
		cursor := ""
		for range 100 {
			var page []model.AuditEntry
			var next string
			s.View(func(tx *Tx) error {
				var err error
				page, next, err = tx.AuditPage(f, cursor, limit, maxScan)
				if err != nil {
					t.Fatal(err)
				}
				return nil
			})
			for _, e := range page {
				out = append(out, e.Target)
			}
			if next == "" {
				return out
			}
			cursor = next
		}
		t.Fatal("audit paging does not end")
		return nil
	}
	all := walk(AuditFilter{}, 7, 0)
	if len(all) != 30 || all[0] != "29" || all[29] != "0" {
		t.Errorf("all: got %v", all)
	}
	// A sparse filter with a small scan bound still finds everything,
	// over more pages.
	g := walk(AuditFilter{Actor: "GIORGI"}, 2, 3)
	if want := []string{"27", "24", "21", "18", "15", "12", "9", "6", "3", "0"}; !slices.Equal(g, want) {
		t.Errorf("giorgi: got %v, want %v", g, want)
	}
	s.View(func(tx *Tx) error {
		if _, _, err := tx.AuditPage(AuditFilter{}, "garbage", 5, 0); !errors.Is(err, ErrBadCursor) {
			t.Errorf("bad cursor: got %v", err)
		}
		return nil
	})
}

func TestLeaveFeedKeepsOtherFeeds(t *testing.T) {
	s := mustOpen(t)
	both := testPost("did:plc:bob", 1, 100, feed, "other")
	one := testPost("did:plc:bob", 2, 200, feed)
	put(t, s, both, one)
	update(t, s, func(tx *Tx) error {
		for _, uri := range tx.AuthorRecords("did:plc:bob", 0) {
			if _, err := tx.LeaveFeed(feed, uri); err != nil {
				return err
			}
		}
		return nil
	})
	if got := walk(t, s, feed, 10); len(got) != 0 {
		t.Errorf("feed: got %v, want empty", got)
	}
	if got := walk(t, s, "other", 10); !slices.Equal(got, []syntax.ATURI{both.URI}) {
		t.Errorf("other feed: got %v", got)
	}
	s.View(func(tx *Tx) error {
		if _, err := tx.Post(one.URI); !errors.Is(err, ErrNotFound) {
			t.Errorf("a post in no feed: got %v, want removed", err)
		}
		if tx.Tombstoned(one.URI) {
			t.Error("leaving a feed left a tombstone")
		}
		return nil
	})
}

func TestListItemsByList(t *testing.T) {
	s := mustOpen(t)
	owner := syntax.DID("did:plc:owner")
	l1 := syntax.ATURI("at://did:plc:owner/app.bsky.graph.list/one")
	l2 := syntax.ATURI("at://did:plc:owner/app.bsky.graph.list/two")
	update(t, s, func(tx *Tx) error {
		tx.PutListItem(owner, "a", model.ListItem{List: l1, Subject: "did:plc:alice"})
		tx.PutListItem(owner, "b", model.ListItem{List: l2, Subject: "did:plc:bob"})
		tx.PutListItem("did:plc:owner2", "c", model.ListItem{List: l1, Subject: "did:plc:carol"})
		return nil
	})
	s.View(func(tx *Tx) error {
		items, err := tx.ListItems(l1)
		if err != nil || len(items) != 1 || items["a"].Subject != "did:plc:alice" {
			t.Errorf("items of l1: got %v %v", items, err)
		}
		return nil
	})
}

// A database knows whether curation was ever rebuilt from the
// publisher's repository: a new one was not.
func TestCurationRebuiltMark(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	st.View(func(tx *Tx) error {
		if _, ok := tx.CurationRebuilt(); ok {
			t.Error("a new database says it was rebuilt")
		}
		return nil
	})
	if err := st.Update(ctx, func(tx *Tx) error { return tx.SetCurationRebuilt(42) }); err != nil {
		t.Fatal(err)
	}
	st.View(func(tx *Tx) error {
		if us, ok := tx.CurationRebuilt(); !ok || us != 42 {
			t.Errorf("rebuilt: %d %v", us, ok)
		}
		return nil
	})
}
