package main

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// Ukrainian
	"вірмен", "грузі", "азербайдж", "карабах", "єреван",
	// in the region's own scripts: the countries, peoples, capitals, regions
	"հայաստան", "հայկական", "հայեր", "հայոց", "ադրբեջան", "վրաստան", "վրաց", "ղարաբաղ", "արցախ",
	"երևան", "երեւան", "բաքու", "բաքվ", "թբիլիսի", "սյունիք", "նախիջևան", "նախիջեւան", "ստեփանակերտ",
	"աբխազ", "թուրք", "փաշինյան", "ալիև", "ալիեւ", "քոչարյան", "սարգսյան",
	"საქართველო", "ქართველ", "სომხ", "სომეხ", "აზერბაიჯან", "აფხაზ", "ცხინვალ", "სამაჩაბლო", "ოსეთ", "თბილის",
	"ერევან", "ბაქო", "ყარაბაღ", "ივანიშვილ", "სააკაშვილ", "კობახიძ", "ზურაბიშვილ", "ღარიბაშვილ",
	// Greek, Arabic, Persian, Hebrew, Korean and Dutch (issue 11, fourteenth round); Arabic and
	// Hebrew write "and", "in", "the" before the word, so their stems are matched anywhere in it
	"αρμεν", "αζερμπα", "γεωργ", "καυκασ", "καραμπαχ", "αμπχαζ", "οσετ", "τιφλιδ", "ερεβαν", "μπακου", "πασινιαν", "αλιεφ",
	"ارمن", "ارمين", "اذربيج", "اذربايج", "جورجي", "گرجستان", "گرجی", "قفقاز", "قوقاز", "قره باغ", "قرهباغ", "كاراباخ", "کاراباخ",
	"ابخاز", "اوسيتي", "اوستی", "يريفان", "یریفان", "ایروان", "باکو", "باكو", "تبليسي", "تبلیسی", "تفلیس", "تفليس", "نخجوان", "زنگزور", "زنغزور",
	"پاشینیان", "باشينيان", "باشینیان", "علييف", "علییف", "علیاف",
	"ארמנ", "אזרבייג", "גאורגי", "גרוזי", "קווקז", "קרבאך", "אבחז", "אוסטי", "ירוואן", "טביליסי", "באקו", "פשיניאן", "אלייב",
	"아르메니아", "아제르바이잔", "조지아", "그루지야", "캅카스", "코카서스", "카라바흐", "압하지야", "오세티야", "예레반", "바쿠", "트빌리시", "파시냔", "알리예프",
	"armeens", "azerbeidz", "bakoe", "jerevan", "pasjinjan", "alijev",
}

// cjkNames name the region in Chinese and Japanese, which write no spaces
// between words: they are looked for anywhere in a text.
var cjkNames = []string{
	"亚美尼亚", "亞美尼亞", "阿塞拜疆", "亞塞拜然", "格鲁吉亚", "格魯吉亞", "喬治亞", "乔治亚", "高加索", "卡拉巴赫", "纳卡", "納卡",
	"阿布哈兹", "阿布哈茲", "奥塞梯", "奧塞梯", "埃里温", "埃里溫", "巴库", "巴庫", "第比利斯", "帕希尼扬", "阿利耶夫",
	"アルメニア", "アゼルバイジャン", "ジョージア", "グルジア", "コーカサス", "カフカス", "カラバフ", "アブハジア", "オセチア",
	"エレバン", "バクー", "トビリシ", "パシニャン", "アリエフ",
}

// midWordStems are the stems of regionStems in Arabic or Hebrew script,
// which are matched anywhere in a word, not only at its start; chosen once.
var midWordStems = func() []string {
	var out []string
	for _, s := range regionStems {
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.In(r, unicode.Arabic, unicode.Hebrew) {
			out = append(out, s)
		}
	}
	return out
}()

