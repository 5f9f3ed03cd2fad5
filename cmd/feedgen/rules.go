package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

func rulesCommand() *cli.Command {
	samples := func() cli.Flag {
		return &cli.IntFlag{Name: "samples", Value: 20, Usage: "list up to `N` posts of each kind of move (at most 100)"}
	}
	showFlags := func() []cli.Flag {
		return []cli.Flag{feedFlag(), jsonFlag(), &cli.BoolFlag{Name: "text", Usage: "print the rules' text instead (to edit and upload again)"}}
	}
	show := &cli.Command{
		Name:   "show",
		Usage:  "say which rules a feed applies, where they come from, and what the last change moved",
		Flags:  showFlags(),
		Action: runRulesShow,
	}
	return &cli.Command{
		Name:  "rules",
		Usage: "change a feed's relevance rules without a restart: show, diff, apply, revert",
		Description: `A feed applies the rules its definition names (builtin:NAME or a file) until a
curator uploads a version of their own; the upload wins, across restarts, until
a revert. Try a change first: diff judges every post the feed keeps and every
queued post with the new rules and lists what would enter or leave, changing
nothing. apply does the same, stores the rules, records the change in the audit
log, and judges the feed again: subscribers see the result at once. Posts that
never entered the feed were not kept and cannot come in now. FILE is a rules
file (RELEVANCE.md), or - for standard input. Through the running server's
admin API, or on the database file when no server runs.`,
		Flags:  showFlags(),
		Action: runRulesShow,
		Commands: []*cli.Command{
			show,
			{
				Name:      "diff",
				Usage:     "say what new rules would move in a feed, changing nothing",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{feedFlag(), jsonFlag(), samples(), &cli.BoolFlag{Name: "revert", Usage: "diff going back to the definition's rules instead of a FILE"}},
				Action:    runRulesChange("diff"),
			},
			{
				Name:      "apply",
				Usage:     "make new rules a feed's rules and judge the feed again",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{feedFlag(), jsonFlag(), noteFlag(), samples()},
				Action:    runRulesChange("apply"),
			},
			{
				Name:   "revert",
				Usage:  "go back to the rules the feed definition names, and judge the feed again",
				Flags:  []cli.Flag{feedFlag(), jsonFlag(), noteFlag(), samples()},
				Action: runRulesChange("revert"),
			},
		},
	}
}

func runRulesShow(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 0 {
		return fmt.Errorf("rules: unknown subcommand %q (show, diff, apply, revert)", cmd.Args().First())
	}
	feed, withText := cmd.String("feed"), cmd.Bool("text")
	var v *curation.RulesView
	err := curate(ctx, cmd,
		func(a *adminClient) error {
			q := url.Values{"feed": {feed}}
			if withText {
				q.Set("text", "1")
			}
			return a.do(ctx, http.MethodGet, "/admin/rules?"+q.Encode(), nil, &v)
		},
		func(svc *curation.Service, _ string) (err error) {
			v, err = svc.Rules(ctx, feed, withText)
			return err
		})
	if err != nil {
		return err
	}
	if withText && !cmd.Bool("json") {
		_, err := io.WriteString(cmd.Root().Writer, v.Text)
		return err
	}
	return output(cmd, v, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s\n", v.Feed, rulesRef(v.Active))
		if u := v.Upload; u != nil {
			fmt.Fprintf(w, "  uploaded by %s at %s", u.SetBy, usTime(u.SetUS))
			if u.Note != "" {
				fmt.Fprintf(w, " (%s)", u.Note)
			}
			fmt.Fprintln(w)
		}
		if v.UploadError != "" {
			fmt.Fprintf(w, "  the uploaded version is NOT applied: %s\n", v.UploadError)
		}
		fmt.Fprintf(w, "  thresholds: in %g, review %g, expert %g\n", v.In, v.Review, v.Expert)
		if v.Active.Source != model.RulesDefinition {
			fmt.Fprintf(w, "  definition: %s (feedgen rules revert goes back to it)\n", rulesRef(v.Definition))
		}
		if r := v.Rejudge; r != nil {
			state := "done at " + usTime(r.DoneUS)
			if r.DoneUS == 0 {
				state = "RUNNING (" + r.Phase + ")"
			}
			fmt.Fprintf(w, "  last change: by %s at %s to %s, judging again %s\n", r.Actor, usTime(r.StartedUS), rulesRef(r.Rules), state)
			fmt.Fprintf(w, "    %s\n", diffLine(&r.Diff))
		}
	})
}

