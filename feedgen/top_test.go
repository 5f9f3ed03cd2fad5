package feedgen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

const topURI = "at://" + publisher + "/app.bsky.feed.generator/sc-peace-top"

// fakeEngagement is engagement counts tests set by hand.
type fakeEngagement struct {
	mu     sync.Mutex
	counts map[syntax.ATURI]ranking.Counts
}

func (f *fakeEngagement) Engagement(_ context.Context, uris []syntax.ATURI, out []ranking.Counts) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, u := range uris {
		out[i] = f.counts[u]
	}
	return nil
}

func (f *fakeEngagement) add(uri syntax.ATURI, c ranking.Counts) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.counts == nil {
		f.counts = map[syntax.ATURI]ranking.Counts{}
	}
	old := f.counts[uri]
	f.counts[uri] = ranking.Counts{Likes: old.Likes + c.Likes, Reposts: old.Reposts + c.Reposts, Replies: old.Replies + c.Replies, Quotes: old.Quotes + c.Quotes}
}

// topFixture serves sc-peace newest first and sc-peace-top (the same
// posts) by engagement, with real service auth for viewers.
type topFixture struct {
	*viewerFixture
	eng    *fakeEngagement
	ranker *ranking.Ranker
}

func newTopFixture(t *testing.T, pins Pinner, langs LanguageMode) *topFixture {
	t.Helper()
	cfg := testConfig()
	cfg.Feeds = []Feed{
		{ID: "sc-peace", URI: feedURI, AcceptsInteractions: true},
		{ID: "sc-peace-top", URI: topURI, AcceptsInteractions: true, Store: "sc-peace", Top: true, Languages: langs},
	}
	tf := &topFixture{eng: &fakeEngagement{}}
	tf.viewerFixture = newViewerFixture(t, cfg, false, func(d *Deps) {
		var err error
		tf.ranker, err = ranking.New(ranking.Config{
			Feeds: []ranking.Feed{{ID: "sc-peace-top", Store: "sc-peace", Params: ranking.Params{Window: 72 * time.Hour, HalfLife: 12 * time.Hour, Weights: ranking.DefaultWeights}}},
			Now:   d.Now,
		}, d.Store, tf.eng, nil, prometheus.NewRegistry())
		if err != nil {
			t.Fatal(err)
		}
		d.Ranker = tf.ranker
		d.Pins = pins
	})
	return tf
}

// at is a sort time the given age before the fixture's clock.
func (f *topFixture) at(age time.Duration) int64 { return f.clock.Now().Add(-age).UnixMicro() }

func uris(posts ...*model.Post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, string(p.URI))
	}
	return out
}

// A post's likes, reposts, replies and quotes, weighted by kind and
// halved every half-life, order the top feed; a post older than the window
// is not in it, though the newest-first feed still has it.
func TestTopOrdersByWeightedEngagementDecayedByAge(t *testing.T) {
	f := newTopFixture(t, nil, LanguagesIgnored)
	fresh := authorPost("anna", 1, f.at(time.Hour))               // (1+0) * 2^(-1/12)  = 0.94
	reposted := authorPost("gor", 2, f.at(2*time.Hour))           // (1+3) * 2^(-2/12)  = 3.56
	liked := authorPost("nino", 3, f.at(2*time.Hour+time.Second)) // (1+2) * 2^(-2/12) = 2.67
	yesterday := authorPost("vard", 4, f.at(24*time.Hour))        // (1+10) * 2^(-2)    = 2.75
	discussed := authorPost("levan", 5, f.at(30*time.Hour))       // (1+2*4+3*1) * 2^(-2.5) = 2.12
	old := authorPost("ani", 6, f.at(80*time.Hour))               // beyond the 72h window
	f.addPosts(t, "sc-peace", fresh, reposted, liked, yesterday, discussed, old)
	f.eng.add(reposted.URI, ranking.Counts{Reposts: 1})
	f.eng.add(liked.URI, ranking.Counts{Likes: 2})
	f.eng.add(yesterday.URI, ranking.Counts{Likes: 10})
	f.eng.add(discussed.URI, ranking.Counts{Replies: 4, Quotes: 1})
	f.eng.add(old.URI, ranking.Counts{Likes: 1000})

	if got, want := f.walk(t, "", topURI, 2, nil), uris(reposted, yesterday, liked, discussed, fresh); !slices.Equal(got, want) {
		t.Errorf("top feed:\n got %v\nwant %v", got, want)
	}
	if got, want := f.walk(t, "", feedURI, 2, nil), uris(fresh, reposted, liked, yesterday, discussed, old); !slices.Equal(got, want) {
		t.Errorf("newest-first feed of the same posts:\n got %v\nwant %v", got, want)
	}

	// New likes count from the next snapshot on, not in the middle of one.
	f.eng.add(fresh.URI, ranking.Counts{Likes: 30})
	if got := f.walk(t, "", topURI, 10, nil); got[0] != string(reposted.URI) {
		t.Errorf("likes moved the ranking before the snapshot was rebuilt: %v", got)
	}
	f.clock.Add(ranking.DefaultRefresh)
	if got := f.walk(t, "", topURI, 10, nil); got[0] != string(fresh.URI) {
		t.Errorf("after a refresh period the liked post should lead: %v", got)
	}
}

