package stats

import (
	"context"
	"fmt"
	"hash/maphash"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/store"
)

// Defaults of the Recorder's Config.
const (
	// DefaultFlushEvery is how often the counts in memory are written:
	// a crash loses at most this much of the readership figures.
	DefaultFlushEvery = time.Minute
	// DefaultRetention is how long daily and hourly counters are kept.
	DefaultRetention = 30 * 24 * time.Hour
	// LagKept is how long the indexer's lag samples are kept.
	LagKept = 48 * time.Hour
	// maxSeenPosts bounds the distinct posts whose impressions are held
	// between two flushes, per feed: what a client reports is not ours to
	// let grow without end. Beyond it, impressions count only in the
	// feed's total.
	maxSeenPosts = 10_000
)

// RecorderConfig tunes a Recorder.
type RecorderConfig struct {
	// Feeds are the served feeds whose readers are counted.
	Feeds []string
	// FlushEvery (DefaultFlushEvery) and Retention (DefaultRetention).
	FlushEvery time.Duration
	Retention  time.Duration
	// Lag, if set, is sampled at every flush: the indexer's lag, and
	// whether there is an indexer to ask.
	Lag func() (time.Duration, bool)
	// Now is the clock (time.Now).
	Now func() time.Time
}

// Recorder counts what readers do, in memory on the serving path, and
// writes the counts to the store a minute at a time: skeleton requests per
// hour, distinct viewers per day, "show more" and "show less" per day, and
// impressions per post. It implements feedgen.Readership. It is safe for
// concurrent use.
//
// Distinct viewers are counted without keeping who they are: each viewer's
// DID is hashed with a seed made at random for the day and held only in
// this process's memory (hash/maphash, which cannot even export it), and
// only the HyperLogLog registers of those hashes are stored; once the day
// is over they are folded into one number and deleted. Without the seed
// the stored registers cannot be tested against a DID. A restart makes a
// new seed, so a viewer seen on both sides of a restart counts twice that
// day.
type Recorder struct {
	cfg   RecorderConfig
	store *store.Store
	log   *slog.Logger
	feeds map[string]*feedCounts

	// mu guards the day's seed and every feed's sketch and seen posts.
	mu   sync.Mutex
	day  store.Day
	seed maphash.Seed

	// flushMu keeps flushes one at a time (the ticker's, a report's and
	// the last one at shutdown).
	flushMu sync.Mutex
	lastLag time.Time
}

type feedCounts struct {
	requests, less, more, seen atomic.Uint64
	// Under Recorder.mu:
	viewers sketch
	posts   map[syntax.ATURI]uint64
}

