package indexer

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/atcrypto"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/labeling"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

var (
	labelerDID = syntax.DID("did:plc:labeler00000000000000000")
	strangerID = syntax.DID("did:plc:stranger0000000000000000")
)

// moderatedDecider is the test decider whose feed excludes spam from the
// given labelers.
func moderatedDecider(tb testing.TB, now func() time.Time, labelers ...syntax.DID) *membership.Decider {
	tb.Helper()
	rules, err := relevance.ParseRules("test", strings.NewReader(testRules))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := membership.New(membership.Config{Now: now, Feeds: []membership.Feed{{ID: testFeed, Classifier: relevance.New(rules), Reposts: true,
		Moderation: membership.Policy{Exclude: []string{"spam", "!hide"}, Labelers: labelers}}}})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// clock is a test clock that moves when told.
type clock struct{ us atomic.Int64 }

func newClock() *clock {
	c := &clock{}
	c.us.Store(time.Now().UnixMicro())
	return c
}

func (c *clock) now() time.Time      { return time.UnixMicro(c.us.Load()) }
func (c *clock) add(d time.Duration) { c.us.Add(d.Microseconds()) }
func (c *clock) eventTime(ago int) int64 {
	return c.now().Add(-time.Duration(ago) * time.Second).UnixMicro()
}

// labelRig is an indexer following one test labeler, with an inbox to put
// posts in.
type labelRig struct {
	*testIndexer
	lab   *testutil.Labeler
	dir   *identity.MockDirectory
	inbox *Inbox
	clock *clock
	stop  func()
	// posts counts the posts put in, each a second newer than the last,
	// so that the feed's order is the order they were put in.
	posts int
}

func newLabelRig(t *testing.T, st *store.Store) *labelRig {
	t.Helper()
	r := &labelRig{lab: testutil.NewLabeler(t, labelerDID), clock: newClock(), inbox: NewInbox()}
	dir := identity.NewMockDirectory()
	dir.Insert(r.lab.Identity())
	r.dir = dir
	r.start(t, st)
	return r
}

func (r *labelRig) start(t *testing.T, st *store.Store) {
	t.Helper()
	r.testIndexer = newTestIndexer(t, st, SourceSpec{Kind: SourceNone}, nil, func(c *Config, d *Deps) {
		c.Labelers = []syntax.DID{labelerDID}
		c.Now = r.clock.now
		d.Directory, d.Inbox = r.dir, r.inbox
		d.Decider = moderatedDecider(t, r.clock.now, labelerDID)
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	r.stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}
	t.Cleanup(func() {
		if ctx.Err() == nil {
			r.stop()
		}
	})
	waitUntil(t, "the labeler connected", func() bool { return r.Labelers()[0].Connected })
}

// post ingests a post of author, about Armenia, seen a minute ago.
func (r *labelRig) post(t *testing.T, author syntax.DID, rkey string) syntax.ATURI {
	t.Helper()
	r.posts++
	us := r.clock.eventTime(60 - r.posts)
	ev := Event{Kind: KindCommit, DID: author, TimeUS: us, Commit: &Commit{Op: OpCreate, Collection: CollectionPost, RKey: syntax.RecordKey(rkey), CID: cidA,
		Post: &bsky.FeedPost{Text: "Armenia and Azerbaijan", CreatedAt: time.UnixMicro(us).UTC().Format(time.RFC3339Nano), Langs: []string{"en"}}}}
	if err := r.inbox.Ingest(context.Background(), []Event{ev}); err != nil {
		t.Fatal(err)
	}
	return postURI(author, rkey)
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitSeq waits until the labeler's frame seq is committed.
func (r *labelRig) waitSeq(t *testing.T, seq int64) {
	t.Helper()
	waitUntil(t, "the labeler's frame to be committed", func() bool { return r.Labelers()[0].Cursor >= seq })
}

func (r *labelRig) feed(t *testing.T) []string { return feedURIs(t, r.store, testFeed) }

// A labeler's labels take posts out of the feed and bring them back: a
// record label, its negation, an account label, a label that expires; what
// is forged, foreign or unsigned changes nothing; after a restart the
// labels hold and the stream resumes from the saved position.
func TestLabelerLabelsTakePostsOut(t *testing.T) {
	st := mustOpen(t)
	r := newLabelRig(t, st)
	alice, bob := did(1), did(2)
	a1 := r.post(t, alice, "3ka1")
	a2 := r.post(t, alice, "3ka2")
	b1 := r.post(t, bob, "3kb1")
	all := []string{b1.String(), a2.String(), a1.String()}
	if got := r.feed(t); !slices.Equal(got, all) {
		t.Fatalf("feed before labels: %v", got)
	}

	seq := r.lab.Emit(t, r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{}))
	r.waitSeq(t, seq)
	if got := r.feed(t); !slices.Equal(got, []string{b1.String(), a2.String()}) {
		t.Fatalf("after spam on %s: %v", a1, got)
	}
	held := readPost(t, st, a1)
	if len(held.Held) != 1 || !slices.Equal(held.Held[0].Moderation, []string{"label:spam by " + labelerDID.String()}) {
		t.Fatalf("the labelled post is not kept held: %+v", held)
	}

	seq = r.lab.Emit(t, r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{Neg: true}))
	r.waitSeq(t, seq)
	if got := r.feed(t); !slices.Equal(got, all) {
		t.Fatalf("after the negation: %v", got)
	}

	// An account label: every post of the account.
	seq = r.lab.Emit(t, r.lab.Label(t, alice.String(), "!hide", testutil.LabelOpts{}))
	r.waitSeq(t, seq)
	if got := r.feed(t); !slices.Equal(got, []string{b1.String()}) {
		t.Fatalf("after the account label: %v", got)
	}

	// Forged, foreign, unsigned, about what we do not hold, a value the
	// feed does not exclude: nothing moves.
	forger, _ := atcrypto.GeneratePrivateKeyK256()
	seq = r.lab.Emit(t,
		r.lab.Label(t, b1.String(), "spam", testutil.LabelOpts{SignWith: forger}),
		r.lab.Label(t, b1.String(), "spam", testutil.LabelOpts{Src: strangerID}),
		r.lab.Label(t, b1.String(), "spam", testutil.LabelOpts{Unsigned: true}),
		r.lab.Label(t, postURI(bob, "3knotours").String(), "spam", testutil.LabelOpts{}),
		r.lab.Label(t, did(99).String(), "spam", testutil.LabelOpts{}),
		r.lab.Label(t, b1.String(), "rude", testutil.LabelOpts{}),
	)
	r.waitSeq(t, seq)
	if got := r.feed(t); !slices.Equal(got, []string{b1.String()}) {
		t.Fatalf("after forged and foreign labels: %v", got)
	}
	src := labelerDID.String()
	for reason, want := range map[string]float64{ReasonLabelBadSig: 1, ReasonLabelForeign: 1, ReasonLabelUnsigned: 1, ReasonLabelNotHeld: 2, labelApplied: 3} {
		if got := r.counter(t, "feedgen_labeler_labels_total", "labeler", src, "result", reason); got != want {
			t.Errorf("labels %s: got %v, want %v", reason, got, want)
		}
	}

	// A label that expires: out now, back once it has, with no event.
	seq = r.lab.Emit(t, r.lab.Label(t, b1.String(), "spam", testutil.LabelOpts{Exp: r.clock.now().Add(300 * time.Millisecond)}))
	r.waitSeq(t, seq)
	if got := r.feed(t); len(got) != 0 {
		t.Fatalf("after a label that expires later: %v", got)
	}
	r.clock.add(time.Second)
	waitUntil(t, "the expired label to let the post back", func() bool { return slices.Equal(r.feed(t), []string{b1.String()}) })

	// Stopped: a label issued meanwhile arrives after the restart, from the
	// saved position, and the earlier labels still hold.
	r.stop()
	saved, ok, err := st.Cursor(LabelerCursorName(labelerDID))
	if err != nil || !ok || saved != seq {
		t.Fatalf("saved labeler position: %d %v %v, want %d", saved, ok, err, seq)
	}
	seq = r.lab.Emit(t, r.lab.Label(t, b1.String(), "spam", testutil.LabelOpts{}))
	r.start(t, st)
	r.waitSeq(t, seq)
	if got := r.feed(t); len(got) != 0 {
		t.Fatalf("after the restart: %v, want every post out", got)
	}
	if n := r.lab.Connections(); n != 2 {
		t.Errorf("connections: got %d, want 2", n)
	}
}

// The labelers and the feeds' policies may change while we are stopped: a
// labeler no longer trusted holds nothing out after the restart.
func TestRestartWithoutTheLabelerLetsPostsBack(t *testing.T) {
	st := mustOpen(t)
	r := newLabelRig(t, st)
	a1 := r.post(t, did(1), "3ka1")
	r.waitSeq(t, r.lab.Emit(t, r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{})))
	if got := r.feed(t); len(got) != 0 {
		t.Fatalf("labelled post in the feed: %v", got)
	}
	r.stop()
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceNone}, nil, func(c *Config, d *Deps) {
		d.Decider = moderatedDecider(t, r.clock.now) // trusts nobody
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ti.Run(ctx) }()
	waitUntil(t, "the post back", func() bool { return slices.Equal(r.feed(t), []string{a1.String()}) })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// A labeler that rotates its signing key is believed once its DID document