// The "Done when" of issue 13: a reader walks every page of a top feed
// while likes keep arriving and snapshots are rebuilt (and, in the second
// case, expire under the reader's cursor), and never gets a post twice.
func TestTopPagingHoldsWhileLikesArrive(t *testing.T) {
	for _, tc := range []struct {
		name string
		// pause is how long the reader waits between pages.
		pause func(page int) time.Duration
		// complete: every post is served (the snapshots stayed).
		complete bool
	}{
		// 43 pages 20 s apart: four rebuilds during the scroll.
		{"snapshots rebuilt under the reader", func(int) time.Duration { return 20 * time.Second }, true},
		{"snapshots expire under the reader", func(p int) time.Duration {
			if p%4 == 3 {
				return ranking.DefaultKeep + time.Minute
			}
			return 2 * time.Minute
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTopFixture(t, nil, LanguagesIgnored)
			rng := rand.New(rand.NewPCG(13, 1))
			var posts []*model.Post
			for i := range 300 {
				posts = append(posts, authorPost(fmt.Sprintf("a%d", i%17), i, f.at(time.Duration(rng.IntN(40*3600))*time.Second)))
			}
			f.addPosts(t, "sc-peace", posts...)
			for _, p := range posts {
				f.eng.add(p.URI, ranking.Counts{Likes: int64(rng.IntN(20)), Reposts: int64(rng.IntN(3))})
			}
			first, err := f.ranker.Current(context.Background(), "sc-peace-top")
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			cursor := ""
			for page := 0; ; page++ {
				out, _ := f.page(t, "", topURI, 7, cursor, nil)
				for _, it := range out.Feed {
					if p, ok := seen[it.Post]; ok {
						t.Fatalf("page %d: %s served again (first on page %d)", page, it.Post, p)
					}
					seen[it.Post] = page
				}
				if out.Cursor == nil {
					break
				}
				cursor = *out.Cursor
				// Likes arrive everywhere: on posts served and not yet,
				// a few in bursts that would lift a post far up.
				for range 40 {
					p := posts[rng.IntN(len(posts))]
					f.eng.add(p.URI, ranking.Counts{Likes: 1 + int64(rng.IntN(3))})
				}
				f.eng.add(posts[rng.IntN(len(posts))].URI, ranking.Counts{Likes: 200, Reposts: 50})
				f.clock.Add(tc.pause(page))
			}
			if tc.complete && len(seen) != len(posts) {
				t.Errorf("served %d posts of %d", len(seen), len(posts))
			}
			if last, _ := f.ranker.Current(context.Background(), "sc-peace-top"); last.ID == first.ID {
				t.Error("the ranking was never rebuilt during the scroll")
			}
			if !tc.complete && len(seen) < len(posts)/3 {
				t.Errorf("served only %d posts of %d: continuing by rank lost too much", len(seen), len(posts))
			}
		})
	}
}

type fixedTopPins []string

func (p fixedTopPins) Pins(string) []string { return p }

