package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
)

// feedgenBinary is our binary, built once per test run.
func feedgenBinary(t *testing.T) string { return testutil.Feedgen(t) }

// feedgen is our server running against the network.
type feedgen struct {
	t      *testing.T
	proc   *testutil.Proc
	port   int
	db     string
	env    []string
	DID    syntax.DID
	Origin string // http://localhost:<port>
}

// startFeedgen runs `feedgen serve` on a free port with a did:web the
// AppView can resolve, following the PDS's firehose.
func startFeedgen(t *testing.T, n *Network, extraEnv ...string) *feedgen {
	t.Helper()
	port := FreePort(t)
	f := &feedgen{t: t, port: port, db: filepath.Join(t.TempDir(), "feedgen.db")}
	host := fmt.Sprintf("localhost:%d", port)
	f.DID = syntax.DID("did:web:localhost%3A" + fmt.Sprint(port))
	f.Origin = "http://" + host
	f.env = append([]string{
		fmt.Sprintf("FEEDGEN_LISTEN=127.0.0.1:%d", port),
		"FEEDGEN_HOSTNAME=" + host,
		"FEEDGEN_SERVICE_ENDPOINT=" + f.Origin,
		"FEEDGEN_DB=" + f.db,
		"FEEDGEN_SOURCE=" + n.FirehoseURL,
		"FEEDGEN_PLC_URL=" + n.PLCURL,
		"FEEDGEN_LOG_LEVEL=debug",
		// The local network's PDS is on 127.0.0.1.
		"FEEDGEN_ALLOW_PRIVATE_NETWORKS=true",
	}, extraEnv...)
	f.start()
	return f
}

// start runs `feedgen serve` (again, after stop) with f's environment.
func (f *feedgen) start() {
	f.t.Helper()
	f.proc = testutil.Serve(f.t, []string{feedgenBinary(f.t), "serve"}, f.env...)
}

// stop sends SIGTERM and waits for a clean exit.
func (f *feedgen) stop() {
	f.t.Helper()
	f.proc.Stop()
}

func (f *feedgen) feedURI(publisher syntax.DID) syntax.ATURI {
	return syntax.ATURI("at://" + publisher.String() + "/app.bsky.feed.generator/sc-peace")
}

// skeleton fetches the whole feed (every page) straight from our server.
func (f *feedgen) skeleton(publisher syntax.DID) []string {
	f.t.Helper()
	var uris []string
	cursor := ""
	for {
		u := f.Origin + "/xrpc/app.bsky.feed.getFeedSkeleton?limit=100&feed=" + url.QueryEscape(f.feedURI(publisher).String())
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, err := http.Get(u)
		if err != nil {
			f.t.Fatal(err)
		}
		var out struct {
			Feed   []struct{ Post string }
			Cursor string
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			f.t.Fatalf("getFeedSkeleton: %d %v", resp.StatusCode, err)
		}
		for _, it := range out.Feed {
			uris = append(uris, it.Post)
		}
		if out.Cursor == "" {
			return uris
		}
		cursor = out.Cursor
	}
}

// health returns the indexer part of /xrpc/_health.
func (f *feedgen) health() (connected bool, events int) {
	resp, err := http.Get(f.Origin + "/xrpc/_health")
	if err != nil {
		return false, 0
	}
	defer resp.Body.Close()
	var h struct {
		Checks struct {
			Indexer struct {
				Connected bool
				Events    int
			}
		}
	}
	json.NewDecoder(resp.Body).Decode(&h)
	return h.Checks.Indexer.Connected, h.Checks.Indexer.Events
}

// waitFor polls cond for up to d.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// The indexer follows a real PDS's subscribeRepos: an on-topic post enters
// the feed, an off-topic one does not, a deleted one leaves it, and posts
// written while feedgen is down are picked up from the saved cursor.
func TestIndexerFollowsARealPDS(t *testing.T) {
	n := Start(t, PDSOnly)
	f := startFeedgen(t, n)
	publisher := f.DID // the default: the service DID publishes
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool {
		c, _ := f.health()
		return c
	})

	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	onTopic := n.Post(t, alice, "Pashinyan and Aliyev initialled the peace agreement in Washington; the border commissions meet next month", PostOpts{Langs: []string{"en"}})
	offTopic := n.Post(t, bob, "Lunch today was excellent, nothing to do with politics", PostOpts{Langs: []string{"en"}})
	doomed := n.Post(t, bob, "Baku says it will not sign the peace treaty until Yerevan amends its constitution", PostOpts{Langs: []string{"en"}})
	georgian := n.Post(t, bob, "ქართული ოცნება ოპოზიციის ლიდერებს დაპატიმრებით ემუქრება", PostOpts{Langs: []string{"ka"}})
	n.ProcessAll(t)

	waitFor(t, 20*time.Second, "the on-topic posts in the feed", func() bool {
		got := f.skeleton(publisher)
		return slices.Contains(got, onTopic.URI.String()) && slices.Contains(got, doomed.URI.String()) && slices.Contains(got, georgian.URI.String())
	})
	if slices.Contains(f.skeleton(publisher), offTopic.URI.String()) {
		t.Fatal("the off-topic post is in the feed")
	}

	n.Delete(t, bob, doomed.URI)
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "the deleted post to leave the feed", func() bool {
		return !slices.Contains(f.skeleton(publisher), doomed.URI.String())
	})

	// Down for a while: what is written meanwhile arrives after restart.
	f.stop()
	late := n.Post(t, alice, "Mirzoyan and Bayramov met in Abu Dhabi to discuss the delimitation of the Armenia–Azerbaijan border", PostOpts{Langs: []string{"en"}})
	n.ProcessAll(t)
	f.start()
	waitFor(t, 30*time.Second, "the post written while feedgen was down", func() bool {
		return slices.Contains(f.skeleton(publisher), late.URI.String())
	})
	got := f.skeleton(publisher)
	want := []string{late.URI.String(), georgian.URI.String(), onTopic.URI.String()}
	if !slices.Equal(got, want) {
		t.Fatalf("feed after restart:\n got %v\nwant %v (newest first, nothing twice)", got, want)
	}
}
