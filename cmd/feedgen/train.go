package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/relevance"
)

func trainCommand() *cli.Command {
	return &cli.Command{
		Name:      "train",
		Usage:     "train the text model the rules consult one step below their threshold, from labelled posts",
		ArgsUsage: "SET.jsonl...",
		Description: `Each SET is a file of posts as classify reads them, with its labels
beside it in SET.labels.jsonl (lines {"uri":"...","in":true}); a SET named
*.labels.jsonl is passed over, so relevance/testdata/*.jsonl works. Posts
without a label are left out.

--real FILE adds real text labelled through a candidate filter (corpus/):
of its posts, those labelled in --real-labels and those the rules score at
least --real-min are used, and those without a label count as out. The
model so learns what the rules' near misses look like in text nobody here
wrote.

The same inputs in the same order give the same model, byte for byte.
corpus/train-model.sh rebuilds the builtin one. Try a model before building
it in with feedgen classify --model FILE; RELEVANCE.md says how it is used.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Required: true, Usage: "write the model to `FILE`"},
			&cli.StringSliceFlag{Name: "real", Usage: "real-text `FILE` labelled through a candidate filter (repeatable)"},
			&cli.StringFlag{Name: "real-labels", Usage: "labels of the --real files (`FILE`)"},
			&cli.FloatFlag{Name: "real-min", Value: 1.5, Usage: "use an unlabelled real text only if the rules score it at least `SCORE`"},
			&cli.StringFlag{Name: "rules", Value: "builtin:" + relevance.DefaultRules, Usage: "rules that score the real text: builtin:`NAME` or a file"},
			&cli.IntFlag{Name: "bits", Value: 20, Usage: "2^`N` weights"},
			&cli.IntFlag{Name: "epochs", Value: 5, Usage: "passes over the examples"},
		},
		Action: runTrain,
	}
}

func runTrain(ctx context.Context, cmd *cli.Command) error {
	var ex []relevance.ModelExample
	sets := 0
	for _, path := range cmd.Args().Slice() {
		if strings.HasSuffix(path, ".labels.jsonl") {
			continue
		}
		labels, _, err := readLabels(strings.TrimSuffix(path, ".jsonl") + ".labels.jsonl")
		if err != nil {
			return fmt.Errorf("train: %s: %w", path, err)
		}
		n0 := len(ex)
		err = eachPost(ctx, path, func(uri string, p relevance.Post) {
			if in, ok := labels[uri]; ok {
				ex = append(ex, relevance.ModelExample{Post: &p, In: in})
			}
		})
		if err != nil {
			return err
		}
		if len(ex) == n0 {
			return fmt.Errorf("train: %s: no post has a label", path)
		}
		sets++
	}
	nsets := len(ex)
	if real := cmd.StringSlice("real"); len(real) > 0 {
		if cmd.String("real-labels") == "" {
			return fmt.Errorf("train: --real needs --real-labels")
		}
		labels, _, err := readLabels(cmd.String("real-labels"))
		if err != nil {
			return err
		}
		rules, err := loadRules(cmd.String("rules"))
		if err != nil {
			return err
		}
		// The rules alone choose the real text: the model being replaced
		// has no say in what its successor learns from.
		c := relevance.New(rules.WithModel(nil))
		floor := cmd.Float("real-min")
		for _, path := range real {
			err := eachPost(ctx, path, func(uri string, p relevance.Post) {
				in, labelled := labels[uri]
				if labelled || c.Score(&p).Score >= floor {
					ex = append(ex, relevance.ModelExample{Post: &p, In: in})
				}
			})
			if err != nil {
				return err
			}
		}
	}
	if len(ex) == 0 {
		return fmt.Errorf("train: no labelled posts: name sets, or --real with --real-labels")
	}
	start := time.Now()
	m, err := relevance.TrainModel(ex, relevance.TrainOptions{Bits: int(cmd.Int("bits")), Epochs: int(cmd.Int("epochs"))})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	out := cmd.String("out")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	ins, right := 0, 0
	for _, e := range ex {
		p := m.Prob(e.Post)
		if e.In {
			ins++
		}
		if (p >= 0.5) == e.In {
			right++
		}
	}
	fmt.Fprintf(cmd.Root().ErrWriter, "train: %d posts (%d in) from %d sets, %d of them real text; trained in %s; right on %.3f of them; wrote %s (%d bytes)\n",
		len(ex), ins, sets, len(ex)-nsets, time.Since(start).Round(time.Millisecond), float64(right)/float64(len(ex)), filepath.Clean(out), buf.Len())
	return nil
}

// eachPost calls fn for every post created in a file of classify's input.
func eachPost(ctx context.Context, path string, fn func(uri string, p relevance.Post)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	defer f.Close()
	bad := 0
	_, err = eachInput(ctx, f, time.Now(), func(line int, ev indexer.Event, named bool) error {
		cm := ev.Commit
		if ev.Kind != indexer.KindCommit || cm == nil || cm.Collection != indexer.CollectionPost || cm.Op != indexer.OpCreate || cm.Post == nil {
			return nil
		}
		fn(ev.URI().String(), relevance.FromRecord(cm.Post))
		return nil
	}, func(int, error) { bad++ })
	if err != nil {
		return fmt.Errorf("train: %s: %w", path, err)
	}
	if bad > 0 {
		return fmt.Errorf("train: %s: %d lines are not posts classify can read", path, bad)
	}
	return nil
}
