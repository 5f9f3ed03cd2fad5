package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "print a feed's figures: what entered and why, the review queue, readers, indexer lag, top posts and authors",
		Description: "The same figures as the curators' dashboard, through the running server's admin API, or from the\n" +
			"database file when no server runs (then without the last minute's readership).",
		Flags: []cli.Flag{feedFlag(), jsonFlag(),
			&cli.IntFlag{Name: "days", Value: stats.DefaultDays, Usage: fmt.Sprintf("how many days, today included (1 to %d)", stats.MaxDays)},
		},
		Action: runStats,
	}
}

func runStats(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 0 {
		return fmt.Errorf("stats: takes no arguments")
	}
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	days := int(cmd.Int("days"))
	if days < 1 || days > stats.MaxDays {
		return fmt.Errorf("stats: --days must be from 1 to %d", stats.MaxDays)
	}
	var rep *stats.Report
	err = withServerOrStore(ctx, cmd, cfg,
		func(a *adminClient) error {
			q := url.Values{"feed": {cmd.String("feed")}, "days": {strconv.Itoa(days)}}
			return a.do(ctx, http.MethodGet, "/admin/stats?"+q.Encode(), nil, &rep)
		},
		func(st *store.Store) (err error) {
			_, feeds := figureFeeds(cfg)
			rep, err = stats.NewReporter(stats.ReporterConfig{Feeds: feeds}, st, engagementSource(st), nil).Report(ctx, cmd.String("feed"), days)
			return err
		})
	if err != nil {
		return err
	}
	return output(cmd, rep, func(w io.Writer) { printStats(w, rep) })
}

// Names of the kinds of entry and queue exits, as the dashboard says them.
var (
	kindNames = map[string]string{"rules": "rules", "expert": "expert author", "all": "newsroom (tier all)", "thread": "joined a thread",
		"endorsed": "expert endorsement", "approved": "approved from the queue", "repost": "repost by a listed author"}
	outNames = map[string]string{"approved": "approved", "rejected": "rejected", "admitted": "let in by the rules",
		"gone": "deleted or edited out", "overflow": "queue full"}
)

