package stats

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

// Feed is a served feed and the feed whose posts it serves.
type Feed struct {
	ID         string
	Membership string
}

// ReporterConfig says what a Reporter reports on.
type ReporterConfig struct {
	// Feeds are every served feed.
	Feeds []Feed
	// Weights score engagement for the top posts and authors
	// (ranking.DefaultWeights when zero).
	Weights ranking.Weights
	// Now is the clock (time.Now).
	Now func() time.Time
	// People, if set, says who the top authors are (handle, display name,
	// avatar) from what is known at once: the report never waits for the
	// network.
	People func(ctx context.Context, dids []syntax.DID) map[syntax.DID]Profile
}

// Profile is how the report names an author.
type Profile struct {
	Handle      string `json:"handle,omitempty"`
	DisplayName string `json:"displayName,omitempty"`
	// Avatar is a data: URL, so that the page loads nothing from
	// elsewhere.
	Avatar string `json:"avatar,omitempty"`
}

// Reporter gathers a feed's figures: what the store's counters say, the
// day's viewers so far, and the period's top posts and authors.
type Reporter struct {
	cfg      ReporterConfig
	store    *store.Store
	source   ranking.EngagementSource
	recorder *Recorder
	groups   map[string][]string // membership feed -> its served feeds
	of       map[string]string   // any feed -> its membership feed
}

