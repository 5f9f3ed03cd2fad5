package curation_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/atdata"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/relevance"
)

// didPublisher owns the feeds, and the curation records.
const didPublisher = "did:plc:publisherppppppppppppppp"

// fakeRepo is the publisher's repository: its records, and the log of
// its commits, which the tests deliver to replicas as the stream would.
type fakeRepo struct {
	mu      sync.Mutex
	records map[string]map[string]json.RawMessage
	log     []repoOp
	fail    error
}

type repoOp struct {
	collection, rkey string
	value            json.RawMessage // nil: a delete
}

func newFakeRepo() *fakeRepo {
	return &fakeRepo{records: map[string]map[string]json.RawMessage{}}
}

func (r *fakeRepo) DID() syntax.DID { return didPublisher }

func (r *fakeRepo) Put(ctx context.Context, collection, rkey string, record map[string]any) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return r.fail
	}
	b, err := json.Marshal(record)
	if err != nil {
		return err
	}
	if r.records[collection] == nil {
		r.records[collection] = map[string]json.RawMessage{}
	}
	r.records[collection][rkey] = b
	r.log = append(r.log, repoOp{collection, rkey, b})
	return nil
}

func (r *fakeRepo) Delete(ctx context.Context, collection, rkey string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return r.fail
	}
	delete(r.records[collection], rkey)
	r.log = append(r.log, repoOp{collection: collection, rkey: rkey})
	return nil
}

func (r *fakeRepo) List(ctx context.Context, collection string, fn func(string, json.RawMessage) error) error {
	r.mu.Lock()
	recs := r.records[collection]
	keys := make([]string, 0, len(recs))
	for k := range recs {
		keys = append(keys, k)
	}
	r.mu.Unlock()
	slices.Sort(keys)
	for _, k := range keys {
		if err := fn(k, recs[k]); err != nil {
			return err
		}
	}
	return nil
}

func (r *fakeRepo) setFail(err error) {
	r.mu.Lock()
	r.fail = err
	r.mu.Unlock()
}

// since returns the commits from the n-th on.
func (r *fakeRepo) since(n int) []repoOp {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.log[n:])
}

// repoEvent is a commit as the stream delivers it, from did.
func repoEvent(t *testing.T, did string, op repoOp, at time.Time) indexer.Event {
	t.Helper()
	c := &indexer.Commit{Op: indexer.OpDelete, Collection: syntax.NSID(op.collection), RKey: syntax.RecordKey(op.rkey)}
	if op.value != nil {
		m, err := atdata.UnmarshalJSON(op.value)
		if err != nil {
			t.Fatal(err)
		}
		c.Op, c.CID, c.Data = indexer.OpCreate, testCID, m
	}
	return indexer.Event{Kind: indexer.KindCommit, DID: syntax.DID(did), TimeUS: at.UnixMicro(), Commit: c}
}

// deliver sends the repository's commits from the n-th on to each
// replica's indexer, as the stream would, and returns how many there are.
func (r *fakeRepo) deliver(t *testing.T, n int, replicas ...*env) int {
	t.Helper()
	ops := r.since(n)
	for _, e := range replicas {
		for _, op := range ops {
			e.ingest(repoEvent(t, didPublisher, op, e.clock()))
		}
	}
	return n + len(ops)
}

func withRepo(repo curation.Repo, reg prometheus.Registerer) envOption {
	return func(_ *curation.Config, _ *curation.Feed, d *curation.Deps) { d.Repo, d.Registerer = repo, reg }
}

// counter reads a counter of reg with the given label values.
func counter(t *testing.T, reg *prometheus.Registry, name string, labels ...string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metric:
		for _, m := range mf.Metric {
			for i := 0; i+1 < len(labels); i += 2 {
				if !hasLabel(m, labels[i], labels[i+1]) {
					continue metric
				}
			}
			return m.GetCounter().GetValue()
		}
	}
	return 0
}

func hasLabel(m *dto.Metric, name, value string) bool {
	for _, l := range m.Label {
		if l.GetName() == name && l.GetValue() == value {
			return true
		}
	}
	return false
}

