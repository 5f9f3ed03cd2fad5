package main

import (
	"context"
	"errors"
	"fmt"
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
	if cfg.Source.Kind == indexer.SourceFile {
		// Found out now, not once the database is open and the server
		// listening.
		if _, err := os.Stat(cfg.Source.Path); err != nil {
			return fmt.Errorf("--%s (%s): %w", config.FlagSource, config.EnvName(config.FlagSource), err)
		}
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
			AcceptsInteractions: f.AcceptsInteractions, Languages: feedgen.LanguageMode(f.Languages)})
	}
	return sc
}
