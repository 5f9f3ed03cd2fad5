package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/atcrypto"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
)

// labelerState is one labeler as /xrpc/_health shows it.
type labelerState struct {
	DID       string
	Connected bool
	Cursor    int64
}

// labelers reads the labelers part of /xrpc/_health.
func (f *feedgen) labelers() map[string]labelerState {
	out := map[string]labelerState{}
	resp, err := http.Get(f.Origin + "/xrpc/_health")
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	var h struct {
		Checks struct {
			Labelers struct {
				Status  string
				Details []labelerState
			}
		}
	}
	json.NewDecoder(resp.Body).Decode(&h)
	for _, l := range h.Checks.Labelers.Details {
		out[l.DID] = l
	}
	return out
}

// writeFeeds writes a feeds file with the South Caucasus Peace feed and
// extra fields (JSON members, without braces).
func writeFeeds(t *testing.T, extra string) string {
	t.Helper()
	feed := `{"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus", "reposts": true`
	if extra != "" {
		feed += ", " + extra
	}
	p := filepath.Join(t.TempDir(), "feeds.json")
	if err := os.WriteFile(p, []byte(`{"feeds": [`+feed+`}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// in reports whether every uri is in the skeleton.
func (f *feedgen) in(publisher syntax.DID, uris ...syntax.ATURI) bool {
	got := f.skeleton(publisher)
	for _, u := range uris {
		if !slices.Contains(got, u.String()) {
			return false
		}
	}
	return true
}

// out reports whether no uri is in the skeleton.
func (f *feedgen) out(publisher syntax.DID, uris ...syntax.ATURI) bool {
	got := f.skeleton(publisher)
	for _, u := range uris {
		if slices.Contains(got, u.String()) {
			return false
		}
	}
	return true
}

// timed waits for cond like waitFor and logs how long it took: the time a
// label takes from Ozone to our skeleton (BENCHMARKS.md quotes it; speed
// is measured, never asserted).
func timed(t *testing.T, what string, cond func() bool) {
	t.Helper()
	t0 := time.Now()
	waitFor(t, 30*time.Second, what, cond)
	t.Logf("%s: %v", what, time.Since(t0).Round(10*time.Millisecond))
}

// The network's real Ozone labeler keeps spam out of the feed: a post
// labelled spam through Ozone leaves the skeleton, the label's negation
// brings it back, an account label takes all of that account's posts out;
// a label signed by another key, forged in another labeler's name, or from
// a labeler the feed does not trust changes nothing; after a restart the
// labels still hold and the stream resumes from its saved position.
func TestLabelsFromOzone(t *testing.T) {
	n := Start(t, Full)
	if n.OzoneDID == "" {
		t.Fatal("the full network has no Ozone")
	}
	// A labeler of our own, registered in the network's PLC, for what
	// Ozone will not send: forgeries.
	own := testutil.NewLabeler(t, "")
	pub, err := own.Key.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	own.DID = n.CreateLabelerDID(t, own.URL, pub.DIDKey())

	feeds := writeFeeds(t, `"labelers": ["`+n.OzoneDID.String()+`"]`)
	f := startFeedgen(t, n, "FEEDGEN_FEEDS="+feeds, "FEEDGEN_LABELERS="+n.OzoneDID.String()+","+own.DID.String(),
		"FEEDGEN_ADMIN_TOKENS=ani="+curatorToken)
	publisher := f.DID
	waitFor(t, 30*time.Second, "both labelers connected", func() bool {
		ls := f.labelers()
		return ls[n.OzoneDID.String()].Connected && ls[own.DID.String()].Connected
	})

	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	en := PostOpts{Langs: []string{"en"}}
	a1 := n.Post(t, alice, "Pashinyan and Aliyev initialled the peace agreement in Washington; the border commissions meet next month", en)
	a2 := n.Post(t, alice, "Mirzoyan and Bayramov met in Abu Dhabi to discuss the delimitation of the Armenia–Azerbaijan border", en)
	b1 := n.Post(t, bob, "Baku says it will not sign the peace treaty until Yerevan amends its constitution", en)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "the posts in the feed", func() bool { return f.in(publisher, a1.URI, a2.URI, b1.URI) })

	n.Label(t, LabelOpts{URI: a1.URI, CID: a1.CID, Add: []string{"spam"}})
	timed(t, "a post labelled spam through Ozone leaves the skeleton", func() bool { return f.out(publisher, a1.URI) })
	if !f.in(publisher, a2.URI, b1.URI) {
		t.Fatal("a label on one post took others out")
	}
	var ex struct {
		Feeds []struct {
			In         bool
			Moderation []string
			Why        string
		}
	}
	if code := f.admin("GET", "/explain?uri="+url.QueryEscape(a1.URI.String()), nil, &ex); code != 200 || len(ex.Feeds) != 1 ||
		!slices.Equal(ex.Feeds[0].Moderation, []string{"label:spam by " + n.OzoneDID.String()}) {
		t.Errorf("explain of the labelled post: %d %+v", code, ex)
	}

	n.Label(t, LabelOpts{URI: a1.URI, CID: a1.CID, Negate: []string{"spam"}})
	timed(t, "the label's negation brings the post back", func() bool { return f.in(publisher, a1.URI) })

	n.Label(t, LabelOpts{Account: alice.DID, Add: []string{"spam"}})
	timed(t, "an account label takes all of the account's posts out", func() bool { return f.out(publisher, a1.URI, a2.URI) })
	if !f.in(publisher, b1.URI) {
		t.Fatal("an account label took another account's post out")
	}

	// Our own labeler: a label signed with another key, one forged in
	// Ozone's name, and a good one the feed does not trust (it trusts
	// Ozone only). None moves anything.
	forger, _ := atcrypto.GeneratePrivateKeyK256()
	seq := own.Emit(t,
		own.Label(t, b1.URI.String(), "spam", testutil.LabelOpts{SignWith: forger}),
		own.Label(t, b1.URI.String(), "spam", testutil.LabelOpts{Src: n.OzoneDID}),
		own.Label(t, b1.URI.String(), "spam", testutil.LabelOpts{}),
		own.Label(t, bob.DID.String(), "!hide", testutil.LabelOpts{}),
	)
	waitFor(t, 20*time.Second, "our labeler's frame applied", func() bool { return f.labelers()[own.DID.String()].Cursor >= seq })
	if !f.in(publisher, b1.URI) {
		t.Fatal("a forged, foreign or untrusted label took a post out")
	}
	metrics := f.metrics(t)
	for _, want := range []string{
		`feedgen_labeler_labels_total{labeler="` + own.DID.String() + `",result="bad_signature"} 1`,
		`feedgen_labeler_labels_total{labeler="` + own.DID.String() + `",result="foreign_src"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %s", want)
		}
	}

	// Down for a while: Ozone labels bob meanwhile. After the restart the
	// stream resumes from the saved position, and the earlier labels hold.
	before := f.labelers()[n.OzoneDID.String()].Cursor
	f.stop()
	n.Label(t, LabelOpts{URI: b1.URI, CID: b1.CID, Add: []string{"spam"}})
	f.start()
	timed(t, "a label issued while feedgen was down arrives after the restart", func() bool { return f.out(publisher, b1.URI) })
	if !f.out(publisher, a1.URI, a2.URI) {
		t.Fatal("after the restart the account label no longer holds")
	}
	if got := f.labelers()[n.OzoneDID.String()].Cursor; got <= before {
		t.Errorf("Ozone's position after the restart: %d, before %d", got, before)
	}
}

// metrics fetches /metrics.
func (f *feedgen) metrics(t *testing.T) string {
	t.Helper()
	resp, err := http.Get(f.Origin + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return b.String()
}

// A moderation list made with @atproto/api on the PDS keeps its members'
// posts out: read at start, followed live from the firehose (only the
// owner's items count); removing a member lets new posts of theirs in.
func TestModListFromTheNetwork(t *testing.T) {
	n := Start(t, PDSOnly)
	owner := n.CreateAccount(t, "lena")
	carol := n.CreateAccount(t, "carol")
	dave := n.CreateAccount(t, "dave")
	eve := n.CreateAccount(t, "eve")
	list := n.CreateList(t, owner, "spam and fakes", ModList, "accounts kept out of the peace feed")
	carolItem := n.AddListItem(t, owner, list.URI, carol.DID)
	n.ProcessAll(t)

	f := startFeedgen(t, n, "FEEDGEN_FEEDS="+writeFeeds(t, `"modLists": ["`+list.URI.String()+`"]`),
		"FEEDGEN_ADMIN_TOKENS=ani="+curatorToken)
	publisher := f.DID
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool { c, _ := f.health(); return c })
	waitFor(t, 30*time.Second, "the mod list read at start", func() bool { return f.tiers()[carol.DID.String()] == "blocked" })

	en := PostOpts{Langs: []string{"en"}}
	c1 := n.Post(t, carol, "Pashinyan and Aliyev initialled the peace agreement in Washington; the border commissions meet next month", en)
	d1 := n.Post(t, dave, "Baku says it will not sign the peace treaty until Yerevan amends its constitution", en)
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "dave's post in the feed", func() bool { return f.in(publisher, d1.URI) })
	if !f.out(publisher, c1.URI) {
		t.Fatal("a mod list member's post entered the feed")
	}

	// Eve naming dave in the owner's list, from her own repository: nothing.
	n.AddListItem(t, eve, list.URI, dave.DID)
	// The owner adding dave: his posts leave.
	n.AddListItem(t, owner, list.URI, dave.DID)
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "dave's post to leave once the owner lists him", func() bool { return f.out(publisher, d1.URI) })

	// The owner removing carol: her new posts come in.
	n.Delete(t, owner, carolItem.URI)
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "carol no longer kept out", func() bool { _, listed := f.tiers()[carol.DID.String()]; return !listed })
	c2 := n.Post(t, carol, "Mirzoyan and Bayramov met in Abu Dhabi to discuss the delimitation of the Armenia–Azerbaijan border", en)
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "carol's new post in the feed", func() bool { return f.in(publisher, c2.URI) })
}
