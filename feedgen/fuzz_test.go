package feedgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/atcrypto"
	iauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/ranking"
)

const (
	fuzzSkeletonPath = "/xrpc/app.bsky.feed.getFeedSkeleton"
	fuzzAdminToken   = "fuzz-admin-token"
)

// fuzzTarget is two servers over one small store, one with lenient
// service auth and one strict, and what the seeds need to know of them.
type fuzzTarget struct {
	lenient, strict *Server
	log             *testutil.SyncBuffer
	// goodSkeleton and goodInteractions are valid tokens of alice, who
	// has asked to see less of one post.
	goodSkeleton, goodInteractions string
	// cursors are real cursors of the newest-first and top feeds.
	cursor, topCursor string
	posts             []*model.Post
}

// newFuzzTarget serves sc-peace (newest first, taking feedback, ordering
// by the viewer's languages), sc-peace-top (the same posts by engagement,
// filtered to the viewer's languages), and other (empty), with a pin, a
// repost, an admin token and a health check: every branch of the public
// routes has something to do.
func newFuzzTarget(tb testing.TB) *fuzzTarget {
	tb.Helper()
	ft := &fuzzTarget{log: &testutil.SyncBuffer{}}
	logger := slog.New(slog.NewTextHandler(ft.log, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st := mustOpen(tb)
	now := time.Now()
	var posts []*model.Post
	langs := [][]string{{"en"}, {"hy"}, nil, {"ru", "hy-AM"}, {"ka"}}
	for i := range 12 {
		p := post(i, now.Add(-time.Duration(i+1)*time.Minute).UnixMicro())
		p.Langs = langs[i%len(langs)]
		p.Feeds = []model.Membership{{Feed: "sc-peace", Score: 1}}
		posts = append(posts, p)
	}
	repost := &model.Post{URI: "at://did:plc:reposterxxxxxxxxxxxxxxxx/app.bsky.feed.repost/3krp", CID: "x",
		Author: "did:plc:reposterxxxxxxxxxxxxxxxx", Subject: posts[7].URI, IndexedUS: now.Add(-30 * time.Second).UnixMicro(),
		Feeds: []model.Membership{{Feed: "sc-peace", Score: 1}}}
	testutil.PutPosts(tb, st, append(posts, repost)...)
	ft.posts = posts
	eng := &fakeEngagement{}
	for i, p := range posts {
		eng.add(p.URI, ranking.Counts{Likes: int64(i * 3 % 7)})
	}

	cfg := testConfig()
	cfg.Feeds = []Feed{
		{ID: "sc-peace", URI: feedURI, AcceptsInteractions: true, Languages: LanguagesPrefer},
		{ID: "sc-peace-top", URI: topURI, AcceptsInteractions: true, Store: "sc-peace", Top: true, Languages: LanguagesOnly},
		{ID: "other", URI: otherURI},
	}
	cfg.AdminTokens = []AdminToken{{Name: "fuzzer", Token: fuzzAdminToken}}
	cfg.PrivacyPolicyURL = "https://example.com/privacy"

	priv, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		tb.Fatal(err)
	}
	pub, _ := priv.PublicKey()
	dir := identity.NewMockDirectory()
	dir.Insert(identity.Identity{DID: alice, Handle: syntax.HandleInvalid,
		Keys: map[string]identity.VerificationMethod{"atproto": {Type: "Multikey", PublicKeyMultibase: pub.Multibase()}}})
	pins := fixedPins{string(posts[3].URI)}

	build := func(strict bool) *Server {
		reg := prometheus.NewRegistry()
		v, err := auth.NewValidator(auth.Config{Audience: cfg.ServiceDID, Resolver: dir, Strict: strict, Registerer: reg,
			Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			tb.Fatal(err)
		}
		rk, err := ranking.New(ranking.Config{
			Feeds: []ranking.Feed{{ID: "sc-peace-top", Store: "sc-peace", Params: ranking.Params{Window: 72 * time.Hour, HalfLife: 12 * time.Hour, Weights: ranking.DefaultWeights}}},
		}, st, eng, nil, reg)
		if err != nil {
			tb.Fatal(err)
		}
		srv, err := New(cfg, Deps{Store: st, Registry: reg, Logger: logger, Auth: v, Pins: pins, Ranker: rk,
			Health: map[string]Health{"indexer": fakeHealth{Status: StatusDegraded, Reason: "reconnecting"}}})
		if err != nil {
			tb.Fatal(err)
		}
		return srv
	}
	ft.lenient, ft.strict = build(false), build(true)

	sign := func(lxm syntax.NSID) string {
		// An hour is the longest a token may live, and longer than any
		// fuzzing run.
		tok, err := iauth.SignServiceAuth(alice, cfg.ServiceDID.String(), 59*time.Minute, &lxm, priv)
		if err != nil {
			tb.Fatal(err)
		}
		return tok
	}
	ft.goodSkeleton, ft.goodInteractions = sign(auth.LXMGetFeedSkeleton), sign(auth.LXMSendInteractions)

	// Alice asks to see less of one post, so her pages are shaped.
	body := `{"interactions":[{"item":"` + string(posts[1].URI) + `","event":"` + EventRequestLess + `","feedContext":"sc-peace"}]}`
	req := httptest.NewRequest(http.MethodPost, "/xrpc/app.bsky.feed.sendInteractions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+ft.goodInteractions)
	rec := httptest.NewRecorder()
	ft.lenient.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("sendInteractions: %d %s", rec.Code, rec.Body)
	}

	first := func(feed string) string {
		req := httptest.NewRequest(http.MethodGet, fuzzSkeletonPath+"?"+url.Values{"feed": {feed}, "limit": {"3"}}.Encode(), nil)
		rec := httptest.NewRecorder()
		ft.lenient.ServeHTTP(rec, req)
		var out struct{ Cursor string }
		if err := json.Unmarshal(rec.Body.Bytes(), &out); rec.Code != http.StatusOK || err != nil || out.Cursor == "" {
			tb.Fatalf("first page of %s: %d %s", feed, rec.Code, rec.Body)
		}
		return out.Cursor
	}
	ft.cursor, ft.topCursor = first(feedURI), first(topURI)
	ft.log.Take()
	return ft
}

// fuzzRequest is one request as the fuzzer shapes it.
type fuzzRequest struct {
	method, path, rawQuery, authorization, acceptLanguage string
	body                                                  []byte
}

// parse reads the request as net/http would off the wire, so that only
// requests a real server hands to its handler are tried: nil for one it
// would refuse itself.
func (r fuzzRequest) parse() *http.Request {
	path := r.path
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	target := path
	if r.rawQuery != "" {
		target += "?" + r.rawQuery
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: feeds.example.com\r\n", r.method, target)
	if r.authorization != "" {
		fmt.Fprintf(&b, "Authorization: %s\r\n", r.authorization)
	}
	if r.acceptLanguage != "" {
		fmt.Fprintf(&b, "Accept-Language: %s\r\n", r.acceptLanguage)
	}
	if len(r.body) > 0 {
		fmt.Fprintf(&b, "Content-Type: application/json\r\nContent-Length: %d\r\n", len(r.body))
	}
	b.WriteString("\r\n")
	b.Write(r.body)
	req, err := http.ReadRequest(bufio.NewReader(&b))
	if err != nil {
		return nil
	}
	// A header value with a control character other than a tab is
	// refused by the server before any handler sees it.
	for _, vs := range req.Header {
		for _, v := range vs {
			if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }) {
				return nil
			}
		}
	}
	req.RemoteAddr = "192.0.2.7:40000"
	return req
}

// serve sends req through srv and returns the recorded answer.
func serve(srv *Server, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// FuzzPublicRequests sends arbitrary requests at the public routes
// (getFeedSkeleton, describeFeedGenerator, sendInteractions, did.json,
// health, metrics, the admin group, anything else) of a server holding a
// small feed, with lenient or strict service auth. Whatever comes in, the
// answer is never a 5xx, every error is an XRPC error body, a HEAD has no
// body, and a skeleton page is the lexicon's: a feed of at most the limit
// asked for, and a cursor that the next request accepts and that never
// serves a post twice.
func FuzzPublicRequests(f *testing.F) {
	ft := newFuzzTarget(f)
	feed := "feed=" + url.QueryEscape(feedURI)
	top := "feed=" + url.QueryEscape(topURI)
	other := "feed=" + url.QueryEscape(otherURI)
	bearer := "Bearer " + ft.goodSkeleton
	type seed struct {
		method, path, query, authz, lang string
		strict                           bool
		body                             string
	}
	seeds := []seed{
		// Valid requests.
		{"GET", fuzzSkeletonPath, feed, "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=1", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=2&cursor=" + url.QueryEscape(ft.cursor), "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=100", "", "en", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=5&cursor=" + url.QueryEscape(ft.cursor), bearer, "hy, en;q=0.5", true, ""},
		{"GET", fuzzSkeletonPath, top + "&limit=3", "", "", false, ""},
		{"GET", fuzzSkeletonPath, top + "&limit=3&cursor=" + url.QueryEscape(ft.topCursor), "", "ka", false, ""},
		{"GET", fuzzSkeletonPath, top + "&limit=50", bearer, "*", true, ""},
		{"GET", fuzzSkeletonPath, other + "&limit=10", "", "", false, ""},
		{"HEAD", fuzzSkeletonPath, feed + "&limit=4", "", "", false, ""},
		{"GET", "/xrpc/app.bsky.feed.describeFeedGenerator", "", "", "", false, ""},
		{"GET", "/.well-known/did.json", "", "", "", false, ""},
		{"GET", "/xrpc/_health", "", "", "", false, ""},
		{"GET", "/metrics", "", "", "", false, ""},
		{"GET", "/", "", "", "", false, ""},
		{"GET", "/admin/whoami", "", "Bearer " + fuzzAdminToken, "", false, ""},
		{"POST", "/xrpc/app.bsky.feed.sendInteractions", "", "Bearer " + ft.goodInteractions, "", false,
			`{"interactions":[{"item":"` + string(ft.posts[2].URI) + `","event":"app.bsky.feed.defs#interactionSeen","feedContext":"sc-peace"}]}`},
		// Malformed limits.
		{"GET", fuzzSkeletonPath, feed + "&limit=0", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=-1", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=1e9", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=1000000000", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=abc", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=%2B5", "", "", false, ""},
		// Malformed cursors.
		{"GET", fuzzSkeletonPath, feed + "&cursor=%00%FF%FE%80garbage%C3%28", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&cursor=" + strings.Repeat("9", 20000), "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&cursor=" + strings.Repeat("1", 19) + "-" + strings.Repeat("f", 16), "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&cursor=9223372036854775807.18446744073709551615", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&cursor=" + url.QueryEscape(ft.topCursor), "", "", false, ""},
		{"GET", fuzzSkeletonPath, top + "&cursor=" + url.QueryEscape(ft.cursor), "", "", false, ""},
		{"GET", fuzzSkeletonPath, top + "&cursor=t2.99999.3ff0000000000000.1.zz", "", "", false, ""},
		{"GET", fuzzSkeletonPath, top + "&cursor=t2.-1.fff0000000000000.-5.x", "", "", false, ""},
		// Malformed and unknown feeds.
		{"GET", fuzzSkeletonPath, "feed=not-an-at-uri", "", "", false, ""},
		{"GET", fuzzSkeletonPath, "feed=" + url.QueryEscape("at://did:plc:someoneelsexxxxxxxxxxxxx/app.bsky.feed.generator/sc-peace"), "", "", false, ""},
		{"GET", fuzzSkeletonPath, "feed=" + url.QueryEscape("at://"+publisher+"/app.bsky.feed.generator/nope"), "", "", false, ""},
		{"GET", fuzzSkeletonPath, "", "", "", false, ""},
		// Repeated parameters.
		{"GET", fuzzSkeletonPath, feed + "&" + feed, "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=5&limit=6", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&cursor=" + url.QueryEscape(ft.cursor) + "&cursor=" + url.QueryEscape(ft.cursor), "", "", false, ""},
		// Percent-encoding garbage.
		{"GET", fuzzSkeletonPath, "feed=%zz", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&limit=%zz", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + "&cursor=%", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed + ";limit=5", "", "", false, ""},
		{"GET", "/xrpc/app.bsky.feed.getFeedSkelet%6Fn", feed, "", "", false, ""},
		{"GET", "/xrpc/..%2f..%2fetc%2fpasswd", "", "", "", false, ""},
		{"GET", "/xrpc/%zz", "", "", "", false, ""},
		// Bearer tokens that are not JWTs, or not ours.
		{"GET", fuzzSkeletonPath, feed, "Bearer not-a-jwt", "", false, ""},
		{"GET", fuzzSkeletonPath, feed, "Bearer not-a-jwt", "", true, ""},
		{"GET", fuzzSkeletonPath, feed, "Bearer a.b.c", "", true, ""},
		{"GET", fuzzSkeletonPath, feed, "Basic dXNlcjpwYXNz", "", true, ""},
		{"GET", fuzzSkeletonPath, feed, "Bearer " + ft.goodInteractions, "", true, ""},
		{"GET", "/admin/backup", "", "Bearer wrong", "", false, ""},
		// Wrong methods and bodies.
		{"POST", fuzzSkeletonPath, feed, "", "", false, "{}"},
		{"PUT", "/xrpc/app.bsky.feed.describeFeedGenerator", "", "", "", false, ""},
		{"HEAD", "/xrpc/app.bsky.feed.sendInteractions", "", "", "", false, ""},
		{"POST", "/xrpc/app.bsky.feed.sendInteractions", "", "Bearer " + ft.goodInteractions, "", false, `{"interactions":[{"item":"x"}]}`},
		{"POST", "/xrpc/app.bsky.feed.sendInteractions", "", "Bearer " + ft.goodInteractions, "", false, `{"interactions":`},
		{"POST", "/xrpc/app.bsky.feed.sendInteractions", "", "Bearer garbage", "", true, `{"interactions":[]}`},
		{"DELETE", "/xrpc/app.bsky.feed.getTimeline", "", "", "", false, ""},
		{"GET", "/wp-admin/", "", "", "", false, ""},
		{"GET", fuzzSkeletonPath, feed, "", strings.Repeat("en-US-x-", 300) + ",hy;q=0.9,*;q=0", false, ""},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.query, s.authz, s.lang, s.strict, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, method, path, rawQuery, authorization, acceptLanguage string, strict bool, body []byte) {
		fr := fuzzRequest{method, path, rawQuery, authorization, acceptLanguage, body}
		req := fr.parse()
		if req == nil {
			return
		}
		srv := ft.lenient
		if strict {
			srv = ft.strict
		}
		ft.log.Take()
		rec := serve(srv, req)
		ft.check(t, srv, fr, req, rec)
	})
}

// check holds one answer to the rules of the public boundary.
func (ft *fuzzTarget) check(t *testing.T, srv *Server, fr fuzzRequest, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	code, body := rec.Code, rec.Body.Bytes()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s %s?%s (auth %q, languages %q, body %q): %s\nanswer %d %q\nlog: %s",
			fr.method, fr.path, fr.rawQuery, fr.authorization, fr.acceptLanguage, fr.body,
			fmt.Sprintf(format, args...), code, body, ft.log.Take())
	}
	head := req.Method == http.MethodHead
	switch {
	case code >= 500:
		fail("a client's request answered %d", code)
	case code >= 400:
		if head {
			break
		}
		var e map[string]any
		if err := json.Unmarshal(body, &e); err != nil {
			fail("error body is not JSON: %v", err)
		}
		name, _ := e["error"].(string)
		msg, _ := e["message"].(string)
		if name == "" || msg == "" {
			fail("error body is not an XRPC error {error, message}")
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			fail("error body of type %q", ct)
		}
	case code >= 300 || code < 200:
		fail("unexpected status %d", code)
	}
	if head && len(body) > 0 {
		fail("HEAD answered with a body")
	}
	if req.URL.Path != fuzzSkeletonPath || req.Method != http.MethodGet && !head {
		return
	}
	// A query string that does not parse is a malformed request, not one
	// to serve with whatever parameters survived the parse (the reference
	// servers refuse it too: a garbled cursor must not serve the first
	// page again).
	if _, err := url.ParseQuery(req.URL.RawQuery); err != nil && code < 400 {
		fail("malformed query string (%v) served", err)
	}
	if code != http.StatusOK || head {
		return
	}
	page := ft.checkPage(t, fail, req.URL.Query(), body)
	if page.cursor == "" {
		return
	}
	// The cursor a page gave is accepted, and the next page holds no post
	// this one held.
	q := req.URL.Query()
	q.Set("cursor", page.cursor)
	next := req.Clone(req.Context())
	next.URL.RawQuery = q.Encode()
	next.RequestURI = next.URL.RequestURI()
	rec2 := serve(srv, next)
	if rec2.Code != http.StatusOK {
		fail("the cursor %q of a page was refused: %d %s", page.cursor, rec2.Code, rec2.Body)
	}
	page2 := ft.checkPage(t, fail, q, rec2.Body.Bytes())
	for p := range page2.posts {
		if page.posts[p] {
			fail("%s on the page after cursor %q again", p, page.cursor)
		}
	}
}

type fuzzPage struct {
	cursor string
	// posts are the items of the page: a post, and the repost that
	// brought it, if any.
	posts map[string]bool
}

// checkPage holds a getFeedSkeleton body to the lexicon, and to the limit
// in q.
func (ft *fuzzTarget) checkPage(t *testing.T, fail func(string, ...any), q url.Values, body []byte) fuzzPage {
	t.Helper()
	limit := DefaultLimit
	if vs, ok := q["limit"]; ok {
		n, err := strconv.Atoi(vs[0])
		if err != nil {
			fail("served a page for limit %q", vs[0])
		}
		limit = n
	}
	if limit < 1 || limit > MaxLimit {
		fail("served a page for limit %d", limit)
	}
	var out struct {
		Cursor *string `json:"cursor"`
		Feed   *[]struct {
			Post        string `json:"post"`
			FeedContext *string
			Reason      *struct {
				Type   string `json:"$type"`
				Repost string `json:"repost"`
			} `json:"reason"`
		} `json:"feed"`
		ReqID *string `json:"reqId"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		fail("skeleton is not the lexicon's JSON: %v", err)
	}
	if out.Feed == nil {
		fail("skeleton without a feed array")
	}
	if len(*out.Feed) > limit {
		fail("%d items for limit %d", len(*out.Feed), limit)
	}
	if out.Cursor != nil && *out.Cursor == "" {
		fail("empty cursor")
	}
	if out.ReqID == nil || *out.ReqID == "" || len(*out.ReqID) > maxReqID {
		fail("bad reqId")
	}
	page := fuzzPage{posts: map[string]bool{}}
	if out.Cursor != nil {
		page.cursor = *out.Cursor
	}
	for _, it := range *out.Feed {
		if _, err := syntax.ParseATURI(it.Post); err != nil {
			fail("item post %q is not an AT-URI", it.Post)
		}
		// A post may be served itself and as someone's repost: an item
		// is the post and the repost that brought it.
		key := it.Post
		if it.Reason != nil && it.Reason.Repost != "" {
			key += " reposted by " + it.Reason.Repost
		}
		if page.posts[key] {
			fail("%s twice on one page", key)
		}
		page.posts[key] = true
		if it.FeedContext != nil && len(*it.FeedContext) > maxFeedContext {
			fail("feedContext too long")
		}
		if r := it.Reason; r != nil {
			switch r.Type {
			case "app.bsky.feed.defs#skeletonReasonPin":
			case "app.bsky.feed.defs#skeletonReasonRepost":
				if _, err := syntax.ParseATURI(r.Repost); err != nil {
					fail("repost reason %q is not an AT-URI", r.Repost)
				}
			default:
				fail("unknown reason %q", r.Type)
			}
		}
	}
	return page
}
