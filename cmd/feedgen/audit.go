package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
)

func auditCommand() *cli.Command {
	return &cli.Command{
		Name:  "audit",
		Usage: "print the audit log of curation: who changed what, when, newest first",
		Flags: []cli.Flag{feedFlag(), jsonFlag(),
			&cli.StringFlag{Name: "target", Usage: "only changes to this author `DID` or post URI"},
			&cli.StringFlag{Name: "actor", Usage: "only changes by this `NAME`"},
			&cli.IntFlag{Name: "limit", Value: 50, Usage: "how many"},
			&cli.StringFlag{Name: "cursor", Usage: "continue after this `CURSOR`"},
		},
		Action: runAudit,
	}
}

func runAudit(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 0 {
		return fmt.Errorf("audit: takes no arguments")
	}
	req := curation.AuditRequest{Feed: cmd.String("feed"), Target: cmd.String("target"), Actor: cmd.String("actor"), Cursor: cmd.String("cursor"), Limit: int(cmd.Int("limit"))}
	var page *curation.AuditPage
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			q := url.Values{"feed": {req.Feed}, "target": {req.Target}, "actor": {req.Actor}, "cursor": {req.Cursor}, "limit": {strconv.Itoa(req.Limit)}}
			return a.do(ctx, http.MethodGet, "/admin/audit?"+q.Encode(), nil, &page)
		},
		func(svc *curation.Service, _ string) (err error) {
			page, err = svc.Audit(ctx, req)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, page, func(w io.Writer) {
		for _, e := range page.Entries {
			fmt.Fprintf(w, "%s  %-12s %-14s %-10s %s", usTime(e.AtUS), e.Actor, e.Action, orDash(e.Feed), e.Target)
			if e.Note != "" {
				fmt.Fprintf(w, "  (%s)", e.Note)
			}
			fmt.Fprintln(w)
			if len(e.Before) > 0 {
				fmt.Fprintf(w, "    before: %s\n", e.Before)
			}
			if len(e.After) > 0 {
				fmt.Fprintf(w, "    after:  %s\n", e.After)
			}
		}
		if page.Cursor != "" {
			fmt.Fprintf(w, "more: --cursor %s\n", page.Cursor)
		}
	})
}
