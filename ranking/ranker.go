package ranking

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/store"
)

// EngagementSource reads posts' engagement counts. The store's counts,
// kept by the indexer from the stream, implement it; tests use a map.
type EngagementSource interface {
	// Engagement fills out[i] with the counts of uris[i]: zero for a
	// post with none.
	Engagement(ctx context.Context, uris []syntax.ATURI, out []Counts) error
}

// Feed is one feed served by rank.
type Feed struct {
	// ID is the served feed's record key.
	ID string
	// Store is the feed whose posts it ranks (its membership).
	Store  string
	Params Params
}

// Defaults of the Ranker's Config.
const (
	// DefaultRefresh is how often a snapshot is rebuilt: engagement
	// reaches a top feed's order within five minutes, and a rebuild
	// costs a few milliseconds to a tenth of a second.
	DefaultRefresh = 5 * time.Minute
	// DefaultNewPosts is how soon a snapshot is rebuilt once posts newer
	// than it have entered the feed, or posts have left it: a new post
	// shows in a top feed within a minute (an empty snapshot is rebuilt
	// at once), while readers' cursors keep naming few snapshots.
	DefaultNewPosts = time.Minute
	// checkEvery bounds how often serving looks at the feed for new
	// posts.
	checkEvery = time.Second
	// DefaultKeep is how long a snapshot stays usable by the cursors that
	// name it: longer than nearly every scroll.
	DefaultKeep = 30 * time.Minute
	// maxKept bounds the snapshots kept per feed, whatever Keep says: a
	// feed rebuilt every minute for its new posts keeps the last twelve
	// (a few hundred KB each at full depth).
	maxKept = 12
	// DefaultMaxCandidates bounds the posts of a window that are ranked
	// (the newest, if the window holds more).
	DefaultMaxCandidates = 20_000
	// DefaultDepth is how many ranked posts a snapshot keeps, and so
	// how deep a top feed goes.
	DefaultDepth = 1000
)

// Config tunes the Ranker. Zero values take the defaults.
type Config struct {
	Feeds         []Feed
	Refresh       time.Duration
	NewPosts      time.Duration
	Keep          time.Duration
	MaxCandidates int
	Depth         int
	// Now is the clock (time.Now).
	Now func() time.Time
}

// Ranker builds and keeps the snapshots of the top feeds. It is safe for
// concurrent use.
type Ranker struct {
	cfg    Config
	store  *store.Store
	source EngagementSource
	log    *slog.Logger
	feeds  map[string]*feedState

	buildDur  prometheus.Histogram
	fallbacks prometheus.Counter
}

type feedState struct {
	feed Feed
	// build serialises rebuilds; readers never wait for it once a
	// snapshot exists.
	build sync.Mutex
	mu    sync.RWMutex
	// snaps are the kept snapshots, oldest first; the last is current.
	snaps []*Snapshot
	// checked is when serving last looked for new posts (Unix ns).
	checked atomic.Int64
}

// New builds a Ranker over st. source may be nil (every post has no
// engagement: a top feed is then newest first within its window).
func New(cfg Config, st *store.Store, source EngagementSource, log *slog.Logger, reg prometheus.Registerer) (*Ranker, error) {
	if st == nil {
		return nil, errors.New("ranking: no store")
	}
	if cfg.Refresh <= 0 {
		cfg.Refresh = DefaultRefresh
	}
	if cfg.Keep <= 0 {
		cfg.Keep = DefaultKeep
	}
	if cfg.NewPosts <= 0 {
		cfg.NewPosts = DefaultNewPosts
	}
	if cfg.MaxCandidates <= 0 {
		cfg.MaxCandidates = DefaultMaxCandidates
	}
	if cfg.Depth <= 0 {
		cfg.Depth = DefaultDepth
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Ranker{cfg: cfg, store: st, source: source, log: log, feeds: map[string]*feedState{}}
	for _, f := range cfg.Feeds {
		if f.ID == "" || f.Store == "" {
			return nil, fmt.Errorf("ranking: feed %q: missing ID or store", f.ID)
		}
		if r.feeds[f.ID] != nil {
			return nil, fmt.Errorf("ranking: feed %q twice", f.ID)
		}
		f.Params = f.Params.WithDefaults()
		r.feeds[f.ID] = &feedState{feed: f}
	}
	r.buildDur = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "feedgen_top_snapshot_seconds",
		Help:    "Time to rebuild one top feed's ranking snapshot.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
	})
	r.fallbacks = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "feedgen_top_cursor_fallbacks_total",
		Help: "Top-feed cursors whose snapshot was gone, continued in the newest one by rank.",
	})
	if reg != nil {
		for _, c := range []prometheus.Collector{r.buildDur, r.fallbacks} {
			if err := reg.Register(c); err != nil {
				return nil, fmt.Errorf("register ranking metrics: %w", err)
			}
		}
	}
	return r, nil
}

// Ranks reports whether feed is served by rank.
func (r *Ranker) Ranks(feed string) bool { return r != nil && r.feeds[feed] != nil }

// Current is feed's newest snapshot, rebuilt first when there is none or
// it is older than the refresh period (Run rebuilds ahead of that, so a
// request rarely pays for it). While one request rebuilds, others are
// served the snapshot there is.
func (r *Ranker) Current(ctx context.Context, feed string) (*Snapshot, error) {
	fs := r.feeds[feed]
	if fs == nil {
		return nil, fmt.Errorf("ranking: no feed %q", feed)
	}
	now := r.cfg.Now()
	s := fs.current()
	if s != nil && now.Sub(s.BuiltAt) < r.cfg.Refresh && !r.newPosts(fs, s, now) {
		return s, nil
	}
	if s != nil && !fs.build.TryLock() {
		return s, nil
	}
	if s == nil {
		fs.build.Lock()
	}
	defer fs.build.Unlock()
	// Someone else may have rebuilt it while this one waited.
	if s2 := fs.current(); s2 != nil && s2 != s && now.Sub(s2.BuiltAt) < r.cfg.Refresh {
		return s2, nil
	}
	return r.rebuild(ctx, fs)
}

