package membership_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

// fakeState is membership.State held in maps: what the store would say.
type fakeState struct {
	posts      map[syntax.ATURI]*model.Post
	tiers      map[syntax.DID]model.Tier // in every feed
	blocked    map[syntax.ATURI]bool
	tombstoned map[syntax.ATURI]bool
	verdicts   map[syntax.ATURI]*model.Verdict
	// endorsed and followers are the kept likes and follows, by subject.
	endorsed  map[syntax.ATURI][]syntax.DID
	followers map[syntax.DID][]syntax.DID
	labels    map[string][]model.Label // by subject; see moderation_test.go
	// fail, if set, is what every look-up of a tier returns.
	fail error
}

func newState() *fakeState {
	return &fakeState{posts: map[syntax.ATURI]*model.Post{}, tiers: map[syntax.DID]model.Tier{},
		blocked: map[syntax.ATURI]bool{}, tombstoned: map[syntax.ATURI]bool{}, verdicts: map[syntax.ATURI]*model.Verdict{},
		endorsed: map[syntax.ATURI][]syntax.DID{}, followers: map[syntax.DID][]syntax.DID{}}
}

func (s *fakeState) Endorsements(uri syntax.ATURI) ([]syntax.DID, error) { return s.endorsed[uri], nil }
func (s *fakeState) Followers(did syntax.DID) ([]syntax.DID, error)      { return s.followers[did], nil }

func (s *fakeState) Post(uri syntax.ATURI) (*model.Post, error) {
	if p := s.posts[uri]; p != nil {
		return p, nil
	}
	return nil, model.ErrNotFound
}

func (s *fakeState) InFeed(feed string, uri syntax.ATURI) bool {
	p := s.posts[uri]
	return p != nil && !p.Hidden && p.InFeed(feed)
}

func (s *fakeState) Tombstoned(uri syntax.ATURI) bool { return s.tombstoned[uri] }
func (s *fakeState) Blocked(uri syntax.ATURI) bool    { return s.blocked[uri] }

func (s *fakeState) AuthorTier(_ string, author syntax.DID) (model.Tier, error) {
	return s.tiers[author], s.fail
}

func (s *fakeState) Verdict(_ string, uri syntax.ATURI) (*model.Verdict, error) {
	if v := s.verdicts[uri]; v != nil {
		return v, nil
	}
	return nil, model.ErrNotFound
}

func (s *fakeState) AuthorPostsInFeed(feed string, author syntax.DID, sinceUS int64) int {
	n := 0
	for _, p := range s.posts {
		if p.Author == author && !p.Hidden && p.InFeed(feed) && p.SortUS >= sinceUS {
			n++
		}
	}
	return n
}

// keep puts a post in the feed, as the apply step would have.
func (s *fakeState) keep(uri syntax.ATURI, text string, sortUS int64) {
	author, _ := uri.Authority().AsDID()
	s.posts[uri] = &model.Post{URI: uri, Author: author, Text: text, SortUS: sortUS, Feeds: []model.Membership{{Feed: feedID, Score: 3}}}
}

const (
	alice  = syntax.DID("did:plc:aliceaaaaaaaaaaaaaaaaaaa")
	expert = syntax.DID("did:plc:expertxxxxxxxxxxxxxxxxxx")
	outlet = syntax.DID("did:plc:outletxxxxxxxxxxxxxxxxxx")

	// textReview lands an unlisted author's post in the review band.
	textReview = "Yerevan government"
	textOff    = "I had pizza today"
)

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func postURI(did syntax.DID, rkey string) syntax.ATURI {
	return syntax.ATURI("at://" + did.String() + "/app.bsky.feed.post/" + rkey)
}

func post(did syntax.DID, rkey, text string) membership.Record {
	return membership.Record{URI: postURI(did, rkey), Author: did, TimeUS: now.UnixMicro(), CreatedUS: now.UnixMicro(),
		Post: &bsky.FeedPost{Text: text, Langs: []string{"en"}, CreatedAt: now.Format(time.RFC3339)}}
}

func reply(did syntax.DID, rkey, text string, root syntax.ATURI) membership.Record {
	r := post(did, rkey, text)
	ref := &comatproto.RepoStrongRef{Uri: root.String(), Cid: "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a"}
	r.Post.Reply = &bsky.FeedPost_ReplyRef{Root: ref, Parent: ref}
	return r
}

func repost(did syntax.DID, rkey string, subject syntax.ATURI) membership.Record {
	return membership.Record{URI: syntax.ATURI("at://" + did.String() + "/app.bsky.feed.repost/" + rkey), Author: did,
		TimeUS: now.UnixMicro(), Subject: subject}
}

func decider(t *testing.T, reposts bool) *membership.Decider {
	t.Helper()
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	d, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: relevance.New(rules), Reposts: reposts}}, QueueMax: 7})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// want is an outcome in short: the reasons of the one feed's membership
// that must be there ("" for out), and what the queue is asked.
type want struct {
	in      bool
	reason  string
	queue   bool
	unqueue bool
}

