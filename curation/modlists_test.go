package curation_test

import (
	"bytes"
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const (
	// testLabeler is the labeler the test feed's policy trusts.
	testLabeler = syntax.DID("did:plc:labelerlllllllllllllllll")
	modListURI  = "at://" + didOwner + "/app.bsky.graph.list/3kmodlist22"
)

func withModList(list string) envOption {
	return func(_ *curation.Config, f *curation.Feed, _ *curation.Deps) {
		f.ModLists = append(f.ModLists, syntax.ATURI(list))
	}
}

// putList writes the owner's list record with a purpose.
func (e *env) putList(uri, purpose string) {
	u := syntax.ATURI(uri)
	e.pds.Put(u.Authority().String(), "app.bsky.graph.list", u.RecordKey().String(), map[string]any{
		"$type": "app.bsky.graph.list", "purpose": purpose, "name": "spam and fakes", "createdAt": testNow.Format(time.RFC3339)})
}

// A feed's moderation list keeps its members out like blocked authors:
// synced from the owner's PDS, their posts leave at once and new ones
// stay out; the owner removing a member (live, from the stream) lets new
// posts in and brings recent ones back; items in anyone else's repository
// count for nothing; a curator's own tier wins over the list.
func TestModListKeepsMembersOut(t *testing.T) {
	e := newEnv(t, withModList(modListURI))
	e.putList(modListURI, "app.bsky.graph.defs#modlist")
	old := e.stream(didAlice, textStrong, time.Hour)
	if !slices.Contains(e.feedPosts(), old) {
		t.Fatal("alice's post is not in the feed to begin with")
	}
	e.pds.Put(didOwner, "app.bsky.graph.listitem", "3kmodalice2", listItem(modListURI, didAlice))

	out := e.ok("POST", "/admin/lists/sync", map[string]any{})
	mods, _ := out["modLists"].([]any)
	if len(mods) != 1 || !slices.Equal(anyStrings(mods[0].(map[string]any)["added"]), []string{didAlice}) {
		t.Fatalf("sync: got %v", out)
	}
	if got := e.tiers(); got[didAlice] != "blocked" {
		t.Errorf("tiers: %v, want alice blocked by the list", got)
	}
	if slices.Contains(e.feedPosts(), old) {
		t.Error("a member's post is still in the feed")
	}
	fresh := e.stream(didAlice, "Pashinyan and Aliyev met again in Abu Dhabi about the border", time.Minute)
	if slices.Contains(e.feedPosts(), fresh) {
		t.Error("a member's new post entered the feed")
	}
	x := e.ok("GET", "/admin/explain?uri="+url.QueryEscape(fresh), nil)
	fe := x["feeds"].([]any)[0].(map[string]any)
	if why := fe["why"].(string); !strings.Contains(why, modListURI) {
		t.Errorf("explain: %q, want the mod list named", why)
	}
	if !slices.Contains(e.auditActions(), "ani modlist.add "+didAlice) {
		t.Errorf("audit: %v", e.auditActions())
	}

	// Someone else's repository naming bob in the list: nothing.
	bobs := e.stream(didBob, textStrong, 30*time.Minute)
	e.live(didEve, "3kmodbob2222", listItem(modListURI, didBob))
	if !slices.Contains(e.feedPosts(), bobs) {
		t.Error("an item in someone else's repository kept bob out")
	}

	// The owner removes alice: her new posts come in, and the background
	// backfill brings back her recent ones.
	e.pds.Delete(didOwner, "app.bsky.graph.listitem", "3kmodalice2")
	e.live(didOwner, "3kmodalice2", nil)
	if _, listed := e.tiers()[didAlice]; listed {
		t.Errorf("alice still listed after leaving the mod list: %v", e.tiers())
	}
	newer := e.stream(didAlice, "The Armenian and Azerbaijani foreign ministers met in Washington", time.Second)
	if !slices.Contains(e.feedPosts(), newer) {
		t.Error("a former member's new post did not enter")
	}
	runBackground(t, e, func() bool { return slices.Contains(e.feedPosts(), old) })

	// A curator vouches for an author the list names: the curator wins.
	e.live(didOwner, "3kmodalice3", listItem(modListURI, didAlice))
	if got := e.tiers(); got[didAlice] != "blocked" {
		t.Fatalf("live add: tiers %v", got)
	}
	e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert", "noBackfill": true})
	if got := e.tiers(); got[didAlice] != "expert" {
		t.Errorf("a curator's tier over the mod list: %v", got)
	}
}

// A list named as a moderation list that is not one (a curation list, say)
// keeps nobody out: the sync refuses it and changes nothing.
func TestModListMustBeAModList(t *testing.T) {
	e := newEnv(t, withModList(modListURI))
	e.putList(modListURI, "app.bsky.graph.defs#curatelist")
	e.pds.Put(didOwner, "app.bsky.graph.listitem", "3kmodalice2", listItem(modListURI, didAlice))
	before := e.snapshot()
	if code, out := e.call("POST", "/admin/lists/sync", tokenAni, map[string]any{}); code != 409 || errName(out) != "NotAModList" {
		t.Errorf("got %d %v, want 409 NotAModList", code, out)
	}
	if !bytes.Equal(before, e.snapshot()) {
		t.Error("a refused sync changed the database")
	}
}

// Explain shows the labels on a post and its author, and which of them
// keep it out: "label:spam by <labeler>".
func TestExplainShowsLabels(t *testing.T) {
	e := newEnv(t)
	uri := e.stream(didAlice, textStrong, time.Hour)
	err := e.st.Update(context.Background(), func(tx *store.Tx) error {
		for _, l := range []model.Label{
			{Src: testLabeler, URI: uri, Val: "spam"},
			{Src: testLabeler, URI: didAlice, Val: "rude"},
		} {
			if err := tx.PutLabel(&l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e.replay(uri) // decided again, as the indexer does when a label comes
	if slices.Contains(e.feedPosts(), uri) {
		t.Fatal("the labelled post is in the feed")
	}
	x := e.ok("GET", "/admin/explain?uri="+url.QueryEscape(uri), nil)
	spam := "label:spam by " + testLabeler.String()
	if got := anyStrings(x["labels"]); !slices.Equal(got, []string{spam, "label:rude by " + testLabeler.String() + " (on the account)"}) {
		t.Errorf("labels: %v", got)
	}
	fe := x["feeds"].([]any)[0].(map[string]any)
	if fe["in"] != false || !slices.Equal(anyStrings(fe["moderation"]), []string{spam}) || !strings.Contains(fe["why"].(string), spam) {
		t.Errorf("explain: %v", fe)
	}
	if len(anyStrings(fe["reasons"])) == 0 {
		t.Error("explain lost the relevance reasons of the held post")
	}
}
