package indexer

import (
	"bytes"
	"io"
	"regexp"
	rtmetrics "runtime/metrics"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/store"
)

// decodeFrame is what firehoseSource.session does with one binary
// message: past the size its reader allows, a drop; else firehoseFrame.
// refused is an error frame, which ends the connection.
func decodeFrame(b []byte) (msgs []message, xev *events.XRPCStreamEvent, refused bool) {
	if len(b) > maxFirehoseFrame {
		return []message{{drop: ReasonTooLarge}}, nil, false
	}
	msgs, xev = firehoseFrame(b)
	return msgs, xev, xev != nil && xev.Error != nil
}

// FuzzFirehoseFrame feeds the firehose decoder arbitrary frames: it must
// not panic, hang or allocate far beyond the frame; every frame it
// understands moves the cursor as the protocol says; every rejection names
// a reason; and every event it accepts holds what the apply step relies
// on, as much as one from DecodeJetstream, and reads the same through it.
func FuzzFirehoseFrame(f *testing.F) {
	seeds := firehoseSeeds(f)
	// The valid seeds must give every kind of event, lest the checks
	// below hold vacuously.
	seen := map[string]bool{}
	for _, fr := range seeds {
		f.Add(fr)
		msgs, _, _ := decodeFrame(fr)
		for _, m := range msgs {
			switch {
			case m.drop != "":
				seen["drop "+m.drop] = true
			case m.ev.Commit != nil:
				seen[m.ev.Commit.Op.String()+" "+m.ev.Commit.Collection.String()] = true
			default:
				seen[m.ev.Kind.String()] = true
			}
		}
	}
	for _, want := range []string{"create " + CollectionPost, "update " + CollectionPost, "delete " + CollectionPost, "create " + CollectionLike,
		"create " + CollectionFollow, "create " + CollectionRepost, "create " + CollectionListItem, "create " + lexicons.Pin,
		"create app.bsky.actor.profile", "delete " + CollectionLike, "account", "identity", "unknown",
		"drop " + ReasonMalformedFrame, "drop " + ReasonMalformedCAR, "drop " + ReasonTooBig, "drop " + ReasonInvalidTime, "drop " + ReasonInvalidDID} {
		if !seen[want] {
			f.Errorf("no seed gives %s (got %v)", want, seen)
		}
	}
	now := testNow
	ix := &Indexer{cfg: Config{Now: func() time.Time { return now }, MaxFuture: 5 * time.Minute}}
	f.Fuzz(func(t *testing.T, data []byte) {
		hang := time.AfterFunc(10*time.Second, func() { panic("firehose frame: no answer in 10s") })
		before := heapAllocs()
		msgs, xev, refused := decodeFrame(data)
		allocated := heapAllocs() - before
		hang.Stop()
		if budget := uint64(8<<20 + 64*len(data)); allocated > budget {
			t.Fatalf("a %d-byte frame allocated %d bytes (budget %d)", len(data), allocated, budget)
		}
		if refused {
			return
		}
		checkFrameCursors(t, xev, msgs)
		for i, m := range msgs {
			checkFirehoseMessage(t, xev, m)
			ix.admit(&m)
			if m.cursor < 0 || m.cursor > store.MaxCursor {
				t.Fatalf("message %d: admitted cursor %d", i, m.cursor)
			}
			if m.drop != "" && (m.ev.Kind != 0 || m.ev.Commit != nil || m.ev.DID != "") {
				t.Fatalf("message %d: dropped (%s) but still carries %+v", i, m.drop, m.ev)
			}
		}
	})
}

var dropReasonRE = regexp.MustCompile(`^[a-z][a-z_]*$`)