func check(t *testing.T, got membership.Outcome, w want) {
	t.Helper()
	in := len(got.Feeds) == 1 && got.Feeds[0].Feed == feedID
	if in != w.in || (len(got.Feeds) > 1) {
		t.Fatalf("feeds: got %+v, want in=%v", got.Feeds, w.in)
	}
	if w.reason != "" && (!in || !slices.Contains(got.Feeds[0].Reasons, w.reason)) {
		t.Errorf("reasons: got %+v, want %q among them", got.Feeds, w.reason)
	}
	if q := len(got.Queue) == 1 && got.Queue[0].Feed == feedID; q != w.queue {
		t.Errorf("queue: got %+v, want queued=%v", got.Queue, w.queue)
	}
	if u := slices.Contains(got.Unqueue, feedID); u != w.unqueue {
		t.Errorf("unqueue: got %v, want %v", got.Unqueue, w.unqueue)
	}
	if got.QueueMax != 7 {
		t.Errorf("queue bound: got %d, want the configured 7", got.QueueMax)
	}
}

func TestPosts(t *testing.T) {
	root := postURI(alice, "3kroot")
	quoted := postURI(alice, "3kquoted")
	tests := []struct {
		name  string
		setup func(s *fakeState)
		rec   membership.Record
		want  want
	}{
		{"a strong post is in, and leaves the queue", nil, post(alice, "3ka", textStrong), want{in: true, reason: "person:Pashinyan(+3)", unqueue: true}},
		{"a weak post of an unlisted author is out", nil, post(alice, "3ka", textWeak), want{}},
		{"a weak post of an expert is in", func(s *fakeState) { s.tiers[alice] = model.TierExpert }, post(alice, "3ka", textWeak), want{in: true, reason: "tier:expert", unqueue: true}},
		{"tier all: any top-level post", func(s *fakeState) { s.tiers[alice] = model.TierAll }, post(alice, "3ka", textOff), want{in: true, reason: "tier:all", unqueue: true}},
		{"a blocked author stays out", func(s *fakeState) { s.tiers[alice] = model.TierBlocked }, post(alice, "3ka", textStrong), want{}},
		{"a blocked post goes nowhere, not even the queue", func(s *fakeState) { s.blocked[postURI(alice, "3ka")] = true }, post(alice, "3ka", textReview), want{}},
		{"the review band waits in the queue", nil, post(alice, "3ka", textReview), want{queue: true}},
		{"a listed author's post is never queued", func(s *fakeState) { s.tiers[alice] = model.TierExpert }, post(alice, "3ka", "I had pizza in the sun today"), want{}},
		{"an approved post stays in after an edit", func(s *fakeState) {
			s.verdicts[postURI(alice, "3ka")] = &model.Verdict{Feed: feedID, URI: postURI(alice, "3ka"), In: true}
		}, post(alice, "3ka", textOff), want{in: true, reason: membership.ReasonApproved}},
		{"an approval does not outlast a block of the author", func(s *fakeState) {
			s.verdicts[postURI(alice, "3ka")] = &model.Verdict{Feed: feedID, URI: postURI(alice, "3ka"), In: true}
			s.tiers[alice] = model.TierBlocked
		}, post(alice, "3ka", textReview), want{}},
		{"a rejected post is not queued again", func(s *fakeState) {
			s.verdicts[postURI(alice, "3ka")] = &model.Verdict{Feed: feedID, URI: postURI(alice, "3ka")}
		}, post(alice, "3ka", textReview), want{}},
		{"an edit that goes clearly out leaves the queue", nil, func() membership.Record {
			r := post(alice, "3ka", textOff)
			r.Edit = true
			return r
		}(), want{unqueue: true}},
		{"an expert's reply stays with its in-feed thread", func(s *fakeState) {
			s.tiers[expert] = model.TierExpert
			s.keep(root, textStrong, now.Add(-time.Hour).UnixMicro())
		}, reply(expert, "3kr", "Agreed, well put.", root), want{in: true, reason: "thread:root-in-feed", unqueue: true}},
		{"an unlisted reply gets the thread's push", func(s *fakeState) {
			s.keep(root, textStrong, now.Add(-time.Hour).UnixMicro())
		}, reply(alice, "3kr", "Exactly, the treaty and the border commission are separate tracks.", root), want{in: true, reason: "thread:root-in-feed(+1.5)", unqueue: true}},
		{"a quoted post we keep lends its text", func(s *fakeState) {
			s.posts[quoted] = &model.Post{URI: quoted, Author: alice, Text: textStrong}
		}, func() membership.Record {
			r := post(alice, "3kq", "Worth reading")
			r.Post.Embed = &bsky.FeedPost_Embed{EmbedRecord: &bsky.EmbedRecord{Record: &comatproto.RepoStrongRef{Uri: quoted.String(), Cid: "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a"}}}
			return r
		}(), want{in: true, reason: "person:Pashinyan(+3)", unqueue: true}},
	}
	d := decider(t, true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newState()
			if tt.setup != nil {
				tt.setup(s)
			}
			got, err := d.Decide(s, tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			check(t, got, tt.want)
		})
	}
}

