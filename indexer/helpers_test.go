package indexer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/internal/synth"
	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

const testFeed = "scpeace"

// testNow is the fake clock's time; events are made just before it.
var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

var mustOpen = testutil.MustOpen

// testRules are relevance rules that stand for the real ones in these
// tests: a post naming one of the three countries belongs in the feed,
// whoever wrote it.
const testRules = `
[settings]
threshold.in = 1
threshold.review = 1
threshold.expert = 1
guard.cap-per-hour = 0

[languages]
en = English
hy = Armenian
az = Azerbaijani
ka = Georgian

[group countries]
place 1 Armenia
  any: armenia*, հայաստան*
place 1 Azerbaijan
  any: azerbaijan*, azərbaycan*
place 1 Georgia
  any: georgia*, საქართველო*
`

// testDecider is the real decider over testRules, for one feed that takes
// reposts.
func testDecider(tb testing.TB) *membership.Decider {
	tb.Helper()
	rules, err := relevance.ParseRules("test", strings.NewReader(testRules))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: testFeed, Classifier: relevance.New(rules), Reposts: true}}})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// tiers curates authors in the test feed.
type tiers map[syntax.DID]model.Tier

// curate lists the authors in the store, as a curator would.
func curate(tb testing.TB, st *store.Store, t tiers) {
	tb.Helper()
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		for did, tier := range t {
			if err := tx.PutCuratedAuthor(&model.CuratedAuthor{Feed: testFeed, DID: did, Tier: tier, AddedBy: "test"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// keywordDecider stands in for membership.Decider where only the
// indexer's own work is measured or tested: the benchmarks (see
// BENCHMARKS.md), and replays, where the real decider may rightly judge a
// reply differently once its thread's root was deleted. A post naming one
// of the countries is in, whatever its context; a repost is in as the real
// decider would have it, with the tiers from a map.
type keywordDecider struct {
	feed  string
	tiers tiers
}

func (d keywordDecider) Decide(st membership.State, r membership.Record) (membership.Outcome, error) {
	var out membership.Outcome
	if r.Subject != "" {
		switch d.tiers[r.Author] {
		case model.TierAll:
			out.Feeds = []model.Membership{{Feed: d.feed, Score: 1, Reasons: []string{"repost", "author:all"}}}
		case model.TierExpert:
			if st.InFeed(d.feed, r.Subject) {
				out.Feeds = []model.Membership{{Feed: d.feed, Score: 1, Reasons: []string{"repost", "author:expert", "subject-in-feed"}}}
			}
		}
		if len(out.Feeds) > 0 && (st.Tombstoned(r.Subject) || st.Blocked(r.Subject)) {
			out.Feeds = nil
		}
		return out, nil
	}
	// A post of the stream, or a kept post decided again (its content).
	var text string
	switch {
	case r.Post != nil:
		text = r.Post.Text
	case r.Content != nil:
		text = r.Content.Text
	}
	text = strings.ToLower(text)
	for _, kw := range []string{"armenia", "azerbaijan", "georgia", "հայաստան", "azərbaycan", "საქართველო"} {
		if strings.Contains(text, kw) {
			out.Feeds = []model.Membership{{Feed: d.feed, Score: 1, Reasons: []string{"keyword:" + kw}}}
			return out, nil
		}
	}
	return out, nil
}

// Expert reads the store, as membership.Decider does, so that the
// benchmarks pay the look-up every like of the network costs.
func (d keywordDecider) Expert(st membership.State, did syntax.DID) (bool, error) {
	tier, err := st.AuthorTier(d.feed, did)
	return tier.Curated(), err
}

// Community is membership.Decider's, with community.experts 3.
func (d keywordDecider) Community(st membership.State, did syntax.DID) ([]string, error) {
	if tier, err := st.AuthorTier(d.feed, did); err != nil || tier != model.TierNone {
		return nil, err
	}
	followers, err := st.Followers(did)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, f := range followers {
		if ok, err := d.Expert(st, f); err != nil {
			return nil, err
		} else if ok {
			n++
		}
	}
	if n >= 3 {
		return []string{d.feed}, nil
	}
	return nil, nil
}

type testIndexer struct {
	*Indexer
	store *store.Store
	reg   *prometheus.Registry
}

// newTestIndexer builds an indexer over st with the test decider, after
// curating t in the store.
func newTestIndexer(tb testing.TB, st *store.Store, spec SourceSpec, t tiers, tweak func(*Config, *Deps)) *testIndexer {
	tb.Helper()
	curate(tb, st, t)
	cfg := Config{
		Source:        spec,
		Now:           func() time.Time { return testNow },
		PruneInterval: -1,
		BatchInterval: 10 * time.Millisecond,
		BackoffMin:    5 * time.Millisecond,
		BackoffMax:    50 * time.Millisecond,
		StallTimeout:  2 * time.Second,
		PingInterval:  time.Second,
	}
	reg := prometheus.NewRegistry()
	deps := Deps{Store: st, Registerer: reg, Decider: testDecider(tb)}
	if tweak != nil {
		tweak(&cfg, &deps)
	}
	ix, err := New(cfg, deps)
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
		Op: OpCreate, Rev: "3m4aqfchvg4k7", Collection: CollectionRepost, RKey: syntax.RecordKey(rkey), CID: cidA, Subject: subject,
		Repost: &bsky.FeedRepost{CreatedAt: time.UnixMicro(t).UTC().Format(time.RFC3339Nano), Subject: &comatproto.RepoStrongRef{Uri: subject.String(), Cid: cidA}},
	}}
}

func (b *evb) like(author syntax.DID, rkey string, subject syntax.ATURI) Event {
	t := b.next()
	return Event{Kind: KindCommit, DID: author, TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpCreate, Rev: "3m4aqfchvg4k7", Collection: CollectionLike, RKey: syntax.RecordKey(rkey), CID: cidA, Subject: subject,
	}}
}

func (b *evb) follow(author syntax.DID, rkey string, subject syntax.DID) Event {
	t := b.next()
	return Event{Kind: KindCommit, DID: author, TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpCreate, Rev: "3m4aqfchvg4k7", Collection: CollectionFollow, RKey: syntax.RecordKey(rkey), CID: cidA, Followed: subject,
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
		items, next, err := st.FeedPage(context.Background(), store.PageRequest{Feed: feed, Cursor: cursor, Limit: 100})
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

var dump, diffDumps = testutil.Dump, testutil.Diff

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
	err := synth.Write(&buf, synth.Config{Seed: seed, Events: n, Start: testNow.Add(-2 * time.Hour), Authors: 5000, Garbage: true})
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// synthTiers curates the synthetic authors the generator favours.
func synthTiers() tiers {
	t := tiers{}
	for i := 0; i < synth.TierAll+synth.Experts; i++ {
		t[synth.Author(i)] = model.TierExpert
		if i < synth.TierAll {
			t[synth.Author(i)] = model.TierAll
		}
	}
	return t
}

// devset is the labelled development set of real Jetstream events, kept
// once in the repository, beside the relevance rules it was labelled for.
const devset = "../relevance/testdata/devset.jsonl"