// copyPost sends the post at uri, as published on from's fake PDS,
// through to's indexer: both replicas follow the same network.
func copyPost(t *testing.T, from, to *env, uri string) {
	t.Helper()
	u := syntax.ATURI(uri)
	rec := from.pds.Records(u.Authority().String(), u.Collection().String())[u.RecordKey().String()]
	ev, err := indexer.DecodeRecord(uri, rec.CID, rec.Value, from.clock().UnixMicro())
	if err != nil {
		t.Fatal(err)
	}
	to.ingest(ev)
}

func (e *env) tierOf(did string) string {
	e.t.Helper()
	for _, x := range e.ok("GET", "/admin/authors", nil)["authors"].([]any) {
		m := x.(map[string]any)
		if m["did"] == did {
			return m["effectiveTier"].(string)
		}
	}
	return ""
}

func (e *env) blockedURIs() []string {
	e.t.Helper()
	var out []string
	for _, x := range e.ok("GET", "/admin/blocks", nil)["blocks"].([]any) {
		out = append(out, x.(map[string]any)["uri"].(string))
	}
	slices.Sort(out)
	return out
}

// Two replicas in the repo curation store: what a curator does on one is
// written to the publisher's repository, applied there at once, and
// applied on the other when the record arrives; the record coming back to
// the first changes nothing. Deletions (unblock, unpin, removal) are
// record deletes and travel the same way.
func TestRepoStoreReplicatesCuration(t *testing.T) {
	repo := newFakeRepo()
	regA, regB := prometheus.NewRegistry(), prometheus.NewRegistry()
	a := newEnv(t, withRepo(repo, regA))
	b := newEnv(t, withRepo(repo, regB))
	p1 := a.stream(didBob, textStrong, 3*time.Hour)
	p2 := a.stream(didCarol, textStrong+" today", 2*time.Hour)
	for _, uri := range []string{p1, p2} {
		copyPost(t, a, b, uri)
	}
	if got := b.feedPosts(); !slices.Equal(got, []string{p2, p1}) {
		t.Fatalf("replica b before curation: %v", got)
	}

	a.ok("POST", "/admin/blocks", map[string]any{"uri": p1, "note": "misleading"})
	a.ok("POST", "/admin/pins", map[string]any{"uri": p2})
	a.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert", "noBackfill": true})
	// Applied on a at once, before any record came back.
	if got := a.feedPosts(); !slices.Equal(got, []string{p2}) {
		t.Errorf("replica a after block: %v", got)
	}
	auditA := a.auditActions()
	n := repo.deliver(t, 0, a, b)
	if n != 3 {
		t.Errorf("%d records written, want 3 (block, pin, author)", n)
	}
	if got := a.auditActions(); !slices.Equal(got, auditA) {
		t.Errorf("the records coming back to the replica that wrote them changed it again: audit %v, was %v", got, auditA)
	}
	if got := b.blockedURIs(); !slices.Equal(got, []string{p1}) {
		t.Errorf("replica b blocks: %v, want %v", got, []string{p1})
	}
	if got := b.feedPosts(); !slices.Equal(got, []string{p2}) {
		t.Errorf("replica b feed: %v, want the blocked post gone", got)
	}
	if got := b.svc.Pins(feedID); !slices.Equal(got, []string{p2}) {
		t.Errorf("replica b pins: %v", got)
	}
	if got := b.tierOf(didAlice); got != "expert" {
		t.Errorf("replica b: alice is %q, want expert", got)
	}
	// b's audit log names the curator the record names.
	if got := b.auditActions(); !slices.Contains(got, "ani block "+p1) {
		t.Errorf("replica b audit: %v", got)
	}
	if got := counter(t, regB, "feedgen_curation_records_applied_total", "collection", lexicons.BlockedPost, "op", "put"); got != 1 {
		t.Errorf("b applied %v block records, want 1", got)
	}

	// Taken back on b, it leaves a too.
	b.ok("POST", "/admin/blocks/remove", map[string]any{"uri": p1})
	b.ok("POST", "/admin/pins/remove", map[string]any{"uri": p2})
	b.ok("POST", "/admin/authors/remove", map[string]any{"author": didAlice, "noBackfill": true})
	n = repo.deliver(t, n, a, b)
	if got := a.blockedURIs(); len(got) != 0 {
		t.Errorf("replica a blocks after unblock on b: %v", got)
	}
	if got := a.feedPosts(); !slices.Equal(got, []string{p2, p1}) {
		t.Errorf("replica a feed after unblock on b: %v", got)
	}
	if got := a.svc.Pins(feedID); len(got) != 0 {
		t.Errorf("replica a pins after unpin on b: %v", got)
	}
	if got := a.tierOf(didAlice); got != "" && got != "none" {
		t.Errorf("replica a: alice is %q after removal on b", got)
	}
	for coll, recs := range repo.records {
		if len(recs) != 0 {
			t.Errorf("%s: %d records left in the repository", coll, len(recs))
		}
	}
	_ = n
}

