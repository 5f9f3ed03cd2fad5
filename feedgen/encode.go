package feedgen

import (
	"encoding/json"
	"sync"
)

// skeletonEntry is one item of a getFeedSkeleton response.
type skeletonEntry struct {
	Post        string
	Repost      string // the repost record, for skeletonReasonRepost
	Pin         bool   // skeletonReasonPin
	FeedContext string
}

// appendSkeleton writes a getFeedSkeleton response body. It is the JSON
// that encoding/json makes of indigo's bsky.FeedGetFeedSkeleton_Output,
// byte for byte (a test holds it to that), written without reflection
// because serving skeletons is the hot path.
func appendSkeleton(dst []byte, cursor string, entries []skeletonEntry, reqID string) []byte {
	return appendSkeletonTail(appendSkeletonHead(dst, cursor, entries), reqID)
}

// appendSkeletonHead writes a getFeedSkeleton response body up to the
// request ID, which appendSkeletonTail then writes: the head of a first
// page is kept (firstPages), the tail is each response's own.
func appendSkeletonHead(dst []byte, cursor string, entries []skeletonEntry) []byte {
	dst = append(dst, '{')
	if cursor != "" {
		dst = append(dst, `"cursor":`...)
		dst = appendString(dst, cursor)
		dst = append(dst, ',')
	}
	dst = append(dst, `"feed":[`...)
	for i := range entries {
		e := &entries[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		if e.FeedContext != "" {
			dst = append(dst, `"feedContext":`...)
			dst = appendString(dst, e.FeedContext)
			dst = append(dst, ',')
		}
		dst = append(dst, `"post":`...)
		dst = appendString(dst, e.Post)
		switch {
		case e.Repost != "":
			dst = append(dst, `,"reason":{"$type":"app.bsky.feed.defs#skeletonReasonRepost","repost":`...)
			dst = appendString(dst, e.Repost)
			dst = append(dst, '}')
		case e.Pin:
			dst = append(dst, `,"reason":{"$type":"app.bsky.feed.defs#skeletonReasonPin"}`...)
		}
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func appendSkeletonTail(dst []byte, reqID string) []byte {
	if reqID != "" {
		dst = append(dst, `,"reqId":`...)
		dst = appendString(dst, reqID)
	}
	return append(dst, "}\n"...)
}

// appendString appends s as a JSON string. AT-URIs and our cursors are
// plain ASCII; anything else goes through encoding/json so the escaping
// (including its HTML-safe escapes) is identical.
func appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if needsEscape[s[i]] {
			b, _ := json.Marshal(s)
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// needsEscape marks the bytes encoding/json does not copy as they are:
// controls, non-ASCII, quote, backslash and the HTML-unsafe <, > and &.
// One look-up a byte: the encoder scans every URI of every page.
var needsEscape = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&'
	}
	return t
}()

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}
