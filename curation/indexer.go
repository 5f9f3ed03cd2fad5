package curation

import (
	"context"
	"errors"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

// The service is the indexer's view of curation: it decides posts (with
// the curated tiers, blocks, verdicts and the review queue), tells the
// tier of a reposter, and follows the feeds' Bluesky lists.
var (
	_ indexer.Decider       = (*Service)(nil)
	_ indexer.AuthorTiers   = (*Service)(nil)
	_ indexer.RecordHandler = (*Service)(nil)
)

// Decide implements indexer.Decider with DecidePost.
func (s *Service) Decide(tx *store.Tx, ev *indexer.Event) ([]store.Membership, error) {
	c := ev.Commit
	if c == nil || c.Post == nil {
		return nil, nil
	}
	return s.DecidePost(tx, PostEvent{URI: ev.URI(), CID: c.CID.String(), Author: ev.DID, TimeUS: ev.TimeUS, Record: c.Post, Edit: c.Op == indexer.OpUpdate})
}

// AuthorTier implements indexer.AuthorTiers: all and expert as they are;
// a blocked or unlisted author's reposts never enter.
func (s *Service) AuthorTier(tx *store.Tx, feed string, author syntax.DID) (indexer.Tier, error) {
	t, err := tx.CuratedTier(feed, author)
	switch {
	case err != nil:
		return indexer.TierNone, err
	case t == store.TierAll:
		return indexer.TierAll, nil
	case t == store.TierExpert:
		return indexer.TierExpert, nil
	}
	return indexer.TierNone, nil
}

// HandleRecord implements indexer.RecordHandler: list item commits go to
// HandleListItem; everything else is not curation's.
func (s *Service) HandleRecord(tx *store.Tx, ev *indexer.Event) error {
	c := ev.Commit
	if ev.Kind != indexer.KindCommit || c == nil || c.Collection.String() != collectionListItem {
		return nil
	}
	return s.HandleListItem(tx, ev.DID, c.RKey.String(), c.Op == indexer.OpDelete, c.ListItem)
}

// IndexerIngester sends backfilled posts through an indexer's Ingest, as
// synthetic create events (an edit, for a post already stored). The
// service and the indexer are built around each other, so Indexer is set
// after both exist, before the first backfill.
type IndexerIngester struct {
	Indexer *indexer.Indexer
}

// IngestPosts implements Ingester.
func (i *IndexerIngester) IngestPosts(ctx context.Context, posts []PostEvent) error {
	if i.Indexer == nil {
		return errors.New("curation: the ingesting indexer is not set")
	}
	evs := make([]indexer.Event, len(posts))
	for n, p := range posts {
		cid, _ := syntax.ParseCID(p.CID)
		evs[n] = indexer.Event{
			Kind:   indexer.KindCommit,
			DID:    p.Author,
			TimeUS: p.TimeUS,
			Commit: &indexer.Commit{
				Op:         indexer.OpCreate,
				Collection: syntax.NSID(collectionPost),
				RKey:       p.URI.RecordKey(),
				CID:        cid,
				Post:       p.Record,
			},
		}
	}
	return i.Indexer.Ingest(ctx, evs)
}
