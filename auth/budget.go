package auth

import (
	"context"
	"math"
	"net/netip"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"
)

// The identity budget decides whether a cache miss may go to the network. Anyone can send a
// token naming any issuer, and a random issuer is always a miss, so the budget is shared by
// source address rather than first come, first served.
//
// Each source address (IPv6 grouped by /48, one site) has a record of what its fetches led
// to, decaying with Config.SourceHalfLife: "good" for a fetch after which the token verified
// (a real viewer we did not know yet), "bad" for one after which it did not (an unknown
// issuer, a wrong signature). That record puts it in one of three classes:
//
//   - proven: some good, and at most four bad for each good. The AppView, whose requests
//     carry the real viewers, is proven after its first new viewer. Proven sources draw on
//     the global bucket (Config.FetchRate) alone, and the part of it the others may not
//     touch is theirs;
//   - newcomer: no recent bad. Draws on a bucket of its own (Config.SourceRate) and on the
//     newcomers' pool, Config.NewcomerShare of the global rate;
//   - suspect: recent bad and not proven. Its own bucket and the suspects' pool,
//     Config.SuspectShare of the global rate.
//
// So forged tokens from one address cost that address its own small budget; forged tokens
// from a thousand addresses make those addresses suspects after their first fetch, and
// together they can spend only the suspects' pool. Real viewers coming through a proven source
// keep being verified, and a source coming back after a restart competes only with the first
// fetch of each fresh attacking address. Replaying one valid token proves nothing (after the
// first time it is verified from the cache, without a fetch), and an attacker who proves an
// address with a real account loses the proof after a few forged issuers. Unknown issuers are
// also remembered by the identity cache for Config.ErrTTL, so repeating a token costs nothing.

// Pools named in feedgen_auth_budget_refusals_total.
const (
	poolSource   = "source"
	poolNewcomer = "newcomer"
	poolSuspect  = "suspect"
	poolGlobal   = "global"
)

// badPerGood is how many fruitless fetches a proven source may cause per fruitful one.
const badPerGood = 4

type budget struct {
	now         func() time.Time
	global      *rate.Limiter
	newcomers   *rate.Limiter
	suspects    *rate.Limiter
	sourceRate  rate.Limit
	sourceBurst int
	halfLife    time.Duration
	metrics     *metrics

	mu      sync.Mutex
	sources *simplelru.LRU[string, *sourceState]
}

// sourceState is what the budget knows of one source address.
type sourceState struct {
	bucket    *rate.Limiter
	good, bad float64   // decayed counts of fetches that did or did not lead to a viewer
	at        time.Time // when good and bad were last decayed
}

func newBudget(cfg Config, m *metrics) (*budget, error) {
	sources, err := simplelru.NewLRU[string, *sourceState](cfg.Sources, nil)
	if err != nil {
		return nil, err
	}
	share := func(f float64) *rate.Limiter {
		return rate.NewLimiter(rate.Limit(cfg.FetchRate*f), max(1, int(float64(cfg.FetchBurst)*f)))
	}
	return &budget{
		now:         cfg.Now,
		global:      rate.NewLimiter(rate.Limit(cfg.FetchRate), cfg.FetchBurst),
		newcomers:   share(cfg.NewcomerShare),
		suspects:    share(cfg.SuspectShare),
		sourceRate:  rate.Limit(cfg.SourceRate),
		sourceBurst: cfg.SourceBurst,
		halfLife:    cfg.SourceHalfLife,
		metrics:     m,
		sources:     sources,
	}, nil
}

// state returns src's record, decayed to now. Call with mu held.
func (b *budget) state(src string, now time.Time) *sourceState {
	s, ok := b.sources.Get(src)
	if !ok {
		s = &sourceState{bucket: rate.NewLimiter(b.sourceRate, b.sourceBurst), at: now}
		b.sources.Add(src, s)
		return s
	}
	if dt := now.Sub(s.at); dt > 0 {
		f := math.Exp2(-float64(dt) / float64(b.halfLife))
		s.good, s.bad, s.at = s.good*f, s.bad*f, now
	}
	return s
}

func (s *sourceState) proven() bool { return s.good >= 0.5 && s.bad <= badPerGood*s.good }

func (s *sourceState) suspect() bool { return s.bad >= 0.5 }

// allow spends one fetch for src, or says which pool refused it. Nothing is spent from any
// pool when one of them refuses.
func (b *budget) allow(src string) (ok bool, refusedBy string) {
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.state(src, now)
	type pool struct {
		name string
		l    *rate.Limiter
	}
	pools := []pool{{poolGlobal, b.global}}
	switch {
	case s.proven():
	case s.suspect():
		pools = append(pools, pool{poolSource, s.bucket}, pool{poolSuspect, b.suspects})
	default:
		pools = append(pools, pool{poolSource, s.bucket}, pool{poolNewcomer, b.newcomers})
	}
	taken := make([]*rate.Reservation, 0, len(pools))
	for _, p := range pools {
		r := p.l.ReserveN(now, 1)
		if !r.OK() || r.DelayFrom(now) > 0 {
			r.CancelAt(now)
			for _, t := range taken {
				t.CancelAt(now)
			}
			b.metrics.refusals.WithLabelValues(p.name).Inc()
			return false, p.name
		}
		taken = append(taken, r)
	}
	return true, ""
}

// outcome records what a fetch charged to src led to: a verified token or not.
func (b *budget) outcome(src string, verified bool) {
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.state(src, now)
	if verified {
		s.good++
	} else {
		s.bad++
	}
}

type sourceKey struct{}

// WithSource returns a context that says which address a token came from, so its identity
// fetches are charged to that address (Middleware does this from the request). IPv6
// addresses are grouped by /48, what one site is usually given.
func WithSource(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, sourceKey{}, normalizeSource(addr))
}

// sourceFrom is the source address WithSource put in ctx, "" if none.
func sourceFrom(ctx context.Context) string {
	s, _ := ctx.Value(sourceKey{}).(string)
	return s
}

func normalizeSource(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		ap, err := netip.ParseAddrPort(addr)
		if err != nil {
			// Not an address: whatever it is, it is one source.
			if len(addr) > 64 {
				addr = addr[:64]
			}
			return addr
		}
		ip = ap.Addr()
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		p, _ := ip.Prefix(48)
		return p.String()
	}
	return ip.String()
}

// fetchNote tells Verify whether its own lookup went to the network: only then does the
// outcome say something about the source.
type fetchNote struct{ fetched bool }

type fetchNoteKey struct{}

func withFetchNote(ctx context.Context) (context.Context, *fetchNote) {
	n := &fetchNote{}
	return context.WithValue(ctx, fetchNoteKey{}, n), n
}

func noteFetch(ctx context.Context) {
	if n, ok := ctx.Value(fetchNoteKey{}).(*fetchNote); ok {
		n.fetched = true
	}
}
