package indexer

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

const (
	testDID = "did:plc:zpqlu3beis7nhgey74gb5cmk"
	testCID = "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a"
)

func TestDecodeJetstream(t *testing.T) {
	post := `{"did":"` + testDID + `","time_us":1761647786388866,"kind":"commit","commit":{"rev":"3m4aqfchvg4k7","operation":"create","collection":"app.bsky.feed.post","rkey":"3m4aqfc2xweht","record":{"$type":"app.bsky.feed.post","createdAt":"2025-10-28T10:36:25.965Z","langs":["hy"],"text":"Երևան"},"cid":"` + testCID + `"}}`
	ev, err := DecodeJetstream([]byte(post))
	if err != nil {
		t.Fatalf("decode post: %v", err)
	}
	if got, want := ev.URI().String(), "at://"+testDID+"/app.bsky.feed.post/3m4aqfc2xweht"; got != want {
		t.Errorf("uri: got %s, want %s", got, want)
	}
	if ev.Commit.Post == nil || ev.Commit.Post.Text != "Երևան" || ev.Commit.Post.Langs[0] != "hy" {
		t.Errorf("post record not decoded: %+v", ev.Commit.Post)
	}
	if ev.Cursor != 1761647786388866 || ev.TimeUS != ev.Cursor {
		t.Errorf("cursor: got %d, want time_us", ev.Cursor)
	}

	del := `{"did":"` + testDID + `","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"delete","collection":"app.bsky.feed.post","rkey":"3m4aqfc2xweht"}}`
	if ev, err := DecodeJetstream([]byte(del)); err != nil || ev.Commit.Op != OpDelete {
		t.Errorf("delete: got %+v, %v", ev.Commit, err)
	}
	acct := `{"did":"` + testDID + `","time_us":5,"kind":"account","account":{"active":false,"status":"deactivated","did":"` + testDID + `","seq":1,"time":"x"}}`
	if ev, err := DecodeJetstream([]byte(acct)); err != nil || ev.Account.Active || ev.Account.Status != "deactivated" {
		t.Errorf("account: got %+v, %v", ev.Account, err)
	}
	block := `{"did":"` + testDID + `","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.graph.block","rkey":"3m4aqfc2xweht","record":{"whatever":1},"cid":"` + testCID + `"}}`
	if ev, err := DecodeJetstream([]byte(block)); err != nil || ev.Commit.Post != nil {
		t.Errorf("a block should decode without a typed record: %+v, %v", ev.Commit, err)
	}

	bad := []struct {
		name, in, reason string
	}{
		{"empty", ``, ReasonMalformedJSON},
		{"not json", `hello`, ReasonMalformedJSON},
		{"truncated", post[:len(post)/2], ReasonMalformedJSON},
		{"invalid utf8", strings.Replace(post, "Երևան", "\xff\xfe", 1), ReasonInvalidUTF8},
		{"too large", `{"x":"` + strings.Repeat("a", MaxEventSize) + `"}`, ReasonTooLarge},
		{"bad did", strings.Replace(post, testDID, "did:nope", 1), ReasonInvalidDID},
		{"no time", strings.Replace(post, "1761647786388866", "0", 1), ReasonInvalidTime},
		{"unknown kind", strings.Replace(post, `"kind":"commit"`, `"kind":"gossip"`, 1), ReasonUnknownKind},
		{"commit without body", `{"did":"` + testDID + `","time_us":5,"kind":"commit"}`, ReasonMissingBody},
		{"bad op", strings.Replace(post, `"operation":"create"`, `"operation":"upsert"`, 1), ReasonInvalidOp},
		{"bad collection", strings.Replace(post, `"collection":"app.bsky.feed.post"`, `"collection":"not a nsid"`, 1), ReasonInvalidNSID},
		{"bad rkey", strings.Replace(post, `"rkey":"3m4aqfc2xweht"`, `"rkey":"../etc"`, 1), ReasonInvalidRKey},
		{"bad cid", strings.Replace(post, testCID, "notacid", 1), ReasonInvalidCID},
		{"record wrong type", strings.Replace(post, `"$type":"app.bsky.feed.post"`, `"$type":"app.bsky.feed.like"`, 1), ReasonRecordMismatch},
		{"record not object", `{"did":"` + testDID + `","time_us":5,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"abc","cid":"` + testCID + `","record":7}}`, ReasonInvalidRecord},
		{"missing record", `{"did":"` + testDID + `","time_us":5,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"abc","cid":"` + testCID + `"}}`, ReasonMissingRecord},
		{"text not string", strings.Replace(post, `"text":"Երևան"`, `"text":42`, 1), ReasonInvalidRecord},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeJetstream([]byte(tt.in))
			if got := DropReason(err); got != tt.reason {
				t.Errorf("got reason %q (%v), want %q", got, err, tt.reason)
			}
		})
	}
}

// The labelled devset is real Jetstream output: every line must decode, and
// encoding it back must decode to the same post.
func TestDecodeDevsetRoundTrip(t *testing.T) {
	f, err := os.Open(devset)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), MaxEventSize)
	n := 0
	for sc.Scan() {
		ev, err := DecodeJetstream(sc.Bytes())
		if err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		out, err := EncodeJetstream(ev)
		if err != nil {
			t.Fatalf("line %d: encode: %v", n+1, err)
		}
		back, err := DecodeJetstream(out)
		if err != nil {
			t.Fatalf("line %d: decode of encoding: %v", n+1, err)
		}
		if back.URI() != ev.URI() || back.Commit.CID != ev.Commit.CID || (ev.Commit.Post != nil && back.Commit.Post.Text != ev.Commit.Post.Text) {
			t.Fatalf("line %d: round trip changed the event", n+1)
		}
		n++
	}
	if n < 100 {
		t.Fatalf("decoded %d events, want the whole devset", n)
	}
}
