package indexer

import (
	"fmt"
	"strings"

	"github.com/bluesky-social/indigo/atproto/atdata"

	"github.com/scpeace/feedgen/lexicons"
)

// Generic reports whether records of collection are decoded generically
// into Commit.Data: feedgen's own curation records, which the indexer
// hands to the RecordHandler (curation) to validate against their
// lexicons and apply.
func Generic(collection string) bool {
	return strings.HasPrefix(collection, lexicons.Prefix)
}

// decodeGeneric decodes a JSON record (Jetstream's, or a listRecords
// page's) of a generic collection.
func decodeGeneric(c *Commit, rec []byte) error {
	m, err := atdata.UnmarshalJSON(rec)
	if err != nil {
		return reject(ReasonInvalidRecord, err)
	}
	return setGeneric(c, m)
}

// decodeGenericCBOR decodes a CBOR record (the firehose's) of a generic
// collection.
func decodeGenericCBOR(c *Commit, rec []byte) error {
	m, err := atdata.UnmarshalCBOR(rec)
	if err != nil {
		return reject(ReasonInvalidRecord, err)
	}
	return setGeneric(c, m)
}

func setGeneric(c *Commit, m map[string]any) error {
	if t, _ := m["$type"].(string); t != c.Collection.String() {
		return reject(ReasonRecordMismatch, fmt.Errorf("$type %q in %s", t, c.Collection))
	}
	c.Data = m
	return nil
}
