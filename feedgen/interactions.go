package feedgen

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/time/rate"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/store"
)

// Interaction events of app.bsky.feed.defs that change what a viewer is
// served. The others (seen, clickthrough, like, ...) are only counted.
const (
	EventRequestLess = "app.bsky.feed.defs#requestLess"
	EventRequestMore = "app.bsky.feed.defs#requestMore"
)

// knownEvents are the interaction events the lexicon names, by the label
// they are counted under. Anything else is counted as "other", so a client
// cannot grow the metric's label set.
var knownEvents = map[string]string{
	EventRequestLess:                          "requestLess",
	EventRequestMore:                          "requestMore",
	"app.bsky.feed.defs#clickthroughItem":     "clickthroughItem",
	"app.bsky.feed.defs#clickthroughAuthor":   "clickthroughAuthor",
	"app.bsky.feed.defs#clickthroughReposter": "clickthroughReposter",
	"app.bsky.feed.defs#clickthroughEmbed":    "clickthroughEmbed",
	"app.bsky.feed.defs#interactionSeen":      "interactionSeen",
	"app.bsky.feed.defs#interactionLike":      "interactionLike",
	"app.bsky.feed.defs#interactionRepost":    "interactionRepost",
	"app.bsky.feed.defs#interactionReply":     "interactionReply",
	"app.bsky.feed.defs#interactionQuote":     "interactionQuote",
	"app.bsky.feed.defs#interactionShare":     "interactionShare",
}

// InteractionPolicy says what a viewer's feedback does and how long it is
// kept. The zero value of each field takes the default noted.
type InteractionPolicy struct {
	// PostTTL is how long "show less" hides a post, and how long "show
	// more" is remembered. Default 30 days, the default retention of
	// posts: a hidden post has left the feed by then anyway.
	PostTTL time.Duration
	// AuthorThreshold "show less" requests on distinct posts of one
	// author within AuthorWindow hide that author for the viewer, unless
	// the viewer asked for more of that author's posts after them.
	// Defaults 3 and 30 days.
	AuthorThreshold int
	AuthorWindow    time.Duration
	// AuthorTTL is how long an author stays hidden after the last
	// request that hid them. Default 90 days.
	AuthorTTL time.Duration
	// WriteRate and WriteBurst bound how often one viewer's feedback is
	// written: "show less" is a human click, and each write is an fsync
	// shared with the indexer. Beyond it the request is answered 429.
	// Defaults 1 a second, bursts of 30.
	WriteRate  float64
	WriteBurst int
	// MaxLessPosts, MaxMorePosts and MaxLessAuthors bound what is kept
	// per viewer and feed; the oldest marks go first. Defaults 200, 100
	// and 100. With items of at most maxItem bytes a record never exceeds
	// about 210 KB; with real post URIs (about 70 bytes) a full one is
	// about 25 KB, a typical one a few hundred bytes.
	MaxLessPosts   int
	MaxMorePosts   int
	MaxLessAuthors int
	// MaxPerRequest is the most interactions one sendInteractions request
	// may carry; a larger batch is refused whole with a 400. Default 100:
	// the Bluesky app sends a few at a time, every few seconds.
	MaxPerRequest int
}

func (p *InteractionPolicy) setDefaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	defInt := func(d *int, v int) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&p.PostTTL, 30*24*time.Hour)
	def(&p.AuthorWindow, 30*24*time.Hour)
	def(&p.AuthorTTL, 90*24*time.Hour)
	defInt(&p.AuthorThreshold, 3)
	defInt(&p.MaxLessPosts, 200)
	defInt(&p.MaxMorePosts, 100)
	defInt(&p.MaxLessAuthors, 100)
	defInt(&p.WriteBurst, 30)
	defInt(&p.MaxPerRequest, 100)
	if p.WriteRate <= 0 {
		p.WriteRate = 1
	}
	// A "show less" must be remembered for as long as it counts toward
	// hiding its author.
	p.PostTTL = max(p.PostTTL, p.AuthorWindow)
}

// interactions is the server's state for sendInteractions.
type interactions struct {
	policy InteractionPolicy
	// byID finds a feed from the feedContext we gave its items.
	byID map[string]Feed
	// only is the one feed accepting interactions, if there is exactly
	// one: an interaction that names no feed belongs to it.
	only   *Feed
	events *prometheus.CounterVec

	// limits holds the write budget of the viewers seen most recently;
	// a viewer pushed out starts afresh with a full burst, which is
	// harmless.
	mu     sync.Mutex
	limits *simplelru.LRU[syntax.DID, *rate.Limiter]
}

