package indexer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// writer is the single writer: it groups the source's messages into
// transactions by count and by time, and applies the Inbox's batches and
// the labelers' frames in the same transactions, through Apply and the
// label steps.
type writer struct {
	ix *Indexer
	// inbox is the attached Inbox's request channel, or nil.
	inbox <-chan ingestRequest
	// labels is the labelers' channel, or nil.
	labels <-chan labelMsg
}

// pending is what the next transaction writes.
type pending struct {
	msgs   []message
	labels []labelMsg
	req    *ingestRequest
	// sweep expires the labels whose time has come.
	sweep bool
}

// run writes until ch is closed (the source ended or ctx was cancelled),
// then returns the source's error from srcErr. With an inbox or labelers,
// after a finite source's end it goes on writing for them until ctx ends.
// A nil ch means there is no source at all. It starts by deciding again
// what labels hold out (reconcile), and expires labels as they come due.
func (w *writer) run(ctx context.Context, ch <-chan message, srcErr <-chan error) error {
	ix := w.ix
	p := pending{msgs: make([]message, 0, ix.cfg.BatchSize)}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	expiry := time.NewTimer(time.Hour)
	expiry.Stop()
	defer expiry.Stop()
	flush := func() error {
		timer.Stop()
		if len(p.msgs) == 0 && len(p.labels) == 0 && p.req == nil && !p.sweep {
			return nil
		}
		// The batch is committed even while shutting down: it was read,
		// and its cursor must be saved with it.
		err := w.flush(&p)
		ix.pending.Store(0)
		if len(p.labels) > 0 || p.sweep {
			// Only labels change when the next one expires.
			w.armExpiry(expiry)
		}
		clear(p.msgs)
		p.msgs, p.labels, p.req, p.sweep = p.msgs[:0], p.labels[:0], nil, false
		return err
	}
	if err := w.reconcile(); err != nil {
		return err
	}
	w.armExpiry(expiry)
	if ch == nil && w.inbox == nil && w.labels == nil {
		<-ctx.Done()
		return nil
	}
	srcDone := ch == nil
	cancelled := ctx.Done()
	for {
		var src <-chan message
		if !srcDone {
			src = ch
		}
		if srcDone && (ctx.Err() != nil || w.inbox == nil && w.labels == nil) {
			return flush()
		}
		select {
		case m, ok := <-src:
			if !ok {
				if err := flush(); err != nil {
					return err
				}
				err := <-srcErr
				if err != nil && !errors.Is(err, context.Canceled) {
					return fmt.Errorf("indexer: %w", err)
				}
				srcDone = true
				if ix.cfg.Source.Finite() && ctx.Err() == nil {
					// A file read to its end, not one cut short.
					ix.sourceDone()
				}
				continue
			}
			if len(p.msgs)+len(p.labels) == 0 {
				timer.Reset(ix.cfg.BatchInterval)
			}
			p.msgs = append(p.msgs, m)
			// Take what is already waiting without going back to the
			// select: cheaper when the source runs ahead.
		drain:
			for len(p.msgs) < ix.cfg.BatchSize {
				select {
				case m, ok := <-src:
					if !ok {
						break drain
					}
					p.msgs = append(p.msgs, m)
				default:
					break drain
				}
			}
			ix.pending.Store(int64(len(p.msgs)))
			if len(p.msgs) >= ix.cfg.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		case lm := <-w.labels:
			if len(p.msgs)+len(p.labels) == 0 {
				timer.Reset(ix.cfg.BatchInterval)
			}
			p.labels = append(p.labels, lm)
			if len(p.labels) >= ix.cfg.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		case req := <-w.inbox:
			p.req = &req
			if err := flush(); err != nil {
				return err
			}
		case <-timer.C:
			if err := flush(); err != nil {
				return err
			}
		case <-expiry.C:
			p.sweep = true
			if err := flush(); err != nil {
				return err
			}
		case <-cancelled:
			// The source sees the cancel too and closes ch; without a
			// source there is nothing more to wait for. No more batches
			// are taken from the inbox or the labelers meanwhile: a
			// labeler's frame not committed is read again next time.
			if srcDone {
				return flush()
			}
			cancelled = nil
			w.inbox = nil
			w.labels = nil
		}
	}
}

