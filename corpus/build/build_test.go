package main

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/relevance"
)

// The labels are keyed by URI, so the URI of a text must not depend on
// anything but its source and its place in it.
func TestURIsAreStableAndValid(t *testing.T) {
	did := sourceDID("factbook")
	if did != "did:plc:yp3cpn5bdt3bqebz3ijnbeav" {
		t.Errorf("sourceDID(factbook) = %s: it changed, and every committed label with it", did)
	}
	for _, k := range []string{"am.Government.Executive branch.chief of state", "ca01.12", "story 127.3", strings.Repeat("x", 600)} {
		key := recordKey(k)
		if _, err := syntax.ParseRecordKey(key); err != nil {
			t.Errorf("recordKey(%q) = %q: %v", k, key, err)
		}
		if _, err := syntax.ParseATURI("at://" + did + "/app.bsky.feed.post/" + key); err != nil {
			t.Errorf("URI with %q: %v", key, err)
		}
	}
	if splitOf("sotu", "1894_grover_cleveland_d") != splitOf("sotu", "1894_grover_cleveland_d") {
		t.Error("the split is not deterministic")
	}
}

func TestChunksKeepSentencesWhole(t *testing.T) {
	s := "The first sentence is here. The second one follows it. A third closes the paragraph."
	got := chunks(s, 60)
	want := []string{"The first sentence is here. The second one follows it.", "A third closes the paragraph."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("chunks = %q, want %q", got, want)
	}
}

