package indexer

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// FeedDecider decides one feed's membership of a record: when a feed's
// rules change, its kept records and its review queue are judged again
// with it. *membership.Decider is one.
type FeedDecider interface {
	DecideFeed(st membership.State, feed string, r membership.Record) (membership.Outcome, error)
}

// Defaults of a re-judge.
const (
	// DefaultRejudgeBatch is how many records one re-judge transaction
	// judges: small enough that the stream's next batch waits only a
	// moment for it.
	DefaultRejudgeBatch = 500
	// DefaultRejudgeSamples is how many moves of each kind a diff keeps.
	DefaultRejudgeSamples = 20
)

// RejudgeJob is one batch of a re-judge: the writer judges the next
// Limit records of State.Feed with Decider, through the apply step's
// writes, and saves the advanced State in the same transaction.
type RejudgeJob struct {
	// Decider is the decider with the feed's new rules: the live one,
	// whose rules were swapped before the first batch.
	Decider FeedDecider
	// State is where the re-judge stands; Inbox.Rejudge replaces it with
	// the state after the batch once it is committed.
	State *model.Rejudge
	// Limit is how many records the batch judges (DefaultRejudgeBatch).
	Limit int
	// Samples is how many moves of each kind State.Diff keeps
	// (DefaultRejudgeSamples).
	Samples int
}

func (j *RejudgeJob) limits() (int, int) {
	limit, samples := j.Limit, j.Samples
	if limit <= 0 {
		limit = DefaultRejudgeBatch
	}
	if samples <= 0 {
		samples = DefaultRejudgeSamples
	}
	return limit, samples
}

// Rejudge has the running indexer's writer judge the next batch of
// job.State.Feed's kept records and review queue again, in one
// transaction of its own between the stream's, and returns once it is
// committed, with job.State advanced. Call it until job.State.Phase is
// model.RejudgeDone. Like Ingest, it waits for a writer that has not
// started and fails with ErrNotRunning once it has stopped.
func (in *Inbox) Rejudge(ctx context.Context, job *RejudgeJob) error {
	if job.Decider == nil || job.State == nil || job.State.Feed == "" {
		return errors.New("rejudge: missing decider or state")
	}
	req := ingestRequest{rejudge: job, rejudged: make(chan *model.Rejudge, 1), done: make(chan error, 1)}
	if err := in.send(ctx, req); err != nil {
		return err
	}
	select {
	case err := <-req.done:
		if err != nil {
			return err
		}
		job.State = <-req.rejudged
		return nil
	case <-ctx.Done():
		// The batch may still commit; the next one starts from the state
		// saved with it.
		return ctx.Err()
	}
}

// rejudgeTarget is what a re-judge reads and writes: the writer's
// transaction, or a dry run's overlay of one.
type rejudgeTarget interface {
	membership.State
	// Queued is feed's queue entry for uri, or nil.
	Queued(feed string, uri syntax.ATURI) (*model.Queued, error)
	// Keep stores the record with its new feeds, parked when it has none.
	Keep(p *model.Post) error
	// Enqueue puts q in its feed's queue (in place, if there), keeping at
	// most max entries.
	Enqueue(q *model.Queued, max int) error
	// Dequeue takes uri out of feed's queue.
	Dequeue(feed string, uri syntax.ATURI) error
}

// rejudger judges records of one feed again.
type rejudger struct {
	dec     FeedDecider
	feed    string
	samples int
	nowUS   int64
	diff    *model.RulesDiff
	// kinds counts the samples kept of each kind of move.
	kinds [4]int
	// tally, if set, counts entries and removals for the metrics.
	tally *Tally
}

// Kinds of move, for the samples.
const (
	moveEnter = iota
	moveLeave
	moveQueue
	moveUnqueue
)

