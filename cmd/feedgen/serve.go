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

// labelersHealth shows each labeler's connection and lag on
// /xrpc/_health: unhealthy once one has been unreachable for longer than
// --max-lag, since the feeds then let through what it labels.
type labelersHealth struct{ ix *indexer.Indexer }

func (h labelersHealth) Health() (bool, any) {
	ls := h.ix.Labelers()
	ok := true
	for _, l := range ls {
		ok = ok && l.Healthy
	}
	return ok, ls
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
			AcceptsInteractions: f.AcceptsInteractions, Languages: feedgen.LanguageMode(f.Languages)})
	}
	return sc
}
