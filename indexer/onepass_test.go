package indexer

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/internal/synth"
)

// onePassCases are posts and near-posts on which decoding a post in one
// pass (decodePost) could differ from the two passes if it were careless.
func onePassCases() []string {
	post := `{"did":"` + testDID + `","time_us":1761647786388866,"kind":"commit","commit":{"rev":"3m4aqfchvg4k7","operation":"create","collection":"app.bsky.feed.post","rkey":"3m4aqfc2xweht","record":{"$type":"app.bsky.feed.post","createdAt":"2025-10-28T10:36:25.965Z","langs":["hy"],"text":"Երևան"},"cid":"` + testCID + `"}}`
	rec := `"record":{"$type":"app.bsky.feed.post","createdAt":"2025-10-28T10:36:25.965Z","langs":["hy"],"text":"Երևան"}`
	with := func(r string) string { return strings.Replace(post, rec, r, 1) }
	second := `"record":{"$type":"app.bsky.feed.post","createdAt":"2025-10-28T10:36:26.000Z","text":"Armenia"}`
	return []string{
		post,
		strings.Replace(post, `"operation":"create"`, `"operation":"update"`, 1),
		// Two keys that decode as "record": the two passes keep the last.
		with(rec + "," + second),
		with(rec + "," + strings.Replace(second, `"record"`, `"Record"`, 1)),
		with(rec + "," + strings.Replace(second, `"record"`, `"r\u0065cord"`, 1)),
		with(rec + "," + strings.Replace(second, `"record"`, `"RECORD"`, 1)),
		with(rec + `,"record":null`),
		// Records that are not posts, or not records.
		with(`"record":null`),
		with(`"recordx":{}`),
		with(`"record":"text"`),
		with(`"record":{"$type":"app.bsky.feed.like","createdAt":"2025-10-28T10:36:25.965Z","text":"x"}`),
		with(`"record":{"createdAt":"2025-10-28T10:36:25.965Z","text":"no type"}`),
		with(`"record":{"$type":"app.bsky.feed.post","text":5}`),
		with(`"record":{"$type":"app.bsky.feed.post","text":"x","embed":{"$type":"app.bsky.embed.record","record":{"uri":"at://` + testDID + `/app.bsky.feed.post/3kabc","cid":"` + testCID + `"}}}`),
		with(`"record":{"$type":"app.bsky.feed.post","text":"x","embed":{"$type":"app.bsky.embed.nothing"}}`),
		with(`"record":{"$type":"app.bsky.feed.post","text":"a quoted \"record\" in the text"}`),
		// The envelope around a good record.
		strings.Replace(post, `"operation":"create"`, `"operation":"delete"`, 1),
		strings.Replace(post, `"operation":"create"`, `"operation":"upsert"`, 1),
		strings.Replace(post, testDID, "did:nope", 1),
		strings.Replace(post, "1761647786388866", "0", 1),
		strings.Replace(post, `"kind":"commit"`, `"kind":"account"`, 1),
		strings.Replace(post, `"kind":"commit"`, `"kind":"account","account":5`, 1),
		strings.Replace(post, `"kind":"commit"`, `"kind":"commit","identity":"x"`, 1),
		strings.Replace(post, `"rkey":"3m4aqfc2xweht"`, `"rkey":"../etc"`, 1),
		strings.Replace(post, testCID, "notacid", 1),
		strings.Replace(post, `"rev":"3m4aqfchvg4k7"`, `"rev":7`, 1),
		strings.Replace(post, `"collection":"app.bsky.feed.post"`, `"collection":"app.bsky.feed.post","collection":"app.bsky.feed.like"`, 1),
		strings.Replace(post, `"collection":"app.bsky.feed.post"`, `"collection":"app.bsky.feed.like","collection":"app.bsky.feed.post"`, 1),
		strings.Replace(post, `"commit":{`, `"commit":{"collection":"app.bsky.feed.post"},"commit":{`, 1),
		post[:len(post)-1],
	}
}

// sameDecoding fails t unless one pass and two passes agree on b.
func sameDecoding(t *testing.T, b []byte) {
	t.Helper()
	ev1, err1 := decodeJetstream(b, true)
	ev2, err2 := decodeJetstream(b, false)
	if (err1 == nil) != (err2 == nil) || DropReason(err1) != DropReason(err2) {
		t.Fatalf("one pass: %v; two passes: %v\n%s", err1, err2, b)
	}
	if !reflect.DeepEqual(ev1, ev2) {
		t.Fatalf("one pass and two passes differ:\n%+v\n%+v\n%s", ev1.Commit, ev2.Commit, b)
	}
}

func TestPostOnePassAgrees(t *testing.T) {
	for _, c := range onePassCases() {
		sameDecoding(t, []byte(c))
	}
	// The one pass must be taken where it can be, and not where the two
	// passes keep the last of two records.
	cases := onePassCases()
	if _, ok := decodePost([]byte(cases[0])); !ok {
		t.Error("a plain post is not decoded in one pass")
	}
	for _, c := range cases[2:7] {
		if _, ok := decodePost([]byte(c)); ok {
			t.Errorf("two records decoded in one pass:\n%s", c)
		}
	}

	// Real events, and the synthetic network's posts, quotes and the rest.
	var lines [][]byte
	fh, err := os.Open(devset)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, MaxEventSize)
	for sc.Scan() {
		lines = append(lines, append([]byte(nil), sc.Bytes()...))
	}
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Config{Seed: 3, Events: 5000, Start: time.Unix(1_760_000_000, 0), Mix: synth.MixNetwork, Garbage: true}); err != nil {
		t.Fatal(err)
	}
	lines = append(lines, bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))...)
	fast := 0
	for _, l := range lines {
		sameDecoding(t, l)
		if _, ok := decodePost(l); ok {
			fast++
		}
	}
	if fast == 0 {
		t.Errorf("none of %d lines decoded in one pass", len(lines))
	}
}

// FuzzPostOnePass holds the one pass to the two passes on any input.
func FuzzPostOnePass(f *testing.F) {
	for _, c := range onePassCases() {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sameDecoding(t, b)
	})
}
