package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// fakePLC serves DID documents of did:plc accounts whose PDS is pds.
func fakePLC(t *testing.T, pds string, dids ...string) string {
	m := map[string]string{}
	for _, d := range dids {
		m[d] = ""
	}
	return testutil.FakePLC(t, pds, m)
}

// feedgenRun runs the command line in this process with the FEEDGEN_*
// variables of env ("K=V") and returns its output; wantOK says whether it
// must succeed.
func feedgenRun(t *testing.T, env []string, wantOK bool, args ...string) string {
	t.Helper()
	out, err := runFeedgen(t, envMap(env), args...)
	if (err == nil) != wantOK {
		t.Fatalf("feedgen %s: err %v, want ok=%v: %s", strings.Join(args, " "), err, wantOK, out)
	}
	if err != nil {
		out += err.Error()
	}
	return out
}

// envMap turns KEY=VALUE lines into the map runFeedgen takes.
func envMap(env []string) map[string]string {
	m := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// feedgenJSON runs a command with --json and decodes what it printed on
// its output (notes go to the error stream).
func feedgenJSON(t *testing.T, env []string, v any, args ...string) {
	t.Helper()
	stdout, stderr, err := runFeedgenStreams(t, envMap(env), append(args, "--json")...)
	if err != nil {
		t.Fatalf("feedgen %s: %v: %s", strings.Join(args, " "), err, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), v); err != nil {
		t.Fatalf("feedgen %s --json: %v: %q", strings.Join(args, " "), err, stdout)
	}
}

// The curation commands work on the database file when no server runs
// and through the admin API when one does, with the same results.
func TestCurationCommandsLocalAndRemote(t *testing.T) {
	const alice = "did:plc:aliceaaaaaaaaaaaaaaaaaaa"
	const bob = "did:plc:bobbbbbbbbbbbbbbbbbbbbbb"
	pds := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(pds.Close)
	plc := fakePLC(t, pds.URL, alice, bob)
	db := filepath.Join(t.TempDir(), "feedgen.db")
	post := syntax.ATURI("at://" + bob + "/app.bsky.feed.post/3kbobpost222")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		return tx.PutPost(&model.Post{URI: post, CID: "x", Author: bob, IndexedUS: 1000, Text: "Tbilisi protest",
			Feeds: []model.Membership{{Feed: "sc-peace", Score: 3, Reasons: []string{"place:Tbilisi(+2)"}}}})
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	offline := []string{"FEEDGEN_DB=" + db, "FEEDGEN_PLC_URL=" + plc, "FEEDGEN_ADMIN_URL=http://127.0.0.1:1"}

	out := feedgenRun(t, offline, true, "authors", "add", alice, "--tier", "all", "--note", "newsroom")
	if !strings.Contains(out, alice+" (-) is now all") {
		t.Errorf("authors add: %s", out)
	}
	out = feedgenRun(t, offline, true, "block", "https://bsky.app/profile/"+bob+"/post/3kbobpost222", "--note", "spam")
	if !strings.Contains(out, "blocked "+string(post)+"; it left: sc-peace") {
		t.Errorf("block: %s", out)
	}
	out = feedgenRun(t, offline, false, "authors", "add", "did:plc:ghostggggggggggggggggggg")
	if !strings.Contains(out, "UnknownDID") {
		t.Errorf("unknown DID: %s", out)
	}

	s := startService(t, localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_PLC_URL="+plc, "FEEDGEN_ADMIN_TOKENS="+testToken), shutdownBudget)
	online := []string{"FEEDGEN_DB=" + db, "FEEDGEN_ADMIN_URL=http://" + s.Addr(), "FEEDGEN_ADMIN_TOKENS=" + testToken}

	var list struct {
		Authors []struct {
			DID, AddedBy, Note string
			Effective          string `json:"effectiveTier"`
		}
	}
	feedgenJSON(t, online, &list, "authors", "list")
	if len(list.Authors) != 1 || list.Authors[0].DID != alice || list.Authors[0].Effective != "all" ||
		!strings.HasPrefix(list.Authors[0].AddedBy, "cli") || list.Authors[0].Note != "newsroom" {
		t.Errorf("authors list through the server: %+v", list)
	}
	out = feedgenRun(t, online, true, "unblock", string(post))
	if !strings.Contains(out, "back in: sc-peace") || !strings.Contains(skeletonBody(t, s.Addr()), string(post)) {
		t.Errorf("unblock: %s", out)
	}
	out = feedgenRun(t, online, true, "explain", string(post))
	if !strings.Contains(out, "sc-peace: IN: in the feed") || !strings.Contains(out, "place:Tbilisi(+2)") {
		t.Errorf("explain: %s", out)
	}
	out = feedgenRun(t, online, false, "pin", "at://not-a-uri")
	if !strings.Contains(out, "InvalidURI") || !strings.Contains(out, "HTTP 400") {
		t.Errorf("pin malformed: %s", out)
	}
	var audit struct {
		Entries []struct{ Actor, Action, Target string }
	}
	feedgenJSON(t, online, &audit, "audit")
	var got []string
	for _, e := range audit.Entries {
		got = append(got, e.Action)
	}
	if strings.Join(got, ",") != "unblock,block,author.add" || audit.Entries[0].Actor != "ops" || !strings.HasPrefix(audit.Entries[1].Actor, "cli") {
		t.Errorf("audit: %+v", audit.Entries)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}
