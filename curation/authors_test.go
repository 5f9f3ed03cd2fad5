package curation_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

func TestAdminTokenIsRequired(t *testing.T) {
	e := newEnv(t)
	before := e.snapshot()
	tests := []struct {
		name, token string
		want        int
		wantErr     string
	}{
		{"no token", "", http.StatusUnauthorized, "AuthenticationRequired"},
		{"wrong token", "tok-ani-0123456789abcdefghiX", http.StatusUnauthorized, "InvalidToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []struct{ method, path string }{
				{"POST", "/admin/authors"}, {"GET", "/admin/authors"}, {"POST", "/admin/blocks"},
				{"POST", "/admin/pins"}, {"GET", "/admin/explain?uri=x"}, {"GET", "/admin/queue"},
				{"POST", "/admin/queue/approve"}, {"GET", "/admin/audit"}, {"POST", "/admin/lists/sync"},
			} {
				code, out := e.call(r.method, r.path, tt.token, map[string]any{"author": didAlice, "uri": "at://" + didAlice + "/app.bsky.feed.post/3kaaaaaaaaaa2"})
				if code != tt.want || errName(out) != tt.wantErr {
					t.Errorf("%s %s: got %d %q, want %d %q", r.method, r.path, code, errName(out), tt.want, tt.wantErr)
				}
			}
		})
	}
	if !bytes.Equal(before, e.snapshot()) {
		t.Error("requests without a valid token changed the database")
	}
}

func TestAddAuthorBackfillsRecentPosts(t *testing.T) {
	e := newEnv(t)
	weak1 := e.publish(didAlice, textWeak+" in spring", 50*time.Hour)
	off := e.publish(didAlice, textOff, 30*time.Hour)
	weak2 := e.publish(didAlice, "Baku at night", 2*time.Hour)
	tooOld := e.publish(didAlice, textStrong, 8*24*time.Hour)
	// Someone else's post, already in the feed, sits between alice's.
	other := e.stream(didBob, textStrong, 10*time.Hour)
	if got := e.feedPosts(); !slices.Equal(got, []string{other}) {
		t.Fatalf("before: feed is %v, want only bob's post", got)
	}

	out := e.ok("POST", "/admin/authors", map[string]any{"author": "@alice.test", "tier": "expert", "note": "analyst, Tbilisi"})
	a := out["author"].(map[string]any)
	if a["did"] != didAlice || a["handle"] != "alice.test" || a["tier"] != "expert" || a["note"] != "analyst, Tbilisi" || a["addedBy"] != "ani" {
		t.Errorf("author entry: got %v", a)
	}
	bf := out["backfill"].(map[string]any)
	if bf["fetched"] != 3.0 || bf["in"].(map[string]any)[feedID] != 2.0 {
		t.Errorf("backfill: got %v, want 3 fetched (the week), 2 in", bf)
	}
	// The on-topic posts appear at once, each in its place by sort time;
	// the off-topic one and the one older than the window do not.
	want := []string{weak2, other, weak1}
	if got := e.feedPosts(); !slices.Equal(got, want) {
		t.Errorf("after: feed is\n%v\nwant\n%v", got, want)
	}
	_, _ = off, tooOld

	list := e.ok("GET", "/admin/authors", nil)["authors"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["effectiveTier"] != "expert" {
		t.Errorf("author list: got %v", list)
	}
	if got, want := e.auditActions(), []string{"ani author.add " + didAlice}; !slices.Equal(got, want) {
		t.Errorf("audit: got %v, want %v", got, want)
	}
}

func TestAddAuthorTwiceIsUnchanged(t *testing.T) {
	e := newEnv(t)
	e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "all"})
	n := e.ing.count()
	out := e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "all"})
	if out["unchanged"] != true {
		t.Errorf("second identical add: got %v, want unchanged", out)
	}
	if e.ing.count() != n {
		t.Error("an unchanged add backfilled again")
	}
	// A change of note keeps the tier and is recorded.
	e.ok("POST", "/admin/authors", map[string]any{"author": "alice.test", "tier": "all", "note": "newsroom"})
	if got := e.auditActions(); len(got) != 2 || got[1] != "ani author.update "+didAlice {
		t.Errorf("audit: got %v", got)
	}
}

