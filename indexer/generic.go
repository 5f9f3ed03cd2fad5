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
	// As the firehose's records (cborNestsWithin): the data model's depth
	// bound, so that both streams take the same records.
	if !jsonNestsWithin(rec, atdata.MAX_CBOR_NESTED_LEVELS) {
		return reject(ReasonInvalidRecord, fmt.Errorf("nested deeper than %d", atdata.MAX_CBOR_NESTED_LEVELS))
	}
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

// jsonNestsWithin reports whether the JSON value rec (valid JSON: the
// event's decoder checked it) nests its arrays and objects at most limit
// deep.
func jsonNestsWithin(rec []byte, limit int) bool {
	depth, inString := 0, false
	for i := 0; i < len(rec); i++ {
		switch c := rec[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			if depth++; depth > limit {
				return false
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return true
}