func TestDictdNumbers(t *testing.T) {
	for s, want := range map[string]int{"A": 0, "B": 1, "BA": 64, "WX8I": 22*64*64*64 + 23*64*64 + 60*64 + 8, "!": -1} {
		if got := b64(s); got != want {
			t.Errorf("b64(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCandidateFilterIsBroad(t *testing.T) {
	r, err := relevance.Builtin(relevance.DefaultRules)
	if err != nil {
		t.Fatal(err)
	}
	cl := relevance.New(r)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Four persons died in Georgia weekend traffic crashes", true}, // the US state: read and labelled out
		{"Den Armen wird geholfen", true},                              // German "the poor"
		{"Сумгаит и Гянджа", true},
		{"საქართველო", true},
		{"The TRIPP route", true},
		{"We observed the spectral lines", false}, // not "OBSE"
		{"Baking bread on Sunday", false},         // not "Baki"
		{"Cocoa arrivals for the week were 155,221 bags", false},
	} {
		if got := isCandidate(cl, text{body: tt.text, lang: "en"}); got != tt.want {
			t.Errorf("isCandidate(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	// In the region's own languages a text is read when it names the
	// region or speaks of politics; a recipe or a match in Georgian is not.
	for _, tt := range []struct {
		text, lang string
		want       bool
	}{
		{"Ընդդիմությունը նոր հանրահավաք է հայտարարել", "hy", true},
		{"Այսօր պատրաստեցի տատիկիս գաթան", "hy", false},
		{"მთავრობამ ახალი კანონპროექტი წარუდგინა", "ka", true},
		{"დღეს ხინკალი გავაკეთეთ", "ka", false},
		{"Milli Məclis yeni qanunu qəbul etdi", "az", true},
		{"Bu gün nənəmin dolmasını bişirdim", "az", false},
		{"Вірменія та Азербайджан", "uk", true},
	} {
		if got := isCandidate(cl, text{body: tt.text, lang: tt.lang}); got != tt.want {
			t.Errorf("isCandidate(%q, %s) = %v, want %v", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestReadELD(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"big-test.txt":  "hy\tԸնդդիմությունը հանրահավաք է հայտարարել\nru\tВ Тбилиси снова протесты\n",
		"sentences.txt": "ka\tმთავრობამ კანონპროექტი წარუდგინა\n",
		"tweets.txt":    "fr\tla géorgie et l'ue\nbroken line without a tab\n",
	})
	var got []string
	if err := readELD(dir, func(t text) { got = append(got, t.key+"|"+t.lang+"|"+t.doc) }); err != nil {
		t.Fatal(err)
	}
	want := "big-test.1|hy|big-test.1,big-test.2|ru|big-test.2,sentences.1|ka|sentences.1,tweets.1|fr|tweets.1"
	if strings.Join(got, ",") != want {
		t.Errorf("readELD = %q, want %q (each line its own document, keyed by file and line)", strings.Join(got, ","), want)
	}
}

// GCIDE lists an entry under each of its headwords; one entry is one text.
func TestReadDictEntriesOnce(t *testing.T) {
	dir := t.TempDir()
	data := "Armenian, a. Of Armenia.\nArmenian, n. A native of Armenia.\n"
	var zb strings.Builder
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(data))
	zw.Close()
	idx := "00-database-short\tA\tB\nArmenian\tA\tZ\nArmenian\tZ\ti\nArmenians\tZ\ti\n"
	writeFiles(t, dir, map[string]string{"x.dict.dz": zb.String(), "x.index": idx})
	var got []string
	if err := readDictEntries("x", "en")(dir, func(t text) { got = append(got, t.key+"|"+t.body) }); err != nil {
		t.Fatal(err)
	}
	want := "Armenian.A|Armenian, a. Of Armenia.\n,Armenian.Z|Armenian, n. A native of Armenia.\n"
	if strings.Join(got, ",") != want {
		t.Errorf("readDictEntries = %q, want %q", strings.Join(got, ","), want)
	}
}

func TestReadMoby(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"file_list.json": `["contents.txt","chapter_1.txt"]`,
		"contents.json":  `{"text":"CHAPTER 1. Loomings. CHAPTER 2. The Carpet-Bag."}`,
		"chapter_1.json": `{"chapter":"1","title":"Loomings.","text":"Call me Ishmael, some years ago.\n\nThere now is your insular city of the Manhattoes."}`,
		"epilogue.json":  `{"text":"The drama's done. Why then here does any one step forth?"}`,
	}
	writeFiles(t, dir, files)
	var got []string
	if err := readMoby(dir, func(t text) { got = append(got, t.key+"|"+t.doc) }); err != nil {
		t.Fatal(err)
	}
	want := "chapter_1.1|chapter_1,chapter_1.2|chapter_1,epilogue.1|epilogue"
	if strings.Join(got, ",") != want {
		t.Errorf("readMoby = %q, want %q (a paragraph a text, the contents skipped)", strings.Join(got, ","), want)
	}
}

// The King James text is read from the pinned package when build.sh has
// unpacked it: 31,102 verses, keyed by book, chapter and verse.
func TestReadBible(t *testing.T) {
	home, _ := os.UserHomeDir()
	dir := filepath.Join(home, ".cache/feedgen-corpus/src/bible-kjv-text/usr/lib")
	if c := os.Getenv("FEEDGEN_CORPUS_CACHE"); c != "" {
		dir = filepath.Join(c, "src/bible-kjv-text/usr/lib")
	}
	if _, err := os.Stat(filepath.Join(dir, "bible.data")); err != nil {
		t.Skip("bible-kjv-text not unpacked (run corpus/build.sh)")
	}
	verses := map[string]string{}
	if err := readBible(dir, func(t text) { verses[t.key] = t.body }); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"Ge.1.1":    "In the beginning God created the heaven and the earth.",
		"Ge.8.4":    "And the ark rested in the seventh month, on the seventeenth day of the month, upon the mountains of Ararat.",
		"Rev.22.21": "The grace of our Lord Jesus Christ be with you all. Amen.",
	} {
		if verses[key] != want {
			t.Errorf("verse %s = %q, want %q", key, verses[key], want)
		}
	}
}

// A handbook paragraph is a Publican <div class="para"> with what is nested
// in it; a paragraph a translation left in English is read once, in en-US.
func TestReadHandbook(t *testing.T) {
	dir := t.TempDir()
	page := func(paras ...string) string {
		s := `<html><body><div class="section"><h2 class="title">Title</h2>`
		for _, p := range paras {
			s += `<div class="para">` + p + `</div>`
		}
		return s + `</div></body></html>`
	}
	files := map[string]string{
		"en-US/intro.html": page("Debian is a <em>community</em> project.", "The project has a constitution: <div class=\"itemizedlist\"><ul><li>a leader</li><li>a secretary</li></ul></div> and elections."),
		"ru-RU/intro.html": page("Debian &mdash; это проект сообщества.", "The project has a constitution: <div class=\"itemizedlist\"><ul><li>a leader</li><li>a secretary</li></ul></div> and elections.",
			"Глава 4, Установка presented these technologies from the point of view of the installer."),
		"ja-JP/intro.html":              page("Debian はコミュニティのプロジェクトです。 とても 大きな プロジェクト"),
		"Common_Content/css/style.html": page("not a translation at all, just a file"),
	}
	writeFiles(t, dir, files)
	want := []string{
		"en-US.intro.1|en|Debian is a community project.",
		"en-US.intro.2|en|The project has a constitution: a leader a secretary and elections.",
		"ru-RU.intro.1|ru|Debian — это проект сообщества.",
	}
	wantManualTexts(t, "readHandbook", readHandbook, dir, want)
}

func TestMostlyEnglish(t *testing.T) {
	for s, want := range map[string]bool{
		"Bölüm 4, Kurulum presented these technologies from the point of view of the installer": true,
		"Kapittel 4 beskriver installasjonen for en enkelt datamaskin og til flere":             false,
		"Эта глава возвращается к некоторым аспектам, уже описанным ранее":                      false,
		"Выполните команду apt-get install foo, чтобы установить пакет":                         false,
	} {
		if got := mostlyEnglish(s); got != want {
			t.Errorf("mostlyEnglish(%q) = %v, want %v", s, got, want)
		}
	}
}

// The Quran is read from the pinned package when build.sh has unpacked it:
// the Arabic text and nine translations, 6,236 verses each, keyed by
// language, chapter and verse.
func TestReadQuran(t *testing.T) {
	dir := unpacked(t, "quran-json/package/dist", "quran_ru.json")
	verses, langs := map[string]string{}, map[string]int{}
	if err := readQuran(dir, func(t text) { verses[t.key] = t.body; langs[t.lang]++ }); err != nil {
		t.Fatal(err)
	}
	if len(langs) != 10 || langs["ru"] != 6236 || langs["zh"] != 0 {
		t.Errorf("languages read: %v, want the ten of quranLangs with 6,236 verses each", langs)
	}
	for key, want := range map[string]string{
		"ru.1.1": "Во имя Аллаха, Милостивого, Милосердного",
		"en.1.1": "In the name of Allah, the Entirely Merciful, the Especially Merciful",
		"tr.1.1": "Rahman ve Rahim olan Allah'ın adıyla",
	} {
		if verses[key] != want {
			t.Errorf("verse %s = %q, want %q", key, verses[key], want)
		}
	}
}

// The handbook is read from the pinned package when build.sh has unpacked
// it: every translation but Chinese and Japanese, English left once.
func TestReadHandbookPackage(t *testing.T) {
	dir := unpacked(t, "debian-handbook/usr/share/doc/debian-handbook/html", "ru-RU/index.html")
	langs, english := countByLanguage(t, readHandbook, dir)
	if langs["en"] < 2500 || langs["ru"] < 1500 || langs["de"] < 2000 || langs["ja"] != 0 || langs["zh"] != 0 || english != 0 {
		t.Errorf("paragraphs by language %v, %d English ones under another tag", langs, english)
	}
}

// writeFiles writes a reader's fixture: each file, with its directories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantManualTexts checks what a manual's reader yields from dir, each text
// as key|lang|body, in order.
func wantManualTexts(t *testing.T, name string, read func(string, func(text)) error, dir string, want []string) {
	t.Helper()
	var got []string
	if err := read(dir, func(t text) { got = append(got, t.key+"|"+t.lang+"|"+t.body) }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s =\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// countByLanguage reads a translated manual and counts its texts by
// language, and the texts in English under another language's tag.
func countByLanguage(t *testing.T, read func(string, func(text)) error, dir string) (langs map[string]int, english int) {
	t.Helper()
	langs = map[string]int{}
	if err := read(dir, func(t text) {
		langs[t.lang]++
		if t.lang != "en" && mostlyEnglish(t.body) {
			english++
		}
	}); err != nil {
		t.Fatal(err)
	}
	return langs, english
}

// unpacked returns the directory of a package that build.sh unpacked into
// the corpus cache, or skips the test when it has not.
func unpacked(t *testing.T, dir, file string) string {
	t.Helper()
	home, _ := os.UserHomeDir()
	cache := filepath.Join(home, ".cache/feedgen-corpus")
	if c := os.Getenv("FEEDGEN_CORPUS_CACHE"); c != "" {
		cache = c
	}
	dir = filepath.Join(cache, "src", dir)
	if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
		t.Skipf("%s not unpacked (run corpus/build.sh)", dir)
	}
	return dir
}

// writeSwordModule writes one testament of a SWORD module compressed by
// blocks, as zText and zCom store it: the entries' texts in the given
// blocks, an index entry per place (width 10 or 12 bytes), the blocks'
// table and the zlib-compressed blocks.
func writeSwordModule(t *testing.T, dir, testament string, blockChar byte, width int, blocks [][]string, places [][2]int) {
	t.Helper()
	var data, table, idx []byte
	starts := make([][]uint32, len(blocks))
	for b, entries := range blocks {
		var plain []byte
		for _, e := range entries {
			starts[b] = append(starts[b], uint32(len(plain)))
			plain = append(plain, e...)
		}
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(plain)
		zw.Close()
		table = binary.LittleEndian.AppendUint32(table, uint32(len(data)))
		table = binary.LittleEndian.AppendUint32(table, uint32(z.Len()))
		table = binary.LittleEndian.AppendUint32(table, uint32(len(plain)))
		data = append(data, z.Bytes()...)
	}
	for _, p := range places {
		if p[0] < 0 { // a place without text (a heading)
			idx = append(idx, make([]byte, width)...)
			continue
		}
		idx = binary.LittleEndian.AppendUint32(idx, uint32(p[0]))
		idx = binary.LittleEndian.AppendUint32(idx, starts[p[0]][p[1]])
		size := len(blocks[p[0]][p[1]])
		if width == 10 {
			idx = binary.LittleEndian.AppendUint16(idx, uint16(size))
		} else {
			idx = binary.LittleEndian.AppendUint32(idx, uint32(size))
		}
	}
	for kind, b := range map[byte][]byte{'v': idx, 's': table, 'z': data} {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s.%cz%c", testament, blockChar, kind)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A SWORD Bible is one text a verse, its OSIS word markup removed without
// leaving spaces before the punctuation; a commentary is one text a
// paragraph, headings dropped, and an entry shared by a range of verses is
// read once.
func TestReadSword(t *testing.T) {
	bible := t.TempDir()
	writeSwordModule(t, bible, "ot", 'b', 10, [][]string{
		{`<milestone type="x-importer"/>`, `<w lemma="strong:H5117">Y reposó</w> <w lemma="strong:H8392">el arca</w>, <w lemma="strong:H0780">sobre los montes de Armenia</w>. `},
		{`<title type="x-s">Psalm 1</title><w>Bienaventurado</w> el varón &amp; su casa.`},
	}, [][2]int{{-1, 0}, {0, 0}, {-1, 0}, {0, 1}, {1, 0}})
	writeSwordModule(t, bible, "nt", 'b', 10, nil, [][2]int{{-1, 0}, {-1, 0}})
	var got []string
	if err := readSword("es", 'b', 10, false)(bible, func(t text) { got = append(got, t.key+"|"+t.lang+"|"+clean(t.body)) }); err != nil {
		t.Fatal(err)
	}
	want := "ot.3|es|Y reposó el arca, sobre los montes de Armenia.\not.4|es|Bienaventurado el varón & su casa."
	if strings.Join(got, "\n") != want {
		t.Errorf("readSword(bible) =\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}

	comm := t.TempDir()
	entry := `<div sID="g1" type="x-p"/><title type="x-s">Psalm 60 OVERVIEW</title><hi type="bold">Verses 1-3</hi><div eID="g1" type="x-p"/>` +
		`<div sID="g2" type="x-p"/>The psalmist prays <reference osisRef="Ps.60.1">Ps 60:1</reference> for help.<div eID="g2" type="x-p"/>` +
		`<table><row><cell>David's</cell><cell>victories.</cell><cell>(1-3)</cell></row></table>`
	writeSwordModule(t, comm, "ot", 'c', 12, [][]string{{entry}}, [][2]int{{-1, 0}, {0, 0}, {0, 0}, {0, 0}})
	writeSwordModule(t, comm, "nt", 'c', 12, nil, nil)
	got = nil
	if err := readSword("en", 'c', 12, true)(comm, func(t text) { got = append(got, t.key+"|"+t.doc+"|"+t.body) }); err != nil {
		t.Fatal(err)
	}
	want = "ot.1.1|ot.1|Verses 1-3\not.1.2|ot.1|The psalmist prays Ps 60:1 for help.\not.1.3|ot.1|David's victories. (1-3)"
	if strings.Join(got, "\n") != want {
		t.Errorf("readSword(commentary) =\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}

	// an index that is not of the module's width is refused, not misread
	writeSwordModule(t, comm, "ot", 'c', 10, [][]string{{entry}}, [][2]int{{0, 0}})
	if err := readSword("en", 'c', 12, true)(comm, func(text) {}); err == nil {
		t.Error("readSword read a 10-byte index as 12-byte entries")
	}
}

// An Installation Guide paragraph is an HTML <p>; one a translation left in
// English is read once, in English; Japanese and Chinese are not read.
func TestReadInstallGuide(t *testing.T) {
	dir := t.TempDir()
	page := func(paras ...string) string {
		s := `<html><body><div class="section"><h2 class="title">Title</h2>`
		for _, p := range paras {
			s += `<p>` + p + `</p>`
		}
		return s + `<div class="note"><p>A <code>note</code> paragraph too.</p></div></body></html>`
	}
	files := map[string]string{
		"en/ch01.html":    page("Debian is an all-volunteer <em>organization</em>.", "This guide is licensed under the GPL."),
		"ru/ch01.html":    page("Debian &mdash; организация добровольцев.", "This guide is licensed under the GPL.", "Глава 4 presented the partitioning from the point of view of the installer."),
		"ja/ch01.html":    page("Debian はボランティアの 組織 です"),
		"zh_CN/ch01.html": page("Debian 是 一个 志愿者 组织"),
		"changelog.gz":    "not a translation",
	}
	writeFiles(t, dir, files)
	want := []string{
		"en.ch01.1|en|Debian is an all-volunteer organization .",
		"en.ch01.2|en|This guide is licensed under the GPL.",
		"en.ch01.3|en|A note paragraph too.",
		"ru.ch01.1|ru|Debian — организация добровольцев.",
	}
	wantManualTexts(t, "readInstallGuide", readInstallGuide, dir, want)
}

// The fresh4 sources are read from the pinned packages when build.sh has
// unpacked them: the Spanish Bible's verses, the commentaries' paragraphs,
// the Installation Guide's 17 languages.
func TestReadSwordPackages(t *testing.T) {
	for _, tt := range []struct {
		dir, file   string
		read        func(string, func(text)) error
		min         int
		key, prefix string
	}{
		{"sword-text-sparv/usr/share/sword/modules/texts/ztext/spaRV1909eb", "ot.bzv", readSword("es", 'b', 10, false), 31000,
			"ot.4", "EN el principio crió Dios los cielos y la tierra."},
		{"sword-comm-mhcc/usr/share/sword/modules/comments/zcom/mhcc", "nt.bzv", readSword("en", 'b', 10, true), 8000, "", ""},
		{"sword-comm-tdavid/usr/share/sword/modules/comments/zcom/tdavid", "ot.czv", readSword("en", 'c', 12, true), 30000, "", ""},
	} {
		dir := unpacked(t, tt.dir, tt.file)
		n, body := 0, ""
		if err := tt.read(dir, func(t text) {
			n++
			if t.key == tt.key {
				body = clean(t.body)
			}
		}); err != nil {
			t.Fatalf("%s: %v", tt.dir, err)
		}
		if n < tt.min || !strings.HasPrefix(body, tt.prefix) {
			t.Errorf("%s: %d texts (want %d or more), %s = %q", tt.dir, n, tt.min, tt.key, body)
		}
	}
}

func TestReadInstallGuidePackage(t *testing.T) {
	dir := unpacked(t, "installation-guide-amd64/usr/share/doc/installation-guide-amd64", "ru/index.html")
	langs, english := countByLanguage(t, readInstallGuide, dir)
	if len(langs) != 17 || langs["en"] < 1000 || langs["ru"] < 800 || langs["de"] < 1000 || langs["ja"] != 0 || langs["zh"] != 0 || english != 0 {
		t.Errorf("paragraphs by language %v, %d English ones under another tag", langs, english)
	}
}
