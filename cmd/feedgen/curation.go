package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/user"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// curationFeeds maps the feed definitions onto curation's, with each
// feed's relevance rules loaded and its configured authors as the seed.
func curationFeeds(cfg *config.Config) ([]curation.Feed, error) {
	var out []curation.Feed
	for _, f := range cfg.Feeds {
		rules, err := loadRules(f.Rules)
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", f.RKey, err)
		}
		seed := map[syntax.DID]relevance.Tier{}
		for tier, dids := range map[relevance.Tier][]string{relevance.TierAll: f.Authors.All, relevance.TierExpert: f.Authors.Expert, relevance.TierBlocked: f.Authors.Blocked} {
			for _, d := range dids {
				seed[syntax.DID(d)] = tier
			}
		}
		out = append(out, curation.Feed{ID: f.RKey, URI: f.URI, List: syntax.ATURI(f.List), Classifier: relevance.New(rules), Seed: seed})
	}
	return out, nil
}

// newDirectory resolves handles and DID documents for curation: through
// the configured PLC directory, cached, since curators ask about the same
// few accounts again and again.
func newDirectory(cfg *config.Config) identity.Directory {
	// A DID document names its own did:web host and PDS: someone else's
	// data must not steer our requests into our own networks.
	base := &identity.BaseDirectory{
		PLCURL:     cfg.PLCURL,
		HTTPClient: *didClient(cfg),
		UserAgent:  "feedgen/" + version,
	}
	return identity.NewCacheDirectory(base, 10_000, 6*time.Hour, 2*time.Minute, 10*time.Minute)
}

// newCuration builds the curation service over st. With backfill (and a
// nonzero --backfill-window) an added author's recent posts go through a
// second indexer over the same store, without a source, so that they meet
// the stream's own decision and writes without touching its cursor.
func newCuration(cfg *config.Config, st *store.Store, logger *slog.Logger, backfill bool) (*curation.Service, error) {
	feeds, err := curationFeeds(cfg)
	if err != nil {
		return nil, err
	}
	var ing *curation.IndexerIngester
	deps := curation.Deps{Store: st, Directory: newDirectory(cfg), Logger: logger,
		HTTPClient: pdsClient(cfg, 20*time.Second)}
	if backfill && cfg.BackfillWindow > 0 {
		ing = &curation.IndexerIngester{}
		deps.Ingester = ing
	}
	cur, err := curation.New(curation.Config{
		Feeds:          feeds,
		MaxPins:        cfg.MaxPins,
		BackfillWindow: cfg.BackfillWindow,
	}, deps)
	if err != nil {
		return nil, err
	}
	if ing != nil {
		// Its metrics stay private: the stream's indexer owns the
		// names on the served registry.
		ic := indexerConfig(cfg, indexer.SourceSpec{Kind: indexer.SourceNone})
		if ing.Indexer, err = newIndexer(ic, st, prometheus.NewRegistry(), logger, cur); err != nil {
			return nil, err
		}
	}
	return cur, nil
}

// localActor names whoever runs a command on the database file directly,
// for the audit log (through the admin API, the token's name is used).
func localActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "cli:" + u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return "cli:" + u
	}
	return "cli"
}

// curate runs a curation command: remote against the running server's
// admin API, or, when no server answers, local against a curation service
// on the database file. Both end in the same curation.Service method.
func curate(ctx context.Context, cmd *cli.Command, remote func(*adminClient) error, local func(svc *curation.Service, actor string) error) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	return withServerOrStore(ctx, cfg, remote, func(st *store.Store) error {
		logger := slog.New(slog.NewTextHandler(cmd.Root().ErrWriter, &slog.HandlerOptions{Level: slog.LevelWarn}))
		svc, err := newCuration(cfg, st, logger, true)
		if err != nil {
			return err
		}
		return local(svc, localActor())
	})
}

// Flags the curation commands share. Each command gets its own: a flag
// keeps the state of the run that parsed it.
func feedFlag() cli.Flag {
	return &cli.StringFlag{Name: "feed", Usage: "feed `RKEY` (default: the only feed)"}
}

func jsonFlag() cli.Flag { return &cli.BoolFlag{Name: "json", Usage: "print the result as JSON"} }

func noteFlag() cli.Flag {
	return &cli.StringFlag{Name: "note", Usage: "a note for the audit log and the curators"}
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// output prints v as JSON with --json, else as text.
func output(cmd *cli.Command, v any, text func(io.Writer)) error {
	w := cmd.Root().Writer
	if cmd.Bool("json") {
		return printJSON(w, v)
	}
	text(w)
	return nil
}

// oneArg returns the single argument a command takes.
func oneArg(cmd *cli.Command, what string) (string, error) {
	if cmd.Args().Len() != 1 {
		return "", fmt.Errorf("%s: want exactly one argument, %s", cmd.FullName(), what)
	}
	return cmd.Args().First(), nil
}

func usTime(us int64) string {
	if us <= 0 {
		return "-"
	}
	return time.UnixMicro(us).UTC().Format("2006-01-02 15:04Z")
}

// startCuration mounts the curation API and web page on the server, loads
// the configured authors and starts the background work (list sync,
// backfills). The returned function stops it and waits; call it before the
// database closes.
func startCuration(ctx context.Context, cur *curation.Service, srv *feedgen.Server, logger *slog.Logger) (func(), error) {
	cur.Routes(srv.Admin())
	cur.PageRoutes(srv.Echo())
	if err := cur.Seed(ctx); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := cur.Run(ctx); err != nil {
			logger.Error("curation stopped", "err", err)
		}
	}()
	return func() { cancel(); <-done }, nil
}
