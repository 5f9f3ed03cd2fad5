package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
)

func queueCommand() *cli.Command {
	listFlags := func() []cli.Flag {
		return []cli.Flag{feedFlag(), jsonFlag(), &cli.IntFlag{Name: "limit", Value: 20, Usage: "how many"}, &cli.StringFlag{Name: "cursor", Usage: "continue after this `CURSOR`"}}
	}
	list := &cli.Command{
		Name:   "list",
		Usage:  "print the posts waiting for review, newest first",
		Flags:  listFlags(),
		Action: runQueueList,
	}
	return &cli.Command{
		Name:  "queue",
		Usage: "work the review queue: posts from unlisted authors between clearly out and clearly in",
		Description: "POST is an at:// URI or a bsky.app post URL. Through the running server's admin API, or on\n" +
			"the database file when no server runs.",
		Flags:  listFlags(),
		Action: runQueueList,
		Commands: []*cli.Command{
			list,
			{
				Name:      "approve",
				Usage:     "let a queued post into the feed",
				ArgsUsage: "POST",
				Flags:     []cli.Flag{feedFlag(), jsonFlag(), noteFlag(), &cli.StringFlag{Name: "add-author", Usage: "also list the post's author with this `TIER` (all or expert)"}},
				Action:    runQueueVerdict(true),
			},
			{
				Name:      "reject",
				Usage:     "keep a queued post out for good",
				ArgsUsage: "POST",
				Flags:     []cli.Flag{feedFlag(), jsonFlag(), noteFlag()},
				Action:    runQueueVerdict(false),
			},
		},
	}
}

func runQueueList(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 0 {
		return fmt.Errorf("queue: unknown subcommand %q (list, approve, reject)", cmd.Args().First())
	}
	var page struct {
		*curation.QueuePage
		People people `json:"people"`
	}
	limit := int(cmd.Int("limit"))
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			q := url.Values{"feed": {cmd.String("feed")}, "limit": {strconv.Itoa(limit)}, "cursor": {cmd.String("cursor")}}
			err := a.do(ctx, http.MethodGet, "/admin/queue?"+q.Encode(), nil, &page)
			if err == nil {
				page.People = remotePeople(ctx, a, page.Authors())
			}
			return err
		},
		func(svc *curation.Service, _ string) (err error) {
			page.QueuePage, err = svc.Queue(ctx, cmd.String("feed"), cmd.String("cursor"), limit)
			if err == nil {
				page.People = localPeople(ctx, svc, page.Authors())
			}
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, page, func(w io.Writer) {
		for _, q := range page.Entries {
			fmt.Fprintf(w, "%s\n  by %s at %s, score %g: %s\n  %q\n", q.Post.URI, page.People.name(q.Post.Author), usTime(q.Post.CreatedUS), q.Score, strings.Join(q.Reasons, " "), q.Post.Text)
		}
		fmt.Fprintf(w, "%d of %d waiting in %s\n", len(page.Entries), page.Total, page.Feed)
		if page.Cursor != "" {
			fmt.Fprintf(w, "more: --cursor %s\n", page.Cursor)
		}
	})
}

func runQueueVerdict(in bool) cli.ActionFunc {
	return func(ctx context.Context, cmd *cli.Command) error {
		uri, err := oneArg(cmd, "the post")
		if err != nil {
			return err
		}
		req := curation.VerdictRequest{Feed: cmd.String("feed"), URI: uri, Note: cmd.String("note")}
		path, op := "/admin/queue/reject", (*curation.Service).Reject
		if in {
			req.AddAuthor = cmd.String("add-author")
			path, op = "/admin/queue/approve", (*curation.Service).Approve
		}
		var res *curation.VerdictResult
		err = curate(ctx, cmd,
			func(a *adminClient) error { return a.do(ctx, http.MethodPost, path, req, &res) },
			func(svc *curation.Service, actor string) (err error) {
				res, err = op(svc, ctx, actor, req)
				return err
			})
		if err != nil {
			return err
		}
		return output(cmd, res, func(w io.Writer) {
			if res.In {
				fmt.Fprintf(w, "approved %s: it is in %s\n", res.URI, res.Feed)
			} else {
				fmt.Fprintf(w, "rejected %s\n", res.URI)
			}
			if res.Author != nil {
				printAuthorResult(w, res.Author)
			}
		})
	}
}