// checkFrameCursors holds a frame's messages to the cursor rules: one
// message per operation of a commit (or one for the whole commit), the
// last at the commit's seq and the others just before it; one at its seq
// for an account, identity or sync frame.
func checkFrameCursors(t *testing.T, xev *events.XRPCStreamEvent, msgs []message) {
	t.Helper()
	if xev == nil {
		if len(msgs) != 1 || msgs[0].drop == "" || msgs[0].cursor != 0 {
			t.Fatalf("an unreadable frame: got %+v, want one drop without a cursor", msgs)
		}
		return
	}
	var seq int64
	switch {
	case xev.RepoCommit != nil:
		c := xev.RepoCommit
		seq = c.Seq
		if len(msgs) == 0 || len(msgs) != 1 && len(msgs) != len(c.Ops) {
			t.Fatalf("a commit of %d operations gave %d messages", len(c.Ops), len(msgs))
		}
		for i, m := range msgs[:len(msgs)-1] {
			if m.cursor != seq-1 {
				t.Fatalf("operation %d of a commit at seq %d: cursor %d, want %d", i, seq, m.cursor, seq-1)
			}
		}
	case xev.RepoAccount != nil:
		seq = xev.RepoAccount.Seq
	case xev.RepoIdentity != nil:
		seq = xev.RepoIdentity.Seq
	case xev.RepoSync != nil:
		seq = xev.RepoSync.Seq
	default:
		// #labels, and types we do not know: ignored, as the protocol
		// asks of its consumers.
		if len(msgs) != 0 {
			t.Fatalf("a frame of no kind we follow gave %+v", msgs)
		}
		return
	}
	if len(msgs) == 0 {
		t.Fatalf("a frame at seq %d gave no message: its position is lost", seq)
	}
	if last := msgs[len(msgs)-1]; last.cursor != seq {
		t.Fatalf("last message of a frame at seq %d: cursor %d", seq, last.cursor)
	}
	if xev.RepoCommit == nil && len(msgs) != 1 {
		t.Fatalf("a frame at seq %d gave %d messages, want 1", seq, len(msgs))
	}
}

// checkFirehoseMessage checks one message as firehoseMessages made it.
func checkFirehoseMessage(t *testing.T, xev *events.XRPCStreamEvent, m message) {
	t.Helper()
	if m.drop != "" {
		if !dropReasonRE.MatchString(m.drop) {
			t.Fatalf("drop reason %q is not a metric label", m.drop)
		}
		if m.ev != (Event{}) {
			t.Fatalf("dropped (%s) but carries %+v", m.drop, m.ev)
		}
		return
	}
	if m.ev.Kind == 0 {
		// Only a position to move to: a #sync, or a commit of no
		// operations. Anything else would be a rejection without a
		// reason.
		if m.ev != (Event{}) {
			t.Fatalf("an event of no kind: %+v", m.ev)
		}
		if xev == nil || !(xev.RepoSync != nil || xev.RepoCommit != nil && len(xev.RepoCommit.Ops) == 0) {
			t.Fatalf("neither an event nor a drop reason, cursor %d", m.cursor)
		}
		return
	}
	ev := m.ev
	if ev.Cursor != m.cursor {
		t.Fatalf("event cursor %d, message cursor %d", ev.Cursor, m.cursor)
	}
	checkEvent(t, ev)

	// The same event as Jetstream would carry it reads the same.
	line, err := EncodeJetstream(ev)
	if err != nil {
		t.Fatalf("accepted event does not encode: %v\n%+v", err, ev)
	}
	back, err := DecodeJetstream(line)
	if err != nil {
		t.Fatalf("accepted event, written as Jetstream, is refused: %v\n%s", err, line)
	}
	c, b := ev.Commit, back.Commit
	if back.Kind != ev.Kind || back.DID != ev.DID || back.TimeUS != ev.TimeUS || (c == nil) != (b == nil) {
		t.Fatalf("Jetstream reads another event:\n%+v\n%+v", ev, back)
	}
	if c != nil && (b.Op != c.Op || b.Collection != c.Collection || b.RKey != c.RKey || b.CID != c.CID ||
		b.Subject != c.Subject || b.Followed != c.Followed ||
		(b.Post == nil) != (c.Post == nil) || (b.Repost == nil) != (c.Repost == nil) ||
		(b.ListItem == nil) != (c.ListItem == nil) || (b.Data == nil) != (c.Data == nil)) {
		t.Fatalf("Jetstream reads another commit:\n%+v\n%+v", c, b)
	}
}

