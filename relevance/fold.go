package relevance

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding turns text into the form both rules and posts are compared in.
//
// One folding for every language, rather than a case mapping chosen from the
// post's `langs`, because `langs` is often wrong (clients default it to the
// interface language) and because a post mixes scripts. The folding is
// therefore deliberately lossy where languages disagree: Turkish lower-cases
// "I" to "ı" and everyone else to "i", so both fold to "i"; "İ" and "i" too.
// "ə" folds to "e" so that Azerbaijani written on a keyboard without it
// ("Azerbaycan") still matches. Diacritics are dropped after NFKD
// decomposition (ş→s, ç→c, ğ→g, ü→u, ё→е, й→и), which merges no two words
// that any rule distinguishes.

// foldRune maps one decomposed rune that is not a combining mark to its
// folded form: one rune, or two when r2 != 0 (ß → ss).
func foldRune(r rune) (r1, r2 rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), 0
		}
		return r, 0
	}
	switch r {
	case 'ı', 'İ': // İ only survives NFKD if it was not decomposed; be safe.
		return 'i', 0
	case 'ə', 'Ə':
		return 'e', 0
	case 'ß', 'ẞ':
		return 's', 's'
	case 'æ', 'Æ':
		return 'a', 'e'
	case 'œ', 'Œ':
		return 'o', 'e'
	case 'ø', 'Ø':
		return 'o', 0
	case 'đ', 'Đ':
		return 'd', 0
	case 'ł', 'Ł':
		return 'l', 0
	case 'ς':
		return 'σ', 0
	// Arabic and Persian write yeh and kaf with different letters
	// (Arabic ي ى ك, Persian ی ک) and people type whichever their keyboard
	// has; teh marbuta is often written as heh.
	case 'ي', 'ى':
		return 'ی', 0
	case 'ك':
		return 'ک', 0
	case 'ة':
		return 'ه', 0
	}
	// Persian and Arabic posts write numbers with their own digits (۲۴
	// آوریل, ٢٤ أبريل): the same numbers as 24.
	if '۰' <= r && r <= '۹' {
		return '0' + (r - '۰'), 0
	}
	if '٠' <= r && r <= '٩' {
		return '0' + (r - '٠'), 0
	}
	return unicode.ToLower(r), 0
}

// runeClass says what a rune does to tokenisation.
type runeClass uint8

const (
	classSep    runeClass = iota // ends a word
	classWord                    // part of a word
	classSkip                    // dropped, but does not end a word
	classFlag                    // regional indicator: half of a flag emoji
	classHash                    // '#': may start a hashtag
	classAt                      // '@': may start a mention
	classApostr                  // apostrophe: ends a word (Turkish Kars'ta → kars ta)
	classSolo                    // a word of its own: a Chinese character or Japanese kana
)

func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return classWord
		case r == '#':
			return classHash
		case r == '@':
			return classAt
		case r == '\'' || r == '`':
			return classApostr
		}
		return classSep
	}
	switch r {
	// Apostrophes of every kind end a word. Turkish writes case endings of
	// proper names after one (Erdoğan'ın, Tiflis'te), so the name stands
	// alone; U+02BC is a "letter" to Unicode but an apostrophe to writers.
	case '’', '‘', 'ʼ', 'ʻ', '´', '՚':
		return classApostr
	// Armenian emphasis, exclamation and question marks and the abbreviation
	// mark sit inside the word they modify (Ի՜նչ, ինչո՞ւ); the soft hyphen
	// and zero-width (non-)joiners are invisible. None of them ends a word.
	// The Arabic tatweel (ـ) stretches a word without ending it.
	case '\u055B', '\u055C', '\u055E', '\u055F', '\u00AD', '\u200C', '\u200D', '\u2060', '\u0640':
		return classSkip
	}
	if r >= 0x1F1E6 && r <= 0x1F1FF {
		return classFlag
	}
	if isSolo(r) {
		return classSolo
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r) {
		return classWord
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
		return classSkip
	}
	return classSep
}

// isSolo reports whether r is written without spaces between words:
// Chinese characters, Japanese kana and the kana's length mark, and the
// enumeration comma 、 that separates a list's items there. There is no
// word boundary to find in 亚美尼亚总理帕希尼扬 or アルメニアの首相, so each
// such character is a word of its own, and a rule's form in these scripts
// is a phrase of characters (a form is split the same way as a post).
// Korean writes spaces between words and is not among them.
func isSolo(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return r == 'ー' || r == '、' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// isASCII reports whether s needs no Unicode normalisation.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Fold returns s as rules and posts are compared: NFKD-normalised, combining
// marks removed, case folded for every script, words separated by single
// spaces, hashtags and mentions kept as plain words. It is the folding the
// matcher uses, exported so that curators' tools and tests can show what a
// rule form or a post turns into.
func Fold(s string) string {
	var tz tokenizer
	tz.run(s, 0, nil)
	out := make([]byte, 0, len(tz.buf)+len(tz.toks))
	for i, t := range tz.toks {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, tz.buf[t.start:t.end]...)
	}
	return string(out)
}

