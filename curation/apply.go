package curation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/atproto/atdata"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// ActorPublisher names, in the audit log, a change read from the
// publisher's repository whose record names no curator.
const ActorPublisher = "publisher"

// repoRecord is a curation record as the lexicons have it, the fields of
// every kind together.
type repoRecord struct {
	Feed      string `json:"feed"`
	Subject   string `json:"subject"`
	Tier      string `json:"tier"`
	Verdict   string `json:"verdict"`
	Note      string `json:"note"`
	Curator   string `json:"curator"`
	Version   int64  `json:"version"`
	Text      string `json:"text"`
	CreatedAt string `json:"createdAt"`
}

// atUS is when the record says the curator acted, so that every replica
// keeps the same time (pins are ordered by it); a time the lexicon
// accepts but Go cannot read is now.
func (r *repoRecord) atUS(now int64) int64 {
	if t, err := syntax.ParseDatetimeLenient(r.CreatedAt); err == nil {
		return t.Time().UnixMicro()
	}
	return now
}

// afterCommit is what applying records leaves to do once the
// transaction commits: pins to reload, authors to backfill.
type afterCommit struct {
	pins     bool
	backfill []syntax.DID
}

// applyRepoRecord applies one curation record of the publisher's (a
// create or update, or a delete when data is nil) inside tx, the same way
// the curator's action did on the replica that took it: idempotently, so
// that the record coming back to that replica changes nothing. A record
// that does not validate, or whose key is not the one its content
// derives, or that names a feed this replica does not serve, is counted
// and ignored. It returns an error only for storage failures.
func (s *Service) applyRepoRecord(tx *store.Tx, collection, rkey string, data map[string]any, after *afterCommit) error {
	if data == nil {
		return s.applyRepoDelete(tx, collection, rkey, after)
	}
	if err := lexicons.Validate(collection, data); err != nil {
		s.metrics.ignore(IgnoredMalformed)
		s.log.Warn("curation record ignored", "collection", collection, "rkey", rkey, "err", err)
		return nil
	}
	b, err := json.Marshal(data)
	if err != nil {
		s.metrics.ignore(IgnoredMalformed)
		return nil
	}
	var r repoRecord
	if err := json.Unmarshal(b, &r); err != nil {
		s.metrics.ignore(IgnoredMalformed)
		return nil
	}
	actor := r.Curator
	if actor == "" {
		actor = ActorPublisher
	}
	var f *Feed
	if collection != lexicons.BlockedPost {
		if f = s.byID[r.Feed]; f == nil {
			s.metrics.ignore(IgnoredUnknownFeed)
			return nil
		}
	}
	var want string
	switch collection {
	case lexicons.Author:
		want = authorKey(r.Feed, syntax.DID(r.Subject))
	case lexicons.BlockedPost:
		want = blockKey(syntax.ATURI(r.Subject))
	case lexicons.Pin:
		want = pinKey(r.Feed, syntax.ATURI(r.Subject))
	case lexicons.Verdict:
		want = verdictKey(r.Feed, syntax.ATURI(r.Subject))
	case lexicons.Rules:
		want = rulesKey(r.Feed)
	}
	if rkey != want {
		s.metrics.ignore(IgnoredKey)
		s.log.Warn("curation record ignored: its key is not the one its content derives", "collection", collection, "rkey", rkey, "want", want)
		return nil
	}
	switch collection {
	case lexicons.Author:
		tier, err := model.ParseTier(r.Tier)
		if err != nil || tier == model.TierNone {
			s.metrics.ignore(IgnoredMalformed)
			return nil
		}
		note := r.Note
		_, ch, _, err := s.applyAuthor(tx, actor, f, account{DID: syntax.DID(r.Subject)}, tier, &note)
		if err != nil {
			return err
		}
		if ch.tier && tier != model.TierBlocked {
			after.backfill = append(after.backfill, syntax.DID(r.Subject))
		}
	case lexicons.BlockedPost:
		_, unpinned, _, err := s.applyBlock(tx, actor, syntax.ATURI(r.Subject), r.Note, r.atUS(s.nowUS()))
		if err != nil {
			return err
		}
		after.pins = after.pins || len(unpinned) > 0
	case lexicons.Pin:
		uri := syntax.ATURI(r.Subject)
		if tx.Blocked(uri) {
			// The block wins; its record deleted this pin's on the
			// replica that took it.
			break
		}
		all, err := tx.Pins()
		if err != nil {
			return err
		}
		if slices.ContainsFunc(all[f.ID], func(p model.Pin) bool { return p.URI == uri }) {
			break
		}
		if err := s.applyPin(tx, &model.Pin{Feed: f.ID, URI: uri, By: actor, AtUS: r.atUS(s.nowUS()), Note: r.Note}); err != nil {
			return err
		}
		after.pins = true
	case lexicons.Verdict:
		uri := syntax.ATURI(r.Subject)
		in := r.Verdict == "approve"
		if v, err := tx.Verdict(f.ID, uri); err == nil && v.In == in {
			break
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		q, err := tx.QueuedPost(f.ID, uri)
		if errors.Is(err, store.ErrNotFound) {
			q = nil
		} else if err != nil {
			return err
		}
		v := &model.Verdict{Feed: f.ID, URI: uri, In: in, By: actor, AtUS: r.atUS(s.nowUS())}
		if err := s.applyVerdict(tx, q, v, r.Note); err != nil {
			var ce *Error
			if errors.As(err, &ce) {
				// A post its author deleted meanwhile: nothing to let
				// in, and the verdict stands.
				s.log.Info("verdict applied without its post", "uri", uri, "err", err)
				return tx.PutVerdict(v)
			}
			return err
		}
	case lexicons.Rules:
		// Judging the feed again goes through the writer this runs in:
		// it starts once the record is committed.
		feed, text, hash, note := r.Feed, r.Text, "", r.Note
		if h, ok := data["hash"].(string); ok {
			hash = h
		}
		tx.OnCommit(func() { s.applyRulesRecord(feed, actor, text, hash, note) })
	}
	s.metrics.apply(collection, "put")
	return nil
}

// applyRepoDelete applies the delete of a curation record: the record is
// gone, so what it was about is found by its key among what is stored.
func (s *Service) applyRepoDelete(tx *store.Tx, collection, rkey string, after *afterCommit) error {
	actor := ActorPublisher
	switch collection {
	case lexicons.Author:
		for _, f := range s.feeds {
			as, err := tx.CuratedAuthors(f.ID)
			if err != nil {
				return err
			}
			for _, a := range as {
				if a.Tier == model.TierNone || authorKey(f.ID, a.DID) != rkey {
					continue
				}
				changed, err := s.applyRemoveAuthor(tx, actor, f, a.DID, &AuthorResult{})
				if err != nil {
					return err
				}
				if changed {
					after.backfill = append(after.backfill, a.DID)
				}
				s.metrics.apply(collection, "delete")
				return nil
			}
		}
	case lexicons.BlockedPost:
		bls, err := tx.Blocks()
		if err != nil {
			return err
		}
		for _, bl := range bls {
			if blockKey(bl.URI) == rkey {
				if _, err := s.applyUnblock(tx, actor, bl.URI, ""); err != nil {
					return err
				}
				s.metrics.apply(collection, "delete")
				return nil
			}
		}
	case lexicons.Pin:
		all, err := tx.Pins()
		if err != nil {
			return err
		}
		for feed, pins := range all {
			for _, p := range pins {
				if pinKey(feed, p.URI) == rkey {
					if err := s.applyUnpin(tx, actor, feed, p.URI, ""); err != nil {
						return err
					}
					after.pins = true
					s.metrics.apply(collection, "delete")
					return nil
				}
			}
		}
	case lexicons.Rules:
		if f := s.byID[rkey]; f != nil {
			tx.OnCommit(func() { s.applyRulesRecord(f.ID, actor, "", "", "") })
			s.metrics.apply(collection, "delete")
		}
	}
	// Verdicts are not taken back; a delete of something this replica
	// does not hold changes nothing.
	return nil
}

// done does what applying records left to do, once they committed.
func (s *Service) done(after *afterCommit, why string) {
	if after.pins {
		if err := s.loadPins(); err != nil {
			s.log.Error("reload pins", "err", err)
		}
	}
	for _, did := range after.backfill {
		s.enqueueBackfill(did, why)
	}
}

// handleRepoRecord takes a commit of a curation collection from the
// stream, inside the indexer's write transaction.
func (s *Service) handleRepoRecord(tx *store.Tx, did syntax.DID, collection, rkey string, del bool, data map[string]any) error {
	if s.repo == nil {
		s.metrics.ignore(IgnoredLocalMode)
		return nil
	}
	if did != s.repo.DID() {
		s.metrics.ignore(IgnoredNotPublisher)
		return nil
	}
	if !del && data == nil {
		s.metrics.ignore(IgnoredMalformed)
		return nil
	}
	if del {
		data = nil
	}
	after := &afterCommit{}
	if err := s.applyRepoRecord(tx, collection, rkey, data, after); err != nil {
		return err
	}
	tx.OnCommit(func() { s.done(after, "curation record") })
	return nil
}

// rebuildState is what /xrpc/_health shows of a rebuild.
type rebuildState struct {
	mu sync.Mutex
	RebuildStatus
}

// RebuildStatus says how a rebuild from the publisher's repository goes.
type RebuildStatus struct {
	// State is "" (none ran), "rebuilding", "done" or "failed".
	State   string    `json:"state,omitempty"`
	Started time.Time `json:"started,omitzero"`
	Ended   time.Time `json:"ended,omitzero"`
	// Records are the curation records read, Removed what was here and
	// no longer is in the repository, Backfilled the authors whose
	// recent posts were fetched.
	Records    int    `json:"records"`
	Removed    int    `json:"removed"`
	Backfilled int    `json:"backfilled"`
	Error      string `json:"error,omitempty"`
}

// Rebuilding returns the state of the last rebuild.
func (s *Service) Rebuilding() RebuildStatus {
	s.rebuild.mu.Lock()
	defer s.rebuild.mu.Unlock()
	return s.rebuild.RebuildStatus
}

func (s *Service) setRebuild(fn func(*RebuildStatus)) {
	s.rebuild.mu.Lock()
	defer s.rebuild.mu.Unlock()
	fn(&s.rebuild.RebuildStatus)
}

// NeedsRebuild reports whether this database has never been rebuilt from
// the publisher's repository, in the repo curation store: a replica
// starting on an empty volume, or one just switched from the local
// store.
func (s *Service) NeedsRebuild() bool {
	if s.repo == nil {
		return false
	}
	need := false
	_ = s.store.View(func(tx *store.Tx) error {
		_, ok := tx.CurationRebuilt()
		need = !ok
		return nil
	})
	return need
}

// Rebuild makes this replica's curation the publisher's repository's:
// every curation record is read (com.atproto.repo.listRecords) and
// applied, what this database holds that the repository no longer does
// is taken back (blocks, pins and curators' tiers, not the configured
// authors), and then every listed author's recent posts are backfilled.
// The stream goes on meanwhile; what it brings is applied as well.
// Health reports "rebuilding" until it is done.
func (s *Service) Rebuild(ctx context.Context) (*RebuildStatus, error) {
	return s.rebuildFrom(ctx, true)
}

// rebuildFrom rebuilds; with reconcile it also takes back what the
// repository no longer holds. The rebuild a replica starts by itself does
// not: on an empty database there is nothing to take back, and on one
// switched from the local store without an export, what only it holds is
// the curators' work, not to be thrown away unasked.
func (s *Service) rebuildFrom(ctx context.Context, reconcile bool) (*RebuildStatus, error) {
	if s.repo == nil {
		return nil, conflict("LocalStore", "curation is kept in this database (--curation-store local): there is no repository to rebuild from")
	}
	if !s.rebuildMu.TryLock() {
		return nil, conflict("Rebuilding", "a rebuild is running already")
	}
	defer s.rebuildMu.Unlock()
	s.setRebuild(func(r *RebuildStatus) { *r = RebuildStatus{State: "rebuilding", Started: s.cfg.Now()} })
	res, err := s.rebuildOnce(ctx, reconcile)
	s.setRebuild(func(r *RebuildStatus) {
		*r = *res
		r.Ended = s.cfg.Now()
		r.State = "done"
		if err != nil {
			r.State, r.Error = "failed", err.Error()
		}
	})
	out := s.Rebuilding()
	if err != nil {
		return &out, err
	}
	s.log.Info("curation rebuilt from the publisher's repository", "records", out.Records, "removed", out.Removed, "backfilled", out.Backfilled)
	return &out, nil
}

func (s *Service) rebuildOnce(ctx context.Context, reconcile bool) (*RebuildStatus, error) {
	res := &RebuildStatus{State: "rebuilding", Started: s.cfg.Now()}
	seen := map[string]map[string]bool{}
	for _, coll := range lexicons.Collections {
		seen[coll] = map[string]bool{}
		type rec struct {
			rkey string
			data map[string]any
		}
		var recs []rec
		err := s.repo.List(ctx, coll, func(rkey string, value json.RawMessage) error {
			seen[coll][rkey] = true
			m, err := atdata.UnmarshalJSON(value)
			if err != nil {
				s.metrics.ignore(IgnoredMalformed)
				return nil
			}
			recs = append(recs, rec{rkey, m})
			return nil
		})
		if err != nil {
			return res, upstream("PDSFailed", fmt.Sprintf("could not read %s records from the publisher's repository", coll), err)
		}
		// A transaction a page: a few hundred records at most.
		for len(recs) > 0 {
			n := min(len(recs), 200)
			after := &afterCommit{}
			if err := s.store.Update(ctx, func(tx *store.Tx) error {
				*after = afterCommit{}
				for _, r := range recs[:n] {
					if err := s.applyRepoRecord(tx, coll, r.rkey, r.data, after); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				return res, fmt.Errorf("apply %s records: %w", coll, err)
			}
			s.done(&afterCommit{pins: after.pins}, "")
			res.Records += n
			recs = recs[n:]
			s.setRebuild(func(r *RebuildStatus) { r.Records = res.Records })
		}
	}
	if reconcile {
		removed, err := s.reconcile(ctx, seen)
		res.Removed = removed
		if err != nil {
			return res, err
		}
	}
	// Every listed author's recent posts, one at a time, as an added
	// author's are.
	var authors []syntax.DID
	if err := s.store.View(func(tx *store.Tx) error {
		for _, f := range s.feeds {
			as, err := tx.CuratedAuthors(f.ID)
			if err != nil {
				return err
			}
			for _, a := range as {
				if t := a.EffectiveTier(); t != model.TierNone && t != model.TierBlocked && !slices.Contains(authors, a.DID) {
					authors = append(authors, a.DID)
				}
			}
		}
		return nil
	}); err != nil {
		return res, fmt.Errorf("read the author list: %w", err)
	}
	if s.ingest != nil {
		for _, did := range authors {
			if ctx.Err() != nil {
				return res, ctx.Err()
			}
			if _, err := s.backfill(ctx, did); err != nil {
				s.log.Warn("rebuild: backfill failed", "author", did, "err", err)
				continue
			}
			res.Backfilled++
			s.setRebuild(func(r *RebuildStatus) { r.Backfilled = res.Backfilled })
		}
	}
	err := s.store.Update(ctx, func(tx *store.Tx) error { return tx.SetCurationRebuilt(s.nowUS()) })
	return res, err
}

// reconcile takes back what this database holds that the repository no
// longer does: blocks, pins and curators' tiers whose records are gone.
// Authors loaded from the feed configuration have no record and stay.
func (s *Service) reconcile(ctx context.Context, seen map[string]map[string]bool) (int, error) {
	removed := 0
	after := &afterCommit{}
	err := s.store.Update(ctx, func(tx *store.Tx) error {
		removed, *after = 0, afterCommit{}
		bls, err := tx.Blocks()
		if err != nil {
			return err
		}
		for _, bl := range bls {
			if k := blockKey(bl.URI); !seen[lexicons.BlockedPost][k] {
				if err := s.applyRepoDelete(tx, lexicons.BlockedPost, k, after); err != nil {
					return err
				}
				removed++
			}
		}
		all, err := tx.Pins()
		if err != nil {
			return err
		}
		for feed, pins := range all {
			for _, p := range pins {
				if k := pinKey(feed, p.URI); !seen[lexicons.Pin][k] {
					if err := s.applyRepoDelete(tx, lexicons.Pin, k, after); err != nil {
						return err
					}
					removed++
				}
			}
		}
		for _, f := range s.feeds {
			if _, err := tx.RulesVersion(f.ID); err == nil && !seen[lexicons.Rules][rulesKey(f.ID)] {
				if err := s.applyRepoDelete(tx, lexicons.Rules, rulesKey(f.ID), after); err != nil {
					return err
				}
				removed++
			}
			as, err := tx.CuratedAuthors(f.ID)
			if err != nil {
				return err
			}
			for _, a := range as {
				if a.Tier == model.TierNone || a.UpdatedBy == ActorConfig {
					continue
				}
				if k := authorKey(f.ID, a.DID); !seen[lexicons.Author][k] {
					if err := s.applyRepoDelete(tx, lexicons.Author, k, after); err != nil {
						return err
					}
					removed++
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("take back what the repository no longer holds: %w", err)
	}
	s.done(after, "rebuild")
	return removed, nil
}
