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
	Feed string `json:"feed"`
	// List is the feed's list of experts ("" when it has none), Items
	// how many items it has, and Added and Removed the subjects of items
	// that came and went.
	List    syntax.ATURI `json:"list"`
	Items   int          `json:"items"`
	Added   []syntax.DID `json:"added"`
	Removed []syntax.DID `json:"removed"`
	// ModLists say the same of each of the feed's moderation lists.
	ModLists []ListSync `json:"modLists,omitempty"`
}

// ListSync says what the sync of one list changed.
type ListSync struct {
	List    syntax.ATURI `json:"list"`
	Items   int          `json:"items"`
	Added   []syntax.DID `json:"added"`
	Removed []syntax.DID `json:"removed"`
}

// SyncList reads the feed's Bluesky lists from their owners' PDSes
// (com.atproto.repo.listRecords of app.bsky.graph.listitem, keeping the
// items of each list) and makes the feed's list authors match them: new
// members of the list of experts become experts and are backfilled in the
// background, former ones lose the list's tier; new members of a
// moderation list are kept out (their posts leave the feed at once),
// former ones are backfilled so their recent posts can come back. Only
// each owner's own repository is read, so items written by anyone else
// never count.
func (s *Service) SyncList(ctx context.Context, actor, feedID string) (*SyncResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	if len(f.lists()) == 0 {
		return nil, invalid("NoList", fmt.Sprintf("feed %s follows no Bluesky list (set \"list\" or \"modLists\" in its definition)", f.ID))
	}
	res := &SyncResult{Feed: f.ID, Added: []syntax.DID{}, Removed: []syntax.DID{}}
	for _, l := range f.lists() {
		ls, err := s.syncList(ctx, actor, f, l)
		if err != nil {
			return nil, err
		}
		if l == f.List {
			res.List, res.Items, res.Added, res.Removed = ls.List, ls.Items, ls.Added, ls.Removed
		} else {
			res.ModLists = append(res.ModLists, *ls)
		}
	}
	return res, nil
}

// syncList syncs one list of feed f.
func (s *Service) syncList(ctx context.Context, actor string, f *Feed, list syntax.ATURI) (*ListSync, error) {
	owner, _ := listOwner(list)
	if list != f.List {
		if err := s.checkModList(ctx, owner, list); err != nil {
			return nil, err
		}
	}
	items, err := s.fetchListItems(ctx, owner, list)
	if err != nil {
		return nil, err
	}
	res := &ListSync{List: list, Items: len(items), Added: []syntax.DID{}, Removed: []syntax.DID{}}
	var backfill, redecide []syntax.DID
	err = s.update(ctx, func(tx *store.Tx) error {
		res.Added, res.Removed, backfill, redecide = res.Added[:0], res.Removed[:0], backfill[:0], redecide[:0]
		stored, err := tx.ListItems(list)
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
			added, err := s.addListItem(tx, actor, owner, rkey, model.ListItem{List: list, Subject: sub}, "sync")
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
		return nil, fmt.Errorf("sync list %s: %w", list, err)
	}
	for _, did := range backfill {
		s.enqueueBackfill(did, "list sync")
	}
	for _, did := range redecide {
		s.enqueueBackfill(did, "left the list")
	}
	return res, nil
}

// checkModList reads a moderation list's record and refuses one whose
// purpose is not app.bsky.graph.defs#modlist: a curation list named by
// mistake would keep its members (likely the feed's best authors) out.
func (s *Service) checkModList(ctx context.Context, owner syntax.DID, list syntax.ATURI) error {
	pds, err := s.pds.endpoint(ctx, owner)
	if err != nil {
		return err
	}
	rec, err := s.pds.getRecord(ctx, pds, list)
	if err != nil {
		return upstream("PDSFailed", fmt.Sprintf("could not read the list %s from %s", list, pds), err)
	}
	var l bsky.GraphList
	if err := json.Unmarshal(rec.Value, &l); err != nil || l.Purpose == nil {
		return conflict("NotAModList", fmt.Sprintf("%s is not an app.bsky.graph.list record", list))
	}
	if *l.Purpose != purposeModList {
		return conflict("NotAModList", fmt.Sprintf("%s is a list of purpose %s, not a moderation list (%s); it is not used to keep anyone out", list, *l.Purpose, purposeModList))
	}
	return nil
}

// purposeModList is the purpose of a moderation list.
const purposeModList = "app.bsky.graph.defs#modlist"

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
		if slices.Contains(f.lists(), list) {
			return true
		}
	}
	return false
}

