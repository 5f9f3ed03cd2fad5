package auth

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are created per Validator and registered on the Registerer it is given, so tests can
// use a fresh registry each and read the values back.
type metrics struct {
	// tokens counts every Verify call: result is verified, anonymous or rejected; reason is the
	// Reason for rejected ones and empty otherwise. lxm is the method we expected (our own
	// constant, never token content), so the label set stays small.
	tokens *prometheus.CounterVec
	// fetches counts DID document fetches that got past the cache: ok, error or rate_limited.
	fetches *prometheus.CounterVec
	// refreshes counts indigo's purge-and-retry after a bad signature: allowed or limited.
	refreshes *prometheus.CounterVec
	// refusals counts fetches the budget refused, by the pool that was spent.
	refusals *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		tokens: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_auth_tokens_total",
			Help: "Service auth outcomes by expected lexicon method, result (verified, anonymous, rejected) and rejection reason.",
		}, []string{"lxm", "result", "reason"}),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_auth_identity_fetches_total",
			Help: "DID document fetches for service auth that missed the cache, by result (ok, error, rate_limited).",
		}, []string{"result"}),
		refreshes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_auth_key_refreshes_total",
			Help: "Re-fetches of an issuer's DID document after a bad signature, by result (allowed, limited).",
		}, []string{"result"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_auth_budget_refusals_total",
			Help: "Identity fetches refused by the budget, by the pool that was spent (source, unproven, global).",
		}, []string{"pool"}),
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.tokens, m.fetches, m.refreshes, m.refusals} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register auth metrics: %w", err)
		}
	}
	return m, nil
}
