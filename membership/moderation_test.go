package membership_test

import (
	"slices"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

func (s *fakeState) Labels(subject string) ([]model.Label, error) {
	return s.labels[subject], s.fail
}

// label puts a label on subject, as the indexer would have kept it.
func (s *fakeState) label(l model.Label) {
	if s.labels == nil {
		s.labels = map[string][]model.Label{}
	}
	s.labels[l.URI] = append(s.labels[l.URI], l)
}

const (
	labeler = syntax.DID("did:plc:labelerxxxxxxxxxxxxxxxxx")
	other   = syntax.DID("did:plc:otherlabelerxxxxxxxxxxxx")
	cidA    = "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a"
	cidB    = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"
)

// moderated is a decider whose feed trusts labeler and excludes spam.
func moderated(t *testing.T) *membership.Decider {
	t.Helper()
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	d, err := membership.New(membership.Config{
		Feeds: []membership.Feed{{ID: feedID, Classifier: relevance.New(rules), Reposts: true,
			Moderation: membership.Policy{Exclude: []string{"spam", "!hide"}, Labelers: []syntax.DID{labeler}}}},
		QueueMax: 7,
		Now:      func() time.Time { return now },
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLabelsHoldPostsOut(t *testing.T) {
	p := postURI(alice, "3ka")
	subject := postURI(expert, "3ksubject")
	spam := func(uri string) model.Label {
		return model.Label{Src: labeler, URI: uri, Val: "spam", CreatedUS: now.Add(-time.Minute).UnixMicro()}
	}
	tests := []struct {
		name  string
		setup func(s *fakeState)
		rec   membership.Record
		held  string // the reason that holds it out, "" when it is in
		queue bool
	}{
		{"no label", nil, post(alice, "3ka", textStrong), "", false},
		{"a spam label on the post", func(s *fakeState) { s.label(spam(p.String())) }, post(alice, "3ka", textStrong), "label:spam by " + labeler.String(), false},
		{"a spam label on the account", func(s *fakeState) { s.label(spam(alice.String())) }, post(alice, "3ka", textStrong), "label:spam by " + labeler.String(), false},
		{"a label from a labeler the feed does not trust", func(s *fakeState) {
			l := spam(p.String())
			l.Src = other
			s.label(l)
		}, post(alice, "3ka", textStrong), "", false},
		{"a value the policy does not exclude", func(s *fakeState) {
			l := spam(p.String())
			l.Val = "rude"
			s.label(l)
		}, post(alice, "3ka", textStrong), "", false},
		{"an expired label", func(s *fakeState) {
			l := spam(p.String())
			l.ExpiresUS = now.Add(-time.Second).UnixMicro()
			s.label(l)
		}, post(alice, "3ka", textStrong), "", false},
		{"a label that expires later", func(s *fakeState) {
			l := spam(p.String())
			l.ExpiresUS = now.Add(time.Hour).UnixMicro()
			s.label(l)
		}, post(alice, "3ka", textStrong), "label:spam by " + labeler.String(), false},
		{"a label on another version of the post", func(s *fakeState) {
			l := spam(p.String())
			l.CID = cidB
			s.label(l)
		}, func() membership.Record { r := post(alice, "3ka", textStrong); r.CID = cidA; return r }(), "", false},
		{"a label on this version of the post", func(s *fakeState) {
			l := spam(p.String())
			l.CID = cidA
			s.label(l)
		}, func() membership.Record { r := post(alice, "3ka", textStrong); r.CID = cidA; return r }(), "label:spam by " + labeler.String(), false},
		{"a labelled post in the review band is not queued", func(s *fakeState) { s.label(spam(p.String())) }, post(alice, "3ka", textReview), "", false},
		{"an unlabelled one is", nil, post(alice, "3ka", textReview), "", true},
		{"a repost of a labelled post", func(s *fakeState) {
			s.tiers[outlet] = model.TierAll
			s.label(spam(subject.String()))
		}, repost(outlet, "3krp", subject), "label:spam by " + labeler.String(), false},
		{"a repost of a labelled account's post", func(s *fakeState) {
			s.tiers[outlet] = model.TierAll
			s.label(spam(expert.String()))
		}, repost(outlet, "3krp", subject), "label:spam by " + labeler.String(), false},
	}
	d := moderated(t)
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
			if q := len(got.Queue) > 0; q != tt.queue {
				t.Errorf("queued: got %+v, want %v", got.Queue, tt.queue)
			}
			if tt.held == "" {
				if len(got.Held) != 0 {
					t.Fatalf("got held %+v, want nothing held", got.Held)
				}
				return
			}
			if len(got.Feeds) != 0 || len(got.Held) != 1 || got.Held[0].Feed != feedID {
				t.Fatalf("got feeds %+v held %+v, want it held out of %s", got.Feeds, got.Held, feedID)
			}
			if !slices.Equal(got.Held[0].Moderation, []string{tt.held}) || len(got.Held[0].Reasons) == 0 {
				t.Errorf("held membership %+v: want moderation [%s] beside the relevance reasons", got.Held[0], tt.held)
			}
		})
	}
}

// A label that arrives after the post went in takes it out; its negation
// (the label gone) brings it back with the relevance decision it had.
func TestModerateAKeptPost(t *testing.T) {
	d := moderated(t)
	s := newState()
	uri := postURI(alice, "3ka")
	s.keep(uri, textStrong, now.UnixMicro())
	p := s.posts[uri]
	p.Feeds[0].Reasons = []string{"person:Pashinyan(+3)"}
	if changed, err := d.Moderate(s, p); err != nil || changed {
		t.Fatalf("no label: changed=%v err=%v, want nothing to do", changed, err)
	}
	s.label(model.Label{Src: labeler, URI: alice.String(), Val: "!hide"})
	if changed, err := d.Moderate(s, p); err != nil || !changed {
		t.Fatalf("account label: changed=%v err=%v", changed, err)
	}
	if len(p.Feeds) != 0 || len(p.Held) != 1 || !slices.Equal(p.Held[0].Moderation, []string{"label:!hide by " + labeler.String()}) {
		t.Fatalf("after the label: feeds %+v held %+v", p.Feeds, p.Held)
	}
	if changed, _ := d.Moderate(s, p); changed {
		t.Error("moderating again changed what nothing changed")
	}
	s.labels = nil
	if changed, err := d.Moderate(s, p); err != nil || !changed {
		t.Fatalf("label gone: changed=%v err=%v", changed, err)
	}
	if len(p.Held) != 0 || len(p.Feeds) != 1 || !slices.Equal(p.Feeds[0].Reasons, []string{"person:Pashinyan(+3)"}) || p.Feeds[0].Moderation != nil {
		t.Fatalf("after the negation: feeds %+v held %+v, want back in with its reasons", p.Feeds, p.Held)
	}
}

// A decider without a policy reads no labels at all: the stream's posts
// cost what they cost before.
func TestNoPolicyReadsNoLabels(t *testing.T) {
	d := decider(t, true)
	s := newState()
	s.label(model.Label{Src: labeler, URI: alice.String(), Val: "spam"})
	got, err := d.Decide(s, post(alice, "3ka", textStrong))
	if err != nil || len(got.Feeds) != 1 || len(got.Held) != 0 {
		t.Fatalf("got %+v %v, want in: no feed has a policy", got, err)
	}
}
