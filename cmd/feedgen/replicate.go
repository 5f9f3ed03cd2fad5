package main

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/feedgen"
)

// curationHealth shows, in the repo curation store, how the rebuild from
// the publisher's repository goes: "rebuilding" (200) until a replica on
// an empty database has read every curation record and backfilled the
// listed authors, "degraded" if the last attempt failed (it is retried).
type curationHealth struct{ cur *curation.Service }

func (h curationHealth) Health() feedgen.Check {
	r := h.cur.Rebuilding()
	details := map[string]any{"store": "repo", "rebuild": r}
	switch r.State {
	case "pending", "rebuilding":
		return feedgen.Check{Status: feedgen.StatusRebuilding, Reason: "reading the curation records of the publisher's repository and backfilling the listed authors", Details: details}
	case "failed":
		return feedgen.Check{Status: feedgen.StatusDegraded, Reason: "the rebuild from the publisher's repository failed (retried): " + r.Error, Details: details}
	}
	return feedgen.Check{Status: feedgen.StatusOK, Details: details}
}

func rebuildCommand() *cli.Command {
	return &cli.Command{
		Name:  "rebuild",
		Usage: "read curation back from the publisher's repository now (--curation-store repo)",
		Description: "Reads every curation record of the publisher's repository (blocks, pins, authors, verdicts), applies\n" +
			"them, takes back what this replica holds that the repository no longer does, and backfills the listed\n" +
			"authors' recent posts. A replica on an empty database does this by itself when it starts.",
		Flags:  []cli.Flag{jsonFlag()},
		Action: runRebuild,
	}
}

func runRebuild(ctx context.Context, cmd *cli.Command) error {
	var res *curation.RebuildStatus
	err := curate(ctx, cmd,
		func(a *adminClient) error { return a.do(ctx, http.MethodPost, "/admin/rebuild", nil, &res) },
		func(svc *curation.Service, _ string) (err error) {
			res, err = svc.Rebuild(ctx)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		fmt.Fprintf(w, "rebuilt: %d record(s) read, %d taken back, %d author(s) backfilled\n", res.Records, res.Removed, res.Backfilled)
	})
}

func curationCommand() *cli.Command {
	return &cli.Command{
		Name:  "curation",
		Usage: "where curation is kept",
		Commands: []*cli.Command{{
			Name:  "export",
			Usage: "write this database's curation to the publisher's repository as records, to switch to --curation-store repo",
			Description: "Writes blocks, pins, curators' tiers, verdicts and uploaded rules as records of the publisher's\n" +
				"repository (needs FEEDGEN_PUBLISHER_HANDLE, FEEDGEN_PUBLISHER_PASSWORD and FEEDGEN_PDS_URL). Record keys\n" +
				"come from what each is about, so running it again writes the same records. The records are public.",
			Flags:  []cli.Flag{&cli.BoolFlag{Name: "to-repo", Usage: "write to the publisher's repository (the only destination)"}, jsonFlag()},
			Action: runCurationExport,
		}},
	}
}

func runCurationExport(ctx context.Context, cmd *cli.Command) error {
	if !cmd.Bool("to-repo") {
		return fmt.Errorf("%s: say where: --to-repo (the publisher's repository)", cmd.FullName())
	}
	var res *curation.ExportResult
	err := curate(ctx, cmd,
		func(a *adminClient) error { return a.do(ctx, http.MethodPost, "/admin/curation/export", nil, &res) },
		func(svc *curation.Service, _ string) (err error) {
			res, err = svc.Export(ctx)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, res, func(w io.Writer) {
		fmt.Fprintf(w, "exported %d record(s) to the publisher's repository: %v\n", res.Total, res.Records)
	})
}
