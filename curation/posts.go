package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"

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
	err = s.update(ctx, func(tx *store.Tx) error {
		res.Feeds, res.Unpinned = res.Feeds[:0], nil
		if tx.Blocked(uri) {
			res.Unchanged = true
			return errUnchanged
		}
		p, err := tx.Post(uri)
		switch {
		case errors.Is(err, store.ErrNotFound):
			p = nil
		case err != nil:
			return err
		}
		bl := &model.Block{URI: uri, By: actor, AtUS: s.nowUS(), Note: strings.TrimSpace(req.Note), Post: p}
		if p != nil {
			for _, m := range p.Feeds {
				res.Feeds = append(res.Feeds, m.Feed)
			}
			if _, err := deletePost(tx, uri); err != nil {
				return err
			}
		}
		if err := tx.PutBlock(bl); err != nil {
			return err
		}
		pins, err := tx.Pins()
		if err != nil {
			return err
		}
		for _, f := range s.feeds {
			if _, err := tx.DeleteQueued(f.ID, uri); err != nil {
				return err
			}
			if slices.ContainsFunc(pins[f.ID], func(p model.Pin) bool { return p.URI == uri }) {
				if err := tx.DeletePin(f.ID, uri); err != nil {
					return err
				}
				if err := s.audit(tx, change{Actor: actor, Action: "pin.remove", Feed: f.ID, Target: uri.String(), Note: "blocked"}); err != nil {
					return err
				}
				res.Unpinned = append(res.Unpinned, f.ID)
			}
		}
		var before any
		if p != nil {
			before = map[string]any{"feeds": p.Feeds}
		}
		blockOnly := *bl
		blockOnly.Post = nil
		return s.audit(tx, change{Actor: actor, Action: "block", Target: uri.String(), Before: before, After: blockOnly})
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
	err = s.update(ctx, func(tx *store.Tx) error {
		res.Feeds = res.Feeds[:0]
		bl, err := tx.Block(uri)
		if errors.Is(err, store.ErrNotFound) {
			return notFound("NotBlocked", fmt.Sprintf("%s is not blocked", uri))
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteBlock(uri); err != nil {
			return err
		}
		if p := bl.Post; p != nil {
			keep := p.Feeds[:0:0]
			for _, m := range p.Feeds {
				if s.byID[m.Feed] == nil {
					continue
				}
				if t, err := tx.AuthorTier(m.Feed, p.Author); err != nil {
					return err
				} else if t == model.TierBlocked {
					continue
				}
				keep = append(keep, m)
				res.Feeds = append(res.Feeds, m.Feed)
			}
			p.Feeds = keep
			// What labels hold out stays out.
			if _, err := s.decider.Moderate(tx, p); err != nil {
				return err
			}
			res.Feeds = res.Feeds[:0]
			for _, m := range p.Feeds {
				res.Feeds = append(res.Feeds, m.Feed)
			}
			if err := tx.PutPost(p); err != nil && !errors.Is(err, store.ErrDeleted) {
				return err
			} else if err != nil {
				res.Feeds = res.Feeds[:0]
			}
		}
		blockOnly := *bl
		blockOnly.Post = nil
		return s.audit(tx, change{Actor: actor, Action: "unblock", Target: uri.String(), Before: blockOnly, After: map[string]any{"feeds": res.Feeds}, Note: strings.TrimSpace(req.Note)})
	})
	if err != nil {
		return nil, err
	}
	return res, nil
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
	err = s.update(ctx, func(tx *store.Tx) error {
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
		p := &model.Pin{Feed: f.ID, URI: uri, By: actor, AtUS: s.nowUS(), Note: strings.TrimSpace(req.Note)}
		if err := tx.PutPin(p); err != nil {
			return err
		}
		return s.audit(tx, change{Actor: actor, Action: "pin", Feed: f.ID, Target: uri.String(), After: p})
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
	err = s.update(ctx, func(tx *store.Tx) error {
		all, err := tx.Pins()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all[f.ID], func(p model.Pin) bool { return p.URI == uri })
		if i < 0 {
			return notFound("NotPinned", fmt.Sprintf("%s is not pinned in %s", uri, f.ID))
		}
		if err := tx.DeletePin(f.ID, uri); err != nil {
			return err
		}
		return s.audit(tx, change{Actor: actor, Action: "pin.remove", Feed: f.ID, Target: uri.String(), Before: all[f.ID][i], Note: strings.TrimSpace(req.Note)})
	})
	if err != nil {
		return nil, err
	}
	if err := s.loadPins(); err != nil {
		return nil, err
	}
	return &PinResult{Feed: f.ID, URI: uri, Pins: s.Pins(f.ID)}, nil
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
