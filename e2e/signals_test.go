package e2e

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// explained is what the admin explain answer says of a post in our feed.
type explained struct {
	Engagement *struct{ Likes, Reposts, Replies, Quotes int }
	Feeds      []struct {
		In, Queued bool
		Reasons    []string
		Endorsers  []string
		Why        string
	}
}

func (f *feedgen) explain(uri syntax.ATURI) explained {
	f.t.Helper()
	var ex explained
	if code := f.admin("GET", "/explain?uri="+url.QueryEscape(uri.String()), nil, &ex); code != 200 || len(ex.Feeds) != 1 {
		f.t.Fatalf("explain %s: HTTP %d, %+v", uri, code, ex)
	}
	return ex
}

// An expert's like, made with @atproto/api on a real PDS and carried by
// its firehose, lets a post of the review band into the served feed, named
// in its reasons; the unlike takes it out again. A stranger's like of the
// same post is counted once it is in, and lets nothing in.
func TestExpertLikeEndorsesAReviewBandPost(t *testing.T) {
	n := Start(t, PDSOnly)
	expert := n.CreateAccount(t, "ani")
	stranger := n.CreateAccount(t, "tigran")
	reader := n.CreateAccount(t, "nare")
	feeds := filepath.Join(t.TempDir(), "feeds.json")
	def := map[string]any{"feeds": []map[string]any{{
		"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus",
		"authors": map[string][]string{"expert": {expert.DID.String()}},
	}}}
	b, _ := json.Marshal(def)
	if err := os.WriteFile(feeds, b, 0o600); err != nil {
		t.Fatal(err)
	}
	f := startFeedgen(t, n, "FEEDGEN_FEEDS="+feeds, "FEEDGEN_ADMIN_TOKENS=curator="+curatorToken)
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool {
		c, _ := f.health()
		return c
	})
	in := func(uri syntax.ATURI) bool { return slices.Contains(f.skeleton(f.DID), uri.String()) }

	// Two posts of the review band (2.5: a place and a topic word, below
	// the 3 an unlisted author needs); the expert will like one.
	en := PostOpts{Langs: []string{"en"}}
	liked := n.Post(t, stranger, "Yerevan government", en)
	control := n.Post(t, stranger, "Tbilisi government", en)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "both posts in the review queue", func() bool {
		return f.explain(liked.URI).Feeds[0].Queued && f.explain(control.URI).Feeds[0].Queued
	})
	n.Like(t, reader, liked.URI) // no expert: nothing happens
	n.ProcessAll(t)

	t0 := time.Now()
	like := n.Like(t, expert, liked.URI)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "the liked post to enter the feed", func() bool { return in(liked.URI) })
	t.Logf("the liked post was served %v after the like was written", time.Since(t0).Round(time.Millisecond))
	fe := f.explain(liked.URI).Feeds[0]
	if !fe.In || !slices.Contains(fe.Reasons, "endorsed:"+expert.DID.String()) || !slices.Contains(fe.Endorsers, expert.DID.String()) {
		t.Fatalf("explain of the liked post: %+v, want in, endorsed by %s", fe, expert.DID)
	}
	if in(control.URI) || !f.explain(control.URI).Feeds[0].Queued {
		t.Fatal("the post nobody liked left the review queue")
	}

	// Once in, its likes are counted.
	n.Like(t, stranger, liked.URI)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "the stranger's like to be counted", func() bool {
		e := f.explain(liked.URI).Engagement
		return e != nil && e.Likes == 1
	})

	n.Delete(t, expert, like.URI)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "the post to leave the feed after the unlike", func() bool { return !in(liked.URI) })
	fe = f.explain(liked.URI).Feeds[0]
	if fe.In || !fe.Queued || !strings.Contains(fe.Why, "review queue") {
		t.Errorf("after the unlike: %+v, want back in the review queue", fe)
	}
}
