// Package ranking orders a feed's posts by engagement, for the feeds
// defined with "order": "top": each post's likes, reposts, replies and
// quotes, weighted by kind and decayed by age, among the feed's posts of a
// window (the last 72 hours, say).
//
// A post's score at time T is
//
//	(1 + E) * 2^(-(T - t) / halfLife)
//
// with E its weighted engagement and t its time in the feed. The 1 lets a
// fresh post with nothing yet compete with an older one that has a little;
// the decay halves a post's weight every half-life. Because the decay is
// exponential, the order it gives does not change as time passes, only as
// engagement does: ranking by the score at any T is ranking by
//
//	Rank = log2(1 + E) + t / halfLife
//
// which depends on the post alone. That is what lets paging survive a
// rebuilt ranking (see [Cursor]).
//
// Serving ranks from a [Snapshot], rebuilt every few minutes by the
// [Ranker]: a page is a slice of a fixed order, so engagement arriving while
// a reader scrolls cannot move posts between their pages. A cursor names its
// snapshot and the last post it served; while the snapshot is kept the next
// page continues it exactly, and after that it continues in the newest
// snapshot below the last post's rank. Engagement only grows a rank (an
// unlike aside), so a post served above that bound is still above it and
// is not served twice.
package ranking

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
)

// Counts are one post's engagement: how many likes, reposts, replies and
// quotes it has.
type Counts struct {
	Likes   int64 `json:"likes"`
	Reposts int64 `json:"reposts"`
	Replies int64 `json:"replies"`
	Quotes  int64 `json:"quotes"`
}

// Total is the number of interactions of every kind.
func (c Counts) Total() int64 { return c.Likes + c.Reposts + c.Replies + c.Quotes }

// Weights say what one interaction of each kind is worth.
type Weights struct {
	Likes   float64 `json:"likes"`
	Reposts float64 `json:"reposts"`
	Replies float64 `json:"replies"`
	Quotes  float64 `json:"quotes"`
}

// DefaultWeights: a like is the cheapest signal (one tap, often from the
// author's own circle); a reply is a reader who had something to say; a
// repost or a quote puts the post in front of the reposter's followers,
// and is the strongest sign that a post is worth reading. A quote can be a
// rebuttal, but a rebuttal is still what people discuss.
var DefaultWeights = Weights{Likes: 1, Replies: 2, Reposts: 3, Quotes: 3}

// Defaults of a top ordering.
const (
	// DefaultWindow is how far back a top feed looks.
	DefaultWindow = 72 * time.Hour
	// DefaultHalfLife is how long a post takes to lose half its weight.
	DefaultHalfLife = 12 * time.Hour
)

// UnmarshalJSON reads weights over the defaults, so a definition may set
// only some; an unknown kind or a negative weight is an error.
func (w *Weights) UnmarshalJSON(b []byte) error {
	type plain Weights
	v := plain(DefaultWeights)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("weights: %w", err)
	}
	*w = Weights(v)
	return w.Check()
}

// Check reports a weight that is negative or not a number.
func (w Weights) Check() error {
	for name, v := range map[string]float64{"likes": w.Likes, "reposts": w.Reposts, "replies": w.Replies, "quotes": w.Quotes} {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) || v > 1000 {
			return fmt.Errorf("weights.%s must be between 0 and 1000, is %v", name, v)
		}
	}
	return nil
}

// Score is the weighted engagement E of c.
func (w Weights) Score(c Counts) float64 {
	return w.Likes*float64(max(c.Likes, 0)) + w.Reposts*float64(max(c.Reposts, 0)) +
		w.Replies*float64(max(c.Replies, 0)) + w.Quotes*float64(max(c.Quotes, 0))
}

// Rank is the time-free ranking key of a post with weighted engagement e
// at sortUS: higher ranks first.
func Rank(e float64, sortUS int64, halfLife time.Duration) float64 {
	return math.Log2(1+max(e, 0)) + float64(sortUS)/float64(halfLife.Microseconds())
}

// Decayed is the score (1+e) * 2^(-(now-t)/halfLife) of a post of rank r
// at now: what the dashboard shows, and what Rank orders by.
func Decayed(r float64, now time.Time, halfLife time.Duration) float64 {
	return math.Exp2(r - float64(now.UnixMicro())/float64(halfLife.Microseconds()))
}

// Params are a top ordering's settings.
type Params struct {
	// Window is how far back the ordering looks.
	Window time.Duration
	// HalfLife is how long a post takes to lose half its weight.
	HalfLife time.Duration
	Weights  Weights
}

// WithDefaults fills the zero window and half-life of p. Weights are
// taken as given: all zero is a choice (newest first within the window).
func (p Params) WithDefaults() Params {
	if p.Window <= 0 {
		p.Window = DefaultWindow
	}
	if p.HalfLife <= 0 {
		p.HalfLife = DefaultHalfLife
	}
	return p
}

// ErrBadCursor means a cursor is not one a top feed issued.
var ErrBadCursor = errors.New("malformed cursor")
