package relevance

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

func TestFromRecord(t *testing.T) {
	alt := "Protesters on Rustaveli avenue"
	root := "at://did:plc:bob/app.bsky.feed.post/root"
	quoted := "at://did:plc:carol/app.bsky.feed.post/q"
	tests := []struct {
		name string
		rec  *bsky.FeedPost
		want Post
	}{
		{"nil", nil, Post{}},
		{
			name: "facets, tags, labels, reply",
			rec: &bsky.FeedPost{
				Text:  "hi #Armenia @x",
				Langs: []string{"en"},
				Tags:  []string{"Karabakh"},
				Facets: []*bsky.RichtextFacet{{Features: []*bsky.RichtextFacet_Features_Elem{
					{RichtextFacet_Tag: &bsky.RichtextFacet_Tag{Tag: "Armenia"}},
					{RichtextFacet_Mention: &bsky.RichtextFacet_Mention{Did: "did:plc:x"}},
					{RichtextFacet_Link: &bsky.RichtextFacet_Link{Uri: "https://example.am"}},
				}}},
				Labels: &bsky.FeedPost_Labels{LabelDefs_SelfLabels: &comatproto.LabelDefs_SelfLabels{
					Values: []*comatproto.LabelDefs_SelfLabel{{Val: "nudity"}},
				}},
				Reply: &bsky.FeedPost_ReplyRef{
					Root:   &comatproto.RepoStrongRef{Uri: root},
					Parent: &comatproto.RepoStrongRef{Uri: "not a uri"},
				},
			},
			want: Post{
				Text: "hi #Armenia @x", Langs: []string{"en"},
				Hashtags: []string{"Armenia", "Karabakh"}, Mentions: 1, Links: 1,
				SelfLabels: []string{"nudity"},
				ReplyRoot:  syntax.ATURI(root),
			},
		},
		{
			name: "images",
			rec: &bsky.FeedPost{Text: "t", Embed: &bsky.FeedPost_Embed{EmbedImages: &bsky.EmbedImages{
				Images: []*bsky.EmbedImages_Image{{Alt: alt}, {Alt: ""}},
			}}},
			want: Post{Text: "t", ImageAlts: []string{alt}},
		},
		{
			name: "video alt",
			rec:  &bsky.FeedPost{Text: "t", Embed: &bsky.FeedPost_Embed{EmbedVideo: &bsky.EmbedVideo{Alt: &alt}}},
			want: Post{Text: "t", ImageAlts: []string{alt}},
		},
		{
			name: "link card",
			rec: &bsky.FeedPost{Text: "t", Embed: &bsky.FeedPost_Embed{EmbedExternal: &bsky.EmbedExternal{
				External: &bsky.EmbedExternal_External{Uri: "https://civil.ge/x", Title: "T", Description: "D"},
			}}},
			want: Post{Text: "t", Link: &Link{URL: "https://civil.ge/x", Title: "T", Description: "D"}},
		},
		{
			name: "quote with a link card",
			rec: &bsky.FeedPost{Text: "t", Embed: &bsky.FeedPost_Embed{EmbedRecordWithMedia: &bsky.EmbedRecordWithMedia{
				Record: &bsky.EmbedRecord{Record: &comatproto.RepoStrongRef{Uri: quoted}},
				Media: &bsky.EmbedRecordWithMedia_Media{EmbedExternal: &bsky.EmbedExternal{
					External: &bsky.EmbedExternal_External{Uri: "https://x", Title: "T"},
				}},
			}}},
			want: Post{Text: "t", QuotedURI: syntax.ATURI(quoted), Link: &Link{URL: "https://x", Title: "T"}},
		},
		{
			name: "quote with images",
			rec: &bsky.FeedPost{Text: "t", Embed: &bsky.FeedPost_Embed{EmbedRecordWithMedia: &bsky.EmbedRecordWithMedia{
				Record: &bsky.EmbedRecord{Record: &comatproto.RepoStrongRef{Uri: quoted}},
				Media:  &bsky.EmbedRecordWithMedia_Media{EmbedImages: &bsky.EmbedImages{Images: []*bsky.EmbedImages_Image{{Alt: alt}}}},
			}}},
			want: Post{Text: "t", QuotedURI: syntax.ATURI(quoted), ImageAlts: []string{alt}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromRecord(tt.rec)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestCardAndAltCount: what a reader sees in a card or an image counts.
func TestCardAndAltCount(t *testing.T) {
	c := mustBuiltin(t)
	for name, p := range map[string]Post{
		"card": {Text: "Worth a read", Link: &Link{Title: "Kobakhidze's government and the EU", Description: "..."}},
		"alt":  {Text: "Tonight", ImageAlts: []string{"Riot police face protesters outside the Georgian parliament in Tbilisi"}},
	} {
		if d := classifyOne(t, c, NewMemoryEnv(), p); !d.In {
			t.Errorf("%s: got out %v, want in", name, d.Reasons)
		}
	}
}

// A record far beyond the lexicon's limits is read only up to the bounds
// that keep judging it cheap; what a real post holds is read whole.
func TestFromRecordBoundsHostileRecords(t *testing.T) {
	for name, rec := range hostileRecords() {
		p := FromRecord(rec)
		tagBytes, altBytes := 0, 0
		for _, h := range p.Hashtags {
			tagBytes += len(h)
		}
		for _, a := range p.ImageAlts {
			altBytes += len(a)
		}
		if len(p.Text) > maxTextBytes || len(p.Hashtags) > maxHashtags || tagBytes > maxHashtagBytes ||
			len(p.ImageAlts) > maxAlts || altBytes > maxAltBytes || len(p.Langs) > maxLangs {
			t.Errorf("%s: text %d, %d hashtags of %d bytes, %d alts of %d bytes, %d langs: over the bounds",
				name, len(p.Text), len(p.Hashtags), tagBytes, len(p.ImageAlts), altBytes, len(p.Langs))
		}
		if !utf8.ValidString(p.Text) {
			t.Errorf("%s: text cut inside a character", name)
		}
	}
	// Cut on a character boundary: Armenian letters are two bytes.
	long := strings.Repeat("Հ", maxTextBytes) // 6000 bytes
	if got := FromRecord(&bsky.FeedPost{Text: long}).Text; len(got) != maxTextBytes || !utf8.ValidString(got) {
		t.Errorf("got %d bytes (valid %v), want %d valid bytes", len(got), utf8.ValidString(got), maxTextBytes)
	}
	if got := FromRecord(&bsky.FeedPost{Text: "x" + long}).Text; len(got) != maxTextBytes-1 || !utf8.ValidString(got) {
		t.Errorf("odd cut: got %d bytes (valid %v), want %d valid bytes", len(got), utf8.ValidString(got), maxTextBytes-1)
	}
	// A real post at the lexicon's limits loses nothing.
	full := &bsky.FeedPost{Text: strings.Repeat("a", maxTextBytes), Tags: []string{"Armenia", "Azerbaijan", "Georgia"},
		Langs: []string{"en", "hy", "az"}}
	if p := FromRecord(full); p.Text != full.Text || len(p.Hashtags) != 3 || len(p.Langs) != 3 {
		t.Errorf("a post within the lexicon's limits was cut: %+v", p)
	}
}
