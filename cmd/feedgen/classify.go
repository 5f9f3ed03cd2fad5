package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	gocid "github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/relevance"
)

func classifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "classify",
		Usage:     "judge posts (JSON lines: Jetstream events or post records) and say why",
		ArgsUsage: "[FILE|-]",
		Description: `Reads JSON lines from FILE, or standard input when FILE is - or absent.
Each line is one of:

  a post record, at least its text, to try a sentence:
    {"text": "Mirzoyan and Bayramov met in Washington", "langs": ["en"]}
  the fields of app.bsky.feed.post may follow (facets, embed, reply,
  labels, createdAt), and "uri" (at://DID/app.bsky.feed.post/RKEY) and
  "author" (a DID) say whose it is;

  a Jetstream event, as recorded from the network ("kind":"commit", ...);
  "time_us" and "commit.cid" may be left out: the time is then the
  record's createdAt, and the CID is not needed to judge.

It prints one JSON line per post, with "line" (the input line) in place of
"uri" for a post given without one:

  {"uri":"at://...","in":true,"score":4.5,"reasons":["person:Pashinyan(+3)", ...]}

Posts are judged in order with the indexer's code path: a reply whose
thread root went in earlier is judged with that knowledge. Events that are
not posts (likes, accounts) are passed over. A line that is neither is
skipped and named on standard error; then classify exits with status 1,
after judging every other line.

With --labels FILE (lines {"uri":"...","in":true}) it prints precision,
recall, false positives per 100,000 posts and the mistakes instead; when
the labels give each post's language ("lang":"ka"), also the counts by
language (right/wrong in/missed).
--unlabelled-out counts posts without a label as out: for a corpus where
only what a broad filter found was labelled by hand, such as corpus/ (see
corpus/README.md).

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
			&cli.StringFlag{Name: "model", Usage: "consult the text model in `FILE` (from feedgen train) instead of the one the rules name"},
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
	if path := cmd.String("model"); path != "" {
		if rules, err = withModelFile(rules, path); err != nil {
			return err
		}
	}
	env, err := tierEnv(cmd)
	if err != nil {
		return err
	}
	var labels map[string]bool
	var labelLangs map[string]string
	if path := cmd.String("labels"); path != "" {
		if labels, labelLangs, err = readLabels(path); err != nil {
			return err
		}
	}

	in, out, errw, closeIn, err := classifyStreams(cmd, cmd.Args().First())
	if err != nil {
		return err
	}
	defer closeIn()
	ws, err := fileWarnings(cmd.String("rules"), rules)
	if err != nil {
		return err
	}
	printWarnings(errw, ws)

	c := relevance.New(rules)
	var judged []judgement
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var skipped []int
	lines, err := eachInput(ctx, in, time.Now(), func(line int, ev indexer.Event, named bool) error {
		j, ok, err := classifyEvent(c, env, ev)
		if err != nil || !ok {
			return err
		}
		if labels != nil {
			judged = append(judged, j)
			return nil
		}
		d := decisionLine{URI: j.uri, In: j.d.In, Score: j.d.Score, Reasons: nonNil(j.d.Reasons)}
		if !named {
			d.URI, d.Line = "", line
		}
		return enc.Encode(d)
	}, func(line int, err error) {
		skipped = append(skipped, line)
		if len(skipped) <= maxSkipReports {
			fmt.Fprintf(errw, "classify: line %d: %v (skipped)\n", line, err)
		}
	})
	if err != nil {
		bw.Flush()
		return err
	}
	if labels != nil {
		report(bw, judged, labels, labelLangs, cmd.Bool("unlabelled-out"))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if len(skipped) > 0 {
		return skippedError(skipped, lines)
	}
	return nil
}

// classifyStreams are classify's input (the file name, or standard input
// for "" or "-"), output and error stream; closeIn closes the input.
func classifyStreams(cmd *cli.Command, name string) (in io.Reader, out, errw io.Writer, closeIn func(), err error) {
	in, out, errw, closeIn = cmd.Root().Reader, cmd.Root().Writer, cmd.Root().ErrWriter, func() {}
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = os.Stdout
	}
	if errw == nil {
		errw = os.Stderr
	}
	if name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, nil, nil, fmt.Errorf("classify: %w", err)
		}
		in, closeIn = f, func() { f.Close() }
	}
	return in, out, errw, closeIn, nil
}

// maxSkipReports is how many skipped lines are reported one by one, and
// named in the final error.
const maxSkipReports = 5

// skippedError says how many lines were skipped, and the first of them.
func skippedError(skipped []int, lines int) error {
	nums := make([]string, 0, maxSkipReports)
	for _, n := range skipped[:min(len(skipped), maxSkipReports)] {
		nums = append(nums, strconv.Itoa(n))
	}
	more := ""
	if len(skipped) > maxSkipReports {
		more = ", ..."
	}
	word := "line"
	if len(skipped) > 1 {
		word = "lines"
	}
	return fmt.Errorf("classify: %d of %d lines skipped (%s %s%s): a line is a post record with a \"text\" or a Jetstream event "+
		"(see feedgen classify --help)", len(skipped), lines, word, strings.Join(nums, ", "), more)
}

// decisionLine is one line of classify's output.
type decisionLine struct {
	// Line is the input line of a post given without a URI.
	Line    int      `json:"line,omitempty"`
	URI     string   `json:"uri,omitempty"`
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

// eachInput decodes JSON lines from r and calls fn for each event (named
// is false for a post given without a URI), and onBad for each line that
// does not decode; it returns how many non-empty lines it read.
func eachInput(ctx context.Context, r io.Reader, start time.Time, fn func(line int, ev indexer.Event, named bool) error, onBad func(int, error)) (int, error) {
	br := bufio.NewReaderSize(r, 64*1024)
	n := 0
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		b, err := readLine(br)
		if len(bytes.TrimSpace(b)) > 0 {
			n++
			// A post without a time is taken as seen in input order.
			ev, named, derr := decodeInput(b, line, start.Add(time.Duration(line)*time.Microsecond))
			if derr != nil {
				onBad(line, derr)
			} else if ferr := fn(line, ev, named); ferr != nil {
				return n, ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("classify: read line %d: %w", line, err)
		}
	}
}

// inputLine is what decodeInput looks at first: whether a line is a
// Jetstream event or a post record, and what the latter says of itself.
type inputLine struct {
	Kind   string `json:"kind"`
	DID    string `json:"did"`
	TimeUS int64  `json:"time_us"`
	Commit *struct {
		Operation  string          `json:"operation"`
		Collection string          `json:"collection"`
		RKey       string          `json:"rkey"`
		CID        string          `json:"cid"`
		Record     json.RawMessage `json:"record"`
	} `json:"commit"`
	Text      *string `json:"text"`
	URI       string  `json:"uri"`
	Author    string  `json:"author"`
	CreatedAt string  `json:"createdAt"`
}

// decodeInput reads one input line as an event, with the stream's own
// checks. A Jetstream event with its time and CID goes through the
// stream's decoder as it is; one without them, and a post record, are
// made into the create event the stream would carry, at seen (or at the
// record's createdAt). named says whether the post came with its URI.
func decodeInput(b []byte, line int, seen time.Time) (indexer.Event, bool, error) {
	var in inputLine
	if err := json.Unmarshal(b, &in); err != nil {
		return indexer.Event{}, false, fmt.Errorf("not JSON: %w", err)
	}
	switch {
	case in.Kind != "":
		cm := in.Commit
		if in.TimeUS > 0 && (cm == nil || cm.CID != "" || cm.Operation != "create") {
			ev, err := indexer.DecodeJetstream(b)
			return ev, true, err
		}
		if cm == nil || cm.Operation != "create" {
			ev, err := indexer.DecodeJetstream(b) // says what is wrong
			return ev, true, err
		}
		uri := "at://" + in.DID + "/" + cm.Collection + "/" + cm.RKey
		ev, err := indexer.DecodeRecord(uri, placeholderCID(b, cm.CID), cm.Record, eventTime(in.TimeUS, cm.Record, seen))
		return ev, true, err
	case in.Text != nil:
		return decodePostRecord(b, in, line, seen)
	}
	return indexer.Event{}, false, errors.New(`neither a post record (no "text") nor a Jetstream event (no "kind")`)
}

// decodePostRecord makes a line holding a post record into its create
// event. Without "author", each line has an author of its own, so that
// nothing is judged against the posts of others (the per-author cap).
func decodePostRecord(b []byte, in inputLine, line int, seen time.Time) (indexer.Event, bool, error) {
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(b, &rec); err != nil {
		return indexer.Event{}, false, err
	}
	for _, k := range []string{"uri", "author", "cid"} {
		delete(rec, k)
	}
	rec["$type"] = json.RawMessage(`"` + indexer.CollectionPost + `"`)
	if in.CreatedAt == "" {
		rec["createdAt"] = json.RawMessage(`"` + seen.UTC().Format(time.RFC3339Nano) + `"`)
	}
	value, err := json.Marshal(rec)
	if err != nil {
		return indexer.Event{}, false, err
	}
	named := in.URI != ""
	uri := in.URI
	if !named {
		author := in.Author
		if author == "" {
			author = fmt.Sprintf("did:plc:line%020d", line)
		}
		if _, err := syntax.ParseDID(author); err != nil {
			return indexer.Event{}, false, fmt.Errorf("author %q: %w", author, err)
		}
		uri = fmt.Sprintf("at://%s/%s/line%d", author, indexer.CollectionPost, line)
	} else if in.Author != "" && !strings.HasPrefix(in.URI, "at://"+in.Author+"/") {
		return indexer.Event{}, false, fmt.Errorf("uri %s is not by author %s", in.URI, in.Author)
	}
	ev, err := indexer.DecodeRecord(uri, placeholderCID(b, ""), value, eventTime(0, value, seen))
	return ev, named, err
}

// eventTime is the time an event was seen: its time_us, else its
// record's createdAt, else seen.
func eventTime(timeUS int64, record json.RawMessage, seen time.Time) int64 {
	if timeUS > 0 {
		return timeUS
	}
	var r struct {
		CreatedAt string `json:"createdAt"`
	}
	if json.Unmarshal(record, &r) == nil {
		if us := indexer.ParseCreated(r.CreatedAt); us > 0 {
			return us
		}
	}
	return seen.UnixMicro()
}

// placeholderCID is cid, or one made from the line itself when it has
// none: the judgement does not read it, the stream's decoder wants one.
func placeholderCID(line []byte, cid string) string {
	if cid != "" {
		return cid
	}
	h, err := multihash.Sum(line, multihash.SHA2_256, -1)
	if err != nil {
		panic(err)
	}
	return gocid.NewCidV1(gocid.DagCBOR, h).String()
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

// fileWarnings returns the warnings of rules read from a file (ref) that
// the default builtin rules do not have: what an edited copy brought in.
// Builtin rules were reviewed with theirs; they get none.
func fileWarnings(ref string, rules *relevance.Rules) ([]relevance.Warning, error) {
	if len(rules.Warnings()) == 0 {
		return nil, nil
	}
	if _, ok := builtinRef(ref); ok {
		return nil, nil
	}
	base, err := relevance.Builtin(relevance.DefaultRules)
	if err != nil {
		return nil, err
	}
	return rules.NewWarnings(base), nil
}

// withModelFile returns the rules consulting the model in the file.
func withModelFile(rules *relevance.Rules, path string) (*relevance.Rules, error) {
	if st := rules.Settings; st.ModelBonus == 0 && st.ModelFarBonus == 0 && st.ModelMalus == 0 {
		return nil, fmt.Errorf("--model: the rules %s give no bonus.model, bonus.model.far or malus.model, so no model is consulted", rules.Name)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--model: %w", err)
	}
	defer f.Close()
	m, err := relevance.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("--model: %s: %w", path, err)
	}
	return rules.WithModel(m), nil
}

// readRules reads the text a rules reference names, and the name its
// errors are reported under.
func readRules(ref string) (name, text string, err error) {
	if builtin, ok := builtinRef(ref); ok {
		text, err := relevance.BuiltinText(builtin)
		return builtin + ".rules", text, err
	}
	b, err := os.ReadFile(ref)
	if err != nil {
		return "", "", fmt.Errorf("rules: %w", err)
	}
	return ref, string(b), nil
}

// builtinRef says whether a rules reference names builtin rules, and
// which: "builtin:NAME", or a bare builtin name no file has.
func builtinRef(ref string) (string, bool) {
	if name, ok := strings.CutPrefix(ref, "builtin:"); ok {
		return name, true
	}
	if _, err := os.Stat(ref); errors.Is(err, os.ErrNotExist) && slices.Contains(relevance.BuiltinNames(), ref) {
		return ref, true
	}
	return "", false
}

// readLabels reads lines {"uri": "...", "in": true}, and the language a
// line may give ("lang": "ka", as the labelled sets of relevance/testdata
// do) into langs.
func readLabels(path string) (labels map[string]bool, langs map[string]string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("labels: %w", err)
	}
	defer f.Close()
	labels, langs = map[string]bool{}, map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l struct {
			URI  string `json:"uri"`
			In   *bool  `json:"in"`
			Lang string `json:"lang"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, nil, fmt.Errorf("labels: %s:%d: %w", path, line, err)
		}
		if _, err := syntax.ParseATURI(l.URI); err != nil || l.In == nil {
			return nil, nil, fmt.Errorf("labels: %s:%d: want {\"uri\": \"at://...\", \"in\": true|false}", path, line)
		}
		labels[l.URI] = *l.In
		if l.Lang != "" {
			langs[l.URI] = l.Lang
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("labels: %s: %w", path, err)
	}
	return labels, langs, nil
}

// report prints precision, recall, false positives per 100,000 posts,
// the same counts by the labels' languages when they give them, and the
// mistakes. With unlabelledOut a post without a label counts as out.
func report(w io.Writer, judged []judgement, labels map[string]bool, langs map[string]string, unlabelledOut bool) {
	var tp, fp, fn, unlabelled int
	byLang := map[string][3]int{} // right, wrong in, missed
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
		k := -1
		switch {
		case j.d.In && want:
			tp++
			k = 0
		case j.d.In:
			fp++
			k = 1
			mistakes = append(mistakes, mistake("false positive", j))
		case want:
			fn++
			k = 2
			mistakes = append(mistakes, mistake("false negative", j))
		}
		if lang := langs[j.uri]; lang != "" {
			c := byLang[lang]
			if k >= 0 {
				c[k]++
			}
			byLang[lang] = c
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
	if len(byLang) > 0 {
		var parts []string
		for _, lang := range slices.Sorted(maps.Keys(byLang)) {
			c := byLang[lang]
			parts = append(parts, fmt.Sprintf("%s %d/%d/%d", lang, c[0], c[1], c[2]))
		}
		fmt.Fprintf(w, "by language (right/wrong in/missed): %s\n", strings.Join(parts, ", "))
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
