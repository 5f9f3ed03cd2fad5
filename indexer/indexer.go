package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/store"
)

// Config tunes the indexer. Zero values mean the defaults in the comments.
type Config struct {
	Source SourceSpec

	// BatchSize is the most events in one write transaction (1000).
	BatchSize int
	// BatchInterval is the longest an event waits to be committed
	// (200ms); it bounds how soon a post shows in the feed.
	BatchInterval time.Duration

	// Retention is how long posts are kept (DefaultRetention). Creates
	// older than that are ignored.
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
	// Collections are asked of Jetstream (posts, reposts, list items,
	// likes, follows).
	Collections []string
	// UserAgent is sent when connecting.
	UserAgent string

	// LagThreshold is the lag past which Status reports unhealthy
	// (DefaultLagThreshold).
	LagThreshold time.Duration

	// MaxFuture is how far ahead of our clock an event's time may be
	// (5m): clocks differ a little, but an event from next year is a
	// broken or hostile stream, and its time must not become the cursor.
	MaxFuture time.Duration

	// Labelers are the labelers followed, each through its own
	// com.atproto.label.subscribeLabels connection; their labels go
	// through the same writer, each labeler's position saved with the
	// labels it covers.
	Labelers []syntax.DID

	// Now is the clock (time.Now).
	Now func() time.Time
}

// Defaults of the settings the service configuration exposes; package
// config offers them as its own defaults.
const (
	// DefaultRetention is how long posts are kept.
	DefaultRetention = 30 * 24 * time.Hour
	// DefaultLagThreshold is how far behind the network the indexer may
	// fall before it reports unhealthy.
	DefaultLagThreshold = 5 * time.Minute
)

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
	def(&c.Retention, DefaultRetention)
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
	def(&c.LagThreshold, DefaultLagThreshold)
	def(&c.MaxFuture, 5*time.Minute)
	if len(c.Collections) == 0 {
		// Curation records (lexicons.Prefix) by prefix, which Jetstream
		// allows: a replica in the repo curation store reads the
		// publisher's; no one else writes them.
		c.Collections = []string{CollectionPost, CollectionRepost, CollectionListItem, CollectionLike, CollectionFollow, lexicons.Prefix + "*"}
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
	// Decider decides which feeds each post and repost belongs in.
	Decider Decider
	// Records, if set, receives list-item and other non-post commits.
	Records RecordHandler
	// Inbox, if set, takes batches that did not come from the stream (a
	// curator's backfill) to the writer while Run runs.
	Inbox *Inbox
	// Directory resolves the labelers' DID documents: their endpoint and
	// signing key. Required with Config.Labelers.
	Directory identity.Directory
	// LabelerClient dials the labelers: an internal/netguard client, since
	// their addresses come from their DID documents. Nil is net/http's
	// default (tests).
	LabelerClient *http.Client
}

// Indexer follows one source and writes what belongs into the store. One
// writer goroutine, started by Run, applies both the source's events and
// the Inbox's batches, so there is never a second writer.
type Indexer struct {
	cfg   Config
	store *store.Store
	log   *slog.Logger
	step  Step
	inbox *Inbox
	m     *metrics
	src   source
	// mod decides again what labels hold out (the Decider, when it is
	// a Moderator).
	mod Moderator
	// labelers follow the configured labelers into labelCh, which the
	// writer reads.
	labelers      []*labelerSource
	labelCh       chan labelMsg
	dir           identity.Directory
	labelerClient *http.Client
	cursorName    string
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

	// tally counts what the batch being applied did; published after
	// commit.
	tally Tally
}

