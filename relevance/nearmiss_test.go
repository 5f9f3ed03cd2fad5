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

// runClassCases judges the cases with the rules alone. Class cases test
// what the rules' forms and contexts decide; the text model's lift one
// step below the threshold is tested in textmodel_test.go and measured on
// the labelled sets (TestLabelledSetsHoldTheirFigures), where it adds what
// it adds whole sets at a time.
func runClassCases(t *testing.T, cases []classCase) {
	t.Helper()
	c := mustRulesOnly(t)
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

// TestNamesakes: a surname that is also a leader's is common from the
// Caucasus to Central Asia; alone it needs a word of politics, a place or
// a title, and next to sport or a place named after someone it is not the
// leader at all.
func TestNamesakes(t *testing.T) {
	runClassCases(t, []classCase{
		{"a footballer, en", "en", "Timur Aliev scores twice as the Dagestani side beats Spartak", false, "neg:Aliyev/"},
		{"a wrestler, ru", "ru", "Борец Алиев завоевал золото чемпионата Европы", false, "neg:Aliyev/Sport"},
		{"a wrestler, az", "az", "Güləşçi Sabah Əliyev Avropa çempionatında qızıl medal qazandı", false, "neg:Aliyev/Sport"},
		{"Kazakhstan's Aliyev, en", "en", "Rakhat Aliyev's memoir about Almaty in the nineties is a wild read", false, ""},
		{"a concert hall, fr", "fr", "Concert de jazz au Centre Heydar-Aliyev ce soir, une acoustique incroyable", false, "neg:Aliyev/Named after"},
		{"an airport, tr", "tr", "Haydar Aliyev Havalimanı'nda uçuşlar sis nedeniyle iptal edildi", false, "neg:Aliyev/Named after"},
		{"a school named after a writer, hy", "hy", "Երեկ Մ. Նալբանդյանի անվան դպրոցում հրաշալի համերգ էր", false, "neg:Politicians of the region/Named after"},
		{"a chess player, en", "en", "Mamedyarov beats the world champion in the blitz, what a game", false, "neg:Mammadyarov/Sport"},
		{"Rakhat Aliyev in prison, de", "de", "Rakhat Alijew starb 2015 in einem Wiener Gefängnis", false, "neg:Aliyev/"},
		{"Armenia in Colombia, es", "es", "El alcalde de Armenia, Quindío, anunció elecciones anticipadas", false, "neg:Armenia/"},
		// The leaders: a first name, a title, or a place or power beside.
		{"the president by name, en", "en", "Ilham Aliyev says Baku is ready to sign", true, "with:Aliyev/"},
		{"threats to Armenia, ru", "ru", "Алиев снова угрожает Армении", true, "person:Aliyev"},
		{"the neighbour's president, hy", "hy", "Ալիևը նորից սպառնում է", true, "person:Aliyev"},
		{"a title, de", "de", "Präsident Alijew empfängt den russischen Außenminister", true, "with:Aliyev/"},
		{"the foreign minister, az", "az", "Elmar Məmmədyarov Vaşinqtonda görüş keçirib", true, "with:Mammadyarov/"},
	})
}

// TestSportIsNotTheState: a country or Karabakh named as a team, in a
// tournament or next to a match, is sport, in every language.
func TestSportIsNotTheState(t *testing.T) {
	runClassCases(t, []classCase{
		{"chess olympiad, es", "es", "Olimpiada de ajedrez: Armenia, Georgia y Azerbaiyán, entre los diez primeros", false, "neg:Armenia/Sport"},
		{"a football match, ru", "ru", "Сборная Грузии обыграла Армению в матче Лиги наций", false, "neg:Armenia/"},
		{"the Karabakh club, ru", "ru", "«Карабах» снова победил в Лиге Европы, вот это футбол", false, "neg:Karabakh/"},
		{"the Qarabag club, de", "de", "Qarabağ Ağdam gewinnt in der Champions League gegen Benfica", false, "neg:Qarabag/"},
		{"a judo tournament, tr", "tr", "Azerbaycan ve Gürcistan judocuları Tiflis turnuvasında finalde", false, "neg:Azerbaijan/Sport"},
		// A military medal is not sport.
		{"a military decoration, ka", "ka", "საქართველოს შეიარაღებული ძალების მედალი ფრანგ ოფიცერს გადასცეს", true, "!neg:Sakartvelo/Sport"},
		// The state at the table, not on the pitch.
		{"a treaty, es", "es", "Armenia y Azerbaiyán acuerdan el texto del tratado de paz", true, "!neg:Armenia/Sport"},
	})
}

// TestUSStateOfGeorgia: French, German, Turkish and Spanish posts about the
// US state name it as they name the country; Atlanta, Kemp or "(USA)" say
// which one it is.
func TestUSStateOfGeorgia(t *testing.T) {
	runClassCases(t, []classCase{
		{"the governor, fr", "fr", "Le gouverneur Kemp signe la loi électorale : la Géorgie durcit encore le vote", false, "neg:Sakartvelo/US Georgia"},
		{"the state, fr", "fr", "En Géorgie (l'État américain), les élections partielles ont battu des records de participation", false, "neg:Sakartvelo/"},
		{"(USA), de", "de", "Wahlen in Georgien (USA): die Regierung rechnet mit einem knappen Ergebnis", false, "neg:Sakartvelo/USA"},
		{"Atlanta, tr", "tr", "Atlanta'da seçim sonuçları açıklandı, Gürcistan değil Georgia eyaleti tabii", false, "neg:Sakartvelo/US Georgia"},
		{"Atlanta, es", "es", "Los votantes latinos de Atlanta decidieron la elección al Senado en Georgia", false, "neg:Georgia/US Georgia"},
		// The country and the United States.
		{"a partnership, fr", "fr", "La Géorgie et les États-Unis signent une charte de partenariat stratégique", true, "!neg:Sakartvelo/"},
		{"sanctions, de", "de", "Georgien und die USA: Washington droht der Regierung mit Sanktionen", true, "!neg:Sakartvelo/"},
	})
}

// TestFreightIsNotPolitics: tonnes and containers on the Middle Corridor
// or the Baku-Tbilisi-Kars railway are trade statistics; the corridor as
// geopolitics, and the Kars-Gyumri line as normalisation, are politics.
func TestFreightIsNotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"BTK tonnes, en", "en", "Baku–Tbilisi–Kars railway carried 1.2 million tonnes this year, up 20%", false, "!institution:Kars-Gyumri"},
		{"Middle Corridor tonnes, az", "az", "Orta Dəhliz ilə bu il 4,5 milyon ton yük daşınıb", false, "neg:Middle Corridor/Freight"},
		{"cargo turnover, ru", "ru", "Грузооборот по Среднему коридору вырос на 60%, Грузия и Азербайджан рапортуют о рекордах", false, "neg:Middle Corridor/Freight"},
		{"volumes, en", "en", "BTK railway volumes hit a record in the third quarter, Baku and Tbilisi say", false, "neg:corridor/Freight"},
		{"containers, de", "de", "Container-Rekord im Mittleren Korridor: Aserbaidschan meldet 30 Prozent mehr Fracht", false, "neg:Middle Corridor/Freight"},
		{"the corridor as geopolitics, en", "en", "The Middle Corridor is the only real route that bypasses Russia, and Georgia's political crisis is its weakest link", true, "topic:Middle Corridor"},
		{"the corridor as geopolitics, tr", "tr", "Orta Koridor Rusya'yı by-pass ediyor ama Gürcistan'daki siyasi kriz en zayıf halka", true, "topic:Middle Corridor"},
		{"freight as ambition, en", "en", "Baku wants to be the hub of everything: Middle Corridor freight, a rail line to Nakhchivan. Do the neighbours see a hub or a toll booth?", true, "!neg:Middle Corridor/Freight"},
		{"Kars-Gyumri, en", "en", "Turkey and Armenia agree to reopen the Kars–Gyumri railway", true, "institution:Kars-Gyumri"},
	})
}

