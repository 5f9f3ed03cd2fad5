package feedgen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// mutablePins is a Pinner a test changes, as curation's pins change.
type mutablePins struct {
	mu   sync.Mutex
	pins []string
}

func (p *mutablePins) Pins(string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.pins
}

func (p *mutablePins) set(pins ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pins = pins
}

// rawFirst fetches the first page of the feed with limit and returns the
// response, its body and the posts in it.
func rawFirst(t *testing.T, f *fixture, limit int, hdr http.Header) (*http.Response, []byte, []string) {
	t.Helper()
	q := url.Values{"feed": {feedURI}, "limit": {strconv.Itoa(limit)}}
	req, _ := http.NewRequest("GET", f.http.URL+"/xrpc/app.bsky.feed.getFeedSkeleton?"+q.Encode(), nil)
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode == http.StatusNotModified {
		return resp, body, nil
	}
	var out bsky.FeedGetFeedSkeleton_Output
	if err := json.Unmarshal(body, &out); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("first page: %d %s", resp.StatusCode, body)
	}
	var posts []string
	for _, it := range out.Feed {
		posts = append(posts, it.Post)
	}
	return resp, body, posts
}

// The first page served from memory is never older than the last commit:
// a new post is on the next request, a block takes a post off at once, a
// change of pins shows at once; a viewer who asked to see less still gets
// their own page, while everyone else's stays the kept one. The entity tag
// names the kept page: the same while nothing changed, 304 to a client
// that holds it, a new one after a commit.
func TestFirstPageFromMemoryFollowsCommits(t *testing.T) {
	pins := &mutablePins{}
	f := newViewerFixture(t, interactionsConfig(), false, func(d *Deps) { d.Pins = pins })
	var posts []*model.Post
	for i := range 60 {
		posts = append(posts, authorPost([]string{"anna", "gor", "nino"}[i%3], i, int64(1000+i)))
	}
	f.addPosts(t, "sc-peace", posts...)

	resp1, body1, first := rawFirst(t, f.fixture, 50, nil)
	resp2, body2, again := rawFirst(t, f.fixture, 50, nil)
	if len(first) != 50 || !slices.Equal(first, again) {
		t.Fatalf("two first pages differ: %d posts, then %d", len(first), len(again))
	}
	etag := resp1.Header.Get("ETag")
	if etag == "" || resp2.Header.Get("ETag") != etag {
		t.Fatalf("entity tags %q and %q: the second page was not the kept one", etag, resp2.Header.Get("ETag"))
	}
	if resp1.Header.Get("Content-Length") != strconv.Itoa(len(body1)) || resp2.Header.Get("Content-Length") != strconv.Itoa(len(body2)) {
		t.Errorf("Content-Length %q for %d bytes", resp2.Header.Get("Content-Length"), len(body2))
	}
	if string(body1) == string(body2) {
		t.Error("two responses carry the same reqId")
	}
	if r, b, _ := rawFirst(t, f.fixture, 50, http.Header{"If-None-Match": {`"other", ` + etag}}); r.StatusCode != http.StatusNotModified || len(b) != 0 {
		t.Errorf("If-None-Match with the page's tag: got %d and %d bytes, want 304 and none", r.StatusCode, len(b))
	}
	// Another limit is its own page, the same posts as far as it goes.
	if _, _, ten := rawFirst(t, f.fixture, 10, nil); !slices.Equal(ten, first[:10]) {
		t.Errorf("first page of 10: %v", ten)
	}

	// A commit: the new post leads the next page, whose tag is new.
	fresh := authorPost("anna", 100, 5000)
	f.addPosts(t, "sc-peace", fresh)
	r, _, got := rawFirst(t, f.fixture, 50, http.Header{"If-None-Match": {etag}})
	if r.StatusCode != http.StatusOK || len(got) == 0 || got[0] != string(fresh.URI) {
		t.Fatalf("after a commit: status %d, page starts %v, want %s", r.StatusCode, got[:min(1, len(got))], fresh.URI)
	}
	if r.Header.Get("ETag") == etag {
		t.Error("the page changed and its tag did not")
	}
	if _, _, ten := rawFirst(t, f.fixture, 10, nil); ten[0] != string(fresh.URI) {
		t.Errorf("the page of 10 after a commit starts with %s", ten[0])
	}

	// A curator's block (what curation does: the block, then the post out).
	blocked := posts[58].URI
	err := f.store.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.PutBlock(&model.Block{URI: blocked, By: "curator"}); err != nil {
			return err
		}
		_, err := tx.DeletePost(blocked, 0)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, got := rawFirst(t, f.fixture, 50, nil); slices.Contains(got, string(blocked)) || len(got) != 50 {
		t.Fatalf("after a block the page still holds %s (%d posts)", blocked, len(got))
	}

	// A pin leads the first page as soon as curation holds it.
	pins.set(string(posts[0].URI))
	if _, _, got := rawFirst(t, f.fixture, 50, nil); got[0] != string(posts[0].URI) || got[1] != string(fresh.URI) {
		t.Fatalf("after a pin the page starts %v", got[:2])
	}
	pins.set()
	if _, _, got := rawFirst(t, f.fixture, 50, nil); got[0] != string(fresh.URI) || slices.Contains(got, string(posts[0].URI)) {
		t.Fatalf("after the unpin the page starts %v", got[:2])
	}

	// Alice asks to see less of the fresh post: her page drops it;
	// everyone else's still leads with it.
	f.interact(t, alice, EventRequestLess, fresh.URI)
	out, _ := f.page(t, alice, feedURI, 50, "", nil)
	if len(out.Feed) != 50 || slices.ContainsFunc(out.Feed, func(it *bsky.FeedDefs_SkeletonFeedPost) bool { return it.Post == string(fresh.URI) }) {
		t.Fatalf("alice's page after show-less: %d posts, holding %s", len(out.Feed), fresh.URI)
	}
	if _, _, got := rawFirst(t, f.fixture, 50, nil); got[0] != string(fresh.URI) {
		t.Errorf("a logged-out page after alice's show-less starts %s", got[0])
	}
	if out, _ := f.page(t, bob, feedURI, 50, "", nil); out.Feed[0].Post != string(fresh.URI) {
		t.Errorf("bob's page after alice's show-less starts %s", out.Feed[0].Post)
	}
}

