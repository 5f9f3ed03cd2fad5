package indexer

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// Two versions of a feed's rules: "Armenia" is in under A and waits for
// review under B, "Georgia" the other way round, "Azerbaijan" is in under
// both; "Baku" is in under A only as a reply in a thread that is in.
const (
	rulesA = `
[settings]
threshold.in = 2
threshold.review = 1
threshold.expert = 1
bonus.thread = 1
guard.cap-per-hour = 0
[languages]
en = English
[group g]
place 2 Armenia
  any: armenia
place 1 Georgia
  any: georgia
place 2 Azerbaijan
  any: azerbaijan
place 1 Baku
  any: baku
`
	// rulesC leaves Georgia clearly out.
	rulesC = "[settings]\nthreshold.in = 2\nthreshold.review = 1\n[group g]\nplace 2 Armenia\n  any: armenia\nplace 2 Azerbaijan\n  any: azerbaijan\n"
)

var rulesB = strings.NewReplacer("place 2 Armenia", "place 1 Armenia", "place 1 Georgia", "place 2 Georgia").Replace(rulesA)

func classifier(tb testing.TB, text string) *relevance.Classifier {
	tb.Helper()
	r, err := relevance.ParseRules("test", strings.NewReader(text))
	if err != nil {
		tb.Fatal(err)
	}
	return relevance.New(r)
}

// rejudgeEnv is an indexer with no source, running, with its inbox.
type rejudgeEnv struct {
	st    *store.Store
	dec   *membership.Decider
	inbox *Inbox
	b     *evb
}

func newRejudgeEnv(t *testing.T) *rejudgeEnv {
	t.Helper()
	st := mustOpen(t)
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: testFeed, Classifier: classifier(t, rulesA), Reposts: true}}})
	if err != nil {
		t.Fatal(err)
	}
	e := &rejudgeEnv{st: st, dec: dec, inbox: NewInbox(), b: newEvb()}
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceNone}, nil, func(_ *Config, d *Deps) { d.Inbox = e.inbox; d.Decider = dec })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ti.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return e
}

