package curation_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

func TestBlockedPostLeavesEveryFeedAndNeverReturns(t *testing.T) {
	e := newEnv(t)
	a := e.stream(didBob, textStrong, 3*time.Hour)
	b := e.stream(didCarol, textStrong+" today", 2*time.Hour)
	c := e.stream(didCarol, "Georgian Dream government passes law", time.Hour)

	// Curators paste bsky.app URLs, with handles.
	out := e.ok("POST", "/admin/blocks", map[string]any{"uri": "https://bsky.app/profile/carol.test/post/" + b[len(b)-13:], "note": "misleading"})
	if out["uri"] != b || !slices.Equal(anyStrings(out["feeds"]), []string{feedID}) {
		t.Errorf("block: got %v", out)
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{c, a}) {
		t.Errorf("after block: feed %v, want %v", got, []string{c, a})
	}
	// An edit or a replay does not bring it back.
	e.replay(b)
	if got := e.feedPosts(); !slices.Equal(got, []string{c, a}) {
		t.Errorf("after replay: feed %v", got)
	}
	// Blocking again changes nothing.
	snap := e.snapshot()
	if out := e.ok("POST", "/admin/blocks", map[string]any{"uri": b}); out["unchanged"] != true {
		t.Errorf("second block: got %v, want unchanged", out)
	}
	if !bytes.Equal(snap, e.snapshot()) {
		t.Error("a repeated block wrote to the database")
	}
	blocks := e.ok("GET", "/admin/blocks", nil)["blocks"].([]any)
	if len(blocks) != 1 || blocks[0].(map[string]any)["by"] != "ani" || blocks[0].(map[string]any)["note"] != "misleading" {
		t.Errorf("blocks: got %v", blocks)
	}

	// Unblocking puts it back in its place.
	e.ok("POST", "/admin/blocks/remove", map[string]any{"uri": b})
	if got := e.feedPosts(); !slices.Equal(got, []string{c, b, a}) {
		t.Errorf("after unblock: feed %v, want %v", got, []string{c, b, a})
	}
	want := []string{"ani block " + b, "ani unblock " + b}
	if got := e.auditActions(); !slices.Equal(got, want) {
		t.Errorf("audit: got %v, want %v", got, want)
	}
}

func TestBlockBeforeThePostArrives(t *testing.T) {
	e := newEnv(t)
	uri := e.publish(didBob, textStrong, time.Hour)
	e.ok("POST", "/admin/blocks", map[string]any{"uri": uri})
	e.replay(uri)
	if got := e.feedPosts(); len(got) != 0 {
		t.Errorf("feed %v, want the blocked post kept out", got)
	}
	// Unblocked, it comes with its next event.
	e.ok("POST", "/admin/blocks/remove", map[string]any{"uri": uri})
	e.replay(uri)
	if got := e.feedPosts(); !slices.Equal(got, []string{uri}) {
		t.Errorf("feed %v, want the post after unblock", got)
	}
}

