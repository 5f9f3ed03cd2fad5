package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/relevance"
)

func classifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "classify",
		Usage:     "judge posts from Jetstream events (JSON lines) and say why",
		ArgsUsage: "[FILE|-]",
		Description: `Reads Jetstream events from FILE, or standard input when FILE is - or
absent, and prints one JSON line per post:

  {"uri":"at://...","in":true,"score":4.5,"reasons":["person:Pashinyan(+3)", ...]}

Events are judged in order with the indexer's code path: a reply whose thread
root went in earlier is judged with that knowledge. With --labels FILE (lines
{"uri":"...","in":true}) it prints precision, recall, false positives per
100,000 posts and the mistakes instead. --unlabelled-out counts posts without
a label as out: for a corpus where only what a broad filter found was
labelled by hand, such as corpus/ (see corpus/README.md).

With --diff OLD NEW [FILE] it judges every post with the rules OLD and with
the rules NEW (each builtin:NAME or a file), each with its own memory of what
went in, and prints one JSON line per post they place differently (in the
feed, in the review band, or out), then a summary on standard error: what a
change of rules would do to these posts (feedgen rules diff does the same
for the posts a running feed holds).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "labels", Usage: "score against labels from `FILE` instead of printing decisions"},
			&cli.BoolFlag{Name: "unlabelled-out", Usage: "with --labels: a post without a label counts as out (a corpus labelled through a candidate filter)"},
			&cli.StringFlag{Name: "rules", Value: "builtin:" + relevance.DefaultRules, Usage: "relevance rules: builtin:`NAME`, a builtin name, or a rules file"},
			&cli.StringSliceFlag{Name: "expert", Usage: "author `DID` in the expert tier (repeatable)"},
			&cli.StringSliceFlag{Name: "all", Usage: "author `DID` in the all tier (repeatable)"},
			&cli.StringSliceFlag{Name: "blocked", Usage: "blocked author `DID` (repeatable)"},
			&cli.BoolFlag{Name: "diff", Usage: "take OLD NEW [FILE]: judge with both rules (builtin:NAME or files) and print the posts they place differently"},
		},
		Action: runClassify,
	}
}

func runClassify(ctx context.Context, cmd *cli.Command) error {
	if cmd.Bool("diff") {
		return runClassifyDiff(ctx, cmd)
	}
	if cmd.Args().Len() > 1 {
		return fmt.Errorf("classify: want at most one FILE, got %d", cmd.Args().Len())
	}
	rules, err := loadRules(cmd.String("rules"))
	if err != nil {
		return err
	}
	env, err := tierEnv(cmd)
	if err != nil {
		return err
	}
	var labels map[string]bool
	if path := cmd.String("labels"); path != "" {
		if labels, err = readLabels(path); err != nil {
			return err
		}
	}

	in := cmd.Root().Reader
	if in == nil {
		in = os.Stdin
	}
	if name := cmd.Args().First(); name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("classify: %w", err)
		}
		defer f.Close()
		in = f
	}
	out := cmd.Root().Writer
	if out == nil {
		out = os.Stdout
	}
	errw := cmd.Root().ErrWriter
	if errw == nil {
		errw = os.Stderr
	}

	c := relevance.New(rules)
	var judged []judgement
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bad, err := eachEvent(ctx, in, func(ev indexer.Event) error {
		j, ok, err := classifyEvent(c, env, ev)
		if err != nil || !ok {
			return err
		}
		if labels != nil {
			judged = append(judged, j)
			return nil
		}
		return enc.Encode(decisionLine{URI: j.uri, In: j.d.In, Score: j.d.Score, Reasons: nonNil(j.d.Reasons)})
	}, func(line int, err error) {
		fmt.Fprintf(errw, "classify: line %d: %v (skipped)\n", line, err)
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		fmt.Fprintf(errw, "classify: %d malformed events skipped\n", bad)
	}
	if labels != nil {
		report(bw, judged, labels, cmd.Bool("unlabelled-out"))
	}
	return bw.Flush()
}

// decisionLine is one line of classify's output.
type decisionLine struct {
	URI     string   `json:"uri"`
	In      bool     `json:"in"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

type judgement struct {
	uri  string
	text string
	d    relevance.Decision
}

// classifyEvent judges a post creation and records it in env when it goes
// in, exactly as the indexer does with its store; a deleted post leaves the
// feed. ok is false for events that are not posts being created.
func classifyEvent(c *relevance.Classifier, env *relevance.MemoryEnv, ev indexer.Event) (judgement, bool, error) {
	cm := ev.Commit
	if ev.Kind != indexer.KindCommit || cm == nil || cm.Collection != indexer.CollectionPost {
		return judgement{}, false, nil
	}
	uri := ev.URI()
	if cm.Op == indexer.OpDelete {
		env.Remove(uri)
		return judgement{}, false, nil
	}
	if cm.Op != indexer.OpCreate || cm.Post == nil {
		return judgement{}, false, nil
	}
	in := relevance.Input{URI: uri, Author: ev.DID, Time: time.UnixMicro(ev.TimeUS), Post: relevance.FromRecord(cm.Post)}
	d, err := c.Classify(env, in)
	if err != nil {
		return judgement{}, false, err
	}
	if d.In {
		env.Accept(uri, ev.DID, in.Time)
	}
	return judgement{uri: uri.String(), text: cm.Post.Text, d: d}, true, nil
}