func (e *rejudgeEnv) ingest(t *testing.T, evs ...Event) {
	t.Helper()
	if err := e.inbox.Ingest(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
}

// rejudge swaps the feed's rules and judges everything again in batches
// of limit, as curation does.
func (e *rejudgeEnv) rejudge(t *testing.T, rules string, limit int) *model.Rejudge {
	t.Helper()
	if err := e.dec.SetRules(testFeed, classifier(t, rules)); err != nil {
		t.Fatal(err)
	}
	job := &RejudgeJob{Decider: e.dec, State: &model.Rejudge{Feed: testFeed, Phase: model.RejudgePosts}, Limit: limit}
	for batches := 0; job.State.Phase != model.RejudgeDone; batches++ {
		if batches > 100 {
			t.Fatal("the re-judge does not end")
		}
		if err := e.inbox.Rejudge(context.Background(), job); err != nil {
			t.Fatal(err)
		}
	}
	return job.State
}

func (e *rejudgeEnv) dryRun(t *testing.T, rules string) *model.RulesDiff {
	t.Helper()
	cand, err := e.dec.WithRules(testFeed, classifier(t, rules))
	if err != nil {
		t.Fatal(err)
	}
	d, err := DryRun(context.Background(), e.st, cand, testFeed, 0, testNow.UnixMicro())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (e *rejudgeEnv) queue(t *testing.T) []string {
	t.Helper()
	var out []string
	err := e.st.View(func(tx *store.Tx) error {
		qs, _, err := tx.QueueAfter(testFeed, "", 100)
		for _, q := range qs {
			out = append(out, q.Post.URI.String())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func (b *evb) reply(author syntax.DID, rkey, text string, root syntax.ATURI) Event {
	e := b.post(author, rkey, text)
	ref := &comatproto.RepoStrongRef{Uri: root.String(), Cid: cidA}
	e.Commit.Post.Reply = &bsky.FeedPost_ReplyRef{Root: ref, Parent: ref}
	return e
}

func sorted(uris ...syntax.ATURI) []string {
	out := make([]string, len(uris))
	for i, u := range uris {
		out[i] = u.String()
	}
	slices.Sort(out)
	return out
}

func moves(d *model.RulesDiff) map[string]string {
	m := map[string]string{}
	for _, s := range d.Samples {
		m[s.URI] = s.From + ">" + s.To
	}
	return m
}

// A change of rules moves kept posts and queued posts both ways, a reply
// with the thread it is in, exactly as the dry run said it would; the
// posts it took out come back when the rules go back.
func TestRejudgeMovesHeldAndQueuedPostsBothWays(t *testing.T) {
	e := newRejudgeEnv(t)
	root, reply, geo, aze := postURI(did(1), "3ka"), postURI(did(2), "3kb"), postURI(did(3), "3kc"), postURI(did(4), "3kd")
	e.ingest(t,
		e.b.post(did(1), "3ka", "Armenia"),
		e.b.reply(did(2), "3kb", "Baku", root),
		e.b.post(did(3), "3kc", "Georgia"),
		e.b.post(did(4), "3kd", "Azerbaijan"),
		e.b.post(did(5), "3ke", "cats"),
	)
	if got, want := feedURIs(t, e.st, testFeed), []string{aze.String(), reply.String(), root.String()}; !slices.Equal(got, want) {
		t.Fatalf("under A: feed %q, want %q", got, want)
	}
	if got := e.queue(t); !slices.Equal(got, sorted(geo)) {
		t.Fatalf("under A: queue %q, want Georgia", got)
	}

	dry := e.dryRun(t, rulesB)
	if got := feedURIs(t, e.st, testFeed); len(got) != 3 {
		t.Fatalf("the dry run changed the feed: %q", got)
	}
	applied := e.rejudge(t, rulesB, 2)
	if got, want := feedURIs(t, e.st, testFeed), []string{aze.String(), geo.String()}; !slices.Equal(got, want) {
		t.Errorf("under B: feed %q, want %q", got, want)
	}
	if got := e.queue(t); !slices.Equal(got, sorted(root, reply)) {
		t.Errorf("under B: queue %q, want the root and its reply", got)
	}
	want := map[string]string{root.String(): "in>queue", reply.String(): "in>queue", geo.String(): "queue>in"}
	if got := moves(&applied.Diff); !reflect.DeepEqual(got, want) {
		t.Errorf("moves: got %v, want %v", got, want)
	}
	d := applied.Diff
	if d.Held != 3 || d.Queued != 1 || d.Entered != 1 || d.Left != 2 || d.QueueAdded != 2 || d.QueueRemoved != 0 {
		t.Errorf("diff: got %+v", d)
	}
	if !reflect.DeepEqual(*dry, applied.Diff) {
		t.Errorf("dry run %+v\nsaid other than the re-judge did %+v", *dry, applied.Diff)
	}
	var saved *model.Rejudge
	if err := e.st.View(func(tx *store.Tx) (err error) { saved, err = tx.Rejudge(testFeed); return err }); err != nil {
		t.Fatal(err)
	}
	if saved.Phase != model.RejudgeDone || saved.Diff.Entered != 1 {
		t.Errorf("saved state: %+v", saved)
	}

	// Back to A: everything is where it was.
	back := e.rejudge(t, rulesA, 500)
	if got, want := feedURIs(t, e.st, testFeed), []string{aze.String(), reply.String(), root.String()}; !slices.Equal(got, want) {
		t.Errorf("back under A: feed %q, want %q", got, want)
	}
	if got := e.queue(t); !slices.Equal(got, sorted(geo)) {
		t.Errorf("back under A: queue %q, want Georgia", got)
	}
	if back.Diff.Entered != 2 || back.Diff.Left != 1 {
		t.Errorf("back: %+v", back.Diff)
	}
	// The reasons in the feed are the new rules' reasons.
	err := e.st.View(func(tx *store.Tx) error {
		p, err := tx.Post(root)
		if err != nil {
			return err
		}
		if m := p.Membership(testFeed); m == nil || m.Score != 2 || !slices.Contains(m.Reasons, "place:Armenia(+2)") {
			t.Errorf("root's membership: %+v", p.Feeds)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A queued post the new rules leave clearly out leaves the queue, and is
// parked rather than lost: going back puts it in the queue again.
func TestRejudgeParksWhatItTakesOut(t *testing.T) {
	e := newRejudgeEnv(t)
	geo := postURI(did(3), "3kc")
	e.ingest(t, e.b.post(did(3), "3kc", "Georgia"), e.b.post(did(1), "3ka", "Armenia"))
	dry := e.dryRun(t, rulesC)
	out := e.rejudge(t, rulesC, 500)
	if out.Diff.QueueRemoved != 1 || out.Diff.Queued != 1 || dry.QueueRemoved != 1 {
		t.Errorf("under C: applied %+v, dry run %+v", out.Diff, *dry)
	}
	if got := e.queue(t); len(got) != 0 {
		t.Errorf("under C: queue %q, want empty", got)
	}
	err := e.st.View(func(tx *store.Tx) error {
		p, err := tx.Post(geo)
		if err != nil {
			return err
		}
		if len(p.Feeds) != 0 || p.Text != "Georgia" {
			t.Errorf("parked: %+v", p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("the post that left the queue is not kept: %v", err)
	}
	back := e.rejudge(t, rulesA, 500)
	if got := e.queue(t); !slices.Equal(got, sorted(geo)) || back.Diff.QueueAdded != 1 {
		t.Errorf("back under A: queue %q, diff %+v", got, back.Diff)
	}
	// An edit of a parked post decides it afresh, like any edit.
	e.ingest(t, e.b.update(did(3), "3kc", "Azerbaijan"))
	if got := feedURIs(t, e.st, testFeed); !slices.Contains(got, geo.String()) {
		t.Errorf("edited parked post: feed %q", got)
	}
}

// A re-judge keeps what the rules read of a post besides its text: a
// link card's title counts under new rules as it did when it arrived.
func TestRejudgeReadsTheKeptContent(t *testing.T) {
	e := newRejudgeEnv(t)
	ev := e.b.post(did(1), "3ka", "look at this")
	ev.Commit.Post.Embed = &bsky.FeedPost_Embed{EmbedExternal: &bsky.EmbedExternal{External: &bsky.EmbedExternal_External{
		Uri: "https://news.example/x", Title: "Azerbaijan and Armenia", Description: "d"}}}
	e.ingest(t, ev)
	if got := feedURIs(t, e.st, testFeed); len(got) != 1 {
		t.Fatalf("feed: %q", got)
	}
	res := e.rejudge(t, rulesB, 500)
	if res.Diff.Left != 0 || res.Diff.Held != 1 {
		t.Errorf("the card's title was not read again: %+v", res.Diff)
	}
}

// A re-judge goes through the one writer: once the indexer has stopped it
// is refused, and the state saved with the last batch is where it
// resumes.
func TestRejudgeNeedsTheWriter(t *testing.T) {
	st := mustOpen(t)
	dec := testDecider(t)
	inbox := NewInbox()
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceNone}, nil, func(_ *Config, d *Deps) { d.Inbox = inbox; d.Decider = dec })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ti.Run(ctx) }()
	b := newEvb()
	if err := inbox.Ingest(context.Background(), []Event{b.post(did(1), "3ka", "Armenia"), b.post(did(2), "3kb", "Georgia")}); err != nil {
		t.Fatal(err)
	}
	job := &RejudgeJob{Decider: dec, State: &model.Rejudge{Feed: testFeed}, Limit: 1}
	if err := inbox.Rejudge(context.Background(), job); err != nil {
		t.Fatal(err)
	}
	if job.State.Phase != model.RejudgePosts || job.State.After == "" || job.State.Diff.Held != 1 {
		t.Errorf("after one batch of one: %+v", job.State)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := inbox.Rejudge(context.Background(), job); !errors.Is(err, ErrNotRunning) {
		t.Errorf("after the indexer stopped: got %v, want ErrNotRunning", err)
	}
	var saved *model.Rejudge
	if err := st.View(func(tx *store.Tx) (err error) { saved, err = tx.Rejudge(testFeed); return err }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(saved, job.State) {
		t.Errorf("saved %+v, want the state after the batch %+v", saved, job.State)
	}
}
