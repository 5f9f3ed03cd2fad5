package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
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
	var x struct {
		*curation.Explanation
		People people `json:"people"`
	}
	err = curate(ctx, cmd,
		func(a *adminClient) error {
			err := a.do(ctx, http.MethodGet, "/admin/explain?"+url.Values{"uri": {ref}}.Encode(), nil, &x)
			if err == nil {
				x.People = remotePeople(ctx, a, []syntax.DID{x.Author})
			}
			return err
		},
		func(svc *curation.Service, _ string) (err error) {
			x.Explanation, err = svc.Explain(ctx, ref)
			if err == nil {
				x.People = localPeople(ctx, svc, []syntax.DID{x.Author})
			}
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, x, func(w io.Writer) {
		by := x.People.named(x.Author)
		if by == x.Author.String() && x.Handle != "" {
			by = "@" + x.Handle + " " + by
		}
		fmt.Fprintf(w, "%s\nby %s", x.URI, by)
		if x.CreatedAt != "" {
			fmt.Fprintf(w, " at %s", x.CreatedAt)
		}
		fmt.Fprintln(w)
		if x.Text != "" {
			fmt.Fprintf(w, "  %q\n", x.Text)
		}
		if e := x.Engagement; e != nil {
			fmt.Fprintf(w, "  %d likes, %d reposts, %d replies, %d quotes since it entered\n", e.Likes, e.Reposts, e.Replies, e.Quotes)
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
			if f.Rules != "" {
				fmt.Fprintf(w, "  rules: %s\n", f.Rules)
			}
			if f.ExpertFollowers > 0 {
				community := ""
				if f.Community {
					community = ": a community author"
				}
				fmt.Fprintf(w, "  followed by %d of the feed's experts%s\n", f.ExpertFollowers, community)
			}
			if len(f.Endorsers) > 0 {
				fmt.Fprintf(w, "  liked or reposted by the experts %s\n", joinDIDs(f.Endorsers))
			}
		}
	})
}

func joinDIDs[T ~string](ds []T) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = string(d)
	}
	return strings.Join(out, ", ")
}
