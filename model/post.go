package model

import (
	"errors"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// ErrNotFound means the record asked for is not kept. The store returns
// it (as store.ErrNotFound), and code that reads through an interface
// (membership.State) tests for it without importing the store.
var ErrNotFound = errors.New("not found")

// Membership is a record's place in one feed and why it is there.
type Membership struct {
	Feed    string   `json:"feed"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons,omitempty"`
	// Moderation, on a held membership (Post.Held), says what keeps the
	// record out: "label:spam by did:plc:…".
	Moderation []string `json:"moderation,omitempty"`
}

// Post is a record we keep: a post, or a repost (Subject set) that a feed
// serves with a repost reason.
type Post struct {
	URI    syntax.ATURI `json:"uri"`
	CID    string       `json:"cid"`
	Author syntax.DID   `json:"author"`
	// Subject is the reposted post, for reposts.
	Subject syntax.ATURI `json:"subject,omitempty"`

	CreatedUS int64 `json:"createdUs"`
	IndexedUS int64 `json:"indexedUs"`
	// SortUS is set by the store when the record is first put and never
	// changes, so a post keeps its place when it is edited; with the
	// record's URI (store.TieOf) it is the record's place in every feed.
	SortUS int64 `json:"sortUs"`
	// Seq is the store-local sequence number of a record kept under store
	// schema 1 (0 for those kept since), by which the store still
	// continues a cursor that schema issued.
	Seq uint64 `json:"seq,omitempty"`

	Text        string       `json:"text,omitempty"`
	Langs       []string     `json:"langs,omitempty"`
	ReplyRoot   syntax.ATURI `json:"replyRoot,omitempty"`
	ReplyParent syntax.ATURI `json:"replyParent,omitempty"`

	// The rest of what the relevance rules read of a post, kept so that a
	// change of rules can judge it again: the link card, the alt texts,
	// the hashtags, the mention and link facets, the author's own labels
	// and the quoted post, within the bounds the rules read
	// (relevance.FromRecord). Posts kept before these fields existed are
	// judged again on their text alone.
	Link       *Link        `json:"link,omitempty"`
	Alts       []string     `json:"alts,omitempty"`
	Tags       []string     `json:"tags,omitempty"`
	Mentions   int          `json:"mentions,omitempty"`
	LinkFacets int          `json:"linkFacets,omitempty"`
	SelfLabels []string     `json:"selfLabels,omitempty"`
	Quote      syntax.ATURI `json:"quote,omitempty"`

	// Feeds are the feeds the record is in. A record a rules change took
	// out of every feed is kept with none (parked) until retention prunes
	// it, so that a later change can judge it again.
	Feeds []Membership `json:"feeds"`
	// Held are the feeds the record was decided into but a moderation
	// label keeps it out of. The record is kept for them, so that a
	// negation or an expiry brings it back without fetching it again.
	Held []Membership `json:"held,omitempty"`
	// Hidden is set while the author's account is inactive.
	Hidden bool `json:"hidden,omitempty"`
}

// Link is a post's link card.
type Link struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

// InFeed reports whether the post is a member of feed (visible or not).
func (p *Post) InFeed(feed string) bool {
	return p.Membership(feed) != nil
}

// Membership returns the post's membership of feed, or nil.
func (p *Post) Membership(feed string) *Membership {
	for i := range p.Feeds {
		if p.Feeds[i].Feed == feed {
			return &p.Feeds[i]
		}
	}
	return nil
}

// SortTime is the AppView's rule: the earlier of the record's own claim and
// the time we saw it, so a post dated in the future cannot sit on top.
func SortTime(createdUS, indexedUS int64) int64 {
	if createdUS > 0 && createdUS < indexedUS {
		return createdUS
	}
	return indexedUS
}