// maxLimitedViewers bounds the memory the write budgets take.
const maxLimitedViewers = 10_000

// allowWrite spends one write of viewer's budget at now.
func (ia *interactions) allowWrite(viewer syntax.DID, now time.Time) bool {
	ia.mu.Lock()
	defer ia.mu.Unlock()
	l, ok := ia.limits.Get(viewer)
	if !ok {
		l = rate.NewLimiter(rate.Limit(ia.policy.WriteRate), ia.policy.WriteBurst)
		ia.limits.Add(viewer, l)
	}
	return l.AllowN(now, 1)
}

func newInteractions(cfg Config, reg prometheus.Registerer) (*interactions, error) {
	ia := &interactions{policy: cfg.Interactions, byID: map[string]Feed{}}
	ia.policy.setDefaults()
	var accepting []Feed
	for _, f := range cfg.Feeds {
		if f.AcceptsInteractions {
			ia.byID[f.ID] = f
			accepting = append(accepting, f)
		}
	}
	if len(accepting) == 1 {
		ia.only = &accepting[0]
	}
	// Feeds that serve one set of posts in different orders share their
	// feedback: when every feed taking it serves the posts of one, an
	// interaction that names none of them belongs to that one.
	if ia.only == nil && len(accepting) > 0 {
		shared := accepting[0].storeID()
		if f, ok := ia.byID[shared]; ok && !slices.ContainsFunc(accepting, func(f Feed) bool { return f.storeID() != shared }) {
			ia.only = &f
		}
	}
	var err error
	if ia.limits, err = simplelru.NewLRU[syntax.DID, *rate.Limiter](maxLimitedViewers, nil); err != nil {
		return nil, err
	}
	ia.events = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "feedgen_interactions_total",
		Help: "Interactions received from viewers, by feed and event (feed \"unknown\" when none could be attributed).",
	}, []string{"feed", "event"})
	if err := reg.Register(ia.events); err != nil {
		return nil, fmt.Errorf("register interaction metrics: %w", err)
	}
	return ia, nil
}

// routeInteractions serves app.bsky.feed.sendInteractions.
func (s *Server) routeInteractions(cfg Config, deps Deps) error {
	ia, err := newInteractions(cfg, deps.Registry)
	if err != nil {
		return err
	}
	s.ia = ia
	var mw []echo.MiddlewareFunc
	if deps.Auth != nil {
		mw = append(mw, deps.Auth.Middleware(auth.LXMSendInteractions))
	}
	s.XRPC(http.MethodPost, "app.bsky.feed.sendInteractions", s.sendInteractions, mw...)
	return nil
}

// feedContext is what each skeleton item of f carries, so that an
// interaction with it can be tied back to the feed: the feed's ID, or
// nothing when the feed does not take interactions.
func feedContext(f Feed) string {
	if f.AcceptsInteractions {
		return f.ID
	}
	return ""
}

// Lexicon limits of app.bsky.feed.defs#interaction.
const (
	maxFeedContext = 2000
	maxReqID       = 100
)

// maxItem bounds an interaction's item. The lexicon says only "at-uri"
// (up to 8 KB); a post's URI is about 70 bytes, and one with the longest
// did:web host and record key we would ever serve is under 512.
const maxItem = 512

// interaction is one validated interaction.
type interaction struct {
	index int
	feed  string // "" when it could not be attributed
	event string
	item  syntax.ATURI // "" when absent
}