func TestPostBadInputChangesNothing(t *testing.T) {
	e := newEnv(t)
	in := e.stream(didBob, textStrong, time.Hour)
	e.ok("POST", "/admin/pins", map[string]any{"uri": in})
	before := e.snapshot()
	missing := "at://" + didBob + "/app.bsky.feed.post/3kzzzzzzzzzz2"
	tests := []struct {
		name, method, path string
		body               any
		want               int
		wantErr            string
	}{
		{"block malformed URI", "POST", "/admin/blocks", map[string]any{"uri": "at://not a uri"}, 400, "InvalidURI"},
		{"block a profile, not a post", "POST", "/admin/blocks", map[string]any{"uri": "at://" + didBob + "/app.bsky.actor.profile/self"}, 400, "InvalidURI"},
		{"block a URL of another site", "POST", "/admin/blocks", map[string]any{"uri": "https://example.com/profile/bob.test/post/3kzzzzzzzzzz2"}, 400, "InvalidURI"},
		{"block a bsky.app URL that is not a post", "POST", "/admin/blocks", map[string]any{"uri": "https://bsky.app/profile/bob.test"}, 400, "InvalidURI"},
		{"block by a handle that does not resolve", "POST", "/admin/blocks", map[string]any{"uri": "https://bsky.app/profile/nobody.test/post/3kzzzzzzzzzz2"}, 400, "HandleNotFound"},
		{"block with a bad record key", "POST", "/admin/blocks", map[string]any{"uri": "https://bsky.app/profile/bob.test/post/a!b"}, 400, "InvalidURI"},
		{"block nothing", "POST", "/admin/blocks", map[string]any{"uri": ""}, 400, "InvalidURI"},
		{"unblock what is not blocked", "POST", "/admin/blocks/remove", map[string]any{"uri": in}, 404, "NotBlocked"},
		{"pin a post that does not exist", "POST", "/admin/pins", map[string]any{"uri": missing}, 400, "PostNotFound"},
		{"pin in an unknown feed", "POST", "/admin/pins", map[string]any{"uri": in, "feed": "nope"}, 400, "UnknownFeed"},
		{"pin a malformed URI", "POST", "/admin/pins", map[string]any{"uri": "bsky.app/post"}, 400, "InvalidURI"},
		{"unpin what is not pinned", "POST", "/admin/pins/remove", map[string]any{"uri": missing}, 404, "NotPinned"},
		{"pins of an unknown feed", "GET", "/admin/pins?feed=nope", nil, 400, "UnknownFeed"},
		{"explain a malformed URI", "GET", "/admin/explain?uri=at%3A%2F%2F", nil, 400, "InvalidURI"},
		{"explain nothing", "GET", "/admin/explain", nil, 400, "InvalidURI"},
		{"explain by an unknown handle", "GET", "/admin/explain?uri=https%3A%2F%2Fbsky.app%2Fprofile%2Fnobody.test%2Fpost%2F3kzzzzzzzzzz2", nil, 400, "HandleNotFound"},
		{"posts with a malformed URI", "GET", "/admin/posts?uri=nope", nil, 400, "InvalidURI"},
		{"audit with a malformed cursor", "GET", "/admin/audit?cursor=yesterday", nil, 400, "InvalidCursor"},
		{"audit with a negative limit", "GET", "/admin/audit?limit=-5", nil, 400, "InvalidRequest"},
		{"audit with too large a limit", "GET", "/admin/audit?limit=100000", nil, 400, "InvalidLimit"},
		{"sync the list of an unknown feed", "POST", "/admin/lists/sync", map[string]any{"feed": "nope"}, 400, "UnknownFeed"},
		{"backfill an unknown DID", "POST", "/admin/backfill", map[string]any{"author": didGhost}, 400, "UnknownDID"},
		{"a body that is not JSON", "POST", "/admin/blocks", "uri=at://x", 400, "InvalidRequest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := e.call(tt.method, tt.path, tokenGiorgi, tt.body)
			if code != tt.want || errName(out) != tt.wantErr {
				t.Errorf("got %d %v, want %d %s", code, out, tt.want, tt.wantErr)
			}
		})
	}
	if !bytes.Equal(before, e.snapshot()) {
		t.Error("a rejected request changed the database")
	}
}