// runRulesChange is diff, apply and revert.
func runRulesChange(what string) cli.ActionFunc {
	return func(ctx context.Context, cmd *cli.Command) error {
		req := curation.RulesRequest{Feed: cmd.String("feed"), Note: cmd.String("note"), Samples: int(cmd.Int("samples")),
			Revert: what == "revert" || cmd.Bool("revert")}
		switch {
		case req.Revert && cmd.Args().Len() != 0:
			return fmt.Errorf("%s: a revert takes no FILE", cmd.FullName())
		case !req.Revert:
			name, err := oneArg(cmd, "the rules FILE (- for standard input)")
			if err != nil {
				return err
			}
			if req.Rules, err = readRulesFile(cmd, name); err != nil {
				return err
			}
		}
		path, op := "/admin/rules/diff", func(svc *curation.Service, _ string) (*curation.RulesResult, error) {
			return svc.DiffRules(ctx, req)
		}
		var body any = req
		switch what {
		case "apply":
			path, op = "/admin/rules", func(svc *curation.Service, actor string) (*curation.RulesResult, error) {
				return svc.ApplyRules(ctx, actor, req)
			}
		case "revert":
			body = map[string]any{"feed": req.Feed, "note": req.Note, "samples": req.Samples}
			path, op = "/admin/rules/revert", func(svc *curation.Service, actor string) (*curation.RulesResult, error) {
				return svc.ApplyRules(ctx, actor, req)
			}
		}
		var res *curation.RulesResult
		err := curate(ctx, cmd,
			func(a *adminClient) error { return a.do(ctx, http.MethodPost, path, body, &res) },
			func(svc *curation.Service, actor string) (err error) {
				res, err = op(svc, actor)
				return err
			})
		if err != nil {
			return err
		}
		return output(cmd, res, func(w io.Writer) { printRulesResult(w, what, res) })
	}
}

// readRulesFile reads the rules text a command names (- is standard
// input), bounded like an upload.
func readRulesFile(cmd *cli.Command, name string) (string, error) {
	var r io.Reader
	if name == "-" {
		r = cmd.Root().Reader
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("rules: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, curation.MaxRulesBytes+1))
	if err != nil {
		return "", fmt.Errorf("rules: read %s: %w", name, err)
	}
	if len(b) > curation.MaxRulesBytes {
		return "", fmt.Errorf("rules: %s is larger than %d bytes", name, curation.MaxRulesBytes)
	}
	return string(b), nil
}

func rulesRef(r model.RulesRef) string {
	h := r.Hash
	if len(h) > 12 {
		h = h[:12]
	}
	switch {
	case r.Source == model.RulesUpload && r.Version > 0:
		return fmt.Sprintf("uploaded version %d (%s)", r.Version, h)
	case r.Source == model.RulesUpload:
		return fmt.Sprintf("the new rules (%s)", h)
	}
	return fmt.Sprintf("the definition's %s (%s)", r.Ref, h)
}

func diffLine(d *model.RulesDiff) string {
	return fmt.Sprintf("%d kept and %d queued posts judged: %d enter the feed, %d leave it, %d join the review queue, %d leave it clearly out",
		d.Held, d.Queued, d.Entered, d.Left, d.QueueAdded, d.QueueRemoved)
}

func printRulesResult(w io.Writer, what string, res *curation.RulesResult) {
	if res.Unchanged {
		fmt.Fprintf(w, "%s: %s are already in use; nothing to do\n", res.Feed, rulesRef(res.To))
		return
	}
	fmt.Fprintf(w, "%s: %s -> %s\n", res.Feed, rulesRef(res.From), rulesRef(res.To))
	printWarnings(w, res.Warnings)
	d := res.Diff
	if r := res.Rejudge; r != nil {
		d = &r.Diff
	}
	if d == nil {
		return
	}
	if what == "diff" {
		fmt.Fprintf(w, "dry run, nothing changed: %s\n", diffLine(d))
	} else {
		fmt.Fprintf(w, "applied: %s\n", diffLine(d))
	}
	kinds := []struct {
		title string
		match func(m model.RulesMove) bool
		mark  string
	}{
		{"enter the feed", func(m model.RulesMove) bool { return m.To == model.PlaceIn }, "+"},
		{"leave the feed", func(m model.RulesMove) bool { return m.From == model.PlaceIn }, "-"},
		{"join the review queue", func(m model.RulesMove) bool { return m.To == model.PlaceQueue }, "?"},
		{"leave the review queue clearly out", func(m model.RulesMove) bool {
			return m.From == model.PlaceQueue && m.To == model.PlaceOut
		}, "x"},
	}
	for _, k := range kinds {
		first := true
		for _, m := range d.Samples {
			if !k.match(m) {
				continue
			}
			if first {
				fmt.Fprintf(w, "%s:\n", k.title)
				first = false
			}
			fmt.Fprintf(w, "  %s %s [%s>%s] score %g %s\n    %q\n", k.mark, m.URI, m.From, m.To, m.Score, strings.Join(m.Reasons, " "), oneLine(m.Text))
		}
	}
	if r := res.Rejudge; r != nil && r.DoneUS == 0 {
		fmt.Fprintf(w, "judging the feed again is not done (%s); it goes on at the next start\n", r.Phase)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// printWarnings lists the parser's warnings about new rules: lines that
// work as written but are likely not what was meant.
func printWarnings(w io.Writer, ws []relevance.Warning) {
	if len(ws) == 0 {
		return
	}
	noun := "warnings"
	if len(ws) == 1 {
		noun = "warning"
	}
	fmt.Fprintf(w, "%d %s (the rules work as written; check these lines):\n", len(ws), noun)
	for _, x := range ws {
		fmt.Fprintf(w, "  %s\n", x)
	}
}
