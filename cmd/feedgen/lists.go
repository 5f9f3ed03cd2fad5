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
		Usage: "the Bluesky lists feeds take their experts from, and the moderation lists that keep authors out",
		Commands: []*cli.Command{{
			Name:   "sync",
			Usage:  "read a feed's Bluesky lists (experts' and moderation lists) from their owners' PDSes now and update the authors",
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
		if res.List != "" {
			fmt.Fprintf(w, "%s: list %s has %d item(s); added %v, removed %v\n", res.Feed, res.List, res.Items, res.Added, res.Removed)
		}
		for _, m := range res.ModLists {
			fmt.Fprintf(w, "%s: moderation list %s has %d item(s); kept out %v, let back %v\n", res.Feed, m.List, m.Items, m.Added, m.Removed)
		}
	})
}
