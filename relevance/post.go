package relevance

import (
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Post is what the classifier reads of a post: everything a reader sees of
// it, without the network metadata.
type Post struct {
	Text  string
	Langs []string
	// Link is the link card, if the post has one.
	Link *Link
	// ImageAlts are the alt texts of its images and video.
	ImageAlts []string
	// Hashtags are the facet tags and the record's own tags, without '#'.
	// Hashtags written in Text are found there too; duplicates are harmless.
	Hashtags []string
	// Mentions and Links count the mention and link facets.
	Mentions, Links int
	// ReplyRoot and ReplyParent are set when the post is a reply.
	ReplyRoot, ReplyParent syntax.ATURI
	// SelfLabels are the author's own labels on the post (e.g. "porn").
	SelfLabels []string
	// QuotedURI is the post this one quotes, if any.
	QuotedURI syntax.ATURI
	// Quoted is the quoted post, when the caller has it. Its content counts
	// as this post's (quoting is sharing).
	Quoted *Post
}

// Link is a link card.
type Link struct {
	URL, Title, Description string
}

// IsReply reports whether the post replies to another.
func (p *Post) IsReply() bool { return p.ReplyRoot != "" || p.ReplyParent != "" }

// FromRecord extracts a Post from a decoded post record. Reply and quote
// references that are not valid AT-URIs are left empty: a reply to nowhere
// we can name is judged on its own. The quoted post itself is not fetched
// here; set Quoted when you have it.
func FromRecord(rec *bsky.FeedPost) Post {
	if rec == nil {
		return Post{}
	}
	p := Post{Text: rec.Text, Langs: rec.Langs}
	for _, f := range rec.Facets {
		if f == nil {
			continue
		}
		for _, feat := range f.Features {
			switch {
			case feat == nil:
			case feat.RichtextFacet_Tag != nil:
				p.Hashtags = append(p.Hashtags, feat.RichtextFacet_Tag.Tag)
			case feat.RichtextFacet_Mention != nil:
				p.Mentions++
			case feat.RichtextFacet_Link != nil:
				p.Links++
			}
		}
	}
	p.Hashtags = append(p.Hashtags, rec.Tags...)
	if r := rec.Reply; r != nil {
		if r.Root != nil {
			p.ReplyRoot = parseURI(r.Root.Uri)
		}
		if r.Parent != nil {
			p.ReplyParent = parseURI(r.Parent.Uri)
		}
	}
	if l := rec.Labels; l != nil && l.LabelDefs_SelfLabels != nil {
		for _, v := range l.LabelDefs_SelfLabels.Values {
			if v != nil {
				p.SelfLabels = append(p.SelfLabels, v.Val)
			}
		}
	}
	if e := rec.Embed; e != nil {
		switch {
		case e.EmbedImages != nil:
			p.addImages(e.EmbedImages)
		case e.EmbedVideo != nil:
			p.addVideo(e.EmbedVideo)
		case e.EmbedGallery != nil:
			p.addGallery(e.EmbedGallery)
		case e.EmbedExternal != nil:
			p.addExternal(e.EmbedExternal)
		case e.EmbedRecord != nil:
			p.addQuote(e.EmbedRecord)
		case e.EmbedRecordWithMedia != nil:
			rwm := e.EmbedRecordWithMedia
			p.addQuote(rwm.Record)
			if m := rwm.Media; m != nil {
				switch {
				case m.EmbedImages != nil:
					p.addImages(m.EmbedImages)
				case m.EmbedVideo != nil:
					p.addVideo(m.EmbedVideo)
				case m.EmbedGallery != nil:
					p.addGallery(m.EmbedGallery)
				case m.EmbedExternal != nil:
					p.addExternal(m.EmbedExternal)
				}
			}
		}
	}
	return p
}

func parseURI(s string) syntax.ATURI {
	u, err := syntax.ParseATURI(s)
	if err != nil {
		return ""
	}
	return u
}

func (p *Post) addImages(e *bsky.EmbedImages) {
	for _, img := range e.Images {
		if img != nil && img.Alt != "" {
			p.ImageAlts = append(p.ImageAlts, img.Alt)
		}
	}
}

func (p *Post) addVideo(e *bsky.EmbedVideo) {
	if e.Alt != nil && *e.Alt != "" {
		p.ImageAlts = append(p.ImageAlts, *e.Alt)
	}
}

func (p *Post) addGallery(e *bsky.EmbedGallery) {
	for _, it := range e.Items {
		if it != nil && it.EmbedGallery_Image != nil && it.EmbedGallery_Image.Alt != "" {
			p.ImageAlts = append(p.ImageAlts, it.EmbedGallery_Image.Alt)
		}
	}
}

func (p *Post) addExternal(e *bsky.EmbedExternal) {
	if x := e.External; x != nil {
		p.Link = &Link{URL: x.Uri, Title: x.Title, Description: x.Description}
	}
}

func (p *Post) addQuote(e *bsky.EmbedRecord) {
	if e != nil && e.Record != nil {
		p.QuotedURI = parseURI(e.Record.Uri)
	}
}