// While readers fill and read the kept page concurrently, every commit is
// on the first page requested after it returns.
func TestFirstPageNeverStaleUnderConcurrentReads(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	f.addPosts(t, "sc-peace", post(0, 1000))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(f.http.URL + "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape(feedURI))
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}()
	}
	defer func() { close(stop); wg.Wait() }()
	for i := 1; i <= 40; i++ {
		p := post(i, int64(1000+i))
		f.addPosts(t, "sc-peace", p)
		_, _, got := rawFirst(t, f, 50, nil)
		if len(got) == 0 || got[0] != string(p.URI) {
			t.Fatalf("commit %d: the first page starts %v, want %s", i, got[:min(1, len(got))], p.URI)
		}
	}
}

// A feed with no commit in between still counts versions per feed: a
// commit to another feed leaves this one's kept page alone.
func TestFeedVersionsArePerFeed(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	f.addPosts(t, "sc-peace", post(0, 1000))
	v := f.store.FeedVersion("sc-peace")
	testutil.PutPosts(t, f.store, &model.Post{URI: syntax.ATURI(fmt.Sprintf("at://did:plc:x/app.bsky.feed.post/3k%d", 1)), Author: "did:plc:x",
		CreatedUS: 5, IndexedUS: 5, Feeds: []model.Membership{{Feed: "other", Score: 1}}})
	if got := f.store.FeedVersion("sc-peace"); got != v {
		t.Errorf("a commit to another feed moved this one's version from %d to %d", v, got)
	}
	if f.store.FeedVersion("other") == 0 {
		t.Error("the commit to other did not move its version")
	}
}

// A cursor of schema 1 ("<sortUS>.<seq>"), which clients may hold across
// the upgrade, is still accepted, and what it continues with is portable.
func TestSchema1CursorStillAccepted(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	for i := range 5 {
		f.addPosts(t, "sc-peace", post(i, int64(1000+i)))
	}
	out := skeleton(t, f, url.Values{"feed": {feedURI}, "limit": {"2"}, "cursor": {"1003.7"}})
	if len(out.Feed) != 2 || out.Feed[0].Post != string(post(2, 0).URI) || out.Cursor == nil {
		t.Fatalf("a schema-1 cursor: %+v", out)
	}
	if _, err := store.ParseFeedCursor(*out.Cursor); err != nil || slices.Contains([]byte(*out.Cursor), '.') {
		t.Errorf("it continues with %q, not a portable cursor", *out.Cursor)
	}
}
