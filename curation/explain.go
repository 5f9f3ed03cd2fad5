package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Explanation says whether a post is in each feed, and why or why not.
type Explanation struct {
	URI    syntax.ATURI `json:"uri"`
	Author syntax.DID   `json:"author"`
	Handle string       `json:"handle,omitempty"`
	Text   string       `json:"text,omitempty"`
	// CreatedAt is the post's own claim of when it was written.
	CreatedAt string `json:"createdAt,omitempty"`
	// Source is where the text came from: "store", "queue", "pds", or ""
	// when it could not be had.
	Source string `json:"source"`
	// FetchError says why the post could not be fetched from its PDS.
	FetchError string `json:"fetchError,omitempty"`
	// Blocked is the block that keeps the post out of every feed.
	Blocked *model.Block `json:"blocked,omitempty"`
	// Hidden is set while the author's account is inactive: the post is
	// kept, and leaves every feed until the account is back.
	Hidden bool `json:"hidden,omitempty"`
	// Engagement is what the stream counted of the post since we hold
	// it; nil for a post we do not hold.
	Engagement *model.Engagement `json:"engagement,omitempty"`
	// Labels are the labels the labelers we follow put on the post and
	// on its author ("label:spam by did:plc:…"), whether a feed counts
	// them or not.
	Labels []string          `json:"labels,omitempty"`
	Feeds  []FeedExplanation `json:"feeds"`
}

// FeedExplanation is the verdict in one feed.
type FeedExplanation struct {
	Feed   string `json:"feed"`
	In     bool   `json:"in"`
	Pinned bool   `json:"pinned"`
	// Tier is the author's effective tier in the feed (left out if
	// unlisted).
	Tier       model.Tier `json:"tier,omitempty"`
	AuthorNote string     `json:"authorNote,omitempty"`
	OnList     bool       `json:"onList,omitempty"`
	// Score and Reasons are the relevance decision: as stored when the
	// post went in or was queued, or made now (JudgedNow).
	Score     float64  `json:"score"`
	Reasons   []string `json:"reasons"`
	JudgedNow bool     `json:"judgedNow,omitempty"`
	// Need is the score an author of this tier needs (a community
	// author's, for an unlisted author enough experts follow).
	Need float64 `json:"need"`
	// Rules name the rules the feed applies now: an uploaded version or
	// the definition's, with the start of their hash.
	Rules string `json:"rules"`
	// ExpertFollowers counts the feed's experts who follow the author,
	// and Community says they are enough to make an unlisted author a
	// community author (the rules' community.experts).
	ExpertFollowers int  `json:"expertFollowers,omitempty"`
	Community       bool `json:"community,omitempty"`
	// Endorsers are the feed's experts who liked or reposted the post,
	// earliest first: one of them lets a post of the review band in.
	Endorsers []syntax.DID   `json:"endorsers,omitempty"`
	Queued    bool           `json:"queued,omitempty"`
	Verdict   *model.Verdict `json:"verdict,omitempty"`
	// Moderation are the labels that keep the post out of this feed,
	// as "label:spam by <labeler>".
	Moderation []string `json:"moderation,omitempty"`
	// ModLists are the feed's moderation lists that name the author.
	ModLists []syntax.ATURI `json:"modLists,omitempty"`
	// Why says it in one sentence.
	Why string `json:"why"`
}

