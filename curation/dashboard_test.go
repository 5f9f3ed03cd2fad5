package curation_test

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/chromedp/chromedp"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

var dashboardShot = flag.String("dashboard-screenshot", "", "write a screenshot of the dashboard to this PNG file (docs/dashboard.png)")

type weekEngagement map[syntax.ATURI]ranking.Counts

func (w weekEngagement) Engagement(_ context.Context, uris []syntax.ATURI, out []ranking.Counts) error {
	for i, u := range uris {
		out[i] = w[u]
	}
	return nil
}

// weekOfHistory writes seven days of figures (two served feeds over one
// membership), a day of indexer lag every five minutes, and forty posts
// with engagement, and mounts the figures on the env's admin API.
func weekOfHistory(t *testing.T, e *env) {
	t.Helper()
	now := e.clock()
	today := store.DayOf(now)
	eng := weekEngagement{}
	var posts []*model.Post
	authors := []string{didAlice, didBob, didCarol, didEve, "did:plc:newsroomnnnnnnnnnnnnnnnn", "did:plc:analystaaaaaaaaaaaaaaaaa"}
	texts := []string{
		"Pashinyan and Aliyev initial the peace agreement text in Washington",
		"Border commissions of Armenia and Azerbaijan meet again in Gabala",
		"Tbilisi: thousands rally on Rustaveli avenue for the twentieth night",
		"What the TRIPP corridor means for Syunik, in five maps",
		"Georgian Dream passes the foreign agents amendments",
		"Baku and Yerevan agree to open the first rail link since 1991",
	}
	for i := range 40 {
		a := authors[i%len(authors)]
		p := &model.Post{URI: syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kwk%06d", a, i)), CID: "x", Author: syntax.DID(a),
			Text: texts[i%len(texts)], Langs: []string{"en"}, CreatedUS: now.Add(-time.Duration(i*4) * time.Hour).UnixMicro(),
			Feeds: []model.Membership{{Feed: feedID, Score: 3, Reasons: []string{"rules"}}}}
		p.IndexedUS = p.CreatedUS
		posts = append(posts, p)
		eng[p.URI] = ranking.Counts{Likes: int64((i * 37) % 120), Reposts: int64((i * 11) % 25), Replies: int64((i * 7) % 30), Quotes: int64(i % 6)}
	}
	testutil.PutPosts(t, e.st, posts...)
	err := e.st.Update(context.Background(), func(tx *store.Tx) error {
		for i, p := range posts {
			if _, err := tx.AddImpressions(feedID, p.URI, uint64(200+(i*53)%900)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]uint64{"en": 14, "hy": 8, "ka": 6, "az": 5, "ru": 4, "tr": 3, "de": 2, "fr": 1}
	err = e.st.Update(context.Background(), func(tx *store.Tx) error {
		for d := range 7 {
			day := today - store.Day(d)
			daily := map[string]map[string]uint64{
				feedID: {"in/rules": uint64(20 + 3*d), "in/expert": uint64(6 + d%2), "in/thread": uint64(4 + d%3), "in/approved": 2, "in/repost": 3,
					"queue/in": uint64(9 + d%4), "queue/out/approved": 4, "queue/out/rejected": uint64(3 + d%2), "queue/out/gone": 1,
					"less": uint64(2 + d%3), "more": 1, "seen": uint64(900 + 40*d)},
				"sc-peace-top": {"less": 1, "more": uint64(d % 2), "seen": uint64(300 + 10*d)},
			}
			for name, n := range langs {
				daily[feedID]["lang/"+name] = n + uint64(d%2)
			}
			if d > 0 {
				daily[feedID]["viewers"] = uint64(180 + 9*d)
				daily["sc-peace-top"]["viewers"] = uint64(40 + 3*d)
			}
			for feed, ms := range daily {
				for name, n := range ms {
					if err := tx.AddDaily(feed, day, name, n); err != nil {
						return err
					}
				}
			}
		}
		for h := store.HourOf(now.Add(-7 * 24 * time.Hour)); h <= store.HourOf(now); h++ {
			busy := uint64(60 + 50*((int(h)%24+6)%24)/24*2)
			if err := tx.AddHourly(feedID, h, "req", busy); err != nil {
				return err
			}
			if err := tx.AddHourly("sc-peace-top", h, "req", busy/4); err != nil {
				return err
			}
		}
		for k := range 288 {
			at := now.Add(-24 * time.Hour).Add(time.Duration(k+1) * 5 * time.Minute)
			lag := time.Duration(800+(k*37)%700) * time.Millisecond
			if k >= 150 && k < 160 {
				lag = time.Duration(20+3*(k-150)) * time.Second // a reconnect
			}
			if err := tx.PutLagSample(at.UnixMicro(), lag); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rec := stats.NewRecorder(stats.RecorderConfig{Feeds: []string{feedID, "sc-peace-top"}, Now: e.clock}, e.st, nil)
	for i := range 170 {
		rec.Served(feedID, syntax.DID(fmt.Sprintf("did:plc:reader%018d", i)))
		if i%4 == 0 {
			rec.Served("sc-peace-top", syntax.DID(fmt.Sprintf("did:plc:reader%018d", i)))
		}
	}
	stats.NewReporter(stats.ReporterConfig{Feeds: []stats.Feed{{ID: feedID}, {ID: "sc-peace-top", Membership: feedID}}, Now: e.clock},
		e.st, eng, rec).Routes(e.srv.Admin())
}

// A curator opens the dashboard on a store with a week of history: every
// chart is drawn, with a bar or point per day and series and a label per
// day, and the week's top posts and authors link to Bluesky.
func TestDashboardInBrowser(t *testing.T) {
	e := newEnv(t)
	weekOfHistory(t, e)
	srv := httptest.NewServer(e.srv)
	t.Cleanup(srv.Close)
	ctx := browser(t)

	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1180, 900),
		chromedp.Navigate(srv.URL+"/curate"),
		chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), tokenAni),
		chromedp.Click(chromedp.CSS("#signin-btn")),
		chromedp.WaitVisible(chromedp.CSS("#app")),
		chromedp.Click(chromedp.CSS("#nav-stats")),
		chromedp.WaitVisible(chromedp.CSS(`svg[data-chart="lag"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#top-posts tbody tr`)),
	)
	if err != nil {
		t.Fatalf("open the dashboard: %v", err)
	}
	count := func(css string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, css)))
		if err != nil {
			t.Fatalf("count %s: %v", css, err)
		}
		return n
	}
	texts := func(css string) []string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll(%q)].map((e) => e.textContent)`, css)))
		if err != nil {
			t.Fatalf("read %s: %v", css, err)
		}
		return v
	}
	days := []string{"23 Feb", "24 Feb", "25 Feb", "26 Feb", "27 Feb", "28 Feb", "1 Mar"}
	for _, c := range []struct {
		chart   string
		marks   string // what one value is drawn as
		n       int    // values: days times series
		legends int
	}{
		{"entered-kind", "rect.bar", 7 * 5, 5},
		{"entered-lang", "rect.bar", 7 * 8, 8},
		{"requests", "rect.bar", 7 * 2, 2},
		{"viewers", "circle.point", 7 * 2, 2},
		{"queue", "rect.bar", 7 * 4, 4},
		{"feedback", "rect.bar", 7 * 2, 2},
		{"seen", "rect.bar", 7 * 2, 2},
	} {
		sel := fmt.Sprintf(`figure[data-chart=%q]`, c.chart)
		if got := count(sel + " svg " + c.marks); got != c.n {
			t.Errorf("%s: %d %s, want %d", c.chart, got, c.marks, c.n)
		}
		if got := texts(sel + " .xlabel"); strings.Join(got, ",") != strings.Join(days, ",") {
			t.Errorf("%s: x labels %v, want %v", c.chart, got, days)
		}
		if got := count(sel + " .legend-item"); got != c.legends {
			t.Errorf("%s: %d legend entries, want %d", c.chart, got, c.legends)
		}
		if got := count(sel + " .ylabel"); got < 3 || got > 6 {
			t.Errorf("%s: %d y labels, want 3 to 6", c.chart, got)
		}
	}
	if got := texts(`figure[data-chart="entered-kind"] .legend-item`); strings.Join(got, "|") != "rules (203)|expert author (45)|joined a thread (34)|approved from the queue (14)|repost by a listed author (21)" {
		t.Errorf("kinds legend: %v", got)
	}
	if got := texts(`figure[data-chart="entered-lang"] .legend-item`); !strings.HasPrefix(strings.Join(got, "|"), "en (101)|hy (59)") || !strings.HasSuffix(got[len(got)-1], "other (10)") {
		t.Errorf("languages legend: %v", got)
	}
	// The lag: a point per five minutes of the last day, labels every
	// three hours.
	if got := count(`figure[data-chart="lag"] circle.point`); got != 288 {
		t.Errorf("lag: %d points, want 288", got)
	}
	if got := texts(`figure[data-chart="lag"] .xlabel`); strings.Join(got, ",") != "12:00,15:00,18:00,21:00,00:00,03:00,06:00,09:00,12:00" {
		t.Errorf("lag labels: %v", got)
	}
	// Today's viewers come from the day's sketch, the rest from the
	// daily counts.
	vals := texts(`figure[data-chart="viewers"] circle.point[data-series="sc-peace"] title`)
	var today int
	if len(vals) == 7 {
		fmt.Sscanf(vals[6][strings.LastIndex(vals[6], ": ")+2:], "%d", &today)
	}
	// 170 viewers today, counted by a sketch whose salt is random each day:
	// at 170 in 4,096 registers the count's standard deviation is about 2
	// (1.1%), so allow 5%, as the stats tests do, and fail on a wrong count
	// rather than an unlucky salt (±4 fails about one run in thirty).
	if len(vals) != 7 || !strings.HasSuffix(vals[0], ": 234") || today < 162 || today > 178 {
		t.Errorf("viewers of sc-peace: %v", vals)
	}
	if got := count(`#top-posts tbody tr`); got != stats.TopN {
		t.Errorf("top posts: %d rows", got)
	}
	if got := count(`#top-authors tbody tr`); got != 6 {
		t.Errorf("top authors: %d rows", got)
	}
	links := texts(`#top-posts tbody a[href^="https://bsky.app/profile/"]`)
	if len(links) != 2*stats.TopN {
		t.Errorf("top posts link post and author on Bluesky: %v", links)
	}
	if *dashboardShot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*dashboardShot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The figures are the same through the API.
	code, rep := e.call(http.MethodGet, "/admin/stats?feed=sc-peace-top&days=7", tokenAni, nil)
	if code != http.StatusOK || rep["feed"] != feedID || len(rep["days"].([]any)) != 7 {
		t.Errorf("GET /admin/stats: %d %v", code, rep["feed"])
	}
	for _, bad := range []string{"?days=0", "?days=91", "?days=x", "?feed=nope"} {
		if code, out := e.call(http.MethodGet, "/admin/stats"+bad, tokenAni, nil); code != http.StatusBadRequest {
			t.Errorf("GET /admin/stats%s: %d %v, want 400", bad, code, out)
		}
	}
	if code, _ := e.call(http.MethodGet, "/admin/stats", "", nil); code != http.StatusUnauthorized {
		t.Errorf("GET /admin/stats without a token: %d, want 401", code)
	}
}

// A curator's verdicts count in the day's figures: the post leaves the
// queue as approved or rejected, and an approved one enters the feed as
// approved, in the language it was written in.
func TestVerdictsCountInTheFigures(t *testing.T) {
	e := newEnv(t)
	e.stream(didCarol, textStrong, 5*time.Hour)
	maybe := e.stream(didBob, textReview, 4*time.Hour)
	nope := e.stream(didEve, textReview+" today", 2*time.Hour)
	e.ok("POST", "/admin/queue/approve", map[string]any{"uri": maybe})
	e.ok("POST", "/admin/queue/reject", map[string]any{"uri": nope})
	day := store.DayOf(e.clock())
	got, err := e.st.Daily(feedID, day, day)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint64{"in/rules": 1, "in/approved": 1, "lang/en": 2, "queue/in": 2, "queue/out/approved": 1, "queue/out/rejected": 1}
	if fmt.Sprint(got[int32(day)]) != fmt.Sprint(want) {
		t.Errorf("figures of the day:\n got %v\nwant %v", got[int32(day)], want)
	}
}
