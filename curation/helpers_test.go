package curation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

const (
	feedID     = "sc-peace"
	serviceDID = "did:web:feeds.example.com"
	feedURI    = "at://" + serviceDID + "/app.bsky.feed.generator/" + feedID

	tokenAni    = "tok-ani-0123456789abcdefghij"
	tokenGiorgi = "tok-giorgi-0123456789abcdefg"

	// Accounts of the fake network.
	didAlice = "did:plc:aliceaaaaaaaaaaaaaaaaaaa"
	didBob   = "did:plc:bobbbbbbbbbbbbbbbbbbbbbb"
	didCarol = "did:plc:carolccccccccccccccccccc"
	didOwner = "did:plc:ownerooooooooooooooooooo"
	didEve   = "did:plc:eveeeeeeeeeeeeeeeeeeeeee"
	// didGhost is well-formed and unknown to the directory.
	didGhost = "did:plc:ghostggggggggggggggggggg"

	listURI = "at://" + didOwner + "/app.bsky.graph.list/3kexperts22"
)

// Texts with known scores under the built-in rules: strong is in for
// anyone, weak only for a listed author, review lands in the review band
// of an unlisted author's post, and off is out for everyone. A review
// text scores 2.5, where the text model is consulted: a word the model
// reads as politics ("again") can lift it in, so tests vary it with
// neutral words ("today", "tonight").
const (
	textStrong = "Pashinyan and Aliyev met in Washington to sign the peace treaty"
	textWeak   = "Lovely day in Tbilisi"
	textReview = "Yerevan government"
	textOff    = "I had pizza today"
)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// env is a curation service on a real store, behind the real feed server
// with its admin tokens, with a fake identity directory and a fake PDS.
type env struct {
	t   *testing.T
	st  *store.Store
	svc *curation.Service
	srv *feedgen.Server
	dir *identity.MockDirectory
	pds *testutil.FakePDS
	ing *countingIngester
	ix  *indexer.Indexer
	dec *membership.Decider
	// now is the fake clock in Unix nanoseconds: the indexer's writer
	// reads it on its own goroutine.
	now atomic.Int64
}

// clock is the fake clock's time.
func (e *env) clock() time.Time { return time.Unix(0, e.now.Load()).UTC() }

// advance moves the fake clock on.
func (e *env) advance(d time.Duration) { e.now.Add(int64(d)) }

type envOption func(*curation.Config, *curation.Feed, *curation.Deps)