// checkEvent holds an accepted event to what DecodeJetstream guarantees
// and the apply step relies on.
func checkEvent(t *testing.T, ev Event) {
	t.Helper()
	if _, err := syntax.ParseDID(ev.DID.String()); err != nil {
		t.Fatalf("accepted event with DID %q: %v", ev.DID, err)
	}
	if ev.TimeUS <= 0 {
		t.Fatalf("accepted event with time %d", ev.TimeUS)
	}
	switch ev.Kind {
	case KindCommit:
		if ev.Commit == nil || ev.Account != nil || ev.Identity != nil {
			t.Fatalf("commit event with bodies %+v", ev)
		}
		checkCommit(t, ev.Commit)
	case KindAccount:
		if ev.Account == nil || ev.Commit != nil || ev.Identity != nil {
			t.Fatalf("account event with bodies %+v", ev)
		}
	case KindIdentity:
		if ev.Identity == nil || ev.Commit != nil || ev.Account != nil {
			t.Fatalf("identity event with bodies %+v", ev)
		}
	default:
		t.Fatalf("accepted event of kind %d", ev.Kind)
	}
}

func checkCommit(t *testing.T, c *Commit) {
	t.Helper()
	if c.Op != OpCreate && c.Op != OpUpdate && c.Op != OpDelete {
		t.Fatalf("commit with operation %d", c.Op)
	}
	coll := c.Collection.String()
	if _, err := syntax.ParseNSID(coll); err != nil {
		t.Fatalf("commit with collection %q: %v", coll, err)
	}
	if _, err := parseNSID(coll); err != nil {
		t.Fatalf("commit with collection %q the Jetstream decoder refuses: %v", coll, err)
	}
	if _, err := syntax.ParseRecordKey(c.RKey.String()); err != nil {
		t.Fatalf("commit with record key %q: %v", c.RKey, err)
	}
	records := 0
	for _, set := range []bool{c.Post != nil, c.Repost != nil, c.ListItem != nil, c.Data != nil} {
		if set {
			records++
		}
	}
	if records > 1 {
		t.Fatalf("commit with %d records: %+v", records, c)
	}
	if c.Op == OpDelete {
		if c.CID != "" || records > 0 || c.Subject != "" || c.Followed != "" {
			t.Fatalf("delete with a body: %+v", c)
		}
		return
	}
	if _, err := syntax.ParseCID(c.CID.String()); err != nil {
		t.Fatalf("%s without a CID: %q: %v", c.Op, c.CID, err)
	}
	switch {
	case coll == CollectionPost:
		if c.Post == nil || c.Post.LexiconTypeID != coll {
			t.Fatalf("post without its record: %+v", c)
		}
		if e := c.Post.Embed; e != nil && e.EmbedImages == nil && e.EmbedVideo == nil && e.EmbedGallery == nil &&
			e.EmbedExternal == nil && e.EmbedRecord == nil && e.EmbedRecordWithMedia == nil {
			t.Fatalf("post with an empty embed")
		}
		if l := c.Post.Labels; l != nil && l.LabelDefs_SelfLabels == nil {
			t.Fatalf("post with empty labels")
		}
		if c.Subject != "" || c.Followed != "" {
			t.Fatalf("post with a subject: %+v", c)
		}
	case coll == CollectionRepost:
		if c.Repost == nil || c.Repost.LexiconTypeID != coll || c.Repost.Subject == nil {
			t.Fatalf("repost without its record: %+v", c)
		}
		if u, err := parsePostURI(c.Subject.String()); err != nil || u.String() != c.Repost.Subject.Uri {
			t.Fatalf("repost of %q, subject %q: %v", c.Repost.Subject.Uri, c.Subject, err)
		}
	case coll == CollectionListItem:
		if c.ListItem == nil || c.ListItem.LexiconTypeID != coll {
			t.Fatalf("list item without its record: %+v", c)
		}
	case coll == CollectionLike:
		if _, err := parsePostURI(c.Subject.String()); err != nil || records > 0 || c.Followed != "" {
			t.Fatalf("like of %q: %v (%+v)", c.Subject, err, c)
		}
	case coll == CollectionFollow:
		if _, err := syntax.ParseDID(c.Followed.String()); err != nil || records > 0 || c.Subject != "" {
			t.Fatalf("follow of %q: %v (%+v)", c.Followed, err, c)
		}
	case Generic(coll):
		if c.Data == nil {
			t.Fatalf("curation record without its data: %+v", c)
		}
		if typ, _ := c.Data["$type"].(string); typ != coll {
			t.Fatalf("curation record of $type %q in %s", typ, coll)
		}
	default:
		if records > 0 || c.Subject != "" || c.Followed != "" {
			t.Fatalf("record of a collection we ignore, decoded: %+v", c)
		}
	}
}