func TestPinsLeadTheFirstPage(t *testing.T) {
	e := newEnv(t, withMaxPins(2))
	var posts []string
	for i := range 5 {
		posts = append(posts, e.stream(didBob, textStrong+" "+string(rune('a'+i)), time.Duration(5-i)*time.Hour))
	}
	// posts[4] is the newest; pin an older one and one that is not in
	// the feed at all (an announcement, fetched from its PDS to check).
	announce := e.publish(didOwner, "Welcome to the feed", 0)
	e.ok("POST", "/admin/pins", map[string]any{"uri": posts[1]})
	e.advance(time.Second)
	out := e.ok("POST", "/admin/pins", map[string]any{"uri": announce, "note": "welcome"})
	if !slices.Equal(anyStrings(out["pins"]), []string{announce, posts[1]}) {
		t.Errorf("pins: got %v, want the newest pin first", out["pins"])
	}
	items, next := e.skeleton(3, "")
	want := []skeletonItem{{Post: announce, Pin: true}, {Post: posts[1], Pin: true}, {Post: posts[4]}}
	if !slices.Equal(items, want) {
		t.Errorf("first page: got %v, want %v", items, want)
	}
	// The rest of the feed follows, without the pinned post again.
	rest, last := e.skeleton(10, next)
	if got := postsOf(rest); !slices.Equal(got, []string{posts[3], posts[2], posts[0]}) || last != "" {
		t.Errorf("next page: got %v (cursor %q), want %v", got, last, []string{posts[3], posts[2], posts[0]})
	}
	// A page smaller than the pins still goes on to the whole feed.
	items, next = e.skeleton(1, "")
	if !slices.Equal(items, []skeletonItem{{Post: announce, Pin: true}}) || next == "" {
		t.Errorf("limit 1: got %v cursor %q", items, next)
	}
	rest, _ = e.skeleton(10, next)
	if got := postsOf(rest); !slices.Equal(got, []string{posts[4], posts[3], posts[2], posts[0]}) {
		t.Errorf("after a page of pins: got %v", got)
	}

	// A third pin is one too many; a pinned post that gets blocked loses
	// its pin.
	code, res := e.call("POST", "/admin/pins", tokenAni, map[string]any{"uri": posts[0]})
	if code != 409 || errName(res) != "TooManyPins" {
		t.Errorf("third pin: got %d %v, want 409 TooManyPins", code, res)
	}
	e.ok("POST", "/admin/blocks", map[string]any{"uri": posts[1]})
	if items, _ := e.skeleton(2, ""); !slices.Equal(items, []skeletonItem{{Post: announce, Pin: true}, {Post: posts[4]}}) {
		t.Errorf("after blocking a pinned post: got %v", items)
	}
	code, res = e.call("POST", "/admin/pins", tokenAni, map[string]any{"uri": posts[1]})
	if code != 409 || errName(res) != "PostBlocked" {
		t.Errorf("pin a blocked post: got %d %v, want 409 PostBlocked", code, res)
	}
	e.ok("POST", "/admin/pins/remove", map[string]any{"uri": announce})
	if items, _ := e.skeleton(1, ""); !slices.Equal(items, []skeletonItem{{Post: posts[4]}}) {
		t.Errorf("after unpin: got %v", items)
	}
	want2 := []string{"ani pin " + posts[1], "ani pin " + announce, "ani pin.remove " + posts[1], "ani block " + posts[1], "ani pin.remove " + announce}
	if got := e.auditActions(); !slices.Equal(got, want2) {
		t.Errorf("audit: got %v, want %v", got, want2)
	}
}

func anyStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func postsOf(items []skeletonItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Post)
	}
	return out
}

// repost writes a repost record of subject to did's PDS and streams it.
func (e *env) repost(did, subject string) string {
	e.t.Helper()
	rkey := syntax.NewTIDFromTime(e.clock(), 1).String()
	e.pds.Put(did, "app.bsky.feed.repost", rkey, map[string]any{
		"$type": "app.bsky.feed.repost", "createdAt": e.clock().Format(time.RFC3339),
		"subject": map[string]any{"uri": subject, "cid": testCID.String()},
	})
	uri := "at://" + did + "/app.bsky.feed.repost/" + rkey
	e.replay(uri)
	return uri
}

func TestBlockedPostStaysOutWhenReposted(t *testing.T) {
	e := newEnv(t)
	e.ok("POST", "/admin/authors", map[string]any{"author": didCarol, "tier": "all", "noBackfill": true})
	post := e.stream(didBob, textStrong, 2*time.Hour)
	e.advance(time.Minute)
	rp := e.repost(didCarol, post)
	if items, _ := e.skeleton(10, ""); !slices.Equal(items, []skeletonItem{{Post: post, Repost: rp}, {Post: post}}) {
		t.Fatalf("before: got %v, want the repost on top of the post", items)
	}
	e.ok("POST", "/admin/blocks", map[string]any{"uri": post})
	if items, _ := e.skeleton(10, ""); len(items) != 0 {
		t.Errorf("after block: got %v, want the post and its repost gone", items)
	}
	// A newsroom reposting it again does not bring it back.
	e.advance(time.Minute)
	e.repost(didCarol, post)
	if items, _ := e.skeleton(10, ""); len(items) != 0 {
		t.Errorf("after a new repost: got %v, want nothing", items)
	}
}
