package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

const curatorToken = "tok-curator-0123456789abcdef"

// admin calls our admin API as the curator and decodes the answer.
func (f *feedgen) admin(method, path string, body any, out any) int {
	f.t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, f.Origin+"/admin"+path, rd)
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+curatorToken)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}

// tiers reads the author list: DID -> effective tier.
func (f *feedgen) tiers() map[string]string {
	f.t.Helper()
	var out struct {
		Authors []struct {
			DID       string
			Effective string `json:"effectiveTier"`
		}
	}
	if code := f.admin("GET", "/authors", nil, &out); code != 200 {
		f.t.Fatalf("authors: HTTP %d", code)
	}
	m := map[string]string{}
	for _, a := range out.Authors {
		m[a.DID] = a.Effective
	}
	return m
}

// A feed takes its experts from a Bluesky list made and edited with
// @atproto/api on a real PDS: the whole list is read at startup, items
// the owner adds or deletes later arrive through the firehose, items
// anyone else writes are ignored, and each new expert's recent posts are
// backfilled from their PDS.
func TestCurationFollowsABlueskyList(t *testing.T) {
	n := Start(t, PDSOnly)
	owner := n.CreateAccount(t, "lena")
	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	eve := n.CreateAccount(t, "eve")
	en := PostOpts{Langs: []string{"en"}}
	// Weak topic signals: in the feed only from a listed expert.
	aliceWeak := n.Post(t, alice, "Lovely day in Tbilisi", en)
	bobWeak := n.Post(t, bob, "Evening walk in Yerevan", en)
	eveWeak := n.Post(t, eve, "Sunset over Baku", en)
	list := n.CreateList(t, owner, "South Caucasus experts", CurateList, "analysts we trust")
	itemAlice := n.AddListItem(t, owner, list.URI, alice.DID)
	n.ProcessAll(t)

	feeds := filepath.Join(t.TempDir(), "feeds.json")
	def := map[string]any{"feeds": []map[string]any{{
		"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus",
		"reposts": true, "list": list.URI.String(),
	}}}
	b, _ := json.Marshal(def)
	if err := os.WriteFile(feeds, b, 0o600); err != nil {
		t.Fatal(err)
	}
	f := startFeedgen(t, n, "FEEDGEN_FEEDS="+feeds, "FEEDGEN_ADMIN_TOKENS=curator="+curatorToken)
	publisher := f.DID
	in := func(uri syntax.ATURI) bool { return slices.Contains(f.skeleton(publisher), uri.String()) }

	// Startup: the list is read from the owner's PDS, alice becomes an
	// expert and her post of before is backfilled.
	waitFor(t, 30*time.Second, "alice's earlier post, backfilled after the startup list sync", func() bool { return in(aliceWeak.URI) })
	if got := f.tiers(); got[alice.DID.String()] != "expert" || len(got) != 1 {
		t.Fatalf("authors after startup: %v", got)
	}
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool {
		c, _ := f.health()
		return c
	})

	// Live: the owner adds bob; eve adds herself to the owner's list from
	// her own repository, which must not count.
	n.AddListItem(t, owner, list.URI, bob.DID)
	n.AddListItem(t, eve, list.URI, eve.DID)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "bob's earlier post, after the owner listed him", func() bool { return in(bobWeak.URI) })
	if got := f.tiers(); got[eve.DID.String()] != "" || got[bob.DID.String()] != "expert" {
		t.Errorf("authors after live items: %v", got)
	}
	if in(eveWeak.URI) {
		t.Error("eve's post is in: an item in her own repository made her an expert")
	}

	// The owner takes alice off the list: her weak post no longer
	// qualifies and leaves the feed.
	n.Delete(t, owner, itemAlice.URI)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "alice's post to leave after her list item was deleted", func() bool { return !in(aliceWeak.URI) })
	if got := f.tiers(); got[alice.DID.String()] != "" {
		t.Errorf("alice still listed: %v", got)
	}

	// A curator blocks bob's post through the admin API; explain says why.
	if code := f.admin("POST", "/blocks", map[string]string{"uri": bobWeak.URI.String(), "note": "e2e"}, nil); code != 200 {
		t.Fatalf("block: HTTP %d", code)
	}
	if in(bobWeak.URI) {
		t.Error("the blocked post is still served")
	}
	var ex struct {
		Feeds []struct {
			In  bool
			Why string
		}
	}
	f.admin("GET", "/explain?uri="+url.QueryEscape(bobWeak.URI.String()), nil, &ex)
	if len(ex.Feeds) != 1 || ex.Feeds[0].In || !bytes.Contains([]byte(ex.Feeds[0].Why), []byte("blocked by curator")) {
		t.Errorf("explain: %+v", ex)
	}
	var audit struct {
		Entries []struct{ Actor, Action, Target string }
	}
	f.admin("GET", "/audit", nil, &audit)
	var got []string
	for _, e := range audit.Entries {
		got = append(got, e.Actor+" "+e.Action+" "+e.Target)
	}
	slices.Reverse(got)
	want := []string{
		"list-sync list.add " + alice.DID.String(),
		"list:" + owner.DID.String() + " list.add " + bob.DID.String(),
		"list:" + owner.DID.String() + " list.remove " + alice.DID.String(),
		"curator block " + bobWeak.URI.String(),
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit:\n%v\nwant\n%v", got, want)
	}
}
