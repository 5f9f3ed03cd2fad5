package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

func TestEventsShapeTheFeed(t *testing.T) {
	alice, bob, expert, outlet := did(1), did(2), did(3), did(4)
	curated := tiers{expert: model.TierExpert, outlet: model.TierAll}
	b := newEvb()
	old := b.post(alice, "3kold", "Armenia and Azerbaijan, long ago")
	old.TimeUS = testNow.Add(-40 * 24 * time.Hour).UnixMicro()
	old.Commit.Post.CreatedAt = time.UnixMicro(old.TimeUS).UTC().Format(time.RFC3339)
	badDate := b.post(alice, "3kbaddate", "Georgia votes")
	badDate.Commit.Post.CreatedAt = "yesterday-ish"

	tests := []struct {
		name   string
		events []any
		want   []string // feed, newest first
	}{
		{
			name:   "relevant post enters, chatter does not",
			events: []any{b.post(alice, "3ka", "Peace talks between Armenia and Azerbaijan"), b.post(bob, "3kb", "my cat is asleep")},
			want:   []string{postURI(alice, "3ka").String()},
		},
		{
			name:   "an edit that loses the topic leaves the feed",
			events: []any{b.post(alice, "3ka", "Georgia election"), b.update(alice, "3ka", "never mind, cats")},
			want:   nil,
		},
		{
			name:   "an edit that gains the topic enters, an edit of an unknown post is decided afresh",
			events: []any{b.post(alice, "3ka", "cats"), b.update(alice, "3ka", "Georgia election"), b.update(bob, "3kz", "Azerbaijan border")},
			want:   []string{postURI(bob, "3kz").String(), postURI(alice, "3ka").String()},
		},
		{
			name:   "a delete removes the post and a replayed create cannot bring it back",
			events: []any{b.post(alice, "3ka", "Armenia"), b.del(alice, CollectionPost, "3ka"), b.post(alice, "3ka", "Armenia")},
			want:   nil,
		},
		{
			name:   "a delete of a post we never had does nothing",
			events: []any{b.del(bob, CollectionPost, "3kq"), b.post(bob, "3kq", "Armenia")},
			want:   []string{postURI(bob, "3kq").String()},
		},
		{
			name:   "a create older than retention is ignored",
			events: []any{old},
			want:   nil,
		},
		{
			name:   "an unparseable createdAt sorts by indexed time",
			events: []any{badDate, b.post(bob, "3kn", "Armenia news")},
			want:   []string{postURI(bob, "3kn").String(), postURI(alice, "3kbaddate").String()},
		},
		{
			name: "reposts: tier all always, expert only of a post in the feed, others never",
			events: []any{
				b.post(alice, "3ka", "Armenia Azerbaijan treaty"),
				b.post(bob, "3kb", "cats"),
				b.repost(outlet, "3r1", postURI(bob, "3kb")),
				b.repost(expert, "3r2", postURI(alice, "3ka")),
				b.repost(expert, "3r3", postURI(bob, "3kb")),
				b.repost(bob, "3r4", postURI(alice, "3ka")),
			},
			want: []string{
				"repost:" + repostURI(expert, "3r2").String() + "->" + postURI(alice, "3ka").String(),
				"repost:" + repostURI(outlet, "3r1").String() + "->" + postURI(bob, "3kb").String(),
				postURI(alice, "3ka").String(),
			},
		},
		{
			name:   "deleting a repost removes its item",
			events: []any{b.post(alice, "3ka", "Armenia"), b.repost(outlet, "3r1", postURI(alice, "3ka")), b.del(outlet, CollectionRepost, "3r1")},
			want:   []string{postURI(alice, "3ka").String()},
		},
		{
			name: "deleting a post takes its reposts along, and they stay out on replay",
			events: []any{b.post(alice, "3ka", "Armenia"), b.post(bob, "3kb", "Georgia"),
				b.repost(outlet, "3r1", postURI(alice, "3ka")), b.repost(expert, "3r2", postURI(alice, "3ka")),
				b.del(alice, CollectionPost, "3ka"), b.repost(outlet, "3r1", postURI(alice, "3ka"))},
			want: []string{postURI(bob, "3kb").String()},
		},
		{
			name:   "a deactivated account is hidden until it is back",
			events: []any{b.post(alice, "3ka", "Armenia"), b.post(bob, "3kb", "Georgia"), b.account(alice, false, "deactivated"), b.identity(bob)},
			want:   []string{postURI(bob, "3kb").String()},
		},
		{
			name:   "a reactivated account's posts return in place",
			events: []any{b.post(alice, "3ka", "Armenia"), b.post(bob, "3kb", "Georgia"), b.account(alice, false, "takendown"), b.account(alice, true, "")},
			want:   []string{postURI(bob, "3kb").String(), postURI(alice, "3ka").String()},
		},
		{
			name:   "a deleted account loses its posts for good",
			events: []any{b.post(alice, "3ka", "Armenia"), b.account(alice, false, "deleted"), b.account(alice, true, "")},
			want:   nil,
		},
		{
			name: "garbage lines are dropped and the rest goes on",
			events: []any{"{not json", "", `{"did":"did:plc:x","time_us":1,"kind":"gossip"}`, "\xff\xfe",
				b.post(alice, "3ka", "Azerbaijan")},
			want: []string{postURI(alice, "3ka").String()},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := mustOpen(t)
			path := writeFile(t, encodeLines(t, tt.events...))
			ti := newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, curated, nil)
			runToEnd(t, ti)
			if got := feedURIs(t, st, testFeed); !slices.Equal(got, tt.want) {
				t.Errorf("feed:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReasonsAreStored(t *testing.T) {
	st := mustOpen(t)
	b := newEvb()
	path := writeFile(t, encodeLines(t, b.post(did(1), "3ka", "Armenia")))
	runToEnd(t, newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, nil))
	err := st.View(func(tx *store.Tx) error {
		p, err := tx.Post(postURI(did(1), "3ka"))
		if err != nil {
			return err
		}
		if len(p.Feeds) != 1 || !slices.Equal(p.Feeds[0].Reasons, []string{"place:Armenia(+1)"}) {
			t.Errorf("memberships: got %+v, want place:Armenia(+1) in %s", p.Feeds, testFeed)
		}
		if p.Text != "Armenia" || p.IndexedUS != b.t {
			t.Errorf("post: got text %q indexed %d, want Armenia at %d", p.Text, p.IndexedUS, b.t)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBadInputIsCountedByReason(t *testing.T) {
	st := mustOpen(t)
	b := newEvb()
	good := b.post(did(1), "3ka", "Georgia")
	goodLine := string(encodeLines(t, good))
	goodLine = goodLine[:len(goodLine)-1]
	lines := []any{
		"{not json",
		strings.Replace(goodLine, did(1).String(), "did:nope", 1),
		strings.Replace(goodLine, `"kind":"commit"`, `"kind":"gossip"`, 1),
		strings.Replace(goodLine, `"rkey":"3ka"`, `"rkey":"../x"`, 1),
		strings.Replace(goodLine, cidA, "!!", 1),
		strings.Replace(goodLine, "Georgia", "\xff", 1),
		`{"x":"` + strings.Repeat("a", MaxEventSize+10) + `"}`,
		b.post(did(2), "3kb", "Armenia"),
	}
	data := encodeLines(t, lines...)
	path := writeFile(t, data)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, nil)
	runToEnd(t, ti)
	for _, reason := range []string{ReasonMalformedJSON, ReasonInvalidDID, ReasonUnknownKind, ReasonInvalidRKey, ReasonInvalidCID, ReasonInvalidUTF8, ReasonTooLarge} {
		if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", reason); got != 1 {
			t.Errorf("dropped %s: got %v, want 1", reason, got)
		}
	}
	if got := feedURIs(t, st, testFeed); len(got) != 1 {
		t.Errorf("feed: got %q, want the one good post", got)
	}
	name, _ := ti.cfg.Source.cursorName()
	if c, _, _ := st.Cursor(name); c != int64(len(data)) {
		t.Errorf("cursor: got %d, want the file's end %d", c, len(data))
	}
	if got := ti.counter(t, "feedgen_indexer_events_total", "kind", "commit", "op", "create"); got != 1 {
		t.Errorf("events: got %v creates, want 1", got)
	}
}

// Replaying everything again from the start (the cursor lost, a rewind
// far longer than any real one) leaves the same feed, the same records and
// the same tombstones. Only the tie-breaking sequence numbers of records
// that the replay took out and put back (an edit off and on topic, an
// account deleted and back) may differ, which changes no page. The
// decider reads nothing but the record (keywordDecider), so that only the
// indexer's own writes are under test.
func TestReplayIsIdempotent(t *testing.T) {
	path := writeFile(t, synthBytes(t, 8000, 7))
	st := mustOpen(t)
	curated := synthTiers()
	keywords := func(_ *Config, d *Deps) { d.Decider = keywordDecider{feed: testFeed, tiers: curated} }
	runToEnd(t, newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, keywords))
	firstFeed, firstKeys := feedItems(t, st), recordKeys(t, st)
	if len(firstFeed) < 50 {
		t.Fatalf("feed has %d items; the synthetic stream should put more in", len(firstFeed))
	}
	other := writeFile(t, mustRead(t, path))
	runToEnd(t, newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: other}, nil, keywords))
	if got := feedItems(t, st); !slices.Equal(got, firstFeed) {
		t.Errorf("feed after a full replay: %d items, want the same %d", len(got), len(firstFeed))
	}
	if got := recordKeys(t, st); !slices.Equal(got, firstKeys) {
		t.Errorf("records and tombstones after a full replay: %d, want the same %d", len(got), len(firstKeys))
	}
}

// feedItems is the feed as a reader sees it: post, repost and sort time.
func feedItems(tb testing.TB, st *store.Store) []string {
	tb.Helper()
	var out []string
	cursor := ""
	for {
		items, next, err := st.FeedPage(context.Background(), store.PageRequest{Feed: testFeed, Cursor: cursor, Limit: 100})
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range items {
			out = append(out, fmt.Sprintf("%s %s %d", it.URI, it.Repost, it.SortUS))
		}
		if next == "" {
			return out
		}
		cursor = next
	}
}

// recordKeys lists the kept records and the tombstones.
func recordKeys(tb testing.TB, st *store.Store) []string {
	var out []string
	for k := range dump(tb, st) {
		if strings.HasPrefix(k, "posts/") || strings.HasPrefix(k, "tombstones/") || strings.HasPrefix(k, "accounts/") {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func mustRead(tb testing.TB, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestFileResumesWhereItStopped(t *testing.T) {
	st := mustOpen(t)
	b := newEvb()
	first := encodeLines(t, b.post(did(1), "3ka", "Armenia"), b.post(did(2), "3kb", "Georgia"))
	path := writeFile(t, first)
	spec := SourceSpec{Kind: SourceFile, Path: path}
	runToEnd(t, newTestIndexer(t, st, spec, nil, nil))

	// The recording grows; a second run reads only the new lines. Had it
	// read the old ones again, the delete below would not be the last word.
	more := encodeLines(t, b.del(did(1), CollectionPost, "3ka"), b.post(did(3), "3kc", "Azerbaijan"))
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(more)
	f.Close()
	ti := newTestIndexer(t, st, spec, nil, nil)
	runToEnd(t, ti)
	if got := ti.Status().Events; got != 2 {
		t.Errorf("second run handled %d events, want the 2 new ones", got)
	}
	want := []string{postURI(did(3), "3kc").String(), postURI(did(2), "3kb").String()}
	if got := feedURIs(t, st, testFeed); !slices.Equal(got, want) {
		t.Errorf("feed: got %q, want %q", got, want)
	}
}

func TestCursorProblemsStopTheIndexer(t *testing.T) {
	b := newEvb()
	data := encodeLines(t, b.post(did(1), "3ka", "Armenia"), b.post(did(2), "3kb", "Georgia"))
	tests := []struct {
		name  string
		raw   []byte // stored cursor bytes
		want  error
		wantS string
	}{
		{name: "corrupt cursor", raw: []byte{1, 2, 3}, want: store.ErrCorruptCursor},
		{name: "offset inside a line", raw: be64(5), want: ErrCursorMismatch},
		{name: "offset past the end", raw: be64(uint64(len(data) + 100)), want: ErrCursorMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := mustOpen(t)
			path := writeFile(t, data)
			spec := SourceSpec{Kind: SourceFile, Path: path}
			name, _ := spec.cursorName()
			if err := st.Update(context.Background(), func(tx *store.Tx) error {
				return tx.Bolt().Bucket([]byte("meta")).Put([]byte("cursor/"+name), tt.raw)
			}); err != nil {
				t.Fatal(err)
			}
			ti := newTestIndexer(t, st, spec, nil, nil)
			err := ti.Run(context.Background())
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if n := st.FeedLen(testFeed); n != 0 {
				t.Errorf("feed has %d items after a refused cursor, want 0", n)
			}
		})
	}
}

func be64(v uint64) []byte {
	b := make([]byte, 8)
	for i := 7; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
	return b
}

func TestParseSource(t *testing.T) {
	tests := []struct {
		in      string
		kind    SourceKind
		urls    int
		path    string
		wantErr bool
	}{
		{in: "", kind: SourceJetstream, urls: len(PublicJetstreams)},
		{in: "jetstream", kind: SourceJetstream, urls: 4},
		{in: "none", kind: SourceNone},
		{in: "ws://127.0.0.1:6008/subscribe", kind: SourceJetstream, urls: 1},
		{in: "wss://a.example/subscribe, wss://b.example/subscribe", kind: SourceJetstream, urls: 2},
		{in: "ws://localhost:2583/xrpc/com.atproto.sync.subscribeRepos", kind: SourceFirehose, urls: 1},
		{in: "file:///data/ev.jsonl", kind: SourceFile, path: "/data/ev.jsonl"},
		{in: "./ev.jsonl", kind: SourceFile, path: "ev.jsonl"},
		{in: "events.jsonl", kind: SourceFile, path: "events.jsonl"},
		{in: "jetstrem", wantErr: true},
		{in: "https://a.example/subscribe", wantErr: true},
		{in: "wss://a.example/", wantErr: true},
		{in: "wss://a.example/subscribe?cursor=5", wantErr: true},
		{in: "wss://a.example/subscribe,wss://b.example/xrpc/com.atproto.sync.subscribeRepos", wantErr: true},
		{in: "wss://a/xrpc/com.atproto.sync.subscribeRepos,wss://b/xrpc/com.atproto.sync.subscribeRepos", wantErr: true},
		{in: "file://", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSource(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("got %+v, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Kind != tt.kind || len(got.URLs) != tt.urls || got.Path != tt.path {
				t.Fatalf("got %+v, want kind %s, %d urls, path %q", got, tt.kind, tt.urls, tt.path)
			}
			back, err := ParseSource(got.String())
			if err != nil || back.Kind != got.Kind || !slices.Equal(back.URLs, got.URLs) || back.Path != got.Path {
				t.Fatalf("String() %q does not parse back: %+v, %v", got.String(), back, err)
			}
		})
	}
}

func TestPruneRemovesOldPosts(t *testing.T) {
	st := mustOpen(t)
	b := newEvb()
	path := writeFile(t, encodeLines(t, b.post(did(1), "3ka", "Armenia"), b.post(did(2), "3kb", "Georgia")))
	now := testNow
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, func(c *Config, _ *Deps) {
		c.Now = func() time.Time { return now }
	})
	runToEnd(t, ti)
	if got := ti.PruneOnce(context.Background()); got != 0 {
		t.Fatalf("pruned %d fresh posts, want 0", got)
	}
	now = testNow.Add(31 * 24 * time.Hour)
	if got := ti.PruneOnce(context.Background()); got != 2 {
		t.Fatalf("pruned %d, want 2", got)
	}
	if n := st.FeedLen(testFeed); n != 0 {
		t.Fatalf("feed has %d after prune, want 0", n)
	}
	if got := ti.counter(t, "feedgen_indexer_pruned_total"); got != 2 {
		t.Fatalf("pruned metric: got %v, want 2", got)
	}
}

func TestStatusHealth(t *testing.T) {
	st := mustOpen(t)
	now := testNow
	clock := func() time.Time { return now }
	ix, err := New(Config{Source: SourceSpec{Kind: SourceJetstream, URLs: []string{"ws://127.0.0.1:1/subscribe"}}, Now: clock, LagThreshold: time.Minute},
		Deps{Store: st, Decider: testDecider(t)})
	if err != nil {
		t.Fatal(err)
	}
	if s := ix.Status(); !s.Healthy {
		t.Errorf("fresh indexer: got unhealthy %+v, want healthy within the threshold", s)
	}
	now = now.Add(2 * time.Minute)
	if s := ix.Status(); s.Healthy || s.Lag < 119 {
		t.Errorf("nothing for 2m: got %+v, want unhealthy with lag 120s", s)
	}
	ix.lastEventUS.Store(now.Add(-10 * time.Second).UnixMicro())
	if s := ix.Status(); !s.Healthy || s.Lag != 10 {
		t.Errorf("event 10s ago: got %+v, want healthy with lag 10", s)
	}
	none, err := New(Config{Source: SourceSpec{Kind: SourceNone}, Now: clock}, Deps{Store: st, Decider: testDecider(t)})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Hour)
	if s := none.Status(); !s.Healthy {
		t.Errorf("no source: got unhealthy %+v", s)
	}
}

// A backfill goes through the running indexer's one writer: before it
// starts the batch waits, while it follows its source the batch is applied
// beside the stream's (and moves no cursor), after a file source's end it
// still is, and once the indexer has stopped it is refused.
func TestInboxFeedsTheOneWriter(t *testing.T) {
	st := mustOpen(t)
	b := newEvb()
	data := encodeLines(t, b.post(did(1), "3ka", "Armenia"))
	path := writeFile(t, data)
	inbox := NewInbox()
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, func(_ *Config, d *Deps) { d.Inbox = inbox })

	early := make(chan error, 1)
	go func() { early <- inbox.Ingest(context.Background(), []Event{b.post(did(2), "3kb", "Georgia")}) }()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ti.Run(ctx) }()
	if err := <-early; err != nil {
		t.Fatalf("a batch sent before the indexer ran: %v", err)
	}
	for !ti.Status().Done {
		time.Sleep(5 * time.Millisecond)
	}
	// The file is ingested; the writer goes on for the inbox.
	late := []Event{b.post(did(3), "3kc", "Azerbaijan"), b.post(did(4), "3kd", "cats")}
	if err := inbox.Ingest(context.Background(), late); err != nil {
		t.Fatalf("a batch after the file's end: %v", err)
	}
	want := []string{postURI(did(3), "3kc").String(), postURI(did(2), "3kb").String(), postURI(did(1), "3ka").String()}
	if got := feedURIs(t, st, testFeed); !slices.Equal(got, want) {
		t.Errorf("feed: got %q, want %q", got, want)
	}
	name, _ := ti.cfg.Source.cursorName()
	if c, _, _ := st.Cursor(name); c != int64(len(data)) {
		t.Errorf("cursor: got %d, want the file's end %d: a backfill moves no cursor", c, len(data))
	}
	if got := ti.counter(t, "feedgen_indexer_posts_added_total", "feed", testFeed); got != 3 {
		t.Errorf("posts added: got %v, want 3 (one writer counts them all)", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := inbox.Ingest(context.Background(), late); !errors.Is(err, ErrNotRunning) {
		t.Errorf("a batch after the indexer stopped: got %v, want ErrNotRunning", err)
	}
}

// A record read from its repository is decoded with the stream's checks.
func TestDecodeRecord(t *testing.T) {
	const uri = "at://did:plc:aliceaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kabc"
	good := json.RawMessage(`{"$type":"app.bsky.feed.post","text":"Armenia","createdAt":"2026-03-01T11:00:00Z"}`)
	ev, err := DecodeRecord(uri, cidA, good, 42)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Kind != KindCommit || ev.Commit.Op != OpCreate || ev.URI() != uri || ev.TimeUS != 42 || ev.Commit.Post.Text != "Armenia" {
		t.Errorf("got %+v", ev)
	}
	if r := ev.Record(); r.CreatedUS != time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC).UnixMicro() || r.Post == nil || r.Edit {
		t.Errorf("record: got %+v", r)
	}
	repost := json.RawMessage(`{"$type":"app.bsky.feed.repost","createdAt":"2026-03-01T11:00:00Z","subject":{"uri":"` + uri + `","cid":"` + cidA + `"}}`)
	rp, err := DecodeRecord("at://did:plc:bobbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.repost/3kr", cidA, repost, 42)
	if err != nil || rp.Commit.Subject != uri {
		t.Errorf("repost: got %+v, %v", rp.Commit, err)
	}
	for _, tt := range []struct {
		name, uri, cid string
		value          string
		reason         string
	}{
		{"bad CID", uri, "!!", string(good), ReasonInvalidCID},
		{"another type", uri, cidA, `{"$type":"app.bsky.feed.like","subject":{}}`, ReasonRecordMismatch},
		{"not JSON of a post", uri, cidA, `{"$type":"app.bsky.feed.post","text":5}`, ReasonInvalidRecord},
		{"a handle for a repository", "at://alice.test/app.bsky.feed.post/3kabc", cidA, string(good), ReasonInvalidDID},
		{"not an AT-URI", "https://bsky.app/x", cidA, string(good), ReasonInvalidRecord},
		{"a repost of a like", "at://did:plc:bobbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.repost/3kr", cidA,
			`{"$type":"app.bsky.feed.repost","createdAt":"2026-03-01T11:00:00Z","subject":{"uri":"at://did:plc:aliceaaaaaaaaaaaaaaaaaaa/app.bsky.feed.like/3k","cid":"` + cidA + `"}}`, ReasonInvalidRecord},
	} {
		if _, err := DecodeRecord(tt.uri, tt.cid, json.RawMessage(tt.value), 42); DropReason(err) != tt.reason {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.reason)
		}
	}
}

// A file source cut short by a cancel is not reported as ingested: health
// must not say "done" of a file half read.
func TestCancelledFileIsNotDone(t *testing.T) {
	st := mustOpen(t)
	path := writeFile(t, synthBytes(t, 50000, 3))
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, nil, func(c *Config, _ *Deps) { c.BatchSize = 10 })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ti.Run(ctx) }()
	for ti.Status().Events == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if s := ti.Status(); s.Done || s.Events >= 50000 {
		t.Errorf("after a cancel: %+v, want a file not done", s)
	}
}