// tok is one folded word; its bytes are buf[start:end] of the tokenizer.
type tok struct {
	start, end int32
	// pos is the word's position. Words of one field have consecutive
	// positions; fields are fieldGap apart so that phrases and windows never
	// span two fields.
	pos int32
	tag bool // from a hashtag
	// caps is set when the word was written in capitals (at least two
	// letters, none lower-case): "TRIPP", not "Tripp". Forms written with
	// "=" match only such words.
	caps bool
	// brk is set when a sentence or clause mark (. , : ; ! ? and their
	// kin in other scripts) stands between this word and the one before it
	// in its field: "Rustaveli, 600 days" is two phrases, not a figure of
	// the avenue.
	brk bool
}

// fieldGap separates the positions of two fields of a post.
const fieldGap = 1 << 12

// tokenizer folds and splits text. It is reused across posts to avoid
// allocating per word.
type tokenizer struct {
	buf  []byte
	toks []tok

	// Counts over the fields tokenised since the last reset, for the
	// hashtag-heavy guard.
	words, tags, mentions int

	// brk: a break mark was seen since the last word emitted.
	brk bool
}

func (tz *tokenizer) reset() {
	tz.buf = tz.buf[:0]
	tz.toks = tz.toks[:0]
	tz.words, tz.tags, tz.mentions = 0, 0, 0
}

// segmenter splits an unknown hashtag word into known words; nil disables
// it (while rules are being parsed there is no vocabulary yet).
type segmenter interface {
	known(word []byte) bool
}

// run tokenises one field, starting at word position pos; it returns the
// next free position.
func (tz *tokenizer) run(s string, pos int32, seg segmenter) int32 {
	if !isASCII(s) {
		s = norm.NFKD.String(s)
	}
	const (
		stNone    = iota
		stWord    // inside a word
		stTag     // inside a hashtag (possibly a later camelCase piece)
		stMention // inside an @handle, skipped to its end
	)
	state := stNone
	tz.brk = false
	start := int32(len(tz.buf))
	var prev rune        // previous word rune before folding, for camelCase
	var flagHalf rune    // pending first half of a flag emoji
	newTag := false      // the current tag piece is the first of its hashtag
	upper, lower := 0, 0 // letters of the current word by case, before folding
	flush := func() {
		if end := int32(len(tz.buf)); (state == stWord || state == stTag) && end > start {
			if state == stTag && newTag {
				tz.tags++
				newTag = false
			}
			pos = tz.emit(start, end, pos, state == stTag, upper >= 2 && lower == 0, seg)
		}
		state = stNone
		start = int32(len(tz.buf))
		upper, lower = 0, 0
	}
	for _, r := range s {
		c := classify(r)
		if c != classFlag {
			flagHalf = 0
		}
		if state == stMention {
			if isHandleRune(r) {
				continue
			}
			// A handle is a domain name (letters, digits, dots, hyphens);
			// whatever follows it is text again, even without a space:
			// "回复 @lin_w:不是..." (issue 11, seventeenth round).
			state = stNone
			if unicode.IsSpace(r) {
				continue
			}
		}
		switch c {
		case classWord:
			switch {
			case state == stNone:
				state = stWord
				start = int32(len(tz.buf))
				prev = 0
			case state == stTag && prev != 0 && splitsHashtag(prev, r):
				flush()
				state = stTag
			case state == stWord && prev != 0 && splitsScripts(prev, r):
				flush()
				state = stWord
			}
			switch {
			case 'A' <= r && r <= 'Z':
				upper++
			case 'a' <= r && r <= 'z':
				lower++
			case r >= utf8.RuneSelf && unicode.IsUpper(r):
				upper++
			case r >= utf8.RuneSelf && unicode.IsLower(r):
				lower++
			}
			r1, r2 := foldRune(r)
			tz.buf = utf8.AppendRune(tz.buf, r1)
			if r2 != 0 {
				tz.buf = utf8.AppendRune(tz.buf, r2)
			}
			prev = r
		case classSkip:
			// stays inside the word
		case classHash:
			flush()
			state, newTag, prev = stTag, true, 0
		case classAt:
			wasNone := state == stNone
			flush()
			if wasNone {
				// A handle runs to the next space; its parts are not words.
				state = stMention
				tz.mentions++
			}
		case classSolo:
			// One character, one word. Inside a hashtag (#アルメニア) every
			// character is a piece of the one tag.
			tag := state == stTag
			flush()
			b := int32(len(tz.buf))
			r1, _ := foldRune(r)
			tz.buf = utf8.AppendRune(tz.buf, r1)
			if tag && newTag {
				tz.tags++
				newTag = false
			}
			pos = tz.emit(b, int32(len(tz.buf)), pos, tag, false, nil)
			start = int32(len(tz.buf))
			if tag {
				state, prev = stTag, 0
			}
		case classFlag:
			flush()
			if flagHalf == 0 {
				flagHalf = r
				continue
			}
			// A flag is a word of its own: 🇬🇪 names Georgia.
			b := int32(len(tz.buf))
			tz.buf = utf8.AppendRune(tz.buf, flagHalf)
			tz.buf = utf8.AppendRune(tz.buf, r)
			pos = tz.emit(b, int32(len(tz.buf)), pos, false, false, nil)
			start = int32(len(tz.buf))
			flagHalf = 0
		default: // separators and apostrophes
			flush()
			if isBreak(r) {
				tz.brk = true
			}
		}
	}
	flush()
	return pos
}

