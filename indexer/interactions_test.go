package indexer

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// signalRules have a review band and a community band: "Armenia" (3) is
// in, "Yerevan" (2) waits for review, "Gyumri" (1.5) is out for a
// stranger and in for an author two experts follow.
const signalRules = `
[settings]
threshold.in = 3
threshold.review = 2
threshold.expert = 1
threshold.community = 1.5
community.experts = 2
guard.cap-per-hour = 0

[languages]
en = English

[group places]
place 3 Armenia
  any: armenia*
place 2 Yerevan
  any: yerevan*
place 1.5 Gyumri
  any: gyumri*
`

var (
	expertA  = did(101)
	expertB  = did(102)
	stranger = did(200)
	fan      = did(300)
)

// signals applies events through the one apply step, with the real
// decider over signalRules and two experts listed.
type signals struct {
	t     *testing.T
	st    *store.Store
	step  Step
	b     *evb
	tally Tally
}

func newSignals(t *testing.T) *signals {
	t.Helper()
	rules, err := relevance.ParseRules("signals", strings.NewReader(signalRules))
	if err != nil {
		t.Fatal(err)
	}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: testFeed, Classifier: relevance.New(rules), Reposts: true}}})
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpen(t)
	curate(t, st, tiers{expertA: model.TierExpert, expertB: model.TierAll})
	return &signals{t: t, st: st, step: Step{Decider: dec}, b: newEvb()}
}

func (s *signals) apply(evs ...Event) {
	s.t.Helper()
	err := s.st.Update(context.Background(), func(tx *store.Tx) error {
		s.tally.reset()
		return Apply(tx, evs, s.step, &s.tally)
	})
	if err != nil {
		s.t.Fatal(err)
	}
}

// where says where the post at uri is: "in" (with its reasons), "queued",
// or "out".
func (s *signals) where(uri syntax.ATURI) (string, []string) {
	s.t.Helper()
	where, reasons := "out", []string(nil)
	s.st.View(func(tx *store.Tx) error {
		if p, err := tx.Post(uri); err == nil && p.InFeed(testFeed) && tx.InFeed(testFeed, uri) {
			where, reasons = "in", p.Membership(testFeed).Reasons
			return nil
		}
		if q, err := tx.QueuedPost(testFeed, uri); err == nil {
			where, reasons = "queued", q.Reasons
		}
		return nil
	})
	return where, reasons
}

func (s *signals) expect(uri syntax.ATURI, want, reason string) {
	s.t.Helper()
	got, reasons := s.where(uri)
	if got != want || (reason != "" && !slices.Contains(reasons, reason)) {
		s.t.Fatalf("%s: got %s %v, want %s with %q", uri, got, reasons, want, reason)
	}
}

func (s *signals) engagement(uri syntax.ATURI) model.Engagement {
	var e model.Engagement
	s.st.View(func(tx *store.Tx) error { e, _ = tx.Engagement(uri); return nil })
	return e
}

// judged is the judgement kept for the post at uri: its membership's
// score and reasons in the feed, or its review-queue entry's.
func (s *signals) judged(uri syntax.ATURI) (float64, []string) {
	var score float64
	var reasons []string
	s.st.View(func(tx *store.Tx) error {
		if p, err := tx.Post(uri); err == nil && p.InFeed(testFeed) {
			m := p.Membership(testFeed)
			score, reasons = m.Score, m.Reasons
		} else if q, err := tx.QueuedPost(testFeed, uri); err == nil {
			score, reasons = q.Score, q.Reasons
		}
		return nil
	})
	return score, reasons
}

func (s *signals) kept(record syntax.ATURI) bool {
	var ok bool
	s.st.View(func(tx *store.Tx) error { ok = tx.HasInteraction(record); return nil })
	return ok
}

func likeRec(author syntax.DID, rkey string) syntax.ATURI {
	return syntax.ATURI("at://" + author.String() + "/" + CollectionLike + "/" + rkey)
}