// TestRegionalRegister: what the region's politics is called in its own
// terms, that generic topic words miss: Shusha's names in every language,
// the districts around Karabakh and their mines, prisoners of war and
// political prisoners, the EU accession process, the 3+3 platform, the
// Geneva International Discussions, diplomatic notes.
func TestRegionalRegister(t *testing.T) {
	runClassCases(t, []classCase{
		{"Shusha, de", "de", "Wieder eine armenische Kirche in Schuschi zerstört, die UNESCO schweigt", true, "place:Shusha"},
		{"Shusha, fr", "fr", "Une église arménienne de Chouchi rasée, selon des images satellites", true, "place:Shusha"},
		{"Şuşa, az", "az", "Şuşada yeni məscid açıldı, Prezident çıxış etdi", true, "place:Shusha in Turkish and Azerbaijani"},
		{"Şuşa is a birthplace, az", "az", "O, 1878-ci ildə Şuşada anadan olub", false, "place:Shusha in Turkish and Azerbaijani"},
		{"Susa is not Shusha", "en", "Susa was the winter capital of the Achaemenid kings, its palace excavated by the French", false, "!place:Shusha"},
		{"mines in Kalbajar, tr", "tr", "Kelbecer'de yine mayın patlaması, iki sivil yaralandı", true, "place:Karabakh districts"},
		{"mines in Aghdam, ru", "ru", "В Агдаме снова подрыв на мине, Баку обвиняет Ереван в неполных картах минных полей", true, "topic:landmines"},
		{"demining, hy", "hy", "Ականազերծման աշխատանքները սահմանամերձ գյուղերում շարունակվում են", true, "with:landmines/Armenian script"},
		{"May is not a mine, az", "az", "Ötən ilin Mayında universitetdə yeni fakültə açıldı", false, "!topic:landmines"},
		{"prisoners of war, hy", "hy", "Պայմանագրում ոչ մի բառ չկա գերիների մասին", true, "with:political prisoners/Armenian script"},
		{"POWs in Baku, ru", "ru", "В договоре ни слова о пленных в Баку", true, "topic:political prisoners"},
		{"political prisoners, ka", "ka", "სტუდენტები პოლიტპატიმრების მხარდასაჭერად გაიფიცნენ", true, "with:political prisoners/Georgian script"},
		{"the wind blows, az", "az", "Qışda güclü küləklər əsir, havalar soyuq keçir", false, "!topic:political prisoners"},
		{"accession, ru", "ru", "Грузия — кандидат только на бумаге, процесс вступления остановлен", true, "topic:EU path"},
		{"accession, fr", "fr", "La Géorgie et le processus d'adhésion : tout est gelé depuis deux ans", true, "topic:EU path"},
		{"the 3+3 platform, ru", "ru", "Захарова снова о формате 3+3: транспорт должен решаться странами региона", true, "institution:3+3 format"},
		{"the 3+3 platform, en", "en", "Tehran hosts the next 3+3 format meeting of foreign ministers", true, "institution:3+3 format"},
		{"3+3 is arithmetic", "en", "3+3 is 6, my daughter announced proudly at breakfast", false, "!institution:3+3"},
		{"Geneva talks, fr", "fr", "Nouveau round des Discussions internationales de Genève, aucun résultat", true, "institution:Geneva International Discussions"},
		{"Geneva talks, ka", "ka", "ჟენევის საერთაშორისო დისკუსიების ახალი რაუნდი უშედეგოდ დასრულდა", true, "institution:Geneva International Discussions"},
		{"Section 907, en", "en", "Congress waives Section 907 again, and Baku gets its aid", true, "institution:Section 907"},
		{"the Armenian lobby, en", "en", "ANCA urges Congress to condition aid on the release of the prisoners", true, "institution:Armenian lobbies"},
		{"the occupation line, ka", "ka", "საოკუპაციო ხაზი კიდევ ერთი კილომეტრით გადმოიწია", true, "with:occupation/Georgian script"},
		{"the Great Return, fr", "fr", "Le « Grand Retour » : Bakou réinstalle 2 000 familles au Karabakh", true, "topic:displacement"},
		{"Radio Yerevan, de", "de", "Anfrage an Radio Eriwan: Stimmt es, dass in Eriwan die Regierung wechselt? Im Prinzip ja", false, "neg:Yerevan/Folklore"},
		{"the defence minister, az", "az", "Müdafiə naziri yeni təyinatlar barədə sərəncam imzalayıb", true, "with:defence/Azerbaijani language"},
		{"the NKR, hy", "hy", "ԼՂՀ ԱԳՆ-ն հայտարարություն է տարածել", true, "place:Artsakh"},
		{"the Norwegian krone", "en", "Other rates: DKR 92.7, NKR 79.3, SKR 84.1", false, "!place:Artsakh"},
		{"Roman soldiers, ka", "ka", "რომაელმა ჯარისკაცებმა ქალაქი ალყაში მოაქციეს", false, "!topic:defence"},
		{"a protest note, az", "az", "Bakı Moskvaya etiraz notası təqdim edib", true, "topic:negotiation"},
		{"envoyer is to send, fr", "fr", "Elle va envoyer des photos de l'Arménie à sa grand-mère", false, "!topic:negotiation"},
	})
}

// TestTransliteration: Georgian, Armenian and Russian written in Latin
// letters, and names in Turkish and Azerbaijani spelling.
func TestTransliteration(t *testing.T) {
	runClassCases(t, []classCase{
		{"Georgian, protest", "ka", "dghes isev rustavelze vdgavart, ocneba ver gagvtexs", true, "with:Dream/Georgian script"},
		{"Georgian, government and elections", "ka", "mtavrobam archevnebi isev gaayalba", true, "topic:government (region languages)"},
		{"Georgian, the ruling party", "", "kartuli ocneba kidev erti kanoni miigo", true, "institution:Georgian Dream"},
		{"Georgian, weather", "ka", "batumshi isev wvims, zgva shtormia", false, ""},
		{"Armenian, constitution", "hy", "Aliyevy nor pahanjner a dnum, asum a sahmanadrutyuny poxeq", true, "topic:constitution"},
		{"Armenian, prisoners", "hy", "gerineri masin voch mek chi xosum", true, "with:political prisoners/Armenian script"},
		{"Armenian, food", "hy", "aysor tatis mot dolma enq kerel, shat hamov er", false, ""},
		{"Russian, the ruling party", "ru", "Gruzinskaya mechta opyat rasskazyvaet pro globalnuyu partiyu voiny", true, "institution:Georgian Dream"},
		{"Turkish spelling", "tr", "Kobahidze hükümeti muhalefeti yasaklamak istiyor", true, "person:Kobakhidze"},
		{"Azerbaijani spelling", "az", "İvanişvili yenə pərdə arxasındadır", true, "person:Ivanishvili"},
		// Dream is a common word: someone's dream is no party.
		{"my dream, ka", "ka", "ჩემი ოცნება ბათუმში ცხოვრებაა", false, "!topic:Dream"},
		{"a dream come true, ka", "ka", "ოცნება ახდა — თბილისში ვარ!", false, "!topic:Dream"},
		{"Dream, the party, ka", "ka", "ოცნება ისევ პოლიტპატიმრებს არ ათავისუფლებს", true, "topic:Dream"},
	})
}

// TestNormsAndColloquialEveryone: a declaration's "everyone has the right"
// and "universal and equal suffrage" are law in the abstract; a post's
// "nobody talks about it" is not, and keeps its weight.
func TestNormsAndColloquialEveryone(t *testing.T) {
	runClassCases(t, []classCase{
		{"suffrage, az", "az", "Xalqın iradəsi ümumi və bərabər seçki hüququ əsasında keçirilən seçkilərdə ifadə olunur", false, "neg:Azerbaijani language/Universal norms"},
		{"non-self-governing, ka", "ka", "არავითარი განსხვავება არ უნდა იყოს, დამოუკიდებელია ტერიტორია თუ არათვითმმართველი", false, "neg:Georgian script/Universal norms"},
		{"nobody, az", "az", "Heç kim danışmır ki, seçkilər yenə saxtalaşdırılıb", true, "!neg:Azerbaijani language/Universal norms"},
		{"nobody, ka", "ka", "არავინ ელოდა, რომ პარლამენტი ამ კანონს ასე სწრაფად მიიღებდა", true, "!neg:Georgian script/Universal norms"},
		{"nobody, hy", "hy", "Ոչ ոք չի խոսում ընտրությունների կեղծման մասին", true, "!neg:Armenian script/Universal norms"},
	})
}

// TestOldHistoryIsNotPolitics: kings, khanates, Rome and the Middle Ages are
// history before the twentieth century, in every language, even with a
// border or an army beside the country's name; the Ottoman Empire's
// Armenians, the republics of 1918 and today's politics are not.
func TestOldHistoryIsNotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"Roman legions, en", "en", "The Roman legions reached the borders of Armenia, and King Artaxias was killed", false, "neg:Armenia/Old history"},
		{"Romans, ka", "ka", "როდესაც რომაელთა ლაშქარი სომხეთის საზღვრებს მიადგა, მეფე მოკლეს", false, "neg:Georgian script/Old history"},
		{"a khaganate, az", "az", "Xaqanlığın sərhədləri Azərbaycan torpaqlarına qədər uzanırdı", false, "neg:Azerbaijani language/Old history"},
		{"medieval kingdom, ru", "ru", "Средневековое царство Грузии воевало за границы с Византией", false, "neg:Sakartvelo/Old history"},
		{"Safavid vassals, tr", "tr", "Safevi şahları döneminde Gürcistan sınırları sürekli değişti; Ortaçağ kalelerinin çoğu yıkıldı", false, ""},
		{"the Byzantines, de", "de", "Die Byzantiner verschoben die Grenze Armeniens im Mittelalter mehrmals", false, "neg:Armenia/Old history"},
		// Political history of the twentieth century, and today.
		{"Ottoman Armenians, en", "en", "The Ottoman government deported the Armenians in 1915; Türkiye still denies the genocide", true, ""},
		{"the first republic, en", "en", "Armenia's first republic declared independence in 1918 and fell to the Red Army in 1920", true, ""},
		{"the border today, ka", "ka", "სომხეთის საზღვართან რუსი მესაზღვრეები ისევ დგანან", true, ""},
		// A king or a tsar of today is no history.
		{"a state visit, en", "en", "Armenia's prime minister met King Abdullah of Jordan to discuss the peace treaty with Azerbaijan", true, "!neg:Armenia/Old history"},
		{"Putin the tsar, en", "en", "Putin, the new tsar, pressures Armenia to stay in the CSTO", true, "!neg:Armenia/Old history"},
		// Armenian շահ is an interest, not a shah.
		{"the state's interest, hy", "hy", "ԵԱՏՄ անդամ պետությունների կողմից ոտնահարվում է ՀՀ իշխանությունների ու ՀՀ շահը", true, "!neg:Armenian script/Old history"},
	})
}

