// Command feedgen serves curated Bluesky feeds: one binary for the server,
// the indexer and the curators' tools. It only wires: core.go builds the
// decider, curation and the indexer over one store (for serve, replay and
// the curation commands on the database file), service.go is `serve`
// (open every part, run them, stop them in order within the shutdown
// budget), and each other file is one subcommand.
package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if err := run(context.Background(), os.Args); err != nil {
		newLogger(os.Stderr, slog.LevelInfo).Error("feedgen failed", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	return app().Run(ctx, args)
}

func app() *cli.Command {
	return &cli.Command{
		Name:    "feedgen",
		Usage:   "serve curated Bluesky feeds (South Caucasus Peace by default)",
		Version: version,
		Flags:   config.Flags(),
		Commands: []*cli.Command{
			serveCommand(),
			replayCommand(),
			classifyCommand(),
			backupCommand(),
			publishCommand(),
			unpublishCommand(),
			authorsCommand(),
			blockCommand(),
			unblockCommand(),
			pinCommand(),
			unpinCommand(),
			explainCommand(),
			queueCommand(),
			auditCommand(),
			listsCommand(),
			rulesCommand(),
			cursorCommand(),
			statsCommand(),
		},
	}
}

// newLogger is the process logger: JSON lines on w, as log collectors on
// fly.io and elsewhere expect. It is passed to every part; the global
// default logger is left alone.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}
