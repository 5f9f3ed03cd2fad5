package main

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/relevance"
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
	decider, err := newDecider(cfg.Feeds)
	if err != nil {
		return nil, err
	}
	return indexer.New(ic, indexer.Deps{
		Store:      st,
		Registerer: reg,
		Logger:     logger,
		Decider:    decider,
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

// relevanceDecider judges each post with every feed's relevance rules,
// inside the indexer's write transaction: thread roots and the per-author
// cap are read from the store as the batch has left it.
type relevanceDecider struct {
	feeds []feedRules
}

type feedRules struct {
	id    string
	c     *relevance.Classifier
	tiers map[syntax.DID]relevance.Tier
}

func newDecider(feeds []config.Feed) (indexer.Decider, error) {
	d := &relevanceDecider{}
	for _, f := range feeds {
		rules, err := loadRules(f.Rules)
		if err != nil {
			return nil, fmt.Errorf("feed %s: rules: %w", f.RKey, err)
		}
		fr := feedRules{id: f.RKey, c: relevance.New(rules), tiers: map[syntax.DID]relevance.Tier{}}
		for tier, dids := range map[relevance.Tier][]string{relevance.TierAll: f.Authors.All, relevance.TierExpert: f.Authors.Expert, relevance.TierBlocked: f.Authors.Blocked} {
			for _, s := range dids {
				fr.tiers[syntax.DID(s)] = tier
			}
		}
		d.feeds = append(d.feeds, fr)
	}
	return d, nil
}

func (d *relevanceDecider) Decide(tx *store.Tx, ev *indexer.Event) ([]store.Membership, error) {
	var out []store.Membership
	in := relevance.Input{URI: ev.URI(), Author: ev.DID, Time: time.UnixMicro(ev.TimeUS), Post: relevance.FromRecord(ev.Commit.Post)}
	for i := range d.feeds {
		f := &d.feeds[i]
		dec, err := f.c.Classify(storeEnv{tx: tx, f: f, self: in.URI}, in)
		if err != nil {
			return nil, err
		}
		if dec.In {
			out = append(out, store.Membership{Feed: f.id, Score: dec.Score, Reasons: dec.Reasons})
		}
	}
	return out, nil
}

// storeEnv is relevance's view of one feed in the store.
type storeEnv struct {
	tx   *store.Tx
	f    *feedRules
	self syntax.ATURI
}

func (e storeEnv) Tier(author syntax.DID) (relevance.Tier, error) { return e.f.tiers[author], nil }

func (e storeEnv) InFeed(uri syntax.ATURI) (bool, error) { return e.tx.InFeed(e.f.id, uri), nil }

// AcceptedSince counts the author's posts in the feed, less the post being
// decided when a replay or an edit finds it there already, so the cap does
// not count a post against itself.
func (e storeEnv) AcceptedSince(author syntax.DID, since time.Time) (int, error) {
	n := e.tx.AuthorPostsInFeed(e.f.id, author, since.UnixMicro())
	if n > 0 && e.tx.InFeed(e.f.id, e.self) {
		n--
	}
	return n, nil
}
