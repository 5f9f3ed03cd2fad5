package curation

import (
	"context"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

// collectionFollow is the collection of follow records.
const collectionFollow = "app.bsky.graph.follow"

// maxFollowPages bounds one sync of an expert's follows: 100 pages of 100.
// An account that follows more than ten thousand is following for
// another reason than vouching; the newest ten thousand are kept.
const maxFollowPages = 100

// FollowSync says what a sync of an author's follows changed.
type FollowSync struct {
	// Expert is whether the author is an expert in some feed: only then
	// are their follows kept.
	Expert bool `json:"expert"`
	// Follows is how many follows are kept for them afterwards.
	Follows int `json:"follows"`
	Added   int `json:"added"`
	Removed int `json:"removed"`
}

// syncFollows makes the follows kept for did match their repository: all
// of them (app.bsky.graph.follow, read from their PDS through the guarded
// client) while did is an expert in some feed, none once they are not.
// The changes go through the indexer's apply step as the stream's follows
// and unfollows would, so the authors they follow are decided again
// there; from then on the stream keeps them current. It is called with
// every backfill of an author, which is what a tier change triggers.
func (s *Service) syncFollows(ctx context.Context, did syntax.DID) (*FollowSync, error) {
	res := &FollowSync{}
	var kept map[string]syntax.DID
	err := s.store.View(func(tx *store.Tx) error {
		var err error
		if res.Expert, err = s.decider.Expert(tx, did); err != nil {
			return err
		}
		kept, err = tx.Follows(did)
		return err
	})
	if err != nil {
		return nil, err
	}
	nowUS := s.nowUS()
	var evs []indexer.Event
	want := map[string]syntax.DID{}
	if res.Expert {
		fetched, err := s.fetchFollows(ctx, did, nowUS)
		if err != nil {
			return nil, err
		}
		for _, ev := range fetched {
			rkey := ev.Commit.RKey.String()
			want[rkey] = ev.Commit.Followed
			if kept[rkey] != ev.Commit.Followed {
				evs = append(evs, ev)
				res.Added++
			}
		}
	}
	rkeys := make([]string, 0, len(kept))
	for rkey := range kept {
		rkeys = append(rkeys, rkey)
	}
	slices.Sort(rkeys)
	var dels []indexer.Event
	for _, rkey := range rkeys {
		if want[rkey] == kept[rkey] {
			continue
		}
		rk, err := syntax.ParseRecordKey(rkey)
		if err != nil {
			continue
		}
		dels = append(dels, indexer.Event{Kind: indexer.KindCommit, DID: did, TimeUS: nowUS, Commit: &indexer.Commit{
			Op: indexer.OpDelete, Collection: collectionFollow, RKey: rk,
		}})
		if _, still := want[rkey]; !still {
			res.Removed++
		}
	}
	// Deletes go first: a record key that now names another account is
	// forgotten, then kept anew.
	evs = append(dels, evs...)
	for i := 0; i < len(evs); i += ingestChunk {
		if err := s.ingest.Ingest(ctx, evs[i:min(i+ingestChunk, len(evs))]); err != nil {
			return nil, fmt.Errorf("follows of %s: ingest: %w", did, err)
		}
	}
	res.Follows = len(want)
	return res, nil
}

// fetchFollows reads did's follow records from their PDS, as the create
// events the stream would have carried.
func (s *Service) fetchFollows(ctx context.Context, did syntax.DID, nowUS int64) ([]indexer.Event, error) {
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.FetchTimeout)
	defer cancel()
	pds, err := s.pds.endpoint(ctx, did)
	if err != nil {
		return nil, err
	}
	var evs []indexer.Event
	cursor := ""
	for pages := 0; pages < maxFollowPages; pages++ {
		page, err := s.pds.listRecords(ctx, pds, did, collectionFollow, cursor, 100)
		if err != nil {
			return nil, upstream("PDSFailed", fmt.Sprintf("could not read the follows of %s from %s", did, pds), err)
		}
		for _, r := range page.Records {
			ev, err := indexer.DecodeRecord(r.URI, r.CID, r.Value, nowUS)
			if err != nil || ev.DID != did || ev.Commit.Followed == "" {
				// Not a follow of did's own: a PDS is not believed
				// about another repository.
				continue
			}
			evs = append(evs, ev)
		}
		if len(page.Records) == 0 || page.Cursor == "" || page.Cursor == cursor {
			break
		}
		cursor = page.Cursor
	}
	return evs, nil
}
