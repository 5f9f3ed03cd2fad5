// Package membership decides which feeds a post or repost belongs in, and
// why. It is the one place that does: [Decider.Decide] is called for every
// post and repost the indexer applies, from the stream and from a
// curator's backfill alike, and the curators' explain tool reads the same
// judgement through [Decider.Judge].
//
// A decision reads, for each feed: the relevance rules (package
// relevance), the author's tier (a curator's, or the feed's Bluesky list),
// a curator's block of the post, a curator's verdict on it from the review
// queue, the thread it replies to and the post it quotes, and for a repost
// the reposter's tier and whether the reposted post is in the feed, and
// the experts' own signals (signals.go): their likes and reposts endorse a
// post of the review band, their follows make an unlisted author a
// community author. Moderation labels are read the same way: a feed's
// [Policy] holds a labelled post out (moderation.go).
//
// The decider is pure where it can be: it reads through State, a small
// view of one store transaction (*store.Tx in production, a map in
// tests), and returns an [Outcome] (the memberships, and what the review
// queue should do) that the indexer's apply step writes.
package membership

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

// State is what a decision reads: the stored state as one transaction
// sees it, so that a decision and what it read are always consistent and
// the earlier records of the same batch are seen. *store.Tx implements it.
type State interface {
	// Post returns the kept record at uri, or model.ErrNotFound.
	Post(uri syntax.ATURI) (*model.Post, error)
	// InFeed reports whether the record at uri is visible in feed.
	InFeed(feed string, uri syntax.ATURI) bool
	// Tombstoned reports whether the record at uri was deleted.
	Tombstoned(uri syntax.ATURI) bool
	// Blocked reports whether a curator blocked the post at uri.
	Blocked(uri syntax.ATURI) bool
	// AuthorTier is the author's effective tier in feed.
	AuthorTier(feed string, author syntax.DID) (model.Tier, error)
	// Verdict is a curator's verdict on uri in feed, or model.ErrNotFound.
	Verdict(feed string, uri syntax.ATURI) (*model.Verdict, error)
	// AuthorPostsInFeed counts the author's visible records in feed with
	// sort time at or after sinceUS.
	AuthorPostsInFeed(feed string, author syntax.DID, sinceUS int64) int
	// Endorsements lists the accounts whose kept like or repost names the
	// post at uri, earliest first (only experts' are kept; the decider
	// judges who is an expert now).
	Endorsements(uri syntax.ATURI) ([]syntax.DID, error)
	// Followers lists the accounts whose kept follow names did (only
	// experts' are kept).
	Followers(did syntax.DID) ([]syntax.DID, error)
	// Labels are the moderation labels kept on subject, a record's
	// AT-URI or an account's DID, of every labeler, expired or not.
	Labels(subject string) ([]model.Label, error)
}

// Feed is one feed the decider decides for.
type Feed struct {
	// ID is the feed's record key, its name in the store.
	ID string
	// Classifier applies the feed's relevance rules.
	Classifier *relevance.Classifier
	// Reposts lets reposts by curated authors into the feed.
	Reposts bool
	// Moderation says which labels keep a post out of the feed.
	Moderation Policy
}

// DefaultQueueMax bounds each feed's review queue when Config leaves it
// zero: a queue nobody works must not grow without end.
const DefaultQueueMax = 1000

// Config is the decider's configuration.
type Config struct {
	Feeds []Feed
	// QueueMax is how many entries each feed's review queue keeps; the
	// oldest go first (DefaultQueueMax).
	QueueMax int
	// Now is the clock labels expire by (time.Now).
	Now func() time.Time
}

// Decider decides feed membership. It is safe for concurrent use, and a
// feed's rules can be replaced while it decides ([Decider.SetRules]).
type Decider struct {
	// set is the feeds with their rules. It is never changed in place:
	// SetRules swaps in a copy, so that each decision reads one set of
	// rules from start to end.
	set      atomic.Pointer[feedSet]
	setMu    sync.Mutex // serialises SetRules
	queueMax int
	now      func() time.Time
}

// feedSet is the feeds a decider decides for, with their rules.
type feedSet struct {
	feeds []Feed
	byID  map[string]*Feed
	// reposts is set when some feed takes reposts.
	reposts bool
	// moderated is set when some feed has a moderation policy.
	moderated bool
}

