package config

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
)

// DefaultLabelers are the labelers followed unless --labelers says
// otherwise: Bluesky's own moderation service (moderation.bsky.app).
var DefaultLabelers = []syntax.DID{"did:plc:ar7c4by46qjdydhdevvrndac"}

// ParseLabelers reads --labelers: comma-separated DIDs, or "none".
func ParseLabelers(s string) ([]syntax.DID, error) {
	s = strings.TrimSpace(s)
	if s == "none" {
		return nil, nil
	}
	if s == "" {
		return nil, errors.New("must not be empty (use none to follow no labeler)")
	}
	var out []syntax.DID
	for _, part := range strings.Split(s, ",") {
		did, err := syntax.ParseDID(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("%q is not a DID", part)
		}
		if slices.Contains(out, did) {
			return nil, fmt.Errorf("%s given twice", did)
		}
		out = append(out, did)
	}
	return out, nil
}

// Content modes of a feed record (app.bsky.feed.defs).
const (
	ContentModeUnspecified = "app.bsky.feed.defs#contentModeUnspecified"
	ContentModeVideo       = "app.bsky.feed.defs#contentModeVideo"
)

// checkModeration checks the feed's moderation and publishing fields
// (excludeLabels, labelers, modLists, contentMode, descriptionFacets), and
// writes the content mode as its full token.
func (f *Feed) checkModeration() error {
	for _, v := range f.ExcludeLabels {
		if !labelValue(v) {
			return fmt.Errorf("excludeLabels: %q is not a label value (lower-case letters, digits and -, at most 128 bytes, ! first for the global ones)", v)
		}
	}
	for _, d := range f.Labelers {
		if _, err := syntax.ParseDID(d); err != nil {
			return fmt.Errorf("labelers: %q is not a DID", d)
		}
	}
	seen := map[string]bool{}
	for _, l := range f.ModLists {
		u, err := syntax.ParseATURI(l)
		if err != nil || u.Collection() != "app.bsky.graph.list" || u.RecordKey() == "" {
			return fmt.Errorf("modLists: %q is not an at://<did>/app.bsky.graph.list/<rkey> URI", l)
		}
		if _, err := u.Authority().AsDID(); err != nil {
			return fmt.Errorf("modLists: %q must name its owner by DID", l)
		}
		if l == f.List {
			return fmt.Errorf("modLists: %q is also the feed's list of experts", l)
		}
		if seen[l] {
			return fmt.Errorf("modLists: %q given twice", l)
		}
		seen[l] = true
	}
	switch f.ContentMode {
	case "":
	case "unspecified", ContentModeUnspecified:
		f.ContentMode = ContentModeUnspecified
	case "video", ContentModeVideo:
		f.ContentMode = ContentModeVideo
	default:
		return fmt.Errorf("contentMode %q must be \"video\" or \"unspecified\"", f.ContentMode)
	}
	return f.checkFacets()
}

// labelValue reports whether v can be a label value.
func labelValue(v string) bool {
	if len(v) == 0 || len(v) > 128 {
		return false
	}
	for i, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '!' && i == 0) {
			return false
		}
	}
	return v != "!"
}

// checkFacets holds the description's facets to the lexicon: byte ranges
// inside the description, and features that are links (http(s) URLs),
// mentions (DIDs) or tags.
func (f *Feed) checkFacets() error {
	for i, fc := range f.DescriptionFacets {
		bad := func(msg string) error { return fmt.Errorf("descriptionFacets[%d]: %s", i, msg) }
		if fc == nil || fc.Index == nil {
			return bad("needs an index {byteStart, byteEnd}")
		}
		if s, e := fc.Index.ByteStart, fc.Index.ByteEnd; s < 0 || e <= s || e > int64(len(f.Description)) {
			return bad(fmt.Sprintf("index %d..%d is not inside the description's %d bytes", s, e, len(f.Description)))
		}
		if !utf8.ValidString(f.Description[fc.Index.ByteStart:fc.Index.ByteEnd]) {
			return bad("index cuts a character in two")
		}
		if len(fc.Features) == 0 {
			return bad("needs at least one feature")
		}
		for _, ft := range fc.Features {
			switch {
			case ft == nil:
				return bad("a feature is null")
			case ft.RichtextFacet_Link != nil:
				u, err := url.Parse(ft.RichtextFacet_Link.Uri)
				if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
					return bad(fmt.Sprintf("link %q is not an http(s) URL", ft.RichtextFacet_Link.Uri))
				}
			case ft.RichtextFacet_Mention != nil:
				if _, err := syntax.ParseDID(ft.RichtextFacet_Mention.Did); err != nil {
					return bad(fmt.Sprintf("mention %q is not a DID", ft.RichtextFacet_Mention.Did))
				}
			case ft.RichtextFacet_Tag != nil:
				if t := ft.RichtextFacet_Tag.Tag; t == "" || len(t) > 640 {
					return bad("a tag is 1 to 640 bytes")
				}
			default:
				return bad(`a feature's $type must be app.bsky.richtext.facet#link, #mention or #tag`)
			}
		}
	}
	return nil
}

// resolveModeration fills in the feeds' defaults that depend on the rest
// of the configuration: the excluded labels, and the labelers trusted,
// which must be among those followed.
func resolveModeration(feeds []Feed, labelers []syntax.DID) error {
	for i := range feeds {
		f := &feeds[i]
		if f.ExcludeLabels == nil {
			f.ExcludeLabels = slices.Clone(membership.DefaultExclude)
		}
		if f.Labelers == nil {
			f.Trusted = slices.Clone(labelers)
			continue
		}
		f.Trusted = []syntax.DID{}
		for _, d := range f.Labelers {
			did := syntax.DID(d)
			if !slices.Contains(labelers, did) {
				return fmt.Errorf("feed %s trusts labeler %s, which --%s (%s) does not follow", f.RKey, did, FlagLabelers, EnvName(FlagLabelers))
			}
			f.Trusted = append(f.Trusted, did)
		}
	}
	return nil
}