// Records of our collections in anyone else's repository, and malformed
// ones of the publisher's, are counted and change nothing.
func TestRepoStoreIgnoresOthersAndMalformedRecords(t *testing.T) {
	repo := newFakeRepo()
	reg := prometheus.NewRegistry()
	e := newEnv(t, withRepo(repo, reg))
	p := e.stream(didBob, textStrong, time.Hour)
	block := map[string]any{"$type": lexicons.BlockedPost, "subject": p, "createdAt": "2026-03-01T11:00:00.000Z"}
	good, _ := json.Marshal(block)
	rkey := blockRKey(t, e, repo, p)
	e.ingest(repoEvent(t, didEve, repoOp{lexicons.BlockedPost, rkey, good}, e.clock()))
	bad := map[string]any{"$type": lexicons.BlockedPost, "subject": "not a uri", "createdAt": "2026-03-01T11:00:00.000Z"}
	badJSON, _ := json.Marshal(bad)
	e.ingest(repoEvent(t, didPublisher, repoOp{lexicons.BlockedPost, rkey, badJSON}, e.clock()))
	// A valid record under a key its content does not derive.
	e.ingest(repoEvent(t, didPublisher, repoOp{lexicons.BlockedPost, "3kother", good}, e.clock()))
	pin := map[string]any{"$type": lexicons.Pin, "feed": "no-such-feed", "subject": p, "createdAt": "2026-03-01T11:00:00.000Z"}
	pinJSON, _ := json.Marshal(pin)
	e.ingest(repoEvent(t, didPublisher, repoOp{lexicons.Pin, "3kpin", pinJSON}, e.clock()))
	if got := e.feedPosts(); !slices.Equal(got, []string{p}) {
		t.Errorf("feed %v: an ignored record took the post out", got)
	}
	if got := e.auditActions(); len(got) != 0 {
		t.Errorf("ignored records changed curation: audit %v", got)
	}
	for reason, want := range map[string]float64{curation.IgnoredNotPublisher: 1, curation.IgnoredMalformed: 1, curation.IgnoredKey: 1, curation.IgnoredUnknownFeed: 1} {
		if got := counter(t, reg, "feedgen_curation_records_ignored_total", "reason", reason); got != want {
			t.Errorf("ignored %s: %v, want %v", reason, got, want)
		}
	}
	// The same record from the publisher applies.
	e.ingest(repoEvent(t, didPublisher, repoOp{lexicons.BlockedPost, rkey, good}, e.clock()))
	if got := e.feedPosts(); len(got) != 0 {
		t.Errorf("feed %v: the publisher's block did not apply", got)
	}
}

// blockRKey learns the key of a block record of uri by blocking it on a
// throwaway replica of the same repository type.
func blockRKey(t *testing.T, e *env, _ *fakeRepo, uri string) string {
	t.Helper()
	r := newFakeRepo()
	x := newEnv(t, withRepo(r, nil))
	x.ok("POST", "/admin/blocks", map[string]any{"uri": uri})
	ops := r.since(0)
	if len(ops) != 1 || ops[0].collection != lexicons.BlockedPost {
		t.Fatalf("block wrote %+v", ops)
	}
	return ops[0].rkey
}

