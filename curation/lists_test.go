package curation_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
)

func listItem(list, subject string) map[string]any {
	return map[string]any{"$type": "app.bsky.graph.listitem", "list": list, "subject": subject, "createdAt": testNow.Format(time.RFC3339)}
}

// tiers returns the effective tier of each listed author, and whether the
// list put them there.
func (e *env) tiers() map[string]string {
	e.t.Helper()
	out := map[string]string{}
	for _, x := range e.ok("GET", "/admin/authors", nil)["authors"].([]any) {
		a := x.(map[string]any)
		t := a["effectiveTier"].(string)
		if a["onList"] == true {
			t += "+list"
		}
		out[a["did"].(string)] = t
	}
	return out
}

// live applies a listitem commit from repo through the indexer; a nil
// record is a delete.
func (e *env) live(repo, rkey string, rec map[string]any) {
	e.t.Helper()
	c := &indexer.Commit{Op: indexer.OpDelete, Collection: "app.bsky.graph.listitem", RKey: syntax.RecordKey(rkey)}
	if rec != nil {
		c.Op, c.CID = indexer.OpCreate, testCID
		c.ListItem = &bsky.GraphListitem{List: rec["list"].(string), Subject: rec["subject"].(string)}
	}
	e.ingest(indexer.Event{Kind: indexer.KindCommit, DID: syntax.DID(repo), TimeUS: e.clock().UnixMicro(), Commit: c})
}

func TestListSyncReadsTheOwnersList(t *testing.T) {
	e := newEnv(t, withList(listURI))
	for i := range 150 {
		// Items of another list of the owner's, on more than one page.
		e.pds.Put(didOwner, "app.bsky.graph.listitem", syntax.NewTIDFromInteger(uint64(1000+i)).String(), listItem("at://"+didOwner+"/app.bsky.graph.list/3kothers222", didEve))
	}
	e.pds.Put(didOwner, "app.bsky.graph.listitem", "3kitemalice2", listItem(listURI, didAlice))
	e.pds.Put(didOwner, "app.bsky.graph.listitem", "3kitembob222", listItem(listURI, didBob))
	e.pds.Put(didOwner, "app.bsky.graph.listitem", "3kitembad222", listItem(listURI, "not-a-did"))
	// Someone else's repo naming the list changes nothing.
	e.pds.Put(didEve, "app.bsky.graph.listitem", "3kitemeve222", listItem(listURI, didEve))
	weak := e.publish(didAlice, textWeak, time.Hour)
	// Bob is blocked by hand: the list does not lift that.
	e.ok("POST", "/admin/authors", map[string]any{"author": didBob, "tier": "blocked"})

	out := e.ok("POST", "/admin/lists/sync", map[string]any{})
	if out["items"] != 2.0 || !slices.Equal(anyStrings(out["added"]), []string{didAlice, didBob}) {
		t.Errorf("sync: got %v", out)
	}
	want := map[string]string{didAlice: "expert+list", didBob: "blocked+list"}
	if got := e.tiers(); !mapsEqual(got, want) {
		t.Errorf("tiers: got %v, want %v", got, want)
	}
	// The new member is backfilled by the background worker.
	runBackground(t, e, func() bool { return slices.Contains(e.feedPosts(), weak) })

	// The owner removes alice from the list and adds carol.
	e.pds.Delete(didOwner, "app.bsky.graph.listitem", "3kitemalice2")
	e.pds.Put(didOwner, "app.bsky.graph.listitem", "3kitemcarol2", listItem(listURI, didCarol))
	out = e.ok("POST", "/admin/lists/sync", map[string]any{"feed": feedID})
	if !slices.Equal(anyStrings(out["added"]), []string{didCarol}) || !slices.Equal(anyStrings(out["removed"]), []string{didAlice}) {
		t.Errorf("second sync: got %v", out)
	}
	want = map[string]string{didCarol: "expert+list", didBob: "blocked+list"}
	if got := e.tiers(); !mapsEqual(got, want) {
		t.Errorf("tiers: got %v, want %v", got, want)
	}
	// A sync that finds nothing new writes nothing.
	snap := e.snapshot()
	e.ok("POST", "/admin/lists/sync", map[string]any{})
	if !bytes.Equal(snap, e.snapshot()) {
		t.Error("a sync without changes wrote to the database")
	}
	acts := e.auditActions()
	for _, w := range []string{"ani list.add " + didAlice, "ani list.remove " + didAlice, "ani list.add " + didCarol} {
		if !slices.Contains(acts, w) {
			t.Errorf("audit %v lacks %q", acts, w)
		}
	}
}