var allocSample = []rtmetrics.Sample{{Name: "/gc/heap/allocs:bytes"}}

// heapAllocs is how many bytes the process has allocated so far.
func heapAllocs() uint64 {
	rtmetrics.Read(allocSample)
	return allocSample[0].Value.Uint64()
}

// firehoseSeeds are frames as a relay sends them, and a few it should
// not: truncated, corrupted, or with a header we drop.
func firehoseSeeds(tb testing.TB) [][]byte {
	at := testNow.Add(-time.Minute)
	created := at.Format(time.RFC3339)
	liked := postURI(did(2), "3kp")
	post := &bsky.FeedPost{Text: "Armenia and Azerbaijan sign", CreatedAt: created, Langs: []string{"en"},
		Facets: []*bsky.RichtextFacet{{Index: &bsky.RichtextFacet_ByteSlice{ByteStart: 0, ByteEnd: 7},
			Features: []*bsky.RichtextFacet_Features_Elem{{RichtextFacet_Tag: &bsky.RichtextFacet_Tag{Tag: "peace"}}}}},
		Embed: &bsky.FeedPost_Embed{EmbedExternal: &bsky.EmbedExternal{External: &bsky.EmbedExternal_External{Uri: "https://example.com", Title: "t", Description: "d"}}},
		Reply: &bsky.FeedPost_ReplyRef{Root: &comatproto.RepoStrongRef{Uri: liked.String(), Cid: cidA}, Parent: &comatproto.RepoStrongRef{Uri: liked.String(), Cid: cidA}},
	}
	like := &bsky.FeedLike{LexiconTypeID: CollectionLike, CreatedAt: created, Subject: &comatproto.RepoStrongRef{Uri: liked.String(), Cid: cidA}}
	follow := &bsky.GraphFollow{LexiconTypeID: CollectionFollow, CreatedAt: created, Subject: did(3).String()}
	repost := &bsky.FeedRepost{LexiconTypeID: CollectionRepost, CreatedAt: created, Subject: &comatproto.RepoStrongRef{Uri: liked.String(), Cid: cidA}}
	item := &bsky.GraphListitem{LexiconTypeID: CollectionListItem, CreatedAt: created, List: "at://" + did(1).String() + "/app.bsky.graph.list/3kq", Subject: did(4).String()}
	pin := genericRec{"$type": lexicons.Pin, "feed": "sc-peace", "subject": liked.String(), "createdAt": created}

	var seeds [][]byte
	add := func(c *comatproto.SyncSubscribeRepos_Commit) []byte {
		fr := serializeFrame(tb, &events.XRPCStreamEvent{RepoCommit: c})
		seeds = append(seeds, fr)
		return fr
	}
	postFrame := add(commitOf(tb, 10, did(1), at, []fhOp{{action: "create", path: CollectionPost + "/3ka", post: post}}))
	add(commitOf(tb, 11, did(1), at, []fhOp{{action: "update", path: CollectionPost + "/3ka", post: &bsky.FeedPost{Text: "cats", CreatedAt: created}}}))
	add(commitOf(tb, 12, did(5), at, []fhOp{{action: "create", path: CollectionLike + "/3kl", rec: like}}))
	add(commitOf(tb, 13, did(1), at, []fhOp{{action: "delete", path: CollectionPost + "/3ka"}}))
	multi := add(commitOf(tb, 14, did(6), at, []fhOp{
		{action: "create", path: CollectionFollow + "/3kf", rec: follow},
		{action: "create", path: CollectionRepost + "/3kr", rec: repost},
		{action: "create", path: CollectionListItem + "/3ki", rec: item},
		{action: "create", path: lexicons.Pin + "/3kn", rec: pin},
		{action: "delete", path: CollectionLike + "/3kz"},
		{action: "create", path: "app.bsky.actor.profile/self", rec: follow},
	}))
	add(commitOf(tb, 15, did(7), at, nil))

	// Commits the decoder drops whole, or op by op.
	c := commitOf(tb, 16, did(1), at, []fhOp{{action: "create", path: CollectionPost + "/3kb", post: &bsky.FeedPost{Text: "x", CreatedAt: created}}})
	c.TooBig = true
	add(c)
	c = commitOf(tb, 17, did(1), at, []fhOp{{action: "create", path: CollectionPost + "/3kb", post: &bsky.FeedPost{Text: "x", CreatedAt: created}}})
	c.Time = "yesterday"
	add(c)
	c = commitOf(tb, 0, syntax.DID("did:bad"), at, []fhOp{{action: "create", path: CollectionLike + "/3kl", rec: like}})
	add(c)
	c = commitOf(tb, 1, did(1), at, []fhOp{
		{action: "create", path: CollectionPost + "/3kc", post: &bsky.FeedPost{Text: "y", CreatedAt: created}},
		{action: "create", path: CollectionFollow + "/3kg", rec: like},
		{action: "create", path: CollectionPost + "/../x"},
		{action: "burn", path: CollectionPost + "/3kd"},
	})
	c.Blocks = c.Blocks[:len(c.Blocks)-3]
	add(c)

	// Accounts, identities, and the frames that only move the cursor or
	// end the connection.
	status, handle, msg := "takendown", "alice.test", "outdated cursor"
	for _, xev := range []*events.XRPCStreamEvent{
		{RepoAccount: &comatproto.SyncSubscribeRepos_Account{Did: did(8).String(), Seq: 20, Time: at.Format(time.RFC3339Nano), Active: false, Status: &status}},
		{RepoAccount: &comatproto.SyncSubscribeRepos_Account{Did: did(8).String(), Seq: 21, Time: at.Format(time.RFC3339Nano), Active: true}},
		{RepoIdentity: &comatproto.SyncSubscribeRepos_Identity{Did: did(9).String(), Seq: 22, Time: at.Format(time.RFC3339Nano), Handle: &handle}},
		{RepoSync: &comatproto.SyncSubscribeRepos_Sync{Did: did(9).String(), Seq: 23, Time: at.Format(time.RFC3339Nano), Rev: "3m4aqfchvg4k7", Blocks: []byte{}}},
		{RepoInfo: &comatproto.SyncSubscribeRepos_Info{Name: "OutdatedCursor", Message: &msg}},
		{Error: &events.ErrorFrame{Error: "FutureCursor", Message: "cursor in the future"}},
	} {
		seeds = append(seeds, serializeFrame(tb, xev))
	}

	// Truncated and corrupted frames.
	for _, fr := range [][]byte{postFrame, multi} {
		seeds = append(seeds, fr[:len(fr)/2], fr[:len(fr)-1])
		flipped := bytes.Clone(fr)
		flipped[len(fr)-20] ^= 0xff
		seeds = append(seeds, flipped)
	}
	seeds = append(seeds, []byte{}, []byte{0xa1, 0x62, 0x6f, 0x70, 0x01}, []byte("not a frame"))

	// Regressions. A CAR whose header claims 32 MiB, in a frame of a few
	// hundred bytes (see also testdata/fuzz/FuzzFirehoseFrame).
	c = commitOf(tb, 30, did(1), at, []fhOp{{action: "create", path: CollectionPost + "/3ke", post: &bsky.FeedPost{Text: "x", CreatedAt: created}}})
	c.Blocks = []byte{0x80, 0x80, 0x80, 0x10, 0xa2}
	add(c)
	// A curation record nesting arrays 10,000 deep (36 MB and a fifth of
	// a second to decode), and one within the limit.
	add(commitOf(tb, 31, did(1), at, []fhOp{{action: "create", path: lexicons.Pin + "/3kd", rec: deepRecord(lexicons.Pin, 10000)}}))
	add(commitOf(tb, 32, did(1), at, []fhOp{{action: "create", path: lexicons.Pin + "/3kd", rec: deepRecord(lexicons.Pin, 31)}}))
	return seeds
}