func TestExpertLikeLetsAReviewBandPostIn(t *testing.T) {
	s := newSignals(t)
	post := s.b.post(stranger, "3kp", "Yerevan today")
	other := s.b.post(stranger, "3kq", "Yerevan tonight")
	s.apply(post, other)
	uri := post.URI()
	s.expect(uri, "queued", "")

	// A like by someone who is no expert changes nothing, and is not kept.
	s.apply(s.b.like(fan, "3kl1", uri))
	s.expect(uri, "queued", "")
	if s.kept(likeRec(fan, "3kl1")) {
		t.Error("a stranger's like of a post we do not hold was kept")
	}

	queuedScore, queuedReasons := s.judged(uri)
	s.apply(s.b.like(expertA, "3kl2", uri))
	s.expect(uri, "in", membership.ReasonEndorsed+expertA.String())
	s.expect(other.URI(), "queued", "") // the same post without the like stays out
	// Decided again from what the store keeps of it, the post is judged
	// as it was from its record: the same score and reasons, and the
	// endorsement.
	if score, reasons := s.judged(uri); score != queuedScore || !slices.Equal(reasons, append(slices.Clone(queuedReasons), membership.ReasonEndorsed+expertA.String())) {
		t.Errorf("judged on the like: %v %v, want %v %v and the endorsement", score, reasons, queuedScore, queuedReasons)
	}
	if got := s.tally.Added(testFeed); got != 1 {
		t.Errorf("posts added by the like: got %v, want 1", got)
	}

	// A second expert's like, then the first expert's unlike: still in,
	// now on the second expert's word.
	s.apply(s.b.like(expertB, "3kl3", uri))
	s.apply(s.b.del(expertA, CollectionLike, "3kl2"))
	s.expect(uri, "in", membership.ReasonEndorsed+expertB.String())

	s.apply(s.b.del(expertB, CollectionLike, "3kl3"))
	s.expect(uri, "queued", "")
	if got := s.tally.Removed(causeSignal); got != 1 {
		t.Errorf("removed by the unlike: got %v, want 1", got)
	}
	if s.kept(likeRec(expertA, "3kl2")) || s.kept(likeRec(expertB, "3kl3")) {
		t.Error("an unliked like is still kept")
	}
}

func TestExpertRepostLetsAReviewBandPostIn(t *testing.T) {
	s := newSignals(t)
	post := s.b.post(stranger, "3kp", "Yerevan today")
	s.apply(post)
	s.apply(s.b.repost(expertA, "3kr", post.URI()))
	s.expect(post.URI(), "in", membership.ReasonEndorsed+expertA.String())
	if e := s.engagement(post.URI()); e.Reposts != 0 {
		// The repost came before the post was held: counted from then on.
		t.Errorf("reposts: got %d, want 0", e.Reposts)
	}
	s.apply(s.b.del(expertA, CollectionRepost, "3kr"))
	s.expect(post.URI(), "queued", "")
}

// A like that comes before its post still counts when the post arrives in
// the review band.
func TestEndorsementBeforeThePost(t *testing.T) {
	s := newSignals(t)
	uri := postURI(stranger, "3kp")
	s.apply(s.b.like(expertA, "3kl", uri))
	s.expect(uri, "out", "")
	s.apply(s.b.post(stranger, "3kp", "Yerevan today"))
	s.expect(uri, "in", membership.ReasonEndorsed+expertA.String())
}

func TestBlockedStaysOutWhateverTheExpertsLike(t *testing.T) {
	s := newSignals(t)
	blockedAuthor := did(666)
	curate(t, s.st, tiers{blockedAuthor: model.TierBlocked})
	p1 := s.b.post(blockedAuthor, "3kp", "Yerevan today")
	p2 := s.b.post(stranger, "3kb", "Yerevan today")
	s.apply(p1)
	if err := s.st.Update(context.Background(), func(tx *store.Tx) error {
		return tx.PutBlock(&model.Block{URI: p2.URI(), By: "curator", AtUS: 1})
	}); err != nil {
		t.Fatal(err)
	}
	s.apply(p2)
	s.apply(s.b.like(expertA, "3kl1", p1.URI()), s.b.like(expertA, "3kl2", p2.URI()), s.b.repost(expertB, "3kr", p1.URI()))
	s.expect(p1.URI(), "out", "")
	s.expect(p2.URI(), "out", "")
}

