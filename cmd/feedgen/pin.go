package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/model"
)

func pinCommand() *cli.Command {
	return &cli.Command{
		Name:      "pin",
		Usage:     "serve a post first on a feed's first page; with no POST, list the pins",
		ArgsUsage: "[POST]",
		Description: "POST is an at:// URI or a bsky.app post URL. A feed has at most --max-pins pins.\n" +
			"Through the running server's admin API, or on the database file when no server runs.",
		Flags:  []cli.Flag{feedFlag(), noteFlag(), jsonFlag()},
		Action: runPin,
	}
}

func unpinCommand() *cli.Command {
	return &cli.Command{
		Name:      "unpin",
		Usage:     "take a pin off a feed",
		ArgsUsage: "POST",
		Flags:     []cli.Flag{feedFlag(), noteFlag(), jsonFlag()},
		Action:    runUnpin,
	}
}

func runPin(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return listPins(ctx, cmd)
	}
	return pinOrUnpin(ctx, cmd, "/admin/pins", (*curation.Service).Pin)
}

func runUnpin(ctx context.Context, cmd *cli.Command) error {
	return pinOrUnpin(ctx, cmd, "/admin/pins/remove", (*curation.Service).Unpin)
}

func pinOrUnpin(ctx context.Context, cmd *cli.Command, path string, op postOp[*curation.PinResult]) error {
	res, err := curatePost(ctx, cmd, path, op)
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		if res.Unchanged {
			fmt.Fprintf(w, "%s was pinned already\n", res.URI)
		}
		if res.Warning != "" {
			fmt.Fprintf(w, "warning: %s\n", res.Warning)
		}
		fmt.Fprintf(w, "pins of %s, served first:\n", res.Feed)
		for _, p := range res.Pins {
			fmt.Fprintf(w, "  %s\n", p)
		}
	})
}

func listPins(ctx context.Context, cmd *cli.Command) error {
	var out struct {
		Pins []model.Pin `json:"pins"`
	}
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			return a.do(ctx, http.MethodGet, "/admin/pins?"+url.Values{"feed": {cmd.String("feed")}}.Encode(), nil, &out)
		},
		func(svc *curation.Service, _ string) (err error) {
			out.Pins, err = svc.PinList(ctx, cmd.String("feed"))
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, out, func(w io.Writer) {
		for _, p := range out.Pins {
			fmt.Fprintf(w, "%s  pinned by %s %s  %s\n", p.URI, p.By, usTime(p.AtUS), p.Note)
		}
		fmt.Fprintf(w, "%d pin(s)\n", len(out.Pins))
	})
}
