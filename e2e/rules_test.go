package e2e

import (
	"slices"
	"testing"
	"time"
)

// yerevanRules are a curator's own rules: a post naming Yerevan is in,
// nothing else is.
const yerevanRules = "[settings]\nthreshold.in = 2\nthreshold.review = 1\n\n[group places]\nplace 2 Yerevan\n  any: yerevan\n"

// A curator changes the rules of a feedgen that follows a real PDS: the
// dry run names what would move and changes nothing, applying moves posts
// in and out of the served feed (a post whose card names Yerevan stays:
// what the rules read of a post is kept with it), the audit log says who
// and how much, the upload survives a restart and judges new posts, and a
// revert puts the feed back.
func TestRulesChangeOnARunningFeed(t *testing.T) {
	n := Start(t, PDSOnly)
	f := startFeedgen(t, n, "FEEDGEN_ADMIN_TOKENS=curator="+curatorToken)
	publisher := f.DID
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool {
		c, _ := f.health()
		return c
	})
	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	carol := n.CreateAccount(t, "carol")
	en := PostOpts{Langs: []string{"en"}}
	strong := n.Post(t, alice, "Pashinyan and Aliyev met in Washington to sign the peace treaty", en)
	card := n.Post(t, bob, "worth reading", PostOpts{Langs: []string{"en"}, Link: &LinkCard{
		URI: "https://news.example/talks", Title: "Yerevan talks: Armenia and Azerbaijan sign a border protocol", Description: "The delimitation commissions met."}})
	review := n.Post(t, carol, "Yerevan government", en)
	n.ProcessAll(t)
	in := func(uri string) bool { return slices.Contains(f.skeleton(publisher), uri) }
	waitFor(t, 20*time.Second, "the on-topic posts in the feed", func() bool { return in(strong.URI.String()) && in(card.URI.String()) })
	var queue struct {
		Entries []struct{ Post struct{ URI string } }
	}
	waitFor(t, 20*time.Second, "the review-band post in the queue", func() bool {
		f.admin("GET", "/queue", nil, &queue)
		return len(queue.Entries) == 1 && queue.Entries[0].Post.URI == review.URI.String()
	})

	type move struct{ URI, From, To string }
	var diff struct {
		Diff struct {
			Entered, Left int
			Samples       []move
		}
	}
	if code := f.admin("POST", "/rules/diff", map[string]any{"rules": yerevanRules}, &diff); code != 200 {
		t.Fatalf("diff: HTTP %d", code)
	}
	want := []move{{strong.URI.String(), "in", "out"}, {review.URI.String(), "queue", "in"}}
	if diff.Diff.Entered != 1 || diff.Diff.Left != 1 || !slices.Equal(diff.Diff.Samples, want) {
		t.Errorf("dry run: %+v, want %v", diff.Diff, want)
	}
	if !in(strong.URI.String()) || in(review.URI.String()) {
		t.Fatal("the dry run changed the feed")
	}

	var res struct {
		To      struct{ Version int }
		Rejudge struct{ Phase string }
	}
	if code := f.admin("POST", "/rules", map[string]any{"rules": yerevanRules, "note": "e2e"}, &res); code != 200 || res.To.Version != 1 || res.Rejudge.Phase != "done" {
		t.Fatalf("apply: HTTP %d %+v", code, res)
	}
	got := f.skeleton(publisher)
	if !slices.Equal(got, []string{review.URI.String(), card.URI.String()}) {
		t.Errorf("after apply: feed %v, want the queued post and the card", got)
	}
	var audit struct {
		Entries []struct {
			Actor, Action, Note string
			After               struct{ Version, Entered, Left int }
		}
	}
	f.admin("GET", "/audit?limit=1", nil, &audit)
	if len(audit.Entries) != 1 || audit.Entries[0].Actor != "curator" || audit.Entries[0].Action != "rules.set" ||
		audit.Entries[0].After.Entered != 1 || audit.Entries[0].After.Left != 1 || audit.Entries[0].Note != "e2e" {
		t.Errorf("audit: %+v", audit.Entries)
	}

	// A restart keeps the upload; new posts are judged by it.
	f.stop()
	f.start()
	waitFor(t, 30*time.Second, "the indexer to connect again", func() bool {
		c, _ := f.health()
		return c
	})
	var show struct{ Active struct{ Source string } }
	if f.admin("GET", "/rules", nil, &show); show.Active.Source != "upload" {
		t.Errorf("after a restart the feed applies %q rules, want the upload", show.Active.Source)
	}
	fresh := n.Post(t, alice, "Yerevan at night", en)
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "a new post that only the uploaded rules let in", func() bool { return in(fresh.URI.String()) })

	if code := f.admin("POST", "/rules/revert", map[string]any{}, nil); code != 200 {
		t.Fatalf("revert: HTTP %d", code)
	}
	got = f.skeleton(publisher)
	if !slices.Contains(got, strong.URI.String()) || slices.Contains(got, review.URI.String()) || !slices.Contains(got, card.URI.String()) {
		t.Errorf("after revert: feed %v", got)
	}
}
