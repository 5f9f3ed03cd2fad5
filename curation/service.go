package curation

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Feed is one feed the service curates.
type Feed struct {
	// ID is the feed's record key, its name in the store.
	ID  string
	URI syntax.ATURI
	// List, if set, is a Bluesky list (at://<owner DID>/app.bsky.graph.list/<rkey>)
	// whose members are the feed's expert authors.
	List syntax.ATURI
	// ModLists are Bluesky moderation lists whose members are kept out
	// of the feed, like blocked authors.
	ModLists []syntax.ATURI
	// Seed lists authors from the feed configuration, loaded into the
	// store at startup when absent (see [Service.Seed]).
	Seed map[syntax.DID]model.Tier
	// Rules names the rules the feed definition gives (builtin:NAME or a
	// file), and RulesText is their text: the rules the decider was built
	// with, which the feed applies while no uploaded version overrides
	// them (see [Service.ApplyRules]).
	Rules     string
	RulesText string
}

// Defaults of the settings the service configuration exposes; package
// config offers them as its own defaults.
const (
	// DefaultMaxPins is the most posts one feed may pin.
	DefaultMaxPins = 5
	// DefaultBackfillWindow is how far back an added author's posts are
	// fetched: a week.
	DefaultBackfillWindow = 7 * 24 * time.Hour
)

// Config tunes the service. Zero values mean the defaults in the comments.
type Config struct {
	Feeds []Feed
	// MaxPins is the most posts one feed may pin (DefaultMaxPins).
	MaxPins int
	// BackfillWindow is how far back an added author's posts are fetched
	// (DefaultBackfillWindow).
	BackfillWindow time.Duration
	// BackfillMax bounds the records one backfill fetches (1000).
	BackfillMax int
	// FetchTimeout bounds one request to a PDS (20s).
	FetchTimeout time.Duration
	// ProfileRefresh is how old a cached profile (handle, display name,
	// avatar) may be before it is fetched again
	// (DefaultProfileRefresh); ProfileRetry how soon a failed one is
	// tried again (DefaultProfileRetry); ProfileWorkers how many are
	// fetched at once (DefaultProfileWorkers).
	ProfileRefresh, ProfileRetry time.Duration
	ProfileWorkers               int
	// Now is the clock (time.Now).
	Now func() time.Time
}

