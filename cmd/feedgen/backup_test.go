package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const testToken = "ops=tok-ops-0123456789abcdefghij"

func seedStore(t *testing.T, path string, n int) {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		for i := range n {
			did := "did:plc:backupauthorxxxxxxxxxxx"
			if err := tx.PutPost(&model.Post{
				URI: syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kb%04d", did, i)), CID: "x",
				Author: syntax.DID(did), IndexedUS: int64(1000 + i), Feeds: []model.Membership{{Feed: "sc-peace"}},
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func skeletonBody(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/xrpc/app.bsky.feed.getFeedSkeleton?limit=100&feed=" +
		url.QueryEscape("at://did:web:localhost%3A3000/app.bsky.feed.generator/sc-peace"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// A backup taken while the server runs (through the admin API) and one
// taken from the file when it is stopped both restore to the same feed.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "feedgen.db")
	seedStore(t, db, 120)
	s := startServe(t, "FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+db, "FEEDGEN_SOURCE=none", "FEEDGEN_ADMIN_TOKENS="+testToken)
	want := skeletonBody(t, s.addr)
	if strings.Count(want, `"post"`) != 100 {
		t.Fatalf("seeded feed not served: %s", want)
	}

	backup := func(name string, env ...string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		cmd := exec.Command(feedgenBinary(t), "backup", out)
		cmd.Env = cleanEnv(append(env, "FEEDGEN_DB="+db)...)
		msg, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("backup %s: %v: %s", name, err, msg)
		}
		return out
	}
	// The server holds the file lock: only the admin API can take this one.
	live := backup("live.db", "FEEDGEN_ADMIN_URL=http://"+s.addr, "FEEDGEN_ADMIN_TOKENS="+testToken)

	// A wrong token is refused and writes nothing.
	cmd := exec.Command(feedgenBinary(t), "backup", filepath.Join(dir, "refused.db"))
	cmd.Env = cleanEnv("FEEDGEN_DB="+db, "FEEDGEN_ADMIN_URL=http://"+s.addr, "FEEDGEN_ADMIN_TOKEN=wrong-token-0123456789abcdef")
	if msg, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(msg), "InvalidToken") {
		t.Fatalf("backup with a wrong token: %v %s", err, msg)
	}
	if _, err := store.Open(filepath.Join(dir, "refused.db"), store.Options{ReadOnly: true}); err == nil {
		t.Fatal("a refused backup left a file")
	}

	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
	offline := backup("offline.db", "FEEDGEN_ADMIN_URL=http://127.0.0.1:1")

	for _, copy := range []string{live, offline} {
		r := startServe(t, "FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+copy, "FEEDGEN_SOURCE=none")
		if got := skeletonBody(t, r.addr); got != want {
			t.Errorf("restored %s serves a different feed", filepath.Base(copy))
		}
		r.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-r.done:
		case <-time.After(10 * time.Second):
			t.Fatal("restored server did not stop")
		}
	}
}