// TestDirectoryEntries: an embassy's postal address or a telephone
// network's figures name the region without saying anything of its
// politics; the presidents' telephone call does.
func TestDirectoryEntries(t *testing.T) {
	runClassCases(t, []classCase{
		{"mailing address, en", "en", "Diplomatic representation from the US - mailing address: American Embassy Baku, US Department of State, Washington, DC", false, "neg:Baku/Directory"},
		{"telephone system, en", "en", "Telephone system - international: the Trans-Asia-Europe fiber-optic link transits Azerbaijan, providing connectivity to neighbors", false, "neg:Azerbaijan/Directory"},
		{"an embassy's street address, en", "en", "Diplomatic representation from the US - embassy: 111 Azadlig Prospecti, Baku AZ1007", false, "neg:Baku/Directory"},
		{"an embassy's fax, fr", "fr", "Ambassade de Géorgie, adresse postale : 104 rue Saint-Dominique, Paris ; fax : 01 45 02 16 01", false, "neg:Sakartvelo/Directory"},
		// A call between leaders is politics.
		{"the presidents' call, hy", "hy", "Ջոն Քերիի հեռախոսազրույցը Հայաստանի եւ Ադրբեջանի նախագահների հետ, որտեղ նորից շեշտը դրվեց խաղաղության վրա", true, "!neg:Armenia/Directory"},
		{"an embassy opened, en", "en", "Armenia and Azerbaijan agreed to open diplomatic representations in Yerevan and Baku after the peace treaty", true, "!neg:Baku/Directory"},
		{"a telephone conversation, en", "en", "The foreign ministers of Armenia and Azerbaijan held a telephone conversation on the peace treaty", true, "!neg:Armenia/Directory"},
		// The anthem sung at a protest is no directory.
		{"the anthem at a protest, en", "en", "Protesters sang the national anthem in front of the parliament in Tbilisi", true, ""},
	})
}

// TestForeignStatesInRegionLanguages: a government, a defence ministry or
// elections of Russia, Iran or the United States, written in the region's
// languages, are those states' politics: the script's weight is for the
// region's own. Türkiye and the EU are the region's politics there, and a
// place of the region still counts.
func TestForeignStatesInRegionLanguages(t *testing.T) {
	runClassCases(t, []classCase{
		{"the US defence ministry, az", "az", "ABŞ Müdafiə Nazirliyi rəsmiləri yeni hesabat yayıblar", false, "neg:defence/Foreign states"},
		{"Russia's political elite, hy", "hy", "Ռուսական քաղաքական էլիտայի գագաթին հայտնվեց նոր մարդ", false, "neg:government (region languages)/Foreign states"},
		{"Russia's Duma elections, ka", "ka", "რუსეთის დუმის არჩევნებში მმართველმა პარტიამ გაიმარჯვა", false, "neg:elections/Foreign states"},
		// The region's own, or the region named.
		{"Turkey's government and the genocide, hy", "hy", "Սպառնալ թուրքական կառավարությանը ցեղասպանության ճանաչմամբ", true, "!neg:government (region languages)/Foreign states"},
		{"Russia's government on Armenia, hy", "hy", "Ռուսաստանի կառավարությունը նոր պահանջներ է ներկայացրել Հայաստանին", true, "place:Armenia"},
		{"the government, ka", "ka", "მთავრობამ ოპოზიციის მოთხოვნები ისევ უარყო", true, ""},
	})
}

// TestTravellersReviews: a border crossed by marshrutka on a hiking trip is
// a traveller's; Russians fleeing to Georgia, called tourists, are politics.
func TestTravellersReviews(t *testing.T) {
	runClassCases(t, []classCase{
		{"a marshrutka, en", "en", "We crossed the border from Georgia into Armenia by marshrutka; the hiking near Dilijan was great", false, "neg:Armenia/Travel"},
		{"a ski resort, ru", "ru", "Горнолыжный курорт Гудаури в Грузии: граница с Россией в часе езды", false, "neg:Sakartvelo/Travel"},
		{"a wine tasting, de", "de", "Weinprobe in Georgien, danach Wandern an der Grenze zu Armenien", false, ""},
		{"fleeing Russians, en", "en", "Russian tourists flee mobilisation to Georgia; Tbilisi protesters demand visas for Russians", true, ""},
	})
}

// TestDeclarationPhrases: the Universal Declaration's own phrases in the
// region's languages (non-political crimes, the jurisdictional or
// international status of a territory, the will of the people as the basis
// of government) are law in the abstract, not the country's politics.
func TestDeclarationPhrases(t *testing.T) {
	runClassCases(t, []classCase{
		{"non-political crimes, az", "az", "Bu hüquqdan qeyri-siyasi cinayət törətməkdə ittiham olunan şəxslər təqib zamanı istifadə edə bilməz", false, "neg:Azerbaijani language/Universal norms"},
		{"international status, ka", "ka", "დაუშვებელია განსხვავება ქვეყნის პოლიტიკური, სამართლებრივი ან საერთაშორისო სტატუსის საფუძველზე", false, "neg:Georgian script/Universal norms"},
		{"the will of the people, hy", "hy", "Ժողովրդի կամքը պետք է լինի կառավարության իշխանության հիմքը, որն արտահայտվում է ընտրություններում", false, "neg:Armenian script/Universal norms"},
		// A post about a stolen election is not a declaration.
		{"a stolen election, ka", "ka", "არჩევნები გაყალბდა, ოპოზიცია აქციას მართავს", true, "!neg:Georgian script/Universal norms"},
	})
}

// TestFoldedStateOrgans: Turkish meclis and heyet fold into Azerbaijani
// məclis (a gathering) and heyət (a board); Nakhchivan's Ali Məclis is a
// parliament.
func TestFoldedStateOrgans(t *testing.T) {
	runClassCases(t, []classCase{
		{"a board, az", "az", "2010-cu ildə Dünya Azərbaycanlıları Konqresinin idarə heyətinin üzvü seçilmişdir", false, "!with:Azerbaijan/State organs"},
		{"the Supreme Majlis, az", "az", "Ali Məclis eyni addımın Azərbaycan Respublikasında da atılması barədə qanunvericilik təşəbbüsü ilə çıxış etdi", true, "with:Azerbaijan/State organs"},
	})
}

// TestBusinessIsNotPolitics: a government's solar plant, tax breaks or
// tourism campaign, the central bank's rate and an oil company's contract
// are business in every language; the country's name next to them no
// longer carries its state organs into the feed. Gas as geopolitics,
// sanctions and investment in the transit route stay in.
func TestBusinessIsNotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"a solar plant, en", "en", "Azerbaijan's government signed a deal with Masdar to build a solar plant", false, "with:Azerbaijan/Business(-1)"},
		{"tax breaks, en", "en", "Armenian government approves new rules for IT companies' tax breaks", false, "with:Armenia/Business(-1)"},
		{"a tourism campaign, en", "en", "Georgian government announces new tourism campaign to attract visitors", false, ""},
		{"solar energy, es", "es", "El gobierno de Azerbaiyán anunció nuevas inversiones en energía solar", false, "with:Azerbaijan/Business(-1)"},
		{"hydropower, de", "de", "Die georgische Regierung plant neue Investitionen in Wasserkraft", false, "with:Sakartvelo/Business(-1)"},
		{"an oil company, hy", "hy", "Ադրբեջանի նավթային ընկերությունը նոր պայմանագիր է կնքել BP-ի հետ գազի մատակարարման համար", false, "with:Azerbaijan/Business(-1)"},
		{"tourism plan, fr", "fr", "Le gouvernement arménien a annoncé un nouveau plan pour le tourisme", false, ""},
		// Energy and money as the region's politics.
		{"the EU's gas deal, en", "en", "Von der Leyen in Baku: the EU and Azerbaijan sign a gas deal as Europe cuts Russian imports; Aliyev calls it strategic", true, ""},
		{"sanctions and re-exports, en", "en", "Armenia's government denies helping Russia evade sanctions through re-exports", true, ""},
		{"investment in the route, en", "en", "The US will invest in the TRIPP route through Armenia, the government said", true, ""},
	})
}

// TestOtherNamesAreOtherThings: the US state in the languages that give it
// a name of its own, the region's carpets in other languages, and the
// many Aliyevs who are not the president stay out; the region's politics
// beside them stays in.
func TestOtherNamesAreOtherThings(t *testing.T) {
	runClassCases(t, []classCase{
		{"the US state, ka", "ka", "ჯორჯიაში გუბერნატორის არჩევნების შედეგები დღეს გამოცხადდება", false, "neg:Georgian script/US Georgia"},
		{"the US state, az", "az", "Corciya ştatında seçkilərin nəticələri açıqlanıb", false, "neg:Azerbaijani language/US Georgia"},
		{"the US state, ru", "ru", "В штате Джорджия снова пересчитывают голоса на выборах", false, ""},
		{"the country's elections, ka", "ka", "საქართველოში საპარლამენტო არჩევნების შედეგებს ოპოზიცია არ ცნობს", true, ""},
		{"carpets, de", "de", "Alte Karabach-Teppiche und Kelims im Museum, wunderschöne Muster", false, "neg:Karabakh"},
		{"Karabakh talks, de", "de", "Armenien und Aserbaidschan verhandeln wieder über Bergkarabach und die Grenze", true, ""},
		{"a teacher named Aliyev, az", "az", "Müəllimimiz Elnur Əliyev bu gün təqaüdə çıxdı, ona təşəkkür edirik", false, "neg:Aliyev"},
		{"the president, az", "az", "Prezident İlham Əliyev Vaşinqtonda Paşinyanla sülh sazişini imzaladı", true, "person:Aliyev"},
	})
}