// What applies to the newest-first pages applies to the top pages: pins
// lead and never repeat, a deleted or blocked post goes at once (not at the
// next snapshot), and a viewer's "show less" and languages shape them.
func TestTopPagesAreShapedLikeLatestOnes(t *testing.T) {
	var posts []*model.Post
	for i := range 8 {
		p := authorPost([]string{"anna", "gor"}[i%2], i, 0)
		p.Langs = []string{[]string{"en", "hy", "en", "ka"}[i%4]}
		posts = append(posts, p)
	}
	f := newTopFixture(t, fixedTopPins{string(posts[5].URI)}, LanguagesOnly)
	for i, p := range posts {
		p.CreatedUS, p.IndexedUS = f.at(time.Duration(i)*time.Minute), f.at(time.Duration(i)*time.Minute)
		// Fewer likes the later the post: the top order is the
		// reverse of the newest-first one.
		f.eng.add(p.URI, ranking.Counts{Likes: int64(100 * (i + 1))})
	}
	f.addPosts(t, "sc-peace", posts...)
	u := func(i ...int) []string {
		var out []string
		for _, n := range i {
			out = append(out, string(posts[n].URI))
		}
		return out
	}
	all := f.walk(t, "", topURI, 3, nil)
	if want := u(5, 7, 6, 4, 3, 2, 1, 0); !slices.Equal(all, want) {
		t.Fatalf("top feed with a pin:\n got %v\nwant %v", all, want)
	}
	en := http.Header{"Accept-Language": {"en"}}
	if got, want := f.walk(t, "", topURI, 2, en), u(5, 6, 4, 2, 0); !slices.Equal(got, want) {
		t.Errorf("languages only, for a reader of English (the pin stays):\n got %v\nwant %v", got, want)
	}

	// A post deleted after the snapshot was built leaves at once.
	err := f.store.Update(context.Background(), func(tx *store.Tx) error {
		_, err := tx.DeletePost(posts[6].URI, f.clock.Now().UnixMicro())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.walk(t, "", topURI, 3, nil), u(5, 7, 4, 3, 2, 1, 0); !slices.Equal(got, want) {
		t.Errorf("after a delete:\n got %v\nwant %v", got, want)
	}
	// "Show less" asked in the top feed hides the post in both feeds,
	// which share their feedback as they share their posts.
	body := `{"interactions":[{"item":"` + string(posts[4].URI) + `","event":"` + EventRequestLess + `","feedContext":"sc-peace-top"}]}`
	if code, resp := f.send(t, alice, "application/json", body); code != http.StatusOK {
		t.Fatalf("sendInteractions: %d %s", code, resp)
	}
	if got := f.walk(t, alice, topURI, 3, nil); slices.Contains(got, string(posts[4].URI)) || len(got) != 6 {
		t.Errorf("top feed after show-less: %v", got)
	}
	if got := f.walk(t, alice, feedURI, 3, nil); slices.Contains(got, string(posts[4].URI)) {
		t.Errorf("newest-first feed after show-less in the top feed: %v", got)
	}
}

// A top feed's cursors are its own: one of the newest-first feed, or
// anything else, is refused as malformed; one naming a snapshot this
// server never made (another machine's, before a restart) goes on.
func TestTopCursors(t *testing.T) {
	f := newTopFixture(t, nil, LanguagesIgnored)
	var posts []*model.Post
	for i := range 5 {
		posts = append(posts, authorPost("anna", i, f.at(time.Duration(i)*time.Minute)))
	}
	f.addPosts(t, "sc-peace", posts...)
	for _, c := range []string{"1700000000000000.12", "t1.1.2.3", "t1.x.0.0.0.0", "t3.1.1.3ff0000000000000.1.1", "t2.1.1.3ff0000000000000.1.1.1", "t1.1.1.7ff8000000000001.1.1", strings.Repeat("9", 200)} {
		code, body := f.get(t, "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(topURI)+"&cursor="+url.QueryEscape(c))
		if code != http.StatusBadRequest || !strings.Contains(string(body), "malformed cursor") {
			t.Errorf("cursor %q: got %d %s, want 400 malformed cursor", c, code, body)
		}
	}
	first, _ := f.page(t, "", topURI, 2, "", nil)
	c, err := ranking.ParseCursor(*first.Cursor)
	if err != nil {
		t.Fatal(err)
	}
	c.Snapshot = 12345
	rest, _ := f.page(t, "", topURI, 10, c.String(), nil)
	if len(rest.Feed) != 3 || slices.ContainsFunc(rest.Feed, func(it *bsky.FeedDefs_SkeletonFeedPost) bool {
		return it.Post == first.Feed[0].Post || it.Post == first.Feed[1].Post
	}) {
		t.Errorf("a cursor of an unknown snapshot: got %d posts, want the 3 not served yet", len(rest.Feed))
	}
}

// Feedback that names no feed goes to the one set of posts both feeds
// serve, as it did when there was one feed.
func TestUnattributedFeedbackBelongsToTheSharedPosts(t *testing.T) {
	f := newTopFixture(t, nil, LanguagesIgnored)
	a, b := authorPost("anna", 1, f.at(time.Hour)), authorPost("gor", 2, f.at(2*time.Hour))
	f.addPosts(t, "sc-peace", a, b)
	body := `{"interactions":[{"item":"` + string(a.URI) + `","event":"` + EventRequestLess + `"}]}`
	if code, resp := f.send(t, alice, "application/json", body); code != http.StatusOK {
		t.Fatalf("sendInteractions: %d %s", code, resp)
	}
	for _, feed := range []string{feedURI, topURI} {
		if got := f.walk(t, alice, feed, 10, nil); !slices.Equal(got, uris(b)) {
			t.Errorf("%s after show-less without a feed: %v", feed, got)
		}
	}
}

// A new post reaches a top feed within a minute (at once while the feed
// was empty), without waiting for the five-minute refresh of engagement.
func TestNewPostsReachTheTopFeedSoon(t *testing.T) {
	f := newTopFixture(t, nil, LanguagesIgnored)
	if got := f.walk(t, "", topURI, 10, nil); len(got) != 0 {
		t.Fatalf("empty feed: %v", got)
	}
	first := authorPost("anna", 1, f.at(time.Minute))
	f.addPosts(t, "sc-peace", first)
	f.clock.Add(2 * time.Second)
	if got := f.walk(t, "", topURI, 10, nil); !slices.Equal(got, uris(first)) {
		t.Fatalf("after the first post: %v", got)
	}
	second := authorPost("gor", 2, f.at(0))
	f.addPosts(t, "sc-peace", second)
	f.clock.Add(10 * time.Second)
	if got := f.walk(t, "", topURI, 10, nil); !slices.Equal(got, uris(first)) {
		t.Errorf("ten seconds after a second post: %v, want the snapshot as it was", got)
	}
	f.clock.Add(time.Minute)
	if got := f.walk(t, "", topURI, 10, nil); !slices.Equal(got, uris(second, first)) {
		t.Errorf("a minute after a second post: %v", got)
	}
}
