package relevance

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"azerbaijani schwa and case", "AZƏRBAYCAN Azərbaycan azerbaycan", "azerbaycan azerbaycan azerbaycan"},
		{"turkish dotted capital I", "İSTANBUL İrəvan", "istanbul irevan"},
		{"dotless i either way", "BAKI Bakı baki", "baki baki baki"},
		{"turkish letters", "Gümrü Şuşa çağ Ağdam", "gumru susa cag agdam"},
		{"armenian capitals", "ՀԱՅԱՍՏԱՆ Հայաստան", "հայաստան հայաստան"},
		{"armenian ech-yiwn ligature", "Երևան Երեւան", "երեւան երեւան"},
		{"armenian in-word marks", "Ի՜նչ ինչո՞ւ շա՛տ", "ինչ ինչու շատ"},
		{"armenian full stop and comma", "Բաքու։ Երևան՝ Գյումրի", "բաքու երեւան գյումրի"},
		{"georgian mtavruli capitals", "ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ საქართველო", "საქართველო საქართველო"},
		{"cyrillic case and yo", "ПАШИНЯН самолёт Ёлка", "пашинян самолет елка"},
		{"cyrillic short i", "российский", "россиискии"},
		{"german sharp s", "Außenminister Straße", "aussenminister strasse"},
		{"french accents and ligature", "Arménie cœur Azerbaïdjan", "armenie coeur azerbaidjan"},
		{"fullwidth letters", "ＢＡＫＵ", "baku"},
		{"persian and arabic digits", "۲۴ آوریل ٢٤ أبريل", "24 اوریل 24 ابریل"},
		{"apostrophes split turkish endings", "Erdoğan'ın Tiflis’te Bakü'de", "erdogan in tiflis te baku de"},
		{"hashtags split on camelCase", "#FreeAbzas #NoToRussianLaw #COP29", "free abzas no to russian law cop 29"},
		{"mentions are not words", "@someone.bsky.social hello @x", "hello"},
		{"a mention ends where the handle does", "回复 @lin_w:不是亲俄 @a.bsky.social,hello", "回 复 不 是 亲 俄 hello"},
		{"email is not a mention", "mail a@b.am", "mail a b am"},
		{"flags are words", "🇦🇲🇦🇿 🇬🇪!", "🇦🇲 🇦🇿 🇬🇪"},
		{"soft hyphen and zero-width joiner", "Kara\u00adbakh Ar\u200dtsakh", "karabakh artsakh"},
		{"punctuation separates", "Armenia–Azerbaijan/Georgia, Kars-Gyumri.", "armenia azerbaijan georgia kars gyumri"},
		{"chinese characters are words", "亚美尼亚总理", "亚 美 尼 亚 总 理"},
		{"japanese kana and kanji are words", "アルメニアの首相", "ア ル メ ニ ア の 首 相"},
		{"kana length mark and voicing", "ジョージア", "シ ョ ー シ ア"},
		{"halfwidth kana", "ｼﾞｮｰｼﾞｱ", "シ ョ ー シ ア"},
		{"chinese beside latin", "在Baku举行", "在 baku 举 行"},
		{"the enumeration comma is a word", "土耳其、埃及", "土 耳 其 、 埃 及"},
		{"chinese hashtag", "#亚美尼亚 news", "亚 美 尼 亚 news"},
		{"a Korean particle on a Latin acronym is not part of it", "EU가 CSTO에서 2년", "eu \u1100\u1161 csto \u110b\u1166\u1109\u1165 2\u1102\u1167\u11ab"},
		{"korean keeps its spaces (in jamo, as NFKD leaves it)", "아르메니아의 총리", "\u110b\u1161\u1105\u1173\u1106\u1166\u1102\u1175\u110b\u1161\u110b\u1174 \u110e\u1169\u11bc\u1105\u1175"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMatching checks whole-word matching and inflection through the
// builtin rules: a form must fire on its inflected forms and not on words
// that merely contain it.
func TestMatching(t *testing.T) {
	c := mustBuiltin(t)
	tests := []struct {
		name, text string
		want       string // a reason prefix that must be there, e.g. "place:Baku"
		not        bool   // the reason must NOT be there
	}{
		{"whole word: Bakugan is not Baku", "My kid collects Bakugan", "place:Baku", true},
		{"whole word: Karabakh in a sentence", "Karabakh, again.", "place:Karabakh", false},
		{"ru locative", "Встреча в Армении", "place:Armenia", false},
		{"ru instrumental", "граница с Арменией", "place:Armenia", false},
		{"ru genitive of a surname", "заявление Пашиняна", "person:Pashinyan", false},
		{"ru city genitive", "мэр Еревана", "place:Yerevan", false},
		{"az genitive", "Azərbaycanın mövqeyi", "place:Azerbaijan", false},
		{"az dative", "Azərbaycana səfər", "place:Azerbaijan", false},
		{"hy border", "Հայաստանի սահմանին", "topic:border", false},
		{"hy laid down is no border", "օրենքով սահմանված կարգով", "topic:border", true},
		{"az Baku genitive", "Bakının mövqeyi", "place:Baku", false},
		{"az Baku locative without schwa keyboard", "Bakida gorus", "place:Baku", false},
		{"tr Bakü with apostrophe", "Bakü'de zirve", "place:Baku", false},
		{"tr baki is a verb, not Baku", "bakım merkezine bakıyor", "place:Baku", true},
		{"hy genitive", "Հայաստանի կառավարություն", "place:Armenia", false},
		{"hy locative", "Հայաստանում", "place:Armenia", false},
		{"hy definite article", "Փաշինյանը", "person:Pashinyan", false},
		{"hy oblique stem of Baku", "Բաքվում", "place:Baku", false},
		{"ka genitive", "საქართველოს მთავრობა", "place:Sakartvelo", false},
		{"ka locative", "თბილისში", "place:Tbilisi", false},
		{"ka warm is not Tbilisi", "თბილი ჩაი", "place:Tbilisi", true},
		{"de genitive", "Armeniens Regierung", "place:Armenia", false},
		{"fr adjective", "la diplomatie arménienne", "place:Armenia", false},
		{"phrase across inflection", "Грузинской мечты", "institution:Georgian Dream", false},
		{"phrase across Georgian case", "ქართულმა ოცნებამ", "institution:Georgian Dream", false},
		{"hashtag camelCase", "#GeorgianDream", "institution:Georgian Dream", false},
		{"hashtag lower case split by vocabulary", "#georgiandream", "institution:Georgian Dream", false},
		{"hashtag split with prefix form", "#freeabzas", "institution:Azerbaijani independent media", false},
		{"hashtag with glue words", "#StandWithArmenia", "place:Armenia", false},
		{"unknown hashtag is not split", "#bakugan", "place:Baku", true},
		{"all caps Azerbaijani", "AZƏRBAYCAN VƏ ERMƏNİSTAN", "place:Azerbaijan", false},
		{"Caucasian is not the Caucasus", "a Caucasian male", "place:Caucasus", true},
		{"flag", "🇦🇲", "place:Armenia", false},
		{"Georgian script names no place", "ოპოზიციის ლიდერები ციხეში არიან", "place:Georgian script", false},
		{"Armenian script names no place", "Ընդդիմությունը բողոքում է", "place:Armenian script", false},
		{"Latin script is not Georgian", "opposition leaders in prison", "place:Georgian script", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Score(&Post{Text: tt.text})
			has := hasReason(got.Reasons, tt.want)
			if has == tt.not {
				t.Errorf("Score(%q).Reasons = %v; want %q present = %v", tt.text, got.Reasons, tt.want, !tt.not)
			}
		})
	}
}

func hasReason(reasons []string, prefix string) bool {
	for _, r := range reasons {
		if strings.HasPrefix(r, prefix) {
			return true
		}
	}
	return false
}

func TestLangsTrigger(t *testing.T) {
	c := mustBuiltin(t)
	p := Post{Text: "Hökumət yeni qərar verdi", Langs: []string{"az-AZ"}}
	if got := c.Score(&p); !hasReason(got.Reasons, "place:Azerbaijani language") {
		t.Errorf("langs az-AZ: reasons %v lack place:Azerbaijani language", got.Reasons)
	}
	p.Langs = []string{"tr"}
	if got := c.Score(&p); hasReason(got.Reasons, "place:Azerbaijani language") {
		t.Errorf("langs tr: reasons %v have place:Azerbaijani language", got.Reasons)
	}
}
