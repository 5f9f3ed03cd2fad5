package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

// QueuePage is one page of a feed's review queue, newest first.
type QueuePage struct {
	Feed    string         `json:"feed"`
	Total   int            `json:"total"`
	Entries []model.Queued `json:"entries"`
	Cursor  string         `json:"cursor,omitempty"`
}

// Authors are the DIDs of the authors of the page's posts.
func (p *QueuePage) Authors() []syntax.DID {
	out := make([]syntax.DID, 0, len(p.Entries))
	for _, e := range p.Entries {
		out = append(out, e.Post.Author)
	}
	return out
}

// MaxPageLimit bounds the page size of the queue and the audit log.
const MaxPageLimit = 500

func checkLimit(limit, def int) (int, error) {
	switch {
	case limit == 0:
		return def, nil
	case limit < 0 || limit > MaxPageLimit:
		return 0, invalid("InvalidLimit", fmt.Sprintf("limit must be between 1 and %d", MaxPageLimit))
	}
	return limit, nil
}

// Queue returns a page of a feed's review queue.
func (s *Service) Queue(ctx context.Context, feedID, cursor string, limit int) (*QueuePage, error) {
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	if limit, err = checkLimit(limit, 50); err != nil {
		return nil, err
	}
	if cursor != "" {
		if _, _, err := store.ParseCursor(cursor); err != nil {
			return nil, invalid("InvalidCursor", "malformed cursor")
		}
	}
	page := &QueuePage{Feed: f.ID}
	err = s.store.View(func(tx *store.Tx) error {
		page.Total = tx.QueueLen(f.ID)
		var err error
		page.Entries, page.Cursor, err = tx.QueuePage(f.ID, cursor, limit)
		return err
	})
	if page.Entries == nil {
		page.Entries = []model.Queued{}
	}
	return page, err
}

// VerdictRequest approves or rejects a queued post.
type VerdictRequest struct {
	Feed string `json:"feed,omitempty"`
	URI  string `json:"uri"`
	// AddAuthor, on an approval, also lists the post's author with this
	// tier (all or expert), as AddAuthor would.
	AddAuthor string `json:"addAuthor,omitempty"`
	Note      string `json:"note,omitempty"`
}

// VerdictResult is the outcome of an approval or rejection.
type VerdictResult struct {
	Feed string `json:"feed"`
	URI  string `json:"uri"`
	In   bool   `json:"in"`
	// Author is set when the approval also listed the author.
	Author        *AuthorResult `json:"author,omitempty"`
	BackfillError string        `json:"backfillError,omitempty"`
}

// Approve lets a queued post into the feed, at the place its sort time
// gives it, and records the verdict so that an edit or a replay keeps it
// in. With AddAuthor the author is listed in the same transaction and
// then backfilled.
func (s *Service) Approve(ctx context.Context, actor string, req VerdictRequest) (*VerdictResult, error) {
	return s.verdict(ctx, actor, req, true)
}

// Reject takes a post off the queue for good: an edit or a replay will
// not queue it again.
func (s *Service) Reject(ctx context.Context, actor string, req VerdictRequest) (*VerdictResult, error) {
	if req.AddAuthor != "" {
		return nil, invalid("InvalidRequest", "addAuthor goes with an approval, not a rejection")
	}
	return s.verdict(ctx, actor, req, false)
}