// Explain says, for a post's AT-URI or bsky.app URL, whether it is in each
// feed and why: the relevance reasons, the author's tier, a block, a pin, a
// queue entry or a curator's verdict. For a feed the post is not in and
// has no stored reasons for, the post is fetched from its author's PDS and
// judged now, against the feed's current state, to say why not.
func (s *Service) Explain(ctx context.Context, ref string) (*Explanation, error) {
	uri, err := s.resolvePost(ctx, ref)
	if err != nil {
		return nil, err
	}
	author, _ := uri.Authority().AsDID()
	ex := &Explanation{URI: uri, Author: author}
	need := false
	err = s.store.View(func(tx *store.Tx) error {
		var err error
		ex.Feeds, need, err = s.explainStored(tx, ex)
		if err != nil || !need {
			return err
		}
		// A post we keep out of this feed (in another, or parked by a
		// change of rules) is judged now from what we keep of it.
		p, err := tx.Post(uri)
		if errors.Is(err, store.ErrNotFound) || (err == nil && p.Subject != "") {
			return nil
		}
		if err != nil {
			return err
		}
		need = false
		return s.judgeNow(tx, ex, membership.KeptRecord(p))
	})
	if err != nil {
		return nil, err
	}
	if need {
		ev, err := s.fetchPost(ctx, uri)
		if err != nil {
			ex.FetchError = err.Error()
		} else {
			if ex.Source == "" {
				ex.Source, ex.Text, ex.CreatedAt = "pds", ev.Commit.Post.Text, ev.Commit.Post.CreatedAt
			}
			err = s.store.View(func(tx *store.Tx) error { return s.judgeNow(tx, ex, ev.Record()) })
			if err != nil {
				return nil, err
			}
		}
	}
	for i := range ex.Feeds {
		ex.Feeds[i].Why = why(ex, &ex.Feeds[i])
		if ex.Feeds[i].Reasons == nil {
			ex.Feeds[i].Reasons = []string{}
		}
	}
	if ex.Handle == "" {
		if acc, err := s.lookupDID(ctx, author); err == nil {
			ex.Handle = acc.Handle
		}
	}
	return ex, nil
}

// explainStored fills in what the store knows. need reports whether some
// feed has no reasons yet (the post must be judged now).
func (s *Service) explainStored(tx *store.Tx, ex *Explanation) ([]FeedExplanation, bool, error) {
	uri := ex.URI
	if bl, err := tx.Block(uri); err == nil {
		if bl.Post != nil {
			ex.Source, ex.Text = "store", bl.Post.Text
			ex.CreatedAt = usTime(bl.Post.CreatedUS)
		}
		bl.Post = nil
		ex.Blocked = bl
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, false, err
	}
	p, err := tx.Post(uri)
	switch {
	case errors.Is(err, store.ErrNotFound):
		p = nil
	case err != nil:
		return nil, false, err
	default:
		ex.Source, ex.Text, ex.CreatedAt = "store", p.Text, usTime(p.CreatedUS)
		ex.Hidden = p.Hidden
		if e, ok := tx.Engagement(uri); ok {
			ex.Engagement = &e
		}
	}
	cid := ""
	if p != nil {
		cid = p.CID
	}
	if ex.Labels, err = labelsOn(tx, uri, ex.Author); err != nil {
		return nil, false, err
	}
	pins, err := tx.Pins()
	if err != nil {
		return nil, false, err
	}
	need := false
	out := make([]FeedExplanation, 0, len(s.feeds))
	for _, f := range s.feeds {
		fe := FeedExplanation{Feed: f.ID}
		fe.Pinned = slices.ContainsFunc(pins[f.ID], func(p model.Pin) bool { return p.URI == uri })
		if a, err := tx.CuratedAuthor(f.ID, ex.Author); err == nil {
			fe.Tier, fe.AuthorNote, fe.OnList = a.EffectiveTier(), a.Note, len(a.ListItems) > 0
			for _, r := range a.ModLists {
				if !slices.Contains(fe.ModLists, r.List) {
					fe.ModLists = append(fe.ModLists, r.List)
				}
			}
			if ex.Handle == "" {
				ex.Handle = a.Handle
			}
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, false, err
		}
		if fe.Endorsers, err = s.decider.Endorsers(tx, f.ID, uri); err != nil {
			return nil, false, err
		}
		if fe.ExpertFollowers, err = s.decider.ExpertFollowers(tx, f.ID, ex.Author); err != nil {
			return nil, false, err
		}
		atLeast := s.decider.Rules(f.ID).Settings.CommunityExperts
		fe.Community = fe.Tier == model.TierNone && atLeast > 0 && fe.ExpertFollowers >= atLeast
		fe.Need = s.need4(f, fe.Tier, fe.Community)
		fe.Rules = rulesLabel(s.feedRulesOf(f.ID).active())
		if v, err := tx.Verdict(f.ID, uri); err == nil {
			fe.Verdict = v
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, false, err
		}
		switch q, err := tx.QueuedPost(f.ID, uri); {
		case err == nil:
			fe.Queued, fe.Score, fe.Reasons = true, q.Score, q.Reasons
			if ex.Source == "" {
				ex.Source, ex.Text, ex.CreatedAt = "queue", q.Post.Text, usTime(q.Post.CreatedUS)
			}
		case !errors.Is(err, store.ErrNotFound):
			return nil, false, err
		}
		if p != nil {
			for _, m := range p.Feeds {
				if m.Feed == f.ID {
					fe.In = !p.Hidden
					fe.Score, fe.Reasons = m.Score, m.Reasons
				}
			}
			for _, m := range p.Held {
				if m.Feed == f.ID {
					fe.Score, fe.Reasons, fe.Moderation = m.Score, m.Reasons, m.Moderation
				}
			}
		}
		if fe.Moderation == nil {
			// Not kept, or not held: what would hold it now.
			if fe.Moderation, err = s.decider.ModerationReasons(tx, f.ID, uri, cid, ex.Author, ""); err != nil {
				return nil, false, err
			}
		}
		if fe.Reasons == nil && ex.Blocked == nil && fe.Tier != model.TierBlocked {
			need = true
		}
		out = append(out, fe)
	}
	return out, need, nil
}

