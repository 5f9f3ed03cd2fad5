package indexer

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/store"
)

// metrics are the indexer's Prometheus series, registered on the registry
// the caller passes in (never the global one, so tests can build many).
type metrics struct {
	events       *prometheus.CounterVec
	dropped      *prometheus.CounterVec
	postsAdded   *prometheus.CounterVec
	postsRemoved *prometheus.CounterVec
	batchSize    prometheus.Histogram
	commitDur    prometheus.Histogram
	reconnects   *prometheus.CounterVec
	pruned       prometheus.Counter
	interactions *prometheus.CounterVec
	// labels counts labelers' labels by labeler and outcome: applied,
	// negated, expired, not_held, or why it was dropped.
	labels           *prometheus.CounterVec
	labelerConnected *prometheus.GaugeVec
	// kinds are the events counters by kind and operation, looked up
	// once rather than per batch.
	kinds [4][4]prometheus.Counter
}

func newMetrics(reg prometheus.Registerer, lag func() float64) (*metrics, error) {
	m := &metrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_indexer_events_total",
			Help: "Events handled, by kind and operation.",
		}, []string{"kind", "op"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_indexer_dropped_events_total",
			Help: "Events dropped as invalid, by reason.",
		}, []string{"reason"}),
		postsAdded: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_indexer_posts_added_total",
			Help: "Posts and reposts that entered a feed, by feed.",
		}, []string{"feed"}),
		postsRemoved: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_indexer_posts_removed_total",
			Help: "Records removed from the store (or, for rules, from a feed), by cause (delete, edit, account, rules).",
		}, []string{"cause"}),
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "feedgen_indexer_batch_events",
			Help:    "Events per write transaction.",
			Buckets: prometheus.ExponentialBuckets(1, 4, 8),
		}),
		commitDur: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "feedgen_indexer_commit_seconds",
			Help:    "Time to apply and commit one write transaction.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}),
		reconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "feedgen_indexer_reconnects_total",
			Help: "Connection attempts after the first, by host.",
		}, []string{"host"}),
		pruned: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "feedgen_indexer_pruned_total",
			Help: "Records and tombstones removed by retention.",
		}),
	}
	m.interactions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "feedgen_indexer_interactions_total",
		Help: "Likes, reposts, replies, quotes and follows kept, by kind and change: counted in (or uncounted from) a held post's engagement, kept as (or withdrawn from) an expert's signals.",
	}, []string{"kind", "change"})
	m.labels = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "feedgen_labeler_labels_total",
		Help: "Labels from the labelers followed, by labeler and outcome (applied, negated, expired, not_held, or the reason it was dropped).",
	}, []string{"labeler", "result"})
	m.labelerConnected = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "feedgen_labeler_connected",
		Help: "1 while the labeler's stream is connected.",
	}, []string{"labeler"})
	lagGauge := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "feedgen_indexer_lag_seconds",
		Help: "Now minus the time of the last event handled.",
	}, lag)
	for _, c := range []prometheus.Collector{m.events, m.dropped, m.postsAdded, m.postsRemoved, m.batchSize, m.commitDur, m.reconnects, m.pruned, m.interactions, m.labels, m.labelerConnected, lagGauge} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	for k := KindCommit; k <= KindIdentity; k++ {
		for o := Op(0); o <= OpDelete; o++ {
			op := o.String()
			if k != KindCommit {
				if o != 0 {
					continue
				}
				op = ""
			} else if o == 0 {
				continue
			}
			m.kinds[k][o] = m.events.WithLabelValues(k.String(), op)
		}
	}
	return m, nil
}

// publish adds what a committed batch did to the counters.
func (m *metrics) publish(t *Tally) {
	for k := range t.kinds {
		for o, n := range t.kinds[k] {
			if n > 0 && m.kinds[k][o] != nil {
				m.kinds[k][o].Add(n)
			}
		}
	}
	for r, n := range t.drops {
		m.dropped.WithLabelValues(r).Add(n)
	}
	for f, n := range t.adds {
		m.postsAdded.WithLabelValues(f).Add(n)
	}
	for c, n := range t.removes {
		m.postsRemoved.WithLabelValues(c).Add(n)
	}
	for k := range t.inter {
		for c, n := range t.inter[k] {
			if n > 0 {
				m.interactions.WithLabelValues(store.Interaction(k).String(), changeNames[c]).Add(n)
			}
		}
	}
	for k, n := range t.labels {
		m.labels.WithLabelValues(k[0], k[1]).Add(n)
	}
}
