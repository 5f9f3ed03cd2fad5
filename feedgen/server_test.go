package feedgen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const (
	publisher = "did:plc:publisherxxxxxxxxxxxxxxx"
	feedURI   = "at://" + publisher + "/app.bsky.feed.generator/sc-peace"
	otherURI  = "at://" + publisher + "/app.bsky.feed.generator/other"
)

type fixture struct {
	store *store.Store
	srv   *Server
	http  *httptest.Server
}

var mustOpen = testutil.MustOpen

func testConfig() Config {
	return Config{
		ServiceDID:      "did:web:feeds.example.com",
		ServiceEndpoint: "https://feeds.example.com",
		Hostname:        "feeds.example.com",
		Feeds:           []Feed{{ID: "sc-peace", URI: feedURI}, {ID: "other", URI: otherURI}},
		Version:         "test",
	}
}

func newFixture(tb testing.TB, cfg Config, health map[string]Health) *fixture {
	tb.Helper()
	st := mustOpen(tb)
	srv, err := New(cfg, Deps{Store: st, Registry: prometheus.NewRegistry(), Health: health})
	if err != nil {
		tb.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	tb.Cleanup(hs.Close)
	return &fixture{store: st, srv: srv, http: hs}
}

func (f *fixture) addPosts(tb testing.TB, feed string, posts ...*model.Post) {
	tb.Helper()
	for _, p := range posts {
		p.Feeds = []model.Membership{{Feed: feed, Score: 1}}
	}
	testutil.PutPosts(tb, f.store, posts...)
}

func post(n int, sortUS int64) *model.Post {
	did := fmt.Sprintf("did:plc:author%017d", n%13)
	return &model.Post{
		URI:       syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kp%010d", did, n)),
		CID:       "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a",
		Author:    syntax.DID(did),
		CreatedUS: sortUS,
		IndexedUS: sortUS,
	}
}

func (f *fixture) get(tb testing.TB, path string) (int, []byte) {
	tb.Helper()
	resp, err := http.Get(f.http.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, body
}

func skeleton(tb testing.TB, f *fixture, params url.Values) bsky.FeedGetFeedSkeleton_Output {
	tb.Helper()
	code, body := f.get(tb, "/xrpc/app.bsky.feed.getFeedSkeleton?"+params.Encode())
	if code != http.StatusOK {
		tb.Fatalf("getFeedSkeleton %v: status %d: %s", params, code, body)
	}
	var out bsky.FeedGetFeedSkeleton_Output
	if err := json.Unmarshal(body, &out); err != nil {
		tb.Fatalf("decode skeleton: %v: %s", err, body)
	}
	return out
}

func TestSkeletonShapeIsTheLexicons(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	f.addPosts(t, "sc-peace", post(1, 100), post(2, 200))
	repost := &model.Post{URI: "at://did:plc:reposterxxxxxxxxxxxxxxxx/app.bsky.feed.repost/3krp", CID: "x",
		Author: "did:plc:reposterxxxxxxxxxxxxxxxx", Subject: post(9, 0).URI, IndexedUS: 300}
	f.addPosts(t, "sc-peace", repost)

	code, body := f.get(t, "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(feedURI)+"&limit=2")
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	var raw map[string]any
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	items := raw["feed"].([]any)
	first := items[0].(map[string]any)
	if first["post"] != post(9, 0).URI.String() {
		t.Errorf("first item: got %v, want the reposted post", first["post"])
	}
	reason := first["reason"].(map[string]any)
	if reason["$type"] != "app.bsky.feed.defs#skeletonReasonRepost" || reason["repost"] != repost.URI.String() {
		t.Errorf("repost reason: got %v", reason)
	}
	second := items[1].(map[string]any)
	if second["post"] != post(2, 200).URI.String() || second["reason"] != nil || len(second) != 1 {
		t.Errorf("plain item: got %v, want just {post}", second)
	}
	if _, ok := raw["cursor"].(string); !ok {
		t.Errorf("a page with more to come must carry a cursor: %s", body)
	}
	if ct := "application/json"; !strings.HasPrefix(f.contentType(t, "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(feedURI)), ct) {
		t.Errorf("content type is not %s", ct)
	}
}

func (f *fixture) contentType(tb testing.TB, path string) string {
	resp, err := http.Get(f.http.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("Content-Type")
}

func TestEmptyFeedAndLastPage(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	code, body := f.get(t, "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(feedURI))
	if code != 200 || !strings.HasPrefix(string(body), `{"feed":[],"reqId":"`) {
		t.Fatalf("empty feed: got %d %q, want {\"feed\":[],\"reqId\":...}", code, body)
	}
	var posts []*model.Post
	for i := range 50 {
		posts = append(posts, post(i, int64(i+1)))
	}
	f.addPosts(t, "sc-peace", posts...)
	out := skeleton(t, f, url.Values{"feed": {feedURI}})
	if len(out.Feed) != 50 || out.Cursor != nil {
		t.Fatalf("default limit over exactly 50 posts: got %d items, cursor %v; want 50 and no cursor", len(out.Feed), out.Cursor)
	}
	if out := skeleton(t, f, url.Values{"feed": {otherURI}}); len(out.Feed) != 0 {
		t.Fatalf("feeds leak into each other: %v", out.Feed)
	}
}

func TestMalformedRequests(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	f.addPosts(t, "sc-peace", post(1, 1))
	feed := "feed=" + url.QueryEscape(feedURI)
	tests := []struct {
		name   string
		method string
		path   string
		status int
		error  string
	}{
		{"no feed", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton", 400, "InvalidRequest"},
		{"empty feed", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=", 400, "InvalidRequest"},
		{"feed not a uri", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=hello", 400, "InvalidRequest"},
		{"feed of another publisher", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape("at://did:plc:someoneelsexxxxxxxxxxxxx/app.bsky.feed.generator/sc-peace"), 400, "UnknownFeed"},
		{"unknown rkey", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape("at://"+publisher+"/app.bsky.feed.generator/nope"), 400, "UnknownFeed"},
		{"wrong collection", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape("at://"+publisher+"/app.bsky.feed.post/sc-peace"), 400, "UnknownFeed"},
		{"handle authority", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=" + url.QueryEscape("at://alice.example.com/app.bsky.feed.generator/sc-peace"), 400, "UnknownFeed"},
		{"feed twice", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&" + feed, 400, "InvalidRequest"},
		{"invalid escape", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?feed=%zz", 400, "InvalidRequest"},
		{"limit zero", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=0", 400, "InvalidRequest"},
		{"limit negative", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=-1", 400, "InvalidRequest"},
		{"limit too big", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=101", 400, "InvalidRequest"},
		{"limit huge", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=99999999999999999999999", 400, "InvalidRequest"},
		{"limit float", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=1.5", 400, "InvalidRequest"},
		{"limit word", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=ten", 400, "InvalidRequest"},
		{"limit empty", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=", 400, "InvalidRequest"},
		{"limit plus", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=%2B5", 400, "InvalidRequest"},
		{"limit twice", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&limit=5&limit=6", 400, "InvalidRequest"},
		{"cursor garbage", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&cursor=garbage", 400, "InvalidRequest"},
		{"cursor sql", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&cursor=" + url.QueryEscape("1' OR '1'='1"), 400, "InvalidRequest"},
		{"cursor overflow", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&cursor=99999999999999999999.1", 400, "InvalidRequest"},
		{"cursor negative", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&cursor=-5.1", 400, "InvalidRequest"},
		{"cursor long", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&cursor=" + strings.Repeat("9", 5000), 400, "InvalidRequest"},
		{"cursor twice", "GET", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed + "&cursor=1.1&cursor=2.2", 400, "InvalidRequest"},
		{"post to a query", "POST", "/xrpc/app.bsky.feed.getFeedSkeleton?" + feed, 400, "InvalidRequest"},
		{"unknown method", "GET", "/xrpc/app.bsky.feed.getTimeline", 404, "MethodNotImplemented"},
		{"not a method name", "GET", "/xrpc/..%2f..%2fetc%2fpasswd", 404, "NotFound"},
		{"unknown path", "GET", "/wp-admin/", 404, "NotFound"},
		{"put on describe", "PUT", "/xrpc/app.bsky.feed.describeFeedGenerator", 400, "InvalidRequest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, f.http.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body XRPCError
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatalf("error body is not XRPC JSON: %v", err)
			}
			if resp.StatusCode != tt.status || body.Error != tt.error {
				t.Errorf("got %d %s (%q), want %d %s", resp.StatusCode, body.Error, body.Message, tt.status, tt.error)
			}
			if body.Message == "" {
				t.Error("error has no message")
			}
		})
	}
}

// Walking every page of a 10,000-post feed in which many posts share a
// timestamp returns each exactly once and in order, while the indexer
// keeps adding newer posts.
func TestPagingThroughHTTPWhilePostsArrive(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	rng := rand.New(rand.NewPCG(7, 7))
	var posts []*model.Post
	for i := range 10_000 {
		posts = append(posts, post(i, 1_000+int64(rng.IntN(150))))
	}
	f.addPosts(t, "sc-peace", posts...)
	// The order the store gives, before anything else arrives.
	var want []string
	for cursor := ""; ; {
		items, next, err := f.store.FeedPage(context.Background(), store.PageRequest{Feed: "sc-peace", Limit: 100, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			want = append(want, it.URI.String())
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if len(want) != 10_000 {
		t.Fatalf("store holds %d posts, want 10000", len(want))
	}

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 10_000; ctx.Err() == nil; i++ {
			p := post(i, 1_000_000+int64(i))
			p.Feeds = []model.Membership{{Feed: "sc-peace"}}
			if err := f.store.Update(ctx, func(tx *store.Tx) error { return tx.PutPost(p) }); err != nil && ctx.Err() == nil {
				t.Error(err)
				return
			}
		}
	}()
	defer func() { cancel(); wg.Wait() }()

	seen := map[string]bool{}
	var got []string
	for cursor, page := "", 0; ; page++ {
		params := url.Values{"feed": {feedURI}, "limit": {"100"}}
		if cursor != "" {
			params.Set("cursor", cursor)
		}
		out := skeleton(t, f, params)
		for _, it := range out.Feed {
			if seen[it.Post] {
				t.Fatalf("page %d: %s served twice", page, it.Post)
			}
			seen[it.Post] = true
			if isOld(it.Post) {
				got = append(got, it.Post)
			}
		}
		if out.Cursor == nil {
			break
		}
		cursor = *out.Cursor
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("walked %d original posts, want all 10000 once each in order", len(got))
	}
}

// isOld tells the 10,000 original posts from those added during the walk.
func isOld(uri string) bool {
	i := strings.LastIndex(uri, "/3kp")
	var n int
	fmt.Sscanf(uri[i+4:], "%d", &n)
	return n < 10_000
}

func TestDescribeFeedGenerator(t *testing.T) {
	cfg := testConfig()
	f := newFixture(t, cfg, nil)
	code, body := f.get(t, "/xrpc/app.bsky.feed.describeFeedGenerator")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	var out bsky.FeedDescribeFeedGenerator_Output
	json.Unmarshal(body, &out)
	if out.Did != "did:web:feeds.example.com" || len(out.Feeds) != 2 || out.Feeds[0].Uri != feedURI || out.Links != nil {
		t.Fatalf("got %s", body)
	}

	cfg.PrivacyPolicyURL, cfg.TermsOfServiceURL = "https://example.com/privacy", "https://example.com/tos"
	f = newFixture(t, cfg, nil)
	_, body = f.get(t, "/xrpc/app.bsky.feed.describeFeedGenerator")
	json.Unmarshal(body, &out)
	if out.Links == nil || *out.Links.PrivacyPolicy != cfg.PrivacyPolicyURL || *out.Links.TermsOfService != cfg.TermsOfServiceURL {
		t.Fatalf("links: got %s", body)
	}
}

func TestDIDDocument(t *testing.T) {
	cfg := testConfig()
	cfg.Hostname, cfg.ServiceDID, cfg.ServiceEndpoint = "localhost:3000", "did:web:localhost%3A3000", "http://localhost:3000"
	f := newFixture(t, cfg, nil)
	code, body := f.get(t, "/.well-known/did.json")
	want := `{"@context":["https://www.w3.org/ns/did/v1"],"id":"did:web:localhost%3A3000","service":[{"id":"#bsky_fg","type":"BskyFeedGenerator","serviceEndpoint":"http://localhost:3000"}]}`
	if code != 200 || strings.TrimSpace(string(body)) != want {
		t.Fatalf("got %d %s, want %s", code, body, want)
	}

	cfg.ServiceDID = "did:plc:servicexxxxxxxxxxxxxxxxx"
	f = newFixture(t, cfg, nil)
	if code, _ := f.get(t, "/.well-known/did.json"); code != 404 {
		t.Fatalf("did:plc service: got %d, want 404", code)
	}
	cfg.ServiceDID = "did:web:elsewhere.example.com"
	f = newFixture(t, cfg, nil)
	if code, _ := f.get(t, "/.well-known/did.json"); code != 404 {
		t.Fatalf("did:web of another host: got %d, want 404", code)
	}
}

type fakeHealth Check

func (h fakeHealth) Health() Check { return Check(h) }

// Health is ok, degraded (still 200: serving, with something to look at)
// or unhealthy (503), and anything but ok says why, at the top and in the
// part's entry beside its details.
func TestHealth(t *testing.T) {
	for _, tc := range []struct {
		name   string
		check  Check
		code   int
		want   []string
		absent []string
	}{
		{"ok", Check{Status: StatusOK, Details: map[string]string{"lag": "1s"}}, 200,
			[]string{`"status":"ok"`, `"version":"test"`, `"checks":{"indexer":{"status":"ok","lag":"1s"}}`}, []string{"reason"}},
		{"degraded", Check{Status: StatusDegraded, Reason: "reconnecting to jetstream2.us-east.bsky.network since 12:00:03Z", Details: map[string]bool{"connected": false}}, 200,
			[]string{`"status":"degraded"`, `"reason":"indexer: reconnecting to jetstream2.us-east.bsky.network since 12:00:03Z"`,
				`"indexer":{"status":"degraded","reason":"reconnecting to jetstream2.us-east.bsky.network since 12:00:03Z","connected":false}`}, nil},
		{"unhealthy", Check{Status: StatusUnhealthy, Reason: "20m0s behind the network", Details: map[string]string{"lag": "20m"}}, 503,
			[]string{`"status":"unhealthy"`, `"reason":"indexer: 20m0s behind the network"`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, testConfig(), map[string]Health{"indexer": fakeHealth(tc.check)})
			code, body := f.get(t, "/xrpc/_health")
			if code != tc.code {
				t.Errorf("got %d, want %d: %s", code, tc.code, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(body), w) {
					t.Errorf("body lacks %s: %s", w, body)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(string(body), a) {
					t.Errorf("body has %s: %s", a, body)
				}
			}
		})
	}
	// The worst part decides.
	f := newFixture(t, testConfig(), map[string]Health{
		"indexer": fakeHealth{Status: StatusDegraded, Reason: "reconnecting"},
		"store":   fakeHealth{Status: StatusUnhealthy, Reason: "disk full"},
	})
	if code, body := f.get(t, "/xrpc/_health"); code != 503 || !strings.Contains(string(body), `"reason":"indexer: reconnecting; store: disk full"`) {
		t.Errorf("two parts: got %d %s", code, body)
	}
	// A replica rebuilding its curation serves (200) and says so; a
	// degraded part is worse news.
	f = newFixture(t, testConfig(), map[string]Health{
		"indexer":  fakeHealth{Status: StatusOK},
		"curation": fakeHealth{Status: StatusRebuilding, Reason: "reading the curation records"},
	})
	if code, body := f.get(t, "/xrpc/_health"); code != 200 || !strings.Contains(string(body), `"status":"rebuilding","reason":"curation: reading the curation records"`) {
		t.Errorf("rebuilding: got %d %s", code, body)
	}
	f = newFixture(t, testConfig(), map[string]Health{
		"indexer":  fakeHealth{Status: StatusDegraded, Reason: "reconnecting"},
		"curation": fakeHealth{Status: StatusRebuilding, Reason: "reading"},
	})
	if code, body := f.get(t, "/xrpc/_health"); code != 200 || !strings.Contains(string(body), `{"status":"degraded"`) {
		t.Errorf("rebuilding and degraded: got %d %s", code, body)
	}
}

// A part whose details cannot be written as JSON (the indexer's last event
// time, after a stream sent time_us = 9e18) or whose check panics makes
// health answer 503, never 500.
type brokenHealth struct{ panics bool }

func (h brokenHealth) Health() Check {
	if h.panics {
		panic("boom")
	}
	return Check{Status: StatusOK, Details: map[string]any{"lastEvent": time.UnixMicro(9e18)}}
}

func TestHealthNeverAnswers500(t *testing.T) {
	for _, h := range []brokenHealth{{false}, {true}} {
		f := newFixture(t, testConfig(), map[string]Health{"indexer": h})
		code, body := f.get(t, "/xrpc/_health")
		if code != 503 || !strings.Contains(string(body), "unhealthy") {
			t.Errorf("panics=%v: got %d %s, want 503 unhealthy", h.panics, code, body)
		}
	}
}

func TestMetricsByRouteAndStatus(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	f.get(t, "/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(feedURI))
	f.get(t, "/xrpc/app.bsky.feed.getFeedSkeleton?feed=nope")
	for i := range 3 {
		f.get(t, fmt.Sprintf("/random/%d", i))
	}
	_, body := f.get(t, "/metrics")
	for _, want := range []string{
		`feedgen_http_requests_total{method="GET",route="/xrpc/app.bsky.feed.getFeedSkeleton",status="200"} 1`,
		`feedgen_http_requests_total{method="GET",route="/xrpc/app.bsky.feed.getFeedSkeleton",status="400"} 1`,
		`feedgen_http_requests_total{method="GET",route="unmatched",status="404"} 3`,
		`feedgen_http_request_duration_seconds_count{route="/xrpc/app.bsky.feed.getFeedSkeleton",status="200"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// Every skeleton answer carries its own reqId (at most 100 characters), so
// that interactions can name the page that showed the post.
func TestSkeletonRequestIDs(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	f.addPosts(t, "sc-peace", post(1, 1))
	seen := map[string]bool{}
	for range 50 {
		out := skeleton(t, f, url.Values{"feed": {feedURI}})
		if out.ReqId == nil || *out.ReqId == "" || len(*out.ReqId) > 100 {
			t.Fatalf("reqId: %v", out.ReqId)
		}
		if seen[*out.ReqId] {
			t.Fatalf("reqId %q given twice", *out.ReqId)
		}
		seen[*out.ReqId] = true
	}
	if other := newFixture(t, testConfig(), nil); skeleton(t, other, url.Values{"feed": {feedURI}}).ReqId == nil ||
		seen[*skeleton(t, other, url.Values{"feed": {feedURI}}).ReqId] {
		t.Error("another server (a restart) repeats a reqId")
	}
}
