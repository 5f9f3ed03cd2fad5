package curation

import (
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

// The service takes the records of the stream that are curation's: the
// items of the Bluesky lists the feeds follow, and the publisher's
// curation records (apply.go).
var _ indexer.RecordHandler = (*Service)(nil)

// HandleRecord implements indexer.RecordHandler: list item commits go to
// HandleListItem; everything else is not curation's.
func (s *Service) HandleRecord(tx *store.Tx, ev *indexer.Event) error {
	c := ev.Commit
	if ev.Kind != indexer.KindCommit || c == nil {
		return nil
	}
	if indexer.Generic(c.Collection.String()) {
		return s.handleRepoRecord(tx, ev.DID, c.Collection.String(), c.RKey.String(), c.Op == indexer.OpDelete, c.Data)
	}
	if c.Collection.String() != collectionListItem {
		return nil
	}
	return s.HandleListItem(tx, ev.DID, c.RKey.String(), c.Op == indexer.OpDelete, c.ListItem)
}
