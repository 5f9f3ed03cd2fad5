package indexer

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/store"
)

// A hostile (or broken) Jetstream: what it says about time and position must not end up
// stored, and must not stop the service.

func encoded(t *testing.T, ev Event) []byte {
	t.Helper()
	b, err := EncodeJetstream(ev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An event dated 9e18 µs (the year 287,000) used to become the saved cursor: health then
// answered 500 and every restart failed on a corrupt cursor. Such an event, and one an hour
// ahead of our clock, is dropped as bad input; the cursor, the feed and the status stay sane,
// and a restart resumes from the last good position.
func TestJetstreamAbsurdTimeIsNotStored(t *testing.T) {
	b := newEvb()
	good := streamEvents(6)
	absurd := b.post(did(9), "3kabsurd", "Armenia and Azerbaijan, from the year 287000")
	absurd.TimeUS, absurd.Cursor = 9e18, 9e18
	ahead := b.post(did(9), "3kahead", "Georgia, from an hour ahead")
	ahead.TimeUS = testNow.Add(time.Hour).UnixMicro()
	ahead.Cursor = ahead.TimeUS
	fake, srv := newFakeJetstream(t, good)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		if conn == 1 {
			send(3, 0)
			c.Write(context.Background(), websocket.MessageText, encoded(t, absurd))
			c.Write(context.Background(), websocket.MessageText, encoded(t, ahead))
			c.Write(context.Background(), websocket.MessageText, []byte(`{"did":"did:plc:x","time_us":9223372036854775807,"kind":"identity"}`))
		}
		send(-1, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	spec := SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}
	ti := newTestIndexer(t, st, spec, nil, nil)
	if err := runUntil(t, ti, func() bool { return ti.Status().Events >= 9 }); err != nil {
		t.Fatal(err)
	}
	if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", ReasonFutureTime); got != 3 {
		t.Errorf("dropped as future_time: got %v, want 3", got)
	}
	if c, _, err := st.Cursor("jetstream"); err != nil || c != good[5].TimeUS {
		t.Errorf("saved cursor: got %d (%v), want the last good event's time %d", c, err, good[5].TimeUS)
	}
	if got, want := feedURIs(t, st, testFeed), wantFeedOf(good); !slices.Equal(got, want) {
		t.Errorf("feed: got %q, want only the good events' %q", got, want)
	}
	status := ti.Status()
	if _, err := json.Marshal(status); err != nil {
		t.Errorf("status cannot be written as JSON: %v", err)
	}
	if !status.LastEvent.Equal(time.UnixMicro(good[5].TimeUS)) {
		t.Errorf("status: last event at %s, want the last good one", status.LastEvent)
	}

	// A restart comes up and resumes just before the last good event.
	ti2 := newTestIndexer(t, st, spec, nil, nil)
	if err := runUntil(t, ti2, func() bool { return ti2.Status().Events > 0 }); err != nil {
		t.Fatalf("restart: %v", err)
	}
	fake.mu.Lock()
	last := fake.queries[len(fake.queries)-1]
	fake.mu.Unlock()
	if want := "cursor=" + strconv.FormatInt(good[5].TimeUS-5_000_000, 10); !strings.Contains(last, want) {
		t.Errorf("restart query %q, want %s", last, want)
	}
}

// A stream that goes back in time (an instance replaying, a failover to one that lags)
// does not make a reconnect ask for less than the highest position already seen.
func TestJetstreamReconnectUsesTheHighestCursor(t *testing.T) {
	events := streamEvents(10)
	// The fifth event is the newest; the ones after it are older again.
	newest := events[4].TimeUS + 1_000_000_000
	events[4].TimeUS, events[4].Cursor = newest, newest
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		if conn == 1 {
			for _, l := range fake.lines[:8] {
				c.Write(context.Background(), websocket.MessageText, l)
			}
			return // the connection drops
		}
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, nil)
	if err := runUntil(t, ti, func() bool { return fake.query(1) != "" }); err != nil {
		t.Fatal(err)
	}
	if want := "cursor=" + strconv.FormatInt(newest-5_000_000, 10); !strings.Contains(fake.query(1), want) {
		t.Errorf("reconnect query %q, want %s (the highest seen, not the last)", fake.query(1), want)
	}
	if c, _, _ := st.Cursor("jetstream"); c != newest {
		t.Errorf("saved cursor: got %d, want the highest %d", c, newest)
	}
}