func newEnv(t *testing.T, opts ...envOption) *env {
	t.Helper()
	st := testutil.MustOpen(t)
	e := &env{t: t, st: st, dir: identity.NewMockDirectory(), pds: testutil.NewFakePDS(t)}
	e.now.Store(testNow.UnixNano())
	for _, a := range []struct{ did, handle string }{
		{didAlice, "alice.test"}, {didBob, "bob.test"}, {didCarol, "carol.test"}, {didOwner, "owner.test"}, {didEve, "eve.test"},
	} {
		e.dir.Insert(identity.Identity{
			DID:    syntax.DID(a.did),
			Handle: syntax.Handle(a.handle),
			Services: map[string]identity.ServiceEndpoint{
				"atproto_pds": {Type: "AtprotoPersonalDataServer", URL: e.pds.URL},
			},
		})
	}
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	text, err := relevance.BuiltinText("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	f := curation.Feed{ID: feedID, URI: feedURI, Rules: "builtin:south-caucasus", RulesText: text}
	cfg := curation.Config{Now: func() time.Time { return e.clock() }}
	// The fake PDS is on loopback, as in a local test network.
	hc := netguard.New(netguard.Options{AllowPrivate: true, MaxBody: netguard.PDSResponseMax})
	deps := curation.Deps{Store: st, Directory: e.dir, HTTPClient: hc}
	for _, o := range opts {
		o(&cfg, &f, &deps)
	}
	cfg.Feeds = []curation.Feed{f}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: relevance.New(rules), Reposts: true,
		Moderation: membership.Policy{Exclude: membership.DefaultExclude, Labelers: []syntax.DID{testLabeler}}}}})
	if err != nil {
		t.Fatal(err)
	}
	// As in production: the service backfills through the inbox of the
	// one running indexer, which hands it the list items of the stream.
	inbox := indexer.NewInbox()
	e.ing = &countingIngester{inbox: inbox}
	e.dec = dec
	deps.Decider, deps.Ingester, deps.Rejudger = dec, e.ing, inbox
	e.svc, err = curation.New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	e.ix, err = indexer.New(indexer.Config{
		Source:        indexer.SourceSpec{Kind: indexer.SourceNone},
		Now:           func() time.Time { return e.clock() },
		PruneInterval: -1,
	}, indexer.Deps{Store: st, Decider: dec, Records: e.svc, Inbox: inbox})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.ix.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("indexer: %v", err)
		}
	})
	e.srv, err = feedgen.New(feedgen.Config{
		ServiceDID: serviceDID,
		Hostname:   "feeds.example.com",
		Feeds:      []feedgen.Feed{{ID: feedID, URI: feedURI}},
		AdminTokens: []feedgen.AdminToken{
			{Name: "ani", Token: tokenAni}, {Name: "giorgi", Token: tokenGiorgi},
		},
	}, feedgen.Deps{Store: st, Registry: prometheus.NewRegistry(), Pins: e.svc, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	e.svc.Routes(e.srv.Admin())
	e.svc.PageRoutes(e.srv.Echo())
	return e
}

func withList(list string) envOption {
	return func(_ *curation.Config, f *curation.Feed, _ *curation.Deps) { f.List = syntax.ATURI(list) }
}

func withSeed(seed map[syntax.DID]model.Tier) envOption {
	return func(_ *curation.Config, f *curation.Feed, _ *curation.Deps) { f.Seed = seed }
}

func withMaxPins(n int) envOption {
	return func(c *curation.Config, _ *curation.Feed, _ *curation.Deps) { c.MaxPins = n }
}

// countingIngester counts the posts backfills send through the running
// indexer's inbox.
type countingIngester struct {
	inbox *indexer.Inbox
	mu    sync.Mutex
	n     int
}

func (c *countingIngester) Ingest(ctx context.Context, evs []indexer.Event) error {
	c.mu.Lock()
	c.n += len(evs)
	c.mu.Unlock()
	return c.inbox.Ingest(ctx, evs)
}

func (c *countingIngester) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// postRecord is an app.bsky.feed.post record written at created.
func postRecord(text string, created time.Time) map[string]any {
	return map[string]any{"$type": "app.bsky.feed.post", "text": text, "langs": []string{"en"}, "createdAt": created.UTC().Format(time.RFC3339Nano)}
}

// publish writes a post to its author's fake PDS, created ago before now,
// and returns its URI. The record key is a TID of the creation time, as
// an app makes it.
func (e *env) publish(did, text string, ago time.Duration) string {
	created := e.clock().Add(-ago)
	rkey := syntax.NewTIDFromTime(created, 0).String()
	e.pds.Put(did, "app.bsky.feed.post", rkey, postRecord(text, created))
	return "at://" + did + "/app.bsky.feed.post/" + rkey
}

// stream delivers a post as the network would: published, then seen by
// the indexer at once.
func (e *env) stream(did, text string, ago time.Duration) string {
	e.t.Helper()
	uri := e.publish(did, text, ago)
	e.replay(uri)
	return uri
}

// replay sends the stored PDS record at uri through the indexer again, as
// a replayed or edited event would.
func (e *env) replay(uri string) {
	e.t.Helper()
	u := syntax.ATURI(uri)
	rec := e.pds.Records(u.Authority().String(), u.Collection().String())[u.RecordKey().String()]
	ev, err := indexer.DecodeRecord(uri, rec.CID, rec.Value, e.clock().UnixMicro())
	if err != nil {
		e.t.Fatal(err)
	}
	e.ingest(ev)
}

// ingest applies events through the running indexer's one writer, as the
// stream's would be.
func (e *env) ingest(evs ...indexer.Event) {
	e.t.Helper()
	if err := e.ing.inbox.Ingest(context.Background(), evs); err != nil {
		e.t.Fatal(err)
	}
}

var testCID = func() syntax.CID {
	c, err := syntax.ParseCID("bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a")
	if err != nil {
		panic(err)
	}
	return c
}()

// call sends a request to the server with a token ("" for none) and
// returns the status and the decoded JSON body.
func (e *env) call(method, path, token string, body any) (int, map[string]any) {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			b, err := json.Marshal(body)
			if err != nil {
				e.t.Fatal(err)
			}
			rd = bytes.NewReader(b)
		}
	}
	req := httptest.NewRequest(method, path, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	var out map[string]any
	if rec.Body.Len() > 0 {
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			e.t.Fatalf("%s %s: body is not JSON: %s", method, path, rec.Body)
		}
	}
	return rec.Code, out
}