// TestReferenceEntriesAreNotPolitics: a country profile or a gazetteer's
// entry (its neighbours, its capital, its area, its official language,
// landlocked) and a list of an international body's member states
// name the region without being about its politics. Two profile markers
// are needed, in every language of the rules: one alone is news ("protests
// spread to the west of the country"); the formal register stays in.
func TestReferenceEntriesAreNotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"neighbours and capital, en", "en", "Armenia is a landlocked country in the South Caucasus, bordered by Georgia, Azerbaijan, Iran and Turkey. Its capital is Yerevan.", false, "neg:Yerevan/Profile"},
		{"area and language, en", "en", "Area: 29,743 sq km. Population: 3 million. Capital: Yerevan. Official language: Armenian. Currency: dram.", false, "neg:Yerevan/Profile"},
		{"neighbours, ru", "ru", "Армения — государство в Закавказье, не имеет выхода к морю. Граничит с Грузией, Азербайджаном, Ираном и Турцией. Столица — Ереван.", false, "neg:Armenia/Profile"},
		{"capital and area, tr", "tr", "Azerbaycan, Güney Kafkasya'da yer alan bir ülkedir. Başkenti Bakü'dür, yüzölçümü 86.600 km²'dir.", false, "neg:Azerbaijan/Profile"},
		{"neighbours, fr", "fr", "L'Arménie est un pays enclavé du Caucase, bordé par la Géorgie, l'Azerbaïdjan, l'Iran et la Turquie. Sa capitale est Erevan.", false, "neg:Armenia/Profile"},
		{"neighbours, de", "de", "Georgien ist ein Staat in Vorderasien mit der Hauptstadt Tiflis. Er grenzt an Russland, die Türkei, Armenien und Aserbaidschan.", false, "neg:Tbilisi/Profile"},
		{"neighbours, es", "es", "Azerbaiyán es un país transcontinental situado en el Cáucaso; su capital es Bakú y limita con Rusia, Georgia, Armenia e Irán.", false, "neg:Azerbaijan/Profile"},
		{"neighbours, hy", "hy", "Հայաստանը ծովային ելք չունեցող պետություն է Հարավային Կովկասում։ Սահմանակից է Վրաստանին, Ադրբեջանին, Իրանին և Թուրքիային։ Մայրաքաղաքը Երևանն է։", false, "neg:Armenia/Profile"},
		{"neighbours, ka", "ka", "საქართველო — სახელმწიფო ამიერკავკასიაში. ესაზღვრება რუსეთი, თურქეთი, სომხეთი და აზერბაიჯანი. დედაქალაქი — თბილისი.", false, "neg:Sakartvelo/Profile"},
		{"neighbours, az", "az", "Azərbaycan Cənubi Qafqazda yerləşən dövlətdir. Paytaxtı Bakı şəhəridir. Rusiya, Gürcüstan, Ermənistan və İranla həmsərhəddir.", false, "neg:Azerbaijan/Profile"},
		// An international body listing its member states, in the
		// languages whose list of countries lacked the former Soviet ones.
		{"the CIS's members, es", "es", "Los miembros de la Comunidad de Estados Independientes son Armenia, Azerbaiyán, Bielorrusia, Kazajistán, Kirguistán, Moldavia, Rusia, Tayikistán y Uzbekistán.", false, "neg:Armenia/Countries"},
		{"the Eastern Partnership, de", "de", "Zur Östlichen Partnerschaft gehören Armenien, Aserbaidschan, Belarus, Georgien, Moldawien und die Ukraine.", false, "neg:Armenia/Countries"},
		// One marker alone, and the political register, stay in.
		{"protests in the west, en", "en", "Protests in the capital Tbilisi spread to the west of the country, where police clashed with demonstrators.", true, "!neg:Tbilisi/Profile"},
		{"protests in the west, ru", "ru", "В столице Грузии прошли протесты; на западе страны полиция задержала десятки человек.", true, ""},
		// The points of the compass are a war report's as much as a
		// gazetteer's: they are no marker.
		{"north and south of Lachin, en", "en", "Azerbaijani troops advanced to the north and to the south of Lachin, the Armenian defence ministry said.", true, "!neg:Armenia/Profile"},
		{"north and south, ru", "ru", "Азербайджанские войска обстреляли позиции на севере и на юге Армении, сообщило Минобороны.", true, "!neg:Armenia/Profile"},
		{"from the north and the south, hy", "hy", "Ադրբեջանական զինուժը հյուսիսից և հարավից կրակ է բացել հայկական դիրքերի ուղղությամբ։", true, "!neg:Armenian script/Profile"},
		{"from the north and the south, az", "az", "Ermənistan silahlı qüvvələri şimaldan və cənubdan mövqelərimizi atəşə tutub.", true, "!neg:Armenia/Profile"},
		{"north and south, de", "de", "Aserbaidschanische Truppen griffen im Norden und im Süden Armeniens an.", true, "!neg:Armenia/Profile"},
		{"north and south, tr", "tr", "Azerbaycan ordusu Ermenistan'ın kuzeyinde ve güneyinde mevzilere saldırdı.", true, "!neg:Armenia/Profile"},
		{"troops to the south, en", "en", "Armenian troops were deployed to the south of the country, near the border with Azerbaijan, the defence ministry said.", true, ""},
		{"a border clash, en", "en", "Armenia borders Azerbaijan and the two armies exchanged fire along the northern border on Tuesday.", true, ""},
		{"a disputes field, en", "en", "Disputes - international: the dispute over Nagorno-Karabakh remains unresolved; Armenia supports ethnic Armenian secessionists in Azerbaijan.", true, ""},
		{"a UN letter, en", "en", "Letter dated 3 March from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General", true, ""},
		{"an observer mission, en", "en", "The EU Monitoring Mission in Georgia patrols the administrative boundary line with South Ossetia.", true, ""},
		{"recognition, de", "de", "Russland erkannte 2008 Abchasien und Südossetien an; Georgien betrachtet beide Gebiete als besetzt.", true, ""},
		{"EaP summit, fr", "fr", "Pachinian et Aliev se sont rencontrés à Bruxelles en marge du sommet du Partenariat oriental.", true, ""},
	})
}

// TestGlossesAreNotPolitics: a dictionary's gloss of the region's peoples,
// languages and currencies names the countries without their politics, in
// every language of the rules; a minister's biography ("a native of
// Gyumri"), a call "spoken by phone" and a state-language law stay in.
func TestGlossesAreNotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"a region, en", "en", "Transcaucasia: a geographical region to the south of the Caucasus Mountains and to the north of Turkey that comprises Georgia and Armenia and Azerbaijan", false, "neg:Armenia/Gloss"},
		{"a people, en", "en", "Azerbaijani: a native or inhabitant of Azerbaijan; Armenian: a native or inhabitant of Armenia", false, "neg:Azerbaijan/Gloss"},
		{"a language, en", "en", "Armenian, Armenian language: the Indo-European language spoken by the Armenian people, the official language of Armenia", false, "neg:Armenia/Gloss"},
		{"a language, en 2", "en", "Georgian: a southern Caucasian language with 3 million speakers, the official language of Georgia.", false, "neg:Georgia/Gloss"},
		{"a currency, fr", "fr", "Le dram est l'unité monétaire de l'Arménie depuis 1993.", false, "neg:Armenia/Gloss"},
		{"a currency, de", "de", "Der Lari ist die Währungseinheit Georgiens.", false, "neg:Sakartvelo/Gloss"},
		{"a language, es", "es", "El armenio es una lengua indoeuropea hablada en Armenia.", false, "neg:Armenia/Gloss"},
		{"a currency, az", "az", "Manat, Azərbaycan Respublikasının pul vahididir.", false, "neg:Azerbaijan/Gloss"},
		{"a currency, tr", "tr", "Lari, Gürcistan'ın para birimidir.", false, "neg:Sakartvelo/Gloss"},
		{"a language, ru", "ru", "Армянский язык — индоевропейский язык, государственный язык Армении.", false, "neg:Armenia/Gloss"},
		{"a currency, hy", "hy", "Դրամը Հայաստանի Հանրապետության դրամական միավորն է 1993 թվականից։", false, "neg:Armenia/Gloss"},
		{"a language, ka", "ka", "სომხური ენა ინდოევროპული ენების ოჯახს მიეკუთვნება და სომხეთის სახელმწიფო ენაა.", false, "neg:Armenia/Gloss"},
		{"a minister's biography, en", "en", "A native of Gyumri, the new defence minister of Armenia was sworn in on Monday.", true, "!neg:Armenia/Gloss"},
		{"a call, en", "en", "The foreign ministers of Armenia and Azerbaijan have spoken by phone about the peace treaty.", true, "!neg:Armenia/Gloss"},
		{"a language law, en", "en", "Azerbaijan's parliament made Azerbaijani the sole state language and the government closed Russian-language schools.", true, ""},
		{"a border agreement, fr", "fr", "L'accord relatif à la frontière entre l'Arménie et l'Azerbaïdjan a été paraphé à Washington.", true, "!neg:Armenia/Gloss"},
	})
}

