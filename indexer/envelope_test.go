package indexer

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/scpeace/feedgen/lexicons"
)

// FuzzEnvelopeScan holds the hand scan of the envelope to encoding/json:
// whenever it reads an event, it reads what encoding/json reads.
func FuzzEnvelopeScan(f *testing.F) {
	for _, s := range []string{
		commitLine(CollectionLike, likeRecord),
		commitLine(CollectionFollow, followRecord),
		commitLine(CollectionPost, `{"$type":"app.bsky.feed.post","text":"Ереван \"quoted\"","createdAt":"2026-01-01T00:00:00Z"}`),
		`{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3k"}}`,
		`{"did":"did:plc:a","time_us":1,"kind":"commit","commit":null}`,
		`{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"record":null,"cid":null}}`,
		`{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"record": {"a":1} ,"rev":"r"} }`,
		`{"did":"did:plc:a","did":"did:plc:b","time_us":1}`,
		`{"DID":"did:plc:a","time_us":1}`,
		`{"did":"did:plc:a","time_us":1.5}`,
		`{"did":"did:plc:a","time_us":-7,"extra":[1,{"x":"\u00e9"}]}`,
		`{"did":"did:plc:a","time_us":99999999999999999999}`,
		`{"did":"did:plc:a","time_us":1,"kind":"account","account":{"active":true}}`,
		`{"did":"did:plc:\u0061","time_us":1}`,
		`{"did":null,"time_us":null,"kind":null}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var scanned jsEvent
		if !json.Valid([]byte(line)) || !scanEnvelope([]byte(line), &scanned) {
			return
		}
		var want jsEvent
		if err := json.Unmarshal([]byte(line), &want); err != nil {
			t.Fatalf("%q: scan read %+v; encoding/json failed: %v", line, scanned, err)
		}
		if !reflect.DeepEqual(scanned, want) {
			t.Fatalf("%q: scan read %+v (commit %+v); encoding/json %+v (commit %+v)", line, scanned, scanned.Commit, want, want.Commit)
		}
	})
}

// The lines the scan passes to encoding/json are decoded as before: the
// hand path and the fallback give the same events and the same drops.
func TestEnvelopeScanFallsBack(t *testing.T) {
	for _, c := range []struct {
		name, line string
		scans      bool
		reason     string
	}{
		{"a like", commitLine(CollectionLike, likeRecord), true, ""},
		{"a follow", commitLine(CollectionFollow, followRecord), true, ""},
		{"a repeated did", `{"did":"did:plc:aaaa","did":"did:plc:bbbb","time_us":5,"kind":"identity"}`, false, ""},
		{"a key in another case", `{"Did":"did:plc:aaaa","time_us":5,"kind":"identity"}`, false, ""},
		{"an escape in the did", `{"did":"did:plc:a\u0061aa","time_us":5,"kind":"identity"}`, false, ""},
		{"an account", `{"did":"did:plc:aaaa","time_us":5,"kind":"account","account":{"active":false,"status":"deleted"}}`, false, ""},
		{"a time with a fraction", `{"did":"did:plc:aaaa","time_us":5.5,"kind":"identity"}`, false, ReasonMalformedJSON},
		{"a time as a string", `{"did":"did:plc:aaaa","time_us":"5","kind":"identity"}`, false, ReasonMalformedJSON},
		{"a time out of range", `{"did":"did:plc:aaaa","time_us":9223372036854775808,"kind":"identity"}`, false, ReasonMalformedJSON},
		{"broken JSON", `{"did":"did:plc:aaaa","time_us":5,"kind":"identity"`, false, ReasonMalformedJSON},
		{"trailing garbage", `{"did":"did:plc:aaaa","time_us":5,"kind":"identity"} x`, false, ReasonMalformedJSON},
		{"a null time", `{"did":"did:plc:aaaa","time_us":null,"kind":"identity"}`, true, ReasonInvalidTime},
	} {
		t.Run(c.name, func(t *testing.T) {
			var raw jsEvent
			scans := json.Valid([]byte(c.line)) && scanEnvelope([]byte(c.line), &raw)
			if scans != c.scans {
				t.Errorf("scanned %v, want %v", scans, c.scans)
			}
			_, err := DecodeJetstream([]byte(c.line))
			if got := DropReason(err); got != c.reason {
				t.Errorf("drop reason %q (%v), want %q", got, err, c.reason)
			}
		})
	}
}

// Unions of a type we do not know are none: the post is kept, judged by
// its text, and can be written to a recording again.
func TestPostUnionsOfUnknownType(t *testing.T) {
	rec := `{"$type":"app.bsky.feed.post","text":"Pashinyan in Brussels","createdAt":"2026-01-01T00:00:00Z",` +
		`"embed":{"$type":"app.bsky.embed.hologram"},"labels":{},` +
		`"facets":[{"index":{"byteStart":0,"byteEnd":9},"features":[{"$type":"app.bsky.richtext.facet#sparkle"},{"$type":"app.bsky.richtext.facet#tag","tag":"peace"}]}]}`
	ev, err := DecodeJetstream([]byte(commitLine(CollectionPost, rec)))
	if err != nil {
		t.Fatal(err)
	}
	p := ev.Commit.Post
	if p.Embed != nil || p.Labels != nil || len(p.Facets) != 1 || len(p.Facets[0].Features) != 1 || p.Facets[0].Features[0].RichtextFacet_Tag == nil {
		t.Fatalf("post kept unions it cannot read: embed %v, labels %v, facets %+v", p.Embed, p.Labels, p.Facets)
	}
	if p.Text != "Pashinyan in Brussels" {
		t.Errorf("text %q", p.Text)
	}
	if _, err := EncodeJetstream(ev); err != nil {
		t.Errorf("does not encode again: %v", err)
	}
}

// A curation record nested deeper than the data model allows is refused
// from Jetstream as from the firehose.
func TestGenericNestingBound(t *testing.T) {
	nested := func(n int) string {
		return `{"$type":"` + lexicons.Pin + `","x":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
	}
	_, err := DecodeJetstream([]byte(commitLine(lexicons.Pin, nested(20))))
	if got := DropReason(err); got == ReasonInvalidRecord {
		t.Fatalf("a record 21 deep was refused: %v", err)
	}
	_, err = DecodeJetstream([]byte(commitLine(lexicons.Pin, nested(40))))
	if got := DropReason(err); got != ReasonInvalidRecord {
		t.Fatalf("a record 41 deep: drop %q (%v), want %q", got, err, ReasonInvalidRecord)
	}
}
