package main

import (
	"strings"
	"unicode"

	"github.com/scpeace/feedgen/relevance"
)

// regionStems are folded word beginnings that name the South Caucasus, its
// peoples, places and leaders in the languages of the corpus. The filter is
// deliberately broader than the rules: it decides what a person reads and
// labels, so anything the rules might ever count should be in it ("Georgia"
// the US state, German "Armen" the poor, Indonesian "baku" all are).
var regionStems = []string{
	// countries and peoples
	"armen", "armjan", "ermeni", "hayastan", "hayast", "azerbai", "azerbaj", "azerbay", "aserbai", "azeri", "azari",
	"georgi", "geórgi", "georgie", "gurcu", "gurcis", "sakartvel", "caucas", "kavkaz", "kaukas", "kafkas", "qafqaz",
	"transcauc", "zakavkaz",
	"армен", "армян", "азербаидж", "азер", "грузи", "грузин", "кавказ", "закавказ",
	// conflicts, regions, places
	"karabakh", "karabagh", "karabach", "qarabag", "karabag", "nagorn", "artsakh", "arzach",
	"abkhaz", "abchas", "abxaz", "abhaz", "osset", "osseti", "osetia", "osetin", "tskhinval", "zchinwal",
	"карабах", "арцах", "абхаз", "осет", "цхинвал",
	"yerevan", "erevan", "eriwan", "erivan", "irevan", "tbilis", "tiflis", "baku", "bakou",
	"ереван", "тбилис", "тифлис", "баку", "бакин",
	"gyumri", "gumri", "leninakan", "vanadzor", "syunik", "zangezur", "meghri", "nakhch", "nakhich", "naxciv", "nahciv",
	"stepanakert", "khankend", "shusha", "shushi", "lachin", "khojal", "sumgait", "sumqayit", "gence",
	"batumi", "kutaisi", "sukhum", "pankisi", "javakh", "ararat", "sevan", "echmiadz", "etchmiadz", "adjar",
	"гюмри", "сюник", "зангезур", "нахичеван", "степанакерт", "шуша", "лачин", "ходжал", "сумгаит", "гяндж", "батуми",
	"кутаиси", "сухум", "аджар", "арарат", "севан",
	// people
	"pashinyan", "pashinian", "aliyev", "aliev", "kocharyan", "sargsyan", "sargsian", "sarkisian",
	"ter-petros", "terpetros", "petrosyan", "mirzoyan", "bayramov", "elchibey", "mutalibov", "shevardnadze",
	"saakashvili", "gamsakhurdia", "ivanishvili", "kobakhidze", "zourabichvili", "zurabishvili", "garibashvili",
	"kavelashvili", "margvelashvili",
	"пашинян", "алиев", "кочарян", "саргсян", "шеварднадзе", "саакашвили", "иванишвили", "гамсахурдиа",
	// institutions, routes, the peace process
	"minsk", "dashnak",
}

// regionWords must match a whole word: as prefixes they would catch
// "observe", "baking", "tripping" and "karst".
var regionWords = map[string]bool{
	"tripp": true, "osce": true, "obse": true, "обсе": true, "kars": true, "ajar": true, "baki": true, "bakida": true,
	"bakinin": true, "ganja": true, "ilham": true, "agdam": true, "btc": true, "heydar": true,
}

// isCandidate reports whether a text should be read and labelled: it names
// the region, is written in Armenian or Georgian script, or the current
// rules count any concept for it that is not a mere topic or actor word.
func isCandidate(cl *relevance.Classifier, t text) bool {
	for _, w := range strings.Fields(relevance.Fold(t.body)) {
		if regionWords[w] {
			return true
		}
		for _, s := range regionStems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	for _, r := range t.body {
		if unicode.Is(unicode.Armenian, r) || unicode.Is(unicode.Georgian, r) {
			return true
		}
	}
	p := relevance.Post{Text: t.body}
	if t.lang != "" {
		p.Langs = []string{t.lang}
	}
	for _, r := range cl.Score(&p).Reasons {
		if kind, _, ok := strings.Cut(r, ":"); ok && kind != "topic" && kind != "actor" && kind != "neg" && kind != "cap" && kind != "with" {
			return true
		}
	}
	return false
}
