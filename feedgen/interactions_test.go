package feedgen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/atcrypto"
	iauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const (
	alice = syntax.DID("did:plc:alicexxxxxxxxxxxxxxxxxxx")
	bob   = syntax.DID("did:plc:bobxxxxxxxxxxxxxxxxxxxxx")
)

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// viewerFixture is a server with real service auth: viewers sign their
// own tokens with keys the mock directory publishes.
type viewerFixture struct {
	*fixture
	reg   *prometheus.Registry
	clock *fakeClock
	keys  map[syntax.DID]atcrypto.PrivateKey
	aud   string
}

func interactionsConfig() Config {
	cfg := testConfig()
	cfg.Feeds = []Feed{
		{ID: "sc-peace", URI: feedURI, AcceptsInteractions: true},
		{ID: "other", URI: otherURI},
	}
	return cfg
}

func newViewerFixture(t *testing.T, cfg Config, strict bool, extra ...func(*Deps)) *viewerFixture {
	t.Helper()
	dir := identity.NewMockDirectory()
	keys := map[syntax.DID]atcrypto.PrivateKey{}
	for _, did := range []syntax.DID{alice, bob} {
		priv, err := atcrypto.GeneratePrivateKeyK256()
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := priv.PublicKey()
		keys[did] = priv
		dir.Insert(identity.Identity{DID: did, Handle: syntax.HandleInvalid,
			Keys: map[string]identity.VerificationMethod{"atproto": {Type: "Multikey", PublicKeyMultibase: pub.Multibase()}}})
	}
	reg := prometheus.NewRegistry()
	v, err := auth.NewValidator(auth.Config{Audience: cfg.ServiceDID, Resolver: dir, Strict: strict, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := mustOpen(t)
	deps := Deps{Store: st, Registry: reg, Auth: v, Now: clock.Now}
	for _, fn := range extra {
		fn(&deps)
	}
	srv, err := New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return &viewerFixture{fixture: &fixture{store: st, srv: srv, http: hs}, reg: reg, clock: clock, keys: keys, aud: cfg.ServiceDID.String()}
}

func (f *viewerFixture) token(t *testing.T, viewer syntax.DID, lxm syntax.NSID) string {
	t.Helper()
	tok, err := iauth.SignServiceAuth(viewer, f.aud, time.Minute, &lxm, f.keys[viewer])
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// send posts a sendInteractions body as viewer ("" for none) and returns
// the status and body.
func (f *viewerFixture) send(t *testing.T, viewer syntax.DID, contentType, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", f.http.URL+"/xrpc/app.bsky.feed.sendInteractions", strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if viewer != "" {
		req.Header.Set("Authorization", "Bearer "+f.token(t, viewer, auth.LXMSendInteractions))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (f *viewerFixture) interact(t *testing.T, viewer syntax.DID, event string, items ...syntax.ATURI) {
	t.Helper()
	in := bsky.FeedSendInteractions_Input{}
	for _, it := range items {
		item, ev, ctx := it.String(), event, "sc-peace"
		in.Interactions = append(in.Interactions, &bsky.FeedDefs_Interaction{Item: &item, Event: &ev, FeedContext: &ctx})
	}
	b, _ := json.Marshal(in)
	if code, body := f.send(t, viewer, "application/json", string(b)); code != 200 || strings.TrimSpace(body) != "{}" {
		t.Fatalf("sendInteractions: got %d %s, want 200 {}", code, body)
	}
}

// page fetches one skeleton page of feed as viewer ("" for logged out).
func (f *viewerFixture) page(t *testing.T, viewer syntax.DID, feed string, limit int, cursor string, hdr http.Header) (bsky.FeedGetFeedSkeleton_Output, http.Header) {
	t.Helper()
	q := url.Values{"feed": {feed}, "limit": {fmt.Sprint(limit)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	req, _ := http.NewRequest("GET", f.http.URL+"/xrpc/app.bsky.feed.getFeedSkeleton?"+q.Encode(), nil)
	for k, v := range hdr {
		req.Header[k] = v
	}
	if viewer != "" {
		req.Header.Set("Authorization", "Bearer "+f.token(t, viewer, auth.LXMGetFeedSkeleton))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("getFeedSkeleton: status %d: %s", resp.StatusCode, body)
	}
	var out bsky.FeedGetFeedSkeleton_Output
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	return out, resp.Header
}

// walk returns every post of feed as viewer sees it, page by page.
func (f *viewerFixture) walk(t *testing.T, viewer syntax.DID, feed string, limit int, hdr http.Header) []string {
	t.Helper()
	var got []string
	seen := map[string]bool{}
	for cursor := ""; ; {
		out, _ := f.page(t, viewer, feed, limit, cursor, hdr)
		for _, it := range out.Feed {
			if seen[it.Post] {
				t.Fatalf("%s served twice", it.Post)
			}
			seen[it.Post] = true
			got = append(got, it.Post)
		}
		if out.Cursor == nil {
			return got
		}
		cursor = *out.Cursor
	}
}

// authorPost is post n of an author named by a short word.
func authorPost(author string, n int, sortUS int64) *model.Post {
	did := syntax.DID(fmt.Sprintf("did:plc:%s%s", author, strings.Repeat("x", 24-len(author))))
	return &model.Post{
		URI:       syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3k%s%04d", did, author, n)),
		CID:       "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a",
		Author:    did,
		CreatedUS: sortUS,
		IndexedUS: sortUS,
	}
}

func without(all []string, drop ...string) []string {
	var out []string
	for _, s := range all {
		keep := true
		for _, d := range drop {
			if strings.Contains(s, d) {
				keep = false
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

func TestSendInteractionsNeedsAVerifiedViewer(t *testing.T) {
	body := `{"interactions":[{"item":"at://did:plc:axxxxxxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/1","event":"app.bsky.feed.defs#requestLess"}]}`
	for _, strict := range []bool{false, true} {
		f := newViewerFixture(t, interactionsConfig(), strict)
		wrongLXM := f.token(t, alice, auth.LXMGetFeedSkeleton)
		for _, tc := range []struct {
			name  string
			token string
			want  int
		}{
			{"no token", "", 401},
			{"token for getFeedSkeleton", wrongLXM, 401},
			{"garbage token", "not-a-jwt", 401},
			{"valid token", f.token(t, alice, auth.LXMSendInteractions), 200},
		} {
			req, _ := http.NewRequest("POST", f.http.URL+"/xrpc/app.bsky.feed.sendInteractions", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var e XRPCError
			json.NewDecoder(resp.Body).Decode(&e)
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("strict=%v %s: got %d, want %d", strict, tc.name, resp.StatusCode, tc.want)
			}
			if tc.want == 401 && e.Error == "" {
				t.Errorf("strict=%v %s: 401 without an XRPC error body", strict, tc.name)
			}
		}
		if n := f.store.CountViewerPrefs(); n != 1 {
			t.Errorf("strict=%v: %d viewer records, want only the verified viewer's", strict, n)
		}
	}
}

// "Show less" hides that post for that viewer; after three of one
// author's posts, the author; "show more" brings the author back.
func TestShowLessHidesPostThenAuthor(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	var posts []*model.Post
	for i := range 6 {
		posts = append(posts, authorPost("anna", i, int64(100+i)), authorPost("gor", i, int64(200+i)))
	}
	// A curated reposter shares one of anna's posts, and anna shares one of gor's.
	repostOfAnna := &model.Post{URI: "at://did:plc:reposterxxxxxxxxxxxxxxxx/app.bsky.feed.repost/3kr1", CID: "x",
		Author: "did:plc:reposterxxxxxxxxxxxxxxxx", Subject: authorPost("anna", 99, 0).URI, IndexedUS: 300}
	annaReposts := &model.Post{URI: syntax.ATURI("at://" + string(authorPost("anna", 0, 0).Author) + "/app.bsky.feed.repost/3kr2"), CID: "x",
		Author: authorPost("anna", 0, 0).Author, Subject: authorPost("gor", 98, 0).URI, IndexedUS: 301}
	f.addPosts(t, "sc-peace", append(posts, repostOfAnna, annaReposts)...)
	all := f.walk(t, "", feedURI, 5, nil)
	if len(all) != 14 {
		t.Fatalf("feed holds %d items, want 14", len(all))
	}

	f.interact(t, alice, EventRequestLess, authorPost("anna", 1, 0).URI)
	if got, want := f.walk(t, alice, feedURI, 5, nil), without(all, "3kanna0001"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after one show-less:\n got %v\nwant %v", got, want)
	}
	if got := f.walk(t, bob, feedURI, 5, nil); fmt.Sprint(got) != fmt.Sprint(all) {
		t.Errorf("another viewer is affected: got %v", got)
	}
	if got := f.walk(t, "", feedURI, 5, nil); fmt.Sprint(got) != fmt.Sprint(all) {
		t.Errorf("logged-out viewers are affected: got %v", got)
	}

	// Asking twice about the same post is not "repeated requests" about
	// the author.
	f.interact(t, alice, EventRequestLess, authorPost("anna", 1, 0).URI, authorPost("anna", 2, 0).URI)
	if got := f.walk(t, alice, feedURI, 5, nil); len(got) != 12 {
		t.Errorf("two distinct posts asked less of: got %d items, want 12", len(got))
	}
	f.interact(t, alice, EventRequestLess, authorPost("anna", 3, 0).URI)
	// Every item anna put in the feed or wrote is gone: her posts, the
	// repost of her post, her repost of gor's.
	gone := without(all, "anna", "3kgor0098")
	if got := f.walk(t, alice, feedURI, 5, nil); fmt.Sprint(got) != fmt.Sprint(gone) {
		t.Errorf("after three show-less:\n got %v\nwant %v", got, gone)
	}
	// The other feed, which takes no feedback, is unaffected.
	f.addPosts(t, "other", authorPost("anna", 50, 500))
	if got := f.walk(t, alice, otherURI, 5, nil); len(got) != 1 {
		t.Errorf("other feed: got %v, want anna's post", got)
	}

	// "Show more" on one of her posts brings anna back, without the
	// posts still asked less of.
	f.interact(t, alice, EventRequestMore, authorPost("anna", 4, 0).URI)
	if got, want := f.walk(t, alice, feedURI, 5, nil), without(all, "3kanna0001", "3kanna0002", "3kanna0003"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after show-more:\n got %v\nwant %v", got, want)
	}
	// Two more requests do not hide her again: the count starts after
	// the show-more.
	f.clock.Add(time.Second)
	f.interact(t, alice, EventRequestLess, authorPost("anna", 5, 0).URI, authorPost("anna", 0, 0).URI)
	if got := f.walk(t, alice, feedURI, 5, nil); !strings.Contains(fmt.Sprint(got), "3kanna0004") {
		t.Errorf("anna hidden again by fewer than three requests after show-more: %v", got)
	}
}

// Marks are bounded per viewer and expire; pruning then removes them from
// the file too.
func TestFeedbackIsBoundedAndExpires(t *testing.T) {
	cfg := interactionsConfig()
	cfg.Interactions = InteractionPolicy{MaxLessPosts: 3, AuthorThreshold: 100}
	f := newViewerFixture(t, cfg, false)
	var posts []*model.Post
	var uris []syntax.ATURI
	for i := range 5 {
		p := authorPost("vard", i, int64(100+i))
		posts = append(posts, p)
		uris = append(uris, p.URI)
	}
	f.addPosts(t, "sc-peace", posts...)
	for _, u := range uris {
		f.interact(t, alice, EventRequestLess, u)
		f.clock.Add(time.Minute)
	}
	// The oldest two marks made room for newer ones.
	if got := f.walk(t, alice, feedURI, 10, nil); len(got) != 2 || !strings.Contains(got[0], "3kvard0001") || !strings.Contains(got[1], "3kvard0000") {
		t.Errorf("with room for 3 marks: got %v, want the first two posts back", got)
	}
	p, _ := f.store.ViewerPrefs(context.Background(), alice, "sc-peace")
	if len(p.LessPosts) != 3 {
		t.Errorf("stored %d marks, want 3", len(p.LessPosts))
	}

	// Past the TTL the marks no longer hide anything, before any prune.
	f.clock.Add(31 * 24 * time.Hour)
	if got := f.walk(t, alice, feedURI, 10, nil); len(got) != 5 {
		t.Errorf("after 31 days: got %d posts, want all 5", len(got))
	}
	if err := f.srv.PruneInteractions(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := f.store.CountViewerPrefs(); n != 0 {
		t.Errorf("after pruning: %d viewer records, want 0", n)
	}
}

// Three requests about one author hide the author only within the 30-day
// window; a request older than that has also stopped hiding its post.
func TestAuthorWindow(t *testing.T) {
	for _, tc := range []struct {
		name  string
		every time.Duration
		want  []string
	}{
		{"two weeks apart", 14 * 24 * time.Hour, nil},
		{"sixteen days apart", 16 * 24 * time.Hour, []string{"3klevon0003", "3klevon0000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newViewerFixture(t, interactionsConfig(), false)
			var posts []*model.Post
			for i := range 4 {
				posts = append(posts, authorPost("levon", i, int64(100+i)))
			}
			f.addPosts(t, "sc-peace", posts...)
			for i := range 3 {
				if i > 0 {
					f.clock.Add(tc.every)
				}
				f.interact(t, alice, EventRequestLess, posts[i].URI)
			}
			got := f.walk(t, alice, feedURI, 10, nil)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tc.want[i]) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestSkeletonCarriesFeedContext(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	f.addPosts(t, "sc-peace", post(1, 100))
	f.addPosts(t, "other", post(2, 100))
	out, _ := f.page(t, "", feedURI, 10, "", nil)
	if len(out.Feed) != 1 || out.Feed[0].FeedContext == nil || *out.Feed[0].FeedContext != "sc-peace" {
		t.Errorf("feed taking interactions: got %+v, want feedContext sc-peace", out.Feed[0])
	}
	out, _ = f.page(t, "", otherURI, 10, "", nil)
	if len(out.Feed) != 1 || out.Feed[0].FeedContext != nil {
		t.Errorf("feed taking none: got feedContext %v, want none", out.Feed[0].FeedContext)
	}
}

// Each interaction is counted under the feed it belongs to: the one its
// feedContext names, else the feed beside it, else the only feed taking
// feedback.
func TestInteractionsAreAttributedAndCounted(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	item := `"item":"at://did:plc:axxxxxxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/1"`
	bodies := []string{
		`{"interactions":[{` + item + `,"event":"app.bsky.feed.defs#interactionSeen","feedContext":"sc-peace"}]}`,
		`{"interactions":[{` + item + `,"event":"app.bsky.feed.defs#interactionSeen"}]}`,
		`{"feed":"` + feedURI + `","interactions":[{` + item + `,"event":"app.bsky.feed.defs#clickthroughItem"}]}`,
		`{"feed":"` + otherURI + `","interactions":[{` + item + `,"event":"app.bsky.feed.defs#clickthroughItem"}]}`,
		`{"interactions":[{` + item + `,"event":"app.bsky.feed.defs#interactionSeen","feedContext":"gone-feed"}]}`,
		`{"interactions":[{` + item + `,"event":"com.example.brandNewEvent","feedContext":"sc-peace"},{}]}`,
	}
	for _, b := range bodies {
		if code, body := f.send(t, alice, "application/json", b); code != 200 {
			t.Fatalf("%s: got %d %s", b, code, body)
		}
	}
	for _, tc := range []struct {
		feed, event string
		want        float64
	}{
		{"sc-peace", "interactionSeen", 2},
		{"sc-peace", "clickthroughItem", 1},
		{"unknown", "clickthroughItem", 1},
		{"unknown", "interactionSeen", 1},
		{"sc-peace", "other", 2},
	} {
		if got := testutil.ToFloat64(f.srv.ia.events.WithLabelValues(tc.feed, tc.event)); got != tc.want {
			t.Errorf("feedgen_interactions_total{feed=%q,event=%q}: got %v, want %v", tc.feed, tc.event, got, tc.want)
		}
	}
	if n := f.store.CountViewerPrefs(); n != 0 {
		t.Errorf("events that change nothing were stored: %d records", n)
	}
}

func TestMalformedInteractions(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	less := `"event":"app.bsky.feed.defs#requestLess"`
	item := `"item":"at://did:plc:axxxxxxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/1"`
	good := `{` + item + `,` + less + `}`
	tests := []struct {
		name        string
		contentType string
		body        string
		status      int
	}{
		{"not json", "application/json", `hello`, 400},
		{"no content type", "", `{"interactions":[]}`, 400},
		{"form content type", "application/x-www-form-urlencoded", `{"interactions":[]}`, 400},
		{"interactions missing", "application/json", `{}`, 400},
		{"interactions null", "application/json", `{"interactions":null}`, 400},
		{"interactions not an array", "application/json", `{"interactions":{}}`, 400},
		{"interaction not an object", "application/json", `{"interactions":[` + good + `,5]}`, 400},
		{"null interaction", "application/json", `{"interactions":[` + good + `,null]}`, 400},
		{"item not an at-uri", "application/json", `{"interactions":[` + good + `,{"item":"https://example.com",` + less + `}]}`, 400},
		{"item a number", "application/json", `{"interactions":[{"item":5}]}`, 400},
		{"feedContext too long", "application/json", `{"interactions":[{` + item + `,"feedContext":"` + strings.Repeat("a", 2001) + `"}]}`, 400},
		{"reqId too long", "application/json", `{"interactions":[{` + item + `,"reqId":"` + strings.Repeat("a", 101) + `"}]}`, 400},
		{"feed not an at-uri", "application/json", `{"feed":"nope","interactions":[` + good + `]}`, 400},
		{"two values", "application/json", `{"interactions":[]} {"interactions":[]}`, 400},
		{"truncated", "application/json", `{"interactions":[` + good, 400},
		{"too large", "application/json", `{"interactions":[` + strings.Repeat(good+",", 20000) + good + `]}`, 413},
		{"empty list", "application/json", `{"interactions":[]}`, 200},
		{"json with charset", "application/json; charset=utf-8", `{"interactions":[]}`, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := f.send(t, alice, tt.contentType, tt.body)
			if code != tt.status {
				t.Fatalf("got %d %s, want %d", code, body, tt.status)
			}
			if code != 200 {
				var e XRPCError
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" || e.Message == "" {
					t.Errorf("error body is not XRPC JSON: %s", body)
				}
				if strings.Contains(body, strings.Repeat("a", 100)) {
					t.Errorf("error echoes the input: %s", body)
				}
			}
		})
	}
	// No batch with a bad interaction in it was partly applied.
	if n := f.store.CountViewerPrefs(); n != 0 {
		t.Errorf("malformed batches stored %d records, want 0", n)
	}
}

func TestPolicyApply(t *testing.T) {
	pol := InteractionPolicy{}
	pol.setDefaults()
	a1 := syntax.ATURI("at://did:plc:a/app.bsky.feed.post/1")
	a2 := syntax.ATURI("at://did:plc:a/app.bsky.feed.post/2")
	p := &store.ViewerPrefs{}
	pol.applyAll(p, []interaction{{event: EventRequestMore, item: a1}}, 10)
	pol.applyAll(p, []interaction{{event: EventRequestLess, item: a1}}, 20)
	if len(p.MorePosts) != 0 || len(p.LessPosts) != 1 {
		t.Errorf("less after more on one post: got %+v, want only the less", p)
	}
	pol.applyAll(p, []interaction{{event: EventRequestLess, item: a2}}, 30)
	pol.applyAll(p, []interaction{{event: EventRequestLess, item: a2}}, 40)
	if len(p.LessPosts) != 2 || p.LessPosts[1].AtUS != 40 || len(p.LessAuthors) != 0 {
		t.Errorf("repeating a post: got %+v, want two marks, the newer time, no author", p)
	}
}

// One viewer's feedback writes are rate limited; events that write
// nothing, and other viewers, are not held back.
func TestFeedbackWritesAreRateLimited(t *testing.T) {
	cfg := interactionsConfig()
	cfg.Interactions = InteractionPolicy{WriteRate: 1, WriteBurst: 3}
	f := newViewerFixture(t, cfg, false)
	less := func(n int) string {
		return fmt.Sprintf(`{"interactions":[{"item":"at://did:plc:axxxxxxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/%d","event":"app.bsky.feed.defs#requestLess"}]}`, n)
	}
	seen := `{"interactions":[{"item":"at://did:plc:axxxxxxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/1","event":"app.bsky.feed.defs#interactionSeen"}]}`
	for i := range 3 {
		if code, body := f.send(t, alice, "application/json", less(i)); code != 200 {
			t.Fatalf("write %d: got %d %s", i, code, body)
		}
	}
	code, body := f.send(t, alice, "application/json", less(3))
	var e XRPCError
	json.Unmarshal([]byte(body), &e)
	if code != 429 || e.Error != "RateLimitExceeded" {
		t.Errorf("fourth write in a second: got %d %s, want 429 RateLimitExceeded", code, body)
	}
	if code, _ := f.send(t, alice, "application/json", seen); code != 200 {
		t.Errorf("an event that writes nothing: got %d, want 200", code)
	}
	if code, _ := f.send(t, bob, "application/json", less(9)); code != 200 {
		t.Errorf("another viewer: got %d, want 200", code)
	}
	f.clock.Add(time.Second)
	if code, _ := f.send(t, alice, "application/json", less(4)); code != 200 {
		t.Errorf("a second later: got %d, want 200", code)
	}
	p, _ := f.store.ViewerPrefs(context.Background(), alice, "sc-peace")
	if len(p.LessPosts) != 4 {
		t.Errorf("stored %d marks, want the 4 writes that were let through", len(p.LessPosts))
	}
}