// A frame far beyond the event size limit is read through and dropped, without buffering
// it, and the connection goes on.
func TestJetstreamHugeFrameIsSkippedInBoundedMemory(t *testing.T) {
	events := streamEvents(10)
	huge := []byte(`{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"record":{"text":"` +
		strings.Repeat("Armenia ", 8<<20) + `"}}}`) // 64 MB
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		send(5, 0)
		c.Write(context.Background(), websocket.MessageText, huge)
		send(-1, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	// Reading through 64 MB under the race detector on a busy machine can
	// take longer than the tests' usual 2s stall timeout (which, rightly,
	// does not count bytes of a frame being thrown away as progress), and
	// than their 1s ping: the pong waits behind the frame.
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil,
		func(c *Config, _ *Deps) { c.StallTimeout, c.PingInterval = time.Minute, time.Minute })
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := runUntil(t, ti, func() bool { return ti.Status().Events >= 11 }); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", ReasonTooLarge); got != 1 {
		t.Errorf("dropped as too large: got %v, want 1", got)
	}
	if got := ti.counter(t, "feedgen_indexer_reconnects_total"); got != 0 {
		t.Errorf("reconnects: got %v, want 0", got)
	}
	// The test's own server writes the 64 MB; the indexer reads at most MaxEventSize of it.
	t.Logf("allocated %d KB while skipping a 64 MB frame", (after.TotalAlloc-before.TotalAlloc)>>10)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("reading past a 64 MB frame allocated %d MB, want it bounded by the event size limit", alloc>>20)
	}
	if got, want := feedURIs(t, st, testFeed), wantFeedOf(events); !slices.Equal(got, want) {
		t.Errorf("feed: got %d items, want %d", len(got), len(want))
	}
}

// The firehose's sequence number is its cursor: 2^63-1 cannot be stored, so the event
// carrying it is dropped and the position does not move; an event dated a year ahead is
// dropped but its (sane) position is kept.
func TestFirehoseAbsurdSequenceIsNotStored(t *testing.T) {
	alice := did(1)
	at := testNow.Add(-time.Minute)
	post := func(text string) *bsky.FeedPost {
		return &bsky.FeedPost{Text: text, CreatedAt: at.Format(time.RFC3339)}
	}
	fake := &fakeFirehose{dropAfter: 4}
	fake.add(10, commitFrame(t, 10, alice, at, []fhOp{{action: "create", path: CollectionPost + "/3ka", post: post("Armenia")}}))
	fake.add(math.MaxInt64, commitFrame(t, math.MaxInt64, alice, at, []fhOp{{action: "create", path: CollectionPost + "/3kmax", post: post("Azerbaijan at the end of time")}}))
	fake.add(11, commitFrame(t, 11, alice, testNow.AddDate(1, 0, 0), []fhOp{{action: "create", path: CollectionPost + "/3kyear", post: post("Georgia next year")}}))
	fake.add(12, commitFrame(t, 12, alice, at, []fhOp{{action: "create", path: CollectionPost + "/3kb", post: post("Armenia again")}}))
	srv := httptest.NewServer(fake)
	defer srv.Close()
	spec, err := ParseSource("ws" + strings.TrimPrefix(srv.URL, "http") + firehosePath)
	if err != nil {
		t.Fatal(err)
	}
	name, _ := spec.cursorName()
	st := mustOpen(t)
	ti := newTestIndexer(t, st, spec, nil, nil)
	if err := runUntil(t, ti, func() bool { return len(fake.queriesSoFar()) >= 2 }); err != nil {
		t.Fatal(err)
	}
	if c, _, err := st.Cursor(name); err != nil || c != 12 {
		t.Errorf("saved cursor: got %d (%v), want 12", c, err)
	}
	if q := fake.queriesSoFar(); q[1] != "cursor=12" {
		t.Errorf("reconnect query %q, want cursor=12", q[1])
	}
	// The fake sends the 2^63-1 frame again after every reconnect (it is "after" any cursor).
	if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", ReasonBadCursor); got < 1 {
		t.Errorf("dropped as %s: got %v, want at least 1", ReasonBadCursor, got)
	}
	if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", ReasonFutureTime); got != 1 {
		t.Errorf("dropped as %s: got %v, want 1", ReasonFutureTime, got)
	}
	want := []string{postURI(alice, "3kb").String(), postURI(alice, "3ka").String()}
	if got := feedURIs(t, st, testFeed); !slices.Equal(got, want) {
		t.Errorf("feed: got %q, want %q", got, want)
	}
}

func (f *fakeFirehose) queriesSoFar() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.queries)
}

// A database written by a version without these bounds may hold such a cursor. The indexer
// stops with an error that says exactly what to run, instead of jumping to live.
func TestCorruptCursorSaysHowToRecover(t *testing.T) {
	st := mustOpen(t)
	// What the old version stored after time_us = 9e18.
	st.Update(context.Background(), func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte("meta")).Put([]byte("cursor/jetstream"), binary.BigEndian.AppendUint64(nil, 9e18))
	})
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{"ws://127.0.0.1:1/subscribe"}}, nil, nil)
	err := ti.Run(context.Background())
	if !errors.Is(err, store.ErrCorruptCursor) {
		t.Fatalf("got %v, want ErrCorruptCursor", err)
	}
	for _, want := range []string{"feedgen cursor reset --db " + st.Path() + ` "jetstream"`, "cursor set"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}
