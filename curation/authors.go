package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// MaxNoteLen bounds a curator's note, in bytes.
const MaxNoteLen = 2000

// Author is an entry of a feed's author list as curators see it.
type Author struct {
	model.CuratedAuthor
	// Effective is the tier the feed applies (see
	// model.CuratedAuthor.EffectiveTier).
	Effective model.Tier `json:"effectiveTier"`
	// OnList is set when the author is on the feed's Bluesky list.
	OnList bool `json:"onList"`
}

func authorView(a *model.CuratedAuthor) Author {
	return Author{CuratedAuthor: *a, Effective: a.EffectiveTier(), OnList: len(a.ListItems) > 0}
}

// AddAuthorRequest lists an author in a feed, or changes their entry.
type AddAuthorRequest struct {
	Feed string `json:"feed,omitempty"`
	// Author is a DID, a handle, or a bsky.app profile URL.
	Author string `json:"author"`
	// Tier is all, expert (the default) or blocked.
	Tier string `json:"tier,omitempty"`
	// Note replaces the entry's note; nil keeps it.
	Note *string `json:"note,omitempty"`
	// NoBackfill skips fetching the author's recent posts.
	NoBackfill bool `json:"noBackfill,omitempty"`
}

// AuthorResult is the outcome of a change to an author.
type AuthorResult struct {
	// Author is the entry after the change; nil when it is gone.
	Author *Author `json:"author,omitempty"`
	// Unchanged is set when the request asked for what already was.
	Unchanged bool `json:"unchanged,omitempty"`
	// Removed is how many of the author's posts left the feed at once
	// (a block).
	Removed int `json:"removed,omitempty"`
	// Backfill says what fetching the author's recent posts did.
	Backfill *BackfillResult `json:"backfill,omitempty"`
	// BackfillError says why the backfill failed; the change itself
	// stands.
	BackfillError string `json:"backfillError,omitempty"`
	// Warning says what could not be checked.
	Warning string `json:"warning,omitempty"`
}

func parseManualTier(s string) (model.Tier, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return model.TierExpert, nil
	}
	t, err := model.ParseTier(s)
	if err != nil || t == model.TierNone {
		return model.TierNone, invalid("InvalidTier", fmt.Sprintf("tier %q: want all, expert or blocked", s))
	}
	return t, nil
}

func checkNote(note *string) error {
	if note == nil {
		return nil
	}
	if len(*note) > MaxNoteLen || !utf8.ValidString(*note) {
		return invalid("InvalidNote", fmt.Sprintf("a note is valid UTF-8 of at most %d bytes", MaxNoteLen))
	}
	return nil
}

