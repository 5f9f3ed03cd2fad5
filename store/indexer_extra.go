package store

import (
	"bytes"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// HasAuthorRecords reports whether any record by did is kept. The indexer
// asks it before recording an account status change, so that the status
// of the whole network's accounts does not pile up in the accounts bucket.
func (t *Tx) HasAuthorRecords(did syntax.DID) bool {
	prefix := append([]byte(did), 0)
	k, _ := t.tx.Bucket(bucketAuthors).Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}
