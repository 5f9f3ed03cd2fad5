package model

import (
	"encoding/json"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// CuratedAuthor is an author on a feed's list. An author may be there by a
// curator's hand (Tier set), through the feed's Bluesky list (ListItems
// set), or both.
type CuratedAuthor struct {
	Feed string     `json:"feed"`
	DID  syntax.DID `json:"did"`
	// Handle is the handle as last seen, for people to read.
	Handle string `json:"handle,omitempty"`
	// Tier is the tier a curator set: all, expert or blocked; TierNone
	// when the author is listed only through the Bluesky list.
	Tier Tier   `json:"tier,omitempty"`
	Note string `json:"note,omitempty"`
	// AddedBy and AddedUS say who first listed the author, and when.
	AddedBy string `json:"addedBy"`
	AddedUS int64  `json:"addedUs"`
	// UpdatedBy and UpdatedUS say who last changed the entry.
	UpdatedBy string `json:"updatedBy,omitempty"`
	UpdatedUS int64  `json:"updatedUs,omitempty"`
	// ListItems are the record keys of the items of the feed's Bluesky
	// list that name this author (usually one).
	ListItems []string `json:"listItems,omitempty"`
	// ModLists are the items of the feed's moderation lists that name
	// this author: they keep the author out, like a block.
	ModLists []ListRef `json:"modLists,omitempty"`
}

// ListRef names one item of a Bluesky list: the list, and the record key
// of the item in the list owner's repository.
type ListRef struct {
	List syntax.ATURI `json:"list"`
	RKey string       `json:"rkey"`
}

// EffectiveTier is the tier the feed applies: the curator's when there is
// one (so a manual block beats the list, and a curator can vouch for an
// author a moderation list names), otherwise blocked for a member of a
// moderation list, otherwise expert for a member of the Bluesky list,
// otherwise TierNone.
func (a *CuratedAuthor) EffectiveTier() Tier {
	if a.Tier != TierNone {
		return a.Tier
	}
	if len(a.ModLists) > 0 {
		return TierBlocked
	}
	if len(a.ListItems) > 0 {
		return TierExpert
	}
	return TierNone
}

// ListItem is one app.bsky.graph.listitem record of a list a feed follows.
type ListItem struct {
	// List is the list the item belongs to.
	List    syntax.ATURI `json:"list"`
	Subject syntax.DID   `json:"subject"`
}

// Block is a post a curator took out of every feed.
type Block struct {
	URI  syntax.ATURI `json:"uri"`
	By   string       `json:"by"`
	AtUS int64        `json:"atUs"`
	Note string       `json:"note,omitempty"`
	// Post is the record as it was stored when it was blocked, so that an
	// unblock can put it back in the feeds it was in.
	Post *Post `json:"post,omitempty"`
}

// Pin is a post a curator put at the top of a feed's first page.
type Pin struct {
	Feed string       `json:"feed"`
	URI  syntax.ATURI `json:"uri"`
	By   string       `json:"by"`
	AtUS int64        `json:"atUs"`
	Note string       `json:"note,omitempty"`
}

// Queued is a post waiting for a curator's verdict: from an unlisted
// author, scored between clearly out and clearly in. It keeps what the
// curator needs to judge and what approving needs to put the post in.
type Queued struct {
	Feed string `json:"feed"`
	// Post is the record as it would be stored; its Feeds is empty.
	Post     Post     `json:"post"`
	Score    float64  `json:"score"`
	Reasons  []string `json:"reasons,omitempty"`
	QueuedUS int64    `json:"queuedUs"`
	// Seq orders entries queued in the same microsecond; the store sets it.
	Seq uint64 `json:"seq"`
}

// Verdict is a curator's decision on a post from the review queue. It
// outlives the queue entry so that an edit or a replayed event does not
// undo it.
type Verdict struct {
	Feed string       `json:"feed"`
	URI  syntax.ATURI `json:"uri"`
	In   bool         `json:"in"`
	By   string       `json:"by"`
	AtUS int64        `json:"atUs"`
}

// AuditEntry is one change to curation: who, when, what, before and after.
type AuditEntry struct {
	AtUS int64 `json:"atUs"`
	// Seq orders entries of the same microsecond; the store sets it.
	Seq    uint64 `json:"seq"`
	Actor  string `json:"actor"`
	Action string `json:"action"`
	Feed   string `json:"feed,omitempty"`
	// Target is what changed: an author's DID, a post's AT-URI, a list.
	Target string          `json:"target,omitempty"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
	Note   string          `json:"note,omitempty"`
}