// flush applies the source's messages, the labelers' frames, an Inbox
// request and a sweep of expired labels (any may be empty) in one
// transaction, with the cursors of the messages and the frames, and
// answers the request once it commits.
func (w *writer) flush(p *pending) error {
	ix := w.ix
	t0 := time.Now()
	var cursor, lastUS int64
	var rejudged *model.Rejudge
	step := ix.step
	now := ix.cfg.Now()
	step.MinSortUS = now.Add(-ix.cfg.Retention).UnixMicro()
	applied := make([]int, len(p.labels))
	err := ix.store.Update(context.Background(), func(tx *store.Tx) error {
		ix.tally.reset()
		for i := range p.msgs {
			m := &p.msgs[i]
			cursor = max(cursor, m.cursor)
			if m.drop != "" {
				ix.tally.drop(m.drop)
				continue
			}
			lastUS = max(lastUS, m.ev.TimeUS)
			if err := step.apply(tx, &m.ev, &ix.tally); err != nil {
				return err
			}
		}
		if p.req != nil {
			if err := Apply(tx, p.req.events, step, &ix.tally); err != nil {
				return err
			}
			if p.req.rejudge != nil {
				var err error
				if rejudged, err = rejudgeBatch(tx, p.req.rejudge, ix.cfg.Now().UnixMicro(), &ix.tally); err != nil {
					return err
				}
			}
		}
		if err := ix.tally.writeFigures(tx, store.DayOf(ix.cfg.Now())); err != nil {
			return err
		}
		if err := w.applyLabels(tx, p, now, applied); err != nil {
			return err
		}
		if p.sweep {
			// A backlog past one sweep's batch is taken by the next,
			// which armExpiry sets off at once.
			if err := expireLabels(tx, ix.mod, now.UnixMicro(), &ix.tally); err != nil {
				return fmt.Errorf("expire labels: %w", err)
			}
		}
		if cursor > 0 {
			return tx.SetCursor(ix.cursorName, cursor)
		}
		return nil
	})
	if err != nil {
		err = fmt.Errorf("indexer: commit batch: %w", err)
		if p.req != nil {
			p.req.done <- err
		}
		return err
	}
	ix.m.commitDur.Observe(time.Since(t0).Seconds())
	ix.m.batchSize.Observe(float64(len(p.msgs)))
	ix.m.publish(&ix.tally)
	if lastUS > ix.lastEventUS.Load() {
		ix.lastEventUS.Store(lastUS)
	}
	committed := ix.cfg.Now()
	for i := range p.labels {
		p.labels[i].src.committed(&p.labels[i], applied[i], committed)
	}
	n := ix.handled.Add(int64(len(p.msgs)))
	ix.rate.observe(ix.cfg.Now(), n)
	if p.req != nil {
		if p.req.rejudge != nil {
			p.req.rejudged <- rejudged
		}
		// Answered last, so that whoever sent it sees its effects
		// everywhere, metrics included.
		p.req.done <- nil
	}
	return nil
}

// applyLabels applies the labelers' frames of a transaction, saves each
// labeler's position, and decides again what the changed labels bear on.
func (w *writer) applyLabels(tx *store.Tx, p *pending, now time.Time, applied []int) error {
	if len(p.labels) == 0 {
		return nil
	}
	ix := w.ix
	touched := map[string]bool{}
	cursors := map[*labelerSource]int64{}
	for i := range p.labels {
		m := &p.labels[i]
		n, err := applyLabels(tx, m, now.UnixMicro(), touched, &ix.tally)
		if err != nil {
			return err
		}
		applied[i] = n
		cursors[m.src] = max(cursors[m.src], m.seq)
	}
	if err := remoderate(tx, ix.mod, touched, &ix.tally); err != nil {
		return err
	}
	for src, seq := range cursors {
		if err := tx.SetCursor(LabelerCursorName(src.did), seq); err != nil {
			return err
		}
	}
	return nil
}

