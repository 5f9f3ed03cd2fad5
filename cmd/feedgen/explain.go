package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
)

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "say whether a post is in each feed, and why or why not",
		ArgsUsage: "POST",
		Description: "POST is an at:// URI or a bsky.app post URL. The answer names the relevance reasons, the\n" +
			"author's tier, blocks, pins, the review queue, and the labels and moderation lists that keep it\n" +
			"out; a post we do not keep is fetched from its author's PDS and judged now.",
		Flags:  []cli.Flag{jsonFlag()},
		Action: runExplain,
	}
}

func runExplain(ctx context.Context, cmd *cli.Command) error {
	ref, err := oneArg(cmd, "the post")
	if err != nil {
		return err
	}
	var x *curation.Explanation
	err = curate(ctx, cmd,
		func(a *adminClient) error {
			return a.do(ctx, http.MethodGet, "/admin/explain?"+url.Values{"uri": {ref}}.Encode(), nil, &x)
		},
		func(svc *curation.Service, _ string) (err error) {
			x, err = svc.Explain(ctx, ref)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, x, func(w io.Writer) {
		fmt.Fprintf(w, "%s\nby %s (%s)", x.URI, x.Author, orDash(x.Handle))
		if x.CreatedAt != "" {
			fmt.Fprintf(w, " at %s", x.CreatedAt)
		}
		fmt.Fprintln(w)
		if x.Text != "" {
			fmt.Fprintf(w, "  %q\n", x.Text)
		}
		if len(x.Labels) > 0 {
			fmt.Fprintf(w, "  labels: %s\n", strings.Join(x.Labels, ", "))
		}
		for _, f := range x.Feeds {
			verdict := "NOT IN"
			if f.In {
				verdict = "IN"
			}
			fmt.Fprintf(w, "%s: %s: %s\n", f.Feed, verdict, f.Why)
			if len(f.Reasons) > 0 {
				fmt.Fprintf(w, "  score %g (needs %g): %s\n", f.Score, f.Need, strings.Join(f.Reasons, " "))
			}
			if f.AuthorNote != "" {
				fmt.Fprintf(w, "  author note: %s\n", f.AuthorNote)
			}
		}
	})
}
