package ranking

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

func item(uri string, repost string, sortUS int64, seq uint64) store.Item {
	return store.Item{URI: syntax.ATURI(uri), Repost: syntax.ATURI(repost), SortUS: sortUS, Tie: seq}
}

// Ranking by the time-free key is ranking by the decayed score at any
// moment: the order does not drift as time passes.
func TestRankOrdersAsTheDecayedScoreAtAnyTime(t *testing.T) {
	hl := 12 * time.Hour
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	type post struct {
		e   float64
		age time.Duration
	}
	posts := []post{{0, time.Hour}, {3, 2 * time.Hour}, {10, 24 * time.Hour}, {40, 50 * time.Hour}, {1, 5 * time.Minute}}
	for _, later := range []time.Duration{0, 3 * time.Hour, 40 * time.Hour} {
		now := base.Add(later)
		for i, a := range posts {
			for j, b := range posts {
				ra := Rank(a.e, base.Add(-a.age).UnixMicro(), hl)
				rb := Rank(b.e, base.Add(-b.age).UnixMicro(), hl)
				sa := (1 + a.e) * math.Exp2(-now.Sub(base.Add(-a.age)).Hours()/hl.Hours())
				sb := (1 + b.e) * math.Exp2(-now.Sub(base.Add(-b.age)).Hours()/hl.Hours())
				if (ra > rb) != (sa > sb) {
					t.Errorf("at +%s, posts %d and %d: ranks %v %v but scores %v %v", later, i, j, ra, rb, sa, sb)
				}
				if got := Decayed(ra, now, hl); math.Abs(got-sa) > 1e-6*sa {
					t.Errorf("Decayed: got %v, want %v", got, sa)
				}
			}
		}
	}
}

func TestBuildRanksEachPostOnce(t *testing.T) {
	p := Params{HalfLife: 12 * time.Hour, Weights: DefaultWeights}
	at := time.UnixMicro(100_000_000)
	posts := []Rankable{
		{Item: item("at://a/app.bsky.feed.post/1", "", 90_000_000, 1), Counts: Counts{Likes: 1}},
		// Reposts of post 1, which the feed holds: post 1 is ranked as itself.
		{Item: item("at://a/app.bsky.feed.post/1", "at://b/app.bsky.feed.repost/1", 95_000_000, 2), Counts: Counts{Likes: 1}},
		// Two reposts of post 2, which the feed does not hold: the newer one stays.
		{Item: item("at://c/app.bsky.feed.post/2", "at://b/app.bsky.feed.repost/2", 91_000_000, 3), Counts: Counts{Reposts: 5}},
		{Item: item("at://c/app.bsky.feed.post/2", "at://d/app.bsky.feed.repost/3", 92_000_000, 4), Counts: Counts{Reposts: 5}},
		{Item: item("at://e/app.bsky.feed.post/3", "", 99_000_000, 5)},
	}
	s := Build("top", at, posts, p, 0)
	var got []string
	for _, e := range s.Entries {
		got = append(got, string(e.URI)+" "+string(e.Repost))
	}
	want := []string{"at://c/app.bsky.feed.post/2 at://d/app.bsky.feed.repost/3", "at://a/app.bsky.feed.post/1 ", "at://e/app.bsky.feed.post/3 "}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if s.Candidates != 3 || s.ID != at.UnixMilli() {
		t.Errorf("candidates %d, ID %d", s.Candidates, s.ID)
	}
	if d := Build("top", at, posts, p, 2); len(d.Entries) != 2 || d.Candidates != 3 {
		t.Errorf("depth 2: %d entries of %d", len(d.Entries), d.Candidates)
	}
	// After finds the first entry below any bound, itself included.
	for i, e := range s.Entries {
		if got := s.After(e.bound()); got != i+1 {
			t.Errorf("After(entry %d) = %d", i, got)
		}
	}
	if s.After(top) != 0 || s.After(Bound{Rank: math.Inf(-1)}) != len(s.Entries) {
		t.Error("After of the extremes")
	}
}

func TestCursorRoundTrip(t *testing.T) {
	for _, c := range []Cursor{
		{Snapshot: 1772323200123, Next: 57, Bound: Bound{Rank: 41234.56789, SortUS: 1772323200123456, Tie: 0xfedcba9876543210}},
		{Bound: top},
		{Snapshot: 1, Next: 1, Bound: Bound{Rank: -3.5}},
	} {
		got, err := ParseCursor(c.String())
		if err != nil || got != c {
			t.Errorf("%q: got %+v %v, want %+v", c.String(), got, err, c)
		}
	}
	// A cursor of schema 1 is read with the lowest tie.
	v1 := "t1.1772323200123.57." + strconv.FormatUint(math.Float64bits(41234.5), 16) + ".1772323200123456.981"
	if got, err := ParseCursor(v1); err != nil || got != (Cursor{Snapshot: 1772323200123, Next: 57, Bound: Bound{Rank: 41234.5, SortUS: 1772323200123456}}) {
		t.Errorf("%q: got %+v %v", v1, got, err)
	}
	for _, bad := range []string{"", "t1.", "t2.", "t2.1.2.3.4", "t2.1.2.3.4.5.6", "t2.1.2.3.4.fg", "t2.1.2.3.4.AB", "t2.1.2.3.4.10000000000000000", "t3.1.2.3.4.5", "t1.1.2.3.4.ab", "t1.1.2.3.4", "t1.1.2.3.4.5.6", "1700000000000000.1", "t1.-1.2.3.4.5", "t1.1.2.zz.4.5",
		"t1.1.99999999999.3.4.5", "t1.1.2.7ff8000000000001.4.5", "t1.1.2.3.4.5 ", "t1.1.2.3.4.99999999999999999999999"} {
		if _, err := ParseCursor(bad); !errors.Is(err, ErrBadCursor) {
			t.Errorf("%q: got %v, want ErrBadCursor", bad, err)
		}
	}
}

