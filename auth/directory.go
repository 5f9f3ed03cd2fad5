package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/sync/singleflight"

	"github.com/scpeace/feedgen/internal/netguard"
)

// fetchTimeout bounds one DID document fetch. The fetch is detached from the request that
// caused it (see fetchGate.fetch), so something else has to stop it.
const fetchTimeout = 10 * time.Second

// limitedDirectory is the identity.Directory handed to indigo's ServiceAuthValidator. Tokens are
// attacker-controlled input, so every way a token can make us go to the network is bounded:
//
//   - lookups are cached (identity.CacheDirectory), including "not found" for ErrTTL;
//   - every real fetch, whatever caused it, is charged to the budget of the address the token
//     came from (budget.go: a bucket per source, a share for unproven sources, a global cap);
//   - the Purge indigo calls after a bad signature, to pick up a rotated key, is honoured at most
//     once per RefreshInterval per issuer. Refused purges are no-ops, so the retry sees the same
//     cached key and the forged token fails as bad_signature without touching the network.
//
// The per-issuer memory is an LRU of bounded size; an attacker cycling through more issuers than
// it holds only gets more refreshes, and those still spend from its source's budget.
type limitedDirectory struct {
	cache   *identity.CacheDirectory
	gate    *fetchGate
	now     func() time.Time
	every   time.Duration
	metrics *metrics

	// flights makes concurrent lookups of one DID wait for a single
	// answer. CacheDirectory coalesces too, but a caller that saw a miss
	// just before another's fetch finished starts a fetch of its own; a
	// flight started here re-reads the cache first, so it finds that answer.
	flights singleflight.Group

	mu        sync.Mutex
	refreshed *simplelru.LRU[syntax.DID, time.Time] // issuer -> last honoured Purge
}

var _ identity.Directory = (*limitedDirectory)(nil)

func newLimitedDirectory(cfg Config, m *metrics) (*limitedDirectory, error) {
	b, err := newBudget(cfg, m)
	if err != nil {
		return nil, fmt.Errorf("identity budget: %w", err)
	}
	gate := &fetchGate{inner: cfg.Resolver, budget: b, metrics: m}
	lru, err := simplelru.NewLRU[syntax.DID, time.Time](cfg.RefreshIssuers, nil)
	if err != nil {
		return nil, fmt.Errorf("refresh limiter: %w", err)
	}
	// The last TTL is how long an identity whose handle did not verify stays fresh. Service
	// auth needs only the key, and NewResolver skips handle checks so every identity has an
	// invalid handle: it must live as long as any other, or every viewer is re-fetched each ErrTTL.
	return &limitedDirectory{
		cache:     identity.NewCacheDirectory(gate, cfg.CacheSize, cfg.CacheTTL, cfg.ErrTTL, cfg.CacheTTL),
		gate:      gate,
		now:       cfg.Now,
		every:     cfg.RefreshInterval,
		metrics:   m,
		refreshed: lru,
	}, nil
}

// LookupDID answers from the cache, fetching through the gate on a miss.
func (d *limitedDirectory) LookupDID(ctx context.Context, did syntax.DID) (*identity.Identity, error) {
	// The flight outlives the request that started it, as fetchGate's
	// fetch does, so one client hanging up cannot fail the others.
	v, err, _ := d.flights.Do(did.String(), func() (any, error) {
		return d.cache.LookupDID(context.WithoutCancel(ctx), did)
	})
	ident, _ := v.(*identity.Identity)
	if errors.Is(err, ErrRateLimited) {
		// CacheDirectory caches errors for ErrTTL. Our own refusal says nothing about the DID,
		// so it must not lock a real viewer out once the budget refills.
		_ = d.cache.Purge(ctx, did.AtIdentifier())
	}
	return ident, err
}

// LookupHandle is never used for service auth; it is here to satisfy identity.Directory and goes
// through the same cache and budget.
func (d *limitedDirectory) LookupHandle(ctx context.Context, h syntax.Handle) (*identity.Identity, error) {
	return d.cache.LookupHandle(ctx, h)
}

// Lookup dispatches on the identifier kind, like every identity.Directory.
func (d *limitedDirectory) Lookup(ctx context.Context, a syntax.AtIdentifier) (*identity.Identity, error) {
	if did, err := a.AsDID(); err == nil {
		return d.LookupDID(ctx, did)
	}
	if h, err := a.AsHandle(); err == nil {
		return d.LookupHandle(ctx, h)
	}
	return nil, fmt.Errorf("at-identifier neither a handle nor a DID: %q", a)
}