// TestJokesDishesAndLists: issue 11's sixth round. One Armenian and one
// Azerbaijani named as persons ("армянин", "an Armenian", "bir Ermeni") are
// how jokes and anecdotes name people: they weigh what the country weighs,
// but two persons alone earn no bilateral bonus, so three peoples with no
// other word stay at the region's cap. Shushi, the Armenian name of Shusha,
// is also sushi misspelt: a sushi bar's words cancel it. A list of
// countries in the languages that put an article before each name is a
// list too. The political posts of the same words stay in.
func TestJokesDishesAndLists(t *testing.T) {
	runClassCases(t, []classCase{
		// Three peoples as persons, no other word.
		{"three peoples, ru", "ru", "Армянин, грузин и азербайджанец поспорили, кто быстрее выпьет вино.", false, "neg:Armenia/Armenian person"},
		{"three peoples, en", "en", "A Georgian, an Armenian and an Azerbaijani are stuck on a desert island.", false, "!with:Armenia/Azerbaijan"},
		{"walk into a bar, fr", "fr", "Un géorgien, un arménien et un azerbaïdjanais entrent dans un bar.", false, ""},
		{"on a train, de", "de", "Ein Georgier, ein Armenier und ein Aserbaidschaner sitzen im Zug.", false, ""},
		{"walk into a bar, es", "es", "Un georgiano, un armenio y un azerbaiyano entran en un bar.", false, ""},
		{"on a plane, tr", "tr", "Bir Gürcü, bir Ermeni ve bir Azerbaycanlı uçakta oturuyor.", false, ""},
		{"on a train, az", "az", "Bir gürcü, bir erməni və bir azərbaycanlı qatarda gedirlər.", false, ""},
		{"on a train, uk", "uk", "Вірменин, грузин і азербайджанець сіли в потяг.", false, ""},
		{"on a train, ka", "ka", "ქართველი, სომეხი და აზერბაიჯანელი მატარებელში სხედან.", false, ""},
		{"at lunch, en", "en", "My neighbour is an Armenian and my colleague an Azerbaijani, we had lunch.", false, ""},
		{"walk into a bar, it", "it", "Un georgiano, un armeno e un azero entrano in un bar.", false, "neg:Armenian person/Folklore"},
		// The peoples in a peace context, the countries, and one person
		// with the other country, stay in.
		{"the peoples and peace, ru", "ru", "Армяне и азербайджанцы должны жить в мире: мирный договор это шанс.", true, "with:Armenia/Azerbaijan"},
		{"the peoples and peace, en", "en", "Armenians and Azerbaijanis deserve a lasting peace after decades of war.", true, ""},
		{"the peoples meet, fr", "fr", "Des Arméniens et des Azerbaïdjanais se rencontrent à Tbilissi pour parler de paix.", true, ""},
		{"the peoples meet, tr", "tr", "Ermeniler ve Azerbaycanlılar barış için bir araya geldi.", true, ""},
		{"two persons and peace, fr", "fr", "Un Arménien et un Azerbaïdjanais ont écrit ensemble sur la paix.", true, ""},
		{"three persons against the war, en", "en", "A Georgian, an Armenian and an Azerbaijani activist signed a letter against the war.", true, ""},
		{"a person in the other country, en", "en", "An Azerbaijani was detained in Armenia after crossing the border.", true, "with:Armenia/Azerbaijani person"},
		{"a person in Baku, ru", "ru", "Армянин задержан в Баку по обвинению в шпионаже.", true, "with:Armenian person/Baku"},
		{"a soldier, en", "en", "An Armenian soldier was killed by Azerbaijani fire on the border.", true, ""},
		// English "an Armenian" is also the adjective: a state organ after it
		// still makes it the state.
		{"a delegation, en", "en", "An Armenian delegation arrived in Moscow for talks.", true, "with:Armenian person/State organs"},
		{"a delegation, en 2", "en", "An Azerbaijani delegation arrived in Moscow for talks.", true, "with:Azerbaijani person/State organs"},
		// Sushi misspelt.
		{"shushi and miso, en", "en", "We had the best shushi and miso soup last night.", false, "neg:Shusha/Sushi bar"},
		{"shushi delivery, en", "en", "Shushi delivery took two hours again, never ordering from them", false, "neg:Shusha"},
		{"shushi and miso, fr", "fr", "Shushi et soupe miso ce soir, trop bon", false, "neg:Shusha"},
		{"Schuschi, de", "de", "Heute gibt es Schuschi und Misosuppe beim Japaner", false, "neg:Shusha"},
		{"shushi and ramen, es", "es", "Pedimos shushi y ramen a domicilio", false, "neg:Shusha"},
		{"rolls and sashimi, hy", "hy", "Շուշի ռոլլեր և սաշիմի, պատվիրեք առաքումով", false, "neg:Shusha"},
		{"Shushi shelled, en", "en", "Shushi was shelled again overnight.", true, "place:Shusha"},
		{"aid to Shushi, en", "en", "Humanitarian aid delivery to Shushi was blocked at the checkpoint.", true, "place:Shusha"},
		{"Shushi shelled, hy", "hy", "Շուշին ռմբակոծվել է։", true, "place:Shusha"},
		{"Shusha shelled, ru", "ru", "Шушу обстреляли ночью, есть погибшие.", true, "place:Shusha"},
		{"Chouchi bombed, fr", "fr", "Chouchi a été bombardée cette nuit.", true, "place:Shusha"},
		// Lists with articles.
		{"members with articles, fr", "fr", "L'Arménie, l'Azerbaïdjan, la Biélorussie, la Géorgie, le Kazakhstan, la Moldavie et la Russie sont membres de l'organisation.", false, "neg:Armenia/Countries"},
		{"members with articles, it", "it", "Gli stati membri sono l'Armenia, l'Azerbaigian, la Bielorussia, la Georgia, il Kazakistan e la Moldavia.", false, "neg:Armenia/Countries"},
		{"members with articles, es", "es", "La Armenia, el Azerbaiyán, la Bielorrusia, la Georgia, el Kazajistán, la Moldavia y la Rusia son miembros.", false, "neg:Armenia/Countries"},
		{"with Russia and Turkey, en", "en", "Armenia and Azerbaijan, with Russia and Turkey, met in Moscow to discuss the border.", true, ""},
		{"with Russia and Turkey, fr", "fr", "L'Arménie et l'Azerbaïdjan, avec la Russie et la Turquie, se sont réunis à Moscou.", true, ""},
		{"the 3+3, fr", "fr", "L'Arménie, l'Azerbaïdjan, la Géorgie, la Russie, la Turquie et l'Iran : le format 3+3 se réunit à Bakou.", true, ""},
		{"France and Germany, fr", "fr", "La France et l'Allemagne soutiennent l'Arménie face à l'Azerbaïdjan dans les négociations de paix.", true, ""},
		{"observers, fr", "fr", "Des observateurs d'Allemagne, de Pologne, de Suède et de France patrouillent à la frontière arménienne avec l'Azerbaïdjan.", true, ""},
		{"observers, es", "es", "Observadores de Alemania, Polonia, Suecia y Francia patrullan la frontera de Armenia con Azerbaiyán.", true, ""},
		{"arms suppliers, es", "es", "Armenia compra ahora sus armas a la India y a Francia, mientras Azerbaiyán las compra a Israel.", true, ""},
	})
}

