package indexer

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

// Decider decides which feeds a post belongs in and why. It is called for
// every post create and update inside the write transaction, so look-ups
// through tx (thread roots, an author's recent posts for a cap) see the
// earlier events of the same batch. An edit calls it again, and a post
// replayed after a reconnect is decided again: a cap must not count the
// post itself. Returning an error stops the indexer, so return one only
// for storage failures.
type Decider interface {
	Decide(tx *store.Tx, ev *Event) ([]store.Membership, error)
}

// Tier is how far a feed trusts an author.
type Tier uint8

// The author tiers that matter to the indexer.
const (
	// TierNone is an author the feed knows nothing special about.
	TierNone Tier = iota
	// TierExpert is a curated author whose judgement the feed trusts on
	// the topic: their reposts of posts already in the feed enter it.
	TierExpert
	// TierAll is a curated author all of whose posts and reposts belong.
	TierAll
)

// AuthorTiers tells the curated tier of an author in a feed. Curation backs
// it with its own buckets, read through tx.
type AuthorTiers interface {
	AuthorTier(tx *store.Tx, feed string, author syntax.DID) (Tier, error)
}

// RecordHandler receives commits to collections other than posts and
// reposts (list items, for curation) inside the write transaction.
type RecordHandler interface {
	HandleRecord(tx *store.Tx, ev *Event) error
}

// FeedConfig is what the indexer needs to know about one feed.
type FeedConfig struct {
	ID string
	// Reposts lets reposts by curated authors into the feed.
	Reposts bool
}

// Config tunes the indexer. Zero values mean the defaults in the comments.
type Config struct {
	Source SourceSpec
	Feeds  []FeedConfig

	// BatchSize is the most events in one write transaction (1000).
	BatchSize int
	// BatchInterval is the longest an event waits to be committed
	// (200ms); it bounds how soon a post shows in the feed.
	BatchInterval time.Duration

	// Retention is how long posts are kept (30 days). Creates older than
	// that are ignored.
	Retention time.Duration
	// PruneInterval is how often old posts are pruned (10 minutes);
	// negative disables pruning.
	PruneInterval time.Duration
	// PruneBatch is how many records one prune transaction removes (500).
	PruneBatch int

	// StallTimeout is how long a connection may go without a message
	// before it is dropped and made again (60s).
	StallTimeout time.Duration
	// PingInterval is how often the socket is pinged (20s).
	PingInterval time.Duration
	// DialTimeout bounds a connection attempt (10s).
	DialTimeout time.Duration
	// BackoffMin and BackoffMax bound the wait between connection
	// attempts (1s, 60s); it doubles per failure, with jitter.
	BackoffMin, BackoffMax time.Duration
	// Rewind is how far back a Jetstream cursor is moved on every
	// (re)connect (5s), to cover instances whose clocks differ. Writes are
	// idempotent, so the replayed events are harmless.
	Rewind time.Duration
	// Collections are asked of Jetstream (posts, reposts, list items).
	Collections []string
	// UserAgent is sent when connecting.
	UserAgent string

	// LagThreshold is the lag past which Status reports unhealthy (2m).
	LagThreshold time.Duration

	// MaxFuture is how far ahead of our clock an event's time may be
	// (5m): clocks differ a little, but an event from next year is a
	// broken or hostile stream, and its time must not become the cursor.
	MaxFuture time.Duration

	// Now is the clock (time.Now).
	Now func() time.Time
}

