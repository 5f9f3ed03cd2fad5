package indexer

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"
	lexutil "github.com/bluesky-social/indigo/lex/util"
	"github.com/coder/websocket"
	"github.com/ipfs/go-cid"
	car "github.com/ipld/go-car"
	carutil "github.com/ipld/go-car/util"
	"github.com/multiformats/go-multihash"

	"github.com/scpeace/feedgen/store"
)

// fhOp is one operation of a fake firehose commit.
type fhOp struct {
	action, path string
	post         *bsky.FeedPost
	// rec is any other record (a like, a follow), with its $type set.
	rec interface{ MarshalCBOR(io.Writer) error }
}

func cborCID(tb testing.TB, data []byte) cid.Cid {
	c, err := cid.NewPrefixV1(cid.DagCBOR, multihash.SHA2_256).Sum(data)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// commitFrame builds a #commit frame whose CAR carries the posts' blocks.
func commitFrame(tb testing.TB, seq int64, author syntax.DID, at time.Time, ops []fhOp) []byte {
	tb.Helper()
	return serializeFrame(tb, &events.XRPCStreamEvent{RepoCommit: commitOf(tb, seq, author, at, ops)})
}

// commitOf builds the #commit commitFrame sends, for a test to alter
// before it is serialized.
func commitOf(tb testing.TB, seq int64, author syntax.DID, at time.Time, ops []fhOp) *comatproto.SyncSubscribeRepos_Commit {
	tb.Helper()
	var carBuf bytes.Buffer
	var repoOps []*comatproto.SyncSubscribeRepos_RepoOp
	var blocks [][2][]byte
	var root cid.Cid
	for _, op := range ops {
		ro := &comatproto.SyncSubscribeRepos_RepoOp{Action: op.action, Path: op.path}
		if op.post != nil {
			op.post.LexiconTypeID = CollectionPost
			op.rec = op.post
		}
		if op.rec != nil {
			var rb bytes.Buffer
			if err := op.rec.MarshalCBOR(&rb); err != nil {
				tb.Fatal(err)
			}
			c := cborCID(tb, rb.Bytes())
			ll := lexutil.LexLink(c)
			ro.Cid = &ll
			blocks = append(blocks, [2][]byte{c.Bytes(), rb.Bytes()})
			root = c
		}
		repoOps = append(repoOps, ro)
	}
	if !root.Defined() {
		root = cborCID(tb, []byte("empty"))
	}
	if err := car.WriteHeader(&car.CarHeader{Roots: []cid.Cid{root}, Version: 1}, &carBuf); err != nil {
		tb.Fatal(err)
	}
	for _, b := range blocks {
		if err := carutil.LdWrite(&carBuf, b[0], b[1]); err != nil {
			tb.Fatal(err)
		}
	}
	return &comatproto.SyncSubscribeRepos_Commit{
		Repo: author.String(), Rev: "3m4aqfchvg4k7", Seq: seq, Time: at.UTC().Format(time.RFC3339Nano),
		Ops: repoOps, Blocks: carBuf.Bytes(), Commit: lexutil.LexLink(root), Blobs: []lexutil.LexLink{},
	}
}

func serializeFrame(tb testing.TB, xev *events.XRPCStreamEvent) []byte {
	var buf bytes.Buffer
	if err := xev.Serialize(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func accountFrame(t testing.TB, seq int64, author syntax.DID, at time.Time, active bool, status string) []byte {
	a := &comatproto.SyncSubscribeRepos_Account{Did: author.String(), Seq: seq, Time: at.UTC().Format(time.RFC3339Nano), Active: active}
	if status != "" {
		a.Status = &status
	}
	return serializeFrame(t, &events.XRPCStreamEvent{RepoAccount: a})
}

// fakeFirehose serves frames by sequence number: after a cursor, those
// with a higher seq; without one, all of them. The first connection ends
// after dropAfter frames.
type fakeFirehose struct {
	frames    [][]byte
	seqs      []int64
	dropAfter int

	mu      sync.Mutex
	queries []string
}

func (f *fakeFirehose) add(seq int64, frame []byte) {
	f.frames = append(f.frames, frame)
	f.seqs = append(f.seqs, seq)
}

func (f *fakeFirehose) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != firehosePath {
		http.NotFound(w, r)
		return
	}
	f.mu.Lock()
	f.queries = append(f.queries, r.URL.RawQuery)
	first := len(f.queries) == 1
	f.mu.Unlock()
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx := c.CloseRead(r.Context())
	after := int64(-1)
	if s := r.URL.Query().Get("cursor"); s != "" {
		after, _ = strconv.ParseInt(s, 10, 64)
	}
	sent := 0
	for i, fr := range f.frames {
		if f.seqs[i] <= after {
			continue
		}
		typ := websocket.MessageBinary
		if f.seqs[i] == 0 {
			typ = websocket.MessageText // garbage frames carry no seq
		}
		if err := c.Write(ctx, typ, fr); err != nil {
			return
		}
		sent++
		if first && sent == f.dropAfter {
			return
		}
	}
	<-ctx.Done()
}

func TestFirehoseCommitsAccountsAndResume(t *testing.T) {
	alice, bob := did(1), did(2)
	at := testNow.Add(-time.Minute)
	fake := &fakeFirehose{dropAfter: 3}
	post := func(text string) *bsky.FeedPost {
		return &bsky.FeedPost{Text: text, CreatedAt: at.Format(time.RFC3339)}
	}
	fake.add(10, commitFrame(t, 10, alice, at, []fhOp{
		{action: "create", path: CollectionPost + "/3ka", post: post("Armenia and Azerbaijan sign")},
		{action: "create", path: CollectionPost + "/3kb", post: post("cats")},
	}))
	fake.add(0, []byte("not a frame"))
	fake.add(11, commitFrame(t, 11, bob, at.Add(time.Second), []fhOp{{action: "create", path: CollectionPost + "/3kc", post: post("Georgia protests")}}))
	fake.add(12, commitFrame(t, 12, alice, at.Add(2*time.Second), []fhOp{{action: "update", path: CollectionPost + "/3kb", post: post("Tbilisi and Georgia")}}))
	fake.add(13, commitFrame(t, 13, alice, at.Add(3*time.Second), []fhOp{{action: "delete", path: CollectionPost + "/3ka"}}))
	fake.add(14, accountFrame(t, 14, bob, at.Add(4*time.Second), false, "takendown"))
	fake.add(15, commitFrame(t, 15, did(3), at.Add(5*time.Second), []fhOp{{action: "create", path: "app.bsky.feed.like/3kl"}}))
	srv := httptest.NewServer(fake)
	defer srv.Close()

	st := mustOpen(t)
	u := "ws" + strings.TrimPrefix(srv.URL, "http") + firehosePath
	spec, err := ParseSource(u)
	if err != nil {
		t.Fatal(err)
	}
	ti := newTestIndexer(t, st, spec, nil, nil)
	name, _ := spec.cursorName()
	if err := runUntil(t, ti, func() bool { c, _, _ := st.Cursor(name); return c == 15 }); err != nil {
		t.Fatal(err)
	}
	want := []string{postURI(alice, "3kb").String()}
	if got := feedURIs(t, st, testFeed); !slices.Equal(got, want) {
		t.Errorf("feed: got %q, want %q (3ka deleted, bob taken down, 3kb edited onto the topic)", got, want)
	}
	fake.mu.Lock()
	queries := slices.Clone(fake.queries)
	fake.mu.Unlock()
	if len(queries) < 2 || queries[0] != "" || queries[1] != "cursor=11" {
		t.Errorf("queries: got %q, want a live start and then cursor=11", queries)
	}
	if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", ReasonMalformedFrame); got != 1 {
		t.Errorf("malformed frames dropped: got %v, want 1", got)
	}
	err = st.View(func(tx *store.Tx) error {
		p, err := tx.Post(postURI(alice, "3kb"))
		if err != nil {
			return err
		}
		if p.IndexedUS != at.Add(2*time.Second).UnixMicro() {
			t.Errorf("indexed time: got %d, want the frame's time %d", p.IndexedUS, at.Add(2*time.Second).UnixMicro())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A commit's operations share one sequence number; all but the last carry
// the one before, so a batch that ends between them resumes at the commit.
func TestFirehoseMultiOpCursor(t *testing.T) {
	at := testNow
	frame := commitFrame(t, 42, did(1), at, []fhOp{
		{action: "create", path: CollectionPost + "/3ka", post: &bsky.FeedPost{Text: "a", CreatedAt: at.Format(time.RFC3339)}},
		{action: "delete", path: CollectionPost + "/3kz"},
		{action: "create", path: CollectionPost + "/3kb", post: &bsky.FeedPost{Text: "b", CreatedAt: at.Format(time.RFC3339)}},
	})
	var xev events.XRPCStreamEvent
	if err := xev.Deserialize(bytes.NewReader(frame)); err != nil {
		t.Fatal(err)
	}
	msgs := firehoseMessages(&xev)
	var cursors []int64
	for _, m := range msgs {
		if m.drop != "" {
			t.Fatalf("dropped: %s", m.drop)
		}
		cursors = append(cursors, m.cursor)
	}
	if want := []int64{41, 41, 42}; !slices.Equal(cursors, want) {
		t.Fatalf("cursors: got %v, want %v", cursors, want)
	}
	if msgs[2].ev.Commit.Post == nil || msgs[2].ev.Commit.Post.Text != "b" || msgs[2].ev.TimeUS != at.UnixMicro() {
		t.Fatalf("third op: got %+v", msgs[2].ev)
	}
}

// The firehose carries likes and follows as CBOR; their subjects are read
// with the same checks as Jetstream's.
func TestFirehoseLikesAndFollows(t *testing.T) {
	at := testNow
	liked := postURI(did(2), "3kp")
	frame := commitFrame(t, 7, did(1), at, []fhOp{
		{action: "create", path: CollectionLike + "/3kl", rec: &bsky.FeedLike{LexiconTypeID: CollectionLike, CreatedAt: at.Format(time.RFC3339),
			Subject: &comatproto.RepoStrongRef{Uri: liked.String(), Cid: cidA}}},
		{action: "create", path: CollectionFollow + "/3kf", rec: &bsky.GraphFollow{LexiconTypeID: CollectionFollow, CreatedAt: at.Format(time.RFC3339), Subject: did(3).String()}},
		{action: "create", path: CollectionLike + "/3kx", rec: &bsky.FeedLike{LexiconTypeID: CollectionLike, CreatedAt: at.Format(time.RFC3339),
			Subject: &comatproto.RepoStrongRef{Uri: "at://" + did(2).String() + "/app.bsky.actor.profile/self", Cid: cidA}}},
		{action: "create", path: CollectionFollow + "/3ky", rec: &bsky.FeedLike{CreatedAt: at.Format(time.RFC3339), Subject: &comatproto.RepoStrongRef{Uri: liked.String(), Cid: cidA}}},
		{action: "delete", path: CollectionLike + "/3kz"},
	})
	var xev events.XRPCStreamEvent
	if err := xev.Deserialize(bytes.NewReader(frame)); err != nil {
		t.Fatal(err)
	}
	msgs := firehoseMessages(&xev)
	if len(msgs) != 5 {
		t.Fatalf("got %d messages, want 5", len(msgs))
	}
	if c := msgs[0].ev.Commit; msgs[0].drop != "" || c.Subject != liked {
		t.Errorf("like: got %+v, drop %q", c, msgs[0].drop)
	}
	if c := msgs[1].ev.Commit; msgs[1].drop != "" || c.Followed != did(3) {
		t.Errorf("follow: got %+v, drop %q", c, msgs[1].drop)
	}
	if msgs[2].drop != ReasonInvalidRecord {
		t.Errorf("a like of a profile: got drop %q, want %s", msgs[2].drop, ReasonInvalidRecord)
	}
	if msgs[3].drop != ReasonInvalidRecord {
		t.Errorf("a like record in the follows: got drop %q, want %s", msgs[3].drop, ReasonInvalidRecord)
	}
	if c := msgs[4].ev.Commit; msgs[4].drop != "" || c.Op != OpDelete || c.Collection != CollectionLike {
		t.Errorf("unlike: got %+v, drop %q", c, msgs[4].drop)
	}
}
