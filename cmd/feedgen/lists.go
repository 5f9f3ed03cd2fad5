package main

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
)

func listsCommand() *cli.Command {
	return &cli.Command{
		Name:  "lists",
		Usage: "the Bluesky lists feeds take their experts from",
		Commands: []*cli.Command{{
			Name:   "sync",
			Usage:  "read a feed's Bluesky list from its owner's PDS now and update the authors",
			Flags:  []cli.Flag{feedFlag(), jsonFlag()},
			Action: runListsSync,
		}},
	}
}

func runListsSync(ctx context.Context, cmd *cli.Command) error {
	var res *curation.SyncResult
	feed := cmd.String("feed")
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			return a.do(ctx, http.MethodPost, "/admin/lists/sync", map[string]string{"feed": feed}, &res)
		},
		func(svc *curation.Service, actor string) (err error) {
			res, err = svc.SyncList(ctx, actor, feed)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		fmt.Fprintf(w, "%s: list %s has %d item(s); added %v, removed %v\n", res.Feed, res.List, res.Items, res.Added, res.Removed)
	})
}
