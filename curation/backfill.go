package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Ingester sends posts fetched from a PDS through the indexer's one
// writer and its apply step: the same decision, the same store writes,
// and no stream cursor moved. indexer.Inbox is one.
type Ingester interface {
	Ingest(ctx context.Context, events []indexer.Event) error
}

// BackfillResult says what a backfill did.
type BackfillResult struct {
	Author syntax.DID `json:"author"`
	// Fetched is how many posts within the window the PDS returned.
	Fetched int `json:"fetched"`
	// In is how many of them each feed holds afterwards.
	In map[string]int `json:"in"`
	// Skipped counts records that were not valid posts.
	Skipped int `json:"skipped,omitempty"`
	// Follows is what the sync of the author's follows did (an expert's
	// are kept, anyone else's forgotten); FollowsError says why it could
	// not be done, when it could not.
	Follows      *FollowSync `json:"follows,omitempty"`
	FollowsError string      `json:"followsError,omitempty"`
}

// ingestChunk is how many posts go to the indexer per transaction.
const ingestChunk = 200

// backfillJob is an author waiting for a background backfill.
type backfillJob struct {
	did syntax.DID
	why string
}

// Backfill fetches an author's recent posts from their PDS and sends them
// through the decision, as when the author is added. Curators use it when
// an earlier backfill could not reach the PDS.
func (s *Service) Backfill(ctx context.Context, actor, author string) (*BackfillResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	if s.ingest == nil {
		return nil, conflict("BackfillUnavailable", "backfill needs the indexer; it is not wired here")
	}
	acc, err := s.resolveAccount(ctx, author)
	if err != nil {
		return nil, err
	}
	res, err := s.backfill(ctx, acc.DID)
	if err != nil {
		return nil, err
	}
	err = s.update(ctx, func(tx *store.Tx) error {
		return s.audit(tx, change{Actor: actor, Action: "backfill", Target: acc.DID.String(), After: res})
	})
	return res, err
}

