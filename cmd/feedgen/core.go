package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/bluesky-social/indigo/atproto/atclient"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// core is what decides and writes feed membership over one store: the
// decider, curation, and the indexer, whose one writer applies the
// stream's events and curation's backfills alike. serve, replay and the
// curators' commands on the database file all build it here.
type core struct {
	decider  *membership.Decider
	curation *curation.Service
	indexer  *indexer.Indexer
}

// coreOptions say how a command uses the core.
type coreOptions struct {
	// source is what the indexer follows (SourceNone: only backfills).
	source indexer.SourceSpec
	// backfill lets curation fetch an added author's recent posts (when
	// --backfill-window allows) and judge a feed again after a change of
	// its rules; both go through the indexer's inbox, so the indexer must
	// be running.
	backfill bool
	// batchSize overrides the indexer's transaction size (0: default).
	batchSize int
	// registerer receives the indexer's metrics (nil: kept private).
	registerer prometheus.Registerer
	// labelers follows the configured labelers (serve only: the other
	// commands apply what is stored).
	labelers bool
}

// newCore builds the decider from the feed definitions, curation, and the
// indexer, in that order: each is handed what it uses, nothing is wired in
// afterwards. With backfill the inbox is made first, so that curation
// (which sends backfills) and the indexer (which writes them) can both be
// given it; without, the indexer stops at the end of a file source.
func newCore(cfg *config.Config, st *store.Store, logger *slog.Logger, o coreOptions) (*core, error) {
	var decFeeds []membership.Feed
	var curFeeds []curation.Feed
	for _, f := range cfg.Feeds {
		if f.MembershipOf != "" {
			// It serves another feed's posts: nothing to decide or curate.
			continue
		}
		rules, text, err := loadRulesText(f.Rules)
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", f.RKey, err)
		}
		decFeeds = append(decFeeds, membership.Feed{ID: f.RKey, Classifier: relevance.New(rules), Reposts: f.Reposts,
			Moderation: membership.Policy{Exclude: f.ExcludeLabels, Labelers: f.Trusted}})
		seed := map[syntax.DID]model.Tier{}
		for tier, dids := range map[model.Tier][]string{model.TierAll: f.Authors.All, model.TierExpert: f.Authors.Expert, model.TierBlocked: f.Authors.Blocked} {
			for _, d := range dids {
				seed[syntax.DID(d)] = tier
			}
		}
		cf := curation.Feed{ID: f.RKey, URI: f.URI, List: syntax.ATURI(f.List), Seed: seed, Rules: f.Rules, RulesText: text}
		for _, l := range f.ModLists {
			cf.ModLists = append(cf.ModLists, syntax.ATURI(l))
		}
		curFeeds = append(curFeeds, cf)
	}
	dec, err := membership.New(membership.Config{Feeds: decFeeds})
	if err != nil {
		return nil, err
	}
	dir := newDirectory(cfg)
	deps := curation.Deps{Store: st, Directory: dir, Decider: dec, Logger: logger,
		HTTPClient: pdsClient(cfg, 20*time.Second), CheckDNS: checkDNS(cfg)}
	// The publisher's repository: where the repo curation store keeps
	// curation, and where an export of the local store writes it.
	if cfg.PublisherPassword != "" {
		deps.Publisher = curation.NewRepoClient(cfg.PublisherDID, func(ctx context.Context) (*atclient.APIClient, error) { return login(ctx, cfg) })
		if cfg.CurationStore == config.CurationRepo {
			deps.Repo = deps.Publisher
		}
	}
	deps.Registerer = o.registerer
	var inbox *indexer.Inbox
	if o.backfill {
		// The writer takes curation's re-judges after a change of rules,
		// and its backfills when there is a window to fetch.
		inbox = indexer.NewInbox()
		deps.Rejudger = inbox
		if cfg.BackfillWindow > 0 {
			deps.Ingester = inbox
		}
	}
	cur, err := curation.New(curation.Config{Feeds: curFeeds, MaxPins: cfg.MaxPins, BackfillWindow: cfg.BackfillWindow}, deps)
	if err != nil {
		return nil, err
	}
	ixCfg := indexer.Config{
		Source:       o.source,
		Retention:    cfg.Retention,
		LagThreshold: cfg.MaxLag,
		BatchSize:    o.batchSize,
		UserAgent:    "feedgen/" + version,
	}
	ixDeps := indexer.Deps{Store: st, Registerer: o.registerer, Logger: logger, Decider: dec, Records: cur, Inbox: inbox}
	if o.labelers {
		ixCfg.Labelers = cfg.Labelers
		ixDeps.Directory, ixDeps.LabelerClient = dir, labelerClient(cfg)
	}
	ix, err := indexer.New(ixCfg, ixDeps)
	if err != nil {
		return nil, err
	}
	return &core{decider: dec, curation: cur, indexer: ix}, nil
}

// checkDNS looks up the PLC directory's host, a name that must resolve
// wherever feedgen can work at all.
func checkDNS(cfg *config.Config) func(context.Context) error {
	u, err := url.Parse(cfg.PLCURL)
	if err != nil {
		return nil
	}
	host := u.Hostname()
	return func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		return netguard.CheckDNS(ctx, host)
	}
}

// withWriter runs fn while the indexer runs, for commands that use the
// database file directly: a backfill they start needs the writer.
func (c *core) withWriter(ctx context.Context, fn func() error) error {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- c.indexer.Run(ctx) }()
	err := fn()
	cancel()
	if ierr := <-done; ierr != nil && err == nil {
		err = ierr
	}
	return err
}