// NewRecorder returns a Recorder for the feeds of cfg over st.
func NewRecorder(cfg RecorderConfig, st *store.Store, log *slog.Logger) *Recorder {
	if cfg.FlushEvery <= 0 {
		cfg.FlushEvery = DefaultFlushEvery
	}
	if cfg.Retention <= 0 {
		cfg.Retention = DefaultRetention
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{cfg: cfg, store: st, log: log, feeds: map[string]*feedCounts{},
		day: store.DayOf(cfg.Now()), seed: maphash.MakeSeed()}
	for _, f := range cfg.Feeds {
		r.feeds[f] = &feedCounts{viewers: newSketch(), posts: map[syntax.ATURI]uint64{}}
	}
	return r
}

// Served counts one skeleton request, and its viewer among the day's.
func (r *Recorder) Served(feed string, viewer syntax.DID) {
	fc := r.feeds[feed]
	if fc == nil {
		return
	}
	fc.requests.Add(1)
	if viewer == "" {
		return
	}
	r.mu.Lock()
	fc.viewers.add(maphash.String(r.seed, string(viewer)))
	r.mu.Unlock()
}

// Interacted counts "show more", "show less" and impressions.
func (r *Recorder) Interacted(feed, event string, item syntax.ATURI) {
	fc := r.feeds[feed]
	if fc == nil {
		return
	}
	switch event {
	case "requestLess":
		fc.less.Add(1)
	case "requestMore":
		fc.more.Add(1)
	case "interactionSeen":
		fc.seen.Add(1)
		if item == "" {
			return
		}
		r.mu.Lock()
		if _, ok := fc.posts[item]; ok || len(fc.posts) < maxSeenPosts {
			fc.posts[item]++
		}
		r.mu.Unlock()
	}
}

// taken is what one flush writes for a feed.
type taken struct {
	feed                       string
	requests, less, more, seen uint64
	viewers                    sketch
	posts                      map[syntax.ATURI]uint64
}

// Flush writes the counts held in memory. The day's sketch goes to the
// day whose seed made it; when a new day has begun it gets a new seed, and
// sketches of days gone are folded into their counts.
func (r *Recorder) Flush(ctx context.Context) error {
	r.flushMu.Lock()
	defer r.flushMu.Unlock()
	now := r.cfg.Now()
	today := store.DayOf(now)
	r.mu.Lock()
	day := r.day
	var all []taken
	for id, fc := range r.feeds {
		t := taken{feed: id, requests: fc.requests.Swap(0), less: fc.less.Swap(0), more: fc.more.Swap(0), seen: fc.seen.Swap(0)}
		if !fc.viewers.empty() {
			t.viewers, fc.viewers = fc.viewers, newSketch()
		}
		if len(fc.posts) > 0 {
			t.posts, fc.posts = fc.posts, map[syntax.ATURI]uint64{}
		}
		all = append(all, t)
	}
	if today != r.day {
		r.day, r.seed = today, maphash.MakeSeed()
	}
	r.mu.Unlock()

	sampleLag := false
	var lag time.Duration
	if r.cfg.Lag != nil && now.Sub(r.lastLag) >= r.cfg.FlushEvery/2 {
		lag, sampleLag = r.cfg.Lag()
	}
	err := r.store.Update(ctx, func(tx *store.Tx) error {
		hour := store.HourOf(now)
		for _, t := range all {
			if err := tx.AddHourly(t.feed, hour, MetricRequests, t.requests); err != nil {
				return err
			}
			for name, n := range map[string]uint64{MetricLess: t.less, MetricMore: t.more, MetricSeen: t.seen} {
				if err := tx.AddDaily(t.feed, today, name, n); err != nil {
					return err
				}
			}
			if t.viewers != nil {
				t.viewers.merge(tx.Sketch(t.feed, day))
				if err := tx.PutSketch(t.feed, day, t.viewers); err != nil {
					return err
				}
			}
			for uri, n := range t.posts {
				if _, err := tx.AddImpressions(t.feed, uri, n); err != nil {
					return err
				}
			}
		}
		if sampleLag {
			if err := tx.PutLagSample(now.UnixMicro(), lag); err != nil {
				return err
			}
		}
		return foldSketches(tx, today)
	})
	if err != nil {
		return fmt.Errorf("flush readership figures: %w", err)
	}
	if sampleLag {
		r.lastLag = now
	}
	return nil
}

// foldSketches turns the viewer sketches of days before today into their
// counts, and deletes them.
func foldSketches(tx *store.Tx, today store.Day) error {
	for _, k := range tx.Sketches() {
		if k.Day >= today {
			continue
		}
		s := newSketch()
		if s.merge(tx.Sketch(k.Feed, k.Day)) {
			if err := tx.AddDaily(k.Feed, k.Day, MetricViewers, s.estimate()); err != nil {
				return err
			}
		}
		if err := tx.DeleteSketch(k.Feed, k.Day); err != nil {
			return err
		}
	}
	return nil
}

// Prune removes counters older than the retention and lag samples older
// than LagKept.
func (r *Recorder) Prune(ctx context.Context) (int, error) {
	now := r.cfg.Now()
	return r.store.PruneStats(ctx, store.DayOf(now.Add(-r.cfg.Retention)), now.Add(-LagKept).UnixMicro())
}

// Run flushes every FlushEvery and prunes every hour until ctx is
// cancelled; the caller flushes once more after the last request (Flush).
// A failed flush is logged and its counts are lost, never retried twice.
func (r *Recorder) Run(ctx context.Context) error {
	t := time.NewTicker(r.cfg.FlushEvery)
	defer t.Stop()
	var pruned time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		if err := r.Flush(ctx); err != nil && ctx.Err() == nil {
			r.log.Error("readership figures", "err", err)
		}
		if now := r.cfg.Now(); now.Sub(pruned) >= time.Hour {
			if _, err := r.Prune(ctx); err != nil && ctx.Err() == nil {
				r.log.Error("prune figures", "err", err)
			}
			pruned = now
		}
	}
}

// viewersToday estimates feed's distinct viewers of today from the stored
// sketch and the one in memory.
func (r *Recorder) viewersToday(tx *store.Tx, feed string, day store.Day) (uint64, bool) {
	s := newSketch()
	stored := s.merge(tx.Sketch(feed, day))
	mem := false
	if r != nil {
		r.mu.Lock()
		if fc := r.feeds[feed]; fc != nil && r.day == day && !fc.viewers.empty() {
			s.merge(fc.viewers)
			mem = true
		}
		r.mu.Unlock()
	}
	if !stored && !mem {
		return 0, false
	}
	return s.estimate(), true
}