// backfill fetches did's posts of the last BackfillWindow and ingests them,
// oldest first, so that threads and the per-hour cap see earlier posts
// before later ones. Posts already stored are decided again (an edit,
// for the store), which is how a tier change reaches posts already in.
// Then did's follows are synced: kept while did is an expert, forgotten
// once not.
func (s *Service) backfill(ctx context.Context, did syntax.DID) (*BackfillResult, error) {
	if s.ingest == nil {
		return nil, conflict("BackfillUnavailable", "backfill needs the indexer; it is not wired here")
	}
	s.backfillMu.Lock()
	defer s.backfillMu.Unlock()
	evs, skipped, err := s.fetchPosts(ctx, did)
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(evs); i += ingestChunk {
		if err := s.ingest.Ingest(ctx, evs[i:min(i+ingestChunk, len(evs))]); err != nil {
			return nil, fmt.Errorf("backfill %s: ingest: %w", did, err)
		}
	}
	res := &BackfillResult{Author: did, Fetched: len(evs), In: map[string]int{}, Skipped: skipped}
	err = s.store.View(func(tx *store.Tx) error {
		for i := range evs {
			uri := evs[i].URI()
			for _, f := range s.feeds {
				if tx.InFeed(f.ID, uri) {
					res.In[f.ID]++
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The follows of an expert are their vouching for others; they are
	// synced whenever the author's tier changes, as the posts are.
	if res.Follows, err = s.syncFollows(ctx, did); err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		res.FollowsError = err.Error()
		s.log.Warn("follows not synced", "author", did, "err", err)
	}
	s.log.Info("backfilled", "author", did, "fetched", res.Fetched, "in", res.In, "skipped", skipped, "follows", res.Follows)
	return res, nil
}

// fetchPosts pages through did's posts on their PDS, newest first, until
// the window or BackfillMax ends it, and returns them oldest first, as the
// create events the stream would have carried (decoded with the stream's
// own checks).
func (s *Service) fetchPosts(ctx context.Context, did syntax.DID) ([]indexer.Event, int, error) {
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.FetchTimeout)
	defer cancel()
	pds, err := s.pds.endpoint(ctx, did)
	if err != nil {
		return nil, 0, err
	}
	now := s.cfg.Now()
	nowUS := now.UnixMicro()
	cutoff := now.Add(-s.cfg.BackfillWindow)
	var evs []indexer.Event
	skipped := 0
	cursor := ""
	for pages := 0; len(evs) < s.cfg.BackfillMax; pages++ {
		page, err := s.pds.listRecords(ctx, pds, did, collectionPost, cursor, 100)
		if err != nil {
			return nil, 0, upstream("PDSFailed", fmt.Sprintf("could not read the posts of %s from %s", did, pds), err)
		}
		done := len(page.Records) == 0 || page.Cursor == "" || page.Cursor == cursor
		for _, r := range page.Records {
			ev, err := indexer.DecodeRecord(r.URI, r.CID, r.Value, nowUS)
			if err != nil || ev.DID != did || ev.Commit.Post == nil {
				// A PDS answering with another repo's records is not to
				// be believed about them.
				skipped++
				continue
			}
			uri := ev.URI()
			if model.SortTime(indexer.ParseCreated(ev.Commit.Post.CreatedAt), nowUS) < cutoff.UnixMicro() {
				// Record keys are TIDs in creation order, and the listing
				// is newest first: once a key is older than the window,
				// so is everything after it.
				if tid, err := syntax.ParseTID(uri.RecordKey().String()); err == nil && tid.Time().Before(cutoff) {
					done = true
					break
				}
				continue
			}
			evs = append(evs, ev)
			if len(evs) == s.cfg.BackfillMax {
				break
			}
		}
		if done {
			break
		}
		cursor = page.Cursor
	}
	slices.Reverse(evs)
	return evs, skipped, nil
}

// enqueueBackfill asks the background worker to backfill did. It never
// blocks: it runs in the indexer's transaction (a live list change), where
// waiting would hold up the stream.
func (s *Service) enqueueBackfill(did syntax.DID, why string) {
	if s.ingest == nil {
		return
	}
	select {
	case s.pending <- backfillJob{did: did, why: why}:
	default:
		s.log.Warn("backfill queue full; author not backfilled", "author", did, "why", why)
	}
}

// Run does the background work until ctx ends: it syncs every feed's
// Bluesky list (retrying while the owner's PDS cannot be reached),
// backfills authors added through the list, finishes judging a feed again
// when a restart cut that short, and resolves the profiles the pages asked
// for. It returns nil when ctx ends.
func (s *Service) Run(ctx context.Context) error {
	syncDone := make(chan struct{})
	go func() {
		defer close(syncDone)
		s.syncListsUntilDone(ctx)
	}()
	defer func() { <-syncDone }()
	// A re-judge a restart cut short goes on, through the writer.
	resumeDone := make(chan struct{})
	go func() {
		defer close(resumeDone)
		s.resumeRejudges(ctx)
	}()
	defer func() { <-resumeDone }()
	peopleDone := make(chan struct{})
	go func() {
		defer close(peopleDone)
		s.people.run(ctx)
	}()
	defer func() { <-peopleDone }()
	if s.NeedsRebuild() {
		rebuildDone := make(chan struct{})
		go func() {
			defer close(rebuildDone)
			s.rebuildUntilDone(ctx)
		}()
		defer func() { <-rebuildDone }()
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case job := <-s.pending:
			if _, err := s.backfill(ctx, job.did); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				s.log.Warn("background backfill failed", "author", job.did, "why", job.why, "err", err)
				continue
			}
			s.refreshHandle(ctx, job.did)
		}
	}
}

// rebuildUntilDone rebuilds curation from the publisher's repository,
// retrying with backoff while its PDS cannot be reached: a replica on an
// empty database is not complete until it has.
func (s *Service) rebuildUntilDone(ctx context.Context) {
	wait := 5 * time.Second
	for {
		_, err := s.rebuildFrom(ctx, false)
		if err == nil || ctx.Err() != nil {
			return
		}
		s.log.Warn("rebuild from the publisher's repository failed; retrying", "err", err, "retry_in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(wait*2, 5*time.Minute)
	}
}

// syncListsUntilDone syncs each feed's lists once, retrying with backoff.
func (s *Service) syncListsUntilDone(ctx context.Context) {
	for _, f := range s.feeds {
		if len(f.lists()) == 0 {
			continue
		}
		wait := 30 * time.Second
		for {
			res, err := s.SyncList(ctx, ActorListSync, f.ID)
			if err == nil {
				s.log.Info("list synced", "feed", f.ID, "list", f.List, "items", res.Items, "added", len(res.Added), "removed", len(res.Removed))
				for _, m := range res.ModLists {
					s.log.Info("moderation list synced", "feed", f.ID, "list", m.List, "items", m.Items, "added", len(m.Added), "removed", len(m.Removed))
				}
				break
			}
			if ctx.Err() != nil {
				return
			}
			s.log.Warn("list sync failed; will retry", "feed", f.ID, "list", f.List, "in", wait, "err", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, 30*time.Minute)
		}
	}
}

// refreshHandle records the handle of an author added without one (from
// the list, inside the indexer's transaction where there is no network).
func (s *Service) refreshHandle(ctx context.Context, did syntax.DID) {
	acc, err := s.lookupDID(ctx, did)
	if err != nil || acc.Handle == "" {
		return
	}
	err = s.update(ctx, func(tx *store.Tx) error {
		for _, f := range s.feeds {
			a, err := tx.CuratedAuthor(f.ID, did)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if a.Handle != acc.Handle {
				a.Handle = acc.Handle
				if err := tx.PutCuratedAuthor(a); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		s.log.Warn("refresh handle", "author", did, "err", err)
	}
}