// says so: a label that fails with the old key re-reads the document (at
// most once a minute).
func TestLabelerKeyRotation(t *testing.T) {
	st := mustOpen(t)
	r := newLabelRig(t, st)
	a1 := r.post(t, did(1), "3ka1")
	newKey, _ := atcrypto.GeneratePrivateKeyK256()
	pub, _ := newKey.PublicKey()
	r.dir.Insert(testutil.LabelerIdentity(labelerDID, r.lab.URL, pub))
	r.waitSeq(t, r.lab.Emit(t, r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{SignWith: newKey})))
	if got := r.feed(t); len(got) != 1 {
		t.Fatalf("a label under a key looked up a moment ago counted: %v", got)
	}
	r.clock.add(2 * time.Minute)
	r.waitSeq(t, r.lab.Emit(t, r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{SignWith: newKey})))
	if got := r.feed(t); len(got) != 0 {
		t.Fatalf("after the rotation: %v", got)
	}
}

// A hostile labeler's frames are bounded: too large, too many labels,
// fields too long, garbage, a position out of range. Each is counted and
// dropped, and the stream goes on.
func TestLabelerBounds(t *testing.T) {
	st := mustOpen(t)
	r := newLabelRig(t, st)
	a1 := r.post(t, did(1), "3ka1")
	many := make([]*comatproto.LabelDefs_Label, maxLabelsPerFrame+1)
	for i := range many {
		many[i] = r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{})
	}
	long := r.lab.Label(t, a1.String(), strings.Repeat("s", maxLabelVal+1), testutil.LabelOpts{})
	r.lab.EmitFrame(testutil.LabelsFrame(t, 1, r.lab.Label(t, a1.String(), strings.Repeat("x", maxLabelFrame), testutil.LabelOpts{})))
	r.lab.EmitFrame(testutil.LabelsFrame(t, 2, many...))
	r.lab.EmitFrame(testutil.LabelsFrame(t, 3, long))
	r.lab.EmitFrame([]byte("not cbor at all"))
	r.lab.EmitFrame(testutil.LabelsFrame(t, -5, r.lab.Label(t, a1.String(), "spam", testutil.LabelOpts{})))
	r.lab.EmitFrame(infoFrame(t, "OutdatedCursor"))
	r.waitSeq(t, r.lab.Emit(t)) // an empty frame, seq 7
	src := labelerDID.String()
	for reason, want := range map[string]float64{ReasonLabelFrameSize: 1, ReasonLabelFrameCount: 1, ReasonLabelTooLong: 1, ReasonLabelFrame: 1, ReasonLabelSeq: 1} {
		if got := r.counter(t, "feedgen_labeler_labels_total", "labeler", src, "result", reason); got != want {
			t.Errorf("%s: got %v, want %v", reason, got, want)
		}
	}
	if got := r.feed(t); len(got) != 1 {
		t.Fatalf("a hostile frame moved the feed: %v", got)
	}
	if n := r.lab.Connections(); n != 1 {
		t.Errorf("connections: %d, want 1: no frame tears the stream down", n)
	}
}