// ok calls as ani and fails the test on any status but 200.
func (e *env) ok(method, path string, body any) map[string]any {
	e.t.Helper()
	code, out := e.call(method, path, tokenAni, body)
	if code != http.StatusOK {
		e.t.Fatalf("%s %s: got %d %v, want 200", method, path, code, out)
	}
	return out
}

// skeletonItem is one entry of a getFeedSkeleton answer.
type skeletonItem struct {
	Post   string
	Pin    bool
	Repost string
}

// skeleton reads one page of the feed as a subscriber's AppView would.
func (e *env) skeleton(limit int, cursor string) ([]skeletonItem, string) {
	e.t.Helper()
	q := url.Values{"feed": {feedURI}, "limit": {strconv.Itoa(limit)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	code, out := e.call("GET", "/xrpc/app.bsky.feed.getFeedSkeleton?"+q.Encode(), "", nil)
	if code != http.StatusOK {
		e.t.Fatalf("getFeedSkeleton: got %d %v", code, out)
	}
	var items []skeletonItem
	for _, x := range out["feed"].([]any) {
		m := x.(map[string]any)
		it := skeletonItem{Post: m["post"].(string)}
		if r, ok := m["reason"].(map[string]any); ok {
			switch r["$type"] {
			case "app.bsky.feed.defs#skeletonReasonPin":
				it.Pin = true
			case "app.bsky.feed.defs#skeletonReasonRepost":
				it.Repost = r["repost"].(string)
			}
		}
		items = append(items, it)
	}
	next, _ := out["cursor"].(string)
	return items, next
}

// feedPosts walks the whole feed and returns its post URIs in order.
func (e *env) feedPosts() []string {
	e.t.Helper()
	var uris []string
	cursor := ""
	for range 100 {
		items, next := e.skeleton(100, cursor)
		for _, it := range items {
			uris = append(uris, it.Post)
		}
		if next == "" {
			return uris
		}
		cursor = next
	}
	e.t.Fatal("feed paging does not end")
	return nil
}

// snapshot is the whole database as bytes: equal snapshots mean nothing
// was written.
func (e *env) snapshot() []byte {
	e.t.Helper()
	var b bytes.Buffer
	if _, err := e.st.Backup(&b, nil); err != nil {
		e.t.Fatal(err)
	}
	return b.Bytes()
}

// auditActions returns the audit log's actions, oldest first, as
// "actor action target".
func (e *env) auditActions() []string {
	e.t.Helper()
	out := e.ok("GET", "/admin/audit?limit=500", nil)
	var acts []string
	for _, x := range out["entries"].([]any) {
		m := x.(map[string]any)
		acts = append(acts, fmt.Sprintf("%s %s %s", m["actor"], m["action"], m["target"]))
	}
	slices.Reverse(acts)
	return acts
}

func appURL(uri string) string {
	u := syntax.ATURI(uri)
	return "https://bsky.app/profile/" + u.Authority().String() + "/post/" + u.RecordKey().String()
}

func errName(out map[string]any) string {
	s, _ := out["error"].(string)
	return s
}
