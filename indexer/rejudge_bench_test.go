package indexer

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

var benchHeld = flag.Int("bench-held", 50000, "kept posts in the store the re-judge benchmarks judge again")

// heldStore is a store (with fsync, as in production) holding n posts in
// the feed over the last 30 days, by 5,000 authors, their content the
// devset's posts in turn (real text, cards, replies), each kept as the
// indexer keeps it; and the built-in rules and a stricter version of them
// (threshold.in 4 instead of 3), which move a share of them both ways.
func heldStore(b *testing.B, n int) (*store.Store, *relevance.Classifier, *relevance.Classifier) {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "feedgen.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	f, err := os.Open("../relevance/testdata/devset.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var evs []Event
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		ev, err := DecodeJetstream(sc.Bytes())
		if err == nil && ev.Commit != nil && ev.Commit.Post != nil {
			evs = append(evs, ev)
		}
	}
	start := testNow.Add(-30 * 24 * time.Hour).UnixMicro()
	step := (30 * 24 * time.Hour).Microseconds() / int64(n)
	for lo := 0; lo < n; lo += 5000 {
		err := st.Update(context.Background(), func(tx *store.Tx) error {
			for i := lo; i < min(lo+5000, n); i++ {
				ev := evs[i%len(evs)]
				author := syntax.DID(fmt.Sprintf("did:plc:held%020d", i%5000))
				uri := syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kheld%07d", author, i))
				us := start + int64(i)*step
				post := *ev.Commit.Post
				post.CreatedAt = time.UnixMicro(us).UTC().Format(time.RFC3339Nano)
				p := PostRecord(uri, cidA, author, us, &post)
				p.Feeds = []model.Membership{{Feed: testFeed, Score: 3, Reasons: []string{"bench"}}}
				if err := tx.PutPost(p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	builtin, err := relevance.BuiltinText(relevance.DefaultRules)
	if err != nil {
		b.Fatal(err)
	}
	parse := func(text string) *relevance.Classifier {
		r, err := relevance.ParseRules("bench", strings.NewReader(text))
		if err != nil {
			b.Fatal(err)
		}
		return relevance.New(r)
	}
	stricter := strings.Replace(builtin, "threshold.in = 3 ", "threshold.in = 4 ", 1)
	if stricter == builtin {
		b.Fatal("the built-in rules' threshold.in line moved; fix the benchmark")
	}
	return st, parse(builtin), parse(stricter)
}

// rejudgeAll judges the whole feed again with dec, DefaultRejudgeBatch
// records per transaction, as the writer does for curation.
func rejudgeAll(b *testing.B, st *store.Store, dec FeedDecider) *model.Rejudge {
	state := &model.Rejudge{Feed: testFeed, Phase: model.RejudgePosts}
	job := &RejudgeJob{Decider: dec, State: state}
	var t Tally
	for job.State.Phase != model.RejudgeDone {
		err := st.Update(context.Background(), func(tx *store.Tx) error {
			next, err := rejudgeBatch(tx, job, testNow.UnixMicro(), &t)
			job.State = next
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return job.State
}

// BenchmarkRejudge is the cost of a change of rules on a feed that holds
// -bench-held posts (30 days of a busy feed is a few thousand; 50,000 is
// the worst case): "dry-run" judges them all and writes nothing (what
// feedgen rules diff costs, and apply first), "apply" judges them all
// through the writer's batches of DefaultRejudgeBatch, with fsync, writing
// what moves. Each iteration switches between the built-in rules and a
// stricter version, so that every one moves the same posts.
func BenchmarkRejudge(b *testing.B) {
	st, builtin, stricter := heldStore(b, *benchHeld)
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: testFeed, Classifier: builtin}}})
	if err != nil {
		b.Fatal(err)
	}
	// Settle the bench's placeholder memberships under the built-in rules.
	settled := rejudgeAll(b, st, dec)
	b.Logf("held %d; under the built-in rules %d left, %d joined the queue", *benchHeld, settled.Diff.Left, settled.Diff.QueueAdded)
	rules := [2]*relevance.Classifier{stricter, builtin}

	b.Run("dry-run", func(b *testing.B) {
		cand, err := dec.WithRules(testFeed, stricter)
		if err != nil {
			b.Fatal(err)
		}
		var d *model.RulesDiff
		cpu0 := cpuTime()
		for b.Loop() {
			if d, err = DryRun(context.Background(), st, cand, testFeed, 0, testNow.UnixMicro()); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(d.Held+d.Queued)/(b.Elapsed().Seconds()/float64(b.N)), "records/s")
		b.ReportMetric(float64(d.Left), "moved")
	})
	b.Run("apply", func(b *testing.B) {
		i := 0
		var res *model.Rejudge
		cpu0 := cpuTime()
		for b.Loop() {
			if err := dec.SetRules(testFeed, rules[i%2]); err != nil {
				b.Fatal(err)
			}
			res = rejudgeAll(b, st, dec)
			i++
		}
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(res.Diff.Held+res.Diff.Queued)/(b.Elapsed().Seconds()/float64(b.N)), "records/s")
		b.ReportMetric(float64(res.Diff.Entered+res.Diff.Left), "moved")
	})
}

// cpuTime is the CPU time (user and system) this process has used: on a
// machine shared with other work, the cost of a run that wall time hides.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
