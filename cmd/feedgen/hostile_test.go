package main

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

// hostileJetstream sends a few posts, one dated time_us = 9e18, a few more, and then holds
// the connection open, on every connection.
func hostileJetstream(t *testing.T) *httptest.Server {
	t.Helper()
	var lines [][]byte
	base := time.Now().Add(-time.Minute).UnixMicro()
	for i := range 6 {
		us := base + int64(i)*1000
		if i == 3 {
			us = 9e18
		}
		ev := indexer.Event{Kind: indexer.KindCommit, DID: "did:plc:hostilestreamauthor00000", TimeUS: us, Commit: &indexer.Commit{
			Op: indexer.OpCreate, Rev: "3m4aqfchvg4k7", Collection: indexer.CollectionPost,
			RKey: syntax.RecordKey(fmt.Sprintf("3khostile%d", i)), CID: "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a",
			Post: &bsky.FeedPost{Text: "Armenia and Azerbaijan sign the peace treaty", CreatedAt: time.UnixMicro(base).UTC().Format(time.RFC3339)},
		}}
		b, err := indexer.EncodeJetstream(ev)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, b)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx := c.CloseRead(r.Context())
		for _, l := range lines {
			if c.Write(ctx, websocket.MessageText, l) != nil {
				return
			}
		}
		<-ctx.Done()
	}))
	t.Cleanup(srv.Close)
	return srv
}

// health reads /xrpc/_health and fails the test on any status but 200 and 503.
func health(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/xrpc/_health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 && resp.StatusCode != 503 {
		t.Fatalf("health: got %d %s, want 200 or 503", resp.StatusCode, body)
	}
	return string(body)
}

// Issue 9's crash loop: after an event with time_us = 9e18 the service keeps serving, health
// never answers 500, and a restart comes up cleanly.
func TestServeSurvivesAnEventFromTheYear287000(t *testing.T) {
	js := hostileJetstream(t)
	db := filepath.Join(t.TempDir(), "feedgen.db")
	env := localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_SOURCE=ws"+strings.TrimPrefix(js.URL, "http")+"/subscribe")
	s := startService(t, env, shutdownBudget)
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(health(t, s.Addr()), `"events":6`) {
		if time.Now().After(deadline) {
			t.Fatalf("the indexer did not take the six events: %s", health(t, s.Addr()))
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // a batch commits within 200ms
	health(t, s.Addr())
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := st.Cursor("jetstream")
	n := st.FeedLen("sc-peace")
	st.Close()
	if err != nil || c > time.Now().UnixMicro() {
		t.Fatalf("saved cursor %d (%v), want a time before now", c, err)
	}
	if n != 5 {
		t.Errorf("feed holds %d posts, want the 5 sane ones", n)
	}

	// The restart comes up and keeps running.
	s = startService(t, env, shutdownBudget)
	time.Sleep(500 * time.Millisecond)
	if !strings.Contains(health(t, s.Addr()), `"connected":true`) {
		t.Errorf("after the restart the indexer is not following the stream: %s", health(t, s.Addr()))
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}

// A database from a version without the bounds may hold the corrupt cursor already: serve
// stops and says what to run, and after `feedgen cursor reset` it comes up.
func TestCorruptCursorRecovery(t *testing.T) {
	js := hostileJetstream(t)
	db := filepath.Join(t.TempDir(), "feedgen.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Update(context.Background(), func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte("meta")).Put([]byte("cursor/jetstream"), binary.BigEndian.AppendUint64(nil, 9e18))
	})
	st.Close()
	env := map[string]string{"FEEDGEN_DB": db}

	out, err := runFeedgen(t, env, "cursor", "show")
	if err != nil || !strings.Contains(out, "jetstream\tCORRUPT") || !strings.Contains(out, "cursor reset") {
		t.Fatalf("cursor show: %v\n%s", err, out)
	}

	source := "FEEDGEN_SOURCE=ws" + strings.TrimPrefix(js.URL, "http") + "/subscribe"
	s := startService(t, localEnv(t, "FEEDGEN_DB="+db, source), shutdownBudget)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		t.Fatal("serve kept running on a corrupt cursor")
	}
	if err := s.stop(); err == nil || !strings.Contains(err.Error(), "cursor reset") || !strings.Contains(err.Error(), db) {
		t.Errorf("serve stopped with %v, want it to say which command recovers", err)
	} else if d := doubledPrefix(err.Error()); d != "" {
		t.Errorf("serve stopped with %q: %q twice", err, d)
	}

	if out, err := runFeedgen(t, nil, "cursor", "reset", "--db", db, "jetstream"); err != nil {
		t.Fatalf("cursor reset: %v\n%s", err, out)
	}
	s = startService(t, localEnv(t, "FEEDGEN_DB="+db, source), shutdownBudget)
	health(t, s.Addr())
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	// set takes a number or, for jetstream, a time; never one in the future.
	if _, err := runFeedgen(t, env, "cursor", "set", "jetstream", "2026-03-01T12:00:00Z"); err != nil {
		t.Errorf("cursor set to a time: %v", err)
	}
	if _, err := runFeedgen(t, env, "cursor", "set", "jetstream", "9000000000000000000"); err == nil {
		t.Error("cursor set to the year 287000: got no error")
	}
	out, _ = runFeedgen(t, env, "cursor")
	if !strings.Contains(out, "jetstream\t1772366400000000\t2026-03-01T12:00:00Z") {
		t.Errorf("cursor show after set: got %q", out)
	}
}