func newFeedSet(feeds []Feed) (*feedSet, error) {
	fs := &feedSet{feeds: feeds, byID: map[string]*Feed{}}
	for i := range fs.feeds {
		f := &fs.feeds[i]
		if f.ID == "" || f.Classifier == nil {
			return nil, fmt.Errorf("membership: feed %d: missing ID or classifier", i+1)
		}
		if fs.byID[f.ID] != nil {
			return nil, fmt.Errorf("membership: feed %q twice", f.ID)
		}
		fs.byID[f.ID] = f
		fs.reposts = fs.reposts || f.Reposts
		fs.moderated = fs.moderated || f.Moderation.active()
	}
	return fs, nil
}

// with is a copy of fs in which feed applies c.
func (fs *feedSet) with(feed string, c *relevance.Classifier) (*feedSet, error) {
	if fs.byID[feed] == nil {
		return nil, fmt.Errorf("membership: no feed %q", feed)
	}
	if c == nil {
		return nil, errors.New("membership: no classifier")
	}
	feeds := slices.Clone(fs.feeds)
	for i := range feeds {
		if feeds[i].ID == feed {
			feeds[i].Classifier = c
		}
	}
	return newFeedSet(feeds)
}

// New checks the configuration and builds the decider.
func New(cfg Config) (*Decider, error) {
	if len(cfg.Feeds) == 0 {
		return nil, errors.New("membership: no feeds")
	}
	fs, err := newFeedSet(slices.Clone(cfg.Feeds))
	if err != nil {
		return nil, err
	}
	d := &Decider{queueMax: cfg.QueueMax, now: cfg.Now}
	if d.now == nil {
		d.now = time.Now
	}
	if d.queueMax <= 0 {
		d.queueMax = DefaultQueueMax
	}
	d.set.Store(fs)
	return d, nil
}

// Rules returns the relevance rules of feed, or nil for a feed the
// decider does not know.
func (d *Decider) Rules(feed string) *relevance.Rules {
	if f := d.set.Load().byID[feed]; f != nil {
		return f.Classifier.Rules()
	}
	return nil
}

// SetRules makes feed apply c from now on. Decisions already under way
// finish with the rules they started with; every later one reads c. The
// records the feed holds are not judged again here: that is a write, for
// the indexer's apply step (indexer.Inbox.Rejudge).
func (d *Decider) SetRules(feed string, c *relevance.Classifier) error {
	d.setMu.Lock()
	defer d.setMu.Unlock()
	fs, err := d.set.Load().with(feed, c)
	if err != nil {
		return err
	}
	d.set.Store(fs)
	return nil
}

// WithRules returns a decider that decides as d does, except that feed
// applies c: what a dry run of a rules change judges with. d is not
// changed.
func (d *Decider) WithRules(feed string, c *relevance.Classifier) (*Decider, error) {
	fs, err := d.set.Load().with(feed, c)
	if err != nil {
		return nil, err
	}
	nd := &Decider{queueMax: d.queueMax}
	nd.set.Store(fs)
	return nd, nil
}

// Record is a post or repost being created or edited, as a decision reads
// it. It is passed by value: the stream decides every post of the
// network, and a pointer through the indexer's interface would cost each
// one a heap allocation.
type Record struct {
	URI    syntax.ATURI
	Author syntax.DID
	// CID is the version of the record, which a moderation label may
	// name; "" when unknown.
	CID string
	// TimeUS is when the network saw the record (for a backfill, when it
	// was fetched), and CreatedUS what the record claims (0 if it could
	// not be read). The earlier is the post's time for the per-hour cap,
	// so that a backfill of a week of posts meets the cap hour by hour.
	TimeUS    int64
	CreatedUS int64
	// Edit is set for an update of the record. Only an edit can take a
	// queued post clearly out, so only an edit asks the queue to forget
	// a post that is out.
	Edit bool
	// Post is the post record; nil for a repost.
	Post *bsky.FeedPost
	// Content is what the rules read of a post whose record is not at
	// hand: a kept post judged again after a change of rules
	// (relevance.FromKept). It is read only when Post is nil.
	Content *relevance.Post
	// Subject is the reposted post, for a repost.
	Subject syntax.ATURI
}

// KeptRecord is a kept record as a decision reads it when it is judged
// again (after a change of rules or of its experts' signals, or to
// explain it): as an edit, so that
// a queued post now clearly out leaves the queue, with the content it
// keeps (relevance.FromKept) in place of the record.
func KeptRecord(p *model.Post) Record {
	r := Record{URI: p.URI, Author: p.Author, CID: p.CID, TimeUS: p.IndexedUS, CreatedUS: p.CreatedUS, Edit: true}
	if p.Subject != "" {
		r.Subject = p.Subject
		return r
	}
	c := relevance.FromKept(p)
	r.Content = &c
	return r
}