// New checks the configuration and builds an indexer; Run starts it.
func New(cfg Config, deps Deps) (*Indexer, error) {
	cfg.setDefaults()
	if deps.Store == nil {
		return nil, errors.New("indexer: no store")
	}
	if deps.Decider == nil {
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
		step:    Step{Decider: deps.Decider, Records: deps.Records},
		inbox:   deps.Inbox,
		started: cfg.Now(),
	}
	m, err := newMetrics(deps.Registerer, func() float64 { return ix.lag().Seconds() })
	if err != nil {
		return nil, fmt.Errorf("indexer metrics: %w", err)
	}
	ix.m = m
	ix.mod, _ = deps.Decider.(Moderator)
	ix.dir, ix.labelerClient = deps.Directory, deps.LabelerClient
	if ix.labelers, err = newLabelers(ix, cfg.Labelers); err != nil {
		return nil, err
	}
	if len(ix.labelers) > 0 {
		ix.labelCh = make(chan labelMsg, 256)
	}
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
// committing events in batches together with the cursor, and applies the
// Inbox's batches between them. On cancel it stops reading, commits what
// it has and returns nil. With an Inbox it keeps writing for it after a
// file source ends, and with no source at all it writes only for it, until
// ctx is cancelled. A storage error, or a stored cursor it cannot use,
// stops it with an error.
func (ix *Indexer) Run(ctx context.Context) error {
	w := &writer{ix: ix}
	if ix.inbox != nil {
		w.inbox = ix.inbox.attach()
		defer ix.inbox.detach()
	}
	if len(ix.labelers) > 0 {
		// The labelers' streams end with Run: cancelled when the writer
		// returns, and waited for.
		lctx, stopLabelers := context.WithCancel(ctx)
		var lwg sync.WaitGroup
		defer func() { stopLabelers(); lwg.Wait() }()
		w.labels = ix.labelCh
		for _, l := range ix.labelers {
			lwg.Add(1)
			go func() { defer lwg.Done(); l.run(lctx, ix.labelCh) }()
		}
	}
	if ix.src == nil {
		return w.run(ctx, nil, nil)
	}
	start, have, err := ix.store.Cursor(ix.cursorName)
	if errors.Is(err, store.ErrCorruptCursor) {
		// Never a silent jump to live: the operator decides, and is told
		// exactly how.
		return fmt.Errorf("indexer: saved stream position unusable: %w. To recover, stop feedgen and run "+
			"`feedgen cursor reset --db %s %q` to follow the stream from live (what was published since the last good "+
			"position is skipped), or `feedgen cursor set --db %s %q POSITION` to resume from a position you know",
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
		// The error goes first, so the writer finds it when ch closes.
		srcErr <- ix.src.run(srcCtx, start, have, ch)
		close(ch)
	}()

	err = w.run(ctx, ch, srcErr)
	stopSrc()
	// Let the source goroutine see the cancel and go, if the writer
	// stopped first.
	for range ch {
	}
	return err
}

// sourceDone records that a file source has been read to its end.
func (ix *Indexer) sourceDone() {
	ix.done.Store(true)
	ix.log.Info("source file ingested", "events", ix.handled.Load())
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
	// State is what the indexer is doing: "connecting" (no connection
	// made yet), "connected", "reconnecting" (the connection was lost or
	// refused; it tries again with backoff), "ingesting" or "done" for a
	// file, "idle" with no source.
	State string `json:"state"`
	// Since is when State began.
	Since time.Time `json:"since,omitzero"`
	// Host is the host connected to, or being tried.
	Host      string `json:"host,omitempty"`
	Connected bool   `json:"connected"`
	// LastError is why the last connection ended or could not be made.
	LastError string    `json:"lastError,omitempty"`
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
	c := ix.conn.get()
	st.Host, st.Connected, st.LastError, st.Since = c.host, c.connected, c.lastErr, c.since
	switch {
	case ix.src == nil:
		st.State, st.Since = "idle", time.Time{}
	case st.Done:
		st.State, st.Since = "done", time.Time{}
	case ix.cfg.Source.Kind == SourceFile:
		st.State, st.Since = "ingesting", time.Time{}
	case c.connected:
		st.State = "connected"
	case c.everConnected || c.lastErr != "":
		st.State = "reconnecting"
	default:
		st.State = "connecting"
	}
	if st.Since.IsZero() && (st.State == "connecting") {
		st.Since = ix.started.UTC()
	}
	if us := ix.lastEventUS.Load(); us > 0 {
		st.LastEvent = time.UnixMicro(us).UTC()
	}
	st.Healthy = ix.src == nil || st.Done || ix.lag() <= ix.cfg.LagThreshold
	return st
}

// connState is the connection of a network source: the host, whether it
// is up, since when it is up or down, and why it last went down.
type connState struct {
	mu sync.Mutex
	connSnapshot
}

type connSnapshot struct {
	host          string
	connected     bool
	everConnected bool
	since         time.Time
	lastErr       string
}

// up records a connection made to host at now.
func (c *connState) up(host string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.host, c.connected, c.everConnected, c.since = host, true, true, now.UTC()
}

// down records that the connection to host ended, or could not be made,
// with err. The time is kept from the first failure after a connection,
// so that "since" says how long the source has been away.
func (c *connState) down(host string, err error, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.connected || c.since.IsZero() || (!c.everConnected && c.lastErr == "") {
		c.since = now.UTC()
	}
	c.host, c.connected = host, false
	if err != nil {
		c.lastErr = err.Error()
	}
}

func (c *connState) get() connSnapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.connSnapshot
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
