package relevance

import (
	"strings"
	"testing"
)

// TestRealTextClasses covers the kinds of mistake that text nobody here
// wrote showed (issue 11), in the languages the rules cover. Each "out" case
// would score in on its region word and topic words alone; the context takes
// the region word away. Each "in" case is the formal register of diplomacy,
// which used to score 2 to 2.5.
func TestRealTextClasses(t *testing.T) {
	c := mustBuiltin(t)
	tests := []struct {
		name  string
		text  string
		langs []string
		in    bool
		why   string // a reason prefix that must be there; "!prefix" must not be
	}{
		// Sayings and jokes.
		{"proverb, en", "An old Armenian proverb: the government that fears its people builds a wall on every border", nil, false, "neg:Armenia/Folklore"},
		{"proverb, ru", "Грузинская пословица: власть, которая боится народа, строит стену на границе", []string{"ru"}, false, "neg:Sakartvelo/Folklore"},
		{"Armenian Radio joke, ru", "Армянское радио спрашивают: можно ли построить социализм в Армении? Можно, но границы жалко", []string{"ru"}, false, "neg:Armenia/Folklore"},
		{"proverb, tr", "Ermeni atasözü: sınırı bekleyen hükümet halkından korkar", []string{"tr"}, false, "neg:Armenia/Folklore"},
		{"proverb, de", "Ein georgisches Sprichwort sagt: Eine Regierung, die ihr Volk fürchtet, baut Grenzen", []string{"de"}, false, "neg:Sakartvelo/Folklore"},
		{"Abkhaz proverb", "Abkhaz proverb: the guest is sent by God, but the border is guarded by men", nil, false, "neg:Abkhaz/Folklore"},
		// Food and recipes.
		{"recipe, en", "Azerbaijani plov recipe from my grandmother, who fled the war as a refugee", nil, false, "neg:Azerbaijan/Food"},
		{"recipe, ru", "Рецепт армянской долмы от бабушки, беженки из Баку, лучше любого ресторана", []string{"ru"}, false, "neg:Armenia/Food"},
		{"shushi is sushi misspelt", "ordered shushi again lol, the salmon rolls are the best in town", nil, false, "neg:Shusha/"},
		// Travel and the diaspora's neighbourhoods.
		{"Little Armenia city guide", "Little Armenia in Hollywood: things to do, bakeries and the genocide memorial", nil, false, "neg:Armenia/"},
		{"city guide, fr", "Tbilissi : les incontournables, le quartier des bains et la frontière toute proche", []string{"fr"}, false, "neg:Tbilisi/Travel"},
		// Lists of member states and figures.
		{"member states, en", "OSCE participating States: Albania, Andorra, Armenia, Austria, Azerbaijan, Belarus, Belgium, Bosnia", nil, false, "neg:Armenia/Countries(x3)"},
		{"member states, ru", "Государства-члены: Австрия, Армения, Беларусь, Бельгия, Азербайджан, Болгария, Венгрия", []string{"ru"}, false, "neg:Armenia/Countries(x3)"},
		{"a web form's country menu", "Country: Select Andorra Angola Argentina Armenia Aruba Australia Austria Azerbaijan Bahamas", nil, false, "neg:Azerbaijan/Countries(x3)"},
		{"figures", "Land boundaries, border countries: Azerbaijan 996 km, Georgia 219 km, Iran 44 km, Turkey 311 km", nil, false, "neg:Azerbaijan/Figures"},
		{"ethnic statistics", "Ethnic groups: Azerbaijani 91.6%, Lezgian 2%, Russian 1.3%, Armenian 1.3%, Talysh 1.3%", nil, false, "neg:Armenia/Figures"},
		// Maps.
		{"mountains", "Snow in the mountains of the Caucasus, right up to the border", nil, false, "neg:Caucasus/Geography"},
		// A Georgian of Atlanta.
		{"a US state senator", "A Georgian state senator wants new border checks on trucks", nil, false, "neg:Georgian/"},
		// Acronyms keep their case.
		{"a person named Tripp", "Linda Tripp tapes documentary about Armenia", nil, false, "!institution:TRIPP"},
		{"the TRIPP route", "TRIPP: the route through Syunik is finally on paper", nil, true, "institution:TRIPP"},
		{"GD in capitals only", "gd luck in Georgia tonight, see you in Tbilisi", nil, false, "!with:GD"},
		// Declarations speak of everyone: the script alone is no place.
		{"universal norms, ka", "ყოველ ადამიანს აქვს უფლება მონაწილეობა მიიღოს თავისი ქვეყნის მმართველობაში არჩევნების გზით", []string{"ka"}, false, "neg:Georgian script/Universal norms"},
		{"universal norms, hy", "Յուրաքանչյուր ոք ունի իր երկրի կառավարմանը մասնակցելու իրավունք՝ ընտրությունների միջոցով", []string{"hy"}, false, "neg:Armenian script/Universal norms"},
		{"politics in Georgian script", "ოპოზიციის ლიდერები ციხეში არიან", []string{"ka"}, true, "place:Georgian script"},

		// The formal register of diplomacy.
		{"letter to the Security Council, en", "Letter dated 12 March 2024 from the Permanent Representative of Azerbaijan to the United Nations addressed to the President of the Security Council", nil, true, "with:Azerbaijan/State organs"},
		{"Minister for Foreign Affairs, en", "Statement by the Minister for Foreign Affairs of Armenia on the displacement of the population", nil, true, "with:Armenia/State organs"},
		{"observer mission and resolution", "The Council extended the observer mission in Georgia by resolution 1866", nil, true, "topic:observers"},
		{"Caucasus republics and non-alignment", "The three Caucasus republics have each chosen a different path; non-alignment is the only common ground", nil, true, "with:Caucasus/"},
		{"armaments", "Azerbaijan's defence ministry confirms new arms deliveries and artillery from Israel", nil, true, "topic:armaments"},
		{"one country and its policy", "Armenia's foreign policy is drifting away from Moscow", nil, true, "with:Armenia/State organs"},
		{"letter to the Security Council, ru", "Письмо Постоянного представителя Азербайджана при ООН на имя Председателя Совета Безопасности", []string{"ru"}, true, "with:Azerbaijan/State organs"},
		{"Permanent Representative, fr", "Lettre du Représentant permanent de l'Arménie auprès de l'Organisation des Nations Unies", []string{"fr"}, true, "with:Armenia/State organs"},
		{"foreign minister and arms, de", "Der Außenminister Aserbaidschans sprach vor dem UN-Sicherheitsrat über Waffenlieferungen", []string{"de"}, true, "with:Azerbaijan/State organs"},
		{"Permanent Representative, tr", "Azerbaycan'ın BM Daimi Temsilcisi Güvenlik Konseyi'ne mektup gönderdi", []string{"tr"}, true, "topic:United Nations"},
		{"foreign minister, az", "Ermənistanın Xarici İşlər Naziri BMT Təhlükəsizlik Şurasına məktub göndərib", []string{"az"}, true, "with:Armenia/State organs"},
		{"foreign minister, hy", "Հայաստանի արտաքին գործերի նախարարը ՄԱԿ-ի Անվտանգության խորհրդին նամակ է հղել", []string{"hy"}, true, "with:Armenia/State organs"},
		{"foreign minister, ka", "საქართველოს საგარეო საქმეთა მინისტრმა გაეროს უშიშროების საბჭოს წერილი გაუგზავნა", []string{"ka"}, true, "with:Sakartvelo/State organs"},
		{"displaced people, es", "El ministro de Asuntos Exteriores de Armenia habló de los desplazados de Karabaj", []string{"es"}, true, "with:Armenia/State organs"},
		{"Soviet foreign minister", "Shultz begins arms talks with Soviet Foreign Minister Eduard Shevardnadze in Moscow", nil, false, "neg:Shevardnadze/"},
		{"a Soviet-era joke", "Шеварднадзе приезжает в Вашингтон, а Рейган ему говорит...", []string{"ru"}, false, "neg:Shevardnadze/Рейган*"},
		{"Georgia's president Shevardnadze", "Shevardnadze resigned after the Rose Revolution protests in Tbilisi", nil, true, "person:Shevardnadze"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text, Langs: tt.langs})
			if d.In != tt.in {
				t.Errorf("in = %v (score %v, %v), want %v", d.In, d.Score, d.Reasons, tt.in)
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

// contextRules is a small feed that exercises each kind of context.
const contextRules = `
[group place cap=2.5]
  not 6x3: @Countries
  not post: tale
place 2 Armenia
  any: Armenia
  not +0: {number}
  not -1: Little
  with +1 2: @Organs
place 2 Tripp route
  any: =TRIPP
[group topic]
topic 1 border
  any: border
[group context]
list 0 Countries
  any: Albania, Austria, Belgium, Bulgaria
genre 0 Organs
  any: government, minister
`

func TestContextKinds(t *testing.T) {
	r, err := ParseRules("test.rules", strings.NewReader(contextRules))
	if err != nil {
		t.Fatal(err)
	}
	c := New(r)
	tests := []struct {
		name   string
		text   string
		score  float64
		reason string // must be there
		absent string // must not be there ("" for no check)
	}{
		{"plain", "Armenia border", 3, "place:Armenia(+2)", ""},
		{"a number right after", "Armenia 996 km border", 1, "neg:Armenia/{number}", ""},
		{"a number after a comma is not right after", "Armenia, 996 days at the border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"nor after a colon", "Armenia: 14 detained at the border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"nor after a full stop in Armenian", "Armenia։ 14 border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"a number before does not count (+0 is after only)", "In 2024 Armenia border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"Little before", "Little Armenia border", 1, "neg:Armenia/Little", ""},
		{"Little after does not count (-1 is before only)", "Armenia has little border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"three countries around", "Albania, Armenia, Austria, Belgium border", 1, "neg:Armenia/Countries(x3)", ""},
		{"two countries are not a list", "Albania, Armenia, Austria border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"one country three times is one place each", "Albania Albania Armenia border", 3, "place:Armenia(+2)", "neg:Armenia"},
		{"group context applies to every concept", "a tale of Armenia and the TRIPP border", 1, "neg:Armenia/tale", "place:Tripp route"},
		{"a weight-0 concept lends weight, says nothing", "the Armenia government border", 4, "with:Armenia/Organs(+1)", "genre:"},
		{"capitals only", "Tripp border", 1, "topic:border(+1)", "Tripp route"},
		{"capitals match", "TRIPP border", 3, "place:Tripp route(+2)", ""},
		{"a capitalised hashtag", "#TRIPP border", 3, "place:Tripp route(+2)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Score(&Post{Text: tt.text})
			if got.Score != tt.score {
				t.Errorf("score = %v, want %v (%v)", got.Score, tt.score, got.Reasons)
			}
			if !hasReason(got.Reasons, tt.reason) {
				t.Errorf("reasons %v lack %q", got.Reasons, tt.reason)
			}
			if tt.absent != "" && hasReason(got.Reasons, tt.absent) {
				t.Errorf("reasons %v have %q", got.Reasons, tt.absent)
			}
		})
	}
}

// TestRegionLanguages covers the register that real news in Armenian,
// Georgian and Azerbaijani showed: the region's politics written in its own
// languages without naming the country, and the everyday posts in those
// languages that must stay out. Short posts in the other languages of the
// feed check that the same news is in wherever it is written.
func TestRegionLanguages(t *testing.T) {
	c := mustBuiltin(t)
	tests := []struct {
		name string
		text string
		lang string
		in   bool
		why  string // a reason prefix that must be there; "!prefix" must not be
	}{
		// Politics without a place name: the script and one political word.
		{"opposition rally, hy", "Ընդդիմությունը նոր հանրահավաք է հայտարարել Ազատության հրապարակում", "hy", true, "with:opposition/Armenian script"},
		{"PM in parliament, hy", "Վարչապետը խորհրդարանում ներկայացրեց կառավարության ծրագիրը", "hy", true, "topic:government (region languages)"},
		{"shots at the border, hy", "Սահմանին կրակոցներ են հնչել, զինծառայող է վիրավորվել", "hy", true, "with:border/Armenian script"},
		{"a party leader, hy", "Ծառուկյանը հայտարարեց, որ չի մասնակցելու ընտրություններին", "hy", true, "person:Politicians of the region"},
		{"government and parliament, ka", "მთავრობამ პარლამენტს ახალი კანონპროექტი წარუდგინა", "ka", true, "topic:government (region languages)"},
		{"protest on Rustaveli, ka", "ოპოზიცია რუსთაველზე აქციას მართავს", "ka", true, "with:opposition/Georgian script"},
		{"opposition rally, az", "Müxalifət partiyaları mitinq keçirmək üçün icazə istəyib", "az", true, "with:opposition/Azerbaijani language"},
		{"parliament, az", "Milli Məclis yeni qanun layihəsini qəbul etdi", "az", true, "with:parliament/Azerbaijani language"},
		// Everyday posts in those languages.
		{"grandmother's gata, hy", "Այսօր պատրաստեցի տատիկիս գաթան, շատ համեղ ստացվեց", "hy", false, "place:Armenian script(+0.5)"},
		{"a concert, hy", "Երեկ Արամ Խաչատրյանի անվան համերգասրահում հրաշալի համերգ էր", "hy", false, "place:Armenian script"},
		{"a court appeal is not a protest, hy", "Բողոքը ներկայացվել է վերաքննիչ դատարան", "hy", false, "!topic:protest"},
		{"khinkali, ka", "დღეს ხინკალი გავაკეთეთ, ძალიან გემრიელი იყო", "ka", false, "place:Georgian script(+0.5)"},
		{"rugby, ka", "საქართველოს ნაკრებმა რაგბიში გაიმარჯვა", "ka", false, "neg:Sakartvelo/"},
		{"a fortress is not a prison, ka", "ანანურის ციხე ერთ-ერთი ყველაზე ლამაზი ადგილია", "ka", false, "!topic:repression"},
		{"abroad is not the border, ka", "ზაფხულში საზღვარგარეთ მივდივართ დასასვენებლად", "ka", false, "!topic:border"},
		{"dolma, az", "Bu gün nənəmin dolmasını bişirdim, çox dadlı oldu", "az", false, "neg:Azerbaijani language/Food"},
		{"the football club, az", "Qarabağ FK Çempionlar Liqasında qələbə qazandı", "az", false, "neg:Qarabag/FK"},
		{"a town's administration, az", "Bunu Bakı Şəhər İcra Hakimiyyətindən bildiriblər", "az", false, "neg:government/İcra"},
		{"a matter is not a parable, az", "Xarici İşlər Nazirliyi məsələ ilə bağlı açıqlama yayıb: Azərbaycan sülh danışıqlarına hazırdır", "az", true, "!neg:Azerbaijan/Folklore"},
		// Another country's politics in the region's languages.
		{"Greece's bailout, ka", "საბერძნეთის მთავრობამ ახალი სესხი მიიღო", "ka", false, "neg:Georgian script/Countries"},
		{"Syria's opposition, hy", "Սիրիայի ընդդիմությունը հրաժարվեց բանակցություններից", "hy", false, "neg:Armenian script/Countries"},
		// The same news in the other languages of the feed.
		{"protest, ru", "Оппозиция в Тбилиси вышла на акцию протеста у парламента", "ru", true, "topic:protest"},
		{"a promotion is not a protest, ru", "Акция в Тбилиси: скидки на вино и сыр до конца недели", "ru", false, "!topic:protest"},
		{"peace treaty, ru", "Армения и Азербайджан согласовали текст мирного договора", "ru", true, "topic:peace deal"},
		{"peace treaty, uk", "Вірменія та Азербайджан узгодили текст мирної угоди", "uk", true, "topic:peace deal"},
		{"foreign agents, uk", "У Грузії опозиція протестує проти закону про іноагентів", "uk", true, "place:Sakartvelo"},
		{"peace treaty, tr", "Ermenistan ile Azerbaycan arasında barış anlaşması metni üzerinde uzlaşıldı", "tr", true, "topic:peace deal"},
		{"protest, tr", "Gürcistan'da muhalefet parlamento önünde protesto düzenledi", "tr", true, "topic:opposition"},
		{"peace treaty, de", "Armenien und Aserbaidschan einigen sich auf den Text des Friedensvertrags", "de", true, "topic:peace deal"},
		{"initialled, fr", "L'Arménie et l'Azerbaïdjan ont paraphé l'accord de paix à Washington", "fr", true, "topic:initialled"},
		{"the Ossetians, ru", "Москва оправдывает агрессию спасением осетинского народа от геноцида", "ru", true, "place:Ossetians"},
		{"North Ossetia is Russia's", "Новый глава Северной Осетии назначен Кремлём после выборов", "ru", false, "!place:Ossetians"},
		{"a Georgian toast, ru", "Грузинский тост: за мир на границе и за правительство, которое слушает народ", "ru", false, "neg:Sakartvelo/Toasts"},
		{"as Armenians say, ru", "Как говорят армяне, сосед через границу ближе родственника за морем", "ru", false, "neg:Armenia/Folklore"},
		{"German Free Democrats", "The Free Democrats in Bonn want negotiations with the opposition", "en", false, "!institution:Parties of the region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text, Langs: []string{tt.lang}})
			if d.In != tt.in {
				t.Errorf("in = %v (score %v, %v), want %v", d.In, d.Score, d.Reasons, tt.in)
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