// need4 is the score a post of an author of tier (a community author, or
// not) needs in the feed.
func (s *Service) need4(f *Feed, tier model.Tier, community bool) float64 {
	st := s.decider.Rules(f.ID).Settings
	switch {
	case tier.Curated():
		return st.Expert
	case community:
		return st.Community
	}
	return st.In
}

// judgeNow asks the decider for its judgement in the feeds that have no
// reasons yet.
func (s *Service) judgeNow(tx *store.Tx, ex *Explanation, r membership.Record) error {
	for i := range ex.Feeds {
		fe := &ex.Feeds[i]
		if fe.Reasons != nil {
			continue
		}
		j, err := s.decider.Judge(tx, fe.Feed, r)
		if err != nil {
			return err
		}
		fe.JudgedNow, fe.Score, fe.Reasons = true, j.Score, j.Reasons
	}
	return nil
}

// fetchPost reads a post from its author's PDS, decoded as the stream
// would have carried it.
func (s *Service) fetchPost(ctx context.Context, uri syntax.ATURI) (indexer.Event, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	did, _ := uri.Authority().AsDID()
	pds, err := s.pds.endpoint(ctx, did)
	if err != nil {
		return indexer.Event{}, err
	}
	out, err := s.pds.getRecord(ctx, pds, uri)
	if errors.Is(err, errRecordNotFound) {
		return indexer.Event{}, fmt.Errorf("the post does not exist on its author's PDS (deleted?)")
	}
	if err != nil {
		return indexer.Event{}, err
	}
	ev, err := indexer.DecodeRecord(uri.String(), out.CID, out.Value, s.nowUS())
	if err != nil || ev.Commit.Post == nil {
		if err == nil {
			err = errors.New("not a post")
		}
		return indexer.Event{}, fmt.Errorf("the record is not a valid post: %w", err)
	}
	return ev, nil
}

func usTime(us int64) string {
	if us <= 0 {
		return ""
	}
	return time.UnixMicro(us).UTC().Format(time.RFC3339)
}

func fmtScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// labelsOn lists the labels kept on a post and on its author.
func labelsOn(tx *store.Tx, uri syntax.ATURI, author syntax.DID) ([]string, error) {
	var out []string
	for _, subject := range []string{uri.String(), author.String()} {
		ls, err := tx.Labels(subject)
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			r := l.Reason()
			if l.ExpiresUS != 0 {
				r += " (until " + usTime(l.ExpiresUS) + ")"
			}
			if subject == author.String() {
				r += " (on the account)"
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// why says a feed's verdict in one sentence.
func why(ex *Explanation, fe *FeedExplanation) string {
	var b strings.Builder
	switch {
	case ex.Blocked != nil:
		fmt.Fprintf(&b, "blocked by %s on %s: kept out of every feed", ex.Blocked.By, usTime(ex.Blocked.AtUS))
		if ex.Blocked.Note != "" {
			fmt.Fprintf(&b, " (%s)", ex.Blocked.Note)
		}
	case fe.Tier == model.TierBlocked && len(fe.ModLists) > 0:
		fmt.Fprintf(&b, "its author is on the moderation list %s, which keeps them out of this feed", fe.ModLists[0])
	case fe.Tier == model.TierBlocked:
		b.WriteString("its author is blocked in this feed")
	case len(fe.Moderation) > 0:
		fmt.Fprintf(&b, "kept out of the feed by %s", strings.Join(fe.Moderation, ", "))
		if fe.Reasons != nil && !fe.JudgedNow {
			fmt.Fprintf(&b, "; without it, it would be in (score %s)", fmtScore(fe.Score))
		}
	case ex.Hidden && fe.Reasons != nil && !fe.JudgedNow && !fe.Queued:
		b.WriteString("kept, but out of the feed while its author's account is inactive")
	case fe.In && slices.Contains(fe.Reasons, membership.ReasonApproved):
		fmt.Fprintf(&b, "in the feed: approved from the review queue")
		if fe.Verdict != nil {
			fmt.Fprintf(&b, " by %s", fe.Verdict.By)
		}
	case fe.In && endorsedBy(fe.Reasons) != "":
		fmt.Fprintf(&b, "in the feed: score %s, in the review band, and the expert %s liked or reposted it", fmtScore(fe.Score), endorsedBy(fe.Reasons))
	case fe.In && fe.Tier == model.TierAll && !slices.ContainsFunc(fe.Reasons, func(r string) bool { return strings.HasPrefix(r, "thread:") }):
		b.WriteString("in the feed: its author is in tier all, so every top-level post is in")
	case fe.In:
		fmt.Fprintf(&b, "in the feed: score %s, %s author's post needs %s", fmtScore(fe.Score), authorWord(fe), fmtScore(fe.Need))
	case fe.Queued:
		fmt.Fprintf(&b, "waiting in the review queue: score %s, between review and the %s needed to go in; an expert's like or repost would let it in", fmtScore(fe.Score), fmtScore(fe.Need))
	case fe.Verdict != nil && !fe.Verdict.In:
		fmt.Fprintf(&b, "rejected from the review queue by %s", fe.Verdict.By)
	case fe.JudgedNow && hasGuard(fe.Reasons):
		fmt.Fprintf(&b, "not in the feed: judged now, a guard keeps it out (%s)", guards(fe.Reasons))
	case fe.JudgedNow && fe.Score >= fe.Need:
		fmt.Fprintf(&b, "not in the feed, though judged now it would go in (score %s, needs %s): it was seen before the change that lets it in; a backfill of the author brings it", fmtScore(fe.Score), fmtScore(fe.Need))
	case fe.JudgedNow:
		fmt.Fprintf(&b, "not in the feed: judged now, score %s is below the %s %s author's post needs", fmtScore(fe.Score), fmtScore(fe.Need), authorWord(fe))
	case ex.FetchError != "":
		fmt.Fprintf(&b, "not in the feed; the post could not be fetched to say why: %s", ex.FetchError)
	default:
		b.WriteString("not in the feed")
	}
	if fe.Pinned {
		b.WriteString("; pinned: served first on the feed's first page")
	}
	return b.String()
}

func tierWord(tier model.Tier) string {
	if tier == model.TierNone {
		return "unlisted"
	}
	return tier.String()
}

// authorWord names the kind of author, with its article.
func authorWord(fe *FeedExplanation) string {
	if fe.Community {
		return fmt.Sprintf("a community (followed by %d of the feed's experts)", fe.ExpertFollowers)
	}
	w := tierWord(fe.Tier)
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

// endorsedBy is the expert an endorsement reason names, or "".
func endorsedBy(reasons []string) string {
	for _, r := range reasons {
		if did, ok := strings.CutPrefix(r, membership.ReasonEndorsed); ok {
			return did
		}
	}
	return ""
}

func hasGuard(reasons []string) bool { return guards(reasons) != "" }

func guards(reasons []string) string {
	var g []string
	for _, r := range reasons {
		if strings.HasPrefix(r, "guard:") {
			g = append(g, r)
		}
	}
	return strings.Join(g, ", ")
}