func TestCommunityAuthorsThroughFollows(t *testing.T) {
	s := newSignals(t)
	weak := s.b.post(stranger, "3kw", "Gyumri today")  // 1.5: out for a stranger
	band := s.b.post(stranger, "3kb", "Yerevan today") // 2: the review band
	s.apply(weak, band)
	s.expect(weak.URI(), "out", "")
	s.expect(band.URI(), "queued", "")

	s.apply(s.b.follow(expertA, "3kf1", stranger), s.b.follow(fan, "3kf2", stranger))
	s.expect(band.URI(), "queued", "") // one expert is not enough

	s.apply(s.b.follow(expertB, "3kf3", stranger))
	// The queued post is decided again as a community author's.
	s.expect(band.URI(), "in", "community:followed-by(2)")
	later := s.b.post(stranger, "3kl", "Gyumri tonight")
	s.apply(later)
	s.expect(later.URI(), "in", "community:followed-by(2)")
	// A post seen before the follows is not kept: it stays out.
	s.expect(weak.URI(), "out", "")

	s.apply(s.b.del(expertB, CollectionFollow, "3kf3"))
	s.expect(later.URI(), "out", "")
	s.expect(band.URI(), "queued", "")
	if s.kept("at://" + syntax.ATURI(fan.String()) + "/app.bsky.graph.follow/3kf2") {
		t.Error("a stranger's follow was kept")
	}
}

func TestEngagementCountsFromTheStream(t *testing.T) {
	s := newSignals(t)
	held := s.b.post(stranger, "3kh", "Armenia today")
	s.apply(held)
	uri := held.URI()
	s.expect(uri, "in", "")
	reply := s.b.post(fan, "3kr1", "agreed")
	reply.Commit.Post.Reply = &bsky.FeedPost_ReplyRef{Root: &comatproto.RepoStrongRef{Uri: uri.String(), Cid: cidA}, Parent: &comatproto.RepoStrongRef{Uri: uri.String(), Cid: cidA}}
	quote := s.b.post(fan, "3kq1", "look")
	quote.Commit.Post.Embed = &bsky.FeedPost_Embed{EmbedRecord: &bsky.EmbedRecord{Record: &comatproto.RepoStrongRef{Uri: uri.String(), Cid: cidA}}}
	quoteMedia := s.b.post(did(301), "3kq2", "look again")
	quoteMedia.Commit.Post.Embed = &bsky.FeedPost_Embed{EmbedRecordWithMedia: &bsky.EmbedRecordWithMedia{Record: &bsky.EmbedRecord{Record: &comatproto.RepoStrongRef{Uri: uri.String(), Cid: cidA}}}}
	like1, like2 := s.b.like(fan, "3kl1", uri), s.b.like(did(301), "3kl2", uri)
	s.apply(like1, like2, like1, s.b.repost(fan, "3krp", uri), reply, quote, quoteMedia, reply)
	want := model.Engagement{Likes: 2, Reposts: 1, Replies: 1, Quotes: 2}
	if got := s.engagement(uri); got != want {
		t.Fatalf("got %+v, want %+v (a replayed like and reply count once)", got, want)
	}
	if got := s.tally.Interactions(store.InteractionQuote, false); got != 2 {
		t.Errorf("quotes counted in the batch: got %v, want 2", got)
	}
	// A like of a post we do not hold is dropped after its subject.
	s.apply(s.b.like(fan, "3kl9", postURI(stranger, "3knope")))
	if s.kept(likeRec(fan, "3kl9")) {
		t.Error("a like of a post we do not hold was kept")
	}
	s.apply(s.b.del(fan, CollectionLike, "3kl1"), s.b.del(fan, CollectionRepost, "3krp"), s.b.del(fan, CollectionPost, "3kr1"), s.b.del(fan, CollectionPost, "3kq1"))
	want = model.Engagement{Likes: 1, Quotes: 1}
	if got := s.engagement(uri); got != want {
		t.Fatalf("after an unlike, an unrepost and two deleted posts: got %+v, want %+v", got, want)
	}
	// The post goes: its counts go with it.
	s.apply(s.b.del(stranger, CollectionPost, "3kh"))
	if _, ok := engagementOK(s, uri); ok {
		t.Fatal("a deleted post still has engagement")
	}
	s.apply(s.b.del(did(301), CollectionLike, "3kl2"))
}

func engagementOK(s *signals, uri syntax.ATURI) (model.Engagement, bool) {
	var e model.Engagement
	var ok bool
	s.st.View(func(tx *store.Tx) error { e, ok = tx.Engagement(uri); return nil })
	return e, ok
}

// A post that enters late (here through an endorsement) is counted from
// then on: likes before it was held are neither counted nor uncounted.
func TestLateEntryIsCountedFromThen(t *testing.T) {
	s := newSignals(t)
	post := s.b.post(stranger, "3kp", "Yerevan today")
	s.apply(post)
	uri := post.URI()
	s.apply(s.b.like(fan, "3kl1", uri))
	s.apply(s.b.like(expertA, "3kl2", uri))
	s.expect(uri, "in", "")
	if got := s.engagement(uri); got.Likes != 0 {
		t.Fatalf("likes before it entered: got %d counted, want 0", got.Likes)
	}
	s.apply(s.b.like(did(301), "3kl3", uri), s.b.like(did(302), "3kl4", uri))
	s.apply(s.b.del(fan, CollectionLike, "3kl1"))
	if got := s.engagement(uri); got.Likes != 2 {
		t.Fatalf("likes since it entered: got %d, want 2 (an unlike of an uncounted like changes nothing)", got.Likes)
	}
}

