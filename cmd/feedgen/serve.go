package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:   "serve",
		Usage:  "run the feed server and the indexer",
		Action: runServe,
	}
}

func runServe(ctx context.Context, cmd *cli.Command) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	spec, err := indexer.ParseSource(cfg.Source)
	if err != nil {
		return fmt.Errorf("--%s (%s): %w", config.FlagSource, config.EnvName(config.FlagSource), err)
	}
	logger := newLogger(os.Stderr, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := store.Open(cfg.DBPath, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	validator, err := auth.NewValidator(auth.Config{
		Audience:   cfg.ServiceDID,
		Resolver:   auth.NewResolver(cfg.PLCURL, "feedgen/"+version, didClient(cfg)),
		Strict:     cfg.AuthStrict,
		Registerer: reg,
		Logger:     logger,
	})
	if err != nil {
		return err
	}
	cur, err := newCuration(cfg, st, logger, true)
	if err != nil {
		return err
	}
	var ix *indexer.Indexer
	health := map[string]feedgen.Health{}
	if spec.Kind != indexer.SourceNone {
		if ix, err = newIndexer(indexerConfig(cfg, spec), st, reg, logger, cur); err != nil {
			return err
		}
		health["indexer"] = indexerHealth{ix}
	}
	srv, err := feedgen.New(serverConfig(cfg), feedgen.Deps{Store: st, Logger: logger, Registry: reg, Auth: validator, Health: health, Pins: cur})
	if err != nil {
		return err
	}
	stopCuration, err := startCuration(ctx, cur, srv, logger)
	if err != nil {
		return err
	}
	defer stopCuration()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	logger.Info("serving", "addr", ln.Addr().String(), "service_did", cfg.ServiceDID, "feeds", len(cfg.Feeds), "db", cfg.DBPath, "source", cfg.Source)

	// Shut down in order: the indexer stops reading and commits its
	// cursor first, then HTTP drains, and the deferred Close shuts the
	// database last.
	srvCtx, stopServer := context.WithCancel(context.Background())
	defer stopServer()
	srvErr := make(chan error, 1)
	go func() { srvErr <- srv.Serve(srvCtx, ln) }()
	ixErr := make(chan error, 1)
	if ix != nil {
		go func() { ixErr <- ix.Run(ctx) }()
	}
	// Viewers' feedback expires; the pruner sweeps what nobody reads any
	// more, and stops with the server.
	prunerDone := make(chan struct{})
	go func() { defer close(prunerDone); srv.RunInteractionPruner(srvCtx, time.Hour) }()

	var runErr error
	for running := true; running; {
		select {
		case <-ctx.Done():
			running = false
		case err := <-srvErr:
			// The server stopped on its own; stop the indexer too.
			stop()
			if ix != nil {
				<-ixErr
			}
			return err
		case err := <-ixErr:
			if err != nil {
				// A storage error or a corrupt cursor: stop rather
				// than serve a feed that silently stopped moving.
				logger.Error("indexer stopped", "err", err)
				runErr = fmt.Errorf("indexer: %w", err)
				running = false
			} else {
				// A file source is ingested; serving goes on.
				logger.Info("indexer finished its source", "source", cfg.Source)
				ix = nil
			}
		}
	}
	logger.Info("shutting down")
	stop()
	if ix != nil && runErr == nil {
		if err := <-ixErr; err != nil {
			runErr = fmt.Errorf("indexer: %w", err)
		}
	}
	stopServer()
	<-prunerDone
	if err := <-srvErr; err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return runErr
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

func serverConfig(cfg *config.Config) feedgen.Config {
	sc := feedgen.Config{
		ServiceDID:        cfg.ServiceDID,
		ServiceEndpoint:   cfg.ServiceEndpoint,
		Hostname:          cfg.Hostname,
		PrivacyPolicyURL:  cfg.PrivacyPolicyURL,
		TermsOfServiceURL: cfg.TermsOfServiceURL,
		Version:           version,
		ShutdownTimeout:   httpDrainTimeout,
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