// one judges a record again. stored says it is kept (p is the kept
// record); otherwise p is q's post, a queued post we do not keep.
func (r *rejudger) one(st rejudgeTarget, p *model.Post, stored bool, q *model.Queued) error {
	feed := r.feed
	var err error
	if q == nil {
		if q, err = st.Queued(feed, p.URI); err != nil {
			return err
		}
	}
	from := model.PlaceOut
	switch {
	case stored && p.InFeed(feed):
		from = model.PlaceIn
	case q != nil:
		from = model.PlaceQueue
	}
	out, err := r.dec.DecideFeed(st, feed, membership.KeptRecord(p))
	if err != nil {
		return fmt.Errorf("decide %s again: %w", p.URI, err)
	}
	var now *model.Membership
	for i := range out.Feeds {
		if out.Feeds[i].Feed == feed {
			now = &out.Feeds[i]
		}
	}
	var queue *model.Membership
	for i := range out.Queue {
		if out.Queue[i].Feed == feed {
			queue = &out.Queue[i]
		}
	}
	to := model.PlaceOut
	switch {
	case now != nil:
		to = model.PlaceIn
	case queue != nil:
		to = model.PlaceQueue
	}
	if from == model.PlaceQueue {
		r.diff.Queued++
	} else {
		r.diff.Held++
	}

	// The queue first: an entry keeps the post as it was kept.
	switch {
	case queue != nil:
		e := &model.Queued{Feed: feed, Post: *p, Score: queue.Score, Reasons: queue.Reasons, QueuedUS: r.nowUS}
		e.Post.Feeds = nil
		if q != nil {
			e.QueuedUS = q.QueuedUS
		}
		if q == nil || q.Score != e.Score || !slices.Equal(q.Reasons, e.Reasons) {
			if err := st.Enqueue(e, out.QueueMax); err != nil {
				return fmt.Errorf("queue %s: %w", p.URI, err)
			}
		}
	case q != nil && slices.Contains(out.Unqueue, feed):
		if err := st.Dequeue(feed, p.URI); err != nil {
			return fmt.Errorf("unqueue %s: %w", p.URI, err)
		}
	}

	// Then the record: its other feeds stay as they are. A record that
	// leaves its last feed, or a queued post that leaves the queue clearly
	// out, is parked, so that the next change of rules sees it again.
	var was *model.Membership
	if stored {
		was = p.Membership(feed)
	}
	changed := (was == nil) != (now == nil) || (now != nil && (was.Score != now.Score || !slices.Equal(was.Reasons, now.Reasons)))
	if changed || (!stored && from == model.PlaceQueue && to == model.PlaceOut) {
		np := *p
		np.Feeds = slices.DeleteFunc(slices.Clone(p.Feeds), func(m model.Membership) bool { return m.Feed == feed })
		if !stored {
			np.Feeds = nil
		}
		if now != nil {
			np.Feeds = append(np.Feeds, *now)
		}
		if err := st.Keep(&np); err != nil {
			if errors.Is(err, store.ErrDeleted) {
				return nil
			}
			return fmt.Errorf("keep %s: %w", p.URI, err)
		}
	}
	if from != to {
		r.move(p, from, to, now, queue)
	}
	return nil
}

// move counts a record whose place changed, and keeps it as a sample
// while its kinds have room.
func (r *rejudger) move(p *model.Post, from, to string, now, queue *model.Membership) {
	d := r.diff
	var kinds []int
	if to == model.PlaceIn {
		d.Entered++
		kinds = append(kinds, moveEnter)
		if r.tally != nil {
			r.tally.added(r.feed)
		}
	}
	if from == model.PlaceIn {
		d.Left++
		kinds = append(kinds, moveLeave)
		if r.tally != nil {
			r.tally.removed(causeRules)
		}
	}
	if to == model.PlaceQueue {
		d.QueueAdded++
		kinds = append(kinds, moveQueue)
	}
	if from == model.PlaceQueue && to == model.PlaceOut {
		d.QueueRemoved++
		kinds = append(kinds, moveUnqueue)
	}
	room := false
	for _, k := range kinds {
		if r.kinds[k] < r.samples {
			r.kinds[k]++
			room = true
		}
	}
	if !room {
		return
	}
	m := newMove(p, from, to)
	switch {
	case now != nil:
		m.Score, m.Reasons = now.Score, now.Reasons
	case queue != nil:
		m.Score, m.Reasons = queue.Score, queue.Reasons
	}
	d.Samples = append(d.Samples, m)
}

// newMove describes a record that moves from one place to another, for
// people: the start of its text, no judgement yet.
func newMove(p *model.Post, from, to string) model.RulesMove {
	text := p.Text
	if r := []rune(text); len(r) > 200 {
		text = string(r[:200]) + "…"
	}
	return model.RulesMove{URI: p.URI.String(), Author: p.Author.String(), Text: text, From: from, To: to}
}

