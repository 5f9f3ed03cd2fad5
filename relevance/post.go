package relevance

import (
	"unicode/utf8"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
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

// Bounds on what FromRecord reads of a record. A compliant PDS enforces the
// lexicon's limits (text 3000 bytes, 8 tags of 640 bytes, 3 languages, 4
// images), but the stream carries what any PDS publishes, and judging a
// post costs more than linear time in the words it holds: one record with
// 1 MB of text took 32 s, one with 8,500 hashtag facets half a second,
// inside the indexer's write transaction. Past these bounds, which real
// posts do not reach, the rest is not read: about 10 KB of text in all.
const (
	maxTextBytes     = 3000 // the lexicon's text limit
	maxFacets        = 300  // a facet covers at least one of the text's 300 graphemes
	maxHashtags      = 50   // facet tags and the record's tags together...
	maxHashtagBytes  = 2048 // ...and their bytes
	maxLangs         = 8    // the lexicon allows 3
	maxLabels        = 10   // the lexicon's self-label limit
	maxAlts          = 20   // a gallery's limit; 4 images...
	maxAltBytes      = 4096 // ...and the bytes of their alt texts
	maxLinkFieldByte = 1000 // a link card's URL, title, description each
)

// clip cuts s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// budget hands out at most n strings of at most bytes bytes in all.
type budget struct{ n, bytes int }

// take returns s, clipped to what is left, and whether there was room.
func (b *budget) take(s string) (string, bool) {
	if b.n <= 0 || b.bytes <= 0 {
		return "", false
	}
	s = clip(s, b.bytes)
	b.n--
	b.bytes -= len(s)
	return s, true
}

// FromRecord extracts a Post from a decoded post record, within the bounds
// above. Reply and quote references that are not valid AT-URIs are left
// empty: a reply to nowhere we can name is judged on its own. The quoted
// post itself is not fetched here; set Quoted when you have it.
func FromRecord(rec *bsky.FeedPost) Post {
	if rec == nil {
		return Post{}
	}
	p := Post{Text: clip(rec.Text, maxTextBytes), Langs: rec.Langs[:min(len(rec.Langs), maxLangs)]}
	tags := budget{maxHashtags, maxHashtagBytes}
	for _, f := range rec.Facets[:min(len(rec.Facets), maxFacets)] {
		if f == nil {
			continue
		}
		for _, feat := range f.Features[:min(len(f.Features), maxFacets)] {
			switch {
			case feat == nil:
			case feat.RichtextFacet_Tag != nil:
				if tag, ok := tags.take(feat.RichtextFacet_Tag.Tag); ok {
					p.Hashtags = append(p.Hashtags, tag)
				}
			case feat.RichtextFacet_Mention != nil:
				p.Mentions++
			case feat.RichtextFacet_Link != nil:
				p.Links++
			}
		}
	}
	for _, tag := range rec.Tags {
		tag, ok := tags.take(tag)
		if !ok {
			break
		}
		p.Hashtags = append(p.Hashtags, tag)
	}
	if r := rec.Reply; r != nil {
		if r.Root != nil {
			p.ReplyRoot = parseURI(r.Root.Uri)
		}
		if r.Parent != nil {
			p.ReplyParent = parseURI(r.Parent.Uri)
		}
	}
	if l := rec.Labels; l != nil && l.LabelDefs_SelfLabels != nil {
		vals := l.LabelDefs_SelfLabels.Values
		for _, v := range vals[:min(len(vals), maxLabels)] {
			if v != nil {
				p.SelfLabels = append(p.SelfLabels, v.Val)
			}
		}
	}
	if e := rec.Embed; e != nil {
		alts := &budget{maxAlts, maxAltBytes}
		switch {
		case e.EmbedImages != nil:
			p.addImages(e.EmbedImages, alts)
		case e.EmbedVideo != nil:
			p.addVideo(e.EmbedVideo, alts)
		case e.EmbedGallery != nil:
			p.addGallery(e.EmbedGallery, alts)
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
					p.addImages(m.EmbedImages, alts)
				case m.EmbedVideo != nil:
					p.addVideo(m.EmbedVideo, alts)
				case m.EmbedGallery != nil:
					p.addGallery(m.EmbedGallery, alts)
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

func (p *Post) addAlt(alt string, b *budget) {
	if alt == "" {
		return
	}
	if alt, ok := b.take(alt); ok {
		p.ImageAlts = append(p.ImageAlts, alt)
	}
}

func (p *Post) addImages(e *bsky.EmbedImages, b *budget) {
	for _, img := range e.Images {
		if img != nil {
			p.addAlt(img.Alt, b)
		}
	}
}

func (p *Post) addVideo(e *bsky.EmbedVideo, b *budget) {
	if e.Alt != nil {
		p.addAlt(*e.Alt, b)
	}
}

func (p *Post) addGallery(e *bsky.EmbedGallery, b *budget) {
	for _, it := range e.Items {
		if it != nil && it.EmbedGallery_Image != nil {
			p.addAlt(it.EmbedGallery_Image.Alt, b)
		}
	}
}

func (p *Post) addExternal(e *bsky.EmbedExternal) {
	if x := e.External; x != nil {
		p.Link = &Link{URL: clip(x.Uri, maxLinkFieldByte), Title: clip(x.Title, maxLinkFieldByte),
			Description: clip(x.Description, maxLinkFieldByte)}
	}
}

func (p *Post) addQuote(e *bsky.EmbedRecord) {
	if e != nil && e.Record != nil {
		p.QuotedURI = parseURI(e.Record.Uri)
	}
}

// FromKept is the Post a kept record gives back (model.Post keeps what
// FromRecord read), so that a change of rules can judge it again without
// the record. The quoted post itself is not read here either.
func FromKept(k *model.Post) Post {
	p := Post{Text: clip(k.Text, maxTextBytes), Langs: k.Langs[:min(len(k.Langs), maxLangs)], ImageAlts: k.Alts, Hashtags: k.Tags, Mentions: k.Mentions,
		Links: k.LinkFacets, ReplyRoot: k.ReplyRoot, ReplyParent: k.ReplyParent, SelfLabels: k.SelfLabels, QuotedURI: k.Quote}
	if l := k.Link; l != nil {
		p.Link = &Link{URL: l.URL, Title: l.Title, Description: l.Description}
	}
	return p
}

// Kept fills in what a kept record keeps of p (model.Post's content
// fields), the inverse of FromKept.
func (p *Post) Kept(k *model.Post) {
	k.Alts, k.Tags, k.Mentions, k.LinkFacets, k.SelfLabels, k.Quote = p.ImageAlts, p.Hashtags, p.Mentions, p.Links, p.SelfLabels, p.QuotedURI
	k.Link = nil
	if l := p.Link; l != nil {
		k.Link = &model.Link{URL: l.URL, Title: l.Title, Description: l.Description}
	}
}
