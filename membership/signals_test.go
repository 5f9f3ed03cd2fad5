package membership_test

import (
	"slices"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
)

const (
	expert2 = syntax.DID("did:plc:expert2xxxxxxxxxxxxxxxxx")
	expert3 = syntax.DID("did:plc:expert3xxxxxxxxxxxxxxxxx")
	fan     = syntax.DID("did:plc:fanxxxxxxxxxxxxxxxxxxxxx")
	// textCommunity scores 2: out for a stranger, not even queued; in
	// for a community author (threshold.community 2).
	textCommunity = "Yerevan"
	// textVetoed scores 3 by the rules, but the text model finds it unlike
	// anything relevant (a holiday in Gagra): the veto sends it to the
	// review band.
	textVetoed = "Встретили Новый год в Гаграх. Мандарины прямо с дерева, море +12, на набережной пусто. Абхазия зимой прекрасна"
)

// An expert's like or repost lets a post of the review band in, with the
// expert's name on it; nothing else it touches changes.
func TestEndorsement(t *testing.T) {
	uri := postURI(alice, "3ka")
	tests := []struct {
		name  string
		setup func(s *fakeState)
		text  string
		want  want
	}{
		{"the review band without an endorsement waits in the queue", nil, textReview, want{queue: true}},
		{"an expert's like lets it in", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{expert} }, textReview,
			want{in: true, reason: membership.ReasonEndorsed + expert.String(), unqueue: true}},
		{"the first expert to endorse is named", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{fan, expert2, expert} }, textReview,
			want{in: true, reason: membership.ReasonEndorsed + expert2.String(), unqueue: true}},
		{"a like by someone who is no expert is nothing", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{fan} }, textReview, want{queue: true}},
		{"an expert no more is nothing", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{expert}; s.tiers[expert] = model.TierNone }, textReview, want{queue: true}},
		{"below the review band an endorsement is nothing", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{expert} }, textOff, want{}},
		// The text model's veto sends the least the rules let in to the
		// review band, where an expert's like still decides.
		{"a post the model vetoed waits in the queue", nil, textVetoed, want{queue: true}},
		{"an expert's like lets a vetoed post in", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{expert} }, textVetoed,
			want{in: true, reason: membership.ReasonEndorsed + expert.String(), unqueue: true}},
		{"a blocked post stays out", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{expert}; s.blocked[uri] = true }, textReview, want{}},
		{"a blocked author stays out", func(s *fakeState) { s.endorsed[uri] = []syntax.DID{expert}; s.tiers[alice] = model.TierBlocked }, textReview, want{}},
		{"a curator's rejection stands over an expert's like", func(s *fakeState) {
			s.endorsed[uri] = []syntax.DID{expert}
			s.verdicts[uri] = &model.Verdict{Feed: feedID, URI: uri}
		}, textReview, want{}},
	}
	d := decider(t, true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newState()
			s.tiers[expert], s.tiers[expert2] = model.TierExpert, model.TierAll
			if tt.setup != nil {
				tt.setup(s)
			}
			got, err := d.Decide(s, post(alice, "3ka", tt.text))
			if err != nil {
				t.Fatal(err)
			}
			check(t, got, tt.want)
		})
	}
}

// An unlisted author whom enough experts follow needs threshold.community
// (2) rather than threshold.in (3).
func TestCommunityAuthor(t *testing.T) {
	tests := []struct {
		name      string
		followers []syntax.DID
		text      string
		want      want
	}{
		{"a stranger's 2 is out", nil, textCommunity, want{}},
		{"followed by three experts, 2 is in", []syntax.DID{expert, expert2, expert3}, textCommunity, want{in: true, reason: "community:followed-by(3)", unqueue: true}},
		{"two experts are not enough", []syntax.DID{expert, expert2}, textCommunity, want{}},
		{"followers who are no experts do not count", []syntax.DID{expert, expert2, fan}, textCommunity, want{}},
		{"a community author's review band is in", []syntax.DID{expert, expert2, expert3}, textReview, want{in: true, reason: "community:followed-by(3)", unqueue: true}},
		{"still not below the community threshold", []syntax.DID{expert, expert2, expert3}, "Baku", want{}},
	}
	d := decider(t, true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newState()
			s.tiers[expert], s.tiers[expert2], s.tiers[expert3] = model.TierExpert, model.TierExpert, model.TierAll
			s.followers[alice] = tt.followers
			got, err := d.Decide(s, post(alice, "3ka", tt.text))
			if err != nil {
				t.Fatal(err)
			}
			check(t, got, tt.want)
			community, err := d.Community(s, alice)
			if err != nil {
				t.Fatal(err)
			}
			if wantC := len(tt.followers) == 3 && !slices.Contains(tt.followers, fan); (len(community) == 1) != wantC {
				t.Errorf("Community: got %v, want community=%v", community, wantC)
			}
		})
	}
}

func TestExpert(t *testing.T) {
	d := decider(t, true)
	s := newState()
	s.tiers[expert], s.tiers[outlet], s.tiers[alice] = model.TierExpert, model.TierAll, model.TierBlocked
	for did, want := range map[syntax.DID]bool{expert: true, outlet: true, alice: false, fan: false} {
		if got, err := d.Expert(s, did); err != nil || got != want {
			t.Errorf("%s: got %v, %v; want %v", did, got, err, want)
		}
	}
}
