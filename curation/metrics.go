package curation

import "github.com/prometheus/client_golang/prometheus"

// Reasons a curation record from the stream or the repository is not
// applied; they label feedgen_curation_records_ignored_total.
const (
	// IgnoredNotPublisher: a record of our collections in someone else's
	// repository. Anyone can write them; only the publisher's count.
	IgnoredNotPublisher = "not_publisher"
	// IgnoredMalformed: the record does not validate against its lexicon.
	IgnoredMalformed = "malformed"
	// IgnoredKey: the record key is not the one its content derives,
	// so a later delete could not find it.
	IgnoredKey = "wrong_key"
	// IgnoredUnknownFeed: a feed this replica does not serve.
	IgnoredUnknownFeed = "unknown_feed"
	// IgnoredLocalMode: the replica keeps curation locally
	// (--curation-store local).
	IgnoredLocalMode = "local_mode"
)

type metrics struct {
	applied  *prometheus.CounterVec
	ignored  *prometheus.CounterVec
	failures prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		applied: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_curation_records_applied_total",
			Help: "Curation records of the publisher's repository applied, from the stream or a rebuild, by collection and operation (a record this replica wrote itself is applied again and counts).",
		}, []string{"collection", "op"}),
		ignored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_curation_records_ignored_total",
			Help: "Curation records not applied, by reason (not_publisher, malformed, wrong_key, unknown_feed, local_mode).",
		}, []string{"reason"}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "feedgen_curation_repo_write_failures_total",
			Help: "Curation actions refused because the publisher's PDS did not take the record (the curator got a 502).",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.applied, m.ignored, m.failures)
	}
	return m
}

func (m *metrics) ignore(reason string)        { m.ignored.WithLabelValues(reason).Inc() }
func (m *metrics) apply(collection, op string) { m.applied.WithLabelValues(collection, op).Inc() }
func (m *metrics) writeFailed()                { m.failures.Inc() }
