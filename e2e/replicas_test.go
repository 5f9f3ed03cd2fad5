package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// curationHealth reads the curation check of /xrpc/_health: its status
// and the rebuild's state.
func (f *feedgen) curationHealth() (status, rebuild string) {
	resp, err := http.Get(f.Origin + "/xrpc/_health")
	if err != nil {
		return "", ""
	}
	defer resp.Body.Close()
	var h struct {
		Checks struct {
			Curation struct {
				Status  string
				Rebuild struct{ State string }
			}
		}
	}
	json.NewDecoder(resp.Body).Decode(&h)
	return h.Checks.Curation.Status, h.Checks.Curation.Rebuild.State
}

// scroll reads the whole feed a page of limit at a time, each page from
// the next of replicas in turn, carrying the cursor across.
func scroll(t *testing.T, publisher syntax.DID, limit int, replicas ...*feedgen) []string {
	t.Helper()
	var uris []string
	cursor := ""
	for page := 0; ; page++ {
		if page > 200 {
			t.Fatal("scroll: more than 200 pages")
		}
		f := replicas[page%len(replicas)]
		u := f.Origin + "/xrpc/app.bsky.feed.getFeedSkeleton?limit=" + strconv.Itoa(limit) + "&feed=" + url.QueryEscape(f.feedURI(publisher).String())
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Feed   []struct{ Post string }
			Cursor string
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("getFeedSkeleton page %d from %s: %d %v", page, f.Origin, resp.StatusCode, err)
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

// listRecords reads a collection of repo from the PDS, as anyone can.
func listRecords(t *testing.T, n *Network, repo syntax.DID, collection string) []json.RawMessage {
	t.Helper()
	resp, err := http.Get(n.PDSURL + "/xrpc/com.atproto.repo.listRecords?repo=" + url.QueryEscape(repo.String()) + "&collection=" + collection)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Records []struct{ Value json.RawMessage }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	vals := make([]json.RawMessage, len(out.Records))
	for i, r := range out.Records {
		vals[i] = r.Value
	}
	return vals
}

// Two replicas keep curation in the publisher's repository
// (--curation-store repo), each with its own database, both following
// the PDS's firehose: a block, a pin and a new expert added through one
// appear on the other within seconds; a block written into someone else's
// repository is ignored; a third replica started on an empty database
// rebuilds from the repository to the same feed, and so does one killed
// and restarted on a wiped volume.
func TestReplicasShareCurationThroughTheRepository(t *testing.T) {
	n := Start(t, PDSOnly)
	pub := n.CreateAccount(t, "curators")
	bob := n.CreateAccount(t, "bob")
	carol := n.CreateAccount(t, "carol")
	eve := n.CreateAccount(t, "eve")
	en := PostOpts{Langs: []string{"en"}}

	feeds := filepath.Join(t.TempDir(), "feeds.json")
	os.WriteFile(feeds, []byte(`{"feeds": [{"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus"}]}`), 0o600)
	env := []string{
		"FEEDGEN_FEEDS=" + feeds,
		"FEEDGEN_ADMIN_TOKENS=ani=" + curatorToken,
		"FEEDGEN_CURATION_STORE=repo",
		"FEEDGEN_PUBLISHER_DID=" + pub.DID.String(),
		"FEEDGEN_PUBLISHER_HANDLE=" + pub.Handle.String(),
		"FEEDGEN_PUBLISHER_PASSWORD=" + pub.Password,
		"FEEDGEN_PDS_URL=" + n.PDSURL,
	}
	a := startFeedgen(t, n, env...)
	b := startFeedgen(t, n, env...)
	for _, f := range []*feedgen{a, b} {
		waitFor(t, 30*time.Second, "a replica to connect and finish its (empty) rebuild", func() bool {
			c, _ := f.health()
			status, rebuild := f.curationHealth()
			return c && status == "ok" && rebuild == "done"
		})
	}
	in := func(f *feedgen, uri syntax.ATURI) bool { return slices.Contains(f.skeleton(pub.DID), uri.String()) }

	// bob is an expert from the start, through a.
	if code := a.admin("POST", "/authors", map[string]any{"author": bob.DID.String(), "tier": "expert"}, nil); code != 200 {
		t.Fatalf("add bob through a: HTTP %d", code)
	}
	waitFor(t, 30*time.Second, "bob to be an expert on b", func() bool { return b.tiers()[bob.DID.String()] == "expert" })

	strong1 := n.Post(t, bob, "Pashinyan and Aliyev met in Washington to sign the peace treaty", en)
	strong2 := n.Post(t, bob, "Armenia and Azerbaijan sign the peace treaty, Georgia welcomes the deal", en)
	carolWeak := n.Post(t, carol, "Lovely day in Tbilisi", en)
	n.ProcessAll(t)
	for _, f := range []*feedgen{a, b} {
		waitFor(t, 30*time.Second, "bob's posts on both replicas", func() bool { return in(f, strong1.URI) && in(f, strong2.URI) })
	}
	if in(b, carolWeak.URI) {
		t.Fatal("carol's weak post is in before she is listed")
	}

	// Curation through a.
	curated := time.Now()
	for _, c := range []struct {
		path string
		body map[string]any
	}{
		{"/blocks", map[string]any{"uri": strong1.URI.String(), "note": "e2e block"}},
		{"/pins", map[string]any{"uri": strong2.URI.String()}},
		{"/authors", map[string]any{"author": carol.DID.String(), "tier": "expert"}},
	} {
		var out map[string]any
		if code := a.admin("POST", c.path, c.body, &out); code != 200 {
			t.Fatalf("POST %s on a: HTTP %d %v", c.path, code, out)
		}
	}
	// On a at once.
	if in(a, strong1.URI) {
		t.Error("a still serves the post it blocked")
	}
	// On b within seconds: the block, the pin (first), carol an expert
	// and her earlier post backfilled.
	waitFor(t, 30*time.Second, "the block to reach b", func() bool { return !in(b, strong1.URI) })
	t.Logf("the block reached b %v after a took it (with the pin and the new expert)", time.Since(curated).Round(time.Millisecond))
	waitFor(t, 30*time.Second, "the pin to reach b", func() bool {
		sk := b.skeleton(pub.DID)
		return len(sk) > 0 && sk[0] == strong2.URI.String()
	})
	waitFor(t, 30*time.Second, "carol, listed on a, to be an expert on b with her post backfilled", func() bool {
		return b.tiers()[carol.DID.String()] == "expert" && in(b, carolWeak.URI)
	})

	// A scroll that alternates between the replicas, two posts a page,
	// returns every post once, in the order either gives alone: five
	// posts of the same sort time, where only the portable tie-breaker
	// orders them.
	var more []syntax.ATURI
	sameTime := time.Now().Add(-time.Minute).UTC().Truncate(time.Second)
	for _, text := range []string{
		"Armenia and Azerbaijan agree on the peace treaty text in Washington",
		"Georgia hosts Armenian and Azerbaijani negotiators on the peace process",
		"Aliyev and Pashinyan discuss the border delimitation and the peace treaty",
		"South Caucasus peace: the Zangezur corridor talks between Armenia and Azerbaijan",
		"Tbilisi talks on the Armenia Azerbaijan peace treaty end with a joint statement",
	} {
		more = append(more, n.Post(t, bob, text, PostOpts{Langs: []string{"en"}, CreatedAt: sameTime}).URI)
	}
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "the new posts on both replicas", func() bool {
		for _, uri := range more {
			if !in(a, uri) || !in(b, uri) {
				return false
			}
		}
		return true
	})
	alone := scroll(t, pub.DID, 2, a)
	alternating := scroll(t, pub.DID, 2, a, b)
	if !slices.Equal(alternating, alone) {
		t.Errorf("a scroll alternating between the replicas:\n%v\nfrom a alone:\n%v", alternating, alone)
	}
	seen := map[string]bool{}
	for _, u := range alternating {
		if seen[u] {
			t.Errorf("%s served twice in one scroll", u)
		}
		seen[u] = true
	}
	if len(alone) < 7 {
		t.Errorf("the scroll has %d posts, want the 5 new, the pinned one and carol's", len(alone))
	}

	// The records are public, in the publisher's repository.
	if got := listRecords(t, n, pub.DID, "org.scpeace.feedgen.curation.blockedPost"); len(got) != 1 || !strings.Contains(string(got[0]), strong1.URI.String()) {
		t.Errorf("blockedPost records: %s", got)
	}

	// eve writes a block of strong2 into her own repository: not the
	// publisher's, so nobody applies it.
	n.PutRecord(t, eve, "org.scpeace.feedgen.curation.blockedPost", "3kevesblock", map[string]any{
		"$type": "org.scpeace.feedgen.curation.blockedPost", "subject": strong2.URI.String(), "createdAt": time.Now().UTC().Format(time.RFC3339),
	})
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "b to count eve's record as not the publisher's", func() bool {
		return strings.Contains(b.metrics(t), `feedgen_curation_records_ignored_total{reason="not_publisher"} 1`)
	})
	if !in(b, strong2.URI) {
		t.Error("eve's record blocked a post on b")
	}

	// Unblocked through b: a serves it again.
	if code := b.admin("POST", "/blocks/remove", map[string]any{"uri": strong1.URI.String()}, nil); code != 200 {
		t.Fatalf("unblock on b: HTTP %d", code)
	}
	waitFor(t, 30*time.Second, "the unblock to reach a", func() bool { return in(a, strong1.URI) })
	if code := b.admin("POST", "/blocks", map[string]any{"uri": strong1.URI.String()}, nil); code != 200 {
		t.Fatalf("block again on b: HTTP %d", code)
	}
	waitFor(t, 30*time.Second, "the block again to reach a", func() bool { return !in(a, strong1.URI) })

	// A third replica on an empty volume: it reports rebuilding, reads
	// the records, backfills the experts, and serves the same feed.
	started := time.Now()
	c := startFeedgen(t, n, env...)
	waitFor(t, 60*time.Second, "the third replica to rebuild", func() bool {
		status, rebuild := c.curationHealth()
		return status == "ok" && rebuild == "done"
	})
	t.Logf("the third replica rebuilt %v after it was started", time.Since(started).Round(time.Millisecond))
	want := b.skeleton(pub.DID)
	waitFor(t, 30*time.Second, "the rebuilt replica to serve the same feed as b", func() bool {
		return slices.Equal(c.skeleton(pub.DID), want)
	})
	if !slices.Contains(want, carolWeak.URI.String()) || slices.Contains(want, strong1.URI.String()) || want[0] != strong2.URI.String() {
		t.Errorf("the feed the replicas agree on: %v", want)
	}
	if got := c.tiers(); got[bob.DID.String()] != "expert" || got[carol.DID.String()] != "expert" {
		t.Errorf("rebuilt authors: %v", got)
	}

	// b is killed and its volume wiped: it comes back with everything.
	b.stop()
	if err := os.Remove(b.db); err != nil {
		t.Fatal(err)
	}
	b.start()
	waitFor(t, 60*time.Second, "b, on a wiped volume, to rebuild to the same feed", func() bool {
		status, rebuild := b.curationHealth()
		return status == "ok" && rebuild == "done" && slices.Equal(b.skeleton(pub.DID), want)
	})
}