// isBreak reports whether r ends a sentence or a clause: the marks that
// part two words that only stand side by side ("Tbilisi: 14 arrests").
// Not dashes, slashes or quotes, which join as often as they part.
func isBreak(r rune) bool {
	switch r {
	case '.', ',', ':', ';', '!', '?', '…',
		'։', '՝', // Armenian full stop and comma
		'،', '؛', '؟', // Arabic comma, semicolon, question mark
		'。', '、', '，', '！', '？', '：', '；', '．':
		return true
	}
	return false
}

// splitsScripts reports whether a word breaks between prev and r because
// Latin letters meet Korean ones: Korean writes its particles on a Latin
// acronym ("EU가", "CSTO에서", "NATO와"), and the acronym is a word of its
// own. Digits stay with the Korean ("2년", "11월").
func splitsScripts(prev, r rune) bool {
	if isLatinLetter(prev) {
		return r >= 0x1100 && unicode.Is(unicode.Hangul, r)
	}
	return isLatinLetter(r) && prev >= 0x1100 && unicode.Is(unicode.Hangul, prev)
}

func isLatinLetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// splitsHashtag reports whether a hashtag breaks between prev and r:
// camelCase (FreeAbzas) and letter/digit changes (COP29).
func splitsHashtag(prev, r rune) bool {
	if unicode.IsUpper(r) && unicode.IsLower(prev) {
		return true
	}
	return unicode.IsDigit(r) != unicode.IsDigit(prev)
}

// emit records the word buf[start:end] at pos, splitting an unknown hashtag
// piece into known words when seg can, and returns the next position.
func (tz *tokenizer) emit(start, end, pos int32, tag, caps bool, seg segmenter) int32 {
	brk := tz.brk
	tz.brk = false
	if tag && seg != nil {
		if n := tz.segment(start, end, pos, caps, seg); n > 0 {
			tz.toks[len(tz.toks)-int(n)].brk = brk
			return pos + n
		}
	}
	tz.toks = append(tz.toks, tok{start: start, end: end, pos: pos, tag: tag, caps: caps, brk: brk})
	if !tag {
		tz.words++
	}
	return pos + 1
}

// maxSegment bounds the hashtag length we try to split (the search is
// quadratic in it).
const maxSegment = 64

// segment splits the hashtag piece buf[start:end] into the fewest known
// words (#georgiandream → georgian dream, #freeabzas → free abzas) and emits
// them, returning how many; 0 if the piece is known as it is or cannot be
// covered by known words, so that #bakugan stays one word and never
// matches Baku.
func (tz *tokenizer) segment(start, end, pos int32, caps bool, seg segmenter) int32 {
	w := tz.buf[start:end]
	if len(w) < 5 || len(w) > maxSegment || seg.known(w) {
		return 0
	}
	// best[i]: fewest words covering w[:i]; from[i]: where the last began.
	var best, from [maxSegment + 1]int8
	for i := 1; i <= len(w); i++ {
		best[i] = -1
	}
	for i := 1; i <= len(w); i++ {
		if i < len(w) && !utf8.RuneStart(w[i]) {
			continue
		}
		for j := 0; j < i; j++ {
			if best[j] < 0 || !utf8.RuneStart(w[j]) || i-j < 2 {
				continue
			}
			if (best[i] < 0 || best[j]+1 < best[i]) && seg.known(w[j:i]) {
				best[i] = best[j] + 1
				from[i] = int8(j)
			}
		}
	}
	n := best[len(w)]
	if n < 2 {
		return 0
	}
	cuts := make([]int32, n+1)
	for i, k := len(w), n; k >= 0; k-- {
		cuts[k] = int32(i)
		if k > 0 {
			i = int(from[i])
		}
	}
	for k := int8(0); k < n; k++ {
		tz.toks = append(tz.toks, tok{start: start + cuts[k], end: start + cuts[k+1], pos: pos + int32(k), tag: true, caps: caps})
	}
	return int32(n)
}

// isHandleRune says whether r can be part of an @handle as posts write it:
// a domain name's ASCII letters, digits, dots and hyphens, and the
// underscore other networks' handles use.
func isHandleRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '-' || r == '_'
}