// Purge is what indigo calls after a signature failed to verify, before it looks the issuer up
// once more. It drops the cached identity only if this issuer has not been refreshed within the
// refresh interval; otherwise it does nothing and says nothing (indigo would log a returned
// error for every forged token).
func (d *limitedDirectory) Purge(ctx context.Context, a syntax.AtIdentifier) error {
	did, err := a.AsDID()
	if err != nil {
		// Service auth never looks handles up, so there is no refresh to bound.
		return d.cache.Purge(ctx, a)
	}
	if !d.allowRefresh(did) {
		d.metrics.refreshes.WithLabelValues("limited").Inc()
		return nil
	}
	d.metrics.refreshes.WithLabelValues("allowed").Inc()
	if err := d.cache.Purge(ctx, a); err != nil {
		return err
	}
	// The resolver may cache too (identity.DefaultDirectory does); without this the refresh
	// would be answered from its stale copy.
	return d.gate.inner.Purge(ctx, a)
}

func (d *limitedDirectory) allowRefresh(did syntax.DID) bool {
	now := d.now()
	d.mu.Lock()
	defer d.mu.Unlock()
	if last, ok := d.refreshed.Get(did); ok && now.Sub(last) < d.every {
		return false
	}
	d.refreshed.Add(did, now)
	return true
}

// fetchGate sits below the cache, so it sees only real fetches, and charges each to the
// budget of the source address that caused it (budget.go).
type fetchGate struct {
	inner   identity.Directory
	budget  *budget
	metrics *metrics
}

func (g *fetchGate) LookupDID(ctx context.Context, did syntax.DID) (*identity.Identity, error) {
	return g.fetch(ctx, did.String(), func(ctx context.Context) (*identity.Identity, error) {
		return g.inner.LookupDID(ctx, did)
	})
}

func (g *fetchGate) LookupHandle(ctx context.Context, h syntax.Handle) (*identity.Identity, error) {
	return g.fetch(ctx, h.String(), func(ctx context.Context) (*identity.Identity, error) {
		return g.inner.LookupHandle(ctx, h)
	})
}

func (g *fetchGate) fetch(ctx context.Context, id string, lookup func(context.Context) (*identity.Identity, error)) (*identity.Identity, error) {
	if ok, pool := g.budget.allow(sourceFrom(ctx)); !ok {
		g.metrics.fetches.WithLabelValues("rate_limited").Inc()
		return nil, fmt.Errorf("resolve %s: %s budget spent: %w", id, pool, ErrRateLimited)
	}
	noteFetch(ctx)
	// CacheDirectory caches whatever this returns, errors included, and shares it with every
	// request waiting on the same DID. A client hanging up must not poison that entry with
	// "context canceled", so the fetch outlives the request that started it.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), fetchTimeout)
	defer cancel()
	ident, err := lookup(ctx)
	if err != nil {
		g.metrics.fetches.WithLabelValues("error").Inc()
		return nil, err
	}
	g.metrics.fetches.WithLabelValues("ok").Inc()
	return ident, nil
}

func (g *fetchGate) Lookup(ctx context.Context, a syntax.AtIdentifier) (*identity.Identity, error) {
	if did, err := a.AsDID(); err == nil {
		return g.LookupDID(ctx, did)
	}
	if h, err := a.AsHandle(); err == nil {
		return g.LookupHandle(ctx, h)
	}
	return nil, fmt.Errorf("at-identifier neither a handle nor a DID: %q", a)
}

func (g *fetchGate) Purge(ctx context.Context, a syntax.AtIdentifier) error {
	return g.inner.Purge(ctx, a)
}

// NewResolver returns an uncached network resolver suited to Config.Resolver: it resolves
// did:plc against plcURL (e.g. "https://plc.directory") and did:web over HTTPS, and skips the
// handle check, which costs DNS and HTTP round trips and means nothing for verifying a key.
//
// Every token names the host we fetch its issuer's document from, so the client must be one of
// internal/netguard's: nil means a guarded client with a 64 KB document cap, a fetchTimeout
// deadline and the PLC directory trusted.
func NewResolver(plcURL, userAgent string, client *http.Client) *identity.BaseDirectory {
	if client == nil {
		client = netguard.New(netguard.Options{
			Timeout: fetchTimeout,
			MaxBody: netguard.DIDDocumentMax,
			Trusted: []string{netguard.HostPort(plcURL)},
		})
	}
	return &identity.BaseDirectory{
		PLCURL:                 plcURL,
		HTTPClient:             *client,
		SkipHandleVerification: true,
		UserAgent:              userAgent,
	}
}
