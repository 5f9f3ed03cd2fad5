package feedgen

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/scpeace/feedgen/store"
)

const (
	headerAcceptLanguage  = "Accept-Language"
	headerContentLanguage = "Content-Language"
)

// pageShape is how one getFeedSkeleton page is fitted to its viewer: what
// the viewer asked less of is skipped, and their languages filter or order
// the page as the feed is configured to.
type pageShape struct {
	mode  LanguageMode
	langs viewerLanguages
	// shaped is set when the languages changed the page, which the
	// response then declares in Content-Language.
	shaped bool
}

// shapePage sets req's Skip (and Langs, when the languages are needed)
// for a viewer who asked prefs of the feed (nil: nothing) and reads the
// languages of h (the request's headers). It reads nothing else. A feed
// that neither takes interactions nor uses languages costs nothing here:
// that is the anonymous hot path.
func (s *Server) shapePage(h http.Header, f Feed, prefs *store.ViewerPrefs, req *store.PageRequest) pageShape {
	sh := pageShape{mode: f.Languages}
	if !f.AcceptsInteractions && f.Languages == LanguagesIgnored {
		return sh
	}
	hidden := s.hidden(prefs)
	filter := false
	if f.Languages != LanguagesIgnored {
		sh.langs = parseAcceptLanguage(h.Get(headerAcceptLanguage))
		switch f.Languages {
		case LanguagesOnly:
			// "*" accepts every language, so there is nothing to filter.
			filter = len(sh.langs.bases) > 0 && !sh.langs.any
			sh.shaped = filter
		case LanguagesPrefer:
			sh.shaped = len(sh.langs.bases) > 0
		}
		req.Langs = sh.shaped
	}
	// The closures capture a copy of the languages, declared in the
	// branch that needs it, so sh itself stays on the stack.
	switch {
	case hidden != nil && filter:
		langs := sh.langs
		req.Skip = func(it *store.Item) bool { return hidden(it) || !langs.reads(it.Langs) }
	case hidden != nil:
		req.Skip = hidden
	case filter:
		langs := sh.langs
		req.Skip = func(it *store.Item) bool { return !langs.reads(it.Langs) }
	}
	return sh
}

// finish orders the page for LanguagesPrefer and sets the language
// headers. Content-Language (RFC 9110 section 8.5) names the audience a
// representation is meant for, so it is sent only when the viewer's
// languages shaped the page; an unshaped page is for everyone and says
// nothing. Vary tells caches that a feed with a language mode answers
// differently by Accept-Language.
func (sh *pageShape) finish(h http.Header, items []store.Item) []store.Item {
	if sh.mode == LanguagesIgnored {
		return items
	}
	h.Add(echo.HeaderVary, headerAcceptLanguage)
	if !sh.shaped {
		return items
	}
	h.Set(headerContentLanguage, sh.langs.contentLanguage())
	if sh.mode != LanguagesPrefer {
		return items
	}
	// A stable partition: the viewer's languages first, each group still
	// newest first. The page holds the same posts as it would unshaped,
	// and the cursor is the same, so no post is lost or served twice.
	out := make([]store.Item, 0, len(items))
	var rest []store.Item
	for _, it := range items {
		if sh.langs.reads(it.Langs) {
			out = append(out, it)
		} else {
			rest = append(rest, it)
		}
	}
	return append(out, rest...)
}
