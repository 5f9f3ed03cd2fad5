package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

func replayCommand() *cli.Command {
	return &cli.Command{
		Name:      "replay",
		Usage:     "ingest a file of Jetstream events (JSON lines) into the database, then exit",
		ArgsUsage: "FILE",
		Description: "Reads the file from where an earlier replay of it stopped (the byte offset is saved\n" +
			"with every batch), so a replay that was killed picks up exactly where it was.",
		Action: runReplay,
	}
}

func runReplay(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return errors.New("replay: give exactly one FILE")
	}
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	spec, err := indexer.ParseSource(cmd.Args().First())
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	if spec.Kind != indexer.SourceFile {
		return fmt.Errorf("replay: %s is not a file", cmd.Args().First())
	}
	if _, err := os.Stat(spec.Path); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	logger := newLogger(os.Stderr, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := store.Open(cfg.DBPath, store.Options{Logger: logger})
	if err != nil {
		return err
	}
	defer st.Close()
	// The file is judged with the curated authors (the configured ones
	// seeded first), blocks and verdicts the database holds; nothing is
	// fetched from the network. It is read as fast as the disk allows:
	// bigger batches, fewer fsyncs.
	c, err := newCore(cfg, st, logger, coreOptions{source: spec, batchSize: 5000})
	if err != nil {
		return err
	}
	if err := c.curation.Seed(ctx); err != nil {
		return err
	}
	t0 := time.Now()
	if err := c.indexer.Run(ctx); err != nil {
		return err
	}
	s := c.indexer.Status()
	elapsed := time.Since(t0)
	logger.Info("replay finished", "file", spec.Path, "events", s.Events, "complete", s.Done,
		"seconds", elapsed.Seconds(), "events_per_second", float64(s.Events)/max(elapsed.Seconds(), 1e-9))
	return nil
}