func (s *Server) sendInteractions(c echo.Context) error {
	viewer, ok := auth.ViewerFrom(c)
	if !ok {
		// Nothing is recorded for a viewer we cannot name, whatever
		// the strictness of service auth elsewhere.
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer`)
		return xrpcError(http.StatusUnauthorized, "AuthenticationRequired", "sendInteractions needs the viewer's service auth token")
	}
	in, err := decodeInteractions(c.Request())
	if err != nil {
		return err
	}
	list, err := s.ia.validate(in, s.feeds)
	if err != nil {
		return err
	}
	// Every interaction is counted; only requestLess and requestMore
	// change what the viewer is served, and only those are stored.
	byFeed := map[string][]interaction{}
	for _, it := range list {
		label := knownEvents[it.event]
		if label == "" {
			label = "other"
		}
		feed := it.feed
		if feed == "" {
			feed = "unknown"
		} else if s.readers != nil {
			s.readers.Interacted(it.feed, label, it.item)
		}
		s.ia.events.WithLabelValues(feed, label).Inc()
		if it.feed != "" && it.item != "" && (it.event == EventRequestLess || it.event == EventRequestMore) {
			// Feeds that share their posts share the feedback too.
			store := s.ia.byID[it.feed].storeID()
			byFeed[store] = append(byFeed[store], it)
		}
	}
	if len(byFeed) > 0 {
		if !s.ia.allowWrite(viewer, s.now()) {
			return xrpcError(http.StatusTooManyRequests, "RateLimitExceeded", "too much feedback at once; try again in a few seconds")
		}
		now := s.now().UnixMicro()
		err := s.store.Update(c.Request().Context(), func(tx *store.Tx) error {
			for feed, its := range byFeed {
				p, err := tx.ViewerPrefs(viewer, feed)
				if err != nil {
					// The record is unreadable: start afresh rather
					// than refuse the viewer's feedback forever.
					s.log.Warn("replacing unreadable viewer preferences", "viewer", viewer, "feed", feed, "err", err)
				}
				s.ia.policy.applyAll(p, its, now)
				s.ia.policy.trim(p, now)
				if err := tx.PutViewerPrefs(viewer, feed, p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return echo.NewHTTPError(http.StatusInternalServerError).WithInternal(fmt.Errorf("record interactions: %w", err))
		}
	}
	return c.JSON(http.StatusOK, struct{}{})
}

func decodeInteractions(r *http.Request) (*bsky.FeedSendInteractions_Input, error) {
	var in bsky.FeedSendInteractions_Input
	if err := DecodeJSON(r, &in, false); err != nil {
		return nil, err
	}
	if in.Interactions == nil {
		return nil, xrpcError(http.StatusBadRequest, "InvalidRequest", "interactions is required")
	}
	return &in, nil
}

// validate checks every interaction before anything is recorded, so a
// batch is taken whole or not at all, and attributes each to a feed.
func (ia *interactions) validate(in *bsky.FeedSendInteractions_Input, feeds map[syntax.ATURI]Feed) ([]interaction, error) {
	// The feed named beside the interactions applies to those without a
	// feedContext; a feed that is not ours, or takes no feedback, leaves
	// them unattributed. With neither, the one feed that takes feedback
	// (if there is just one) is meant.
	fallback := ""
	if ia.only != nil {
		fallback = ia.only.ID
	}
	if in.Feed != nil && *in.Feed != "" {
		if _, err := syntax.ParseATURI(*in.Feed); err != nil {
			return nil, xrpcError(http.StatusBadRequest, "InvalidRequest", "feed is not an AT-URI")
		}
		fallback = ""
		if f, ok := feeds[syntax.ATURI(*in.Feed)]; ok && f.AcceptsInteractions {
			fallback = f.ID
		}
	}
	if n := len(in.Interactions); n > ia.policy.MaxPerRequest {
		return nil, xrpcError(http.StatusBadRequest, "InvalidRequest",
			fmt.Sprintf("%d interactions in one request; send at most %d at a time", n, ia.policy.MaxPerRequest))
	}
	out := make([]interaction, 0, len(in.Interactions))
	for i, raw := range in.Interactions {
		bad := func(msg string) error {
			return xrpcError(http.StatusBadRequest, "InvalidRequest", fmt.Sprintf("interactions[%d]: %s", i, msg))
		}
		if raw == nil {
			return nil, bad("must be an object")
		}
		it := interaction{index: i}
		if raw.Item != nil && *raw.Item != "" {
			if len(*raw.Item) > maxItem {
				return nil, bad(fmt.Sprintf("item is longer than %d bytes", maxItem))
			}
			uri, err := syntax.ParseATURI(*raw.Item)
			if err != nil {
				return nil, bad("item is not an AT-URI")
			}
			it.item = uri
		}
		if raw.Event != nil {
			it.event = *raw.Event
		}
		if raw.ReqId != nil && len(*raw.ReqId) > maxReqID {
			return nil, bad(fmt.Sprintf("reqId is longer than %d bytes", maxReqID))
		}
		if raw.FeedContext != nil && len(*raw.FeedContext) > maxFeedContext {
			return nil, bad(fmt.Sprintf("feedContext is longer than %d bytes", maxFeedContext))
		}
		switch {
		case raw.FeedContext != nil && *raw.FeedContext != "":
			// Our own context names the feed; one we do not know
			// (a feed since removed, or one that takes no feedback)
			// leaves the interaction unattributed.
			if f, ok := ia.byID[*raw.FeedContext]; ok {
				it.feed = f.ID
			}
		default:
			it.feed = fallback
		}
		out = append(out, it)
	}
	return out, nil
}

// authorOf is the DID part of an AT-URI, without parsing it again.
func authorOf(uri syntax.ATURI) string {
	s := strings.TrimPrefix(string(uri), "at://")
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return s[:i]
	}
	return s
}

// applyAll makes one request's requestLess and requestMore to p, in their
// order, all at nowUS. The record's lists are indexed once (by subject, and
// posts by author) and held to their bounds at every step, the oldest mark
// going first, so each interaction costs a few map operations plus, for a
// "show less", a look at that one author's marks, at most MaxLessPosts and
// MaxMorePosts of them: a request's work is linear in its length.
func (pol *InteractionPolicy) applyAll(p *store.ViewerPrefs, its []interaction, nowUS int64) {
	less := indexMarks(p.LessPosts, pol.MaxLessPosts, true)
	more := indexMarks(p.MorePosts, pol.MaxMorePosts, true)
	authors := indexMarks(p.LessAuthors, pol.MaxLessAuthors, false)
	for _, it := range its {
		post := string(it.item)
		author := authorOf(it.item)
		switch it.event {
		case EventRequestLess:
			more.remove(post)
			less.upsert(post, nowUS)
			// Requests count toward hiding the author only if they came
			// after the viewer last asked for more of that author.
			since := nowUS - pol.AuthorWindow.Microseconds()
			for m := range more.byAuthor[author] {
				since = max(since, more.marks[more.pos[m]].AtUS+1)
			}
			n := 0
			for m := range less.byAuthor[author] {
				if less.marks[less.pos[m]].AtUS >= since {
					n++
				}
			}
			if n >= pol.AuthorThreshold {
				authors.upsert(author, nowUS)
			}
		case EventRequestMore:
			// The viewer changed their mind about this post, and wants its
			// author after all.
			less.remove(post)
			authors.remove(author)
			more.upsert(post, nowUS)
		}
	}
	p.LessPosts, p.MorePosts, p.LessAuthors = less.list(), more.list(), authors.list()
}

// markIndex is a list of marks being edited, oldest first, holding at most
// limit live marks: a mark moved or removed leaves a hole (an empty
// subject) that list closes at the end, and the oldest live mark makes way
// for a new one beyond the limit.
type markIndex struct {
	marks []store.Mark
	pos   map[string]int // subject -> index of its live mark
	limit int
	head  int // no live mark before this index
	// byAuthor holds the live post subjects of each author, for lists of
	// posts.
	byAuthor map[string]map[string]struct{}
}

func indexMarks(marks []store.Mark, limit int, posts bool) *markIndex {
	x := &markIndex{marks: marks, pos: make(map[string]int, len(marks)), limit: limit}
	if posts {
		x.byAuthor = map[string]map[string]struct{}{}
	}
	for i, m := range marks {
		if j, dup := x.pos[m.Subject]; dup {
			x.marks[j].Subject = "" // keep the later mark, as upsert would
		}
		x.pos[m.Subject] = i
		x.byAuthorAdd(m.Subject)
	}
	x.evict()
	return x
}

func (x *markIndex) byAuthorAdd(subject string) {
	if x.byAuthor == nil {
		return
	}
	a := authorOf(syntax.ATURI(subject))
	set := x.byAuthor[a]
	if set == nil {
		set = map[string]struct{}{}
		x.byAuthor[a] = set
	}
	set[subject] = struct{}{}
}

func (x *markIndex) remove(subject string) {
	i, ok := x.pos[subject]
	if !ok {
		return
	}
	x.marks[i].Subject = ""
	delete(x.pos, subject)
	if x.byAuthor != nil {
		delete(x.byAuthor[authorOf(syntax.ATURI(subject))], subject)
	}
}

// upsert moves subject to the end (the newest place) at atUS.
func (x *markIndex) upsert(subject string, atUS int64) {
	x.remove(subject)
	x.pos[subject] = len(x.marks)
	x.marks = append(x.marks, store.Mark{Subject: subject, AtUS: atUS})
	x.byAuthorAdd(subject)
	x.evict()
}

// evict removes the oldest live marks beyond the limit.
func (x *markIndex) evict() {
	for len(x.pos) > x.limit && x.head < len(x.marks) {
		if s := x.marks[x.head].Subject; s != "" {
			x.remove(s)
		}
		x.head++
	}
}

// list is the live marks, oldest first.
func (x *markIndex) list() []store.Mark {
	out := x.marks[:0]
	for _, m := range x.marks[x.head:] {
		if m.Subject != "" {
			out = append(out, m)
		}
	}
	return out
}

// trim drops expired marks and keeps each list within its bound.
func (pol *InteractionPolicy) trim(p *store.ViewerPrefs, nowUS int64) {
	p.LessPosts = keepRecent(p.LessPosts, nowUS-pol.PostTTL.Microseconds(), pol.MaxLessPosts)
	p.MorePosts = keepRecent(p.MorePosts, nowUS-pol.PostTTL.Microseconds(), pol.MaxMorePosts)
	p.LessAuthors = keepRecent(p.LessAuthors, nowUS-pol.AuthorTTL.Microseconds(), pol.MaxLessAuthors)
}

// keepRecent keeps the marks made at or after sinceUS, at most limit of
// them, the newest. Marks are oldest first.
func keepRecent(marks []store.Mark, sinceUS int64, limit int) []store.Mark {
	out := marks[:0]
	for _, m := range marks {
		if m.AtUS >= sinceUS {
			out = append(out, m)
		}
	}
	if len(out) > limit {
		out = append(out[:0], out[len(out)-limit:]...)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// viewerPrefs reads what the viewer of c asked of feed f, with the
// request's context: nil for a feed that takes no feedback, a viewer we
// cannot name, or a viewer who asked nothing. A read failure is logged and
// the viewer served unpersonalised: feedback is a nicety, the feed is not.
func (s *Server) viewerPrefs(c echo.Context, f Feed) *store.ViewerPrefs {
	if !f.AcceptsInteractions {
		return nil
	}
	viewer, ok := auth.ViewerFrom(c)
	if !ok {
		return nil
	}
	p, err := s.store.ViewerPrefs(c.Request().Context(), viewer, f.storeID())
	if err != nil {
		s.log.Warn("viewer preferences unreadable; serving without them", "viewer", viewer, "feed", f.ID, "err", err)
	}
	if p.Empty() {
		return nil
	}
	return p
}

// hidden returns the Skip function that hides what a viewer asked less
// of (p, read before), or nil when there is nothing to hide. It reads
// nothing.
func (s *Server) hidden(p *store.ViewerPrefs) func(*store.Item) bool {
	if p == nil || len(p.LessPosts)+len(p.LessAuthors) == 0 {
		return nil
	}
	now := s.now().UnixMicro()
	posts := make(map[string]struct{}, len(p.LessPosts))
	for _, m := range p.LessPosts {
		if m.AtUS >= now-s.ia.policy.PostTTL.Microseconds() {
			posts[m.Subject] = struct{}{}
		}
	}
	authors := make(map[string]struct{}, len(p.LessAuthors))
	for _, m := range p.LessAuthors {
		if m.AtUS >= now-s.ia.policy.AuthorTTL.Microseconds() {
			authors[m.Subject] = struct{}{}
		}
	}
	return func(it *store.Item) bool {
		if _, ok := posts[string(it.URI)]; ok {
			return true
		}
		if len(authors) == 0 {
			return false
		}
		if _, ok := authors[authorOf(it.URI)]; ok {
			return true
		}
		if it.Repost != "" {
			_, ok := authors[authorOf(it.Repost)]
			return ok
		}
		return false
	}
}

// PruneInteractions drops expired feedback of every viewer, and the
// records of viewers left with none.
func (s *Server) PruneInteractions(ctx context.Context) error {
	now := s.now().UnixMicro()
	rewritten, deleted, err := s.store.PruneViewerPrefs(ctx, func(p *store.ViewerPrefs) { s.ia.policy.trim(p, now) }, 500)
	if err != nil {
		return err
	}
	if rewritten+deleted > 0 {
		s.log.Info("pruned viewer feedback", "rewritten", rewritten, "deleted", deleted)
	}
	return nil
}

// RunInteractionPruner prunes viewer feedback every interval until ctx
// is cancelled. A failed pass is logged and retried at the next tick.
func (s *Server) RunInteractionPruner(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := s.PruneInteractions(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("prune viewer feedback", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
