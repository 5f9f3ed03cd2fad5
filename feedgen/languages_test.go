package feedgen

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

func TestParseAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		bases  []string
		any    bool
	}{
		{"", nil, false},
		{"en", []string{"en"}, false},
		{"hy,en", []string{"hy", "en"}, false},
		{"en-US,en;q=0.9,hy;q=0.8", []string{"en", "hy"}, false},
		{"hy;q=0.5, ru", []string{"ru", "hy"}, false},
		{"*", nil, true},
		{"ka, *;q=0.1", []string{"ka"}, true},
		{"az-Latn-AZ", []string{"az"}, false},
		{"hye", []string{"hy"}, false},
		{"EN-gb", []string{"en"}, false},
		{"en;q=0", nil, false},
		{"not a language!!, hy", []string{"hy"}, false},
		{"en;q=banana, ka", []string{"ka"}, false},
		{";;;,,,", nil, false},
		{strings.Repeat("en-US-x-abcdefgh,", 500) + "hy", []string{"en"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			got := parseAcceptLanguage(tt.header)
			if !reflect.DeepEqual(got.bases, tt.bases) || got.any != tt.any {
				t.Errorf("got %v any=%v, want %v any=%v", got.bases, got.any, tt.bases, tt.any)
			}
		})
	}
}

func TestPrimaryLanguage(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en", "en-US": "en", "EN": "en", "hye": "hy", "hy-AM": "hy", "ka": "ka",
		"zh_Hant": "zh", "rus": "ru", "": "", "qqq-bad": "qqq",
	} {
		if got := primaryLanguage(tag); got != want {
			t.Errorf("primaryLanguage(%q): got %q, want %q", tag, got, want)
		}
	}
}

// langPosts are twelve posts, newest first: Armenian, English, none,
// Russian+Armenian, Azerbaijani, Georgian, repeated.
func langPosts() []*model.Post {
	langs := [][]string{{"hy"}, {"en"}, nil, {"ru", "hy-AM"}, {"az"}, {"ka"}}
	var posts []*model.Post
	for i := range 12 {
		p := post(i, int64(1000-i))
		p.Langs = langs[i%len(langs)]
		posts = append(posts, p)
	}
	return posts
}

func languagesFixture(t *testing.T, mode LanguageMode) (*viewerFixture, []string) {
	cfg := interactionsConfig()
	cfg.Feeds[0].Languages = mode
	f := newViewerFixture(t, cfg, false)
	posts := langPosts()
	f.addPosts(t, "sc-peace", posts...)
	var all []string
	for _, p := range posts {
		all = append(all, p.URI.String())
	}
	return f, all
}

// pick returns the posts of all at the given indexes.
func pick(all []string, idx ...int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, all[i])
	}
	return out
}

func acceptLanguage(v string) http.Header {
	if v == "" {
		return nil
	}
	return http.Header{"Accept-Language": {v}}
}

func TestLanguagesOnly(t *testing.T) {
	f, all := languagesFixture(t, LanguagesOnly)
	tests := []struct {
		name   string
		header string
		want   []string
		lang   string
	}{
		{"no header", "", all, ""},
		{"armenian", "hy", pick(all, 0, 2, 3, 6, 8, 9), "hy"},
		{"armenian with region, and georgian", "hy-AM, ka;q=0.7", pick(all, 0, 2, 3, 5, 6, 8, 9, 11), "hy, ka"},
		{"any", "*", all, ""},
		{"georgian, else anything", "ka, *;q=0.5", all, ""},
		{"german: only posts without a language", "de", pick(all, 2, 8), "de"},
		{"malformed", "!!!", all, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Walk with a page size that splits the groups, logged out
			// and as a viewer: the filter is the same, pages are exact.
			for _, viewer := range []syntax.DID{"", alice} {
				got := f.walk(t, viewer, feedURI, 2, acceptLanguage(tt.header))
				if fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Errorf("viewer %q:\n got %v\nwant %v", viewer, got, tt.want)
				}
			}
			_, h := f.page(t, "", feedURI, 5, "", acceptLanguage(tt.header))
			if got := h.Get("Content-Language"); got != tt.lang {
				t.Errorf("Content-Language: got %q, want %q", got, tt.lang)
			}
			if !slices.Contains(h.Values("Vary"), "Accept-Language") {
				t.Errorf("Vary: got %v, want Accept-Language", h.Values("Vary"))
			}
		})
	}
}

