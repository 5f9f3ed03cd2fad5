package indexer

import (
	"bufio"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// FuzzDecodeJetstream feeds the decoder arbitrary bytes: it must never
// panic, every rejection must name a reason, and every accepted event must
// survive a round trip through the encoder unchanged.
func FuzzDecodeJetstream(f *testing.F) {
	fh, err := os.Open(devset)
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, MaxEventSize)
	for i := 0; sc.Scan() && i < 40; i++ {
		f.Add(append([]byte(nil), sc.Bytes()...))
	}
	fh.Close()
	b := newEvb()
	for _, ev := range []Event{b.account(did(1), false, "deleted"), b.identity(did(2)), b.del(did(3), CollectionPost, "3ka"), b.repost(did(4), "3kr", postURI(did(1), "3ka")),
		b.like(did(5), "3kl", postURI(did(1), "3ka")), b.follow(did(6), "3kf", did(1))} {
		line, _ := EncodeJetstream(ev)
		f.Add(line)
	}
	f.Add([]byte(`{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"a","cid":"bafyreiaaaaaaaa","record":{"$type":"app.bsky.feed.post","text":"\u0000","embed":{"$type":"app.bsky.embed.record"}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := DecodeJetstream(data)
		if err != nil {
			if DropReason(err) == "" {
				t.Fatalf("rejection without a reason: %v", err)
			}
			return
		}
		out, err := EncodeJetstream(ev)
		if err != nil {
			t.Fatalf("accepted event does not encode: %v", err)
		}
		back, err := DecodeJetstream(out)
		if err != nil {
			t.Fatalf("re-encoded event does not decode: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(normalize(ev), normalize(back)) {
			t.Fatalf("round trip changed the event:\n%+v\n%+v", ev, back)
		}
	})
}

// normalize drops what encoding fills in by itself (the record's $type),
// and what it leaves out: an empty list of a field written only when it
// has members ("facets": []) comes back as none, with the same meaning.
func normalize(ev Event) Event {
	if ev.Commit != nil {
		c := *ev.Commit
		if c.Post != nil {
			p := *c.Post
			p.LexiconTypeID = ""
			if len(p.Facets) == 0 {
				p.Facets = nil
			}
			if len(p.Langs) == 0 {
				p.Langs = nil
			}
			if len(p.Tags) == 0 {
				p.Tags = nil
			}
			if len(p.Entities) == 0 {
				p.Entities = nil
			}
			c.Post = &p
		}
		if c.Repost != nil {
			r := *c.Repost
			r.LexiconTypeID = ""
			c.Repost = &r
		}
		if c.ListItem != nil {
			l := *c.ListItem
			l.LexiconTypeID = ""
			c.ListItem = &l
		}
		ev.Commit = &c
	}
	return ev
}

func TestFastSyntaxAgrees(t *testing.T) {
	inputs := []string{"", ".", "..", "3kabc", "self", "a:b~c_d-e.f", "a/b", "a b", "é", strings.Repeat("a", 512), strings.Repeat("a", 513),
		cidA, "Qmbabcdefgh", "short", "abc+=defg", "abc/defgh", strings.Repeat("b", 257)}
	for _, in := range inputs {
		_, e1 := parseRecordKey(in)
		_, e2 := syntax.ParseRecordKey(in)
		if (e1 == nil) != (e2 == nil) {
			t.Errorf("record key %q: got err %v, syntax says %v", in, e1, e2)
		}
		_, e1 = parseCID(in)
		_, e2 = syntax.ParseCID(in)
		if (e1 == nil) != (e2 == nil) {
			t.Errorf("cid %q: got err %v, syntax says %v", in, e1, e2)
		}
	}
	for n := range knownNSIDs {
		if _, err := syntax.ParseNSID(n); err != nil {
			t.Errorf("known NSID %q does not parse: %v", n, err)
		}
	}
	plc := "did:plc:aliceaaaaaaaaaaaaaaaaaaa"
	for _, in := range []string{
		"at://" + plc + "/app.bsky.feed.post/3kabc",
		"at://" + plc + "/app.bsky.feed.post/" + strings.Repeat("a", 513),
		"at://" + plc + "/app.bsky.feed.post/..",
		"at://" + plc + "/app.bsky.feed.post/a b",
		"at://" + plc + "/app.bsky.feed.post/",
		"at://" + plc + "/app.bsky.feed.post",
		"at://" + plc + "/app.bsky.feed.like/3kabc",
		"at://" + plc + "x/app.bsky.feed.post/3kabc",
		"at://did:plc:alice_aaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kabc",
		"at://did:web:example.com/app.bsky.feed.post/3kabc",
		"at://alice.example.com/app.bsky.feed.post/3kabc",
		"https://" + plc + "/app.bsky.feed.post/3kabc",
		"at://" + plc + "/app.bsky.feed.post/3kabc/extra",
		"at://" + plc + "/app.bsky.feed.post/3kabc#frag",
	} {
		checkPostURI(t, in)
	}
}

// checkPostURI holds parsePostURI to syntax.ParseATURI plus "a post":
// the same answer, and the same value when it accepts.
func checkPostURI(t *testing.T, in string) {
	t.Helper()
	got, e1 := parsePostURI(in)
	u, e2 := syntax.ParseATURI(in)
	if e2 == nil && (u.Collection().String() != CollectionPost || u.RecordKey() == "") {
		e2 = errors.New("not a post")
	}
	if (e1 == nil) != (e2 == nil) || (e1 == nil && got != u) {
		t.Errorf("post URI %q: got %q, %v; syntax says %q, %v", in, got, e1, u, e2)
	}
}

func FuzzFastSyntax(f *testing.F) {
	f.Add("3kabc")
	f.Add(cidA)
	f.Fuzz(func(t *testing.T, in string) {
		_, e1 := parseRecordKey(in)
		_, e2 := syntax.ParseRecordKey(in)
		if (e1 == nil) != (e2 == nil) {
			t.Fatalf("record key %q: got err %v, syntax says %v", in, e1, e2)
		}
		_, e1 = parseCID(in)
		_, e2 = syntax.ParseCID(in)
		if (e1 == nil) != (e2 == nil) {
			t.Fatalf("cid %q: got err %v, syntax says %v", in, e1, e2)
		}
		checkPostURI(t, "at://did:plc:aliceaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/"+in)
		checkPostURI(t, in)
	})
}