// politicsStems are folded word beginnings that speak of government,
// elections, war and diplomacy in the region's own languages. A text in
// Armenian or Georgian script, or in Azerbaijani, is a candidate when it
// names the region or uses one of these: a text in Georgian about a
// football match or a recipe cannot be about the region's politics, and
// reading thousands of them would not change a label.
var politicsStems = foldAll(
	// Armenian
	"կառավար", "նախագահ", "վարչապետ", "նախարար", "խորհրդարան", "պատգամավոր", "կուսակց", "ընտրությ",
	"ընտրող", "ընդդիմ", "իշխանությ", "իշխող", "պետությ", "պետական", "պատերազմ", "բանակ", "զինվոր", "զինված",
	"սահման", "հակամարտ", "խաղաղ", "բանակց", "պայմանագ", "համաձայնագ", "դեսպան", "դիվանագ", "քաղաքական",
	"քաղաքականությ", "ցույց", "բողոք", "հանրահավաք", "ձերբակալ", "դատարան", "բանտ", "ցեղասպան", "փախստական",
	"անկախությ", "հանրաքվե", "սահմանադր", "ռուսաստան", "իրան", "հրադադար", "պաշտպանությ", "զենք", "օկուպաց",
	"ահաբեկ", "միջազգային", "հացադուլ", "ոստիկան", "ԵՄ", "ՆԱՏՕ", "ՄԱԿ", "ԵԱՀԿ", "ՀԱՊԿ", "ԱՄՆ",
	// Georgian
	"მთავრობ", "პრეზიდენტ", "პრემიერ", "მინისტრ", "პარლამენტ", "დეპუტატ", "პარტი", "არჩევნ", "ოპოზიცი",
	"ხელისუფლებ", "სახელმწიფო", "ომი", "ომის", "ომში", "არმი", "ჯარ", "სამხედრო", "საზღვ", "კონფლიქტ",
	"მშვიდობ", "მოლაპარაკებ", "ხელშეკრულებ", "შეთანხმებ", "ელჩ", "დიპლომატ", "პოლიტიკ", "აქცი", "პროტესტ",
	"დააკავ", "დაკავ", "სასამართლო", "ციხ", "პატიმარ", "დევნილ", "ოკუპაცი", "ოკუპირ", "დამოუკიდებლობ",
	"რეფერენდუმ", "კონსტიტუცი", "ნატო", "ევროკავშირ", "გაერო", "რუსეთ", "თურქეთ", "ირან", "აშშ", "კრემლ",
	"სანქცი", "ევროპ", "პოლიცი",
	// Azerbaijani
	"hökumət", "prezident", "nazir", "parlament", "məclis", "deputat", "partiya", "seçki", "müxalif",
	"hakimiyyət", "dövlət", "müharibə", "ordu", "əsgər", "sərhəd", "münaqişə", "sülh", "danışıq", "müqavilə",
	"saziş", "səfir", "diplomat", "siyasi", "siyasət", "etiraz", "mitinq", "həbs", "məhkəmə", "qaçqın",
	"köçkün", "işğal", "müstəqil", "referendum", "konstitusiya", "nato", "avropa", "bmt", "rusiya", "türkiyə",
	"iran", "abş", "sanksiya", "şəhid", "terror", "polis",
)

func foldAll(ws ...string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = relevance.Fold(w)
	}
	return out
}

// triggerConcepts are the rules' concepts that fire on a script or a
// declared language rather than on a word: they make a text a candidate
// only together with a word of politics.
var triggerConcepts = []string{"Armenian script", "Georgian script", "Azerbaijani language"}

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
	for _, n := range cjkNames {
		if strings.Contains(t.body, n) {
			return true
		}
	}
	politics := false
	for _, w := range strings.FieldsFunc(relevance.Fold(t.body), notWordRune) {
		if regionWords[w] {
			return true
		}
		for _, s := range regionStems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
		for _, s := range midWordStems {
			if strings.Contains(w, s) {
				return true
			}
		}
		for _, s := range politicsStems {
			if strings.HasPrefix(w, s) {
				politics = true
			}
		}
	}
	if politics {
		if t.lang == "az" {
			return true
		}
		for _, r := range t.body {
			if unicode.Is(unicode.Armenian, r) || unicode.Is(unicode.Georgian, r) {
				return true
			}
		}
	}
	p := relevance.Post{Text: t.body}
	if t.lang != "" {
		p.Langs = []string{t.lang}
	}
	for _, r := range cl.Score(&p).Reasons {
		kind, rest, ok := strings.Cut(r, ":")
		if !ok || kind == "topic" || kind == "actor" || kind == "neg" || kind == "cap" || kind == "with" {
			continue
		}
		name, _, _ := strings.Cut(rest, "(")
		if !slices.Contains(triggerConcepts, name) {
			return true
		}
	}
	return false
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }
