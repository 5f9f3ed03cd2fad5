package membership_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

// pizzaRules let in a post about pizza, and nothing else.
const pizzaRules = "[settings]\nthreshold.in = 1\nthreshold.review = 1\n[group g]\nfood 1 Pizza\n  any: pizza\n"

func classifierOf(t *testing.T, text string) *relevance.Classifier {
	t.Helper()
	r, err := relevance.ParseRules("test", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return relevance.New(r)
}

// A feed's rules are swapped whole: every decision after SetRules reads
// the new rules, a copy from WithRules changes nothing of the original,
// and deciders racing the swap see one set of rules or the other.
func TestSetRulesSwapsTheRules(t *testing.T) {
	d := decider(t, true)
	st := newState()
	strong, pizza := post(alice, "3ka", textStrong), post(alice, "3kb", textOff)
	if out, _ := d.Decide(st, strong); len(out.Feeds) != 1 {
		t.Fatalf("builtin rules: strong post out")
	}
	copyDec, err := d.WithRules(feedID, classifierOf(t, pizzaRules))
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := copyDec.Decide(st, pizza); len(out.Feeds) != 1 || out.QueueMax != 7 {
		t.Errorf("the copy does not apply its rules: %+v", out)
	}
	if out, _ := d.Decide(st, pizza); len(out.Feeds) != 0 {
		t.Errorf("WithRules changed the original decider: %+v", out)
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				out, err := d.Decide(st, pizza)
				if err != nil {
					t.Error(err)
					return
				}
				// One set of rules or the other, never a mix.
				if len(out.Feeds) == 1 && !strings.Contains(strings.Join(out.Feeds[0].Reasons, " "), "food:Pizza") {
					t.Errorf("a decision mixed the rules: %+v", out)
					return
				}
			}
		}()
	}
	pizzaC := classifierOf(t, pizzaRules)
	builtin := d.Rules(feedID)
	for i := range 50 {
		c := pizzaC
		if i%2 == 1 {
			c = relevance.New(builtin)
		}
		if err := d.SetRules(feedID, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SetRules(feedID, pizzaC); err != nil {
		t.Fatal(err)
	}
	close(stop)
	wg.Wait()
	if out, _ := d.Decide(st, pizza); len(out.Feeds) != 1 {
		t.Errorf("after SetRules: %+v", out)
	}
	if out, _ := d.Decide(st, strong); len(out.Feeds) != 0 {
		t.Errorf("after SetRules the old rules still apply: %+v", out)
	}
	if err := d.SetRules("nope", pizzaC); err == nil {
		t.Error("SetRules of an unknown feed: no error")
	}
}

// DecideFeed decides one feed and names no other; a kept record is
// judged from what it keeps.
func TestDecideFeedAndKeptRecords(t *testing.T) {
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	d, err := membership.New(membership.Config{Feeds: []membership.Feed{
		{ID: feedID, Classifier: relevance.New(rules)},
		{ID: "pizza", Classifier: classifierOf(t, pizzaRules)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	st := newState()
	r := post(alice, "3ka", textStrong+" over pizza")
	if out, _ := d.Decide(st, r); len(out.Feeds) != 2 {
		t.Fatalf("Decide: %+v", out.Feeds)
	}
	out, err := d.DecideFeed(st, "pizza", r)
	if err != nil || len(out.Feeds) != 1 || out.Feeds[0].Feed != "pizza" {
		t.Errorf("DecideFeed: %+v, %v", out.Feeds, err)
	}
	kept := &model.Post{URI: r.URI, Author: alice, Text: "look", Link: &model.Link{Title: "Pizza in Yerevan"}, IndexedUS: now.UnixMicro()}
	out, err = d.DecideFeed(st, "pizza", membership.KeptRecord(kept))
	if err != nil || len(out.Feeds) != 1 {
		t.Errorf("a kept record is not judged on its card: %+v, %v", out.Feeds, err)
	}
	if _, err := d.DecideFeed(st, "nope", r); err == nil {
		t.Error("DecideFeed of an unknown feed: no error")
	}
}
