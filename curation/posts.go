package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// PostRequest names a post (an AT-URI or a bsky.app URL), in a feed where
// that matters, with an optional note.
type PostRequest struct {
	Feed string `json:"feed,omitempty"`
	URI  string `json:"uri"`
	Note string `json:"note,omitempty"`
}

// BlockResult is the outcome of a block or unblock.
type BlockResult struct {
	URI syntax.ATURI `json:"uri"`
	// Feeds are the feeds the post left (block) or came back to
	// (unblock).
	Feeds []string `json:"feeds"`
	// Unpinned are the feeds whose pin of the post went with the block.
	Unpinned  []string `json:"unpinned,omitempty"`
	Unchanged bool     `json:"unchanged,omitempty"`
}

// Block takes a post out of every feed at once and keeps it out: the
// indexer consults the block before any decision, so neither an edit nor a
// replay nor a backfill brings it back. Its pins and queue entries go with
// it. The stored record is kept in the block, for an unblock. Blocking a
// post that is not stored (yet) works too.
func (s *Service) Block(ctx context.Context, actor string, req PostRequest) (*BlockResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	if err := checkNote(&req.Note); err != nil {
		return nil, err
	}
	uri, err := s.resolvePost(ctx, req.URI)
	if err != nil {
		return nil, err
	}
	res := &BlockResult{URI: uri, Feeds: []string{}}
	// One time for the record and the block here: every replica keeps
	// the record's.
	at := s.nowUS()
	if s.repo != nil {
		// What the repository gets: the block, and the end of the
		// post's pins, which go with it.
		var blocked bool
		var pinned []string
		if err := s.store.View(func(tx *store.Tx) error {
			blocked = tx.Blocked(uri)
			all, err := tx.Pins()
			for feed, pins := range all {
				if slices.ContainsFunc(pins, func(p model.Pin) bool { return p.URI == uri }) {
					pinned = append(pinned, feed)
				}
			}
			return err
		}); err != nil {
			return nil, fmt.Errorf("read %s: %w", uri, err)
		}
		if blocked {
			res.Unchanged = true
			return res, nil
		}
		rec := newRecord(lexicons.BlockedPost, actor, req.Note, at)
		rec["subject"] = uri.String()
		writes := []repoWrite{{lexicons.BlockedPost, blockKey(uri), rec}}
		for _, feed := range pinned {
			writes = append(writes, repoWrite{collection: lexicons.Pin, rkey: pinKey(feed, uri)})
		}
		if err := s.publish(ctx, writes...); err != nil {
			return nil, err
		}
	}
	err = s.update(ctx, func(tx *store.Tx) error {
		var err error
		res.Feeds, res.Unpinned, res.Unchanged, err = s.applyBlock(tx, actor, uri, req.Note, at)
		if err == nil && res.Unchanged {
			return errUnchanged
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(res.Unpinned) > 0 {
		if err := s.loadPins(); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// applyBlock blocks uri inside tx, with its audit entries: the post
// leaves its feeds (kept in the block, for an unblock), and its pins and
// queue entries go. It returns the feeds the post left and those whose
// pin went; unchanged when the post was blocked already. The caller
// reloads the pins once tx commits.
func (s *Service) applyBlock(tx *store.Tx, actor string, uri syntax.ATURI, note string, atUS int64) (feeds, unpinned []string, unchanged bool, err error) {
	feeds = []string{}
	if tx.Blocked(uri) {
		return feeds, nil, true, nil
	}
	p, err := tx.Post(uri)
	switch {
	case errors.Is(err, store.ErrNotFound):
		p = nil
	case err != nil:
		return nil, nil, false, err
	}
	bl := &model.Block{URI: uri, By: actor, AtUS: atUS, Note: strings.TrimSpace(note), Post: p}
	if p != nil {
		for _, m := range p.Feeds {
			feeds = append(feeds, m.Feed)
		}
		if _, err := deletePost(tx, uri); err != nil {
			return nil, nil, false, err
		}
	}
	if err := tx.PutBlock(bl); err != nil {
		return nil, nil, false, err
	}
	pins, err := tx.Pins()
	if err != nil {
		return nil, nil, false, err
	}
	for _, f := range s.feeds {
		if _, err := tx.DeleteQueued(f.ID, uri); err != nil {
			return nil, nil, false, err
		}
		if slices.ContainsFunc(pins[f.ID], func(p model.Pin) bool { return p.URI == uri }) {
			if err := tx.DeletePin(f.ID, uri); err != nil {
				return nil, nil, false, err
			}
			if err := s.audit(tx, change{Actor: actor, Action: "pin.remove", Feed: f.ID, Target: uri.String(), Note: "blocked"}); err != nil {
				return nil, nil, false, err
			}
			unpinned = append(unpinned, f.ID)
		}
	}
	var before any
	if p != nil {
		before = map[string]any{"feeds": p.Feeds}
	}
	blockOnly := *bl
	blockOnly.Post = nil
	return feeds, unpinned, false, s.audit(tx, change{Actor: actor, Action: "block", Target: uri.String(), Before: before, After: blockOnly})
}

// deletePost removes a record from every feed without a tombstone (the
// block keeps it out; a tombstone would mean its author deleted it), and
// the reposts that brought it into a feed with it.
func deletePost(tx *store.Tx, uri syntax.ATURI) (bool, error) {
	removed, _, err := tx.DeletePostAndReposts(uri, 0)
	return removed, err
}

// Unblock lifts a block. A post that was stored when it was blocked goes
// back into the feeds it was in, at its old place, except feeds that have
// since blocked its author; one that was not will come in with its next
// edit or a backfill of its author.
func (s *Service) Unblock(ctx context.Context, actor string, req PostRequest) (*BlockResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	uri, err := s.resolvePost(ctx, req.URI)
	if err != nil {
		return nil, err
	}
	res := &BlockResult{URI: uri, Feeds: []string{}}
	if s.repo != nil {
		if err := s.store.View(func(tx *store.Tx) error {
			if !tx.Blocked(uri) {
				return notFound("NotBlocked", fmt.Sprintf("%s is not blocked", uri))
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if err := s.publish(ctx, repoWrite{collection: lexicons.BlockedPost, rkey: blockKey(uri)}); err != nil {
			return nil, err
		}
	}
	err = s.update(ctx, func(tx *store.Tx) error {
		var err error
		res.Feeds, err = s.applyUnblock(tx, actor, uri, req.Note)
		return err
	})
	if s.appliedAlready(err) {
		return res, nil
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// applyUnblock lifts the block of uri inside tx, with its audit entry,
// and returns the feeds the post came back to.
func (s *Service) applyUnblock(tx *store.Tx, actor string, uri syntax.ATURI, note string) ([]string, error) {
	feeds := []string{}
	bl, err := tx.Block(uri)
	if errors.Is(err, store.ErrNotFound) {
		return nil, notFound("NotBlocked", fmt.Sprintf("%s is not blocked", uri))
	}
	if err != nil {
		return nil, err
	}
	if err := tx.DeleteBlock(uri); err != nil {
		return nil, err
	}
	if p := bl.Post; p != nil {
		keep := p.Feeds[:0:0]
		for _, m := range p.Feeds {
			if s.byID[m.Feed] == nil {
				continue
			}
			if t, err := tx.AuthorTier(m.Feed, p.Author); err != nil {
				return nil, err
			} else if t == model.TierBlocked {
				continue
			}
			keep = append(keep, m)
		}
		p.Feeds = keep
		// What labels hold out stays out.
		if _, err := s.decider.Moderate(tx, p); err != nil {
			return nil, err
		}
		if err := tx.PutPost(p); err != nil && !errors.Is(err, store.ErrDeleted) {
			return nil, err
		} else if err == nil {
			for _, m := range p.Feeds {
				feeds = append(feeds, m.Feed)
			}
		}
	}
	blockOnly := *bl
	blockOnly.Post = nil
	return feeds, s.audit(tx, change{Actor: actor, Action: "unblock", Target: uri.String(), Before: blockOnly, After: map[string]any{"feeds": feeds}, Note: strings.TrimSpace(note)})
}

// Blocks returns every blocked post, most recent block first, without the
// kept records.
func (s *Service) Blocks(ctx context.Context) ([]model.Block, error) {
	var out []model.Block
	err := s.store.View(func(tx *store.Tx) error {
		var err error
		out, err = tx.Blocks()
		return err
	})
	for i := range out {
		out[i].Post = nil
	}
	slices.SortStableFunc(out, func(a, b model.Block) int { return compareDesc(a.AtUS, b.AtUS) })
	return out, err
}

func compareDesc(a, b int64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// PinResult is the outcome of a pin or unpin.
type PinResult struct {
	Feed string       `json:"feed"`
	URI  syntax.ATURI `json:"uri"`
	// Pins are the feed's pins afterwards, newest first.
	Pins      []string `json:"pins"`
	Unchanged bool     `json:"unchanged,omitempty"`
	// Warning says what could not be checked.
	Warning string `json:"warning,omitempty"`
}

// Pin puts a post at the top of a feed's first page, served with
// skeletonReasonPin, up to MaxPins per feed. The post must exist: one we
// do not keep is looked up on its author's PDS. A blocked post cannot be
// pinned.
func (s *Service) Pin(ctx context.Context, actor string, req PostRequest) (*PinResult, error) {
	f, uri, err := s.feedPost(ctx, actor, req.Feed, &req.Note, req.URI)
	if err != nil {
		return nil, err
	}
	res := &PinResult{Feed: f.ID, URI: uri}
	if slices.Contains(s.Pins(f.ID), string(uri)) {
		res.Unchanged, res.Pins = true, s.Pins(f.ID)
		return res, nil
	}
	stored := true
	err = s.store.View(func(tx *store.Tx) error {
		_, err := tx.Post(uri)
		if errors.Is(err, store.ErrNotFound) {
			stored, err = false, nil
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", uri, err)
	}
	if !stored {
		if res.Warning, err = s.checkPostExists(ctx, uri); err != nil {
			return nil, err
		}
	}
	check := func(tx *store.Tx) error {
		if tx.Blocked(uri) {
			return conflict("PostBlocked", fmt.Sprintf("%s is blocked; unblock it before pinning", uri))
		}
		all, err := tx.Pins()
		if err != nil {
			return err
		}
		for _, p := range all[f.ID] {
			if p.URI == uri {
				res.Unchanged = true
				return errUnchanged
			}
		}
		if len(all[f.ID]) >= s.cfg.MaxPins {
			return conflict("TooManyPins", fmt.Sprintf("feed %s has %d pins, the most it may have: unpin one first", f.ID, len(all[f.ID])))
		}
		return nil
	}
	// One time for the record and the pin here: the pins' order is
	// theirs, and every replica keeps the record's.
	at := s.nowUS()
	if s.repo != nil {
		err := s.store.View(check)
		if errors.Is(err, errUnchanged) {
			res.Pins = s.Pins(f.ID)
			return res, nil
		}
		if err != nil {
			return nil, err
		}
		rec := newRecord(lexicons.Pin, actor, req.Note, at)
		rec["feed"], rec["subject"] = f.ID, uri.String()
		if err := s.publish(ctx, repoWrite{lexicons.Pin, pinKey(f.ID, uri), rec}); err != nil {
			return nil, err
		}
	}
	err = s.update(ctx, func(tx *store.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		return s.applyPin(tx, &model.Pin{Feed: f.ID, URI: uri, By: actor, AtUS: at, Note: strings.TrimSpace(req.Note)})
	})
	if err != nil {
		return nil, err
	}
	if err := s.loadPins(); err != nil {
		return nil, err
	}
	res.Pins = s.Pins(f.ID)
	return res, nil
}

// applyPin pins p inside tx, with its audit entry. The caller reloads the
// pins once tx commits.
func (s *Service) applyPin(tx *store.Tx, p *model.Pin) error {
	if err := tx.PutPin(p); err != nil {
		return err
	}
	return s.audit(tx, change{Actor: p.By, Action: "pin", Feed: p.Feed, Target: p.URI.String(), After: p})
}

// checkPostExists asks the author's PDS for a post we do not keep. A post
// the PDS does not have is an error; a PDS that cannot be reached is a
// warning, since pinning is still what the curator asked for.
func (s *Service) checkPostExists(ctx context.Context, uri syntax.ATURI) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	did, _ := uri.Authority().AsDID()
	pds, err := s.pds.endpoint(ctx, did)
	if err != nil {
		if e, ok := AsError(err); ok && e.Kind == KindInvalid {
			return "", err
		}
		return "the post could not be checked: " + err.Error(), nil
	}
	if _, err := s.pds.getRecord(ctx, pds, uri); errors.Is(err, errRecordNotFound) {
		return "", invalid("PostNotFound", fmt.Sprintf("%s does not exist on its author's PDS", uri))
	} else if err != nil {
		return "the post could not be checked: " + err.Error(), nil
	}
	return "", nil
}

// Unpin takes a pin off a feed.
func (s *Service) Unpin(ctx context.Context, actor string, req PostRequest) (*PinResult, error) {
	f, uri, err := s.feedPost(ctx, actor, req.Feed, nil, req.URI)
	if err != nil {
		return nil, err
	}
	if s.repo != nil {
		if !slices.Contains(s.Pins(f.ID), string(uri)) {
			return nil, notFound("NotPinned", fmt.Sprintf("%s is not pinned in %s", uri, f.ID))
		}
		if err := s.publish(ctx, repoWrite{collection: lexicons.Pin, rkey: pinKey(f.ID, uri)}); err != nil {
			return nil, err
		}
	}
	err = s.update(ctx, func(tx *store.Tx) error {
		return s.applyUnpin(tx, actor, f.ID, uri, req.Note)
	})
	if s.appliedAlready(err) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	if err := s.loadPins(); err != nil {
		return nil, err
	}
	return &PinResult{Feed: f.ID, URI: uri, Pins: s.Pins(f.ID)}, nil
}

// applyUnpin takes the pin of uri off feed inside tx, with its audit
// entry. The caller reloads the pins once tx commits.
func (s *Service) applyUnpin(tx *store.Tx, actor, feed string, uri syntax.ATURI, note string) error {
	all, err := tx.Pins()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(all[feed], func(p model.Pin) bool { return p.URI == uri })
	if i < 0 {
		return notFound("NotPinned", fmt.Sprintf("%s is not pinned in %s", uri, feed))
	}
	if err := tx.DeletePin(feed, uri); err != nil {
		return err
	}
	return s.audit(tx, change{Actor: actor, Action: "pin.remove", Feed: feed, Target: uri.String(), Before: all[feed][i], Note: strings.TrimSpace(note)})
}

// PinList returns a feed's pins, newest first.
func (s *Service) PinList(ctx context.Context, feedID string) ([]model.Pin, error) {
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	var out []model.Pin
	err = s.store.View(func(tx *store.Tx) error {
		all, err := tx.Pins()
		out = all[f.ID]
		return err
	})
	slices.SortStableFunc(out, func(a, b model.Pin) int { return compareDesc(a.AtUS, b.AtUS) })
	if out == nil {
		out = []model.Pin{}
	}
	return out, err
}

// feedPost checks what an operation on one post of one feed takes, in the
// order each reports it: who acts, the feed, the note (nil for operations
// that take none) and the post, resolved from an AT-URI or bsky.app URL.
func (s *Service) feedPost(ctx context.Context, actor, feedID string, note *string, ref string) (*Feed, syntax.ATURI, error) {
	if err := checkActor(actor); err != nil {
		return nil, "", err
	}
	f, err := s.feed(feedID)
	if err != nil {
		return nil, "", err
	}
	if err := checkNote(note); err != nil {
		return nil, "", err
	}
	uri, err := s.resolvePost(ctx, ref)
	if err != nil {
		return nil, "", err
	}
	return f, uri, nil
}