// TestNoticesDivisionsAndCrime: issue 11's sixth round. An office's
// notices and the text of acts (a clause of a code, "this law", a vacancy,
// a statute's "appointed and dismissed by", an act cited by its number and
// its amendments), a gazetteer's list of administrative divisions, and
// crime news naming a town of the region are not the region's politics.
// News of an electoral code's amendments, the US recognising Abkhazia and
// South Ossetia as part of Georgia, and the arrests of journalists and
// protesters stay in.
func TestNoticesDivisionsAndCrime(t *testing.T) {
	runClassCases(t, []classCase{
		// The text of an act.
		{"this law, hy", "hy", "Սույն օրենքը ուժի մեջ է մտնում պաշտոնական հրապարակմանը հաջորդող օրվանից։ Հայաստանի Հանրապետության Նախագահ", false, "neg:Armenian script/Administrative acts"},
		{"another legal act, hy", "hy", "2) կիրառել է այն օրենքը կամ Հայաստանի Հանրապետության միջազգային պայմանագիրը կամ իրավական այլ ակտ, որը չպետք է կիրառեր.", false, "neg:Armenia/Administrative acts"},
		{"this decree, ru", "ru", "1) Настоящее постановление вступает в силу со дня опубликования. Правительство Республики Армения.", false, "neg:Armenia/Administrative acts"},
		{"this law, az", "az", "Bu Qanunun 5-ci maddəsinə əsasən Azərbaycan Respublikasının Nazirlər Kabineti qərar qəbul edir.", false, "neg:Azerbaijani language/Administrative acts"},
		{"this law, ka", "ka", "ამ კანონის მე-3 მუხლის თანახმად, საქართველოს მთავრობა ამტკიცებს წესს.", false, "neg:Georgian script/Administrative acts"},
		{"this law, en", "en", "Article 3 of this Law: the Government of the Republic of Armenia shall approve the procedure.", false, "neg:Armenia/Administrative acts"},
		{"a statute, az", "az", "Dövlət Agentliyinə Azərbaycan Respublikasının kənd təsərrüfatı naziri tərəfindən vəzifəyə təyin olunan və vəzifədən azad edilən baş direktor rəhbərlik edir.", false, "neg:Azerbaijani language/Administrative acts"},
		{"a vacancy, hy", "hy", "Բյուջետային գրասենյակում թափուր պաշտոնը զբաղեցնելու համար «Ազգային ժողովի կանոնակարգ» Հայաստանի Հանրապետության օրենքով ներկայացվող պահանջները.", false, "neg:Armenia/Administrative acts"},
		{"a decision amended, hy", "hy", "«Հայաստանի Հանրապետության կառավարության 2013 թվականի օգոստոսի 8-ի N 853-Ն որոշման մեջ փոփոխություն եվ լրացումներ կատարելու մասին» ՀՀ կառավարության որոշման նախագիծ", false, "neg:Armenia/Act citations"},
		{"an order and an appointment, az", "az", "2015-ci il 13 mart tarixindən Azərbaycan Respublikası Prezidentinin 11101 nömrəli Sərəncamı ilə Dövlət Agentliyi sədrinin müavini vəzifəsinə təyin edilmişdir.", false, "neg:Azerbaijan/Act citations"},
		// News of acts, and a minister's appointment, stay in.
		{"the electoral code, hy", "hy", "Ազգային ժողովը ընդունեց Ընտրական օրենսգրքում փոփոխություններ և լրացումներ, ընդդիմությունը լքեց դահլիճը։", true, ""},
		{"the electoral code, ru", "ru", "Парламент Грузии принял изменения и дополнения в Избирательный кодекс, оппозиция бойкотировала голосование.", true, ""},
		{"the electoral code, az", "az", "Milli Məclis Seçki Məcəlləsinə dəyişikliklər və əlavələr qəbul edib, müxalifət etiraz edir.", true, ""},
		{"a draft decision, en", "en", "Pashinyan's government published the draft decision on the peace treaty's ratification.", true, ""},
		{"a foreign minister appointed, az", "az", "2018-ci ildə Azərbaycan Respublikasının xarici işlər naziri vəzifəsinə təyin edilmişdir.", true, ""},
		// Administrative divisions.
		{"rayons, en", "en", "Administrative divisions - rayons: Abseron, Agcabadi, Agdam, Agdas, Fuzuli, Kalbacar, Lacin, Lankaran, Xocali, Xocavand, Zangilan", false, "neg:Khojaly/Administrative divisions"},
		{"autonomous republics, en", "en", "Administrative divisions - autonomous republics: Abkhazia or Ap'khazet'is Avtonomiuri Respublika (Sokhumi), Ajaria (Bat'umi)", false, "neg:Abkhazia/Administrative divisions"},
		{"autonomous republics, ru", "ru", "Административное деление: 9 краёв, 2 автономные республики (Абхазия и Аджария) и город Тбилиси.", false, "neg:Abkhazia/Administrative divisions"},
		{"the US recognition note, en", "en", "Administrative divisions - note: the United States recognizes the breakaway regions of Abkhazia and South Ossetia to be part of Georgia", true, "place:Abkhazia"},
		{"the government in exile, en", "en", "The Autonomous Republic of Abkhazia's government in exile met in Tbilisi.", true, "place:Abkhazia"},
		{"districts retaken, en", "en", "Azerbaijan retook Fuzuli, Jabrayil, Zangilan and Qubadli districts, and then Shusha and Khojaly.", true, ""},
		// Crime news.
		{"a robbery in Gyumri, en", "en", "Police in Gyumri arrested two men for robbery; a pistol was found in their car.", false, "neg:repression/Crime"},
		{"a robbery in Kutaisi, ru", "ru", "В Кутаиси задержан мужчина, ограбивший ювелирный магазин; у него изъяли оружие.", false, "neg:armaments/Crime"},
		{"a robbery in Gyumri, hy", "hy", "Գյումրիում ձերբակալվել է խանութը կողոպտած տղամարդը, նրա մոտ զենք է հայտնաբերվել։", false, "neg:repression/Crime"},
		{"a theft in Kutaisi, ka", "ka", "ქუთაისში პოლიციამ ქურდობისთვის ორი პირი დააკავა.", false, "neg:repression/Crime"},
		{"a robbery in Ganja, az", "az", "Gəncədə mağazanı qarət edən şəxs həbs edilib, ondan silah götürülüb.", false, "neg:repression/Crime"},
		{"a robbery in Gyumri, it", "it", "A Gyumri la polizia ha arrestato due uomini per una rapina in gioielleria, sequestrate armi.", false, "neg:repression/Crime"},
		{"a car thief in Stepanakert, hy", "hy", "Ոստիկանները հայտնաբերեցին ավտոմեքենան փախցնողին. ոստիկանության Ստեփանակերտի քաղվարչության հերթապահ մաս հաղորդում է ստացվել", false, "neg:Stepanakert/Crime"},
		{"journalists and smuggling, az", "az", "Bakıda jurnalistlər həbs edilib, onlara qaçaqmalçılıq ittihamı irəli sürülüb.", true, "topic:repression"},
		{"protesters and hooliganism, ru", "ru", "В Тбилиси задержаны участники протеста, им вменяют хулиганство.", true, "topic:repression"},
		{"a fabricated robbery charge, en", "en", "Police in Tbilisi arrested opposition activists; one is accused of robbery, which his lawyer calls fabricated.", true, ""},
		{"a stolen election, en", "en", "Georgian Dream stole the election, and the police arrested protesters on Rustaveli.", true, "topic:repression"},
	})
}

// TestUSPresidentialGeorgia: the US state in presidential-election news, in
// every language that calls the country Georgia or Géorgie. A candidate
// wins, carries or flips a state, and a state is named with the other
// states of the campaign; "the president" right next to it is then not the
// country's. The country's own president, elections and geopolitics stay
// in.
func TestUSPresidentialGeorgia(t *testing.T) {
	runClassCases(t, []classCase{
		{"won Georgia, en", "en", "President Trump won Georgia in 2024, reversing his 2020 loss in the state.", false, "neg:Georgia/won"},
		{"carried Georgia, en", "en", "Biden became the first Democratic presidential candidate to carry Georgia since 1992.", false, "neg:Georgia/carry"},
		{"campaign stops, en", "en", "The president will campaign in Georgia and North Carolina this week.", false, "neg:Georgia/US states"},
		{"swing states, es", "es", "Elecciones en EE.UU.: Trump gana en Georgia y Carolina del Norte.", false, "neg:Georgia/US states"},
		{"campaign stops, fr", "fr", "Le président a fait campagne en Géorgie et en Caroline du Nord.", false, "neg:Sakartvelo/US states"},
		{"swing states, it", "it", "Il presidente ha vinto in Georgia, Arizona e Pennsylvania.", false, "neg:Georgia/US states"},
		{"swing states, pt", "pt", "O presidente venceu na Geórgia e na Carolina do Norte.", false, "neg:Georgia/US states"},
		{"the country's president, en", "en", "Georgia's president refused to sign the foreign agents law passed by parliament.", true, ""},
		{"the country's elections, es", "es", "La presidenta de Georgia denuncia fraude en las elecciones parlamentarias.", true, ""},
		{"the country's president, fr", "fr", "Le président géorgien dénonce l'influence russe sur les élections en Géorgie.", true, ""},
		{"independence won, en", "en", "Georgia won its independence in 1991 and Russia never accepted it.", true, ""},
		{"a presidential visit, en", "en", "President Zourabichvili of Georgia met President Macron in Paris to discuss EU membership.", true, ""},
	})
}

// TestCarpetsCafesAndLandmarks: a carpet's or a horse breed's description
// names the region where it was woven or bred, a café is named after a
// town, a recipe after a region, a US state is "l'État de Géorgie", and
// Tbilisi's Peace Bridge is a sight. The politics of the same words stay in.
func TestCarpetsCafesAndLandmarks(t *testing.T) {
	runClassCases(t, []classCase{
		{"a breed, en", "en", "Karabakh horse. A mountain-steppe riding breed originating in the Karabakh region of the South Caucasus, known for its golden coat.", false, "neg:Karabakh/Carpets and horses"},
		{"a breed, es", "es", "El caballo de Karabaj es una raza de montaña originaria del Cáucaso Sur, conocida por su capa dorada.", false, "neg:Karabakh/Carpets and horses"},
		{"carpets, ru", "ru", "Карабахские ковры — группа ковров Южного Кавказа, отличающаяся крупными медальонами и обилием красного.", false, "neg:Caucasus/Carpets and horses"},
		{"an auction lot, en", "en", "Lot 114: Karabagh Chelaberd rug, south Caucasus, circa 1880, hand-knotted wool pile.", false, "neg:Qarabag/Carpets and horses"},
		{"a café, ru", "ru", "Кафе «Шуша» у метро: кутабы с зеленью отличные, люля нормальный, чай подают в армуду.", false, "neg:Shusha/Food"},
		{"a recipe, hy", "hy", "Ժենգյալով հացը պատրաստվում է կանաչիներով և թխվում է սաջի վրա։ Արցախյան ավանդական ուտեստ է։", false, "neg:Artsakh/Food"},
		{"the State of Georgia, fr", "fr", "Aux États-Unis, l'État de Géorgie a exécuté un condamné à mort pour la première fois depuis quatre ans.", false, "!place:Sakartvelo"},
		{"Peace Bridge, de", "de", "Tiflis war für uns die Überraschung des Jahres: Altstadt mit Holzbalkonen, Schwefelbäder, die Friedensbrücke bei Nacht.", false, "!topic:peace deal"},
		{"the carpet museum, en", "en", "Azerbaijan reopened the carpet museum in Shusha, calling it a symbol of the return to Karabakh.", true, ""},
		{"horses and war, en", "en", "Karabakh horses were evacuated from Aghdam before the offensive, Azerbaijani officials said.", true, ""},
		{"the state's government, fr", "fr", "L'État géorgien a suspendu les négociations d'adhésion à l'UE, la présidente dénonce un coup.", true, ""},
		{"a peace deal, de", "de", "Armenien und Aserbaidschan unterzeichnen in Washington ein Friedensabkommen.", true, "topic:peace deal"},
		{"an opposition channel, en", "en", "Mtavari Arkhi, one of Georgia's main opposition-leaning TV channels, stopped broadcasting, citing financial pressure.", true, "with:Georgia"},
	})
}