// newPosts reports whether posts newer than snapshot s have entered its
// feed, or posts have left it (whose look-ups then cost every page until
// the next snapshot), and s is old enough to give way (an empty one
// always is). The feed is looked at once a second at most.
func (r *Ranker) newPosts(fs *feedState, s *Snapshot, now time.Time) bool {
	if len(s.Entries) > 0 && now.Sub(s.BuiltAt) < r.cfg.NewPosts {
		return false
	}
	last := fs.checked.Load()
	if now.UnixNano()-last < int64(checkEvery) || !fs.checked.CompareAndSwap(last, now.UnixNano()) {
		return false
	}
	m := r.store.Mark(fs.feed.Store)
	return m != s.Mark
}

func (fs *feedState) current() *Snapshot {
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	if len(fs.snaps) == 0 {
		return nil
	}
	return fs.snaps[len(fs.snaps)-1]
}

// Rebuild ranks feed afresh now.
func (r *Ranker) Rebuild(ctx context.Context, feed string) (*Snapshot, error) {
	fs := r.feeds[feed]
	if fs == nil {
		return nil, fmt.Errorf("ranking: no feed %q", feed)
	}
	fs.build.Lock()
	defer fs.build.Unlock()
	return r.rebuild(ctx, fs)
}

// rebuild builds a snapshot and keeps it; fs.build is held.
func (r *Ranker) rebuild(ctx context.Context, fs *feedState) (*Snapshot, error) {
	t0 := time.Now()
	now := r.cfg.Now()
	p := fs.feed.Params
	items, mark, err := r.store.FeedSince(ctx, fs.feed.Store, now.Add(-p.Window).UnixMicro(), r.cfg.MaxCandidates)
	if err != nil {
		return nil, fmt.Errorf("rank %s: %w", fs.feed.ID, err)
	}
	posts := make([]Rankable, len(items))
	uris := make([]syntax.ATURI, len(items))
	for i := range items {
		posts[i].Item = items[i]
		uris[i] = items[i].URI
	}
	if r.source != nil && len(items) > 0 {
		counts := make([]Counts, len(items))
		if err := r.source.Engagement(ctx, uris, counts); err != nil {
			return nil, fmt.Errorf("rank %s: engagement: %w", fs.feed.ID, err)
		}
		for i := range posts {
			posts[i].Counts = counts[i]
		}
	}
	s := Build(fs.feed.ID, now, posts, p, r.cfg.Depth)
	s.Mark = mark
	fs.mu.Lock()
	if n := len(fs.snaps); n > 0 && fs.snaps[n-1].ID >= s.ID {
		// Two builds in the same millisecond (a test's frozen clock):
		// IDs must stay unique.
		s.ID = fs.snaps[n-1].ID + 1
	}
	keep := fs.snaps[:0]
	for i, old := range fs.snaps {
		if now.Sub(old.BuiltAt) < r.cfg.Keep && len(fs.snaps)-i < maxKept {
			keep = append(keep, old)
		}
	}
	clear(fs.snaps[len(keep):])
	fs.snaps = append(keep, s)
	fs.mu.Unlock()
	r.buildDur.Observe(time.Since(t0).Seconds())
	return s, nil
}

// Resume finds where cursor continues feed: the snapshot it names and the
// index after its last entry, while that snapshot is kept; otherwise the
// current snapshot, from the first entry below the cursor's bound. A
// cursor that names a kept snapshot but not the entry it was made at (a
// cursor of another machine) is continued by its bound too.
func (r *Ranker) Resume(ctx context.Context, feed string, c Cursor) (*Snapshot, int, error) {
	fs := r.feeds[feed]
	if fs == nil {
		return nil, 0, fmt.Errorf("ranking: no feed %q", feed)
	}
	if c.Snapshot != 0 {
		if s := fs.find(c.Snapshot); s != nil && r.cfg.Now().Sub(s.BuiltAt) < r.cfg.Keep && c.Next >= 1 && c.Next <= len(s.Entries) &&
			s.Entries[c.Next-1].bound() == c.Bound {
			return s, c.Next, nil
		}
	}
	s, err := r.Current(ctx, feed)
	if err != nil {
		return nil, 0, err
	}
	if c.Snapshot != 0 {
		r.fallbacks.Inc()
	}
	return s, s.After(c.Bound), nil
}

func (fs *feedState) find(id int64) *Snapshot {
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	for _, s := range fs.snaps {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Run rebuilds every feed's snapshot each refresh period until ctx is
// cancelled. A failed build is logged; the previous snapshot serves on.
func (r *Ranker) Run(ctx context.Context) error {
	t := time.NewTicker(r.cfg.Refresh)
	defer t.Stop()
	for {
		for id, fs := range r.feeds {
			if ctx.Err() != nil {
				return nil
			}
			fs.build.Lock()
			s, err := r.rebuild(ctx, fs)
			fs.build.Unlock()
			if err != nil {
				if ctx.Err() == nil {
					r.log.Error("rank top feed", "feed", id, "err", err)
				}
				continue
			}
			r.log.Debug("ranked top feed", "feed", id, "candidates", s.Candidates, "kept", len(s.Entries))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
