package relevance

import (
	"sync"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// MemoryEnv is an [Env] held in memory: for `feedgen classify`, which reads
// a file of events and remembers what went in, and for tests. It is safe for
// concurrent use. It never forgets, so it suits a bounded run, not a
// long-lived service.
type MemoryEnv struct {
	mu       sync.Mutex
	tiers    map[syntax.DID]model.Tier
	in       map[syntax.ATURI]struct{}
	accepted map[syntax.DID][]time.Time
	// followers counts the experts who follow an author.
	followers map[syntax.DID]int
}

// NewMemoryEnv returns an empty MemoryEnv: no listed authors, nothing in
// the feed.
func NewMemoryEnv() *MemoryEnv {
	return &MemoryEnv{
		tiers:     map[syntax.DID]model.Tier{},
		in:        map[syntax.ATURI]struct{}{},
		accepted:  map[syntax.DID][]time.Time{},
		followers: map[syntax.DID]int{},
	}
}

// SetExpertFollowers says how many of the feed's experts follow author.
func (m *MemoryEnv) SetExpertFollowers(author syntax.DID, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.followers[author] = n
}

// ExpertFollowers implements Env.
func (m *MemoryEnv) ExpertFollowers(author syntax.DID) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.followers[author], nil
}

// SetTier lists an author in a tier; model.TierNone unlists them.
func (m *MemoryEnv) SetTier(author syntax.DID, t model.Tier) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t == model.TierNone {
		delete(m.tiers, author)
		return
	}
	m.tiers[author] = t
}

// Accept records that a post entered the feed at time t.
func (m *MemoryEnv) Accept(uri syntax.ATURI, author syntax.DID, t time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.in[uri]; dup {
		return
	}
	m.in[uri] = struct{}{}
	m.accepted[author] = append(m.accepted[author], t)
}

// Remove takes a post out of the feed (it was deleted). It still counts
// towards its author's cap: the cap is about what readers were shown.
func (m *MemoryEnv) Remove(uri syntax.ATURI) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.in, uri)
}

// Tier implements Env.
func (m *MemoryEnv) Tier(author syntax.DID) (model.Tier, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.tiers[author], nil
}

// InFeed implements Env.
func (m *MemoryEnv) InFeed(uri syntax.ATURI) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.in[uri]
	return ok, nil
}

// AcceptedSince implements Env.
func (m *MemoryEnv) AcceptedSince(author syntax.DID, since time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, t := range m.accepted[author] {
		if !t.Before(since) {
			n++
		}
	}
	return n, nil
}