// TestACountrysCourse: analysis names a country and its course without a
// treaty or a protest: caught between Moscow and Brussels, dependent on
// Russia, bidding to join the EU, Europe's gas supplier, ruled by a
// dynasty. The same words about another country, a firm's gas contract and
// the kingdoms' dynasties stay out.
func TestACountrysCourse(t *testing.T) {
	runClassCases(t, []classCase{
		{"between the poles, en", "en", "For Georgia, the choice between Moscow and Brussels is no longer abstract.", true, "topic:geopolitical orientation(+1)"},
		{"between the poles, ru", "ru", "Грузия оказалась между Россией и Западом, и власти выбирают Москву.", true, "topic:geopolitical orientation(+1)"},
		{"dependence, fr", "fr", "L'Arménie cherche à réduire sa dépendance envers la Russie en matière de sécurité.", true, "topic:geopolitical orientation(+1)"},
		{"dependence, de", "de", "Armenien will seine Abhängigkeit von Russland verringern.", true, "topic:geopolitical orientation(+1)"},
		{"joining the EU, en", "en", "Georgia's leaders say they want to join the EU but act as if they don't.", true, "topic:EU path(+1)"},
		{"Euro-Atlantic integration, uk", "uk", "Вірменія заявила про курс на євроатлантичну інтеграцію.", true, ""},
		{"Europe's gas supplier, en", "en", "Azerbaijan has positioned itself as an indispensable gas supplier to Europe, and it knows it.", true, "topic:energy geopolitics(+1)"},
		{"Europe's gas supplier, ru", "ru", "Азербайджан превратился в ключевого поставщика газа для Европы.", true, "topic:energy geopolitics(+1)"},
		{"energy security, es", "es", "Bruselas ve en Azerbaiyán una pieza de su seguridad energética.", true, "topic:energy geopolitics(+1)"},
		{"the ruling family, en", "en", "The Aliyev dynasty has ruled Azerbaijan for three decades.", true, "with:Aliyev/dynasty(+0.5)"},
		{"the ruling family, ru", "ru", "Династия Алиевых правит Азербайджаном уже тридцать лет.", true, ""},
		{"another country between the poles, en", "en", "Serbia is caught between Moscow and Brussels, and Vucic likes it that way.", false, ""},
		{"another country's gas, en", "en", "Norway became Europe's largest gas supplier after 2022.", false, ""},
		{"a firm's gas contract, en", "en", "Azerbaijan's SOCAR signed a gas supply contract with BP, boosting its revenues.", false, "neg:energy geopolitics/Business"},
		{"a kingdom's dynasty, en", "en", "The Bagratid dynasty ruled Georgia for almost a thousand years.", false, "neg:Georgia/Old history"},
		{"a US state's energy, en", "en", "Georgia Power says its new plant improves the state's energy security.", false, ""},
	})
}

// TestTheTravellersTour: a review names the guide, the walking tour, the
// views and the tourist road; the border it mentions is the traveller's
// queue and the independence is the guide's history lesson. A post that
// recommends an article about the region's politics stays in.
func TestTheTravellersTour(t *testing.T) {
	runClassCases(t, []classCase{
		{"a walking tour, en", "en", "Our guide in Yerevan told us about the history of every building, from the Soviet period to independence. Worth a visit!", false, "neg:Yerevan/Travel"},
		{"the mountain road, en", "en", "We drove from Tbilisi to Kazbegi along the Georgian Military Road. Breathtaking views, but the border traffic with Russia was a nightmare.", false, "neg:Tbilisi/Travel"},
		{"the mountain road, ru", "ru", "Ехали из Тбилиси по Военно-Грузинской дороге, на границе с Россией стояли шесть часов, но виды потрясающие.", false, ""},
		{"a guided tour, fr", "fr", "Visite guidée de Tbilissi : notre guide nous a parlé de l'indépendance et de l'époque soviétique.", false, ""},
		{"a guided tour, de", "de", "Stadtführung in Eriwan: der Reiseleiter erzählte von der Unabhängigkeit und der Sowjetzeit.", false, ""},
		{"a recommended article, en", "en", "Highly recommend this analysis of Armenia's border talks with Azerbaijan.", true, ""},
		{"a queue at the border as news, en", "en", "Thousands of Russians queued for days at the Upper Lars border crossing into Georgia to escape mobilisation.", true, ""},
	})
}

// TestDocumentSymbolsAreNotEras: a UN document's symbol (A/C.3/78/L.40)
// reads as "a C", the Spanish abbreviation of "before Christ"; only a year
// before it makes an era.
func TestDocumentSymbolsAreNotEras(t *testing.T) {
	runClassCases(t, []classCase{
		{"a Third Committee symbol, en", "en", "Document A/C.3/78/L.40: Azerbaijan calls for the return of displaced persons.", true, "!neg:Azerbaijan/Old history"},
		{"a year before Christ, es", "es", "En el año 95 a. C. Tigranes el Grande gobernaba Armenia desde el Caspio hasta el Mediterráneo.", false, "neg:Armenia/Old history"},
	})
}

// TestGeorgianDreamHomes: "a Georgian dream home" is the architecture and
// "this Georgian dream of mine" a daydream; the party keeps its name
// everywhere else, in lower case too.
func TestGeorgianDreamHomes(t *testing.T) {
	runClassCases(t, []classCase{
		{"a dream of mine, en", "en", "this georgian dream of mine where i wake up and its summer", false, "neg:Georgian Dream/of mine"},
		{"a dream home, en", "en", "Our Georgian dream home in Bath: sash windows, high ceilings and a walled garden.", false, "neg:Georgian Dream/"},
		{"the party in lower case, en", "en", "the georgian dream government just passed another law targeting ngos, this is how it starts", true, "institution:Georgian Dream(+3)"},
		{"the party, en", "en", "Georgian Dream came to power in 2012.", true, "institution:Georgian Dream(+3)"},
	})
}

// TestOtherLanguagesWords: a prefix form of one language must not cancel or
// add weight in another, where the same letters start a common word:
// English tariffs are not Turkish tarif ('recipe'), Italian caratteristiche
// not Polish carat ('tsardom'), Turkish haftada ('a week') not German Haft
// ('custody'), Turkish kelime ('word') not a kilim, English scrutiny not
// French scrutin ('ballot'), beneficent not French bénéfice ('profit').
func TestOtherLanguagesWords(t *testing.T) {
	runClassCases(t, []classCase{
		{"tariffs, en", "en", "Trump announced new tariffs on Azerbaijan and Armenia, hitting their exports.", true, "!neg:Azerbaijan/Food"},
		{"caratteristiche, it", "it", "Il governo ha discusso a Palazzo Chigi le caratteristiche dell'accordo tra Armenia e Azerbaigian.", true, "!neg:Armenia/Old history"},
		{"haftada, tr", "tr", "THY haftada üç kez İstanbul-Tiflis uçuşu yapacak.", false, "!topic:repression(+1)"},
		{"a week's rallies, tr", "tr", "Gürcistan'da bu hafta yeni protestolar yapıldı ve göstericiler gözaltına alındı.", true, ""},
		{"kelime and halinde, tr", "tr", "Kelime kelime okuyunca, barış anlaşması halinde Ermenistan ile Azerbaycan sınırı açacak.", true, "!neg:Armenia/Carpets and horses"},
		{"scrutiny, en", "en", "Azerbaijan faces scrutiny over its gas deals with Europe.", false, "!topic:elections(+1)"},
		{"beneficent, en", "en", "Armenia's new elections law was drafted by beneficent foreign advisers.", true, "!with:Armenia/Business(-1)"},
		{"a kilim and a carpet, tr", "tr", "Kars'ta Ermeni ve Azerbaycan halıları: kilim ve halıcılık sergisi.", false, ""},
	})
}

