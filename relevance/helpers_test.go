package relevance

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// The package may not import the indexer, so its tests read Jetstream
// events with this minimal decoder; `feedgen classify` uses the real one.
type jsEvent struct {
	DID    string `json:"did"`
	TimeUS int64  `json:"time_us"`
	Kind   string `json:"kind"`
	Commit *struct {
		Operation  string          `json:"operation"`
		Collection string          `json:"collection"`
		RKey       string          `json:"rkey"`
		Record     json.RawMessage `json:"record"`
	} `json:"commit"`
}

type labelled struct {
	in    Input
	label bool
	why   string
}

// loadLabelled reads events and their labels (same order, matched by URI).
func loadLabelled(tb testing.TB, events, labels string) []labelled {
	tb.Helper()
	want := map[string]struct {
		In  bool   `json:"in"`
		Why string `json:"why"`
	}{}
	lf, err := os.Open(labels)
	if err != nil {
		tb.Fatal(err)
	}
	defer lf.Close()
	sc := bufio.NewScanner(lf)
	for sc.Scan() {
		var l struct {
			URI string `json:"uri"`
			In  bool   `json:"in"`
			Why string `json:"why"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			tb.Fatalf("%s: %v", labels, err)
		}
		want[l.URI] = struct {
			In  bool   `json:"in"`
			Why string `json:"why"`
		}{l.In, l.Why}
	}
	var out []labelled
	for _, in := range loadEvents(tb, events) {
		l, ok := want[string(in.URI)]
		if !ok {
			tb.Fatalf("%s: no label for %s", labels, in.URI)
		}
		out = append(out, labelled{in: in, label: l.In, why: l.Why})
	}
	return out
}

func loadEvents(tb testing.TB, path string) []Input {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []Input
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var ev jsEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		if ev.Kind != "commit" || ev.Commit == nil || ev.Commit.Operation != "create" || ev.Commit.Collection != "app.bsky.feed.post" {
			continue
		}
		var rec bsky.FeedPost
		if err := json.Unmarshal(ev.Commit.Record, &rec); err != nil {
			tb.Fatalf("%s: record: %v", path, err)
		}
		out = append(out, Input{
			URI:    syntax.ATURI("at://" + ev.DID + "/" + ev.Commit.Collection + "/" + ev.Commit.RKey),
			Author: syntax.DID(ev.DID),
			Time:   time.UnixMicro(ev.TimeUS),
			Post:   FromRecord(&rec),
		})
	}
	return out
}

// runFeed classifies inputs in order, accepting what goes in, the way the
// indexer and `feedgen classify` do.
func runFeed(tb testing.TB, c *Classifier, env *MemoryEnv, ins []Input) []Decision {
	tb.Helper()
	out := make([]Decision, len(ins))
	for i, in := range ins {
		d, err := c.Classify(env, in)
		if err != nil {
			tb.Fatal(err)
		}
		if d.In {
			env.Accept(in.URI, in.Author, in.Time)
		}
		out[i] = d
	}
	return out
}

// mustBuiltinRules parses the builtin rules, text model included.
func mustBuiltinRules(tb testing.TB) *Rules {
	tb.Helper()
	r, err := Builtin(DefaultRules)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func mustBuiltin(tb testing.TB) *Classifier {
	tb.Helper()
	return New(mustBuiltinRules(tb))
}

// mustRulesOnly is the builtin rules without their text model: what the
// rules alone decide.
func mustRulesOnly(tb testing.TB) *Classifier {
	tb.Helper()
	return New(mustBuiltinRules(tb).WithModel(nil))
}
