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
// transactions by count and by time, and applies the Inbox's batches in
// the same transactions, through Apply.
type writer struct {
	ix *Indexer
	// inbox is the attached Inbox's request channel, or nil.
	inbox <-chan ingestRequest
}

// run writes until ch is closed (the source ended or ctx was cancelled),
// then returns the source's error from srcErr. With an inbox, after a
// finite source's end it goes on writing for the inbox until ctx ends. A
// nil ch means there is no source at all.
func (w *writer) run(ctx context.Context, ch <-chan message, srcErr <-chan error) error {
	ix := w.ix
	batch := make([]message, 0, ix.cfg.BatchSize)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func(req *ingestRequest) error {
		timer.Stop()
		if len(batch) == 0 && req == nil {
			return nil
		}
		// The batch is committed even while shutting down: it was read,
		// and its cursor must be saved with it.
		err := w.flush(batch, req)
		ix.pending.Store(0)
		clear(batch)
		batch = batch[:0]
		return err
	}
	if ch == nil && w.inbox == nil {
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
		if srcDone && (w.inbox == nil || ctx.Err() != nil) {
			return nil
		}
		select {
		case m, ok := <-src:
			if !ok {
				if err := flush(nil); err != nil {
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
			if len(batch) == 0 {
				timer.Reset(ix.cfg.BatchInterval)
			}
			batch = append(batch, m)
			// Take what is already waiting without going back to the
			// select: cheaper when the source runs ahead.
		drain:
			for len(batch) < ix.cfg.BatchSize {
				select {
				case m, ok := <-src:
					if !ok {
						break drain
					}
					batch = append(batch, m)
				default:
					break drain
				}
			}
			ix.pending.Store(int64(len(batch)))
			if len(batch) >= ix.cfg.BatchSize {
				if err := flush(nil); err != nil {
					return err
				}
			}
		case req := <-w.inbox:
			if err := flush(&req); err != nil {
				return err
			}
		case <-timer.C:
			if err := flush(nil); err != nil {
				return err
			}
		case <-cancelled:
			// The source sees the cancel too and closes ch; without a
			// source there is nothing more to wait for. No more batches
			// are taken from the inbox meanwhile.
			if srcDone {
				return nil
			}
			cancelled = nil
			w.inbox = nil
		}
	}
}

// flush applies the source's messages and an Inbox request (either may be
// empty) in one transaction, with the cursor of the messages, and answers
// the request once it commits.
func (w *writer) flush(batch []message, req *ingestRequest) error {
	ix := w.ix
	t0 := time.Now()
	var cursor, lastUS int64
	var rejudged *model.Rejudge
	step := ix.step
	step.MinSortUS = ix.cfg.Now().Add(-ix.cfg.Retention).UnixMicro()
	err := ix.store.Update(context.Background(), func(tx *store.Tx) error {
		ix.tally.reset()
		for i := range batch {
			m := &batch[i]
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
		if req != nil {
			if err := Apply(tx, req.events, step, &ix.tally); err != nil {
				return err
			}
			if req.rejudge != nil {
				var err error
				if rejudged, err = rejudgeBatch(tx, req.rejudge, ix.cfg.Now().UnixMicro(), &ix.tally); err != nil {
					return err
				}
			}
		}
		if err := ix.tally.writeFigures(tx, store.DayOf(ix.cfg.Now())); err != nil {
			return err
		}
		if cursor > 0 {
			return tx.SetCursor(ix.cursorName, cursor)
		}
		return nil
	})
	if err != nil {
		err = fmt.Errorf("indexer: commit batch: %w", err)
		if req != nil {
			req.done <- err
		}
		return err
	}
	ix.m.commitDur.Observe(time.Since(t0).Seconds())
	ix.m.batchSize.Observe(float64(len(batch)))
	ix.m.publish(&ix.tally)
	if lastUS > ix.lastEventUS.Load() {
		ix.lastEventUS.Store(lastUS)
	}
	n := ix.handled.Add(int64(len(batch)))
	ix.rate.observe(ix.cfg.Now(), n)
	if req != nil {
		if req.rejudge != nil {
			req.rejudged <- rejudged
		}
		// Answered last, so that whoever sent it sees its effects
		// everywhere, metrics included.
		req.done <- nil
	}
	return nil
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
