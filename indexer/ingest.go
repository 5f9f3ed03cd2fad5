package indexer

import (
	"context"
	"errors"
	"fmt"

	"github.com/scpeace/feedgen/store"
)

// Ingest applies events that did not come from the stream (a curator's
// backfill of an author's recent posts, fetched from their PDS) in one
// write transaction, through the same code as the stream's events: the
// same decision, the same idempotent store writes. No stream cursor moves.
//
// Only an indexer without a source may ingest: the stream's writer keeps
// per-batch counters that a second writer would race with. Build a second
// indexer over the same store, with Source none and the same Decider,
// Authors and Records, for ingesting; bbolt runs the two writers' transactions
// one after the other. Calls must not overlap.
func (ix *Indexer) Ingest(ctx context.Context, evs []Event) error {
	if ix.src != nil {
		return errors.New("indexer: Ingest needs an indexer without a source")
	}
	if ix.decider == nil {
		return errors.New("indexer: Ingest needs a decider")
	}
	err := ix.store.Update(ctx, func(tx *store.Tx) error {
		ix.bc.reset()
		for i := range evs {
			m := message{ev: evs[i]}
			if err := ix.apply(tx, &m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("indexer: ingest: %w", err)
	}
	ix.bc.publish()
	return nil
}
