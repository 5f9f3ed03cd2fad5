// Command feedgen serves curated Bluesky feeds: one binary for the server,
// the indexer and the curators' tools. It only wires: core.go builds the
// decider, curation and the indexer over one store (for serve, replay and
// the curation commands on the database file), service.go is `serve`
// (open every part, run them, stop them in order within the shutdown
// budget), and each other file is one subcommand.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if err := run(context.Background(), os.Args); err != nil {
		// One line, for a person at a terminal; serve has logged what
		// went wrong as JSON already.
		fmt.Fprintln(os.Stderr, errorLine(err))
		os.Exit(exitCode(err))
	}
}

func run(ctx context.Context, args []string) error {
	return app().Run(ctx, args)
}

// errorLine is how a failed command reports: "feedgen: " and the error on
// one line.
func errorLine(err error) string {
	return "feedgen: " + strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", " ")
}

// exitError carries an exit status other than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return 1
}

// commandOptions says which of config's options each command lists in its
// help; a command not named here takes none (it does not load the
// Config).
var commandOptions = map[string][]string{
	"serve":     config.ServeOptions,
	"replay":    config.ReplayOptions,
	"backup":    config.ClientOptions,
	"publish":   config.PublishOptions,
	"unpublish": config.PublishOptions,
	"authors":   config.ClientOptions,
	"block":     config.ClientOptions,
	"unblock":   config.ClientOptions,
	"pin":       config.ClientOptions,
	"unpin":     config.ClientOptions,
	"explain":   config.ClientOptions,
	"queue":     config.ClientOptions,
	"audit":     config.ClientOptions,
	"lists":     config.ClientOptions,
	"rules":     config.ClientOptions,
	"stats":     config.ClientOptions,
	"cursor":    config.StoreOptions,
	"rebuild":   config.RepoOptions,
	"curation":  config.RepoOptions,
}

func app() *cli.Command {
	root := &cli.Command{
		Name:    "feedgen",
		Usage:   "serve curated Bluesky feeds (South Caucasus Peace by default)",
		Version: version,
		Description: "Every option is also an environment variable: --max-lag is FEEDGEN_MAX_LAG. Each\n" +
			"command's --help lists the options it uses.",
		Commands: []*cli.Command{
			serveCommand(),
			replayCommand(),
			classifyCommand(),
			trainCommand(),
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
			rebuildCommand(),
			curationCommand(),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Present() {
				return fmt.Errorf("no command %q (see feedgen --help)", cmd.Args().First())
			}
			return cli.ShowRootCommandHelp(cmd)
		},
	}
	root.OnUsageError = usageError
	for _, top := range root.Commands {
		opts, loads := commandOptions[top.Name]
		walk(top, func(c *cli.Command) {
			c.OnUsageError = usageError
			// Each command that runs takes the options itself, so its
			// help lists exactly what it uses.
			if loads && c.Action != nil {
				c.Flags = append(c.Flags, config.Flags(opts...)...)
			}
			if len(c.Commands) > 0 {
				// A command with subcommands keeps its flags to itself:
				// each subcommand has its own.
				for _, f := range c.Flags {
					setLocal(f)
				}
			}
		})
	}
	return root
}

func setLocal(f cli.Flag) {
	switch f := f.(type) {
	case *cli.StringFlag:
		f.Local = true
	case *cli.IntFlag:
		f.Local = true
	case *cli.BoolFlag:
		f.Local = true
	case *cli.DurationFlag:
		f.Local = true
	}
}

func walk(c *cli.Command, fn func(*cli.Command)) {
	fn(c)
	for _, sub := range c.Commands {
		walk(sub, fn)
	}
}

// usageError reports a bad flag or argument in one line, with where to
// look, instead of urfave/cli's usage text followed by the error.
func usageError(_ context.Context, cmd *cli.Command, err error, _ bool) error {
	return fmt.Errorf("%w (see %s --help)", err, cmd.FullName())
}

// newLogger is the process logger: JSON lines on w, as log collectors on
// fly.io and elsewhere expect. It is passed to every part; the global
// default logger is left alone.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level, ReplaceAttr: readableAttr}))
}