// TestRepublicsCapitalsAndCrowds: the classes the third writer's set (rt3)
// showed, in sentences of our own: the republics of 1918 and their
// founders, Soviet force, a government named by its capital ("official
// Baku") or by a great power's minister, a rally dispersed with water
// cannon; and beside them the football league, the thieves in law, the
// airline fares and the ancient kingdom that must stay out.
func TestRepublicsCapitalsAndCrowds(t *testing.T) {
	runClassCases(t, []classCase{
		{"the 1918 republic, en", "en", "The Democratic Republic of Georgia lasted less than three years before the Bolsheviks took Tbilisi.", true, "topic:statehood(+1)"},
		{"the 1918 republic, de", "de", "Die Aserbaidschanische Demokratische Republik führte 1918 in Baku das Frauenwahlrecht ein.", true, "topic:statehood(+1)"},
		{"a founder, ru", "ru", "Расулзаде провозгласил независимость в Тифлисе.", true, "person:Founders of the republics(+3)"},
		{"a founder's exile, fr", "fr", "Après 1921, Noé Jordania dirigea le gouvernement géorgien en exil.", true, "person:Founders of the republics(+3)"},
		{"Jordan, es", "es", "Jordania y Armenia firmaron un acuerdo comercial en Ammán.", false, "!person:Founders of the republics(+3)"},
		{"Soviet tanks, en", "en", "Soviet tanks entered Baku in January 1990 and more than a hundred civilians died.", true, "topic:Soviet force(+1)"},
		{"the Red Army of 1921, fr", "fr", "En février 1921, l'Armée rouge envahit la Géorgie indépendante.", true, "topic:Soviet force(+1)"},
		{"official Baku, ru", "ru", "Официальный Баку отозвал посла из Москвы.", true, "with:Baku/Official(+1)"},
		{"official Yerevan, en", "en", "Official Yerevan has not commented on the leaked draft.", true, "with:Yerevan/Official(+1)"},
		{"Lavrov on Yerevan, en", "en", "Lavrov lashed out at Yerevan's Western partners.", true, "with:Yerevan/Great powers' officials(+1)"},
		{"a French citizen held for espionage, fr", "fr", "Un ressortissant français détenu à Bakou depuis deux ans pour espionnage.", true, "topic:political prisoners(+1)"},
		{"the Quai d'Orsay and Baku, fr", "fr", "Le Quai d'Orsay dénonce la détention à Bakou d'un Français.", true, "with:Baku/Great powers' officials(+1)"},
		{"water cannon, ru", "ru", "В Тбилиси ночью снова водомёты и слезоточивый газ у парламента.", true, "topic:protest(+1)"},
		{"pepper spray, de", "de", "Die Polizei setzte in Tiflis Wasserwerfer und Pfefferspray gegen Demonstranten ein.", true, ""},
		{"Uruguay's recognition, es", "es", "Uruguay fue el primer país en reconocer el genocidio armenio.", true, "topic:recognition(+1)"},
		{"Victory Day, az", "az", "8 Noyabr Zəfər Günüdür, Qarabağ Azərbaycandır!", true, ""},
		{"the Premier League, ru", "ru", "«Нефтчи» обыграл «Сабах» и возглавил Премьер-лигу Азербайджана.", false, "neg:Azerbaijan/Sport"},
		{"thieves in law, ru", "ru", "В Москве задержали вора в законе, уроженца Кутаиси.", false, "neg:repression/Crime"},
		{"a breakaway region in a visa list, ru", "ru", "Без визы: Абхазия, Беларусь, Казахстан, Киргизия, Армения, Грузия.", false, "neg:Abkhazia/Countries(x3)"},
		{"Caucasian Iberia, en", "en", "Caucasian Iberia, an ancient kingdom of eastern Georgia, converted to Christianity in the fourth century.", false, ""},
		{"a footballer named Aliyev, uk", "uk", "Олександр Алієв забив гол з штрафного.", false, "neg:Aliyev/Олександр"},
	})
}

// TestPoetsArchangelsAndDowries: three of the Karabakh-area names are
// also a poet (Füzuli), an archangel (Turkish Cebrail, Azerbaijani
// Cəbrayıl) and a Turkish word (mehri, 'the dowry'). Poetry, scripture and
// marriage law stay out; the districts' war and return stay in, and the
// army named with a possessive (ordusu) is the state's.
func TestPoetsArchangelsAndDowries(t *testing.T) {
	runClassCases(t, []classCase{
		{"the poet, tr", "tr", "Fuzuli divanındaki gazellerde aşk ve ayrılık işlenir; şair Bağdat'ta yaşamıştır.", false, "neg:Karabakh districts/divan*"},
		{"the poet, az", "az", "Məhəmməd Füzulinin qəzəlləri Azərbaycan ədəbiyyatının incisidir.", false, "neg:Karabakh districts/Məhəmməd"},
		{"the archangel, tr", "tr", "Cebrail aleyhisselam Peygambere vahiy getirdi.", false, "neg:Cebrail in Turkish/aleyhisselam"},
		{"the archangel, az", "az", "Quranda Cəbrayıl mələyin adı çəkilir.", false, ""},
		{"a dowry, tr", "tr", "Kadınlar nikah sırasında mehri kendileri belirleyebilir.", false, "neg:Meghri/kadınlar*"},
		{"the army's liberation, az", "az", "Azərbaycan ordusu Cəbrayıl və Füzulini işğaldan azad etdi.", true, "with:Azerbaijan/State organs(+1)"},
		{"the return to a district, az", "az", "Füzuli rayonuna Böyük Qayıdış başladı, ilk köçkünlər evlərinə qayıtdı.", true, "place:Karabakh districts(+2)"},
		{"released on bail, az", "az", "Təqsirləndirilən girov müqabilində azad edildi.", false, "!topic:occupation(+1)"},
	})
}

// TestCapitalsThatAccuse: a capital as the subject or the object of a
// government's verb ("Baku accuses Paris of meddling", "Paris accuses
// Baku", "Yerevan rejected the claims") is a state speaking or spoken to; the same capital welcoming tourists or warning of snow
// is not.
func TestCapitalsThatAccuse(t *testing.T) {
	runClassCases(t, []classCase{
		{"Baku accuses, en", "en", "Baku accuses Paris of meddling in New Caledonia.", true, "with:Baku/Government verbs(+1)"},
		{"Bakou accuse, fr", "fr", "Bakou accuse la France d'ingérence en Nouvelle-Calédonie.", true, "with:Baku/Government verbs(+1)"},
		{"Yerevan rejected, en", "en", "Yerevan rejected the claims as fabricated.", true, "with:Yerevan/Government verbs(+1)"},
		{"Тбилиси осудил, ru", "ru", "Тбилиси осудил так называемые выборы в оккупированном регионе.", true, ""},
		{"Paris accuses Baku, fr", "fr", "Paris accuse Bakou d'ingérence en Nouvelle-Calédonie.", true, "with:Baku/Government verbs(+1)"},
		{"Moscow accused Yerevan, en", "en", "Moscow accused Yerevan of betrayal.", true, "with:Yerevan/Government verbs(+1)"},
		{"tourists welcomed, en", "en", "Tbilisi welcomed a record number of tourists this summer.", false, ""},
		{"a snow warning, en", "en", "Yerevan warns of heavy snow and closed mountain passes.", false, ""},
	})
}

// TestListsRankingsAndCharges: the classes a fourth writer's set (rt4)
// showed, in sentences of our own. A list of five countries with the
// region's three among them is a list; the three alone are the region. A
// FIFA ranking is sport, the Prisoner of the Caucasus literature. Espionage
// charges against a foreigner, hate speech against a people, a country
// moving away from Moscow, the Middle Corridor in Russian and Georgia's
// parliamentary elections are the region's politics.
func TestListsRankingsAndCharges(t *testing.T) {
	runClassCases(t, []classCase{
		{"a survey's countries, en", "en", "The survey covers Albania, Armenia, Azerbaijan, Georgia and Montenegro.", false, ""},
		{"the three alone, en", "en", "Armenia, Azerbaijan and Georgia signed a joint statement on transit.", true, ""},
		{"a FIFA ranking, en", "en", "FIFA ranking: Georgia up to 70th, Armenia 98th, Azerbaijan 112th.", false, ""},
		{"Tolstoy's prisoner, ru", "ru", "«Кавказский пленник» Толстого рассказывает о русском офицере в плену у горцев.", false, "neg:Caucasus/Кавказск* пленник*"},
		{"hate speech, en", "en", "The Committee is concerned about hate speech against persons of Azerbaijani origin and urges the State party to prosecute.", true, "topic:atrocities(+1)"},
		{"espionage charges, en", "en", "A Russian journalist was detained in Baku on espionage charges.", true, "topic:political prisoners(+1)"},
		{"away from Moscow, en", "en", "Armenia is slowly moving away from Moscow.", true, "topic:geopolitical orientation(+1)"},
		{"the Middle Corridor, ru", "ru", "В Баку назвали Срединный коридор ключом к транзиту в обход России.", true, "topic:Middle Corridor(+1)"},
		{"parliamentary elections, en", "en", "Observers said the parliamentary elections in Georgia were marred by vote-buying.", true, "with:Georgia/parliamentary(+1.5)"},
		{"the US state's legislature, en", "en", "Georgia's Republican legislature ended the session; Democrats called the parliamentary tactics unfair.", false, ""},
	})
}

// TestMinskProcessAndMaidan: names the fifth writer's set (rt5) showed
// missing, in sentences of our own: the OSCE's Minsk process, Azerbaijan's
// Baku Initiative Group, Rustaveli Avenue in Ukrainian, and a Georgian
// protest compared with the Maidan. Ukraine's Minsk agreements stay out.
func TestMinskProcessAndMaidan(t *testing.T) {
	runClassCases(t, []classCase{
		{"the Minsk process, en", "en", "The OSCE formally wound up the Minsk process after the parties initialled a peace agreement.", true, "institution:Minsk Group(+3)"},
		{"the Minsk agreements, en", "en", "The Minsk agreements on Donbas were never implemented.", false, ""},
		{"the Baku Initiative Group, fr", "fr", "Le Groupe d'initiative de Bakou a invité des indépendantistes corses.", true, "institution:Baku Initiative Group(+3)"},
		{"Rustaveli and the Maidan, uk", "uk", "Грузини знову на Руставелі, як ми колись на Майдані.", true, "topic:protest(+1)"},
	})
}