// countSamples recounts the samples of each kind d keeps, so that a
// re-judge resumed from a saved state keeps as many as one that ran
// through.
func countSamples(d *model.RulesDiff) [4]int {
	var n [4]int
	for _, m := range d.Samples {
		if m.To == model.PlaceIn {
			n[moveEnter]++
		}
		if m.From == model.PlaceIn {
			n[moveLeave]++
		}
		if m.To == model.PlaceQueue {
			n[moveQueue]++
		}
		if m.From == model.PlaceQueue && m.To == model.PlaceOut {
			n[moveUnqueue]++
		}
	}
	return n
}

// step judges up to limit records from where state stands, advancing it:
// the kept records oldest first, then the feed's queue oldest first. tx
// lists the records; st is where they are judged.
func (r *rejudger) step(tx *store.Tx, st rejudgeTarget, state *model.Rejudge, limit int) error {
	ov, _ := st.(*overlay)
	for n := 0; n < limit && state.Phase != model.RejudgeDone; {
		want := limit - n
		switch state.Phase {
		case model.RejudgePosts, "":
			state.Phase = model.RejudgePosts
			ps, next, err := tx.KeptAfter(state.After, want)
			if err != nil {
				return err
			}
			for _, p := range ps {
				if ov != nil && ov.posts[p.URI] != nil {
					p = ov.posts[p.URI] // as the dry run left it
				}
				if err := r.one(st, p, true, nil); err != nil {
					return err
				}
			}
			n += len(ps)
			state.After = next
			if len(ps) < want {
				state.Phase, state.After = model.RejudgeQueue, ""
			}
		case model.RejudgeQueue:
			qs, next, err := tx.QueueAfter(r.feed, state.After, want)
			if err != nil {
				return err
			}
			for i := range qs {
				q := &qs[i]
				if ov != nil {
					if q, err = ov.Queued(r.feed, q.Post.URI); err != nil {
						return err
					}
					if q == nil {
						continue // the dry run took it off the queue already
					}
				}
				// A post we keep was judged with the kept records, queued
				// or not.
				if _, err := st.Post(q.Post.URI); err == nil {
					continue
				} else if !errors.Is(err, model.ErrNotFound) {
					return err
				}
				if err := r.one(st, &q.Post, false, q); err != nil {
					return err
				}
			}
			n += len(qs)
			state.After = next
			if len(qs) < want {
				state.Phase, state.After = model.RejudgeDone, ""
			}
		default:
			return fmt.Errorf("rejudge %s: unknown phase %q", r.feed, state.Phase)
		}
	}
	return nil
}

// rejudgeBatch is the writer's half of Inbox.Rejudge: one batch, in tx,
// and the state after it saved with it.
func rejudgeBatch(tx *store.Tx, job *RejudgeJob, nowUS int64, t *Tally) (*model.Rejudge, error) {
	state := *job.State
	state.Diff.Samples = slices.Clone(state.Diff.Samples)
	limit, samples := job.limits()
	r := &rejudger{dec: job.Decider, feed: state.Feed, samples: samples, nowUS: nowUS, diff: &state.Diff, tally: t}
	r.kinds = countSamples(&state.Diff)
	if err := r.step(tx, txTarget{tx}, &state, limit); err != nil {
		return nil, fmt.Errorf("rejudge %s: %w", state.Feed, err)
	}
	if state.Phase == model.RejudgeDone && state.DoneUS == 0 {
		state.DoneUS = nowUS
	}
	if err := tx.PutRejudge(&state); err != nil {
		return nil, err
	}
	return &state, nil
}

// causeRules labels the records a change of rules took out of a feed.
const causeRules = "rules"

// txTarget is a re-judge that writes: the writer's transaction.
type txTarget struct{ *store.Tx }

func (t txTarget) Queued(feed string, uri syntax.ATURI) (*model.Queued, error) {
	q, err := t.Tx.QueuedPost(feed, uri)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return q, err
}

func (t txTarget) Keep(p *model.Post) error {
	if p.Subject != "" && len(p.Feeds) > 0 {
		return t.Tx.PutRepost(p)
	}
	return t.Tx.ParkPost(p)
}

func (t txTarget) Enqueue(q *model.Queued, max int) error {
	if err := t.Tx.PutQueued(q); err != nil {
		return err
	}
	_, err := t.Tx.TrimQueue(q.Feed, max)
	return err
}

func (t txTarget) Dequeue(feed string, uri syntax.ATURI) error {
	_, err := t.Tx.DeleteQueued(feed, uri)
	return err
}
