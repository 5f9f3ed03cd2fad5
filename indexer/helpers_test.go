package indexer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/store"
)

const testFeed = "scpeace"

// testNow is the fake clock's time; events are made just before it.
var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func mustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "feedgen.db"), store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// keywordDecider is the test double for relevance: a post belongs in every
// feed when its text names one of the three countries.
type keywordDecider struct{ feeds []string }

func (d keywordDecider) Decide(tx *store.Tx, ev *Event) ([]store.Membership, error) {
	text := strings.ToLower(ev.Commit.Post.Text)
	for _, kw := range []string{"armenia", "azerbaijan", "georgia", "հայաստան", "azərbaycan", "საქართველო"} {
		if strings.Contains(text, kw) {
			var out []store.Membership
			for _, f := range d.feeds {
				out = append(out, store.Membership{Feed: f, Score: 1, Reasons: []string{"keyword:" + kw}})
			}
			return out, nil
		}
	}
	return nil, nil
}

// fakeTiers is a fixed map of curated authors.
type fakeTiers map[syntax.DID]Tier

func (f fakeTiers) AuthorTier(_ *store.Tx, _ string, did syntax.DID) (Tier, error) {
	return f[did], nil
}

type testIndexer struct {
	*Indexer
	store *store.Store
	reg   *prometheus.Registry
}

func newTestIndexer(tb testing.TB, st *store.Store, spec SourceSpec, tiers AuthorTiers, tweak func(*Config)) *testIndexer {
	tb.Helper()
	cfg := Config{
		Source:        spec,
		Feeds:         []FeedConfig{{ID: testFeed, Reposts: true}},
		Now:           func() time.Time { return testNow },
		PruneInterval: -1,
		BatchInterval: 10 * time.Millisecond,
		BackoffMin:    5 * time.Millisecond,
		BackoffMax:    50 * time.Millisecond,
		StallTimeout:  2 * time.Second,
		PingInterval:  time.Second,
	}
	if tweak != nil {
		tweak(&cfg)
	}
	reg := prometheus.NewRegistry()
	ix, err := New(cfg, Deps{Store: st, Registerer: reg, Decider: keywordDecider{feeds: []string{testFeed}}, Authors: tiers})
	if err != nil {
		tb.Fatal(err)
	}
	return &testIndexer{Indexer: ix, store: st, reg: reg}
}

func (ti *testIndexer) counter(tb testing.TB, name string, labels ...string) float64 {
	tb.Helper()
	mfs, err := ti.reg.Gather()
	if err != nil {
		tb.Fatal(err)
	}
	total := 0.0
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metric:
		for _, m := range mf.GetMetric() {
			for i := 0; i+1 < len(labels); i += 2 {
				found := false
				for _, lp := range m.GetLabel() {
					if lp.GetName() == labels[i] && lp.GetValue() == labels[i+1] {
						found = true
					}
				}
				if !found {
					continue metric
				}
			}
			total += m.GetCounter().GetValue()
		}
	}
	return total
}

// ev builds events for tests. Times are microseconds before testNow.
type evb struct {
	t int64 // next time_us
}

func newEvb() *evb { return &evb{t: testNow.Add(-time.Hour).UnixMicro()} }

func (b *evb) next() int64 { b.t += 1000; return b.t }

func did(n int) syntax.DID { return syntax.DID(fmt.Sprintf("did:plc:%024d", n)) }

const cidA = "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a"

func (b *evb) post(author syntax.DID, rkey, text string) Event {
	t := b.next()
	return Event{Kind: KindCommit, DID: author, TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpCreate, Rev: "3m4aqfchvg4k7", Collection: CollectionPost, RKey: syntax.RecordKey(rkey), CID: cidA,
		Post: &bsky.FeedPost{Text: text, CreatedAt: time.UnixMicro(t).UTC().Format(time.RFC3339Nano), Langs: []string{"en"}},
	}}
}

func (b *evb) update(author syntax.DID, rkey, text string) Event {
	e := b.post(author, rkey, text)
	e.Commit.Op = OpUpdate
	return e
}

func (b *evb) del(author syntax.DID, coll, rkey string) Event {
	t := b.next()
	return Event{Kind: KindCommit, DID: author, TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpDelete, Rev: "3m4aqfchvg4k7", Collection: syntax.NSID(coll), RKey: syntax.RecordKey(rkey),
	}}
}