// A PDS that does not take the record: the curator gets a 502 saying so,
// and nothing changed here.
func TestRepoStorePDSDownIsA502AndChangesNothing(t *testing.T) {
	repo := newFakeRepo()
	reg := prometheus.NewRegistry()
	e := newEnv(t, withRepo(repo, reg))
	p := e.stream(didBob, textStrong, time.Hour)
	repo.setFail(errors.New("connection refused"))
	snap := e.snapshot()
	for _, c := range []struct {
		method, path string
		body         any
	}{
		{"POST", "/admin/blocks", map[string]any{"uri": p}},
		{"POST", "/admin/pins", map[string]any{"uri": p}},
		{"POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert"}},
	} {
		code, out := e.call(c.method, c.path, tokenAni, c.body)
		if code != 502 || errName(out) != "PDSFailed" || !strings.Contains(out["message"].(string), "nothing was changed") {
			t.Errorf("%s %s with the PDS down: %d %v", c.method, c.path, code, out)
		}
	}
	if !slices.Equal(snap, e.snapshot()) {
		t.Error("a refused change was applied")
	}
	if got := counter(t, reg, "feedgen_curation_repo_write_failures_total"); got != 3 {
		t.Errorf("write failures: %v, want 3", got)
	}
	repo.setFail(nil)
	e.ok("POST", "/admin/blocks", map[string]any{"uri": p})
	if got := e.feedPosts(); len(got) != 0 {
		t.Errorf("feed %v after the retried block", got)
	}
}

