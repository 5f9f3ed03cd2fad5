package feedgen

import "github.com/bluesky-social/indigo/atproto/syntax"

// Readership is told of what readers do, for the readership figures
// (package stats keeps them). Both methods are called on the serving path,
// so they must only count in memory.
type Readership interface {
	// Served counts one getFeedSkeleton request for feed; viewer is the
	// verified viewer's DID, or "" for a request without one.
	Served(feed string, viewer syntax.DID)
	// Interacted counts one interaction a viewer sent about feed's item:
	// event is the label of app.bsky.feed.defs' event ("requestLess",
	// "interactionSeen", ...), item the post ("" if none).
	Interacted(feed, event string, item syntax.ATURI)
}
