package ranking

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/store"
)

// Entry is one ranked post of a snapshot: the feed item to serve, its
// engagement and its rank.
type Entry struct {
	store.Item
	Counts Counts
	// Score is the weighted engagement E.
	Score float64
	Rank  float64
}

// bound is the position of e in the order.
func (e *Entry) bound() Bound { return Bound{Rank: e.Rank, SortUS: e.SortUS, Tie: e.Tie} }

// Snapshot is one feed's ranking at one moment: its posts best first. It
// is never changed once built, so pages read from it without locks.
type Snapshot struct {
	// ID names the snapshot in cursors: its build time in Unix
	// milliseconds, so that it differs across restarts and machines.
	ID      int64
	Feed    string
	BuiltAt time.Time
	Entries []Entry
	// Candidates is how many posts of the window were ranked, of which
	// Entries holds the best.
	Candidates int
	// Mark is where the feed stood when the snapshot was read: its newest
	// post (a newer one calls for a rebuild) and its count of removals
	// (store.InFeedNow).
	Mark store.FeedMark
}

// Rankable is a post of the window to rank, with its engagement.
type Rankable struct {
	Item   store.Item
	Counts Counts
}

// Build ranks the posts of a window and keeps the best depth of them
// (depth <= 0: all). A post that is in the window more than once (itself
// and reposts of it, or several reposts) is ranked once: as itself when
// the feed holds it, otherwise as its newest repost.
func Build(feed string, at time.Time, posts []Rankable, p Params, depth int) *Snapshot {
	s := &Snapshot{ID: at.UnixMilli(), Feed: feed, BuiltAt: at}
	seen := make(map[syntax.ATURI]int, len(posts))
	entries := make([]Entry, 0, len(posts))
	for _, r := range posts {
		e := Entry{Item: r.Item, Counts: r.Counts, Score: p.Weights.Score(r.Counts)}
		e.Rank = Rank(e.Score, e.SortUS, p.HalfLife)
		if i, ok := seen[e.URI]; ok {
			// The post itself wins over a repost of it, and a newer
			// repost over an older one.
			switch old := &entries[i]; {
			case old.Repost == "":
			case e.Repost == "", e.SortUS > old.SortUS:
				*old = e
			}
			continue
		}
		seen[e.URI] = len(entries)
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b Entry) int { return a.bound().compare(b.bound()) })
	s.Candidates = len(entries)
	if depth > 0 && len(entries) > depth {
		entries = slices.Clip(entries[:depth])
	}
	s.Entries = entries
	return s
}

// Bound is a position in a ranking: the rank and key of the last post
// served. Posts order by rank, highest first, then newest first, then by
// their tie-breaker (store.TieOf), which is the same on every replica.
type Bound struct {
	Rank   float64
	SortUS int64
	Tie    uint64
}

// top is above every post.
var top = Bound{Rank: math.Inf(1), SortUS: math.MaxInt64, Tie: math.MaxUint64}

// compare orders a before b (-1) when a ranks higher.
func (a Bound) compare(b Bound) int {
	if c := cmp.Compare(b.Rank, a.Rank); c != 0 {
		return c
	}
	if c := cmp.Compare(b.SortUS, a.SortUS); c != 0 {
		return c
	}
	return cmp.Compare(b.Tie, a.Tie)
}

// After is the index of the first entry below b.
func (s *Snapshot) After(b Bound) int {
	i, _ := slices.BinarySearchFunc(s.Entries, b, func(e Entry, b Bound) int {
		if e.bound().compare(b) <= 0 {
			return -1
		}
		return 1
	})
	return i
}

// Cursor is where a page of a top feed ends: the snapshot it was read
// from, the index of the next entry in it, and the bound of the last
// entry it looked at, by which a page continues in another snapshot once
// that one is gone.
type Cursor struct {
	Snapshot int64
	Next     int
	Bound    Bound
}

// StartCursor begins a top feed at its newest snapshot's best post: the
// cursor after a first page that pins filled.
var StartCursor = Cursor{Bound: top}.String()

// cursorPrefix marks a top feed's cursor (and its version), so that it is
// never mistaken for a newest-first one. "t1." cursors, whose last part
// was a store-local sequence number, are still read (ParseCursor).
const (
	cursorPrefix   = "t2."
	cursorPrefixV1 = "t1."
)

// CursorAfter is the cursor that continues s after its entry i.
func (s *Snapshot) CursorAfter(i int) string {
	return Cursor{Snapshot: s.ID, Next: i + 1, Bound: s.Entries[i].bound()}.String()
}

// String is the cursor as a client carries it:
// t2.<snapshot>.<next>.<rank bits, hex>.<sortUS>.<tie, hex>.
func (c Cursor) String() string {
	b := make([]byte, 0, 64)
	b = append(b, cursorPrefix...)
	b = strconv.AppendInt(b, c.Snapshot, 10)
	b = append(b, '.')
	b = strconv.AppendInt(b, int64(c.Next), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, math.Float64bits(c.Bound.Rank), 16)
	b = append(b, '.')
	b = strconv.AppendInt(b, c.Bound.SortUS, 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, c.Bound.Tie, 16)
	return string(b)
}

// maxCursor bounds a cursor's length: anything longer is not ours.
const maxCursor = 100

// ParseCursor reads a cursor a top feed issued; anything else is
// ErrBadCursor. A "t1." cursor ended with a sequence number of the store
// that served it, which no longer orders anything: it is read with tie 0,
// the lowest, so that it continues below every post of its rank and time
// (never serving the last one again, at worst passing over another of
// exactly the same rank and time, which are few).
func ParseCursor(s string) (Cursor, error) {
	var c Cursor
	if len(s) > maxCursor {
		return c, ErrBadCursor
	}
	rest, ok := strings.CutPrefix(s, cursorPrefix)
	v1 := false
	if !ok {
		if rest, ok = strings.CutPrefix(s, cursorPrefixV1); !ok {
			return c, ErrBadCursor
		}
		v1 = true
	}
	parts := strings.Split(rest, ".")
	if len(parts) != 5 {
		return c, ErrBadCursor
	}
	for i, p := range parts {
		if p == "" || (i < 2 || i == 3 || v1 && i == 4) && !digits(p) {
			return c, ErrBadCursor
		}
	}
	var err error
	if c.Snapshot, err = strconv.ParseInt(parts[0], 10, 64); err != nil {
		return c, ErrBadCursor
	}
	next, err := strconv.ParseInt(parts[1], 10, 32)
	if err != nil {
		return c, ErrBadCursor
	}
	c.Next = int(next)
	bits, err := strconv.ParseUint(parts[2], 16, 64)
	if err != nil {
		return c, ErrBadCursor
	}
	if c.Bound.Rank = math.Float64frombits(bits); math.IsNaN(c.Bound.Rank) {
		return c, ErrBadCursor
	}
	if c.Bound.SortUS, err = strconv.ParseInt(parts[3], 10, 64); err != nil {
		return c, ErrBadCursor
	}
	if v1 {
		if _, err = strconv.ParseUint(parts[4], 10, 64); err != nil {
			return c, ErrBadCursor
		}
		return c, nil
	}
	if c.Bound.Tie, err = strconv.ParseUint(parts[4], 16, 64); err != nil || !lowerHex(parts[4]) {
		return c, ErrBadCursor
	}
	return c, nil
}

func lowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && (s[i] < 'a' || s[i] > 'f') {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