// NewReporter builds a Reporter. source (engagement counts) and recorder
// (the counts not yet flushed) may be nil.
func NewReporter(cfg ReporterConfig, st *store.Store, source ranking.EngagementSource, recorder *Recorder) *Reporter {
	if cfg.Weights == (ranking.Weights{}) {
		cfg.Weights = ranking.DefaultWeights
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &Reporter{cfg: cfg, store: st, source: source, recorder: recorder, groups: map[string][]string{}, of: map[string]string{}}
	for _, f := range cfg.Feeds {
		m := cmp.Or(f.Membership, f.ID)
		r.groups[m] = append(r.groups[m], f.ID)
		r.of[f.ID] = m
	}
	return r
}

// Limits of a report.
const (
	DefaultDays = 7
	MaxDays     = 90
	// TopN is how many top posts and authors a report lists.
	TopN = 10
	// LagStep is the resolution of the lag series: the worst sample of
	// each step.
	LagStep = 5 * time.Minute
	// HoursShown is how many hours of requests a report gives.
	HoursShown = 48
)

// Series is one named line of figures, a value per day (or hour).
type Series struct {
	Name   string   `json:"name"`
	Values []uint64 `json:"values"`
	Total  uint64   `json:"total"`
}

// LagPoint is the indexer's worst lag in one LagStep.
type LagPoint struct {
	At      time.Time `json:"at"`
	Seconds float64   `json:"seconds"`
}

// TopPost is one of the period's most engaging posts.
type TopPost struct {
	URI       string `json:"uri"`
	URL       string `json:"url"`
	Author    string `json:"author"`
	AuthorURL string `json:"authorUrl"`
	// Author's handle, display name and avatar, when known.
	Profile
	Text      string `json:"text,omitempty"`
	CreatedAt string `json:"createdAt,omitempty"`
	ranking.Counts
	Score       float64 `json:"score"`
	Impressions uint64  `json:"impressions"`
}

// TopAuthor is one of the period's most engaging authors.
type TopAuthor struct {
	DID string `json:"did"`
	URL string `json:"url"`
	Profile
	Posts int `json:"posts"`
	ranking.Counts
	Score float64 `json:"score"`
}

// Report is a feed's figures over a number of days, each series oldest
// day first.
type Report struct {
	// Feed is the membership feed; Feeds are the feeds serving its posts.
	Feed  string   `json:"feed"`
	Feeds []string `json:"feeds"`
	Days  []string `json:"days"`
	// Generated is when the report was made.
	Generated time.Time `json:"generated"`

	// EnteredByKind and EnteredByLanguage: records entering the feed each
	// day, by kind of entry and (posts only) by first language.
	EnteredByKind     []Series `json:"enteredByKind"`
	EnteredByLanguage []Series `json:"enteredByLanguage"`
	// QueueIn and QueueOut: posts entering and leaving the review queue,
	// by why they left; QueueWaiting is how many wait now.
	QueueIn      Series   `json:"queueIn"`
	QueueOut     []Series `json:"queueOut"`
	QueueWaiting int      `json:"queueWaiting"`

	// Readership, one series per served feed.
	Requests []Series `json:"requests"`
	Viewers  []Series `json:"viewers"`
	ShowMore []Series `json:"showMore"`
	ShowLess []Series `json:"showLess"`
	Seen     []Series `json:"seen"`
	// Hours and RequestsByHour: the last HoursShown hours' requests.
	Hours          []string `json:"hours"`
	RequestsByHour []Series `json:"requestsByHour"`

	// Lag is the indexer's lag over the last day; empty without an
	// indexer.
	Lag []LagPoint `json:"lag"`

	// EngagementCounted says whether engagement counts are kept; without
	// them the top lists rank by impressions.
	EngagementCounted bool        `json:"engagementCounted"`
	TopPosts          []TopPost   `json:"topPosts"`
	TopAuthors        []TopAuthor `json:"topAuthors"`
}

// ErrUnknownFeed means the feed asked for is not served here.
var ErrUnknownFeed = errors.New("unknown feed")

// Resolve is the membership feed of feed ("" picks the only one).
func (r *Reporter) Resolve(feed string) (string, error) {
	if feed == "" {
		if len(r.groups) == 1 {
			for m := range r.groups {
				return m, nil
			}
		}
		return "", fmt.Errorf("%w: name one with feed=", ErrUnknownFeed)
	}
	m, ok := r.of[feed]
	if !ok {
		if _, ok := r.groups[feed]; !ok {
			return "", fmt.Errorf("%w %q", ErrUnknownFeed, feed)
		}
		m = feed
	}
	return m, nil
}

// Report gathers the figures of feed (any feed; the report is of its
// membership feed and every feed serving its posts) over the last days
// days, today included.
func (r *Reporter) Report(ctx context.Context, feed string, days int) (*Report, error) {
	m, err := r.Resolve(feed)
	if err != nil {
		return nil, err
	}
	if days == 0 {
		days = DefaultDays
	}
	if days < 1 || days > MaxDays {
		return nil, fmt.Errorf("days must be between 1 and %d", MaxDays)
	}
	if r.recorder != nil {
		if err := r.recorder.Flush(ctx); err != nil {
			return nil, err
		}
	}
	now := r.cfg.Now()
	to := store.DayOf(now)
	from := to - store.Day(days-1)
	rep := &Report{Feed: m, Feeds: slices.Clone(r.groups[m]), Generated: now.UTC()}
	for d := from; d <= to; d++ {
		rep.Days = append(rep.Days, d.String())
	}
	idx := func(d int32) int { return int(d - int32(from)) }

	own, err := r.store.Daily(m, from, to)
	if err != nil {
		return nil, err
	}
	kinds := map[string][]uint64{}
	langs := map[string][]uint64{}
	outs := map[string][]uint64{}
	rep.QueueIn = Series{Name: "in", Values: make([]uint64, days)}
	add := func(into map[string][]uint64, name string, i int, n uint64) {
		if into[name] == nil {
			into[name] = make([]uint64, days)
		}
		into[name][i] += n
	}
	for d, ms := range own {
		for name, n := range ms {
			switch {
			case strings.HasPrefix(name, MetricEnteredPrefix):
				add(kinds, strings.TrimPrefix(name, MetricEnteredPrefix), idx(d), n)
			case strings.HasPrefix(name, MetricLangPrefix):
				add(langs, strings.TrimPrefix(name, MetricLangPrefix), idx(d), n)
			case name == MetricQueued:
				rep.QueueIn.Values[idx(d)] += n
			case strings.HasPrefix(name, MetricUnqueuedPrefix):
				add(outs, strings.TrimPrefix(name, MetricUnqueuedPrefix), idx(d), n)
			}
		}
	}
	rep.QueueIn.Total = sum(rep.QueueIn.Values)
	rep.EnteredByKind = ordered(kinds, membership.Kinds)
	rep.QueueOut = ordered(outs, OutReasons)
	rep.EnteredByLanguage = topLanguages(langs, 7)

	if err := r.readership(rep, from, to, now); err != nil {
		return nil, err
	}
	err = r.store.View(func(tx *store.Tx) error {
		rep.QueueWaiting = tx.QueueLen(m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if rep.Lag, err = r.lag(now); err != nil {
		return nil, err
	}
	if err := r.top(ctx, rep, from.Time().UnixMicro(), now); err != nil {
		return nil, err
	}
	return rep, nil
}

func (r *Reporter) readership(rep *Report, from, to store.Day, now time.Time) error {
	days := len(rep.Days)
	hourTo := store.HourOf(now)
	hourFrom := min(hourTo-HoursShown+1, store.Hour(int32(from)*24))
	for h := hourTo - HoursShown + 1; h <= hourTo; h++ {
		rep.Hours = append(rep.Hours, h.Time().Format("2006-01-02T15Z"))
	}
	for _, f := range rep.Feeds {
		daily, err := r.store.Daily(f, from, to)
		if err != nil {
			return err
		}
		hourly, err := r.store.Hourly(f, hourFrom, hourTo)
		if err != nil {
			return err
		}
		req := Series{Name: f, Values: make([]uint64, days)}
		byHour := Series{Name: f, Values: make([]uint64, HoursShown)}
		for h, ms := range hourly {
			n := ms[MetricRequests]
			if d := int(int32(h)/24 - int32(from)); d >= 0 && d < days {
				req.Values[d] += n
			}
			if i := int(int32(h) - int32(hourTo-HoursShown+1)); i >= 0 && i < HoursShown {
				byHour.Values[i] += n
			}
		}
		viewers := Series{Name: f, Values: make([]uint64, days)}
		more := Series{Name: f, Values: make([]uint64, days)}
		less := Series{Name: f, Values: make([]uint64, days)}
		seen := Series{Name: f, Values: make([]uint64, days)}
		for d, ms := range daily {
			i := int(d - int32(from))
			viewers.Values[i] = ms[MetricViewers]
			more.Values[i] = ms[MetricMore]
			less.Values[i] = ms[MetricLess]
			seen.Values[i] = ms[MetricSeen]
		}
		// Today's viewers are still a sketch (and so may be a day whose
		// sketch was not folded yet).
		err = r.store.View(func(tx *store.Tx) error {
			for d := from; d <= to; d++ {
				if n, ok := r.recorder.viewersToday(tx, f, d); ok {
					viewers.Values[d-from] += n
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, s := range []*Series{&req, &byHour, &viewers, &more, &less, &seen} {
			s.Total = sum(s.Values)
		}
		// Distinct viewers do not add up over days.
		viewers.Total = 0
		rep.Requests = append(rep.Requests, req)
		rep.RequestsByHour = append(rep.RequestsByHour, byHour)
		rep.Viewers = append(rep.Viewers, viewers)
		rep.ShowMore = append(rep.ShowMore, more)
		rep.ShowLess = append(rep.ShowLess, less)
		rep.Seen = append(rep.Seen, seen)
	}
	return nil
}

func (r *Reporter) lag(now time.Time) ([]LagPoint, error) {
	samples, err := r.store.LagSamples(now.Add(-24 * time.Hour).UnixMicro())
	if err != nil {
		return nil, err
	}
	out := []LagPoint{}
	for _, s := range samples {
		at := time.UnixMicro(s.AtUS).UTC().Truncate(LagStep)
		sec := s.Lag.Seconds()
		if n := len(out); n > 0 && out[n-1].At.Equal(at) {
			out[n-1].Seconds = max(out[n-1].Seconds, sec)
			continue
		}
		out = append(out, LagPoint{At: at, Seconds: sec})
	}
	return out, nil
}

// top finds the period's posts and authors with the most engagement
// (weighted as the top feeds weigh it), among the membership feed's posts.
func (r *Reporter) top(ctx context.Context, rep *Report, sinceUS int64, now time.Time) error {
	items, _, err := r.store.FeedSince(ctx, rep.Feed, sinceUS, ranking.DefaultMaxCandidates)
	if err != nil {
		return err
	}
	var uris []syntax.ATURI
	seen := map[syntax.ATURI]bool{}
	for _, it := range items {
		if !seen[it.URI] {
			seen[it.URI] = true
			uris = append(uris, it.URI)
		}
	}
	counts := make([]ranking.Counts, len(uris))
	rep.EngagementCounted = r.source != nil
	if r.source != nil && len(uris) > 0 {
		if err := r.source.Engagement(ctx, uris, counts); err != nil {
			return fmt.Errorf("engagement: %w", err)
		}
	}
	posts := make([]TopPost, len(uris))
	authors := map[string]*TopAuthor{}
	err = r.store.View(func(tx *store.Tx) error {
		for i, u := range uris {
			p := &posts[i]
			p.URI, p.Counts, p.Score = string(u), counts[i], r.cfg.Weights.Score(counts[i])
			p.Author = u.Authority().String()
			for _, f := range rep.Feeds {
				p.Impressions += tx.Impressions(f, u)
			}
			a := authors[p.Author]
			if a == nil {
				a = &TopAuthor{DID: p.Author, URL: "https://bsky.app/profile/" + p.Author}
				authors[p.Author] = a
			}
			a.Posts++
			a.Likes += p.Likes
			a.Reposts += p.Reposts
			a.Replies += p.Replies
			a.Quotes += p.Quotes
			a.Score += p.Score
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(posts, func(a, b TopPost) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(b.Impressions, a.Impressions))
	})
	rep.TopPosts = posts[:min(TopN, len(posts))]
	err = r.store.View(func(tx *store.Tx) error {
		for i := range rep.TopPosts {
			p := &rep.TopPosts[i]
			u := syntax.ATURI(p.URI)
			p.URL = "https://bsky.app/profile/" + p.Author + "/post/" + u.RecordKey().String()
			p.AuthorURL = "https://bsky.app/profile/" + p.Author
			if sp, err := tx.Post(u); err == nil {
				p.Text = clip(sp.Text, 300)
				if sp.CreatedUS > 0 {
					p.CreatedAt = time.UnixMicro(sp.CreatedUS).UTC().Format(time.RFC3339)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	as := make([]TopAuthor, 0, len(authors))
	for _, a := range authors {
		as = append(as, *a)
	}
	slices.SortFunc(as, func(a, b TopAuthor) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(b.Posts, a.Posts), strings.Compare(a.DID, b.DID))
	})
	rep.TopAuthors = as[:min(TopN, len(as))]
	if r.cfg.People != nil {
		var dids []syntax.DID
		for _, a := range rep.TopAuthors {
			dids = append(dids, syntax.DID(a.DID))
		}
		for _, p := range rep.TopPosts {
			dids = append(dids, syntax.DID(p.Author))
		}
		known := r.cfg.People(ctx, dids)
		for i := range rep.TopAuthors {
			rep.TopAuthors[i].Profile = known[syntax.DID(rep.TopAuthors[i].DID)]
		}
		for i := range rep.TopPosts {
			rep.TopPosts[i].Profile = known[syntax.DID(rep.TopPosts[i].Author)]
		}
	}
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func sum(v []uint64) uint64 {
	var n uint64
	for _, x := range v {
		n += x
	}
	return n
}

// ordered turns named values into series in the order of names (then any
// other name, alphabetically), leaving out series that are all zero.
func ordered(m map[string][]uint64, names []string) []Series {
	out := []Series{}
	done := map[string]bool{}
	push := func(name string) {
		v := m[name]
		if done[name] || v == nil {
			return
		}
		done[name] = true
		if t := sum(v); t > 0 {
			out = append(out, Series{Name: name, Values: v, Total: t})
		}
	}
	for _, n := range names {
		push(n)
	}
	rest := make([]string, 0, len(m))
	for n := range m {
		rest = append(rest, n)
	}
	slices.Sort(rest)
	for _, n := range rest {
		push(n)
	}
	return out
}

// topLanguages keeps the n languages with most posts, largest first, and
// adds the rest to "other".
func topLanguages(m map[string][]uint64, n int) []Series {
	all := ordered(m, nil)
	slices.SortStableFunc(all, func(a, b Series) int { return cmp.Compare(b.Total, a.Total) })
	var other *Series
	out := []Series{}
	for _, s := range all {
		if len(out) < n && s.Name != OtherLanguage {
			out = append(out, s)
			continue
		}
		if other == nil {
			other = &Series{Name: OtherLanguage, Values: make([]uint64, len(s.Values))}
		}
		for i, v := range s.Values {
			other.Values[i] += v
		}
		other.Total += s.Total
	}
	if other != nil {
		out = append(out, *other)
	}
	return out
}
