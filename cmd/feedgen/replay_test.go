package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/internal/synth"
	"github.com/scpeace/feedgen/internal/testutil"
)

// crashFixture writes a synthetic recording and a feeds file that curates
// the synthetic authors the generator favours, so reposts enter too.
func crashFixture(t *testing.T, events int) (eventsPath, feedsPath string) {
	t.Helper()
	dir := t.TempDir()
	eventsPath = filepath.Join(dir, "events.jsonl")
	var buf bytes.Buffer
	err := synth.Write(&buf, synth.Config{
		Seed: 42, Events: events, Start: time.Now().Add(-3 * time.Hour), Authors: 20000, Garbage: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventsPath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var all, experts []string
	for i := 0; i < synth.TierAll+synth.Experts; i++ {
		if i < synth.TierAll {
			all = append(all, synth.Author(i).String())
		} else {
			experts = append(experts, synth.Author(i).String())
		}
	}
	feeds := map[string]any{"feeds": []map[string]any{{
		"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus", "reposts": true,
		"authors": map[string][]string{"all": all, "expert": experts},
	}}}
	b, _ := json.Marshal(feeds)
	feedsPath = filepath.Join(dir, "feeds.json")
	if err := os.WriteFile(feedsPath, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return eventsPath, feedsPath
}

func replayCmd(t *testing.T, db, feeds, events string) *exec.Cmd {
	cmd := exec.Command(testutil.Feedgen(t), "replay", "--db", db, "--feeds", feeds, "--log-level", "warn", events)
	cmd.Env = testutil.Env()
	return cmd
}

// TestReplaySurvivesKill9 kills `feedgen replay` with SIGKILL at random
// moments, restarts it each time, and checks that the database it ends
// with is identical, key for key, to an uninterrupted run's: nothing lost,
// nothing doubled, every sequence number the same.
func TestReplaySurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary dozens of times")
	}
	events, feeds := crashFixture(t, 300000)
	dir := t.TempDir()

	clean := filepath.Join(dir, "clean.db")
	if out, err := replayCmd(t, clean, feeds, events).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted replay: %v\n%s", err, out)
	}
	want := testutil.DumpFile(t, clean)

	seed := uint64(time.Now().UnixNano())
	t.Logf("kill schedule seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	crashed := filepath.Join(dir, "crashed.db")
	kills := 0
	for attempt := 0; attempt < 40; attempt++ {
		cmd := replayCmd(t, crashed, feeds, events)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("replay run %d failed: %v\n%s", attempt, err, stderr.String())
			}
			attempt = 1 << 30 // finished by itself
		case <-time.After(time.Duration(20+r.IntN(400)) * time.Millisecond):
			cmd.Process.Kill()
			<-done
			kills++
		}
	}
	if kills < 5 {
		t.Fatalf("only %d kills landed before the replay finished; the file is too small to test anything", kills)
	}
	if out, err := replayCmd(t, crashed, feeds, events).CombinedOutput(); err != nil {
		t.Fatalf("final replay: %v\n%s", err, out)
	}
	got := testutil.DumpFile(t, crashed)
	// Seeding the configured authors records when it happened (the audit
	// log, each entry's added time): those differ between any two runs,
	// so only their number is compared.
	for _, prefix := range []string{"cur.audit/", "cur.authors/"} {
		if n, m := dropPrefix(want, prefix), dropPrefix(got, prefix); n != m {
			t.Errorf("%s: %d keys after the kills, %d in the uninterrupted run", prefix, m, n)
		}
	}
	// The daily figures are keyed by the day of the commit: a run that
	// crosses midnight UTC splits them between two days. Their sums by
	// feed and metric are what must match.
	foldDays(want)
	foldDays(got)
	if diffs := testutil.Diff(want, got); len(diffs) > 0 {
		t.Fatalf("after %d kills the database differs from the uninterrupted run in %d keys, e.g. %q", kills, len(diffs), diffs[:min(5, len(diffs))])
	}
	feedKeys := 0
	for k := range want {
		if len(k) > 15 && k[:15] == "feeds/sc-peace/" {
			feedKeys++
		}
	}
	if feedKeys < 1000 {
		t.Fatalf("the feed has %d items; the recording should fill it more", feedKeys)
	}
	t.Logf("%d kills, %d keys identical, %d feed items", kills, len(want), feedKeys)
}

// dropPrefix removes the keys under prefix and says how many there were.
// foldDays replaces the stats.daily counters of a dump (key <feed> 0x00
// day(4) <metric>, value a big-endian uint64) with their sums over the
// days, keyed by feed and metric.
func foldDays(m map[string]string) {
	const prefix = "stats.daily/"
	sums := map[string]uint64{}
	for k, v := range m {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		delete(m, k)
		feed, dayMetric, ok := strings.Cut(rest, "\x00")
		if !ok || len(dayMetric) < 4 || len(v) != 8 {
			m[k] = v // not a counter: compared as it is
			continue
		}
		sums[feed+"\x00"+dayMetric[4:]] += binary.BigEndian.Uint64([]byte(v))
	}
	for k, n := range sums {
		m[prefix+"sum/"+k] = strconv.FormatUint(n, 10)
	}
}

func dropPrefix(m map[string]string, prefix string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			delete(m, k)
			n++
		}
	}
	return n
}