func TestRetentionPrunesCountsAndSignals(t *testing.T) {
	st := mustOpen(t)
	ti := newTestIndexer(t, st, SourceSpec{Kind: SourceNone}, tiers{expertA: model.TierExpert}, func(c *Config, _ *Deps) { c.Retention = time.Hour })
	b := &evb{t: testNow.Add(-3 * time.Hour).UnixMicro()}
	old := b.post(stranger, "3ko", "Armenia then")
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		var tally Tally
		return Apply(tx, []Event{old, b.like(fan, "3kl1", old.URI()), b.like(expertA, "3kl2", postURI(stranger, "3kgone"))}, ti.step, &tally)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := ti.PruneOnce(context.Background()); n != 2 {
		t.Errorf("pruned %d, want the post and the expert's like", n)
	}
	st.View(func(tx *store.Tx) error {
		if _, ok := tx.Engagement(old.URI()); ok {
			t.Error("the pruned post keeps its engagement")
		}
		if tx.HasInteraction(likeRec(fan, "3kl1")) || tx.HasInteraction(likeRec(expertA, "3kl2")) {
			t.Error("pruned likes are still indexed")
		}
		return nil
	})
	if got := testutilKeys(t, st, "engagement/", "irecords/", "irecords.bypost/", "endorsements/"); got != 0 {
		t.Errorf("%d keys left in the interaction buckets", got)
	}
}

// testutilKeys counts the keys of the store under the given bucket
// prefixes.
func testutilKeys(tb testing.TB, st *store.Store, prefixes ...string) int {
	n := 0
	for k := range testutil.Dump(tb, st) {
		for _, p := range prefixes {
			if strings.HasPrefix(k, p) {
				n++
			}
		}
	}
	return n
}

// BenchmarkEndorsementVisibility measures how long a post of the review
// band takes to be served after an expert's like leaves a local Jetstream
// socket, while the socket also carries likes of other posts at about the
// whole network's post rate (2000 events/s). It reports the median and
// the worst of 30 likes.
func BenchmarkEndorsementVisibility(b *testing.B) {
	const probes = 30
	rules, err := relevance.ParseRules("signals", strings.NewReader(signalRules))
	if err != nil {
		b.Fatal(err)
	}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: testFeed, Classifier: relevance.New(rules)}}})
	if err != nil {
		b.Fatal(err)
	}
	bg := newEvb()
	sentc := make(chan feedProbe, probes)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx := c.CloseRead(r.Context())
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		send := func(ev Event) {
			ev.TimeUS = time.Now().UnixMicro()
			line, _ := EncodeJetstream(ev)
			c.Write(ctx, websocket.MessageText, line)
		}
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			for range 2 {
				send(bg.like(did(i%1000+10), "3kc"+strconv.Itoa(i), postURI(did(i%77+10), "3kx")))
			}
			// Every 60ms a post of the review band, liked by an expert
			// 30ms later.
			if n := i / 60; i%60 == 0 && n < probes {
				ev := bg.post(stranger, "3kp"+strconv.Itoa(n), "Yerevan today")
				ev.Commit.Post.CreatedAt = time.Now().UTC().Format(time.RFC3339Nano)
				send(ev)
			}
			if n := i / 60; i%60 == 30 && n < probes {
				uri := postURI(stranger, "3kp"+strconv.Itoa(n))
				sentc <- feedProbe{uri, time.Now()}
				send(bg.like(expertA, "3kl"+strconv.Itoa(n), uri))
			}
		}
	}))
	defer srv.Close()
	u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/subscribe"
	for i := 0; i < b.N; i++ {
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		curate(b, st, tiers{expertA: model.TierExpert})
		ix, err := New(Config{Source: SourceSpec{Kind: SourceJetstream, URLs: []string{u}}, PruneInterval: -1},
			Deps{Store: st, Decider: dec})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() { errc <- ix.Run(ctx) }()
		lat := waitForProbes(st, sentc, probes)
		cancel()
		<-errc
		reportLatency(b, lat)
		st.Close()
	}
}
