package indexer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

const (
	likedPost = "at://did:plc:65otgq6ubushgm3vk5icuxzw/app.bsky.feed.post/3lb3bqy7ibe2v"
	// likeRecord is a like as Jetstream carries it, "via" a repost.
	likeRecord   = `{"$type":"app.bsky.feed.like","createdAt":"2024-11-17T19:10:23.248Z","subject":{"cid":"` + testCID + `","uri":"` + likedPost + `"},"via":{"cid":"` + testCID + `","uri":"at://did:plc:65otgq6ubushgm3vk5icuxzw/app.bsky.feed.repost/3lb3bqy7ibe2x"}}`
	followRecord = `{"$type":"app.bsky.graph.follow","createdAt":"2024-02-27T08:19:43.889Z","subject":"did:plc:qze4cxfttv5bmogbxfdqtueq"}`
)

func commitLine(coll, record string) string {
	return `{"did":"` + testDID + `","time_us":1761647786388866,"kind":"commit","commit":{"rev":"3m4aqfchvg4k7","operation":"create","collection":"` + coll + `","rkey":"3lb64aov4kq23","record":` + record + `,"cid":"` + testCID + `"}}`
}

func TestDecodeLikeAndFollow(t *testing.T) {
	for _, tt := range []struct {
		name, coll, record string
		subject            syntax.ATURI
		followed           syntax.DID
		reason             string
	}{
		{name: "like", coll: CollectionLike, record: likeRecord, subject: likedPost},
		{name: "follow", coll: CollectionFollow, record: followRecord, followed: "did:plc:qze4cxfttv5bmogbxfdqtueq"},
		{name: "keys in another order, spaces", coll: CollectionLike, record: `{ "subject" : { "uri" : "` + likedPost + `" , "cid":"x" } , "createdAt":"x", "$type" : "app.bsky.feed.like" }`, subject: likedPost},
		{name: "escaped slash (encoding/json reads it)", coll: CollectionLike, record: strings.Replace(likeRecord, "at://", `at:\/\/`, 1), subject: likedPost},
		{name: "escaped key", coll: CollectionFollow, record: `{"$type":"app.bsky.graph.follow","sub\u006aect":"did:plc:qze4cxfttv5bmogbxfdqtueq"}`, followed: "did:plc:qze4cxfttv5bmogbxfdqtueq"},
		{name: "key in another case (encoding/json folds it)", coll: CollectionFollow, record: `{"$type":"app.bsky.graph.follow","Subject":"did:plc:qze4cxfttv5bmogbxfdqtueq"}`, followed: "did:plc:qze4cxfttv5bmogbxfdqtueq"},
		{name: "a like of a repost", coll: CollectionLike, record: strings.Replace(likeRecord, "feed.post", "feed.repost", 1), reason: ReasonInvalidRecord},
		{name: "a like of a profile", coll: CollectionLike, record: `{"$type":"app.bsky.feed.like","subject":{"uri":"at://did:plc:65otgq6ubushgm3vk5icuxzw"}}`, reason: ReasonInvalidRecord},
		{name: "like without subject", coll: CollectionLike, record: `{"$type":"app.bsky.feed.like","createdAt":"x"}`, reason: ReasonInvalidRecord},
		{name: "null subject", coll: CollectionLike, record: `{"$type":"app.bsky.feed.like","subject":null}`, reason: ReasonInvalidRecord},
		{name: "subject of the wrong kind", coll: CollectionLike, record: `{"$type":"app.bsky.feed.like","subject":"` + likedPost + `"}`, reason: ReasonInvalidRecord},
		{name: "follow of a non-DID", coll: CollectionFollow, record: `{"$type":"app.bsky.graph.follow","subject":"alice.example.com"}`, reason: ReasonInvalidRecord},
		{name: "follow with a number", coll: CollectionFollow, record: `{"$type":"app.bsky.graph.follow","subject":7}`, reason: ReasonInvalidRecord},
		{name: "a like in the follows", coll: CollectionFollow, record: likeRecord, reason: ReasonRecordMismatch},
		{name: "no $type", coll: CollectionFollow, record: `{"subject":"did:plc:qze4cxfttv5bmogbxfdqtueq"}`, reason: ReasonRecordMismatch},
		{name: "record not an object", coll: CollectionLike, record: `[1]`, reason: ReasonInvalidRecord},
		{name: "null record", coll: CollectionLike, record: `null`, reason: ReasonMissingRecord},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := DecodeJetstream([]byte(commitLine(tt.coll, tt.record)))
			if tt.reason != "" {
				if got := DropReason(err); got != tt.reason {
					t.Fatalf("got %q (%v), want %q", got, err, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ev.Commit.Subject != tt.subject || ev.Commit.Followed != tt.followed {
				t.Fatalf("got subject %q followed %q, want %q %q", ev.Commit.Subject, ev.Commit.Followed, tt.subject, tt.followed)
			}
			out, err := EncodeJetstream(ev)
			if err != nil {
				t.Fatal(err)
			}
			back, err := DecodeJetstream(out)
			if err != nil || back.Commit.Subject != tt.subject || back.Commit.Followed != tt.followed {
				t.Fatalf("round trip: got %+v, %v", back.Commit, err)
			}
		})
	}
}

// The scan takes the common records, without encoding/json.
func TestSubjectScanTakesPlainRecords(t *testing.T) {
	for _, tt := range []struct {
		rec    string
		nested bool
	}{{likeRecord, true}, {followRecord, false}} {
		typ, subject, ok := scanSubject([]byte(tt.rec), tt.nested)
		if !ok || typ == "" || subject == "" {
			t.Errorf("%s: got %q %q %v, want the scan to read it", tt.rec, typ, subject, ok)
		}
	}
}

// FuzzSubjectScan holds the hand scan to encoding/json: whenever it reads
// a record, it reads what encoding/json reads.
func FuzzSubjectScan(f *testing.F) {
	for _, s := range []string{likeRecord, followRecord, `{"$type":"a","subject":{"uri":"b"},"subject":{"cid":"c"}}`,
		`{"$type":"a","$type":null,"subject":null}`, `{"subject":{"uri":"x","uri":null}}`, `{"a":[1,{"b":"\""}],"subject":"s"}`, `{"ſubject":"x"}`} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, rec string, nested bool) {
		typ, subject, ok := scanSubject([]byte(rec), nested)
		if !ok || !json.Valid([]byte(rec)) {
			// Only valid JSON reaches the scan: the event's decoder
			// checked it.
			return
		}
		jtyp, jsubject, err := jsonSubject([]byte(rec), nested)
		if err != nil || jtyp != typ || jsubject != subject {
			t.Fatalf("%q (nested %v): scan read %q %q; encoding/json %q %q, %v", rec, nested, typ, subject, jtyp, jsubject, err)
		}
	})
}

func BenchmarkDecodeLike(b *testing.B) {
	line := []byte(commitLine(CollectionLike, likeRecord))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeJetstream(line); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSubjectScan(b *testing.B) {
	for _, bb := range []struct {
		name string
		fn   func([]byte, bool) (string, string, bool)
	}{{"scan", scanSubject}, {"encoding-json", func(r []byte, n bool) (string, string, bool) {
		a, c, err := jsonSubject(r, n)
		return a, c, err == nil
	}}} {
		rec := []byte(likeRecord)
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, ok := bb.fn(rec, true); !ok {
					b.Fatal("not read")
				}
			}
		})
	}
}
