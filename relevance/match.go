package relevance

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordPat matches one word of a form: one of a set of exact folded words
// (the stem with each ending of its suffix classes), any word that starts
// with a prefix, or any number.
type wordPat struct {
	forms  map[string]struct{}
	prefix []byte
	// caps: the word must have been written in capitals (an acronym).
	caps bool
	// number: any word made of digits only ({number}).
	number bool
}

func (w *wordPat) match(b []byte, caps bool) bool {
	if w.caps && !caps {
		return false
	}
	if w.number {
		return isNumber(b)
	}
	if w.prefix != nil {
		return bytes.HasPrefix(b, w.prefix)
	}
	_, ok := w.forms[string(b)]
	return ok
}

// isNumber reports whether a folded word is made of ASCII digits only.
func isNumber(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// pattern is one form of a concept, or one form of a context rule: a
// sequence of consecutive words.
type pattern struct {
	words []wordPat
	// A pattern without words is a trigger: a word in script, or a post
	// whose langs include lang.
	script  *unicode.RangeTable
	lang    string
	concept int32 // owning concept, or -1
	rule    int32 // owning context rule when concept is -1
	label   string
}

// matcher finds every pattern in a tokenised post. Only the first word of
// a pattern is indexed, so a word costs one exact look-up and at most one
// prefix look-up, however many rules there are; later words of a phrase are
// checked only when its first word matched.
type matcher struct {
	patterns []pattern
	exact    map[string][]int32
	// Prefix patterns are bucketed by their first prefixKey bytes (the
	// shortest prefix's length), so that a word needs one look-up.
	prefixKey int
	prefix    map[string][]int32
	// numbers are the patterns whose first word is {number}.
	numbers []int32
	// vocab is every exact word any pattern knows, plus the rules'
	// hashtag words: what a hashtag may be split into.
	vocab map[string]struct{}
	// Trigger patterns, checked per post rather than per word.
	scripts []int32
	langs   []int32
	// maxSpan is the most words a pattern spans beyond its first: how far
	// before a window an occurrence that ends inside it may start.
	maxSpan int32
}

func newMatcher() *matcher {
	return &matcher{exact: map[string][]int32{}, prefix: map[string][]int32{}, vocab: map[string]struct{}{}}
}

func (m *matcher) add(p pattern) {
	m.patterns = append(m.patterns, p)
}

// finish builds the indexes once every pattern is added.
func (m *matcher) finish(glue []string) {
	m.prefixKey = 0
	for _, p := range m.patterns {
		if len(p.words) == 0 {
			continue
		}
		if w := p.words[0]; w.number {
			continue
		}
		if pre := p.words[0].prefix; pre != nil && (m.prefixKey == 0 || len(pre) < m.prefixKey) {
			m.prefixKey = len(pre)
		}
	}
	for i, p := range m.patterns {
		id := int32(i)
		m.maxSpan = max(m.maxSpan, int32(len(p.words))-1)
		switch {
		case p.script != nil:
			m.scripts = append(m.scripts, id)
			continue
		case p.lang != "":
			m.langs = append(m.langs, id)
			continue
		case p.words[0].number:
			m.numbers = append(m.numbers, id)
			continue
		}
		if pre := p.words[0].prefix; pre != nil {
			k := string(pre[:m.prefixKey])
			m.prefix[k] = append(m.prefix[k], id)
		} else {
			for f := range p.words[0].forms {
				m.exact[f] = append(m.exact[f], id)
			}
		}
		for _, w := range p.words {
			for f := range w.forms {
				m.vocab[f] = struct{}{}
			}
		}
	}
	for _, g := range glue {
		m.vocab[g] = struct{}{}
	}
}

// known reports whether a hashtag piece may be a word of its own: a word
// some form names exactly, a hashtag word, or a word a prefix form matches
// (#freeabzas → free abzas).
func (m *matcher) known(w []byte) bool {
	if _, ok := m.vocab[string(w)]; ok {
		return true
	}
	if m.prefixKey > 0 && len(w) >= m.prefixKey {
		for _, id := range m.prefix[string(w[:m.prefixKey])] {
			if m.patterns[id].words[0].match(w, true) {
				return true
			}
		}
	}
	return false
}

// occ is one match of a pattern: the positions of its first and last word.
type occ struct {
	pat        int32
	start, end int32
	cancelled  bool
}

// match appends every pattern occurrence in toks to out.
func (m *matcher) match(buf []byte, toks []tok, out []occ) []occ {
	for i := range toks {
		b := buf[toks[i].start:toks[i].end]
		if ids, ok := m.exact[string(b)]; ok {
			for _, id := range ids {
				// The exact index already matched the word; only case is left.
				if m.patterns[id].words[0].caps && !toks[i].caps {
					continue
				}
				out = m.try(buf, toks, i, id, out)
			}
		}
		if m.prefixKey > 0 && len(b) >= m.prefixKey {
			if ids, ok := m.prefix[string(b[:m.prefixKey])]; ok {
				for _, id := range ids {
					if m.patterns[id].words[0].match(b, toks[i].caps) {
						out = m.try(buf, toks, i, id, out)
					}
				}
			}
		}
		if len(m.numbers) > 0 && b[0] >= '0' && b[0] <= '9' && isNumber(b) {
			for _, id := range m.numbers {
				out = m.try(buf, toks, i, id, out)
			}
		}
	}
	return out
}

// langPos is where a langs or script trigger sits: far from every word, so
// that only contexts anywhere in the post ("post") see it. A script is not
// a word: a date after the first Armenian word is no table of figures.
const langPos = -4 * fieldGap

// triggers appends occurrences of script and langs patterns: the first word
// in each script, and each of the post's languages.
func (m *matcher) triggers(buf []byte, toks []tok, langs []string, out []occ) []occ {
	for _, id := range m.scripts {
		tab := m.patterns[id].script
		for _, t := range toks {
			if buf[t.start] < utf8.RuneSelf {
				continue
			}
			if r, _ := utf8.DecodeRune(buf[t.start:t.end]); unicode.Is(tab, r) {
				out = append(out, occ{pat: id, start: langPos, end: langPos})
				break
			}
		}
	}
	for _, id := range m.langs {
		for _, l := range langs {
			if base, _, _ := strings.Cut(strings.ToLower(l), "-"); base == m.patterns[id].lang {
				out = append(out, occ{pat: id, start: langPos, end: langPos})
				break
			}
		}
	}
	return out
}

// try checks the remaining words of pattern id from toks[i] on.
func (m *matcher) try(buf []byte, toks []tok, i int, id int32, out []occ) []occ {
	p := &m.patterns[id]
	for k := 1; k < len(p.words); k++ {
		j := i + k
		if j >= len(toks) || toks[j].pos != toks[i].pos+int32(k) {
			return out
		}
		if !p.words[k].match(buf[toks[j].start:toks[j].end], toks[j].caps) {
			return out
		}
	}
	return append(out, occ{pat: id, start: toks[i].pos, end: toks[i].pos + int32(len(p.words)) - 1})
}
