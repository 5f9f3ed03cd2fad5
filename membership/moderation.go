package membership

import (
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// Policy is a feed's moderation policy: which labels, from which
// labelers, keep a post out. A label on a post keeps that post out; a
// label on an account keeps every post of the account out; on a repost,
// the labels of the reposted post and its author count too.
//
// Labelled posts are held out at decision time, not filtered when a page is
// served: the feed's pages stay one seek and a scan, membership stays
// honest for everything that reads it (threads, reposts and quotes of a
// held post, explain, the counts), and the held post is kept with its
// relevance decision, so that a negation or an expiry brings it back
// without fetching it again. The price is paid when labels change: the
// indexer decides again the records a label touches (for an account
// label, every post of the account we keep), and sweeps labels as they
// expire.
type Policy struct {
	// Exclude are the label values that keep a post out.
	Exclude []string
	// Labelers are the labelers whose labels count; none disables the
	// policy.
	Labelers []syntax.DID
}

// DefaultExclude is the feeds' policy when their definition names none:
// what the network's moderation hides or takes down, spam and fakes (a
// regional-politics feed is a target for both), and the adult labels. Labels
// about the speech itself (misleading, rude, intolerant, ...) are left to
// each reader's own moderation settings, which the Bluesky app applies to
// every feed: a peace feed has to carry arguments people disagree with.
var DefaultExclude = []string{
	"!hide", "!takedown", "!suspend",
	"spam", "scam", "impersonation", "inauthentic", "engagement-farming",
	"threat", "security", "unsafe-link",
	"porn", "sexual", "nudity", "graphic-media", "gore",
}

func (p *Policy) active() bool { return len(p.Exclude) > 0 && len(p.Labelers) > 0 }

// counts reports whether a label of val by src is one the policy excludes.
func (p *Policy) counts(src syntax.DID, val string) bool {
	return slices.Contains(p.Labelers, src) && slices.Contains(p.Exclude, val)
}

// subject is one thing whose labels bear on a record: the record itself
// (with its CID, when known), its author, and for a repost the reposted
// post and its author.
type subject struct {
	name string
	cid  string
}

// labelled are the labels on a record's subjects.
type labelled struct {
	labels []model.Label
	cids   map[string]string // record subject -> its CID, "" unknown
}

// labelsOf reads the labels of a record's subjects through st.
func labelsOf(st State, subjects []subject) (labelled, error) {
	var out labelled
	for _, s := range subjects {
		if s.name == "" {
			continue
		}
		ls, err := st.Labels(s.name)
		if err != nil {
			return out, fmt.Errorf("labels of %s: %w", s.name, err)
		}
		if len(ls) > 0 && s.cid != "" {
			if out.cids == nil {
				out.cids = map[string]string{}
			}
			out.cids[s.name] = s.cid
		}
		out.labels = append(out.labels, ls...)
	}
	return out, nil
}

// reasons are the labels that keep a record out of a feed of policy p at
// nowUS, as "label:<val> by <labeler>", sorted. A record label that names
// a CID counts only for that version of the record.
func (l *labelled) reasons(p *Policy, nowUS int64) []string {
	var out []string
	for i := range l.labels {
		lb := &l.labels[i]
		if !p.counts(lb.Src, lb.Val) || !lb.ActiveAt(nowUS) {
			continue
		}
		if lb.CID != "" && l.cids[lb.URI] != "" && l.cids[lb.URI] != lb.CID {
			continue
		}
		if r := lb.Reason(); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out
}

// recordSubjects are the subjects whose labels bear on a record of author
// at uri (with cid), reposting repostOf (or not).
func recordSubjects(st State, uri syntax.ATURI, cid string, author syntax.DID, repostOf syntax.ATURI) ([]subject, error) {
	subs := []subject{{name: uri.String(), cid: cid}, {name: author.String()}}
	if repostOf == "" {
		return subs, nil
	}
	s := subject{name: repostOf.String()}
	switch p, err := st.Post(repostOf); {
	case err == nil:
		s.cid = p.CID
	case !errors.Is(err, model.ErrNotFound):
		return nil, fmt.Errorf("reposted post %s: %w", repostOf, err)
	}
	subs = append(subs, s)
	if did, err := repostOf.Authority().AsDID(); err == nil {
		subs = append(subs, subject{name: did.String()})
	}
	return subs, nil
}

// moderate splits a decision's memberships into those that stand and
// those the record's labels hold out, and drops from the queue the feeds
// whose policy keeps it out (a curator has better things to review than
// labelled spam).
func (d *Decider) moderate(st State, fs *feedSet, r *Record, out *Outcome) error {
	if !fs.moderated || len(out.Feeds)+len(out.Queue) == 0 {
		return nil
	}
	subs, err := recordSubjects(st, r.URI, r.CID, r.Author, r.Subject)
	if err != nil {
		return err
	}
	l, err := labelsOf(st, subs)
	if err != nil || len(l.labels) == 0 {
		return err
	}
	now := d.now().UnixMicro()
	out.Feeds, out.Held = fs.split(slices.Clone(out.Feeds), &l, now)
	queue := out.Queue[:0]
	for _, m := range out.Queue {
		if f := fs.byID[m.Feed]; f != nil && len(l.reasons(&f.Moderation, now)) > 0 {
			out.Unqueue = append(out.Unqueue, m.Feed)
			continue
		}
		queue = append(queue, m)
	}
	out.Queue = queue
	return nil
}

// split sorts memberships into those that stand and those held out, with
// what holds them.
func (fs *feedSet) split(ms []model.Membership, l *labelled, nowUS int64) (in, held []model.Membership) {
	for _, m := range ms {
		m.Moderation = nil
		if f := fs.byID[m.Feed]; f != nil && f.Moderation.active() {
			m.Moderation = l.reasons(&f.Moderation, nowUS)
		}
		if len(m.Moderation) > 0 {
			held = append(held, m)
		} else {
			in = append(in, m)
		}
	}
	return in, held
}

// Moderate decides again which of a kept record's feeds its labels hold it
// out of, after its labels (or its author's, or a reposted post's) changed
// or expired, and reports whether p changed. The relevance decision stands:
// only the split between p.Feeds and p.Held moves. It reads only; the
// caller writes p.
func (d *Decider) Moderate(st State, p *model.Post) (bool, error) {
	all := append(slices.Clone(p.Feeds), p.Held...)
	if len(all) == 0 {
		return false, nil
	}
	fs := d.set.Load()
	var l labelled
	if fs.moderated {
		subs, err := recordSubjects(st, p.URI, p.CID, p.Author, p.Subject)
		if err != nil {
			return false, err
		}
		if l, err = labelsOf(st, subs); err != nil {
			return false, err
		}
	}
	in, held := fs.split(all, &l, d.now().UnixMicro())
	if sameMemberships(in, p.Feeds) && sameMemberships(held, p.Held) {
		return false, nil
	}
	p.Feeds, p.Held = in, held
	return true, nil
}

// ModerationReasons are the labels that would keep a record out of feed
// now: what explain shows, for records kept or not.
func (d *Decider) ModerationReasons(st State, feed string, uri syntax.ATURI, cid string, author syntax.DID, repostOf syntax.ATURI) ([]string, error) {
	f := d.set.Load().byID[feed]
	if f == nil || !f.Moderation.active() {
		return nil, nil
	}
	subs, err := recordSubjects(st, uri, cid, author, repostOf)
	if err != nil {
		return nil, err
	}
	l, err := labelsOf(st, subs)
	if err != nil {
		return nil, err
	}
	return l.reasons(&f.Moderation, d.now().UnixMicro()), nil
}

// sameMemberships compares the feeds of two lists and what holds them.
func sameMemberships(a, b []model.Membership) bool {
	return slices.EqualFunc(a, b, func(x, y model.Membership) bool {
		return x.Feed == y.Feed && slices.Equal(x.Moderation, y.Moderation)
	})
}
