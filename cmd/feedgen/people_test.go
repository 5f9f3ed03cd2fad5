package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// The command line names people too: handle and display name, on the
// database file and through the server alike.
func TestCommandsNamePeople(t *testing.T) {
	const alice = "did:plc:aliceaaaaaaaaaaaaaaaaaaa"
	const bob = "did:plc:bobbbbbbbbbbbbbbbbbbbbbb"
	pds := testutil.NewFakePDS(t)
	pds.AddAccount(alice, "alice.test", "pw")
	pds.AddAccount(bob, "bob.test", "pw")
	pds.Put(alice, "app.bsky.actor.profile", "self", map[string]any{"$type": "app.bsky.actor.profile", "displayName": "Alice Aliyeva"})
	plc := testutil.FakePLC(t, pds.URL, map[string]string{alice: "alice.test", bob: "bob.test"})
	db := filepath.Join(t.TempDir(), "feedgen.db")
	queued := syntax.ATURI("at://" + alice + "/app.bsky.feed.post/3kalicepost1")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(t.Context(), func(tx *store.Tx) error {
		return tx.PutQueued(&model.Queued{Feed: "sc-peace", Post: model.Post{URI: queued, CID: "x", Author: alice, IndexedUS: 1000, Text: "Yerevan government"},
			Score: 2.5, Reasons: []string{"place:Yerevan(+2)"}, QueuedUS: 1000})
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"FEEDGEN_DB=" + db, "FEEDGEN_PLC_URL=" + plc, "FEEDGEN_HANDLE_RESOLVER=" + pds.URL,
		"FEEDGEN_ALLOW_PRIVATE_NETWORKS=true", "FEEDGEN_ADMIN_URL=" + closedURL, "FEEDGEN_ADMIN_TOKENS=" + testToken}

	out := feedgenRun(t, env, true, "authors", "add", alice, "--no-backfill")
	if !strings.Contains(out, "(alice.test) is now expert") {
		t.Errorf("authors add: %s", out)
	}
	feedgenRun(t, env, true, "authors", "add", bob, "--no-backfill", "--tier", "blocked")
	check := func(where string, env []string) {
		t.Helper()
		out := feedgenRun(t, env, true, "authors", "list")
		if !regexp.MustCompile(`@alice\.test \(Alice Aliyeva\) +` + alice).MatchString(out) {
			t.Errorf("%s: authors list:\n%s", where, out)
		}
		// bob has no profile record: his handle alone.
		if !regexp.MustCompile(`@bob\.test +` + bob).MatchString(out) {
			t.Errorf("%s: authors list without bob's handle:\n%s", where, out)
		}
		if out := feedgenRun(t, env, true, "queue"); !strings.Contains(out, "by @alice.test (Alice Aliyeva) at") {
			t.Errorf("%s: queue:\n%s", where, out)
		}
		if out := feedgenRun(t, env, true, "audit"); !strings.Contains(out, "@alice.test (Alice Aliyeva) "+alice) {
			t.Errorf("%s: audit:\n%s", where, out)
		}
		if out := feedgenRun(t, env, true, "explain", string(queued)); !strings.Contains(out, "by @alice.test (Alice Aliyeva) "+alice) {
			t.Errorf("%s: explain:\n%s", where, out)
		}
	}
	check("on the file", env)

	s := startService(t, localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_PLC_URL="+plc, "FEEDGEN_HANDLE_RESOLVER="+pds.URL,
		"FEEDGEN_ALLOW_PRIVATE_NETWORKS=true", "FEEDGEN_ADMIN_TOKENS="+testToken), shutdownBudget)
	check("through the server", []string{"FEEDGEN_ADMIN_URL=http://" + s.Addr(), "FEEDGEN_ADMIN_TOKENS=" + testToken, "FEEDGEN_DB=/nowhere.db"})
}