// AddAuthor lists an author in a feed with a tier, or changes the tier or
// note of one listed already. The author is resolved first (a handle to
// its DID; a DID to make sure it exists). Blocking takes the author's
// posts out of the feed in the same transaction; any other tier change
// then backfills the author's recent posts, so they appear (or leave) at
// once.
func (s *Service) AddAuthor(ctx context.Context, actor string, req AddAuthorRequest) (*AuthorResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	f, err := s.feed(req.Feed)
	if err != nil {
		return nil, err
	}
	tier, err := parseManualTier(req.Tier)
	if err != nil {
		return nil, err
	}
	if err := checkNote(req.Note); err != nil {
		return nil, err
	}
	acc, err := s.resolveAccount(ctx, req.Author)
	if err != nil {
		return nil, err
	}
	res := &AuthorResult{Warning: acc.Warning}
	if err := s.publishAuthor(ctx, actor, f, acc.DID, tier, req.Note); err != nil {
		return nil, err
	}
	var changed bool
	err = s.update(ctx, func(tx *store.Tx) error {
		a, ch, removed, err := s.applyAuthor(tx, actor, f, acc, tier, req.Note)
		if err != nil {
			return err
		}
		v := authorView(a)
		res.Author, res.Unchanged, res.Removed, changed = &v, !ch.any, removed, ch.tier
		if !ch.any {
			return errUnchanged
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if changed && tier != model.TierBlocked && !req.NoBackfill {
		s.backfillInto(ctx, acc.DID, res)
	}
	return res, nil
}

// publishAuthor writes the author record a change of tier or note makes,
// in the repo curation store, unless the entry is that already.
func (s *Service) publishAuthor(ctx context.Context, actor string, f *Feed, did syntax.DID, tier model.Tier, note *string) error {
	if s.repo == nil {
		return nil
	}
	var cur *model.CuratedAuthor
	if err := s.store.View(func(tx *store.Tx) error {
		a, err := tx.CuratedAuthor(f.ID, did)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		cur = a
		return err
	}); err != nil {
		return fmt.Errorf("read the author list: %w", err)
	}
	text := ""
	if cur != nil {
		text = cur.Note
	}
	if note != nil {
		text = strings.TrimSpace(*note)
	}
	if cur != nil && cur.Tier == tier && cur.Note == text {
		return nil
	}
	rec := newRecord(lexicons.Author, actor, text, s.nowUS())
	rec["feed"], rec["subject"], rec["tier"] = f.ID, did.String(), tier.String()
	return s.publish(ctx, repoWrite{lexicons.Author, authorKey(f.ID, did), rec})
}

// backfillInto backfills did now and reports the outcome in res; a
// failure is reported, not returned, since the change it follows stands.
func (s *Service) backfillInto(ctx context.Context, did syntax.DID, res *AuthorResult) {
	if s.ingest == nil {
		return
	}
	b, err := s.backfill(ctx, did)
	if err != nil {
		res.BackfillError = err.Error()
		s.log.Warn("backfill failed", "author", did, "err", err)
		return
	}
	res.Backfill = b
}

// authorChange says what applyAuthor changed.
type authorChange struct {
	any  bool // anything at all
	tier bool // the effective tier
}

// applyAuthor sets the curator's tier (and note) of an author inside tx,
// with its audit entry, and carries out a block.
func (s *Service) applyAuthor(tx *store.Tx, actor string, f *Feed, acc account, tier model.Tier, note *string) (*model.CuratedAuthor, authorChange, int, error) {
	var ch authorChange
	a, err := tx.CuratedAuthor(f.ID, acc.DID)
	var before *model.CuratedAuthor
	switch {
	case errors.Is(err, store.ErrNotFound):
		a = &model.CuratedAuthor{Feed: f.ID, DID: acc.DID, AddedBy: actor, AddedUS: s.nowUS()}
	case err != nil:
		return nil, ch, 0, err
	default:
		b := *a
		b.ListItems = slices.Clone(a.ListItems)
		before = &b
	}
	prev := a.EffectiveTier()
	a.Tier = tier
	if note != nil {
		a.Note = strings.TrimSpace(*note)
	}
	if acc.Handle != "" {
		a.Handle = acc.Handle
	}
	if before != nil && before.Tier == a.Tier && before.Note == a.Note && before.Handle == a.Handle {
		return a, ch, 0, nil
	}
	ch.any, ch.tier = true, prev != a.EffectiveTier()
	a.UpdatedBy, a.UpdatedUS = actor, s.nowUS()
	if err := tx.PutCuratedAuthor(a); err != nil {
		return nil, ch, 0, err
	}
	action := "author.add"
	if before != nil {
		action = "author.update"
	}
	if err := s.audit(tx, change{Actor: actor, Action: action, Feed: f.ID, Target: acc.DID.String(), Before: before, After: a}); err != nil {
		return nil, ch, 0, err
	}
	removed := 0
	if a.EffectiveTier() == model.TierBlocked && ch.tier {
		if removed, err = s.takeOut(tx, f, acc.DID); err != nil {
			return nil, ch, 0, err
		}
	}
	return a, ch, removed, nil
}

// takeOut removes a blocked author's records from the feed and their posts
// from its review queue.
func (s *Service) takeOut(tx *store.Tx, f *Feed, did syntax.DID) (int, error) {
	n := 0
	for _, uri := range tx.AuthorRecords(did, 0) {
		left, err := tx.LeaveFeed(f.ID, uri)
		if err != nil {
			return n, fmt.Errorf("take out %s: %w", uri, err)
		}
		if left {
			n++
		}
	}
	var queued []syntax.ATURI
	cursor := ""
	for {
		page, next, err := tx.QueuePage(f.ID, cursor, 500)
		if err != nil {
			return n, err
		}
		for _, q := range page {
			if q.Post.Author == did {
				queued = append(queued, q.Post.URI)
			}
		}
		if next == "" {
			break
		}
		cursor = next
	}
	for _, uri := range queued {
		if _, err := tx.DeleteQueued(f.ID, uri); err != nil {
			return n, err
		}
	}
	return n, nil
}

// RemoveAuthorRequest takes a curator's entry for an author off a feed.
type RemoveAuthorRequest struct {
	Feed string `json:"feed,omitempty"`
	// Author is a DID (which need not resolve any more) or a handle.
	Author     string `json:"author"`
	NoBackfill bool   `json:"noBackfill,omitempty"`
}

// RemoveAuthor takes the curator's tier off an author. An author who is
// also on the feed's Bluesky list stays an expert through it (remove them
// from the list in a Bluesky app); one who is only on the list cannot be
// removed here. The author's recent posts are then decided again, so that
// those that no longer qualify leave the feed.
func (s *Service) RemoveAuthor(ctx context.Context, actor string, req RemoveAuthorRequest) (*AuthorResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	f, err := s.feed(req.Feed)
	if err != nil {
		return nil, err
	}
	var did syntax.DID
	if strings.HasPrefix(strings.TrimSpace(req.Author), "did:") {
		if did, err = parseDID(req.Author); err != nil {
			return nil, err
		}
	} else {
		acc, err := s.resolveAccount(ctx, req.Author)
		if err != nil {
			return nil, err
		}
		did = acc.DID
	}
	res := &AuthorResult{}
	if s.repo != nil {
		if err := s.store.View(func(tx *store.Tx) error {
			_, err := removable(tx, f, did)
			return err
		}); err != nil {
			return nil, err
		}
		if err := s.publish(ctx, repoWrite{collection: lexicons.Author, rkey: authorKey(f.ID, did)}); err != nil {
			return nil, err
		}
	}
	var changed bool
	err = s.update(ctx, func(tx *store.Tx) error {
		var err error
		changed, err = s.applyRemoveAuthor(tx, actor, f, did, res)
		return err
	})
	if s.appliedAlready(err) {
		// The stream applied it (and queued the backfill) first.
		return res, nil
	}
	if err != nil {
		return nil, err
	}
	if changed && !req.NoBackfill {
		s.backfillInto(ctx, did, res)
	}
	return res, nil
}

// removable reads the entry of an author the curators may take off f.
func removable(tx *store.Tx, f *Feed, did syntax.DID) (*model.CuratedAuthor, error) {
	a, err := tx.CuratedAuthor(f.ID, did)
	if errors.Is(err, store.ErrNotFound) {
		return nil, notFound("NotListed", fmt.Sprintf("%s is not on the author list of %s", did, f.ID))
	}
	if err != nil {
		return nil, err
	}
	if a.Tier == model.TierNone {
		return nil, conflict("OnBlueskyList", fmt.Sprintf("%s is listed only through the Bluesky list %s: remove them there", did, f.List))
	}
	return a, nil
}

// applyRemoveAuthor takes the curator's tier off an author inside tx,
// with its audit entry, and says in res what is left. It reports whether
// the effective tier changed.
func (s *Service) applyRemoveAuthor(tx *store.Tx, actor string, f *Feed, did syntax.DID, res *AuthorResult) (bool, error) {
	a, err := removable(tx, f, did)
	if err != nil {
		return false, err
	}
	before := *a
	a.Tier = model.TierNone
	a.UpdatedBy, a.UpdatedUS = actor, s.nowUS()
	if err := tx.PutCuratedAuthor(a); err != nil {
		return false, err
	}
	var after *model.CuratedAuthor
	if a.EffectiveTier() != model.TierNone {
		after = a
		v := authorView(a)
		res.Author = &v
		res.Warning = "still an expert through the Bluesky list " + string(f.List)
	}
	changed := before.EffectiveTier() != a.EffectiveTier()
	return changed, s.audit(tx, change{Actor: actor, Action: "author.remove", Feed: f.ID, Target: did.String(), Before: &before, After: after})
}

// Authors returns a feed's author list, in DID order.
func (s *Service) Authors(ctx context.Context, feedID string) ([]Author, error) {
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	var out []Author
	err = s.store.View(func(tx *store.Tx) error {
		as, err := tx.CuratedAuthors(f.ID)
		if err != nil {
			return err
		}
		out = make([]Author, len(as))
		for i := range as {
			out[i] = authorView(&as[i])
		}
		return nil
	})
	return out, err
}

// Seed loads the authors of the feed configuration into the store: each
// one the store has no entry for is added with the configured tier (actor
// "config") and backfilled in the background. Entries curators made or
// changed are left alone, so the configuration seeds the list rather than
// overriding it.
func (s *Service) Seed(ctx context.Context) error {
	var added []syntax.DID
	err := s.update(ctx, func(tx *store.Tx) error {
		added = added[:0]
		for _, f := range s.feeds {
			dids := make([]syntax.DID, 0, len(f.Seed))
			for did := range f.Seed {
				dids = append(dids, did)
			}
			slices.Sort(dids)
			for _, did := range dids {
				tier := f.Seed[did]
				if tier == model.TierNone {
					continue
				}
				if _, err := tx.CuratedAuthor(f.ID, did); err == nil {
					continue
				} else if !errors.Is(err, store.ErrNotFound) {
					return err
				}
				note := "from the feed configuration"
				if _, _, _, err := s.applyAuthor(tx, ActorConfig, f, account{DID: did}, tier, &note); err != nil {
					return err
				}
				if tier != model.TierBlocked {
					added = append(added, did)
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed authors: %w", err)
	}
	for _, did := range added {
		s.enqueueBackfill(did, "configured")
	}
	return nil
}
