package relevance

import (
	"strings"
	"testing"
)

// classCase is one post of a class of mistake: whether it must be in, and a
// reason prefix that must be among its reasons ("!prefix": must not be).
type classCase struct {
	name, lang, text string
	in               bool
	why              string
}

func runClassCases(t *testing.T, cases []classCase) {
	t.Helper()
	c := mustBuiltin(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			var langs []string
			if tt.lang != "" {
				langs = strings.Split(tt.lang, ",")
			}
			d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text, Langs: langs})
			if d.In != tt.in {
				t.Errorf("in = %v (score %v, %v), want %v", d.In, d.Score, d.Reasons, tt.in)
			}
			if tt.why == "" {
				return
			}
			if not, ok := strings.CutPrefix(tt.why, "!"); ok {
				if hasReason(d.Reasons, not) {
					t.Errorf("reasons %v have %q", d.Reasons, not)
				}
			} else if !hasReason(d.Reasons, tt.why) {
				t.Errorf("reasons %v lack %q", d.Reasons, tt.why)
			}
		})
	}
}

// TestScriptIsNotTheRegion: a post written in Armenian, Georgian or
// Azerbaijani says who it is for, not what it is about. The world's news in
// those languages uses the generic words of diplomacy (a treaty, talks, a
// corridor, arrests, the EU) as much as the region's does; with the script
// alone they stay out, while one word of the region's own politics, or a
// place of the region, is enough.
func TestScriptIsNotTheRegion(t *testing.T) {
	runClassCases(t, []classCase{
		// Generic words about somewhere else, or nowhere.
		{"trade talks, ka", "ka", "ევროკავშირი და მერკოსური სავაჭრო ხელშეკრულებაზე მოლაპარაკებებს ისევ აჭიანურებენ", false, "!with:"},
		{"a climate treaty, hy", "hy", "Կլիմայի մասին միջազգային պայմանագրի շուրջ բանակցությունները կրկին ձախողվեցին", false, ""},
		{"arms and arrests, az", "az", "Rusiyada silah qaçaqmalçılığına görə daha üç nəfər həbs edilib", false, ""},
		{"a corridor and talks, ka", "ka", "ჰუმანიტარული დერეფნის შესახებ მოლაპარაკებები ისევ ჩაიშალა", false, ""},
		{"a hospital corridor, hy", "hy", "Երկու ժամ սպասեցի հիվանդանոցի միջանցքում, բժիշկը չեկավ", false, ""},
		// Another country's border or war, named.
		{"Kosovo's border, hy", "hy", "Կոսովոյի և Սերբիայի սահմանին լարվածությունը նորից աճում է", false, "neg:Armenian script/Countries"},
		{"Gaza, ka", "ka", "ღაზაში ცეცხლის შეწყვეტის შესახებ მოლაპარაკებები განახლდა", false, "neg:Georgian script/Countries"},
		{"Venezuela's elections, az", "az", "Venesuelada prezident seçkiləri yenidən təxirə salınıb", false, "neg:Azerbaijani language/Countries"},
		// The region's own politics: one political word is enough.
		{"the opposition, hy", "hy", "Ընդդիմությունը պահանջում է վարչապետի հրաժարականը", true, "with:opposition/Armenian script"},
		{"the border, ka", "ka", "საოკუპაციო ხაზთან მცხოვრებ ოჯახებს საზღვრის გადაწევა აშინებთ", true, "with:border/Georgian script"},
		{"parliament, az", "az", "Milli Məclisdə yeni seçki məcəlləsi müzakirə olunur", true, "with:parliament/Azerbaijani language"},
		// ...or a place of the region with a generic word.
		{"a treaty and Baku, hy", "hy", "Բաքուն նորից հետաձգում է պայմանագրի ստորագրումը", true, "place:Baku"},
		// Latin letters, declared Georgian: the same language.
		{"transliterated Georgian", "ka", "parlamentma isev miigo kanoni, opozicia aksias martavs", true, "place:Georgian script"},
	})
}
