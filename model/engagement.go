package model

// Engagement is how people interact with a post we hold, as counted from
// the stream since the post entered a feed: a post that enters late (a
// curator's backfill, an expert's endorsement) is counted from then on.
type Engagement struct {
	// Likes and Reposts count the likes and reposts naming the post.
	Likes   uint32 `json:"likes"`
	Reposts uint32 `json:"reposts"`
	// Replies counts the posts whose reply parent is the post (direct
	// replies, as the Bluesky app's reply count).
	Replies uint32 `json:"replies"`
	// Quotes counts the posts that embed it (a quote, with or without
	// media).
	Quotes uint32 `json:"quotes"`
}
