package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"text/tabwriter"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/model"
)

func authorsCommand() *cli.Command {
	return &cli.Command{
		Name:  "authors",
		Usage: "list, add or remove the curated authors of a feed",
		Description: "Through the running server's admin API (--admin-url, --admin-token), or on the database\n" +
			"file when no server runs. AUTHOR is a handle, a DID or a bsky.app profile URL.",
		Commands: []*cli.Command{
			{
				Name:      "add",
				Usage:     "list an author with a tier, or change their tier or note; their recent posts are backfilled",
				ArgsUsage: "AUTHOR",
				Flags: []cli.Flag{feedFlag(), jsonFlag(), noteFlag(),
					&cli.StringFlag{Name: "tier", Value: "expert", Usage: "all, expert or blocked"},
					&cli.BoolFlag{Name: "no-backfill", Usage: "do not fetch the author's recent posts"},
				},
				Action: runAuthorsAdd,
			},
			{
				Name:      "remove",
				Usage:     "take the curator's tier off an author; their recent posts are decided again",
				ArgsUsage: "AUTHOR",
				Flags:     []cli.Flag{feedFlag(), jsonFlag(), &cli.BoolFlag{Name: "no-backfill", Usage: "do not decide the author's recent posts again"}},
				Action:    runAuthorsRemove,
			},
			{
				Name:   "list",
				Usage:  "print the author list",
				Flags:  []cli.Flag{feedFlag(), jsonFlag()},
				Action: runAuthorsList,
			},
			{
				Name:      "backfill",
				Usage:     "fetch an author's recent posts from their PDS now and decide them",
				ArgsUsage: "AUTHOR",
				Flags:     []cli.Flag{jsonFlag()},
				Action:    runAuthorsBackfill,
			},
		},
	}
}

func runAuthorsAdd(ctx context.Context, cmd *cli.Command) error {
	author, err := oneArg(cmd, "the author")
	if err != nil {
		return err
	}
	req := curation.AddAuthorRequest{Feed: cmd.String("feed"), Author: author, Tier: cmd.String("tier"), NoBackfill: cmd.Bool("no-backfill")}
	if cmd.IsSet("note") {
		note := cmd.String("note")
		req.Note = &note
	}
	var res *curation.AuthorResult
	err = curate(ctx, cmd,
		func(a *adminClient) error { return a.do(ctx, http.MethodPost, "/admin/authors", req, &res) },
		func(svc *curation.Service, actor string) (err error) {
			res, err = svc.AddAuthor(ctx, actor, req)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) { printAuthorResult(w, res) })
}

func runAuthorsRemove(ctx context.Context, cmd *cli.Command) error {
	author, err := oneArg(cmd, "the author")
	if err != nil {
		return err
	}
	req := curation.RemoveAuthorRequest{Feed: cmd.String("feed"), Author: author, NoBackfill: cmd.Bool("no-backfill")}
	var res *curation.AuthorResult
	err = curate(ctx, cmd,
		func(a *adminClient) error { return a.do(ctx, http.MethodPost, "/admin/authors/remove", req, &res) },
		func(svc *curation.Service, actor string) (err error) {
			res, err = svc.RemoveAuthor(ctx, actor, req)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		if res.Author == nil {
			fmt.Fprintf(w, "removed %s\n", author)
		}
		printAuthorResult(w, res)
	})
}

func printAuthorResult(w io.Writer, res *curation.AuthorResult) {
	if a := res.Author; a != nil {
		state := "now"
		if res.Unchanged {
			state = "already"
		}
		fmt.Fprintf(w, "%s (%s) is %s %s\n", a.DID, orDash(a.Handle), state, a.Effective)
	}
	if res.Removed > 0 {
		fmt.Fprintf(w, "%d post(s) left the feed\n", res.Removed)
	}
	if b := res.Backfill; b != nil {
		fmt.Fprintf(w, "backfill: fetched %d recent post(s); in the feeds now: %v\n", b.Fetched, b.In)
	}
	if res.BackfillError != "" {
		fmt.Fprintf(w, "backfill failed: %s (try `feedgen authors backfill` later)\n", res.BackfillError)
	}
	if res.Warning != "" {
		fmt.Fprintf(w, "warning: %s\n", res.Warning)
	}
}

func runAuthorsList(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 0 {
		return fmt.Errorf("authors list: takes no arguments")
	}
	var out struct {
		Authors []curation.Author `json:"authors"`
		People  people            `json:"people"`
	}
	dids := func() []syntax.DID {
		var d []syntax.DID
		for _, a := range out.Authors {
			d = append(d, a.DID)
		}
		return d
	}
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			err := a.do(ctx, http.MethodGet, "/admin/authors?"+url.Values{"feed": {cmd.String("feed")}}.Encode(), nil, &out)
			if err == nil {
				out.People = remotePeople(ctx, a, dids())
			}
			return err
		},
		func(svc *curation.Service, _ string) (err error) {
			out.Authors, err = svc.Authors(ctx, cmd.String("feed"))
			if err == nil {
				out.People = localPeople(ctx, svc, dids())
			}
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, out, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "AUTHOR\tDID\tTIER\tSOURCE\tADDED BY\tADDED\tNOTE")
		for _, a := range out.Authors {
			source := "manual"
			switch {
			case a.Tier == model.TierNone:
				source = "list"
			case a.OnList:
				source = "manual+list"
			}
			who := out.People.name(a.DID)
			if who == a.DID.String() {
				who = orDash(a.Handle)
				if a.Handle != "" {
					who = "@" + a.Handle
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", who, a.DID, a.Effective, source, a.AddedBy, usTime(a.AddedUS), a.Note)
		}
		tw.Flush()
		fmt.Fprintf(w, "%d author(s)\n", len(out.Authors))
	})
}

func runAuthorsBackfill(ctx context.Context, cmd *cli.Command) error {
	author, err := oneArg(cmd, "the author")
	if err != nil {
		return err
	}
	var res *curation.BackfillResult
	err = curate(ctx, cmd,
		func(a *adminClient) error {
			return a.do(ctx, http.MethodPost, "/admin/backfill", map[string]string{"author": author}, &res)
		},
		func(svc *curation.Service, actor string) (err error) {
			res, err = svc.Backfill(ctx, actor, author)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		fmt.Fprintf(w, "fetched %d recent post(s) of %s; in the feeds now: %v\n", res.Fetched, res.Author, res.In)
	})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
