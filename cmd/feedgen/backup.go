package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/store"
)

func backupCommand() *cli.Command {
	return &cli.Command{
		Name:      "backup",
		Usage:     "write a consistent copy of the database to FILE, while the service runs",
		ArgsUsage: "FILE",
		Description: "Through the running server's admin API when one answers (--admin-url), otherwise from the\n" +
			"database file, if it exists and no other process holds it. An existing FILE is kept unless\n" +
			"--force is given. To restore, stop the service and put the copy in place of the database file\n" +
			"(see DEPLOY.md).",
		Flags:  []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "replace FILE if it exists"}},
		Action: runBackup,
	}
}

func runBackup(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return errors.New("backup: want exactly one argument, the file to write")
	}
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	dst := cmd.Args().First()
	if abs, err := filepath.Abs(dst); err == nil {
		if db, err := filepath.Abs(cfg.DBPath); err == nil && abs == db {
			return errors.New("backup: refusing to overwrite the database itself")
		}
	}
	if fi, err := os.Stat(dst); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("backup: %s is a directory; give the file to write", dst)
		}
		if !cmd.Bool("force") {
			return fmt.Errorf("backup: %s exists (%d bytes, %s); give another name, or --force to replace it",
				dst, fi.Size(), fi.ModTime().UTC().Format("2006-01-02 15:04Z"))
		}
	}
	// Write next to the destination and rename, so a failed backup never
	// leaves a truncated file where a good one is expected.
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".feedgen-backup-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name())
	var n int64
	err = withServerOrStore(ctx, cmd, cfg,
		func(a *adminClient) error {
			resp, err := a.request(ctx, http.MethodGet, "/admin/backup", nil)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			n, err = io.Copy(tmp, resp.Body)
			if err == nil && resp.ContentLength >= 0 && n != resp.ContentLength {
				err = fmt.Errorf("got %d of %d bytes", n, resp.ContentLength)
			}
			return err
		},
		func(st *store.Store) error {
			n, err = st.Backup(tmp, nil)
			return err
		})
	if err != nil {
		tmp.Close()
		return fmt.Errorf("backup: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("backup: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(cmd.Root().Writer, "wrote %s (%d bytes)\n", dst, n)
	return nil
}