func (c *Config) setDefaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 1000
	}
	def(&c.BatchInterval, 200*time.Millisecond)
	def(&c.Retention, 30*24*time.Hour)
	def(&c.PruneInterval, 10*time.Minute)
	if c.PruneBatch <= 0 {
		c.PruneBatch = 500
	}
	def(&c.StallTimeout, 60*time.Second)
	def(&c.PingInterval, 20*time.Second)
	def(&c.DialTimeout, 10*time.Second)
	def(&c.BackoffMin, time.Second)
	def(&c.BackoffMax, time.Minute)
	def(&c.Rewind, 5*time.Second)
	def(&c.LagThreshold, 2*time.Minute)
	def(&c.MaxFuture, 5*time.Minute)
	if len(c.Collections) == 0 {
		c.Collections = []string{CollectionPost, CollectionRepost, CollectionListItem}
	}
	if c.UserAgent == "" {
		c.UserAgent = "feedgen-indexer"
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// Deps are what the indexer works with.
type Deps struct {
	Store *store.Store
	// Registerer receives the metrics; nil means a private registry.
	Registerer prometheus.Registerer
	Logger     *slog.Logger
	Decider    Decider
	// Authors is needed for reposts; nil lets no repost in.
	Authors AuthorTiers
	// Records, if set, receives list-item and other non-post commits.
	Records RecordHandler
}

// Indexer follows one source and writes what belongs into the store.
type Indexer struct {
	cfg        Config
	store      *store.Store
	log        *slog.Logger
	decider    Decider
	authors    AuthorTiers
	records    RecordHandler
	m          *metrics
	src        source
	cursorName string
	// cursorIsTime is set when the stream position is the event's time
	// (Jetstream's time_us), so it is bounded by the clock too.
	cursorIsTime bool
	started      time.Time

	// Written by the writer, read by Status and the lag gauge.
	lastEventUS atomic.Int64
	handled     atomic.Int64
	// pending is how many messages wait in the writer's open batch.
	pending atomic.Int64
	done    atomic.Bool
	conn    connState
	rate    rateMeter

	// counters of the batch being applied, published after commit.
	bc batchCounts
}

// New checks the configuration and builds an indexer; Run starts it.
func New(cfg Config, deps Deps) (*Indexer, error) {
	cfg.setDefaults()
	if deps.Store == nil {
		return nil, errors.New("indexer: no store")
	}
	if deps.Decider == nil && cfg.Source.Kind != SourceNone {
		return nil, errors.New("indexer: no decider")
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	if deps.Registerer == nil {
		deps.Registerer = prometheus.NewRegistry()
	}
	ix := &Indexer{
		cfg:     cfg,
		store:   deps.Store,
		log:     deps.Logger.With("component", "indexer", "source", cfg.Source.Kind.String()),
		decider: deps.Decider,
		authors: deps.Authors,
		records: deps.Records,
		started: cfg.Now(),
	}
	m, err := newMetrics(deps.Registerer, func() float64 { return ix.lag().Seconds() })
	if err != nil {
		return nil, fmt.Errorf("indexer metrics: %w", err)
	}
	ix.m = m
	ix.bc.init(m)
	if cfg.Source.Kind == SourceNone {
		return ix, nil
	}
	if ix.cursorName, err = cfg.Source.cursorName(); err != nil {
		return nil, err
	}
	ix.cursorIsTime = cfg.Source.Kind == SourceJetstream
	switch cfg.Source.Kind {
	case SourceJetstream:
		ix.src = &jetstreamSource{ix: ix, urls: cfg.Source.URLs}
	case SourceFirehose:
		ix.src = &firehoseSource{ix: ix, url: cfg.Source.URLs[0]}
	case SourceFile:
		ix.src = &fileSource{path: cfg.Source.Path, admit: ix.admit}
	default:
		return nil, fmt.Errorf("indexer: unknown source kind %d", cfg.Source.Kind)
	}
	return ix, nil
}

// Run follows the source until ctx is cancelled (or a file source ends),
// committing events in batches together with the cursor. On cancel it
// stops reading, commits what it has and returns nil. A storage error, or
// a stored cursor it cannot use, stops it with an error.
func (ix *Indexer) Run(ctx context.Context) error {
	if ix.src == nil {
		<-ctx.Done()
		return nil
	}
	start, have, err := ix.store.Cursor(ix.cursorName)
	if errors.Is(err, store.ErrCorruptCursor) {
		// Never a silent jump to live: the operator decides, and is told
		// exactly how.
		return fmt.Errorf("indexer: saved stream position unusable: %w. To recover, stop feedgen and run "+
			"`feedgen --db %s cursor reset %q` to follow the stream from live (what was published since the last good "+
			"position is skipped), or `feedgen --db %s cursor set %q POSITION` to resume from a position you know",
			err, ix.store.Path(), ix.cursorName, ix.store.Path(), ix.cursorName)
	}
	if err != nil {
		return fmt.Errorf("indexer: read cursor: %w", err)
	}
	if have {
		ix.log.Info("resuming", "cursor", start)
	} else {
		ix.log.Info("no saved cursor: starting live")
	}

	var wg sync.WaitGroup
	if ix.cfg.PruneInterval > 0 && !ix.cfg.Source.Finite() {
		pctx, stopPrune := context.WithCancel(ctx)
		defer func() { stopPrune(); wg.Wait() }()
		wg.Add(1)
		go func() { defer wg.Done(); ix.pruneLoop(pctx) }()
	}

	srcCtx, stopSrc := context.WithCancel(ctx)
	defer stopSrc()
	ch := make(chan message, 4*ix.cfg.BatchSize)
	srcErr := make(chan error, 1)
	go func() {
		err := ix.src.run(srcCtx, start, have, ch)
		close(ch)
		srcErr <- err
	}()

	werr := ix.write(ch)
	stopSrc()
	if werr != nil {
		// Let the source goroutine see the cancel and go.
		for range ch {
		}
		<-srcErr
		return werr
	}
	err = <-srcErr
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("indexer: %w", err)
	}
	if ix.cfg.Source.Finite() && ctx.Err() == nil {
		ix.done.Store(true)
		ix.log.Info("source file ingested", "events", ix.handled.Load())
	}
	return nil
}

// write is the single writer: it groups messages into transactions by
// count and by time, until ch is closed.
func (ix *Indexer) write(ch <-chan message) error {
	batch := make([]message, 0, ix.cfg.BatchSize)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() error {
		timer.Stop()
		if len(batch) == 0 {
			return nil
		}
		// The batch is committed even while shutting down: it was read,
		// and its cursor must be saved with it.
		err := ix.flush(batch)
		ix.pending.Store(0)
		clear(batch)
		batch = batch[:0]
		return err
	}
	for {
		select {
		case m, ok := <-ch:
			if !ok {
				return flush()
			}
			if len(batch) == 0 {
				timer.Reset(ix.cfg.BatchInterval)
			}
			batch = append(batch, m)
			// Take what is already waiting without going back to the
			// select: cheaper when the source runs ahead.
		drain:
			for len(batch) < ix.cfg.BatchSize {
				select {
				case m, ok := <-ch:
					if !ok {
						return flush()
					}
					batch = append(batch, m)
				default:
					break drain
				}
			}
			ix.pending.Store(int64(len(batch)))
			if len(batch) >= ix.cfg.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		case <-timer.C:
			if err := flush(); err != nil {
				return err
			}
		}
	}
}

// flush applies a batch and saves the cursor in one transaction.
func (ix *Indexer) flush(batch []message) error {
	t0 := time.Now()
	var cursor int64
	var lastUS int64
	err := ix.store.Update(context.Background(), func(tx *store.Tx) error {
		ix.bc.reset()
		for i := range batch {
			m := &batch[i]
			if err := ix.apply(tx, m); err != nil {
				return err
			}
			cursor = max(cursor, m.cursor)
			if m.drop == "" {
				lastUS = max(lastUS, m.ev.TimeUS)
			}
		}
		if cursor > 0 {
			return tx.SetCursor(ix.cursorName, cursor)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("indexer: commit batch: %w", err)
	}
	ix.m.commitDur.Observe(time.Since(t0).Seconds())
	ix.m.batchSize.Observe(float64(len(batch)))
	ix.bc.publish()
	if lastUS > ix.lastEventUS.Load() {
		ix.lastEventUS.Store(lastUS)
	}
	n := ix.handled.Add(int64(len(batch)))
	ix.rate.observe(ix.cfg.Now(), n)
	return nil
}

// lag is now minus the time of the last event committed; before the first
// one, the time since start, so an indexer that never gets going turns
// unhealthy.
func (ix *Indexer) lag() time.Duration {
	now := ix.cfg.Now()
	last := ix.lastEventUS.Load()
	if last == 0 {
		return now.Sub(ix.started)
	}
	return max(0, now.Sub(time.UnixMicro(last)))
}

// Status is the indexer's state for the health endpoint.
type Status struct {
	Source string `json:"source"`
	// Host is the host connected to, "" while disconnected.
	Host      string    `json:"host,omitempty"`
	Connected bool      `json:"connected"`
	LastEvent time.Time `json:"lastEvent,omitzero"`
	Lag       float64   `json:"lagSeconds"`
	// EventsPerSecond is the recent rate of events handled.
	EventsPerSecond float64 `json:"eventsPerSecond"`
	Events          int64   `json:"events"`
	// Done is set once a file source has been ingested.
	Done    bool `json:"done,omitempty"`
	Healthy bool `json:"healthy"`
}

// Status reports the indexer's state. A following indexer is healthy while
// its lag is under the threshold; a finished file source and no source at
// all are always healthy.
func (ix *Indexer) Status() Status {
	st := Status{
		Source:          ix.cfg.Source.Kind.String(),
		Lag:             ix.lag().Seconds(),
		Events:          ix.handled.Load(),
		EventsPerSecond: ix.rate.rate(ix.cfg.Now()),
		Done:            ix.done.Load(),
	}
	st.Host, st.Connected = ix.conn.get()
	if us := ix.lastEventUS.Load(); us > 0 {
		st.LastEvent = time.UnixMicro(us).UTC()
	}
	st.Healthy = ix.src == nil || st.Done || ix.lag() <= ix.cfg.LagThreshold
	return st
}

// connState is the host a network source is connected to.
type connState struct {
	mu        sync.Mutex
	host      string
	connected bool
}

func (c *connState) set(host string, connected bool) {
	c.mu.Lock()
	c.host, c.connected = host, connected
	c.mu.Unlock()
}

func (c *connState) get() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.host, c.connected
}

// rateMeter computes events per second over the last ten seconds or so
// from samples of the running total.
type rateMeter struct {
	mu      sync.Mutex
	samples [16]rateSample
	n, head int
}

type rateSample struct {
	at    time.Time
	total int64
}

func (r *rateMeter) observe(now time.Time, total int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n > 0 {
		last := r.samples[(r.head+len(r.samples)-1)%len(r.samples)]
		if now.Sub(last.at) < time.Second {
			// Keep one sample a second; update the newest.
			r.samples[(r.head+len(r.samples)-1)%len(r.samples)].total = total
			return
		}
	}
	r.samples[r.head] = rateSample{now, total}
	r.head = (r.head + 1) % len(r.samples)
	r.n = min(r.n+1, len(r.samples))
}

func (r *rateMeter) rate(now time.Time) float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n == 0 {
		return 0
	}
	newest := r.samples[(r.head+len(r.samples)-1)%len(r.samples)]
	oldest := r.samples[(r.head+len(r.samples)-r.n)%len(r.samples)]
	// Idle since the newest sample: the rate decays to zero.
	span := now.Sub(oldest.at).Seconds()
	if span < 1 {
		span = 1
	}
	return float64(newest.total-oldest.total) / span
}