func TestAuthorBadInputChangesNothing(t *testing.T) {
	e := newEnv(t)
	e.ok("POST", "/admin/authors", map[string]any{"author": didBob, "tier": "expert"})
	before := e.snapshot()
	tests := []struct {
		name    string
		method  string
		path    string
		body    any
		want    int
		wantErr string
	}{
		{"unknown DID", "POST", "/admin/authors", map[string]any{"author": didGhost}, 400, "UnknownDID"},
		{"malformed DID", "POST", "/admin/authors", map[string]any{"author": "did:plc"}, 400, "InvalidActor"},
		{"handle that does not resolve", "POST", "/admin/authors", map[string]any{"author": "nobody.test"}, 400, "HandleNotFound"},
		{"not a handle", "POST", "/admin/authors", map[string]any{"author": "not a handle!"}, 400, "InvalidActor"},
		{"empty author", "POST", "/admin/authors", map[string]any{"author": ""}, 400, "InvalidActor"},
		{"profile URL of another site", "POST", "/admin/authors", map[string]any{"author": "https://example.com/profile/alice.test"}, 400, "InvalidActor"},
		{"unknown tier", "POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "vip"}, 400, "InvalidTier"},
		{"tier none", "POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "none"}, 400, "InvalidTier"},
		{"unknown feed", "POST", "/admin/authors", map[string]any{"author": didAlice, "feed": "other"}, 400, "UnknownFeed"},
		{"note too long", "POST", "/admin/authors", map[string]any{"author": didAlice, "note": string(bytes.Repeat([]byte("x"), 2001))}, 400, "InvalidNote"},
		{"misspelt field", "POST", "/admin/authors", map[string]any{"auther": didAlice}, 400, "InvalidRequest"},
		{"malformed JSON", "POST", "/admin/authors", `{"author": `, 400, "InvalidRequest"},
		{"two JSON values", "POST", "/admin/authors", `{"author":"` + didAlice + `"} {}`, 400, "InvalidRequest"},
		{"remove someone not listed", "POST", "/admin/authors/remove", map[string]any{"author": didAlice}, 404, "NotListed"},
		{"remove malformed DID", "POST", "/admin/authors/remove", map[string]any{"author": "did:"}, 400, "InvalidDID"},
		{"remove unresolvable handle", "POST", "/admin/authors/remove", map[string]any{"author": "nobody.test"}, 400, "HandleNotFound"},
		{"list authors of unknown feed", "GET", "/admin/authors?feed=nope", nil, 400, "UnknownFeed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := e.call(tt.method, tt.path, tokenAni, tt.body)
			if code != tt.want || errName(out) != tt.wantErr {
				t.Errorf("got %d %v, want %d %s", code, out, tt.want, tt.wantErr)
			}
			if msg, _ := out["message"].(string); msg == "" {
				t.Error("error without a message")
			}
		})
	}
	if !bytes.Equal(before, e.snapshot()) {
		t.Error("a rejected request changed the database")
	}
	if got := e.auditActions(); len(got) != 1 {
		t.Errorf("audit log: got %v, want only the first add", got)
	}
}

func TestBlockedAuthorLeavesTheFeedAtOnce(t *testing.T) {
	e := newEnv(t)
	p1 := e.stream(didBob, textStrong, 3*time.Hour)
	p2 := e.stream(didBob, "Georgian Dream government passes law", 2*time.Hour)
	q := e.stream(didBob, textReview, time.Hour)
	keep := e.stream(didCarol, textStrong, time.Hour)
	if got := e.feedPosts(); len(got) != 3 {
		t.Fatalf("before: feed %v, want 3 posts", got)
	}
	if n := e.ok("GET", "/admin/queue", nil)["total"]; n != 1.0 {
		t.Fatalf("queue holds %v, want bob's review-band post", n)
	}
	out := e.ok("POST", "/admin/authors", map[string]any{"author": "bob.test", "tier": "blocked", "note": "spam"})
	if out["removed"] != 2.0 || out["backfill"] != nil {
		t.Errorf("block author: got %v, want 2 removed and no backfill", out)
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{keep}) {
		t.Errorf("after: feed %v, want only carol's post", got)
	}
	if n := e.ok("GET", "/admin/queue", nil)["total"]; n != 0.0 {
		t.Errorf("queue holds %v, want bob's entry gone", n)
	}
	// Nothing of theirs comes back: not a replay, not a new post.
	e.replay(p1)
	e.stream(didBob, textStrong+" again", 0)
	if got := e.feedPosts(); !slices.Equal(got, []string{keep}) {
		t.Errorf("after replay: feed %v, want only carol's post", got)
	}
	_, _ = p2, q
}

func TestRemoveAuthorDecidesTheirPostsAgain(t *testing.T) {
	e := newEnv(t)
	weak := e.publish(didAlice, textWeak, 5*time.Hour)
	strong := e.publish(didAlice, textStrong, 4*time.Hour)
	e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert"})
	if got := e.feedPosts(); !slices.Equal(got, []string{strong, weak}) {
		t.Fatalf("as expert: feed %v", got)
	}
	out := e.ok("POST", "/admin/authors/remove", map[string]any{"author": didAlice})
	if out["author"] != nil {
		t.Errorf("remove: got %v, want the entry gone", out)
	}
	// The weak post was in only because of the tier.
	if got := e.feedPosts(); !slices.Equal(got, []string{strong}) {
		t.Errorf("after remove: feed %v, want only the strong post", got)
	}
	if got := e.auditActions(); !slices.Equal(got, []string{"ani author.add " + didAlice, "ani author.remove " + didAlice}) {
		t.Errorf("audit: got %v", got)
	}
}

func TestBackfillFailureKeepsTheChange(t *testing.T) {
	e := newEnv(t)
	e.publish(didAlice, textWeak, time.Hour)
	e.pds.SetFailing(true)
	out := e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert"})
	if out["backfillError"] == nil || out["author"] == nil {
		t.Fatalf("got %v, want the author added and the backfill error reported", out)
	}
	e.pds.SetFailing(false)
	bf := e.ok("POST", "/admin/backfill", map[string]any{"author": "alice.test"})
	if bf["fetched"] != 1.0 || len(e.feedPosts()) != 1 {
		t.Errorf("backfill on demand: got %v, feed %v", bf, e.feedPosts())
	}
}

func TestSeedLoadsConfiguredAuthorsOnce(t *testing.T) {
	e := newEnv(t, withSeed(map[syntax.DID]model.Tier{didAlice: model.TierAll, didBob: model.TierBlocked}))
	ctx := t.Context()
	if err := e.svc.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	// A curator changes alice; a restart seeds again and leaves her be.
	e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert"})
	if err := e.svc.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	tiers := map[string]string{}
	for _, x := range e.ok("GET", "/admin/authors", nil)["authors"].([]any) {
		a := x.(map[string]any)
		tiers[a["did"].(string)] = a["effectiveTier"].(string)
	}
	if tiers[didAlice] != "expert" || tiers[didBob] != "blocked" {
		t.Errorf("tiers: got %v, want alice expert (the curator's), bob blocked", tiers)
	}
	want := []string{"config author.add " + didAlice, "config author.add " + didBob, "ani author.update " + didAlice}
	if got := e.auditActions(); !slices.Equal(got, want) {
		t.Errorf("audit: got %v, want %v", got, want)
	}
}

// A change is JSON, declared as such; anything else is a 400 (413 past
// the body limit) that changes nothing, as for every other bad input.
func TestChangesAreJSONBodies(t *testing.T) {
	e := newEnv(t)
	before := e.snapshot()
	body := `{"author":"` + didAlice + `"}`
	for _, tt := range []struct {
		name, contentType, body string
		want                    int
	}{
		{"no content type", "", body, 400},
		{"plain text", "text/plain", body, 400},
		{"a form", "application/x-www-form-urlencoded", body, 400},
		{"past the body limit", "application/json", `{"author":"` + strings.Repeat("a", 2<<20) + `"}`, 413},
	} {
		req := httptest.NewRequest("POST", "/admin/authors", strings.NewReader(tt.body))
		if tt.contentType != "" {
			req.Header.Set("Content-Type", tt.contentType)
		}
		req.Header.Set("Authorization", "Bearer "+tokenAni)
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != tt.want || !strings.Contains(rec.Body.String(), `"error"`) || strings.Contains(rec.Body.String(), "aaaa") {
			t.Errorf("%s: got %d %s, want %d with an XRPC error that does not echo the body", tt.name, rec.Code, rec.Body, tt.want)
		}
	}
	if !bytes.Equal(before, e.snapshot()) {
		t.Error("a refused body changed the database")
	}
	// A charset is fine.
	req := httptest.NewRequest("POST", "/admin/authors", strings.NewReader(`{"author":"`+didAlice+`","noBackfill":true}`))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+tokenAni)
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("JSON with a charset: got %d %s, want 200", rec.Code, rec.Body)
	}
}
