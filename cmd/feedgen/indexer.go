package main

import (
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/curation"
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

// newIndexer builds the indexer around the curation service: it decides
// posts (relevance rules with the curated tiers, blocks, verdicts and the
// review queue), tells reposters' tiers and follows the feeds' Bluesky
// lists.
func newIndexer(ic indexer.Config, st *store.Store, reg prometheus.Registerer, logger *slog.Logger, cur *curation.Service) (*indexer.Indexer, error) {
	return indexer.New(ic, indexer.Deps{
		Store:      st,
		Registerer: reg,
		Logger:     logger,
		Decider:    cur,
		Authors:    cur,
		Records:    cur,
	})
}
