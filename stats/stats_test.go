package stats

import (
	"context"
	"fmt"
	"hash/maphash"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func viewer(i int) syntax.DID { return syntax.DID(fmt.Sprintf("did:plc:viewer%018d", i)) }

func TestSketchCounts(t *testing.T) {
	for _, n := range []int{1, 10, 300, 5000, 60000} {
		s := newSketch()
		r := NewRecorder(RecorderConfig{}, nil, nil)
		for i := range n {
			h := hashOf(r, viewer(i))
			s.add(h)
			s.add(h) // the same viewer twice is one viewer
		}
		got := float64(s.estimate())
		if math.Abs(got-float64(n)) > 0.05*float64(n)+1 {
			t.Errorf("%d viewers: estimated %v", n, got)
		}
	}
}

func hashOf(r *Recorder, d syntax.DID) uint64 { return maphash.String(r.seed, string(d)) }

// The readership figures name nobody: after a day of requests, feedback
// and impressions, no viewer's DID is anywhere in the database, and the
// day's distinct viewers are still counted, and folded into one number
// once the day is over.
func TestReadersAreCountedWithoutKeepingWho(t *testing.T) {
	st := testutil.MustOpen(t)
	c := &clock{t: time.Date(2026, 3, 1, 10, 30, 0, 0, time.UTC)}
	post := model.Post{URI: "at://did:plc:authorxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/3kp1", CID: "x", Author: "did:plc:authorxxxxxxxxxxxxxxxxxx",
		CreatedUS: c.Now().UnixMicro(), IndexedUS: c.Now().UnixMicro(), Feeds: []model.Membership{{Feed: "sc-peace"}}}
	testutil.PutPosts(t, st, &post)
	r := NewRecorder(RecorderConfig{Feeds: []string{"sc-peace", "sc-peace-top"}, Now: c.Now,
		Lag: func() (time.Duration, bool) { return 3 * time.Second, true }}, st, nil)
	for i := range 500 {
		r.Served("sc-peace", viewer(i))
		r.Served("sc-peace", viewer(i))
		if i%5 == 0 {
			r.Served("sc-peace-top", viewer(i))
		}
		r.Served("sc-peace", "")
	}
	r.Served("not-a-feed", viewer(1))
	r.Interacted("sc-peace", "requestLess", post.URI)
	r.Interacted("sc-peace", "requestMore", post.URI)
	for range 7 {
		r.Interacted("sc-peace-top", "interactionSeen", post.URI)
	}
	r.Interacted("sc-peace-top", "interactionSeen", "at://did:plc:nobodyxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/3kzz")
	r.Interacted("sc-peace", "clickthroughItem", post.URI)
	if err := r.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	rep := NewReporter(ReporterConfig{Feeds: []Feed{{ID: "sc-peace"}, {ID: "sc-peace-top", Membership: "sc-peace"}}, Now: c.Now}, st, nil, r)
	check := func(when string, day int, wantViewers, wantTop uint64) {
		t.Helper()
		got, err := rep.Report(context.Background(), "sc-peace-top", 2)
		if err != nil {
			t.Fatal(err)
		}
		if got.Feed != "sc-peace" || fmt.Sprint(got.Feeds) != "[sc-peace sc-peace-top]" || len(got.Days) != 2 {
			t.Fatalf("%s: report of %s %v over %v", when, got.Feed, got.Feeds, got.Days)
		}
		latest, top := got.Viewers[0].Values[day], got.Viewers[1].Values[day]
		// The sketch's standard error is 1.6% (4,096 registers) and its
		// salt is random: allow three standard errors, so that the test
		// fails on a wrong count, not on an unlucky salt.
		near := func(got, want uint64) bool {
			return math.Abs(float64(got)-float64(want)) <= max(3, 0.05*float64(want))
		}
		if !near(latest, wantViewers) || !near(top, wantTop) {
			t.Errorf("%s: distinct viewers %d and %d, want about %d and %d", when, latest, top, wantViewers, wantTop)
		}
		if got.Requests[0].Total != 1500 || got.Requests[1].Total != 100 || got.ShowLess[0].Total != 1 || got.ShowMore[0].Total != 1 || got.Seen[1].Total != 8 {
			t.Errorf("%s: requests %+v, less %+v, more %+v, seen %+v", when, got.Requests, got.ShowLess, got.ShowMore, got.Seen)
		}
		if got.RequestsByHour[0].Values[HoursShown-1-int(c.Now().Sub(time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC))/time.Hour)] != 1500 {
			t.Errorf("%s: requests by hour %v", when, got.RequestsByHour[0].Values)
		}
	}
	check("the same day", 1, 500, 100)
	if err := st.View(func(tx *store.Tx) error {
		if n := tx.Impressions("sc-peace-top", post.URI); n != 7 {
			t.Errorf("impressions of the post: %d, want 7", n)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	// The next day: yesterday's sketch is folded into a number and gone.
	c.Add(24 * time.Hour)
	if err := r.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	err := st.View(func(tx *store.Tx) error {
		if s := tx.Sketches(); len(s) != 0 {
			t.Errorf("sketches left after their day: %v", s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("the day after", 0, 500, 100)
	for k, v := range testutil.Dump(t, st) {
		for i := range 500 {
			d := string(viewer(i))
			if strings.Contains(k, d) || strings.Contains(v, d) || strings.Contains(k, d[8:]) || strings.Contains(v, d[8:]) {
				t.Fatalf("viewer %s is in the database at %q", d, k)
			}
		}
	}
	samples, _ := st.LagSamples(0)
	if len(samples) != 2 || samples[0].Lag != 3*time.Second {
		t.Errorf("lag samples: %v", samples)
	}
}

// Counters go with the retention, impressions with their post.
func TestFiguresArePruned(t *testing.T) {
	st := testutil.MustOpen(t)
	c := &clock{t: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
	post := model.Post{URI: "at://did:plc:authorxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/3kp1", CID: "x", Author: "did:plc:authorxxxxxxxxxxxxxxxxxx",
		CreatedUS: c.Now().UnixMicro(), IndexedUS: c.Now().UnixMicro(), Feeds: []model.Membership{{Feed: "sc-peace"}}}
	testutil.PutPosts(t, st, &post)
	r := NewRecorder(RecorderConfig{Feeds: []string{"sc-peace"}, Now: c.Now, Retention: 10 * 24 * time.Hour,
		Lag: func() (time.Duration, bool) { return time.Second, true }}, st, nil)
	for range 12 {
		r.Served("sc-peace", viewer(1))
		r.Interacted("sc-peace", "interactionSeen", post.URI)
		if err := r.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		c.Add(24 * time.Hour)
	}
	if _, err := r.Prune(context.Background()); err != nil {
		t.Fatal(err)
	}
	today := store.DayOf(c.Now())
	daily, _ := st.Daily("sc-peace", 0, today)
	hourly, _ := st.Hourly("sc-peace", 0, store.HourOf(c.Now()))
	if len(daily) != 10 || len(hourly) != 10 {
		t.Errorf("after pruning to 10 days: %d days of daily and %d hours of hourly counters", len(daily), len(hourly))
	}
	if s, _ := st.LagSamples(0); len(s) != 2 {
		t.Errorf("lag samples kept: %d, want the last two days'", len(s))
	}
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		if tx.Impressions("sc-peace", post.URI) != 12 {
			t.Errorf("impressions before the delete: %d", tx.Impressions("sc-peace", post.URI))
		}
		_, err := tx.DeletePost(post.URI, 1)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range testutil.Dump(t, st) {
		if strings.HasPrefix(k, "stats.seen/") {
			t.Errorf("impressions of a deleted post kept: %q", k)
		}
	}
}

type fakeEngagement map[syntax.ATURI]ranking.Counts

func (f fakeEngagement) Engagement(_ context.Context, uris []syntax.ATURI, out []ranking.Counts) error {
	for i, u := range uris {
		out[i] = f[u]
	}
	return nil
}

// A report's top posts and authors are the period's most engaging, and
// its breakdowns keep their order and leave out what never happened.
func TestReportTopAndBreakdowns(t *testing.T) {
	st := testutil.MustOpen(t)
	c := &clock{t: time.Date(2026, 3, 8, 10, 0, 0, 0, time.UTC)}
	eng := fakeEngagement{}
	var posts []*model.Post
	for i := range 30 {
		author := fmt.Sprintf("did:plc:author%017d", i%4)
		p := &model.Post{URI: syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kp%04d", author, i)), CID: "x", Author: syntax.DID(author),
			Text: fmt.Sprintf("post %d", i), CreatedUS: c.Now().Add(-time.Duration(i) * 5 * time.Hour).UnixMicro(), Feeds: []model.Membership{{Feed: "sc-peace"}}}
		p.IndexedUS = p.CreatedUS
		posts = append(posts, p)
		eng[p.URI] = ranking.Counts{Likes: int64(i), Reposts: int64(i % 3)}
	}
	testutil.PutPosts(t, st, posts...)
	today := store.DayOf(c.Now())
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		for d := range 7 {
			day := today - store.Day(d)
			for name, n := range map[string]uint64{"in/rules": uint64(10 + d), "in/expert": 2, "lang/en": 5, "lang/hy": uint64(d), "lang/xx": 1, "lang/other": 1, "queue/in": 4, "queue/out/approved": 3} {
				if err := tx.AddDaily("sc-peace", day, name, n); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := NewReporter(ReporterConfig{Feeds: []Feed{{ID: "sc-peace"}}, Now: c.Now}, st, eng, nil).Report(context.Background(), "", 7)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ss []Series) string {
		var out []string
		for _, s := range ss {
			out = append(out, fmt.Sprintf("%s=%d", s.Name, s.Total))
		}
		return strings.Join(out, " ")
	}
	if got := names(rep.EnteredByKind); got != "rules=91 expert=14" {
		t.Errorf("by kind: %s", got)
	}
	if got := names(rep.EnteredByLanguage); got != "en=35 hy=21 xx=7 other=7" {
		t.Errorf("by language: %s", got)
	}
	if rep.QueueIn.Total != 28 || names(rep.QueueOut) != "approved=21" || rep.EnteredByKind[0].Values[6] != 10 {
		t.Errorf("queue: in %+v, out %s; rules today %d", rep.QueueIn, names(rep.QueueOut), rep.EnteredByKind[0].Values[6])
	}
	// All 30 posts are of the last 7 days; post 29 has 29 likes and 2
	// reposts (score 35), post 28 28 and 1 (31), post 26 26 and 2 (32).
	if len(rep.TopPosts) != TopN || rep.TopPosts[0].URI != string(posts[29].URI) || rep.TopPosts[1].URI != string(posts[26].URI) || rep.TopPosts[0].Score != 35 {
		t.Errorf("top posts: %+v", rep.TopPosts[:2])
	}
	for i := 1; i < len(rep.TopPosts); i++ {
		if rep.TopPosts[i].Score > rep.TopPosts[i-1].Score {
			t.Errorf("top posts out of order at %d", i)
		}
	}
	top := rep.TopPosts[0]
	if !strings.HasPrefix(top.URL, "https://bsky.app/profile/did:plc:author") || !strings.Contains(top.URL, "/post/3kp") || top.Text == "" {
		t.Errorf("top post: %+v", top)
	}
	if len(rep.TopAuthors) != 4 || rep.TopAuthors[0].Score < rep.TopAuthors[3].Score || rep.TopAuthors[0].Posts == 0 {
		t.Errorf("top authors: %+v", rep.TopAuthors)
	}
	if !rep.EngagementCounted {
		t.Error("engagement counted")
	}
}
