package main

import (
	"log/slog"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

// indexerConfig maps the service configuration onto the indexer's.
func indexerConfig(cfg *config.Config, spec indexer.SourceSpec) indexer.Config {
	ic := indexer.Config{
		Source:       spec,
		Retention:    cfg.Retention,
		LagThreshold: cfg.MaxLag,
		UserAgent:    "feedgen/" + version,
	}
	for _, f := range cfg.Feeds {
		ic.Feeds = append(ic.Feeds, indexer.FeedConfig{ID: f.RKey, Reposts: f.Reposts})
	}
	return ic
}

// newIndexer builds the indexer with the relevance decision and the
// curated authors of the configured feeds.
func newIndexer(ic indexer.Config, cfg *config.Config, st *store.Store, reg prometheus.Registerer, logger *slog.Logger) (*indexer.Indexer, error) {
	return indexer.New(ic, indexer.Deps{
		Store:      st,
		Registerer: reg,
		Logger:     logger,
		Decider:    newDecider(cfg.Feeds),
		Authors:    newConfigTiers(cfg.Feeds),
	})
}

// configTiers are the curated authors listed in the feed definitions.
type configTiers map[string]map[syntax.DID]indexer.Tier

func newConfigTiers(feeds []config.Feed) configTiers {
	t := configTiers{}
	for _, f := range feeds {
		m := map[syntax.DID]indexer.Tier{}
		for _, d := range f.Authors.Expert {
			m[syntax.DID(d)] = indexer.TierExpert
		}
		for _, d := range f.Authors.All {
			m[syntax.DID(d)] = indexer.TierAll
		}
		t[f.RKey] = m
	}
	return t
}

func (t configTiers) AuthorTier(_ *store.Tx, feed string, did syntax.DID) (indexer.Tier, error) {
	return t[feed][did], nil
}

// keywordDecider is an interim decision until the relevance package is
// merged and wired here in its place: a post belongs in every feed whose
// text names one of the South Caucasus countries or capitals, in the
// region's languages, English and Russian. Its reasons say so.
type keywordDecider struct {
	feeds []string
}

func newDecider(feeds []config.Feed) indexer.Decider {
	d := keywordDecider{}
	for _, f := range feeds {
		d.feeds = append(d.feeds, f.RKey)
	}
	return d
}

var interimKeywords = []string{
	"armenia", "azerbaijan", "georgia", "yerevan", "baku", "tbilisi", "nagorno", "karabakh",
	"հայաստան", "ադրբեջան", "azərbaycan", "ermənistan", "საქართველო", "армения", "азербайджан",
}

func (d keywordDecider) Decide(_ *store.Tx, ev *indexer.Event) ([]store.Membership, error) {
	text := strings.ToLower(ev.Commit.Post.Text)
	for _, kw := range interimKeywords {
		if strings.Contains(text, kw) {
			out := make([]store.Membership, 0, len(d.feeds))
			for _, f := range d.feeds {
				out = append(out, store.Membership{Feed: f, Score: 1, Reasons: []string{"keyword:" + kw}})
			}
			return out, nil
		}
	}
	return nil, nil
}