func infoFrame(t *testing.T, name string) []byte {
	var buf bytes.Buffer
	if err := (&events.EventHeader{Op: events.EvtKindMessage, MsgType: "#info"}).MarshalCBOR(&buf); err != nil {
		t.Fatal(err)
	}
	if err := (&comatproto.LabelSubscribeLabels_Info{Name: name}).MarshalCBOR(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readPost(t *testing.T, st *store.Store, uri syntax.ATURI) *model.Post {
	t.Helper()
	var p *model.Post
	err := st.View(func(tx *store.Tx) error {
		var err error
		p, err = tx.Post(uri)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLabelSubject(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", true},
		{"at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", true},
		{"at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kabc", "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kabc", true},
		{"at://alice.bsky.social/app.bsky.feed.post/3kabc", "", false},
		{"at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post", "", false},
		{"https://example.com/", "", false},
		{"did:nope", "", false},
	} {
		got, ok := labelSubject(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("labelSubject(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// checkLabel holds each label to its bounds and its signature before
// anything is stored.
func TestCheckLabel(t *testing.T) {
	lab := testutil.NewLabeler(t, labelerDID)
	pub, _ := lab.Key.PublicKey()
	verify := func(l *labeling.Label) error { return l.VerifySignature(pub) }
	post := "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kabc"
	exp := time.Now().Add(time.Hour)
	ok := lab.Label(t, post, "spam", testutil.LabelOpts{Exp: exp, CID: cidA})
	got, reason := checkLabel(ok, labelerDID, verify)
	if reason != "" || got.URI != post || got.Val != "spam" || got.CID != cidA || got.ExpiresUS/1000 != exp.UnixMilli() || got.Src != labelerDID {
		t.Fatalf("a good label: %+v %q", got, reason)
	}
	tampered := lab.Label(t, post, "spam", testutil.LabelOpts{})
	tampered.Val = "porn"
	noVer := lab.Label(t, post, "spam", testutil.LabelOpts{})
	noVer.Ver = nil
	for name, tt := range map[string]struct {
		l    *comatproto.LabelDefs_Label
		want string
	}{
		"tampered value": {tampered, ReasonLabelBadSig},
		"no version":     {noVer, ReasonLabelSyntax},
		"unsigned":       {lab.Label(t, post, "spam", testutil.LabelOpts{Unsigned: true}), ReasonLabelUnsigned},
		"foreign":        {lab.Label(t, post, "spam", testutil.LabelOpts{Src: strangerID}), ReasonLabelForeign},
		"long uri":       {lab.Label(t, post+strings.Repeat("a", maxLabelURI), "spam", testutil.LabelOpts{}), ReasonLabelTooLong},
		"web subject":    {lab.Label(t, "https://example.com/x", "spam", testutil.LabelOpts{}), ReasonLabelSubject},
		"nil":            {nil, ReasonLabelSyntax},
	} {
		if _, reason := checkLabel(tt.l, labelerDID, verify); reason != tt.want {
			t.Errorf("%s: got %q, want %q", name, reason, tt.want)
		}
	}
}
