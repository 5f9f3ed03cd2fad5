package curation

import (
	"errors"
	"fmt"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// PostEvent is a post being created or edited, as the indexer hands it to
// the decision: from the stream, or fetched from a PDS by a backfill.
type PostEvent struct {
	URI    syntax.ATURI
	CID    string
	Author syntax.DID
	// TimeUS is when the network saw the post (for a backfill, when it
	// was fetched).
	TimeUS int64
	Record *bsky.FeedPost
	// Edit is set for an update of the record. Only an edit can take a
	// queued post clearly out, so only an edit pays for a look into the
	// queue when the post is out.
	Edit bool
}

// ReasonApproved marks a post a curator let in from the review queue.
const ReasonApproved = "review:approved"

// DecidePost decides which feeds a post belongs in, inside the indexer's
// write transaction, and keeps the review queue in step: a post in the
// review band of a feed is queued there (or its entry refreshed by an
// edit), one that goes in or falls clearly out leaves the queue. A blocked
// post goes nowhere; a curator's verdict on a reviewed post stands over
// later edits and replays. Errors come only from the store.
func (s *Service) DecidePost(tx *store.Tx, ev PostEvent) ([]store.Membership, error) {
	if ev.Record == nil || tx.Blocked(ev.URI) {
		return nil, nil
	}
	in := s.input(tx, ev)
	var out []store.Membership
	for _, f := range s.feeds {
		j, err := s.judge(tx, f, in)
		if err != nil {
			return nil, err
		}
		d := j.Decision
		if d.In {
			out = append(out, store.Membership{Feed: f.ID, Score: d.Score, Reasons: d.Reasons})
			if _, err := tx.DeleteQueued(f.ID, ev.URI); err != nil {
				return nil, fmt.Errorf("decide %s: %w", ev.URI, err)
			}
			continue
		}
		v, err := tx.Verdict(f.ID, ev.URI)
		switch {
		case errors.Is(err, store.ErrNotFound):
			v = nil
		case err != nil:
			return nil, err
		}
		switch {
		case v != nil && v.In && j.Tier != relevance.TierBlocked:
			out = append(out, store.Membership{Feed: f.ID, Score: d.Score, Reasons: append(d.Reasons, ReasonApproved)})
		case v == nil && d.Review:
			q := &store.Queued{Feed: f.ID, Post: storedPost(ev), Score: d.Score, Reasons: d.Reasons, QueuedUS: ev.TimeUS}
			if err := tx.PutQueued(q, s.cfg.QueueMax); err != nil {
				return nil, fmt.Errorf("queue %s: %w", ev.URI, err)
			}
		case ev.Edit:
			// The edit may have taken a queued post clearly out.
			if _, err := tx.DeleteQueued(f.ID, ev.URI); err != nil {
				return nil, fmt.Errorf("decide %s: %w", ev.URI, err)
			}
		}
	}
	return out, nil
}

// judgement is one feed's decision on a post, with the tier it read.
type judgement struct {
	relevance.Decision
	Tier relevance.Tier
}

// judge runs the feed's relevance decision against the store's state as
// tx sees it. It only reads.
func (s *Service) judge(tx *store.Tx, f *Feed, in relevance.Input) (judgement, error) {
	env := &txEnv{tx: tx, feed: f.ID, self: in.URI}
	d, err := f.Classifier.Classify(env, in)
	if err != nil {
		return judgement{}, err
	}
	return judgement{Decision: d, Tier: env.tier}, nil
}

// input builds the classifier's input. The post is judged at its sort
// time, so that a backfill of a week of posts meets the per-hour cap hour
// by hour rather than all at once. A quoted post we keep lends its text.
func (s *Service) input(tx *store.Tx, ev PostEvent) relevance.Input {
	p := relevance.FromRecord(ev.Record)
	if p.QuotedURI != "" {
		if q, err := tx.Post(p.QuotedURI); err == nil {
			p.Quoted = &relevance.Post{Text: q.Text, Langs: q.Langs}
		}
	}
	sortUS := store.SortTime(indexer.ParseCreated(ev.Record.CreatedAt), ev.TimeUS)
	return relevance.Input{URI: ev.URI, Author: ev.Author, Time: time.UnixMicro(sortUS), Post: p}
}

// storedPost is the record the store would keep for ev, without feeds.
func storedPost(ev PostEvent) store.Post {
	return *indexer.PostRecord(ev.URI, ev.CID, ev.Author, ev.TimeUS, ev.Record)
}

// txEnv is the classifier's view of one feed through a store transaction.
type txEnv struct {
	tx   *store.Tx
	feed string
	// self is the post being judged: a replayed or edited post must not
	// count against its own author's cap.
	self syntax.ATURI
	// tier is the author's tier, as last asked.
	tier relevance.Tier
}

// Tier implements relevance.Env.
func (e *txEnv) Tier(author syntax.DID) (relevance.Tier, error) {
	name, err := e.tx.CuratedTier(e.feed, author)
	if err != nil {
		return relevance.TierNone, err
	}
	t, err := relevance.ParseTier(name)
	if err != nil {
		return relevance.TierNone, fmt.Errorf("author %s in feed %s: %w", author, e.feed, err)
	}
	e.tier = t
	return t, nil
}

// InFeed implements relevance.Env.
func (e *txEnv) InFeed(uri syntax.ATURI) (bool, error) {
	return e.tx.InFeed(e.feed, uri), nil
}

// AcceptedSince implements relevance.Env.
func (e *txEnv) AcceptedSince(author syntax.DID, since time.Time) (int, error) {
	sinceUS := since.UnixMicro()
	n := e.tx.AuthorPostsInFeed(e.feed, author, sinceUS)
	if n > 0 {
		if p, err := e.tx.Post(e.self); err == nil && !p.Hidden && p.InFeed(e.feed) && p.SortUS >= sinceUS {
			n--
		}
	}
	return n, nil
}