// The per-hour cap counts what entered the feed before, never the post
// being decided again (an edit, a replay).
func TestAuthorCapDoesNotCountThePostItself(t *testing.T) {
	d := decider(t, false)
	s := newState()
	for i := range 11 {
		s.keep(postURI(alice, "3kold"+strings.Repeat("a", i)), textStrong, now.Add(-time.Duration(i)*time.Minute).UnixMicro())
	}
	again := post(alice, "3kagain", textStrong)
	s.keep(again.URI, textStrong, now.UnixMicro())
	got, err := d.Decide(s, again)
	if err != nil {
		t.Fatal(err)
	}
	check(t, got, want{in: true, unqueue: true})
	s.keep(postURI(alice, "3ktwelfth"), textStrong, now.UnixMicro())
	got, err = d.Decide(s, post(alice, "3knew", textStrong))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Feeds) != 0 {
		t.Errorf("the thirteenth post in an hour: got %+v, want it capped", got.Feeds)
	}
}

func TestReposts(t *testing.T) {
	subject := postURI(alice, "3ksubject")
	tests := []struct {
		name    string
		reposts bool
		setup   func(s *fakeState)
		by      syntax.DID
		want    want
	}{
		{"tier all: always", true, nil, outlet, want{in: true, reason: "author:all"}},
		{"an expert: a post in the feed", true, func(s *fakeState) { s.keep(subject, textStrong, 1) }, expert, want{in: true, reason: "subject-in-feed"}},
		{"an expert: not a post outside it", true, nil, expert, want{}},
		{"an unlisted author: never", true, func(s *fakeState) { s.keep(subject, textStrong, 1) }, alice, want{}},
		{"a blocked author: never", true, func(s *fakeState) { s.keep(subject, textStrong, 1); s.tiers[alice] = model.TierBlocked }, alice, want{}},
		{"a feed without reposts: never", false, nil, outlet, want{}},
		{"a deleted post stays out", true, func(s *fakeState) { s.tombstoned[subject] = true }, outlet, want{}},
		{"a blocked post stays out", true, func(s *fakeState) { s.blocked[subject] = true }, outlet, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decider(t, tt.reposts)
			s := newState()
			s.tiers[outlet], s.tiers[expert] = model.TierAll, model.TierExpert
			if tt.setup != nil {
				tt.setup(s)
			}
			got, err := d.Decide(s, repost(tt.by, "3krp", subject))
			if err != nil {
				t.Fatal(err)
			}
			check(t, got, tt.want)
			if len(got.Queue) > 0 || len(got.Unqueue) > 0 {
				t.Errorf("a repost touched the review queue: %+v", got)
			}
		})
	}
}

// Judge is the relevance decision explain shows, with the tier it read.
func TestJudge(t *testing.T) {
	d := decider(t, true)
	s := newState()
	s.tiers[expert] = model.TierExpert
	j, err := d.Judge(s, feedID, post(expert, "3ka", textWeak))
	if err != nil {
		t.Fatal(err)
	}
	if !j.In || j.Tier != model.TierExpert || !slices.Contains(j.Reasons, "tier:expert") {
		t.Errorf("got %+v, want in, as an expert's", j)
	}
	if _, err := d.Judge(s, "nope", post(expert, "3ka", textWeak)); err == nil {
		t.Error("judged for an unknown feed")
	}
}

// A failing read is an error, never a silent "out": the indexer stops
// rather than drop posts.
func TestStorageErrorsSurface(t *testing.T) {
	d := decider(t, true)
	s := newState()
	s.fail = errors.New("disk on fire")
	for _, r := range []membership.Record{post(alice, "3ka", textStrong), repost(outlet, "3kr", postURI(alice, "3ka"))} {
		if _, err := d.Decide(s, r); err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Errorf("%s: got %v, want the storage error", r.URI, err)
		}
	}
}

func TestNewChecksTheFeeds(t *testing.T) {
	rules, _ := relevance.Builtin("south-caucasus")
	c := relevance.New(rules)
	for name, cfg := range map[string]membership.Config{
		"none":          {},
		"no classifier": {Feeds: []membership.Feed{{ID: "a"}}},
		"no ID":         {Feeds: []membership.Feed{{Classifier: c}}},
		"twice":         {Feeds: []membership.Feed{{ID: "a", Classifier: c}, {ID: "a", Classifier: c}}},
	} {
		if _, err := membership.New(cfg); err == nil {
			t.Errorf("%s: got no error", name)
		}
	}
}