// eachEvent decodes JSON lines from r and calls fn for each event, and
// onBad for each line that does not decode; it returns how many were bad.
func eachEvent(ctx context.Context, r io.Reader, fn func(indexer.Event) error, onBad func(int, error)) (int, error) {
	br := bufio.NewReaderSize(r, 64*1024)
	bad := 0
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return bad, err
		}
		b, err := readLine(br)
		if len(bytes.TrimSpace(b)) > 0 {
			ev, derr := indexer.DecodeJetstream(b)
			if derr != nil {
				bad++
				onBad(line, derr)
			} else if ferr := fn(ev); ferr != nil {
				return bad, ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return bad, nil
		}
		if err != nil {
			return bad, fmt.Errorf("classify: read line %d: %w", line, err)
		}
	}
}

// readLine reads one line without its line ending, however long; a line
// longer than the decoder accepts is consumed whole and kept just long
// enough for the decoder to reject it as too large.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf) <= indexer.MaxEventSize {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// loadRules resolves a rules reference as the feed configuration writes
// it: "builtin:NAME", a bare builtin name, or a path to a rules file.
func loadRules(ref string) (*relevance.Rules, error) {
	rules, _, err := loadRulesText(ref)
	return rules, err
}

// loadRulesText is loadRules that also returns the text the rules were
// read from.
func loadRulesText(ref string) (*relevance.Rules, string, error) {
	name, text, err := readRules(ref)
	if err != nil {
		return nil, "", err
	}
	rules, err := relevance.ParseRules(name, strings.NewReader(text))
	return rules, text, err
}

// readRules reads the text a rules reference names, and the name its
// errors are reported under.
func readRules(ref string) (name, text string, err error) {
	builtin, ok := strings.CutPrefix(ref, "builtin:")
	if !ok {
		if _, err := os.Stat(ref); errors.Is(err, os.ErrNotExist) && slices.Contains(relevance.BuiltinNames(), ref) {
			builtin, ok = ref, true
		}
	}
	if ok {
		text, err := relevance.BuiltinText(builtin)
		return builtin + ".rules", text, err
	}
	b, err := os.ReadFile(ref)
	if err != nil {
		return "", "", fmt.Errorf("rules: %w", err)
	}
	return ref, string(b), nil
}

// readLabels reads lines {"uri": "...", "in": true}.
func readLabels(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	defer f.Close()
	labels := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l struct {
			URI string `json:"uri"`
			In  *bool  `json:"in"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("labels: %s:%d: %w", path, line, err)
		}
		if _, err := syntax.ParseATURI(l.URI); err != nil || l.In == nil {
			return nil, fmt.Errorf("labels: %s:%d: want {\"uri\": \"at://...\", \"in\": true|false}", path, line)
		}
		labels[l.URI] = *l.In
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("labels: %s: %w", path, err)
	}
	return labels, nil
}

// report prints precision, recall, false positives per 100,000 posts and
// the mistakes. With unlabelledOut a post without a label counts as out.
func report(w io.Writer, judged []judgement, labels map[string]bool, unlabelledOut bool) {
	var tp, fp, fn, unlabelled int
	var mistakes []string
	seen := map[string]bool{}
	for _, j := range judged {
		want, ok := labels[j.uri]
		if !ok {
			unlabelled++
			if !unlabelledOut {
				continue
			}
		} else {
			seen[j.uri] = true
		}
		switch {
		case j.d.In && want:
			tp++
		case j.d.In:
			fp++
			mistakes = append(mistakes, mistake("false positive", j))
		case want:
			fn++
			mistakes = append(mistakes, mistake("false negative", j))
		}
	}
	fmt.Fprintf(w, "posts %d, labelled %d, unlabelled %d, labels without a post %d\n", len(judged), len(seen), unlabelled, len(labels)-len(seen))
	fmt.Fprintf(w, "precision %s (%d true positives, %d false positives)\n", ratio(tp, tp+fp), tp, fp)
	fmt.Fprintf(w, "recall %s (%d true positives, %d false negatives)\n", ratio(tp, tp+fn), tp, fn)
	judgedN := len(seen)
	if unlabelledOut {
		judgedN = len(judged)
	}
	if judgedN > 0 {
		fmt.Fprintf(w, "false positives per 100,000 posts %.1f (%d of %d)\n", float64(fp)*100000/float64(judgedN), fp, judgedN)
	}
	fmt.Fprintf(w, "mistakes %d\n", len(mistakes))
	for _, m := range mistakes {
		fmt.Fprintln(w, m)
	}
}

func mistake(kind string, j judgement) string {
	text := strings.Join(strings.Fields(j.text), " ")
	if r := []rune(text); len(r) > 100 {
		text = string(r[:100]) + "…"
	}
	return fmt.Sprintf("%s %s score %v %v %q", kind, j.uri, j.d.Score, nonNil(j.d.Reasons), text)
}

func ratio(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", float64(n)/float64(d))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