func (b *evb) repost(author syntax.DID, rkey string, subject syntax.ATURI) Event {
	t := b.next()
	return Event{Kind: KindCommit, DID: author, TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpCreate, Rev: "3m4aqfchvg4k7", Collection: CollectionRepost, RKey: syntax.RecordKey(rkey), CID: cidA,
		Repost: &bsky.FeedRepost{CreatedAt: time.UnixMicro(t).UTC().Format(time.RFC3339Nano), Subject: &comatproto.RepoStrongRef{Uri: subject.String(), Cid: cidA}},
	}}
}

func (b *evb) account(author syntax.DID, active bool, status string) Event {
	t := b.next()
	return Event{Kind: KindAccount, DID: author, TimeUS: t, Cursor: t, Account: &Account{Active: active, Status: status}}
}

func (b *evb) identity(author syntax.DID) Event {
	t := b.next()
	return Event{Kind: KindIdentity, DID: author, TimeUS: t, Cursor: t, Identity: &Identity{Handle: "x.test"}}
}

func postURI(author syntax.DID, rkey string) syntax.ATURI {
	return syntax.ATURI("at://" + author.String() + "/" + CollectionPost + "/" + rkey)
}

func repostURI(author syntax.DID, rkey string) syntax.ATURI {
	return syntax.ATURI("at://" + author.String() + "/" + CollectionRepost + "/" + rkey)
}

// encodeLines writes events (and raw lines, given as string) as JSON lines.
func encodeLines(tb testing.TB, items ...any) []byte {
	tb.Helper()
	var buf bytes.Buffer
	for _, it := range items {
		switch v := it.(type) {
		case Event:
			b, err := EncodeJetstream(v)
			if err != nil {
				tb.Fatal(err)
			}
			buf.Write(b)
		case string:
			buf.WriteString(v)
		default:
			tb.Fatalf("encodeLines: %T", it)
		}
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func writeFile(tb testing.TB, data []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "events.jsonl")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

// feedURIs lists a feed newest first, reposts as "repost:<uri>".
func feedURIs(tb testing.TB, st *store.Store, feed string) []string {
	tb.Helper()
	var out []string
	cursor := ""
	for {
		items, next, err := st.FeedPage(store.PageRequest{Feed: feed, Cursor: cursor, Limit: 100})
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range items {
			s := it.URI.String()
			if it.Repost != "" {
				s = "repost:" + it.Repost.String() + "->" + s
			}
			out = append(out, s)
		}
		if next == "" {
			return out
		}
		cursor = next
	}
}

// dump is every key and value in the database, for comparing two stores.
func dump(tb testing.TB, st *store.Store) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := st.View(func(tx *store.Tx) error {
		var walk func(prefix string, b *bolt.Bucket) error
		walk = func(prefix string, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return walk(prefix+string(k)+"/", b.Bucket(k))
				}
				out[prefix+string(k)] = string(v)
				return nil
			})
		}
		return tx.Bolt().ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(string(name)+"/", b)
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func diffDumps(a, b map[string]string) []string {
	var diffs []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			diffs = append(diffs, "only in first: "+k)
		} else if v != w {
			diffs = append(diffs, "differs: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diffs = append(diffs, "only in second: "+k)
		}
	}
	sort.Strings(diffs)
	return diffs
}

func runToEnd(tb testing.TB, ti *testIndexer) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := ti.Run(ctx); err != nil {
		tb.Fatalf("run: %v", err)
	}
	if !ti.Status().Done {
		tb.Fatal("file source did not finish")
	}
}

// synthBytes is a synthetic recording of n events ending before testNow.
func synthBytes(tb testing.TB, n int, seed uint64) []byte {
	tb.Helper()
	var buf bytes.Buffer
	err := WriteSynthetic(&buf, SynthConfig{Seed: seed, Events: n, Start: testNow.Add(-2 * time.Hour), Authors: 5000, Garbage: true})
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// synthTiers curates the synthetic authors the generator favours.
func synthTiers() fakeTiers {
	t := fakeTiers{}
	for i := 0; i < SynthTierAll+SynthExperts; i++ {
		t[SynthAuthor(i)] = TierExpert
		if i < SynthTierAll {
			t[SynthAuthor(i)] = TierAll
		}
	}
	return t
}
