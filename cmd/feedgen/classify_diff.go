package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

// tierEnv is classify's memory of the feed, with the authors the
// --expert, --all and --blocked flags put in tiers.
func tierEnv(cmd *cli.Command) (*relevance.MemoryEnv, error) {
	env := relevance.NewMemoryEnv()
	for _, t := range []model.Tier{model.TierAll, model.TierExpert, model.TierBlocked} {
		for _, s := range cmd.StringSlice(t.String()) {
			did, err := syntax.ParseDID(s)
			if err != nil {
				return nil, fmt.Errorf("classify: --%s %q: %w", t, s, err)
			}
			env.SetTier(did, t)
		}
	}
	return env, nil
}

// placeOf is where a decision puts a post: in the feed, in the review
// queue, or out.
func placeOf(d relevance.Decision) string {
	switch {
	case d.In:
		return model.PlaceIn
	case d.Review:
		return model.PlaceQueue
	}
	return model.PlaceOut
}

// diffLine is one post that two rules place differently.
type diffJudgement struct {
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

type classifyDiffLine struct {
	URI  string        `json:"uri"`
	From string        `json:"from"`
	To   string        `json:"to"`
	Old  diffJudgement `json:"old"`
	New  diffJudgement `json:"new"`
	Text string        `json:"text"`
}

// runClassifyDiff is `classify --diff OLD NEW [FILE]`: every post judged
// with both rules, each with its own memory of the feed (so a thread
// follows its root under each), and the posts placed differently printed.
func runClassifyDiff(ctx context.Context, cmd *cli.Command) error {
	args := cmd.Args().Slice()
	if len(args) < 2 || len(args) > 3 {
		return fmt.Errorf("classify --diff: want OLD NEW [FILE], got %d arguments", len(args))
	}
	if cmd.String("labels") != "" {
		return fmt.Errorf("classify --diff: --labels scores one set of rules; run it once for each")
	}
	var cs [2]*relevance.Classifier
	var rs [2]*relevance.Rules
	var envs [2]*relevance.MemoryEnv
	for i, ref := range args[:2] {
		rules, err := loadRules(ref)
		if err != nil {
			return fmt.Errorf("classify --diff: %w", err)
		}
		rs[i], cs[i] = rules, relevance.New(rules)
		if envs[i], err = tierEnv(cmd); err != nil {
			return err
		}
	}
	name := ""
	if len(args) == 3 {
		name = args[2]
	}
	in, out, errw, closeIn, err := classifyStreams(cmd, name)
	if err != nil {
		return err
	}
	defer closeIn()
	printWarnings(errw, rs[1].NewWarnings(rs[0]))
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var posts int
	var d model.RulesDiff
	var skipped []int
	lines, err := eachInput(ctx, in, time.Now(), func(_ int, ev indexer.Event, _ bool) error {
		var js [2]judgement
		for i := range cs {
			j, ok, err := classifyEvent(cs[i], envs[i], ev)
			if err != nil || !ok {
				return err
			}
			js[i] = j
		}
		posts++
		from, to := placeOf(js[0].d), placeOf(js[1].d)
		if from == to {
			return nil
		}
		switch {
		case to == model.PlaceIn:
			d.Entered++
		case from == model.PlaceIn:
			d.Left++
		}
		switch {
		case to == model.PlaceQueue:
			d.QueueAdded++
		case from == model.PlaceQueue && to == model.PlaceOut:
			d.QueueRemoved++
		}
		return enc.Encode(classifyDiffLine{URI: js[0].uri, From: from, To: to, Text: js[0].text,
			Old: diffJudgement{js[0].d.Score, nonNil(js[0].d.Reasons)}, New: diffJudgement{js[1].d.Score, nonNil(js[1].d.Reasons)}})
	}, func(line int, err error) {
		skipped = append(skipped, line)
		if len(skipped) <= maxSkipReports {
			fmt.Fprintf(errw, "classify: line %d: %v (skipped)\n", line, err)
		}
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(errw, "classify --diff: %d posts; %d enter the feed, %d leave it, %d join the review band, %d leave it clearly out\n",
		posts, d.Entered, d.Left, d.QueueAdded, d.QueueRemoved)
	if len(skipped) > 0 {
		return skippedError(skipped, lines)
	}
	return nil
}