func TestWeights(t *testing.T) {
	var w Weights
	if err := w.UnmarshalJSON([]byte(`{"likes": 0.5}`)); err != nil || w != (Weights{Likes: 0.5, Replies: 2, Reposts: 3, Quotes: 3}) {
		t.Errorf("partial weights: %+v %v", w, err)
	}
	for _, bad := range []string{`{"likes": -1}`, `{"hearts": 1}`, `{"likes": 1e9}`, `[1]`} {
		if err := w.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if got := DefaultWeights.Score(Counts{Likes: 2, Reposts: 1, Replies: 1, Quotes: 1}); got != 10 {
		t.Errorf("score: got %v, want 10", got)
	}
}

// A ranker keeps the snapshots cursors may name for Keep, twelve at most,
// and a cursor of one it no longer keeps continues below its bound.
func TestRankerKeepsSnapshotsForCursors(t *testing.T) {
	st := testutil.MustOpen(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var posts []*model.Post
	for i := range 30 {
		p := &model.Post{URI: syntax.ATURI(fmt.Sprintf("at://did:plc:authorxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/3k%04d", i)), CID: "x",
			Author: "did:plc:authorxxxxxxxxxxxxxxxxxx", CreatedUS: now.Add(-time.Duration(i) * time.Minute).UnixMicro(),
			Feeds: []model.Membership{{Feed: "f"}}}
		p.IndexedUS = p.CreatedUS
		posts = append(posts, p)
	}
	testutil.PutPosts(t, st, posts...)
	clock := now
	r, err := New(Config{Feeds: []Feed{{ID: "top", Store: "f"}}, Now: func() time.Time { return clock }}, st, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	first, err := r.Current(context.Background(), "top")
	if err != nil || len(first.Entries) != 30 {
		t.Fatalf("first snapshot: %v %v", first, err)
	}
	c, _ := ParseCursor(first.CursorAfter(9))
	for i := range 20 {
		clock = clock.Add(time.Minute)
		if _, err := r.Rebuild(context.Background(), "top"); err != nil {
			t.Fatal(err)
		}
		s, next, err := r.Resume(context.Background(), "top", c)
		kept := i < maxKept-1
		if err != nil || next != 10 || (s == first) != kept {
			t.Errorf("after %d rebuilds: resumed in the first snapshot %v at %d (%v), want it kept %v", i+1, s == first, next, err, kept)
		}
	}
	if n := len(r.feeds["top"].snaps); n != maxKept {
		t.Errorf("%d snapshots kept, want %d", n, maxKept)
	}
}

// Two replicas rank the same posts, read in different orders, the same
// way, so a cursor of one continues in the other's snapshot (by its bound)
// with no post twice or passed over, even among posts of the same rank
// and time; a cursor of schema 1 continues below the post it ended on.
func TestSnapshotsOfReplicasAgree(t *testing.T) {
	p := Params{HalfLife: 12 * time.Hour, Weights: DefaultWeights}
	var posts []Rankable
	for i := range 60 {
		uri := syntax.ATURI(fmt.Sprintf("at://did:plc:a%d/app.bsky.feed.post/3k%03d", i%5, i))
		posts = append(posts, Rankable{Item: store.Item{URI: uri, SortUS: int64(90_000_000 + i%4), Tie: store.TieOf(uri)}, Counts: Counts{Likes: int64(i % 3)}})
	}
	rev := slices.Clone(posts)
	slices.Reverse(rev)
	a := Build("top", time.UnixMicro(100_000_000), posts, p, 0)
	b := Build("top", time.UnixMicro(100_000_001), rev, p, 0)
	var got []syntax.ATURI
	snaps := []*Snapshot{a, b}
	c := Cursor{Bound: top}
	for page := 0; len(got) < 200; page++ {
		s := snaps[page%2]
		i := s.After(c.Bound)
		if i == len(s.Entries) {
			break
		}
		end := min(i+7, len(s.Entries))
		for _, e := range s.Entries[i:end] {
			got = append(got, e.URI)
		}
		var err error
		if c, err = ParseCursor(s.CursorAfter(end - 1)); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != len(posts) {
		t.Fatalf("an alternating scroll served %d posts, want %d", len(got), len(posts))
	}
	for i := range got {
		if got[i] != a.Entries[i].URI || got[i] != b.Entries[i].URI {
			t.Fatalf("entry %d: the replicas' orders differ", i)
		}
	}
	// The schema-1 form of a cursor ending on entry 10.
	e := a.Entries[10]
	v1 := fmt.Sprintf("t1.%d.11.%x.%d.%d", a.ID, math.Float64bits(e.Rank), e.SortUS, 12345)
	c1, err := ParseCursor(v1)
	if err != nil {
		t.Fatal(err)
	}
	if i := b.After(c1.Bound); i <= 10 {
		t.Fatalf("a schema-1 cursor after entry 10 continues at %d", i)
	}
}