// A replica on an empty database rebuilds from the repository: the same
// blocks, pins and authors as the replica that curated; a rebuild of a
// replica that holds what the repository no longer does takes it back.
func TestRepoStoreRebuild(t *testing.T) {
	repo := newFakeRepo()
	a := newEnv(t, withRepo(repo, nil))
	p1 := a.stream(didBob, textStrong, 3*time.Hour)
	p2 := a.stream(didCarol, textStrong+" today", 2*time.Hour)
	a.ok("POST", "/admin/blocks", map[string]any{"uri": p1})
	a.ok("POST", "/admin/pins", map[string]any{"uri": p2})
	a.advance(time.Minute)
	a.ok("POST", "/admin/pins", map[string]any{"uri": p1x(t, a)})
	a.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "all", "noBackfill": true})
	a.ok("POST", "/admin/authors", map[string]any{"author": didEve, "tier": "blocked"})
	pinsA := a.svc.Pins(feedID)

	c := newEnv(t, withRepo(repo, nil))
	if !c.svc.NeedsRebuild() {
		t.Fatal("an empty database does not ask for a rebuild")
	}
	res, err := c.svc.Rebuild(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.State != "done" || res.Records != 5 {
		t.Errorf("rebuild: %+v", res)
	}
	if c.svc.NeedsRebuild() {
		t.Error("still needs a rebuild after one")
	}
	if got := c.blockedURIs(); !slices.Equal(got, []string{p1}) {
		t.Errorf("rebuilt blocks: %v", got)
	}
	// In the same order: the records' times, not the rebuild's.
	if got := c.svc.Pins(feedID); len(got) != 2 || !slices.Equal(got, pinsA) {
		t.Errorf("rebuilt pins: %v, want %v", got, pinsA)
	}
	if c.tierOf(didAlice) != "all" || c.tierOf(didEve) != "blocked" {
		t.Errorf("rebuilt tiers: alice %q, eve %q", c.tierOf(didAlice), c.tierOf(didEve))
	}
	// The blocked post arrives later and stays out.
	copyPost(t, a, c, p1)
	if got := c.feedPosts(); slices.Contains(got, p1) {
		t.Errorf("rebuilt replica let the blocked post in: %v", got)
	}

	// The repository loses the pin and alice behind c's back (another
	// replica, say, while c was down): a rebuild takes them back.
	n := len(repo.since(0))
	a.ok("POST", "/admin/pins/remove", map[string]any{"uri": pinsA[0]})
	a.ok("POST", "/admin/authors/remove", map[string]any{"author": didAlice, "noBackfill": true})
	if len(repo.since(n)) != 2 {
		t.Fatalf("want 2 deletes, got %+v", repo.since(n))
	}
	res, err = c.svc.Rebuild(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 2 {
		t.Errorf("second rebuild removed %d, want 2", res.Removed)
	}
	if got := c.svc.Pins(feedID); !slices.Equal(got, pinsA[1:]) {
		t.Errorf("pins after the second rebuild: %v, want %v", got, pinsA[1:])
	}
	if got := c.tierOf(didAlice); got != "" && got != "none" {
		t.Errorf("alice after the second rebuild: %q", got)
	}
}

// Rules uploaded on one replica travel as the feed's rules record: the
// other judges its feed again with them, and a revert (the record's
// delete) takes it back to the definition's rules.
func TestRepoStoreCarriesRules(t *testing.T) {
	repo := newFakeRepo()
	a := newEnv(t, withRepo(repo, nil))
	b := newEnv(t, withRepo(repo, nil))
	strong := a.stream(didAlice, textStrong, 0)
	review := a.stream(didBob, textReview, 0)
	for _, uri := range []string{strong, review} {
		copyPost(t, a, b, uri)
	}
	a.ok("POST", "/admin/rules", map[string]any{"rules": yerevanRules, "note": "only Yerevan"})
	if got := a.feedPosts(); !slices.Equal(got, []string{review}) {
		t.Fatalf("a under the new rules: %v", got)
	}
	n := repo.deliver(t, 0, a, b)
	waitUntil(t, "b to judge its feed with the uploaded rules", func() bool {
		return slices.Equal(b.feedPosts(), []string{review}) && str(b.ok("GET", "/admin/rules", nil)["active"].(map[string]any), "source") == "upload"
	})
	a.ok("POST", "/admin/rules/revert", map[string]any{})
	repo.deliver(t, n, a, b)
	waitUntil(t, "b to revert to the definition's rules", func() bool {
		return slices.Equal(b.feedPosts(), []string{strong}) && str(b.ok("GET", "/admin/rules", nil)["active"].(map[string]any), "source") == "definition"
	})
}

// waitUntil polls cond until it holds, for at most 10 seconds: for work a
// record starts in the background.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A replica in the local store exports its curation to the repository
// once; a replica on an empty database rebuilds the same state from it.
func TestExportFromTheLocalStore(t *testing.T) {
	repo := newFakeRepo()
	local := newEnv(t, func(_ *curation.Config, _ *curation.Feed, d *curation.Deps) { d.Publisher = repo })
	p1 := local.stream(didBob, textStrong, 2*time.Hour)
	p2 := local.stream(didCarol, textStrong+" today", time.Hour)
	local.ok("POST", "/admin/blocks", map[string]any{"uri": p1, "note": "spam"})
	local.ok("POST", "/admin/pins", map[string]any{"uri": p2})
	local.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert", "noBackfill": true})
	if len(repo.since(0)) != 0 {
		t.Fatal("the local store wrote to the repository")
	}
	out := local.ok("POST", "/admin/curation/export", nil)
	if num(out, "total") != 3 {
		t.Errorf("export: %v", out)
	}
	// Again: the same records, by the same keys.
	local.ok("POST", "/admin/curation/export", nil)
	for coll, recs := range repo.records {
		if len(recs) != 1 {
			t.Errorf("%s: %d records after two exports, want 1", coll, len(recs))
		}
	}
	c := newEnv(t, withRepo(repo, nil))
	if _, err := c.svc.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := c.blockedURIs(); !slices.Equal(got, []string{p1}) {
		t.Errorf("blocks from the export: %v", got)
	}
	if got := c.svc.Pins(feedID); !slices.Equal(got, []string{p2}) {
		t.Errorf("pins from the export: %v", got)
	}
	if got := c.tierOf(didAlice); got != "expert" {
		t.Errorf("alice from the export: %q", got)
	}
	// Without the publisher's credentials there is nowhere to export to.
	none := newEnv(t)
	if code, out := none.call("POST", "/admin/curation/export", tokenAni, nil); code != 409 || errName(out) != "NoPublisher" {
		t.Errorf("export without credentials: %d %v", code, out)
	}
}

// p1x streams one more on-topic post to e, to pin.
func p1x(t *testing.T, e *env) string {
	t.Helper()
	return e.stream(didCarol, textStrong+" again", 30*time.Minute)
}

// A database switched from the local store to the repo one without an
// export: the rebuild the replica starts by itself adds what the
// repository holds and takes nothing away; health says rebuilding until
// it is done.
func TestSwitchingStoresKeepsLocalCuration(t *testing.T) {
	e := newEnv(t)
	p := e.stream(didBob, textStrong, time.Hour)
	e.ok("POST", "/admin/blocks", map[string]any{"uri": p})
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: relevance.New(rules)}}})
	if err != nil {
		t.Fatal(err)
	}
	repo := newFakeRepo()
	author := map[string]any{"$type": lexicons.Author, "feed": feedID, "subject": didAlice, "tier": "expert", "createdAt": "2026-03-01T11:00:00.000Z"}
	if err := repo.Put(context.Background(), lexicons.Author, authorRKey(t, didAlice), author); err != nil {
		t.Fatal(err)
	}
	svc, err := curation.New(curation.Config{Feeds: []curation.Feed{{ID: feedID, URI: feedURI, Rules: "builtin:south-caucasus"}}},
		curation.Deps{Store: e.st, Directory: e.dir, Decider: dec, Repo: repo})
	if err != nil {
		t.Fatal(err)
	}
	if got := svc.Rebuilding().State; got != "pending" {
		t.Errorf("before Run: rebuild state %q, want pending", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	waitUntil(t, "the automatic rebuild", func() bool { return svc.Rebuilding().State == "done" })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	blocks, err := svc.Blocks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 1 || string(blocks[0].URI) != p {
		t.Errorf("blocks after switching: %+v, want the local block kept", blocks)
	}
	as, err := svc.Authors(context.Background(), feedID)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || string(as[0].DID) != didAlice || as[0].Effective.String() != "expert" {
		t.Errorf("authors after switching: %+v", as)
	}
}

// authorRKey learns the key of an author record by listing the author on
// a throwaway replica.
func authorRKey(t *testing.T, did string) string {
	t.Helper()
	r := newFakeRepo()
	x := newEnv(t, withRepo(r, nil))
	x.ok("POST", "/admin/authors", map[string]any{"author": did, "tier": "expert", "noBackfill": true})
	ops := r.since(0)
	if len(ops) != 1 || ops[0].collection != lexicons.Author {
		t.Fatalf("listing wrote %+v", ops)
	}
	return ops[0].rkey
}

// A review verdict on one replica reaches the other: the approved post
// leaves its queue for the feed, the rejected one leaves the queue for
// good; a verdict on a post the replica has not seen yet waits for it.
func TestRepoStoreReplicatesVerdicts(t *testing.T) {
	repo := newFakeRepo()
	a := newEnv(t, withRepo(repo, nil))
	b := newEnv(t, withRepo(repo, nil))
	q1 := a.stream(didBob, textReview, 2*time.Hour)
	q2 := a.stream(didCarol, textReview+" today", time.Hour)
	q3 := a.stream(didEve, textReview+" tonight", 30*time.Minute)
	for _, uri := range []string{q1, q2} {
		copyPost(t, a, b, uri)
	}
	if got := b.queued(); len(got) != 2 {
		t.Fatalf("b's queue: %v", got)
	}
	a.ok("POST", "/admin/queue/approve", map[string]any{"uri": q1})
	a.ok("POST", "/admin/queue/reject", map[string]any{"uri": q2})
	a.ok("POST", "/admin/queue/approve", map[string]any{"uri": q3})
	repo.deliver(t, 0, a, b)
	if got := b.queued(); len(got) != 0 {
		t.Errorf("b's queue after the verdicts: %v", got)
	}
	if got := b.feedPosts(); !slices.Equal(got, []string{q1}) {
		t.Errorf("b's feed after the verdicts: %v, want the approved post", got)
	}
	// q3 reaches b after its verdict: it goes straight in.
	copyPost(t, a, b, q3)
	if got := b.feedPosts(); !slices.Equal(got, []string{q3, q1}) {
		t.Errorf("b's feed after the approved post arrived: %v", got)
	}
	if got, want := b.feedPosts(), a.feedPosts(); !slices.Equal(got, want) {
		t.Errorf("b %v, a %v", got, want)
	}
}