// reconcile decides again, in one transaction at start, everything labels
// bear on or hold out.
func (w *writer) reconcile() error {
	ix := w.ix
	if ix.mod == nil {
		return nil
	}
	some := false
	_ = ix.store.View(func(tx *store.Tx) error {
		some = len(tx.LabelSubjects()) > 0 || len(tx.HeldRecords()) > 0
		return nil
	})
	if !some {
		// Nothing labelled, nothing held: no write at all.
		return nil
	}
	err := ix.store.Update(context.Background(), func(tx *store.Tx) error {
		ix.tally.reset()
		return reconcile(tx, ix.mod, &ix.tally)
	})
	if err != nil {
		return fmt.Errorf("indexer: moderate held records: %w", err)
	}
	ix.m.publish(&ix.tally)
	return nil
}

// armExpiry sets t to fire when the next label expires (at the latest in
// an hour, so a clock that jumps is caught up with).
func (w *writer) armExpiry(t *time.Timer) {
	t.Stop()
	if w.ix.mod == nil {
		return
	}
	us, ok := w.ix.store.NextLabelExpiry()
	if !ok {
		return
	}
	d := time.UnixMicro(us).Sub(w.ix.cfg.Now())
	t.Reset(min(max(d, 0), time.Hour))
}

// ErrNotRunning means the indexer that took an Inbox's batches has
// stopped: the service is shutting down, or the indexer failed.
var ErrNotRunning = errors.New("the indexer is not running")

// Inbox hands batches of events that did not come from the stream (a
// curator's backfill of an author's recent posts, fetched from their PDS)
// to the indexer's one writer, which applies them through Apply, in a
// transaction of its own choosing, without moving the stream cursor; and
// batches of a re-judge after a feed's rules changed ([Inbox.Rejudge]). It is
// made before the indexer and the parts that ingest (curation), so that
// each can be given it. It is safe for concurrent use.
type Inbox struct {
	reqs chan ingestRequest
	mu   sync.Mutex
	// stopped is closed once the writer that read the inbox has stopped,
	// until another starts. Before the first starts it is open: a batch
	// sent early waits for it.
	stopped chan struct{}
}

type ingestRequest struct {
	events []Event
	// rejudge, if set, is a batch of a re-judge (Inbox.Rejudge), whose
	// state after the batch is sent on rejudged once it is committed.
	rejudge  *RejudgeJob
	rejudged chan *model.Rejudge
	done     chan error
}

// NewInbox returns an Inbox no writer reads yet.
func NewInbox() *Inbox {
	return &Inbox{reqs: make(chan ingestRequest), stopped: make(chan struct{})}
}

// Ingest applies events through the running indexer's apply step and
// returns once they are committed. Before the indexer starts it waits for
// it; once it has stopped it fails with ErrNotRunning. The events must not
// be changed until it returns.
func (in *Inbox) Ingest(ctx context.Context, events []Event) error {
	req := ingestRequest{events: events, done: make(chan error, 1)}
	if err := in.send(ctx, req); err != nil {
		return err
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		// The batch may still commit: every write is idempotent.
		return ctx.Err()
	}
}

// send hands req to the writer, waiting for one that has not started.
func (in *Inbox) send(ctx context.Context, req ingestRequest) error {
	in.mu.Lock()
	stopped := in.stopped
	in.mu.Unlock()
	select {
	case in.reqs <- req:
		return nil
	case <-stopped:
		return ErrNotRunning
	case <-ctx.Done():
		return ctx.Err()
	}
}

// attach makes a writer the inbox's reader, until detach.
func (in *Inbox) attach() <-chan ingestRequest {
	in.mu.Lock()
	defer in.mu.Unlock()
	select {
	case <-in.stopped:
		in.stopped = make(chan struct{})
	default:
	}
	return in.reqs
}

// detach says the writer has stopped: batches sent from now on fail.
func (in *Inbox) detach() {
	in.mu.Lock()
	defer in.mu.Unlock()
	select {
	case <-in.stopped:
	default:
		close(in.stopped)
	}
}
