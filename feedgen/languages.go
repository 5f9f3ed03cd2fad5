package feedgen

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// LanguageMode says how a feed uses the viewer's Accept-Language header,
// which the AppView passes on from the client's content language settings.
type LanguageMode string

// Language modes of a feed.
const (
	// LanguagesIgnored serves every viewer the same feed.
	LanguagesIgnored LanguageMode = ""
	// LanguagesPrefer puts the posts in the viewer's languages (and
	// posts without a language) first within each page. Pages are the
	// same posts as without the header, so paging stays exact.
	LanguagesPrefer LanguageMode = "prefer"
	// LanguagesOnly serves only posts in the viewer's languages, plus
	// posts that declare no language.
	LanguagesOnly LanguageMode = "only"
)

// maxAcceptLanguage bounds how much of the header is read; real clients
// send a few dozen bytes.
const maxAcceptLanguage = 1024

// viewerLanguages is what an Accept-Language header asks for.
type viewerLanguages struct {
	// bases are the primary language subtags the viewer reads ("en",
	// "hy"), most preferred first, without duplicates.
	bases []string
	// any is set by "*": every language is acceptable.
	any bool
}

// parseAcceptLanguage reads an Accept-Language header (RFC 9110). A
// malformed entry is skipped rather than spoiling the others; q=0 entries
// are dropped, as x/text does. Tags are compared by primary language only:
// a viewer reading en-US reads a post tagged en or en-GB.
func parseAcceptLanguage(h string) viewerLanguages {
	var v viewerLanguages
	h = strings.TrimSpace(h)
	if h == "" {
		return v
	}
	if len(h) > maxAcceptLanguage {
		h = h[:maxAcceptLanguage]
		if i := strings.LastIndexByte(h, ','); i >= 0 {
			h = h[:i]
		}
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil {
		tags = tolerantAcceptLanguage(h)
	}
	for _, t := range tags {
		b, _ := t.Base()
		switch s := b.String(); s {
		case "mul": // how x/text spells "*"
			v.any = true
		case "und":
		default:
			if !slices.Contains(v.bases, s) {
				v.bases = append(v.bases, s)
			}
		}
	}
	return v
}

// tolerantAcceptLanguage parses entry by entry, keeping the good ones in
// order of weight.
func tolerantAcceptLanguage(h string) []language.Tag {
	type weighted struct {
		tag language.Tag
		q   float32
	}
	var all []weighted
	for _, entry := range strings.Split(h, ",") {
		tags, qs, err := language.ParseAcceptLanguage(entry)
		if err != nil {
			continue
		}
		for i := range tags {
			all = append(all, weighted{tags[i], qs[i]})
		}
	}
	slices.SortStableFunc(all, func(a, b weighted) int {
		switch {
		case a.q > b.q:
			return -1
		case a.q < b.q:
			return 1
		}
		return 0
	})
	out := make([]language.Tag, len(all))
	for i, w := range all {
		out[i] = w.tag
	}
	return out
}

// primaryLanguage is the primary language subtag of a post's language
// tag, canonical ("hye" is "hy") and lower case.
func primaryLanguage(tag string) string {
	p := tag
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		p = tag[:i]
	}
	if len(p) == 2 && p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z' {
		return p // the common case, without a table look-up
	}
	b, err := language.ParseBase(p)
	if err != nil {
		return strings.ToLower(p)
	}
	return b.String()
}

// reads reports whether a post in langs suits the viewer: it is in one of
// their languages, or declares none. "*" is not considered here: whether
// it lifts a filter is the caller's decision.
func (v *viewerLanguages) reads(langs []string) bool {
	if len(langs) == 0 {
		return true
	}
	for _, l := range langs {
		if slices.Contains(v.bases, primaryLanguage(l)) {
			return true
		}
	}
	return false
}

// contentLanguage is the Content-Language of a page shaped for v.
func (v *viewerLanguages) contentLanguage() string {
	return strings.Join(v.bases, ", ")
}