func (c *Config) setDefaults() {
	if c.MaxPins <= 0 {
		c.MaxPins = DefaultMaxPins
	}
	if c.BackfillWindow <= 0 {
		c.BackfillWindow = DefaultBackfillWindow
	}
	if c.BackfillMax <= 0 {
		c.BackfillMax = 1000
	}
	if c.FetchTimeout <= 0 {
		c.FetchTimeout = 20 * time.Second
	}
	if c.ProfileRefresh <= 0 {
		c.ProfileRefresh = DefaultProfileRefresh
	}
	if c.ProfileRetry <= 0 {
		c.ProfileRetry = DefaultProfileRetry
	}
	if c.ProfileWorkers <= 0 {
		c.ProfileWorkers = DefaultProfileWorkers
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// Deps are what the service works with.
type Deps struct {
	Store *store.Store
	// Directory resolves handles to DIDs and finds an account's PDS. In
	// production a CacheDirectory over a BaseDirectory; in tests a
	// MockDirectory.
	Directory identity.Directory
	// HTTPClient fetches from PDSes named by others' DID documents: one
	// of internal/netguard's. Nil means a guarded one with FetchTimeout.
	HTTPClient *http.Client
	// Decider is the one that decides membership: explain shows its
	// judgement, and the feeds' thresholds are its rules'.
	Decider *membership.Decider
	// Ingester sends backfilled posts through the indexer's writer (an
	// indexer.Inbox); nil disables backfill.
	Ingester Ingester
	// Rejudger has the indexer's writer judge a feed again after its
	// rules changed (an indexer.Inbox); nil refuses changes of rules.
	Rejudger Rejudger
	Logger   *slog.Logger
	// CheckDNS looks up a name that must exist (the PLC directory's), to
	// tell a handle that does not exist from DNS that does not work; nil
	// skips it.
	CheckDNS func(ctx context.Context) error
	// Repo, if set, is the publisher's repository: the repo curation
	// store (repo.go). Every change is written there first, then applied;
	// the publisher's records from the stream are applied too. Nil is the
	// local store: curation stays in this database.
	Repo Repo
	// Publisher is the publisher's repository whenever its credentials
	// are configured, in either store: Export writes to it. In the repo
	// store it is Repo; nil means Repo.
	Publisher Repo
	// Registerer receives curation's metrics; nil keeps them private.
	Registerer prometheus.Registerer
}

// Service is every curation operation. It is safe for concurrent use.
type Service struct {
	cfg     Config
	store   *store.Store
	dir     identity.Directory
	pds     *pdsClient
	decider *membership.Decider
	ingest  Ingester
	log     *slog.Logger
	// checkDNS: see Deps.CheckDNS.
	checkDNS func(ctx context.Context) error

	feeds  []*Feed
	byID   map[string]*Feed
	owners map[syntax.DID][]*Feed // list owner -> feeds following their lists

	// pins is the pinned post URIs of each feed, newest pin first, read
	// by every first page of every feed: kept in memory and swapped
	// whole after each change commits.
	pins atomic.Pointer[map[string][]string]

	// backfillMu keeps backfills one at a time: a PDS is better asked
	// politely, and the writer takes one batch at a time anyway.
	backfillMu sync.Mutex
	// pending are authors waiting for a background backfill (added
	// through the live Bluesky list).
	pending chan backfillJob

	rejudge Rejudger
	// rulesMu keeps changes of rules one at a time, from start to the end
	// of the re-judge; rulesStateMu guards rules, what is known of each
	// feed's rules, for readers.
	rulesMu      sync.Mutex
	rulesStateMu sync.RWMutex
	rules        map[string]*feedRules
	// people resolves and caches who authors are.
	people *people

	// repo is the publisher's repository in the repo curation store
	// (nil: local).
	repo      Repo
	publisher Repo
	metrics   *metrics
	// rebuild is the state of a rebuild from the repository; rebuildMu
	// keeps rebuilds one at a time.
	rebuild   rebuildState
	rebuildMu sync.Mutex
}

// guardedClient is the PDS client when none is given: a PDS's address
// comes from someone's DID document.
func guardedClient(timeout time.Duration) *http.Client {
	return netguard.New(netguard.Options{Timeout: timeout, MaxBody: netguard.PDSResponseMax})
}

// New builds the service and loads the pins.
func New(cfg Config, deps Deps) (*Service, error) {
	cfg.setDefaults()
	if deps.Store == nil {
		return nil, errors.New("curation: no store")
	}
	if deps.Directory == nil {
		return nil, errors.New("curation: no identity directory")
	}
	if deps.Decider == nil {
		return nil, errors.New("curation: no decider")
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	hc := deps.HTTPClient
	if hc == nil {
		hc = guardedClient(cfg.FetchTimeout)
	}
	s := &Service{
		cfg:      cfg,
		store:    deps.Store,
		dir:      deps.Directory,
		pds:      &pdsClient{http: hc, dir: deps.Directory},
		decider:  deps.Decider,
		ingest:   deps.Ingester,
		rejudge:  deps.Rejudger,
		checkDNS: deps.CheckDNS,
		log:      deps.Logger.With("component", "curation"),
		byID:     map[string]*Feed{},
		owners:   map[syntax.DID][]*Feed{},
		pending:  make(chan backfillJob, 1024),
		repo:     deps.Repo,
		metrics:  newMetrics(deps.Registerer),
	}
	s.publisher = deps.Publisher
	if s.publisher == nil {
		s.publisher = deps.Repo
	}
	if len(cfg.Feeds) == 0 {
		return nil, errors.New("curation: no feeds")
	}
	for i := range cfg.Feeds {
		f := &cfg.Feeds[i]
		if f.ID == "" || deps.Decider.Rules(f.ID) == nil {
			return nil, fmt.Errorf("curation: feed %d (%q): not one the decider decides for", i+1, f.ID)
		}
		if s.byID[f.ID] != nil {
			return nil, fmt.Errorf("curation: feed %q twice", f.ID)
		}
		for _, l := range f.lists() {
			owner, err := listOwner(l)
			if err != nil {
				return nil, fmt.Errorf("curation: feed %s: %w", f.ID, err)
			}
			if !slices.Contains(s.owners[owner], f) {
				s.owners[owner] = append(s.owners[owner], f)
			}
		}
		s.feeds = append(s.feeds, f)
		s.byID[f.ID] = f
	}
	if err := s.loadPins(); err != nil {
		return nil, err
	}
	if err := s.loadRules(); err != nil {
		return nil, err
	}
	s.people = newPeople(s)
	if s.NeedsRebuild() {
		// Health says so from the start: the feed is not complete until
		// Run has rebuilt it.
		s.setRebuild(func(r *RebuildStatus) { r.State = "pending" })
	}
	return s, nil
}

// lists are the Bluesky lists the feed follows: its experts' and its
// moderation lists.
func (f *Feed) lists() []syntax.ATURI {
	if f.List == "" {
		return f.ModLists
	}
	return append([]syntax.ATURI{f.List}, f.ModLists...)
}

func listOwner(list syntax.ATURI) (syntax.DID, error) {
	if list.Collection().String() != collectionList || list.RecordKey() == "" {
		return "", fmt.Errorf("%q is not an app.bsky.graph.list URI", list)
	}
	did, err := list.Authority().AsDID()
	if err != nil {
		return "", fmt.Errorf("list %q must name its owner by DID", list)
	}
	return did, nil
}

// Collections curation reads.
const (
	collectionPost     = "app.bsky.feed.post"
	collectionList     = "app.bsky.graph.list"
	collectionListItem = "app.bsky.graph.listitem"
)

// Feeds returns the curated feeds, in configuration order.
func (s *Service) Feeds() []FeedInfo {
	out := make([]FeedInfo, len(s.feeds))
	for i, f := range s.feeds {
		st := s.decider.Rules(f.ID).Settings
		out[i] = FeedInfo{ID: f.ID, URI: f.URI, List: f.List, ModLists: f.ModLists, In: st.In, Review: st.Review, Expert: st.Expert, MaxPins: s.cfg.MaxPins}
	}
	return out
}

// FeedInfo describes a feed to curators.
type FeedInfo struct {
	ID   string       `json:"id"`
	URI  syntax.ATURI `json:"uri"`
	List syntax.ATURI `json:"list,omitempty"`
	// ModLists are the moderation lists that keep their members out.
	ModLists []syntax.ATURI `json:"modLists,omitempty"`
	// In, Review and Expert are the scores the feed's rules ask of an
	// unlisted author's post, of a post to be reviewed, and of an
	// expert's.
	In      float64 `json:"in"`
	Review  float64 `json:"review"`
	Expert  float64 `json:"expert"`
	MaxPins int     `json:"maxPins"`
}

// feed finds a feed by ID; "" means the only feed, when there is one.
func (s *Service) feed(id string) (*Feed, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		if len(s.feeds) == 1 {
			return s.feeds[0], nil
		}
		ids := make([]string, len(s.feeds))
		for i, f := range s.feeds {
			ids[i] = f.ID
		}
		return nil, invalid("FeedRequired", "say which feed: one of "+strings.Join(ids, ", "))
	}
	if f := s.byID[id]; f != nil {
		return f, nil
	}
	// A feed's AT-URI names it too.
	for _, f := range s.feeds {
		if string(f.URI) == id {
			return f, nil
		}
	}
	return nil, invalid("UnknownFeed", fmt.Sprintf("no feed %q here", id))
}

func (s *Service) nowUS() int64 { return s.cfg.Now().UnixMicro() }

// change is one audit entry as the operations describe it: Before and
// After are marshalled as they are (nil, or a typed nil pointer, is left
// out).
type change struct {
	Actor  string
	Action string
	Feed   string
	// Target is what changed: an author's DID, a post's AT-URI, a list.
	Target string
	Before any
	After  any
	Note   string
}

// audit appends an entry recording a change, inside the change's
// transaction.
func (s *Service) audit(tx *store.Tx, c change) error {
	e := &model.AuditEntry{AtUS: s.nowUS(), Actor: c.Actor, Action: c.Action, Feed: c.Feed, Target: c.Target, Note: c.Note}
	var err error
	if e.Before, err = rawJSON(c.Before); err != nil {
		return err
	}
	if e.After, err = rawJSON(c.After); err != nil {
		return err
	}
	return tx.AppendAudit(e)
}

func rawJSON(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	// A typed nil pointer means "nothing" as well.
	if b, err := json.Marshal(v); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	} else if string(b) != "null" {
		return b, nil
	}
	return nil, nil
}

// checkActor refuses a change nobody can be named for.
func checkActor(actor string) error {
	if strings.TrimSpace(actor) == "" {
		return invalid("ActorRequired", "every change needs an actor for the audit log")
	}
	return nil
}

// Pins returns the pinned post URIs of feed, newest pin first. It reads
// memory only: the feed server calls it on every first page. The slice
// must not be modified.
func (s *Service) Pins(feed string) []string {
	if m := s.pins.Load(); m != nil {
		return (*m)[feed]
	}
	return nil
}

// loadPins reads every feed's pins from the store into memory. Callers
// run it after a change commits, so a reader never sees a pin that was
// rolled back.
func (s *Service) loadPins() error {
	var all map[string][]model.Pin
	if err := s.store.View(func(tx *store.Tx) error {
		var err error
		all, err = tx.Pins()
		return err
	}); err != nil {
		return fmt.Errorf("load pins: %w", err)
	}
	m := make(map[string][]string, len(all))
	for feed, pins := range all {
		slices.SortFunc(pins, func(a, b model.Pin) int {
			if c := cmp.Compare(b.AtUS, a.AtUS); c != 0 {
				return c
			}
			return strings.Compare(string(a.URI), string(b.URI))
		})
		uris := make([]string, len(pins))
		for i, p := range pins {
			uris[i] = string(p.URI)
		}
		m[feed] = uris
	}
	s.pins.Store(&m)
	return nil
}

// errUnchanged rolls back a transaction that found nothing to change, so
// that a repeated request writes nothing at all.
var errUnchanged = errors.New("unchanged")

// update runs fn in one store transaction. fn returns errUnchanged to
// leave the database untouched without failing.
func (s *Service) update(ctx context.Context, fn func(*store.Tx) error) error {
	err := s.store.Update(ctx, fn)
	if errors.Is(err, errUnchanged) {
		return nil
	}
	return err
}
