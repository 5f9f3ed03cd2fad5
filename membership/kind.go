package membership

import (
	"strings"

	"github.com/scpeace/feedgen/model"
)

// Kinds of entry: the one path by which a record entered a feed, read from
// its reasons, for the curators' figures of what enters each day and why.
const (
	// KindRules: the relevance rules let an unlisted author's post in.
	KindRules = "rules"
	// KindExpert: a post by an author of tier expert (a lower threshold).
	KindExpert = "expert"
	// KindAll: a top-level post by an author of tier all (a newsroom).
	KindAll = "all"
	// KindThread: a reply that joined a thread in the feed.
	KindThread = "thread"
	// KindEndorsed: an expert's like or repost let a post of the review
	// band in.
	KindEndorsed = "endorsed"
	// KindApproved: a curator approved it from the review queue.
	KindApproved = "approved"
	// KindRepost: a repost by a listed author.
	KindRepost = "repost"
)

// Kinds lists the kinds of entry in the order the figures show them.
var Kinds = []string{KindRules, KindExpert, KindAll, KindThread, KindEndorsed, KindApproved, KindRepost}

// EntryKind is the kind of entry of a membership: the decisive reason,
// the most specific first (a curator's approval over an endorsement over
// a repost over a thread over the author's tier over the rules).
func EntryKind(m model.Membership) string {
	kind := KindRules
	rank := 0
	for _, r := range m.Reasons {
		k, n := "", 0
		switch {
		case r == ReasonApproved:
			k, n = KindApproved, 6
		case strings.HasPrefix(r, ReasonEndorsed):
			k, n = KindEndorsed, 5
		case r == ReasonRepost:
			k, n = KindRepost, 4
		case strings.HasPrefix(r, "thread:"):
			k, n = KindThread, 3
		case r == "tier:expert", r == "author:expert":
			k, n = KindExpert, 2
		case r == "tier:all", r == "author:all":
			k, n = KindAll, 1
		}
		if n > rank {
			kind, rank = k, n
		}
	}
	return kind
}
