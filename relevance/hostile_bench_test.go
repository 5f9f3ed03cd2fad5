package relevance

import (
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/api/bsky"
)

// hostileRecords are post records no compliant PDS would accept but a
// hostile one may publish: each field far beyond the lexicon's limits.
func hostileRecords() map[string]*bsky.FeedPost {
	topics := []string{"Armenia", "Azerbaijan", "Georgia", "Pashinyan", "Aliyev", "Karabakh", "Tbilisi", "Yerevan", "Baku"}
	tagFacets := &bsky.FeedPost{Text: "peace", Langs: []string{"en"}}
	for i := range 8500 {
		tagFacets.Facets = append(tagFacets.Facets, &bsky.RichtextFacet{Features: []*bsky.RichtextFacet_Features_Elem{
			{RichtextFacet_Tag: &bsky.RichtextFacet_Tag{Tag: topics[i%len(topics)]}},
		}})
	}
	tags := &bsky.FeedPost{Text: "peace", Langs: []string{"en"}}
	for i := range 8500 {
		tags.Tags = append(tags.Tags, topics[i%len(topics)])
	}
	var text strings.Builder
	for text.Len() < 1<<20 {
		text.WriteString("Armenia and Azerbaijan peace talks in Tbilisi with Pashinyan and Aliyev. ")
	}
	longText := &bsky.FeedPost{Text: text.String(), Langs: []string{"en"}}
	var langs []string
	for range 8500 {
		langs = append(langs, "hy")
	}
	manyLangs := &bsky.FeedPost{Text: "Armenia and Azerbaijan peace talks", Langs: langs}
	alts := &bsky.FeedPost{Text: "photos", Embed: &bsky.FeedPost_Embed{EmbedImages: &bsky.EmbedImages{}}}
	for range 200 {
		alts.Embed.EmbedImages.Images = append(alts.Embed.EmbedImages.Images, &bsky.EmbedImages_Image{Alt: text.String()[:5000]})
	}
	dense := text.String()
	worst := &bsky.FeedPost{Text: dense[:maxTextBytes], Langs: []string{"en", "hy", "az"},
		Embed: &bsky.FeedPost_Embed{EmbedRecordWithMedia: &bsky.EmbedRecordWithMedia{
			Record: &bsky.EmbedRecord{},
			Media: &bsky.EmbedRecordWithMedia_Media{EmbedExternal: &bsky.EmbedExternal{External: &bsky.EmbedExternal_External{
				Uri: "https://example.com/" + dense[:900], Title: dense[:1000], Description: dense[:1000]}}},
		}}}
	for i := range maxHashtags {
		worst.Tags = append(worst.Tags, topics[i%len(topics)]+strings.Repeat("x", 40))
	}
	galleryish := &bsky.FeedPost{Text: dense[:maxTextBytes], Embed: &bsky.FeedPost_Embed{EmbedImages: &bsky.EmbedImages{}}}
	for range maxAlts {
		galleryish.Embed.EmbedImages.Images = append(galleryish.Embed.EmbedImages.Images, &bsky.EmbedImages_Image{Alt: dense[:maxAltBytes]})
	}
	return map[string]*bsky.FeedPost{
		"every field at its bound, with a link": worst,
		"every field at its bound, with images": galleryish,
		"8.5k tag facets":                       tagFacets,
		"8.5k record tags":                      tags,
		"1 MB text":                             longText,
		"8.5k langs":                            manyLangs,
		"200 long alts":                         alts,
	}
}

// BenchmarkClassifyHostile is what one hostile record costs the indexer's
// write transaction: extracting the post and deciding on it. Issue 9: a
// post with 8,500 hashtag facets took 414 ms.
func BenchmarkClassifyHostile(b *testing.B) {
	c := mustBuiltin(b)
	env := NewMemoryEnv()
	for name, rec := range hostileRecords() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.Classify(env, Input{URI: uri(alice, "x"), Author: alice, Time: t0, Post: FromRecord(rec)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