// Outcome is what a decision asks the apply step to write.
type Outcome struct {
	// Feeds are the record's memberships after the decision; none (and
	// no Held) means it is not kept (and leaves the feeds if it was).
	Feeds []model.Membership
	// Held are the feeds the record would be in but for moderation
	// labels: it is kept, out of their pages.
	Held []model.Membership
	// Queue are the feeds whose review queue should hold the post (a new
	// entry, or an edit's refreshed one), with its score and reasons.
	Queue []model.Membership
	// Unqueue are the feeds whose review queue must not hold the post.
	Unqueue []string
	// QueueMax is how many entries a feed's queue keeps once Queue is
	// written; the oldest go first.
	QueueMax int
}

// Reasons a decision gives besides the relevance rules' own.
const (
	// ReasonApproved marks a post a curator let in from the review queue.
	ReasonApproved = "review:approved"
	// ReasonRepost marks a repost; the reposter's tier follows.
	ReasonRepost = "repost"
)

// Decide says which feeds a record belongs in, and what the review queue
// should do about it. It reads only. Errors come only from st.
//
// A post: a blocked post goes nowhere. In each feed the relevance rules
// judge it with the author's tier (or the experts who follow an unlisted
// author), its thread and the post it quotes. One that is out but was
// approved by a curator is in all the same (a verdict stands over later
// edits and replays, unless the author was blocked since); one in the
// review band that no curator has judged is in if one of the feed's
// experts likes or reposts it, and otherwise waits in the queue.
//
// A repost enters the feeds that take reposts: always from an author of
// tier all, and from an expert when the reposted post is itself in the
// feed (the repost then lifts it to the top with the expert's name on
// it). A reposted post that was deleted or blocked stays out, reposted or
// not.
//
// Last, a feed's moderation policy holds out what is labelled (the post,
// its author, or for a repost the reposted post and its author): such a
// record is in Held instead of Feeds, and is not queued.
func (d *Decider) Decide(st State, r Record) (Outcome, error) {
	fs := d.set.Load()
	return d.decide(st, fs, fs.feeds, r)
}

// DecideFeed is Decide for one feed only: the outcome names no other
// feed. A change of one feed's rules judges its records again with it.
func (d *Decider) DecideFeed(st State, feed string, r Record) (Outcome, error) {
	fs := d.set.Load()
	for i := range fs.feeds {
		if fs.feeds[i].ID == feed {
			return d.decide(st, fs, fs.feeds[i:i+1], r)
		}
	}
	return Outcome{}, fmt.Errorf("membership: no feed %q", feed)
}

func (d *Decider) decide(st State, fs *feedSet, feeds []Feed, r Record) (Outcome, error) {
	out := Outcome{QueueMax: d.queueMax}
	switch {
	case r.Subject != "":
		if fs.reposts {
			if err := decideRepost(st, feeds, &r, &out); err != nil {
				return out, err
			}
		}
		return out, d.moderate(st, fs, &r, &out)
	case (r.Post == nil && r.Content == nil) || st.Blocked(r.URI):
		return out, nil
	}
	in, err := input(st, &r)
	if err != nil {
		return out, err
	}
	for i := range feeds {
		f := &feeds[i]
		j, err := judge(st, f, in)
		if err != nil {
			return out, err
		}
		if j.In {
			out.Feeds = append(out.Feeds, model.Membership{Feed: f.ID, Score: j.Score, Reasons: j.Reasons})
			out.Unqueue = append(out.Unqueue, f.ID)
			continue
		}
		v, err := st.Verdict(f.ID, r.URI)
		switch {
		case errors.Is(err, model.ErrNotFound):
			v = nil
		case err != nil:
			return out, fmt.Errorf("verdict on %s: %w", r.URI, err)
		}
		var by []syntax.DID
		if v == nil && j.Review {
			// Read only for the few posts in the review band.
			if by, err = endorsers(st, f.ID, r.URI); err != nil {
				return out, err
			}
		}
		switch {
		case v != nil && v.In && j.Tier != model.TierBlocked:
			out.Feeds = append(out.Feeds, model.Membership{Feed: f.ID, Score: j.Score, Reasons: append(j.Reasons, ReasonApproved)})
		case len(by) > 0:
			out.Feeds = append(out.Feeds, model.Membership{Feed: f.ID, Score: j.Score, Reasons: append(j.Reasons, ReasonEndorsed+by[0].String())})
			out.Unqueue = append(out.Unqueue, f.ID)
		case v == nil && j.Review:
			out.Queue = append(out.Queue, model.Membership{Feed: f.ID, Score: j.Score, Reasons: j.Reasons})
		case r.Edit:
			// The edit may have taken a queued post clearly out.
			out.Unqueue = append(out.Unqueue, f.ID)
		}
	}
	return out, d.moderate(st, fs, &r, &out)
}

