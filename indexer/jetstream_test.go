package indexer

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// fakeJetstream serves recorded events over a websocket like Jetstream:
// from the cursor asked for (time_us >= cursor), or from the start. Each
// connection's behaviour is scripted by its number.
type fakeJetstream struct {
	t      *testing.T
	events []Event
	lines  [][]byte
	// script runs per connection after the handshake; it returns when the
	// connection should end. send writes the stored events from the
	// cursor, stopping after limit (-1: all) and pausing gap between.
	script func(conn int, c *websocket.Conn, send func(limit int, gap time.Duration) error)

	mu      sync.Mutex
	conns   int
	queries []string
}

func newFakeJetstream(t *testing.T, events []Event) (*fakeJetstream, *httptest.Server) {
	f := &fakeJetstream{t: t, events: events}
	for _, ev := range events {
		b, err := EncodeJetstream(ev)
		if err != nil {
			t.Fatal(err)
		}
		f.lines = append(f.lines, b)
	}
	srv := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeJetstream) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/subscribe" {
		http.NotFound(w, r)
		return
	}
	f.mu.Lock()
	f.conns++
	n := f.conns
	f.queries = append(f.queries, r.URL.RawQuery)
	f.mu.Unlock()
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	// Answer pings while the script writes.
	ctx := c.CloseRead(r.Context())
	from := int64(0)
	if s := r.URL.Query().Get("cursor"); s != "" {
		from, _ = strconv.ParseInt(s, 10, 64)
	}
	next := 0
	for next < len(f.events) && f.events[next].TimeUS < from {
		next++
	}
	send := func(limit int, gap time.Duration) error {
		for sent := 0; next < len(f.lines) && (limit < 0 || sent < limit); sent++ {
			if err := c.Write(ctx, websocket.MessageText, f.lines[next]); err != nil {
				return err
			}
			next++
			if gap > 0 {
				time.Sleep(gap)
			}
		}
		return nil
	}
	f.script(n, c, send)
}

func (f *fakeJetstream) query(i int) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i >= len(f.queries) {
		return ""
	}
	return f.queries[i]
}

func wsURL(srv *httptest.Server) string {
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/subscribe"
}

// streamEvents is a small mixed stream with on-topic posts to look for.
func streamEvents(n int) []Event {
	b := newEvb()
	var out []Event
	for i := range n {
		text := "chatter"
		if i%3 == 0 {
			text = "Armenia update " + strconv.Itoa(i)
		}
		out = append(out, b.post(did(i%7+1), "3k"+strconv.Itoa(100000+i), text))
	}
	return out
}

