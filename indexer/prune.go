package indexer

import (
	"context"
	"time"
)

// pruneLoop removes posts past the retention age, once at start and then
// every PruneInterval. store.Prune works in small transactions, so the
// writer and the readers are never held up for long; freed pages are
// reused by bbolt, which keeps the file from growing without bound.
func (ix *Indexer) pruneLoop(ctx context.Context) {
	t := time.NewTicker(ix.cfg.PruneInterval)
	defer t.Stop()
	for {
		ix.PruneOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// PruneOnce removes records, tombstones and experts' likes older than the
// retention age (a post's engagement goes with it) and returns how many it
// removed. Errors are logged: the writer meets a
// failing store soon enough and stops.
func (ix *Indexer) PruneOnce(ctx context.Context) int {
	cutoff := ix.cfg.Now().Add(-ix.cfg.Retention).UnixMicro()
	t0 := time.Now()
	n, err := ix.store.Prune(ctx, cutoff, ix.cfg.PruneBatch)
	if err == nil {
		_, err = ix.store.PruneRepostIndex()
	}
	if err == nil {
		// Experts' likes and reposts of posts that are gone by now; the
		// counts of pruned posts went with them.
		var m int
		m, err = ix.store.PruneSignals(ctx, cutoff, ix.cfg.PruneBatch)
		n += m
		if err == nil {
			_, err = ix.store.PruneLabels()
		}
	}
	ix.m.pruned.Add(float64(n))
	if err != nil {
		if ctx.Err() == nil {
			ix.log.Error("prune", "err", err, "removed", n)
		}
		return n
	}
	if n > 0 {
		ix.log.Info("pruned", "removed", n, "took", time.Since(t0))
	}
	return n
}
