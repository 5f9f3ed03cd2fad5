package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/store"
)

// cursorCommand shows and repairs the saved stream positions. The indexer
// refuses to start from a corrupt one (a database written before stream
// positions were bounded may hold one) and names the command to run.
func cursorCommand() *cli.Command {
	return &cli.Command{
		Name:  "cursor",
		Usage: "show or repair the saved stream positions (stop the service first)",
		Description: "Each source has its own position: \"jetstream\" (a time in microseconds), \"firehose/HOST\" (a sequence\n" +
			"number), \"file/PATH\" (a byte offset). The service must be stopped: it holds the database.",
		Action: runCursorShow,
		Commands: []*cli.Command{
			{Name: "show", Usage: "list every saved position", Action: runCursorShow},
			{
				Name:      "reset",
				Usage:     "forget a source's position: the next start follows it from live",
				ArgsUsage: "NAME",
				Action:    runCursorReset,
			},
			{
				Name:      "set",
				Usage:     "replace a source's position: a number, or for jetstream an RFC 3339 time",
				ArgsUsage: "NAME POSITION",
				Action:    runCursorSet,
			},
		},
	}
}

// openForCursor opens the database file itself, never through a running
// server: a running indexer would write its own position over ours.
func openForCursor(cmd *cli.Command) (*store.Store, error) {
	cfg, err := config.Load(cmd)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(cfg.DBPath, store.Options{Timeout: 2 * time.Second, MustExist: true})
	if errors.Is(err, store.ErrNoDatabase) {
		return nil, fmt.Errorf("%w (give the service's file with --db or FEEDGEN_DB)", err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w (stop feedgen serve first)", err)
	}
	path := cfg.DBPath
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	note(cmd, "database %s", path)
	return st, nil
}

func runCursorShow(ctx context.Context, cmd *cli.Command) error {
	st, err := openForCursor(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	cursors, err := st.Cursors()
	if err != nil {
		return err
	}
	w := cmd.Root().Writer
	if len(cursors) == 0 {
		fmt.Fprintln(w, "no saved positions: every source starts live")
	}
	for _, c := range cursors {
		switch {
		case c.Err != nil:
			fmt.Fprintf(w, "%s\tCORRUPT: %v (run: feedgen cursor reset --db %s %q)\n", c.Name, c.Err, st.Path(), c.Name)
		case c.Name == "jetstream":
			fmt.Fprintf(w, "%s\t%d\t%s\n", c.Name, c.Value, time.UnixMicro(c.Value).UTC().Format(time.RFC3339))
		default:
			fmt.Fprintf(w, "%s\t%d\n", c.Name, c.Value)
		}
	}
	return nil
}

func runCursorReset(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return errors.New("cursor reset: want exactly one argument, the source's name (see feedgen cursor show)")
	}
	name := cmd.Args().First()
	st, err := openForCursor(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Update(ctx, func(tx *store.Tx) error { return tx.DeleteCursor(name) }); err != nil {
		return fmt.Errorf("cursor reset: %w", err)
	}
	fmt.Fprintf(cmd.Root().Writer, "%s: position forgotten; the next start follows the stream from live\n", name)
	return nil
}

func runCursorSet(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 2 {
		return errors.New("cursor set: want two arguments, the source's name and the position")
	}
	name, raw := cmd.Args().Get(0), cmd.Args().Get(1)
	pos, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		t, terr := time.Parse(time.RFC3339, raw)
		if terr != nil || name != "jetstream" {
			return fmt.Errorf("cursor set: position %q is not a number (or, for jetstream, an RFC 3339 time)", raw)
		}
		pos = t.UnixMicro()
	}
	if name == "jetstream" && pos > time.Now().Add(5*time.Minute).UnixMicro() {
		return fmt.Errorf("cursor set: %d is in the future (%s)", pos, time.UnixMicro(pos).UTC().Format(time.RFC3339))
	}
	st, err := openForCursor(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Update(ctx, func(tx *store.Tx) error { return tx.ReplaceCursor(name, pos) }); err != nil {
		return fmt.Errorf("cursor set: %w", err)
	}
	fmt.Fprintf(cmd.Root().Writer, "%s: position set to %d\n", name, pos)
	return nil
}
