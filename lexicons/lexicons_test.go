package lexicons

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/atdata"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Every schema file parses, is named for its NSID, and every collection
// the code names has one.
func TestSchemasParseAndMatchTheirPaths(t *testing.T) {
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		id := strings.ReplaceAll(strings.TrimSuffix(p, ".json"), "/", ".")
		if _, err := syntax.ParseNSID(id); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if _, err := c.Resolve(id); err != nil {
			t.Errorf("%s does not define %s: %v", p, id, err)
		}
		seen[id] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, coll := range Collections {
		if !seen[coll] {
			t.Errorf("no schema file for %s", coll)
		}
	}
	if len(seen) != len(Collections) {
		t.Errorf("%d schema files, %d collections", len(seen), len(Collections))
	}
}

const when = `"createdAt":"2026-11-29T23:00:00.000Z"`

func TestValidRecords(t *testing.T) {
	for coll, rec := range map[string]string{
		Author:      `{"$type":"` + Author + `","feed":"sc-peace","subject":"did:plc:abcdefghijklmnopqrstuvwx","tier":"expert","note":"writes on Armenia","curator":"lena",` + when + `}`,
		BlockedPost: `{"$type":"` + BlockedPost + `","subject":"at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kabc",` + when + `}`,
		Pin:         `{"$type":"` + Pin + `","feed":"sc-peace","subject":"at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kabc",` + when + `}`,
		Verdict:     `{"$type":"` + Verdict + `","feed":"sc-peace","subject":"at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kabc","verdict":"reject",` + when + `}`,
		Rules:       `{"$type":"` + Rules + `","feed":"sc-peace","version":3,"text":"feed sc-peace\n","hash":"ab",` + when + `}`,
	} {
		m, err := atdata.UnmarshalJSON([]byte(rec))
		if err != nil {
			t.Fatalf("%s: %v", coll, err)
		}
		if err := Validate(coll, m); err != nil {
			t.Errorf("%s: %v", coll, err)
		}
		// CBOR, as the firehose carries it, validates the same.
		b, err := atdata.MarshalCBOR(m)
		if err != nil {
			t.Fatal(err)
		}
		m2, err := atdata.UnmarshalCBOR(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := Validate(coll, m2); err != nil {
			t.Errorf("%s from CBOR: %v", coll, err)
		}
	}
}

func TestInvalidRecordsAreRefused(t *testing.T) {
	post := `"subject":"at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kabc"`
	for name, c := range map[string]struct{ coll, rec string }{
		"unknown tier":      {Author, `{"$type":"` + Author + `","feed":"sc-peace","subject":"did:plc:abcdefghijklmnopqrstuvwx","tier":"king",` + when + `}`},
		"subject not a DID": {Author, `{"$type":"` + Author + `","feed":"sc-peace","subject":"alice.example","tier":"all",` + when + `}`},
		"no feed":           {Pin, `{"$type":"` + Pin + `",` + post + `,` + when + `}`},
		"feed not a key":    {Pin, `{"$type":"` + Pin + `","feed":"a/b",` + post + `,` + when + `}`},
		"subject not a URI": {BlockedPost, `{"$type":"` + BlockedPost + `","subject":"https://bsky.app/x",` + when + `}`},
		"bad date":          {BlockedPost, `{"$type":"` + BlockedPost + `",` + post + `,"createdAt":"yesterday"}`},
		"wrong $type":       {BlockedPost, `{"$type":"` + Pin + `",` + post + `,` + when + `}`},
		"unknown verdict":   {Verdict, `{"$type":"` + Verdict + `","feed":"sc-peace",` + post + `,"verdict":"maybe",` + when + `}`},
		"version 0":         {Rules, `{"$type":"` + Rules + `","feed":"sc-peace","version":0,"text":"x",` + when + `}`},
		"long note":         {BlockedPost, `{"$type":"` + BlockedPost + `",` + post + `,"note":"` + strings.Repeat("n", 2001) + `",` + when + `}`},
	} {
		m, err := atdata.UnmarshalJSON([]byte(c.rec))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := Validate(c.coll, m); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
