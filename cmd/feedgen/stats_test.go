package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

// topFeedsFile defines sc-peace and, over the same posts, sc-peace-top.
const topFeedsFile = `{"feeds": [
  {"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus", "acceptsInteractions": true},
  {"rkey": "sc-peace-top", "displayName": "South Caucasus Peace Top", "membershipOf": "sc-peace", "order": "top",
   "window": "168h", "halfLife": "36h", "acceptsInteractions": true}]}`

// A top feed beside the newest-first one: both are described, both serve
// the same posts, and `feedgen stats` reports the requests of each through
// the running server, and from the file once it has stopped (the last
// requests are written on the way down).
func TestTopFeedAndStatsCommand(t *testing.T) {
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.json")
	if err := os.WriteFile(feeds, []byte(topFeedsFile), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "feedgen.db")
	now := time.Now()
	var posts []*model.Post
	for i, text := range []string{"Pashinyan and Aliyev in Washington", "Tbilisi protest, night 20"} {
		uri := syntax.ATURI("at://did:plc:authoraaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kstat" + string(rune('a'+i)))
		posts = append(posts, &model.Post{URI: uri, CID: "x", Author: "did:plc:authoraaaaaaaaaaaaaaaaaa", Text: text, Langs: []string{"en"},
			CreatedUS: now.Add(-time.Duration(i+1) * time.Hour).UnixMicro(), IndexedUS: now.Add(-time.Duration(i+1) * time.Hour).UnixMicro(),
			Feeds: []model.Membership{{Feed: "sc-peace", Score: 3}}})
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	testutil.PutPosts(t, st, posts...)
	st.Close()
	env := localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_FEEDS="+feeds, "FEEDGEN_ADMIN_TOKENS="+testToken)
	s := startService(t, env, shutdownBudget)

	get := func(path string) string {
		t.Helper()
		resp, err := http.Get("http://" + s.Addr() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	if d := get("/xrpc/app.bsky.feed.describeFeedGenerator"); !strings.Contains(d, "/sc-peace\"") || !strings.Contains(d, "/sc-peace-top\"") {
		t.Errorf("describeFeedGenerator: %s", d)
	}
	feedURI := func(rkey string) string {
		return url.QueryEscape("at://did:web:localhost%3A3000/app.bsky.feed.generator/" + rkey)
	}
	for range 3 {
		get("/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + feedURI("sc-peace"))
	}
	top := get("/xrpc/app.bsky.feed.getFeedSkeleton?limit=1&feed=" + feedURI("sc-peace-top"))
	var page struct {
		Cursor string
		Feed   []struct{ Post string }
	}
	if err := json.Unmarshal([]byte(top), &page); err != nil || len(page.Feed) != 1 || !strings.HasPrefix(page.Cursor, "t2.") {
		t.Fatalf("top feed: %s", top)
	}
	get("/xrpc/app.bsky.feed.getFeedSkeleton?limit=1&feed=" + feedURI("sc-peace-top") + "&cursor=" + url.QueryEscape(page.Cursor))

	online := []string{"FEEDGEN_DB=" + db, "FEEDGEN_FEEDS=" + feeds, "FEEDGEN_ADMIN_URL=http://" + s.Addr(), "FEEDGEN_ADMIN_TOKENS=" + testToken}
	var rep stats.Report
	feedgenJSON(t, online, &rep, "stats", "--feed", "sc-peace-top", "--days", "3")
	if rep.Feed != "sc-peace" || len(rep.Days) != 3 || len(rep.Requests) != 2 || rep.Requests[0].Total != 3 || rep.Requests[1].Total != 2 {
		t.Errorf("stats through the server: feed %s, days %v, requests %+v", rep.Feed, rep.Days, rep.Requests)
	}
	if len(rep.TopPosts) != 2 || rep.EngagementCounted != (engagementSource(nil) != nil) {
		t.Errorf("top posts: %+v", rep.TopPosts)
	}
	text := feedgenRun(t, online, true, "stats")
	for _, want := range []string{"sc-peace, served as sc-peace and sc-peace-top", "Posts entering, by why", "requests: sc-peace", "Top posts", "3kstata"} {
		if !strings.Contains(text, want) {
			t.Errorf("stats text lacks %q:\n%s", want, text)
		}
	}
	if out := feedgenRun(t, online, false, "stats", "--days", "91"); !strings.Contains(out, "--days") {
		t.Errorf("days out of range: %s", out)
	}
	// One more request, counted in memory only until the server stops.
	get("/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + feedURI("sc-peace"))
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	offline := []string{"FEEDGEN_DB=" + db, "FEEDGEN_FEEDS=" + feeds, "FEEDGEN_ADMIN_URL=http://127.0.0.1:1"}
	feedgenJSON(t, offline, &rep, "stats")
	if rep.Requests[0].Total != 4 || rep.Requests[1].Total != 2 {
		t.Errorf("stats from the file after shutdown: requests %+v", rep.Requests)
	}
}