func TestListSyncErrors(t *testing.T) {
	e := newEnv(t)
	if code, out := e.call("POST", "/admin/lists/sync", tokenAni, map[string]any{}); code != 400 || errName(out) != "NoList" {
		t.Errorf("feed without a list: got %d %v, want 400 NoList", code, out)
	}
	e2 := newEnv(t, withList(listURI))
	e2.pds.SetFailing(true)
	before := e2.snapshot()
	if code, out := e2.call("POST", "/admin/lists/sync", tokenAni, map[string]any{}); code != 502 || errName(out) != "PDSFailed" {
		t.Errorf("PDS down: got %d %v, want 502 PDSFailed", code, out)
	}
	if !bytes.Equal(before, e2.snapshot()) {
		t.Error("a failed sync changed the database")
	}
}

func TestLiveListItems(t *testing.T) {
	e := newEnv(t, withList(listURI))
	e.ok("POST", "/admin/authors", map[string]any{"author": didCarol, "tier": "all"})

	e.live(didOwner, "3kitemalice2", listItem(listURI, didAlice))
	e.live(didOwner, "3kitemcarol2", listItem(listURI, didCarol))
	// Items of other lists, and items anyone else writes, are ignored.
	e.live(didOwner, "3kitemother2", listItem("at://"+didOwner+"/app.bsky.graph.list/3kothers222", didEve))
	e.live(didEve, "3kitemeve222", listItem(listURI, didEve))
	want := map[string]string{didAlice: "expert+list", didCarol: "all+list"}
	if got := e.tiers(); !mapsEqual(got, want) {
		t.Fatalf("tiers: got %v, want %v", got, want)
	}
	// A delete names only the record key.
	e.live(didOwner, "3kitemalice2", nil)
	e.live(didOwner, "3kitemcarol2", nil)
	e.live(didEve, "3kitemeve222", nil)
	e.live(didOwner, "3kneverseen2", nil)
	want = map[string]string{didCarol: "all"}
	if got := e.tiers(); !mapsEqual(got, want) {
		t.Errorf("tiers after deletes: got %v, want %v", got, want)
	}
	acts := e.auditActions()
	wantActs := []string{
		"ani author.add " + didCarol,
		"list:" + didOwner + " list.add " + didAlice,
		"list:" + didOwner + " list.add " + didCarol,
		"list:" + didOwner + " list.remove " + didAlice,
		"list:" + didOwner + " list.remove " + didCarol,
	}
	if !slices.Equal(acts, wantActs) {
		t.Errorf("audit:\n%v\nwant\n%v", acts, wantActs)
	}
	// Removing by hand someone only the list names is refused.
	e.live(didOwner, "3kitemalice3", listItem(listURI, didAlice))
	if code, out := e.call("POST", "/admin/authors/remove", tokenAni, map[string]any{"author": didAlice}); code != 409 || errName(out) != "OnBlueskyList" {
		t.Errorf("remove a list-only author: got %d %v, want 409 OnBlueskyList", code, out)
	}
}

// runBackground runs the service's background work until done reports
// true or a few seconds pass.
func runBackground(t *testing.T, e *env, done func() bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- e.svc.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatal("background work did not finish")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