// "prefer" puts the viewer's languages first within each page and keeps
// every page the same set of posts as unshaped, so paging is exact.
func TestLanguagesPrefer(t *testing.T) {
	f, all := languagesFixture(t, LanguagesPrefer)
	hdr := acceptLanguage("hy")
	var walked []string
	plainCursors, preferCursors := []string{}, []string{}
	for cursor := ""; ; {
		plain, _ := f.page(t, "", feedURI, 5, cursor, nil)
		out, h := f.page(t, "", feedURI, 5, cursor, hdr)
		var want []string
		var rest []string
		for _, it := range plain.Feed {
			i := slices.Index(all, it.Post)
			if slices.Contains([]int{0, 2, 3}, i%6) {
				want = append(want, it.Post)
			} else {
				rest = append(rest, it.Post)
			}
		}
		want = append(want, rest...)
		var got []string
		for _, it := range out.Feed {
			got = append(got, it.Post)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("page at %q:\n got %v\nwant %v", cursor, got, want)
		}
		if h.Get("Content-Language") != "hy" {
			t.Errorf("Content-Language: got %q, want hy", h.Get("Content-Language"))
		}
		walked = append(walked, got...)
		if (plain.Cursor == nil) != (out.Cursor == nil) {
			t.Fatalf("cursor presence differs: %v vs %v", plain.Cursor, out.Cursor)
		}
		if out.Cursor == nil {
			break
		}
		plainCursors = append(plainCursors, *plain.Cursor)
		preferCursors = append(preferCursors, *out.Cursor)
		cursor = *out.Cursor
	}
	if !reflect.DeepEqual(plainCursors, preferCursors) {
		t.Errorf("cursors differ: %v vs %v", plainCursors, preferCursors)
	}
	slices.Sort(walked)
	sorted := slices.Clone(all)
	slices.Sort(sorted)
	if !reflect.DeepEqual(walked, sorted) {
		t.Errorf("walk served %d posts, want each of the %d once", len(walked), len(all))
	}
	// Without the header the page is unshaped and says so.
	_, h := f.page(t, "", feedURI, 5, "", nil)
	if h.Get("Content-Language") != "" {
		t.Errorf("unshaped page has Content-Language %q", h.Get("Content-Language"))
	}
}

func TestLanguagesIgnoredByDefault(t *testing.T) {
	f, all := languagesFixture(t, LanguagesIgnored)
	if got := f.walk(t, "", feedURI, 5, acceptLanguage("hy")); fmt.Sprint(got) != fmt.Sprint(all) {
		t.Errorf("got %v, want the feed unchanged", got)
	}
	_, h := f.page(t, "", feedURI, 5, "", acceptLanguage("hy"))
	if h.Get("Content-Language") != "" || len(h.Values("Vary")) != 0 {
		t.Errorf("a feed without a language mode sent Content-Language %q, Vary %v", h.Get("Content-Language"), h.Values("Vary"))
	}
}

// A viewer's hidden posts and the language filter apply together.
func TestLanguagesAndFeedbackTogether(t *testing.T) {
	f, all := languagesFixture(t, LanguagesOnly)
	f.interact(t, alice, EventRequestLess, post(0, 0).URI)
	got := f.walk(t, alice, feedURI, 2, acceptLanguage("hy"))
	if want := pick(all, 2, 3, 6, 8, 9); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
