// Package lexicons holds the lexicons feedgen owns: the records of its
// curation (org.scpeace.feedgen.curation.*), which in the repo curation
// store are written to the feed publisher's repository and read back from
// the network by every replica. The JSON files are the schemas, in the
// directory layout of the NSIDs; the package embeds them and validates
// records against them with indigo's atproto/lexicon.
//
// The NSID authority is scpeace.org, the project's domain: the names stay
// the same whoever runs a copy, since a copy's records are in its own
// publisher's repository anyway.
package lexicons

import (
	"embed"
	"fmt"
	"sync"

	"github.com/bluesky-social/indigo/atproto/lexicon"
)

// The curation collections.
const (
	// Prefix is the NSID prefix of every curation collection.
	Prefix = "org.scpeace.feedgen.curation."

	Author      = Prefix + "author"
	BlockedPost = Prefix + "blockedPost"
	Pin         = Prefix + "pin"
	Verdict     = Prefix + "verdict"
	Rules       = Prefix + "rules"
)

// Collections are the curation collections, in the order a rebuild
// applies them: authors and blocks before the pins and verdicts that
// depend on them, rules last.
var Collections = []string{Author, BlockedPost, Pin, Verdict, Rules}

//go:embed org
var files embed.FS

var (
	catOnce sync.Once
	cat     *lexicon.BaseCatalog
	catErr  error
)

// Catalog is the parsed schemas.
func Catalog() (*lexicon.BaseCatalog, error) {
	catOnce.Do(func() {
		c := lexicon.NewBaseCatalog()
		if err := c.LoadEmbedFS(files); err != nil {
			catErr = fmt.Errorf("load lexicons: %w", err)
			return
		}
		cat = c
	})
	return cat, catErr
}

// Validate checks a record (as atdata decodes it, from JSON or CBOR)
// against the schema of its collection; its $type must be the collection.
func Validate(collection string, record map[string]any) error {
	c, err := Catalog()
	if err != nil {
		return err
	}
	if err := lexicon.ValidateRecord(c, record, collection, 0); err != nil {
		return fmt.Errorf("%s record: %w", collection, err)
	}
	return nil
}