// runUntil runs the indexer until cond holds, then stops it and returns
// Run's error.
func runUntil(t *testing.T, ti *testIndexer, cond func() bool) error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- ti.Run(ctx) }()
	deadline := time.After(20 * time.Second)
	for !cond() {
		select {
		case err := <-errc:
			cancel()
			t.Fatalf("indexer stopped early: %v", err)
		case <-deadline:
			cancel()
			<-errc
			t.Fatalf("condition not met in time; status %+v", ti.Status())
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	return <-errc
}

func wantFeedOf(events []Event) []string {
	var out []string
	for _, ev := range slices.Backward(events) {
		if strings.Contains(ev.Commit.Post.Text, "Armenia") {
			out = append(out, ev.URI().String())
		}
	}
	return out
}

func TestJetstreamReconnectsAndResumes(t *testing.T) {
	events := streamEvents(90)
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		if conn == 1 {
			// Thirty events, then the connection drops without a close.
			send(30, 0)
			return
		}
		send(-1, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, nil)
	// Done when the last event is committed: the second connection sends
	// the first thirty again, so a count of events read can reach 90
	// before the last of them is written.
	err := runUntil(t, ti, func() bool {
		c, _, _ := st.Cursor("jetstream")
		return c == events[89].TimeUS
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := feedURIs(t, st, testFeed), wantFeedOf(events); !slices.Equal(got, want) {
		t.Fatalf("feed: got %d items, want %d", len(got), len(want))
	}
	q := fake.query(0)
	for _, c := range []string{CollectionPost, CollectionRepost} {
		if !strings.Contains(q, "wantedCollections="+c) {
			t.Errorf("first query %q does not ask for %s", q, c)
		}
	}
	if strings.Contains(q, "cursor=") {
		t.Errorf("first query %q has a cursor; a fresh database starts live", q)
	}
	wantCursor := events[29].TimeUS - 5_000_000
	if q := fake.query(1); !strings.Contains(q, "cursor="+strconv.FormatInt(wantCursor, 10)) {
		t.Errorf("reconnect query %q, want cursor=%d (last seen minus 5s)", q, wantCursor)
	}
	if got := ti.counter(t, "feedgen_indexer_reconnects_total"); got < 1 {
		t.Errorf("reconnects: got %v, want at least 1", got)
	}
	if c, _, _ := st.Cursor("jetstream"); c != events[89].TimeUS {
		t.Errorf("saved cursor: got %d, want the last event's time %d", c, events[89].TimeUS)
	}

	// A restart resumes from the saved cursor, rewound.
	ti2 := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, nil)
	runUntil(t, ti2, func() bool { return ti2.Status().Events > 0 })
	wantCursor = events[89].TimeUS - 5_000_000
	fake.mu.Lock()
	last := fake.queries[len(fake.queries)-1]
	fake.mu.Unlock()
	if !strings.Contains(last, "cursor="+strconv.FormatInt(wantCursor, 10)) {
		t.Errorf("restart query %q, want cursor=%d", last, wantCursor)
	}
	if c, _, _ := st.Cursor("jetstream"); c != events[89].TimeUS {
		t.Errorf("cursor after the rewound restart: got %d, want it not to move back from %d", c, events[89].TimeUS)
	}
}

func TestJetstreamDropsGarbageFrames(t *testing.T) {
	events := streamEvents(20)
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		ctx := context.Background()
		send(5, 0)
		c.Write(ctx, websocket.MessageText, []byte("{not json"))
		c.Write(ctx, websocket.MessageText, []byte(`{"did":"did:plc:x","time_us":1,"kind":"gossip"}`))
		c.Write(ctx, websocket.MessageText, []byte("\xff\xfe"))
		c.Write(ctx, websocket.MessageBinary, []byte{0x28, 0xb5, 0x2f, 0xfd})
		c.Write(ctx, websocket.MessageText, []byte(`{"x":"`+strings.Repeat("a", MaxEventSize+1000)+`"}`))
		send(-1, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, nil)
	if err := runUntil(t, ti, func() bool { return ti.Status().Events >= 25 }); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{ReasonMalformedJSON, ReasonUnknownKind, ReasonInvalidUTF8, ReasonBinaryFrame, ReasonTooLarge} {
		if got := ti.counter(t, "feedgen_indexer_dropped_events_total", "reason", r); got != 1 {
			t.Errorf("dropped %s: got %v, want 1", r, got)
		}
	}
	if got := ti.counter(t, "feedgen_indexer_reconnects_total"); got != 0 {
		t.Errorf("reconnects: got %v, want 0: garbage must not cost the connection", got)
	}
	if got, want := feedURIs(t, st, testFeed), wantFeedOf(events); !slices.Equal(got, want) {
		t.Errorf("feed: got %d items, want %d", len(got), len(want))
	}
}

func TestJetstreamStallMeansReconnect(t *testing.T) {
	events := streamEvents(30)
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		if conn == 1 {
			send(10, 0)
			// Silent but connected: answers pings, sends nothing.
			time.Sleep(time.Minute)
			return
		}
		send(-1, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, func(c *Config, _ *Deps) {
		c.StallTimeout = 300 * time.Millisecond
	})
	if err := runUntil(t, ti, func() bool { return ti.Status().Events >= 30 }); err != nil {
		t.Fatal(err)
	}
	if got := ti.counter(t, "feedgen_indexer_reconnects_total"); got < 1 {
		t.Errorf("reconnects: got %v, want at least 1 after the stall", got)
	}
}

func TestJetstreamSlowFramesAreNotAStall(t *testing.T) {
	events := streamEvents(12)
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		send(-1, 100*time.Millisecond)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, func(c *Config, _ *Deps) {
		c.StallTimeout = 400 * time.Millisecond
		c.PingInterval = 50 * time.Millisecond
	})
	if err := runUntil(t, ti, func() bool { return ti.Status().Events >= 12 }); err != nil {
		t.Fatal(err)
	}
	if got := ti.counter(t, "feedgen_indexer_reconnects_total"); got != 0 {
		t.Errorf("reconnects: got %v, want 0 for a slow but live stream", got)
	}
}

func TestJetstreamFailsOverToTheNextHost(t *testing.T) {
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	}))
	defer down.Close()
	events := streamEvents(10)
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		send(-1, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(down), wsURL(srv)}}, nil, nil)
	var status Status
	err := runUntil(t, ti, func() bool {
		status = ti.Status()
		return status.Events >= 10
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimPrefix(srv.URL, "http://"); status.Host != want || !status.Connected {
		t.Errorf("status: got host %q connected %v, want %q connected", status.Host, status.Connected, want)
	}
	if got := ti.counter(t, "feedgen_indexer_reconnects_total", "host", strings.TrimPrefix(srv.URL, "http://")); got != 1 {
		t.Errorf("reconnects to the second host: got %v, want 1", got)
	}
}

// Stopping the indexer commits what it read, with its cursor.
func TestJetstreamShutdownSavesTheCursor(t *testing.T) {
	events := streamEvents(40)
	fake, srv := newFakeJetstream(t, events)
	fake.script = func(conn int, c *websocket.Conn, send func(int, time.Duration) error) {
		send(25, 0)
		time.Sleep(time.Minute)
	}
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceJetstream, URLs: []string{wsURL(srv)}}, nil, func(c *Config, _ *Deps) {
		// Long enough that only the shutdown commits.
		c.BatchInterval = time.Hour
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- ti.Run(ctx) }()
	// Wait for the frames to be read: the writer holds them uncommitted.
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && ti.pending.Load() < 25 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if c, _, _ := st.Cursor("jetstream"); c != events[24].TimeUS {
		t.Fatalf("cursor after shutdown: got %d, want %d", c, events[24].TimeUS)
	}
	if got, want := feedURIs(t, st, testFeed), wantFeedOf(events[:25]); !slices.Equal(got, want) {
		t.Fatalf("feed after shutdown: got %d items, want %d", len(got), len(want))
	}
}
