package main

import (
	"compress/gzip"
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
	for name, body := range map[string]string{
		"big-test.txt":  "hy\tԸնդդիմությունը հանրահավաք է հայտարարել\nru\tВ Тбилиси снова протесты\n",
		"sentences.txt": "ka\tმთავრობამ კანონპროექტი წარუდგინა\n",
		"tweets.txt":    "fr\tla géorgie et l'ue\nbroken line without a tab\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	os.WriteFile(filepath.Join(dir, "x.dict.dz"), []byte(zb.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "x.index"), []byte(idx), 0o644)
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
	for name, body := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
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
	for name, body := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	var got []string
	if err := readHandbook(dir, func(t text) { got = append(got, t.key+"|"+t.lang+"|"+t.body) }); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"en-US.intro.1|en|Debian is a community project.",
		"en-US.intro.2|en|The project has a constitution: a leader a secretary and elections.",
		"ru-RU.intro.1|ru|Debian — это проект сообщества.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("readHandbook =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
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
	langs := map[string]int{}
	english := 0
	if err := readHandbook(dir, func(t text) {
		langs[t.lang]++
		if t.lang != "en" && mostlyEnglish(t.body) {
			english++
		}
	}); err != nil {
		t.Fatal(err)
	}
	if langs["en"] < 2500 || langs["ru"] < 1500 || langs["de"] < 2000 || langs["ja"] != 0 || langs["zh"] != 0 || english != 0 {
		t.Errorf("paragraphs by language %v, %d English ones under another tag", langs, english)
	}
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