// printStats writes a report as tables a terminal shows at a glance: a
// column a day for up to ten days, a sparkline beyond.
func printStats(w io.Writer, r *stats.Report) {
	n := len(r.Days)
	wide := n <= 10
	fmt.Fprintf(w, "%s, served as %s: %s to %s (UTC)\n", r.Feed, strings.Join(r.Feeds, " and "), r.Days[0], r.Days[n-1])
	type line struct {
		name   string
		values []uint64
		total  string
	}
	type section struct {
		title string
		lines []line
	}
	rows := func(ss []stats.Series, names map[string]string, prefix string) []line {
		var out []line
		for _, s := range ss {
			name := s.Name
			if names[name] != "" {
				name = names[name]
			}
			out = append(out, line{prefix + name, s.Values, strconv.FormatUint(s.Total, 10)})
		}
		return out
	}
	readers := rows(r.Requests, nil, "requests: ")
	for _, s := range r.Viewers {
		readers = append(readers, line{"distinct viewers: " + s.Name, s.Values, ""})
	}
	readers = append(readers, rows(r.ShowMore, nil, "show more: ")...)
	readers = append(readers, rows(r.ShowLess, nil, "show less: ")...)
	readers = append(readers, rows(r.Seen, nil, "seen: ")...)
	sections := []section{
		{"Posts entering, by why", rows(r.EnteredByKind, kindNames, "")},
		{"Posts entering, by language", rows(r.EnteredByLanguage, nil, "")},
		{fmt.Sprintf("Review queue (%d waiting now)", r.QueueWaiting),
			append([]line{{"in", r.QueueIn.Values, strconv.FormatUint(r.QueueIn.Total, 10)}}, rows(r.QueueOut, outNames, "out: ")...)},
		{"Readers", readers},
	}
	// Names on the left, numbers right-aligned in columns as wide as
	// their widest entry.
	nameW, colW, totalW := 0, 6, 5
	for _, sec := range sections {
		nameW = max(nameW, len([]rune(sec.title)))
		for _, l := range sec.lines {
			nameW = max(nameW, len([]rune(l.name))+2)
			totalW = max(totalW, len(l.total))
			for _, v := range l.values {
				colW = max(colW, len(strconv.FormatUint(v, 10)))
			}
		}
	}
	for _, sec := range sections {
		fmt.Fprintf(w, "\n%-*s", nameW, sec.title)
		if wide {
			for _, d := range r.Days {
				t, _ := time.Parse(time.DateOnly, d)
				fmt.Fprintf(w, "  %*s", colW, t.Format("02 Jan"))
			}
		} else {
			fmt.Fprintf(w, "  %-*s", n, "per day")
		}
		fmt.Fprintf(w, "  %*s\n", totalW, "total")
		if len(sec.lines) == 0 {
			fmt.Fprintf(w, "  (none)\n")
		}
		for _, l := range sec.lines {
			fmt.Fprintf(w, "  %-*s", nameW-2, l.name)
			if wide {
				for _, v := range l.values {
					fmt.Fprintf(w, "  %*d", colW, v)
				}
			} else {
				fmt.Fprintf(w, "  %-*s", n, sparkline(l.values))
			}
			fmt.Fprintf(w, "  %*s\n", totalW, l.total)
		}
	}

	fmt.Fprintf(w, "\nIndexer lag, last 24 hours: ")
	if len(r.Lag) == 0 {
		fmt.Fprintln(w, "no samples (no indexer runs here)")
	} else {
		worst := r.Lag[0]
		vals := make([]uint64, len(r.Lag))
		for i, p := range r.Lag {
			if p.Seconds > worst.Seconds {
				worst = p
			}
			vals[i] = uint64(p.Seconds * 10)
		}
		fmt.Fprintf(w, "now %.1f s, worst %.1f s at %s\n  %s\n", r.Lag[len(r.Lag)-1].Seconds, worst.Seconds, worst.At.Format("15:04Z"), sparkline(coarse(vals, 72)))
	}

	fmt.Fprintf(w, "\nTop posts")
	if !r.EngagementCounted {
		fmt.Fprintf(w, " (engagement is not counted by this version: by times seen)")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tscore\tlikes\treposts\treplies\tquotes\tseen\tauthor\tpost\t")
	for i, p := range r.TopPosts {
		fmt.Fprintf(tw, "%d\t%.0f\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", i+1, p.Score, p.Likes, p.Reposts, p.Replies, p.Quotes, p.Impressions, p.Author, p.URL)
		if p.Text != "" {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\t\t  %q\t\n", clipText(p.Text, 70))
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "\nTop authors")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tscore\tposts\tlikes\treposts\treplies\tquotes\tauthor\t")
	for i, a := range r.TopAuthors {
		fmt.Fprintf(tw, "%d\t%.0f\t%d\t%d\t%d\t%d\t%d\t%s\t\n", i+1, a.Score, a.Posts, a.Likes, a.Reposts, a.Replies, a.Quotes, a.URL)
	}
	tw.Flush()
}

// sparkline draws values as block characters, scaled to their maximum.
func sparkline(values []uint64) string {
	const bars = "▁▂▃▄▅▆▇█"
	var top uint64
	for _, v := range values {
		top = max(top, v)
	}
	var b strings.Builder
	for _, v := range values {
		i := 0
		if top > 0 {
			i = int(v * 7 / top)
		}
		b.WriteString(string([]rune(bars)[i]))
	}
	return b.String()
}

// coarse keeps the maximum of each of n equal runs of values.
func coarse(values []uint64, n int) []uint64 {
	if len(values) <= n {
		return values
	}
	out := make([]uint64, n)
	for i, v := range values {
		j := i * n / len(values)
		out[j] = max(out[j], v)
	}
	return out
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