func decideRepost(st State, feeds []Feed, r *Record, out *Outcome) error {
	// Nearly every repost is by an author no feed lists: one look-up per
	// feed settles it.
	for i := range feeds {
		f := &feeds[i]
		if !f.Reposts {
			continue
		}
		tier, err := st.AuthorTier(f.ID, r.Author)
		if err != nil {
			return fmt.Errorf("tier of %s: %w", r.Author, err)
		}
		switch {
		case tier == model.TierAll:
			out.Feeds = append(out.Feeds, model.Membership{Feed: f.ID, Score: 1, Reasons: []string{ReasonRepost, "author:all"}})
		case tier == model.TierExpert && st.InFeed(f.ID, r.Subject):
			out.Feeds = append(out.Feeds, model.Membership{Feed: f.ID, Score: 1, Reasons: []string{ReasonRepost, "author:expert", "subject-in-feed"}})
		}
	}
	if len(out.Feeds) > 0 && (st.Tombstoned(r.Subject) || st.Blocked(r.Subject)) {
		out.Feeds = nil
	}
	return nil
}

// Judgement is one feed's relevance decision on a post, with the author's
// tier it read.
type Judgement struct {
	relevance.Decision
	Tier model.Tier
}

// Judge is the relevance decision Decide makes for a post in one feed,
// before blocks, verdicts and the queue: what the curators' explain tool
// shows as "judged now". It reads only.
func (d *Decider) Judge(st State, feed string, r Record) (Judgement, error) {
	f := d.set.Load().byID[feed]
	if f == nil {
		return Judgement{}, fmt.Errorf("membership: no feed %q", feed)
	}
	if r.Post == nil && r.Content == nil {
		return Judgement{}, errors.New("membership: judge needs a post")
	}
	in, err := input(st, &r)
	if err != nil {
		return Judgement{}, err
	}
	return judge(st, f, in)
}

// judge runs the feed's relevance rules against the state st shows.
func judge(st State, f *Feed, in relevance.Input) (Judgement, error) {
	env := &feedEnv{st: st, feed: f.ID, self: in.URI}
	dec, err := f.Classifier.Classify(env, in)
	if err != nil {
		return Judgement{}, err
	}
	return Judgement{Decision: dec, Tier: env.tier}, nil
}

// input builds the classifier's input. The post is judged at its sort
// time; a quoted post we keep lends its text.
func input(st State, r *Record) (relevance.Input, error) {
	var p relevance.Post
	if r.Post != nil {
		p = relevance.FromRecord(r.Post)
	} else {
		p = *r.Content
	}
	if p.QuotedURI != "" {
		q, err := st.Post(p.QuotedURI)
		switch {
		case err == nil:
			p.Quoted = &relevance.Post{Text: q.Text, Langs: q.Langs}
		case !errors.Is(err, model.ErrNotFound):
			return relevance.Input{}, fmt.Errorf("quoted post %s: %w", p.QuotedURI, err)
		}
	}
	sortUS := model.SortTime(r.CreatedUS, r.TimeUS)
	return relevance.Input{URI: r.URI, Author: r.Author, Time: time.UnixMicro(sortUS), Post: p}, nil
}

// feedEnv is the classifier's view of one feed through State.
type feedEnv struct {
	st   State
	feed string
	// self is the post being judged: a replayed or edited post must not
	// count against its own author's cap.
	self syntax.ATURI
	// tier is the author's tier, as last asked.
	tier model.Tier
}

// Tier implements relevance.Env.
func (e *feedEnv) Tier(author syntax.DID) (model.Tier, error) {
	t, err := e.st.AuthorTier(e.feed, author)
	if err != nil {
		return model.TierNone, fmt.Errorf("author %s in feed %s: %w", author, e.feed, err)
	}
	e.tier = t
	return t, nil
}

// InFeed implements relevance.Env.
func (e *feedEnv) InFeed(uri syntax.ATURI) (bool, error) {
	return e.st.InFeed(e.feed, uri), nil
}

// AcceptedSince implements relevance.Env.
func (e *feedEnv) AcceptedSince(author syntax.DID, since time.Time) (int, error) {
	sinceUS := since.UnixMicro()
	n := e.st.AuthorPostsInFeed(e.feed, author, sinceUS)
	if n > 0 {
		if p, err := e.st.Post(e.self); err == nil && !p.Hidden && p.InFeed(e.feed) && p.SortUS >= sinceUS {
			n--
		}
	}
	return n, nil
}
