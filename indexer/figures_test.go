package indexer

import (
	"maps"
	"strings"
	"testing"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// figureRules have a review band: one country is worth a look, two are in.
const figureRules = `
[settings]
threshold.in = 2
threshold.review = 1
threshold.expert = 1
bonus.thread = 1
guard.cap-per-hour = 0

[languages]
en = English

[group countries]
place 1 Armenia
  any: armenia*
place 1 Azerbaijan
  any: azerbaijan*
place 1 Georgia
  any: georgia*
`

// What enters the feed each day is counted by why and in which language,
// and the review queue's in and out, in the transaction that did it.
func TestFiguresCountWhatEntersAndWhy(t *testing.T) {
	alice, bob, expert, outlet, carol, dave, erin := did(1), did(2), did(3), did(4), did(5), did(6), did(7)
	b := newEvb()
	inHy := b.post(alice, "3kb", "Armenia Azerbaijan")
	inHy.Commit.Post.Langs = []string{"hy-AM"}
	reply := b.post(bob, "3kc", "Georgia")
	ref := &comatproto.RepoStrongRef{Uri: postURI(alice, "3ka").String(), Cid: cidA}
	reply.Commit.Post.Reply = &bsky.FeedPost_ReplyRef{Root: ref, Parent: ref}
	noLang := b.post(outlet, "3ke", "a day in the newsroom")
	noLang.Commit.Post.Langs = nil
	events := []any{
		b.post(alice, "3ka", "Armenia and Azerbaijan"), // rules, en
		inHy,                             // rules, hy
		reply,                            // thread (1 + the thread's 1)
		b.post(expert, "3kd", "Georgia"), // expert
		noLang,                           // all, no language
		b.repost(outlet, "3r1", postURI(alice, "3ka")),
		b.post(carol, "3kf", "Armenia"), // queued
		b.post(dave, "3kg", "Georgia"),  // queued, then deleted
		b.del(dave, CollectionPost, "3kg"),
		b.post(erin, "3kh", "Azerbaijan"), // queued, then edited in
		b.update(erin, "3kh", "Azerbaijan and Armenia"),
		b.post(carol, "3ki", "cats"),    // nothing
		b.post(carol, "3kf", "Armenia"), // a replay: counted once
	}
	rules, err := relevance.ParseRules("figures", strings.NewReader(figureRules))
	if err != nil {
		t.Fatal(err)
	}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: testFeed, Classifier: relevance.New(rules), Reposts: true}}})
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpen(t)
	path := writeFile(t, encodeLines(t, events...))
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceFile, Path: path}, tiers{expert: model.TierExpert, outlet: model.TierAll},
		func(c *Config, d *Deps) { d.Decider = dec; c.BatchSize = 3 })
	runToEnd(t, ti)

	day := store.DayOf(testNow)
	got, err := st.Daily(testFeed, day, day)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint64{
		"in/rules": 3, "in/thread": 1, "in/expert": 1, "in/all": 1, "in/repost": 1,
		"lang/en": 4, "lang/hy": 1, "lang/none": 1,
		"queue/in": 3, "queue/out/gone": 1, "queue/out/admitted": 1,
	}
	if g := got[int32(day)]; !maps.Equal(g, want) {
		t.Errorf("figures of the day:\n got %v\nwant %v", g, want)
	}
}