// rawRecord is a block of the CAR as it is, well formed or not.
type rawRecord []byte

func (r rawRecord) MarshalCBOR(w io.Writer) error {
	_, err := w.Write(r)
	return err
}

// deepRecord is a curation record of collection coll whose field "x"
// nests depth arrays.
func deepRecord(coll string, depth int) rawRecord {
	var b bytes.Buffer
	b.Write([]byte{0xa2, 0x65, '$', 't', 'y', 'p', 'e', 0x78, byte(len(coll))})
	b.WriteString(coll)
	b.Write([]byte{0x61, 'x'})
	b.Write(bytes.Repeat([]byte{0x81}, depth))
	b.WriteByte(0x00)
	return b.Bytes()
}

// What the fuzzer found: a CAR section longer than the CAR is refused
// before go-car allocates it, and a curation record nested past the data
// model's limit before the generic decoder spends kilobytes a level on it.
func TestFirehoseFrameLimits(t *testing.T) {
	frame := func(c *comatproto.SyncSubscribeRepos_Commit) []message {
		t.Helper()
		before := heapAllocs()
		msgs, _, _ := decodeFrame(serializeFrame(t, &events.XRPCStreamEvent{RepoCommit: c}))
		if n := heapAllocs() - before; n > 4<<20 {
			t.Errorf("a small frame allocated %d bytes", n)
		}
		if len(msgs) != 1 {
			t.Fatalf("got %d messages, want 1", len(msgs))
		}
		return msgs
	}
	c := commitOf(t, 1, did(1), testNow, []fhOp{{action: "create", path: CollectionPost + "/3ka", post: &bsky.FeedPost{Text: "x"}}})
	c.Blocks = []byte{0x80, 0x80, 0x80, 0x10, 0xa2}
	if m := frame(c); m[0].drop != ReasonMalformedCAR {
		t.Errorf("a CAR header of 32 MiB in 5 bytes: drop %q, want %s", m[0].drop, ReasonMalformedCAR)
	}
	for _, tc := range []struct {
		depth int
		drop  string
	}{{30, ""}, {31, ""}, {32, ReasonInvalidRecord}, {10000, ReasonInvalidRecord}} {
		// The record's own map is one level, its field x another.
		m := frame(commitOf(t, 2, did(1), testNow, []fhOp{{action: "create", path: lexicons.Pin + "/3kd", rec: deepRecord(lexicons.Pin, tc.depth)}}))
		if m[0].drop != tc.drop {
			t.Errorf("a record with %d levels of arrays: drop %q, want %q", tc.depth, m[0].drop, tc.drop)
		}
	}
}