func (s *Service) verdict(ctx context.Context, actor string, req VerdictRequest, in bool) (*VerdictResult, error) {
	f, uri, err := s.feedPost(ctx, actor, req.Feed, &req.Note, req.URI)
	if err != nil {
		return nil, err
	}
	var tier model.Tier
	if req.AddAuthor != "" {
		if tier, err = parseManualTier(req.AddAuthor); err != nil {
			return nil, err
		}
		if tier == model.TierBlocked {
			return nil, invalid("InvalidTier", "approving a post lists its author as all or expert, not blocked")
		}
	}
	// The author is resolved before the transaction: no network inside.
	var acc account
	if tier != model.TierNone {
		var author string
		err := s.store.View(func(tx *store.Tx) error {
			q, err := tx.QueuedPost(f.ID, uri)
			if err == nil {
				author = q.Post.Author.String()
			}
			return err
		})
		if errors.Is(err, store.ErrNotFound) {
			return nil, notFound("NotQueued", fmt.Sprintf("%s is not in the review queue of %s", uri, f.ID))
		}
		if err != nil {
			return nil, fmt.Errorf("read the review queue: %w", err)
		}
		if acc, err = s.resolveAccount(ctx, author); err != nil {
			return nil, err
		}
	}
	res := &VerdictResult{Feed: f.ID, URI: uri.String(), In: in}
	at := s.nowUS()
	if s.repo != nil {
		if err := s.store.View(func(tx *store.Tx) error {
			_, err := tx.QueuedPost(f.ID, uri)
			if errors.Is(err, store.ErrNotFound) {
				return notFound("NotQueued", fmt.Sprintf("%s is not in the review queue of %s", uri, f.ID))
			}
			return err
		}); err != nil {
			return nil, err
		}
		rec := newRecord(lexicons.Verdict, actor, req.Note, at)
		rec["feed"], rec["subject"], rec["verdict"] = f.ID, uri.String(), verdictWord(in)
		if err := s.publish(ctx, repoWrite{lexicons.Verdict, verdictKey(f.ID, uri), rec}); err != nil {
			return nil, err
		}
		if tier != model.TierNone {
			if err := s.publishAuthor(ctx, actor, f, acc.DID, tier, nil); err != nil {
				return nil, err
			}
		}
	}
	var tierChanged bool
	err = s.update(ctx, func(tx *store.Tx) error {
		q, err := tx.QueuedPost(f.ID, uri)
		if errors.Is(err, store.ErrNotFound) {
			return notFound("NotQueued", fmt.Sprintf("%s is not in the review queue of %s", uri, f.ID))
		}
		if err != nil {
			return err
		}
		v := &model.Verdict{Feed: f.ID, URI: uri, In: in, By: actor, AtUS: at}
		if err := s.applyVerdict(tx, q, v, req.Note); err != nil {
			return err
		}
		if tier != model.TierNone {
			a, ch, _, err := s.applyAuthor(tx, actor, f, acc, tier, nil)
			if err != nil {
				return err
			}
			av := authorView(a)
			res.Author = &AuthorResult{Author: &av, Unchanged: !ch.any, Warning: acc.Warning}
			tierChanged = ch.tier
		}
		return nil
	})
	if s.appliedAlready(err) {
		return res, nil
	}
	if err != nil {
		return nil, err
	}
	if tierChanged {
		s.backfillInto(ctx, acc.DID, res.Author)
	}
	return res, nil
}

func verdictWord(in bool) string {
	if in {
		return "approve"
	}
	return "reject"
}

// applyVerdict records v inside tx with its audit entry; a post in the
// queue (q, nil when it is not there) leaves it, into the feed when
// approved. A verdict on a post not (yet) queued here is kept for the
// decider, which reads it when the post comes.
func (s *Service) applyVerdict(tx *store.Tx, q *model.Queued, v *model.Verdict, note string) error {
	if q != nil {
		if _, err := tx.DeleteQueued(v.Feed, v.URI); err != nil {
			return err
		}
	}
	if err := tx.PutVerdict(v); err != nil {
		return err
	}
	action := "queue.reject"
	if v.In {
		action = "queue.approve"
	}
	if q != nil {
		if v.In {
			if err := s.admit(tx, q); err != nil {
				return err
			}
		}
		if err := countVerdict(tx, store.DayOf(s.cfg.Now()), q, v.In); err != nil {
			return err
		}
	}
	var before any
	if q != nil {
		before = q
	}
	return s.audit(tx, change{Actor: v.By, Action: action, Feed: v.Feed, Target: v.URI.String(), Before: before, After: v, Note: strings.TrimSpace(note)})
}

// admit puts an approved post into its feed, next to the feeds it may be
// in already. A post its author deleted meanwhile stays out.
func (s *Service) admit(tx *store.Tx, q *model.Queued) error {
	p := q.Post
	if old, err := tx.Post(p.URI); err == nil {
		p.Feeds, p.Held = slices.Clone(old.Feeds), slices.Clone(old.Held)
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	p.Feeds = slices.DeleteFunc(p.Feeds, func(m model.Membership) bool { return m.Feed == q.Feed })
	p.Held = slices.DeleteFunc(p.Held, func(m model.Membership) bool { return m.Feed == q.Feed })
	reasons := append(slices.Clone(q.Reasons), membership.ReasonApproved)
	p.Feeds = append(p.Feeds, model.Membership{Feed: q.Feed, Score: q.Score, Reasons: reasons})
	// An approval is a relevance verdict: a moderation label still holds
	// the post out, as it would any other.
	if _, err := s.decider.Moderate(tx, &p); err != nil {
		return err
	}
	if err := tx.PutPost(&p); err != nil {
		if errors.Is(err, store.ErrDeleted) {
			return conflict("PostDeleted", fmt.Sprintf("%s was deleted by its author", p.URI))
		}
		return err
	}
	return nil
}

// countVerdict adds a verdict to the day's figures: a post out of the
// queue, and an approved one into the feed.
func countVerdict(tx *store.Tx, day store.Day, q *model.Queued, in bool) error {
	why := stats.OutRejected
	if in {
		why = stats.OutApproved
		m := model.Membership{Feed: q.Feed, Reasons: []string{membership.ReasonApproved}}
		for _, name := range stats.Entered(m, q.Post.Langs, false) {
			if err := tx.AddDaily(q.Feed, day, name, 1); err != nil {
				return err
			}
		}
	}
	return tx.AddDaily(q.Feed, day, stats.MetricUnqueuedPrefix+why, 1)
}
