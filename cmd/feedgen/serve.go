package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:   "serve",
		Usage:  "run the feed server and the indexer",
		Action: runServe,
	}
}

// runServe is `feedgen serve`: open, run until SIGINT or SIGTERM, close.
func runServe(ctx context.Context, cmd *cli.Command) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	logger := newLogger(os.Stderr, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := openService(ctx, cfg, logger, shutdownBudget)
	if err != nil {
		return err
	}
	err = errors.Join(a.Run(ctx), a.Close())
	if err != nil {
		return err
	}
	logger.Info("stopped")
	return nil
}

// indexerHealth shows the indexer's state on /xrpc/_health.
type indexerHealth struct{ ix *indexer.Indexer }

func (h indexerHealth) Health() (bool, any) {
	s := h.ix.Status()
	return s.Healthy, s
}

func serverConfig(cfg *config.Config, b budget) feedgen.Config {
	sc := feedgen.Config{
		ServiceDID:        cfg.ServiceDID,
		ServiceEndpoint:   cfg.ServiceEndpoint,
		Hostname:          cfg.Hostname,
		PrivacyPolicyURL:  cfg.PrivacyPolicyURL,
		TermsOfServiceURL: cfg.TermsOfServiceURL,
		Version:           version,
		ShutdownTimeout:   b.drain(),
	}
	for _, t := range cfg.AdminTokens {
		sc.AdminTokens = append(sc.AdminTokens, feedgen.AdminToken{Name: t.Name, Token: t.Token})
	}
	for _, f := range cfg.Feeds {
		sc.Feeds = append(sc.Feeds, feedgen.Feed{ID: f.RKey, URI: f.URI,
			AcceptsInteractions: f.AcceptsInteractions, Languages: feedgen.LanguageMode(f.Languages),
			Store: f.MembershipOf, Top: f.Top()})
	}
	return sc
}

// rankedFeeds are the feeds served by engagement, for the ranker.
func rankedFeeds(cfg *config.Config) []ranking.Feed {
	var out []ranking.Feed
	for _, f := range cfg.Feeds {
		if f.Top() {
			out = append(out, ranking.Feed{ID: f.RKey, Store: f.Membership(), Params: f.RankParams()})
		}
	}
	return out
}

// figureFeeds are every served feed with its membership, for the figures.
func figureFeeds(cfg *config.Config) (served []string, all []stats.Feed) {
	for _, f := range cfg.Feeds {
		served = append(served, f.RKey)
		all = append(all, stats.Feed{ID: f.RKey, Membership: f.Membership()})
	}
	return served, all
}

// engagementSource is where rankings and figures read engagement counts:
// none yet (the indexer does not count likes, reposts, replies and quotes
// yet), so top feeds rank by recency within their window.
func engagementSource(*store.Store) ranking.EngagementSource { return nil }
