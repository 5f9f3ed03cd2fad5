package curation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Actors that are not people, as the audit log names them.
const (
	// ActorConfig loaded authors from the feed configuration.
	ActorConfig = "config"
	// ActorListSync read a whole Bluesky list from its owner's PDS.
	ActorListSync = "list-sync"
	// actorListPrefix precedes the owner's DID for a live list change:
	// the owner acted, in a Bluesky app.
	actorListPrefix = "list:"
)

// SyncResult says what a list sync changed.
type SyncResult struct {
	Feed string       `json:"feed"`
	List syntax.ATURI `json:"list"`
	// Items is how many items the list has.
	Items int `json:"items"`
	// Added and Removed are the subjects of items that came and went.
	Added   []syntax.DID `json:"added"`
	Removed []syntax.DID `json:"removed"`
}

// SyncList reads the feed's whole Bluesky list from its owner's PDS
// (com.atproto.repo.listRecords of app.bsky.graph.listitem, keeping the
// items of this list) and makes the feed's list authors match it: new
// members become experts and are backfilled in the background, former
// ones lose the list's tier. Only the owner's repository is read, so items
// written by anyone else never count.
func (s *Service) SyncList(ctx context.Context, actor, feedID string) (*SyncResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	if f.List == "" {
		return nil, invalid("NoList", fmt.Sprintf("feed %s follows no Bluesky list (set \"list\" in its definition)", f.ID))
	}
	owner, _ := listOwner(f.List)
	items, err := s.fetchListItems(ctx, owner, f.List)
	if err != nil {
		return nil, err
	}
	res := &SyncResult{Feed: f.ID, List: f.List, Items: len(items), Added: []syntax.DID{}, Removed: []syntax.DID{}}
	var backfill, redecide []syntax.DID
	err = s.update(ctx, func(tx *store.Tx) error {
		res.Added, res.Removed, backfill, redecide = res.Added[:0], res.Removed[:0], backfill[:0], redecide[:0]
		stored, err := tx.ListItems(f.List)
		if err != nil {
			return err
		}
		rkeys := make([]string, 0, len(stored))
		for rkey := range stored {
			rkeys = append(rkeys, rkey)
		}
		slices.Sort(rkeys)
		for _, rkey := range rkeys {
			li := stored[rkey]
			if sub, ok := items[rkey]; ok && sub == li.Subject {
				continue
			}
			gone, err := s.removeListItem(tx, actor, owner, rkey, li, "sync")
			if err != nil {
				return err
			}
			res.Removed = append(res.Removed, li.Subject)
			if gone {
				redecide = append(redecide, li.Subject)
			}
		}
		rkeys = rkeys[:0]
		for rkey := range items {
			rkeys = append(rkeys, rkey)
		}
		slices.Sort(rkeys)
		for _, rkey := range rkeys {
			sub := items[rkey]
			if li, ok := stored[rkey]; ok && li.Subject == sub {
				continue
			}
			added, err := s.addListItem(tx, actor, owner, rkey, model.ListItem{List: f.List, Subject: sub}, "sync")
			if err != nil {
				return err
			}
			res.Added = append(res.Added, sub)
			if added {
				backfill = append(backfill, sub)
			}
		}
		if len(res.Added)+len(res.Removed) == 0 {
			return errUnchanged
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sync list: %w", err)
	}
	for _, did := range backfill {
		s.enqueueBackfill(did, "list sync")
	}
	for _, did := range redecide {
		s.enqueueBackfill(did, "left the list")
	}
	return res, nil
}

// fetchListItems reads every listitem record of owner and keeps those of
// list, by record key.
func (s *Service) fetchListItems(ctx context.Context, owner syntax.DID, list syntax.ATURI) (map[string]syntax.DID, error) {
	pds, err := s.pds.endpoint(ctx, owner)
	if err != nil {
		return nil, err
	}
	items := map[string]syntax.DID{}
	cursor := ""
	// A list of tens of thousands is a moderation list, not a feed's
	// experts; the bound keeps a mistake from running forever.
	for pages := 0; pages < 1000; pages++ {
		page, err := s.pds.listRecords(ctx, pds, owner, collectionListItem, cursor, 100)
		if err != nil {
			return nil, upstream("PDSFailed", fmt.Sprintf("could not read the list items of %s from %s", owner, pds), err)
		}
		for _, r := range page.Records {
			uri, err := syntax.ParseATURI(r.URI)
			if err != nil || uri.Authority().String() != owner.String() || uri.RecordKey() == "" {
				continue
			}
			var li bsky.GraphListitem
			if json.Unmarshal(r.Value, &li) != nil || li.List != string(list) {
				continue
			}
			sub, err := syntax.ParseDID(li.Subject)
			if err != nil {
				continue
			}
			items[uri.RecordKey().String()] = sub
		}
		if len(page.Records) == 0 || page.Cursor == "" || page.Cursor == cursor {
			return items, nil
		}
		cursor = page.Cursor
	}
	return items, nil
}

// HandleListItem applies a live app.bsky.graph.listitem commit, inside the
// indexer's write transaction. Only the owner of a followed list can
// change it: items in anyone else's repository never reach here with a
// matching owner, and items of other lists are ignored. A delete names
// only the record key, which the remembered items map to their subject.
// New members are backfilled in the background once the transaction
// commits. It costs one map look-up for commits of everyone else.
func (s *Service) HandleListItem(tx *store.Tx, owner syntax.DID, rkey string, deleted bool, rec *bsky.GraphListitem) error {
	if len(s.owners[owner]) == 0 {
		return nil
	}
	actor := actorListPrefix + owner.String()
	old, err := tx.ListItem(owner, rkey)
	switch {
	case errors.Is(err, store.ErrNotFound):
		old = nil
	case err != nil:
		return err
	}
	var li *model.ListItem
	if !deleted && rec != nil {
		list, err := syntax.ParseATURI(rec.List)
		sub, serr := syntax.ParseDID(rec.Subject)
		if err == nil && serr == nil && s.follows(owner, list) {
			li = &model.ListItem{List: list, Subject: sub}
		}
	}
	if old != nil && (li == nil || *li != *old) {
		gone, err := s.removeListItem(tx, actor, owner, rkey, *old, "")
		if err != nil {
			return err
		}
		if gone {
			did := old.Subject
			tx.OnCommit(func() { s.enqueueBackfill(did, "left the list") })
		}
	}
	if li != nil && (old == nil || *li != *old) {
		added, err := s.addListItem(tx, actor, owner, rkey, *li, "")
		if err != nil {
			return err
		}
		if added {
			did := li.Subject
			tx.OnCommit(func() { s.enqueueBackfill(did, "added to the list") })
		}
	}
	return nil
}

// follows reports whether any feed follows list (owned by owner).
func (s *Service) follows(owner syntax.DID, list syntax.ATURI) bool {
	for _, f := range s.owners[owner] {
		if f.List == list {
			return true
		}
	}
	return false
}

// addListItem records an item and lists its subject in every feed that
// follows the list. added reports whether the subject's tier changed in
// some feed (and so needs a backfill).
func (s *Service) addListItem(tx *store.Tx, actor string, owner syntax.DID, rkey string, li model.ListItem, note string) (added bool, err error) {
	if err := tx.PutListItem(owner, rkey, li); err != nil {
		return false, err
	}
	for _, f := range s.owners[owner] {
		if f.List != li.List {
			continue
		}
		a, err := tx.CuratedAuthor(f.ID, li.Subject)
		var before *model.CuratedAuthor
		switch {
		case errors.Is(err, store.ErrNotFound):
			a = &model.CuratedAuthor{Feed: f.ID, DID: li.Subject, AddedBy: actor, AddedUS: s.nowUS()}
		case err != nil:
			return false, err
		default:
			b := *a
			b.ListItems = slices.Clone(a.ListItems)
			before = &b
		}
		if slices.Contains(a.ListItems, rkey) {
			continue
		}
		a.ListItems = append(a.ListItems, rkey)
		a.UpdatedBy, a.UpdatedUS = actor, s.nowUS()
		if err := tx.PutCuratedAuthor(a); err != nil {
			return false, err
		}
		if err := s.audit(tx, change{Actor: actor, Action: "list.add", Feed: f.ID, Target: li.Subject.String(), Before: before, After: a, Note: note}); err != nil {
			return false, err
		}
		if before == nil || before.EffectiveTier() != a.EffectiveTier() {
			added = true
		}
	}
	return added, nil
}

// removeListItem forgets an item and takes the list's tier from its
// subject in every feed that follows the list; a curator's own tier for
// the author stays. gone reports whether the subject's tier changed.
func (s *Service) removeListItem(tx *store.Tx, actor string, owner syntax.DID, rkey string, li model.ListItem, note string) (gone bool, err error) {
	if err := tx.DeleteListItem(owner, rkey); err != nil {
		return false, err
	}
	for _, f := range s.owners[owner] {
		if f.List != li.List {
			continue
		}
		a, err := tx.CuratedAuthor(f.ID, li.Subject)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return false, err
		}
		i := slices.Index(a.ListItems, rkey)
		if i < 0 {
			continue
		}
		before := *a
		before.ListItems = slices.Clone(a.ListItems)
		a.ListItems = slices.Delete(a.ListItems, i, i+1)
		a.UpdatedBy, a.UpdatedUS = actor, s.nowUS()
		if err := tx.PutCuratedAuthor(a); err != nil {
			return false, err
		}
		var after any = a
		if a.EffectiveTier() == model.TierNone {
			after = nil
		}
		if err := s.audit(tx, change{Actor: actor, Action: "list.remove", Feed: f.ID, Target: li.Subject.String(), Before: &before, After: after, Note: note}); err != nil {
			return false, err
		}
		if before.EffectiveTier() != a.EffectiveTier() {
			gone = true
		}
	}
	return gone, nil
}
