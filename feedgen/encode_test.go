package feedgen

import (
	"encoding/json"
	"testing"

	"github.com/bluesky-social/indigo/api/bsky"
)

// The hand-written encoder must produce exactly what encoding/json makes
// of indigo's lexicon types, so the response shape is the lexicon's.
func TestAppendSkeletonMatchesIndigoTypes(t *testing.T) {
	ctx := "feed=sc-peace;r=abc"
	tests := []struct {
		name    string
		cursor  string
		entries []skeletonEntry
		reqID   string
	}{
		{"empty", "", nil, ""},
		{"plain", "1700000000000000.42", []skeletonEntry{{Post: "at://did:plc:a/app.bsky.feed.post/1"}, {Post: "at://did:plc:b/app.bsky.feed.post/2"}}, ""},
		{"reasons", "", []skeletonEntry{
			{Post: "at://did:plc:a/app.bsky.feed.post/1", Pin: true},
			{Post: "at://did:plc:a/app.bsky.feed.post/2", Repost: "at://did:plc:c/app.bsky.feed.repost/3", FeedContext: ctx},
		}, ""},
		{"escapes", `odd"<cursor>&\`, []skeletonEntry{{Post: "at://did:web:ex%3A1/app.bsky.feed.post/é\n"}}, ""},
		{"request id", "1.2", []skeletonEntry{{Post: "at://did:plc:a/app.bsky.feed.post/1"}}, "3f9a1c2b7d4e5f60-1z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := bsky.FeedGetFeedSkeleton_Output{Feed: []*bsky.FeedDefs_SkeletonFeedPost{}}
			if tt.cursor != "" {
				out.Cursor = &tt.cursor
			}
			for _, e := range tt.entries {
				sp := &bsky.FeedDefs_SkeletonFeedPost{Post: e.Post}
				if e.FeedContext != "" {
					fc := e.FeedContext
					sp.FeedContext = &fc
				}
				switch {
				case e.Repost != "":
					sp.Reason = &bsky.FeedDefs_SkeletonFeedPost_Reason{FeedDefs_SkeletonReasonRepost: &bsky.FeedDefs_SkeletonReasonRepost{Repost: e.Repost}}
				case e.Pin:
					sp.Reason = &bsky.FeedDefs_SkeletonFeedPost_Reason{FeedDefs_SkeletonReasonPin: &bsky.FeedDefs_SkeletonReasonPin{}}
				}
				out.Feed = append(out.Feed, sp)
			}
			if tt.reqID != "" {
				out.ReqId = &tt.reqID
			}
			want, err := json.Marshal(&out)
			if err != nil {
				t.Fatal(err)
			}
			got := appendSkeleton(nil, tt.cursor, tt.entries, tt.reqID)
			if string(got) != string(want)+"\n" {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
