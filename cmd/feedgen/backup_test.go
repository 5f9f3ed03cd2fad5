package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const testToken = "ops=tok-ops-0123456789abcdefghij"

// seedStore writes a database file at path with n posts in sc-peace.
func seedStore(t *testing.T, path string, n int) {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const did = "did:plc:backupauthorxxxxxxxxxxx"
	var posts []*model.Post
	for i := range n {
		posts = append(posts, &model.Post{
			URI: syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kb%04d", did, i)), CID: "x",
			Author: syntax.DID(did), IndexedUS: int64(1000 + i), Feeds: []model.Membership{{Feed: "sc-peace"}},
		})
	}
	testutil.PutPosts(t, st, posts...)
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
	// Each answer has its own reqId: the feed is the rest.
	return reqIDField.ReplaceAllString(string(b), "")
}

var reqIDField = regexp.MustCompile(`,"reqId":"[^"]*"`)

// A backup taken while the server runs (through the admin API) and one
// taken from the file when it is stopped both restore to the same feed.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "feedgen.db")
	seedStore(t, db, 120)
	env := localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_TOKENS="+testToken)
	s := startService(t, env, shutdownBudget)
	want := skeletonBody(t, s.Addr())
	if strings.Count(want, `"post"`) != 100 {
		t.Fatalf("seeded feed not served: %s", want)
	}

	backup := func(name string, env ...string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		msg, err := runFeedgen(t, localEnv(t, append(env, "FEEDGEN_DB="+db)...), "backup", out)
		if err != nil {
			t.Fatalf("backup %s: %v: %s", name, err, msg)
		}
		return out
	}
	// The server holds the file lock: only the admin API can take this one.
	live := backup("live.db", "FEEDGEN_ADMIN_URL=http://"+s.Addr(), "FEEDGEN_ADMIN_TOKENS="+testToken)

	// A wrong token is refused and writes nothing.
	_, err := runFeedgen(t, localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_URL=http://"+s.Addr(), "FEEDGEN_ADMIN_TOKEN=wrong-token-0123456789abcdef"),
		"backup", filepath.Join(dir, "refused.db"))
	if err == nil || !strings.Contains(err.Error(), "InvalidToken") {
		t.Fatalf("backup with a wrong token: %v", err)
	}
	if _, err := store.Open(filepath.Join(dir, "refused.db"), store.Options{ReadOnly: true}); err == nil {
		t.Fatal("a refused backup left a file")
	}

	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	offline := backup("offline.db", "FEEDGEN_ADMIN_URL=http://127.0.0.1:1")

	for _, copy := range []string{live, offline} {
		r := startService(t, localEnv(t, "FEEDGEN_DB="+copy), shutdownBudget)
		if got := skeletonBody(t, r.Addr()); got != want {
			t.Errorf("restored %s serves a different feed", filepath.Base(copy))
		}
		if err := r.stop(); err != nil {
			t.Fatal(err)
		}
	}
}
