package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/model"
)

func blockCommand() *cli.Command {
	return &cli.Command{
		Name:      "block",
		Usage:     "take a post out of every feed and keep it out; with no POST, list the blocked posts",
		ArgsUsage: "[POST]",
		Description: "POST is an at:// URI or a bsky.app post URL. Through the running server's admin API, or on\n" +
			"the database file when no server runs.",
		Flags:  []cli.Flag{noteFlag(), jsonFlag()},
		Action: runBlock,
	}
}

func unblockCommand() *cli.Command {
	return &cli.Command{
		Name:      "unblock",
		Usage:     "lift a block: the post goes back where it was",
		ArgsUsage: "POST",
		Flags:     []cli.Flag{noteFlag(), jsonFlag()},
		Action:    runUnblock,
	}
}

func runBlock(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return listBlocks(ctx, cmd)
	}
	res, err := curatePost(ctx, cmd, "/admin/blocks", (*curation.Service).Block)
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		if res.Unchanged {
			fmt.Fprintf(w, "%s was blocked already\n", res.URI)
			return
		}
		fmt.Fprintf(w, "blocked %s; it left: %s\n", res.URI, orDash(strings.Join(res.Feeds, ", ")))
		if len(res.Unpinned) > 0 {
			fmt.Fprintf(w, "its pin went too, in: %s\n", strings.Join(res.Unpinned, ", "))
		}
	})
}

func runUnblock(ctx context.Context, cmd *cli.Command) error {
	res, err := curatePost(ctx, cmd, "/admin/blocks/remove", (*curation.Service).Unblock)
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		fmt.Fprintf(w, "unblocked %s; back in: %s\n", res.URI, orDash(strings.Join(res.Feeds, ", ")))
	})
}

func listBlocks(ctx context.Context, cmd *cli.Command) error {
	var out struct {
		Blocks []model.Block `json:"blocks"`
	}
	err := curate(ctx, cmd,
		func(a *adminClient) error { return a.do(ctx, http.MethodGet, "/admin/blocks", nil, &out) },
		func(svc *curation.Service, _ string) (err error) {
			out.Blocks, err = svc.Blocks(ctx)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, out, func(w io.Writer) {
		for _, b := range out.Blocks {
			fmt.Fprintf(w, "%s  blocked by %s %s  %s\n", b.URI, b.By, usTime(b.AtUS), b.Note)
		}
		fmt.Fprintf(w, "%d blocked post(s)\n", len(out.Blocks))
	})
}