// addListItem records an item and lists its subject in every feed that
// follows the list: as an expert for the feed's list of experts, as kept
// out for a moderation list (whose posts leave the feed in the same
// transaction). added reports whether the subject's tier changed in some
// feed to one that lets posts in (and so needs a backfill).
func (s *Service) addListItem(tx *store.Tx, actor string, owner syntax.DID, rkey string, li model.ListItem, note string) (added bool, err error) {
	if err := tx.PutListItem(owner, rkey, li); err != nil {
		return false, err
	}
	for _, f := range s.owners[owner] {
		mod := slices.Contains(f.ModLists, li.List)
		if f.List != li.List && !mod {
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
			b.ModLists = slices.Clone(a.ModLists)
			before = &b
		}
		prev := a.EffectiveTier()
		action := "list.add"
		if mod {
			ref := model.ListRef{List: li.List, RKey: rkey}
			if slices.Contains(a.ModLists, ref) {
				continue
			}
			a.ModLists = append(a.ModLists, ref)
			action = "modlist.add"
		} else {
			if slices.Contains(a.ListItems, rkey) {
				continue
			}
			a.ListItems = append(a.ListItems, rkey)
		}
		a.UpdatedBy, a.UpdatedUS = actor, s.nowUS()
		if err := tx.PutCuratedAuthor(a); err != nil {
			return false, err
		}
		if err := s.audit(tx, change{Actor: actor, Action: action, Feed: f.ID, Target: li.Subject.String(), Before: before, After: a, Note: note}); err != nil {
			return false, err
		}
		switch tier := a.EffectiveTier(); {
		case tier == prev:
		case tier == model.TierBlocked:
			if _, err := s.takeOut(tx, f, li.Subject); err != nil {
				return false, err
			}
		default:
			added = true
		}
	}
	return added, nil
}

// removeListItem forgets an item and takes what the list gave its
// subject (the experts' tier, or being kept out) in every feed that
// follows the list; a curator's own tier for the author stays. gone
// reports whether the subject's tier changed (their recent posts must be
// decided again).
func (s *Service) removeListItem(tx *store.Tx, actor string, owner syntax.DID, rkey string, li model.ListItem, note string) (gone bool, err error) {
	if err := tx.DeleteListItem(owner, rkey); err != nil {
		return false, err
	}
	for _, f := range s.owners[owner] {
		mod := slices.Contains(f.ModLists, li.List)
		if f.List != li.List && !mod {
			continue
		}
		a, err := tx.CuratedAuthor(f.ID, li.Subject)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return false, err
		}
		before := *a
		before.ListItems = slices.Clone(a.ListItems)
		before.ModLists = slices.Clone(a.ModLists)
		action := "list.remove"
		if mod {
			i := slices.Index(a.ModLists, model.ListRef{List: li.List, RKey: rkey})
			if i < 0 {
				continue
			}
			a.ModLists = slices.Delete(a.ModLists, i, i+1)
			action = "modlist.remove"
		} else {
			i := slices.Index(a.ListItems, rkey)
			if i < 0 {
				continue
			}
			a.ListItems = slices.Delete(a.ListItems, i, i+1)
		}
		a.UpdatedBy, a.UpdatedUS = actor, s.nowUS()
		if err := tx.PutCuratedAuthor(a); err != nil {
			return false, err
		}
		var after any = a
		if a.EffectiveTier() == model.TierNone {
			after = nil
		}
		if err := s.audit(tx, change{Actor: actor, Action: action, Feed: f.ID, Target: li.Subject.String(), Before: &before, After: after, Note: note}); err != nil {
			return false, err
		}
		if before.EffectiveTier() != a.EffectiveTier() {
			gone = true
		}
	}
	return gone, nil
}
