package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/bluesky-social/indigo/atproto/syntax"
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
	var page struct {
		*curation.AuditPage
		People people `json:"people"`
	}
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			q := url.Values{"feed": {req.Feed}, "target": {req.Target}, "actor": {req.Actor}, "cursor": {req.Cursor}, "limit": {strconv.Itoa(req.Limit)}}
			err := a.do(ctx, http.MethodGet, "/admin/audit?"+q.Encode(), nil, &page)
			if err == nil {
				page.People = remotePeople(ctx, a, page.AuditPage.People())
			}
			return err
		},
		func(svc *curation.Service, _ string) (err error) {
			page.AuditPage, err = svc.Audit(ctx, req)
			if err == nil {
				page.People = localPeople(ctx, svc, page.AuditPage.People())
			}
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, page, func(w io.Writer) {
		for _, e := range page.Entries {
			fmt.Fprintf(w, "%s  %-12s %-14s %-10s %s", usTime(e.AtUS), e.Actor, e.Action, orDash(e.Feed), auditTarget(page.People, e.Target))
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

// auditTarget writes what a change was about with who it concerns: an
// author's name before their DID, a post's URI and its author's name.
func auditTarget(p people, target string) string {
	if did, err := syntax.ParseDID(target); err == nil {
		return p.named(did)
	}
	if u, err := syntax.ParseATURI(target); err == nil {
		if did, err := u.Authority().AsDID(); err == nil {
			if n := p.name(did); n != did.String() {
				return target + " by " + n
			}
		}
	}
	return target
}
