package relevance

import "testing"

// Issue 11, ninth round: the classes four independent writers' sets showed
// (rt19 kept blind since the eighth round, then rt22 to rt25, each measured
// blind once). Every case of a class (a post that must now come in, or a
// near miss that must now go out) fails with the eighth round's rules; the
// guards beside them pass with both.

// TestOwnRelationsAndVisitingMinisters: in the region's own languages,
// "relations with Russia" are the writer's state's; a great power's foreign
// minister or ministry named anywhere in a post about a capital is
// diplomacy. Two foreign states' relations, named in Azerbaijani, stay
// theirs.
func TestOwnRelationsAndVisitingMinisters(t *testing.T) {
	runClassCases(t, []classCase{
		{"relations with Moscow, az", "az", "Rusiya ilə münasibətlər yenə soyuyub, səfirlikdə də heç kim izah vermir.", true, "place:Own relations"},
		{"relations with Tehran, az", "az", "Tehranla münasibətlər yenə gərgindir, hər ay yeni bir bəyanat.", true, "place:Own relations"},
		{"relations with Russia, hy", "hy", "Ռուսաստանի հետ հարաբերությունները երբեք այսքան սառը չեն եղել։", true, "place:Own relations"},
		{"relations with Turkey, ka", "ka", "თურქეთთან ურთიერთობა ახალ ეტაპზე გადადის, ამბობენ მთავრობაში.", true, "place:Own relations"},
		{"a minister visiting, de", "de", "Wadephul ist heute in Jerewan gelandet, morgen geht es weiter nach Baku.", true, "with:Yerevan/Great powers' officials"},
		{"the ministry far from the capital, fr", "fr", "Un Français détenu à Bakou depuis des mois n'a toujours pas vu son avocat. Et le Quai d'Orsay se tait.", true, "with:Baku/Great powers' officials"},
		// Two other states' relations, named in Azerbaijani.
		{"America's relations with China, az", "az", "ABŞ-ın Çin ilə münasibətləri yeni gərginlik mərhələsinə girib.", false, "!place:Own relations"},
	})
}

// TestFirstNamesInReactions: reactions name the leaders by first name or
// title: Nikol, Mzia, "the honorary chairman". Alone they need a word of
// politics; a colleague, a baby or a barber of the name, and Mzia in
// Georgian (a common name), stay out.
func TestFirstNamesInReactions(t *testing.T) {
	runClassCases(t, []classCase{
		{"Nikol and the referendum, en", "en", "nikol talked for two hours about the constitution referendum and said nothing new", true, "person:Nikol"},
		{"Nikol and the church, ru", "ru", "Никол опять в эфире объясняет, почему Католикос должен уйти.", true, "person:Nikol"},
		{"Nikol and the opposition, hy", "hy", "Նիկոլը էլի ընդդիմությանն է մեղադրում ամեն ինչում։", true, "person:Nikol"},
		{"Mzia's sentence, en", "en", "Mzia is still in prison for a slap. The Sakharov Prize did not open the door.", true, "person:Mzia"},
		{"the honorary chairman, en", "en", "The honorary chairman gave another speech about the global war party.", true, "with:Honorary chairman/Global war party"},
		{"Bidzina back in politics, ru", "ru", "Так Бидзина вернулся в политику или он из неё и не уходил?", true, "with:Bidzina/government"},
		{"a company's honorary chairman, en", "en", "The current chairman will act as honorary chairman and adviser to the vice president, the steelmaker said.", false, ""},
		// Namesakes.
		{"a colleague, ru", "ru", "Коллега Никол предложил провести референдум насчёт пиццы на обед.", false, "!person:Nikol"},
		{"a baby, en", "en", "Our baby Nikol was born on Tuesday! The whole family voted on the name, like an election.", false, "!person:Nikol"},
		{"a Czech name, cs", "cs", "Nikol vyhrála volby do studentské rady.", false, "!person:Nikol"},
		{"Mzia in Georgian", "ka", "მზია დეიდამ ხაჭაპური გამოაცხო, ყველამ ძალიან მოიწონა.", false, "!person:Mzia"},
	})
}

// TestChurchAndState: the Armenian church against the government since
// 2025: the Catholicos beside the prime minister, the church and the state
// named together, the archbishop by his first name. The Catholicos at a
// liturgy stays out.
func TestChurchAndState(t *testing.T) {
	runClassCases(t, []classCase{
		{"Catholicos and PM, en", "en", "The Catholicos vs PM feud has reached every family dinner in Yerevan.", true, "with:Etchmiadzin/government"},
		{"Catholicós y el primer ministro, es", "es", "El primer ministro volvió a atacar al Catolicós en Facebook.", true, "with:Etchmiadzin/government"},
		{"church and state, hy", "hy", "Եկեղեցին ու պետությունը չեն կարողանում համաձայնության գալ, իսկ մենք տուժում ենք։", true, "topic:church and state"},
		{"the archbishop by first name, ru", "ru", "У суда опять толпа, ждут владыку Баграта.", true, "person:Galstanyan"},
		// Faith.
		{"a liturgy, en", "en", "The Catholicos blessed the new grapes at Etchmiadzin on Sunday; the choir sang beautifully.", false, ""},
		{"a jihad definition, en", "en", "jihad: a holy struggle or striving by a Muslim for a moral or spiritual goal", false, "!person:Galstanyan"},
	})
}

// TestProtestDayCount: "Day 738 on Rustaveli" counts the protest's days;
// the number after the avenue used to cancel it as an address. A
// traveller's "day 3 of our trip" and "Rustaveli 22, today" stay out.
func TestProtestDayCount(t *testing.T) {
	runClassCases(t, []classCase{
		{"the day count, en", "en", "Day 512 on Rustaveli. Cold, wet, still here.", true, "with:Protest day count/"},
		{"the day count, ka", "ka", "რუსთაველზე 600-ე დღეა. ხვალაც აქ ვიქნებით.", true, "with:Protest day count/"},
		{"the night count, en", "en", "night 700-something on Rustaveli. lost count", true, "with:Protest day count/"},
		// An address and a trip.
		{"a trip, en", "en", "Rustaveli 12, day 3 of our trip: coffee, the museum and a walk.", false, "!with:Protest day count/"},
		{"an address and today, ka", "ka", "კლუბში (რუსთაველის 22) დღეს ბენდი იმღერებს.", false, "!with:Protest day count/"},
	})
}

// TestSettingsOfRealText: the real-text genres name the region as a
// setting: a film's or a novel's review, a textbook on a river or on the
// 1922 federation, a traveller's border crossing, a footballer under
// contract, a refinery named after a leader, a metro station named after a
// date. The region's politics written in the same genres stays in.
func TestSettingsOfRealText(t *testing.T) {
	runClassCases(t, []classCase{
		{"a film review, fr", "fr", "« Les Mandarines » se passe pendant la guerre d'Abkhazie : un film bouleversant, nommé aux Oscars.", false, "neg:Abkhazia/Fiction and film"},
		{"a novel review, tr", "tr", "Orhan Pamuk'un Kar romanını yeniden okudum: Kars'ın karlı sokakları, eski Ermeni konakları, Rus dönemi binaları. Siyasi tartışmalar romanı ağırlaştırıyor ama şehir portresi muhteşem.", false, "neg:Armenia/Fiction and film"},
		{"a river, en", "en", "The Kura rises in Turkey and flows through Georgia and Azerbaijan; its delta grows with sediment, and its tributary, the Aras, feeds the irrigation of the lowland.", false, ""},
		{"the 1922 federation, ru", "ru", "В 1922 году Армянская, Азербайджанская и Грузинская ССР образовали ЗСФСР со столицей в Тифлисе.", false, ""},
		{"a crossing by car, en", "en", "Taking a rental car from Tbilisi to Yerevan: is the third-party insurance sold at the border?", false, "!topic:border"},
		{"under contract, de", "de", "Der Armenier, einst beim BVB unter Vertrag, traf in der Champions League zum 1:0.", false, "!topic:treaty"},
		{"a refinery, en", "en", "Output at the Heydar Aliyev Refinery rose 12% after its modernisation.", false, ""},
		{"a metro station, en", "en", "Traffic from Tbilisi Avenue to 20 Yanvar metro took forty minutes this morning.", false, "!event:Black January"},
		// The region's politics in the same genres.
		{"a documentary on the war, en", "en", "A new documentary on the 2023 exodus from Karabakh premieres in Yerevan; the government declined to comment.", true, ""},
		{"a border to open, en", "en", "Armenia and Turkey agreed to open the Margara crossing to diplomats and third-country nationals.", true, ""},
	})
}

// TestNamesOfTheWeek: the week's news in the region's words: the
// Yekaterinburg raid in Azerbaijani, the Azerbaijani parliament in Russian,
// the constitution's preamble, Azerbaijan's Remembrance Day, the disputed
// Georgian presidency. Yekaterinburg's hockey stays out.
func TestNamesOfTheWeek(t *testing.T) {
	runClassCases(t, []classCase{
		{"Yekaterinburg, az", "az", "Yekaterinburq hadisəsindən sonra Moskva ilə hər şey dəyişdi.", true, "event:Yekaterinburg raid"},
		{"the Milli Majlis, ru", "ru", "Милли Меджлис принял поправки к закону о СМИ в трёх чтениях за двадцать минут.", true, "place:Azerbaijan"},
		{"the preamble, az", "az", "Nə qədər ki o preambula qalır, sülh kağız üzərindədir.", true, "topic:constitution"},
		{"Remembrance Day, az", "az", "27 Sentyabr, Anım Günü. Şəhidlərimizi unutmuruq.", true, "event:44-day war"},
		{"the legitimate president, ka", "ka", "სალომე ამბობს, რომ ლეგიტიმური პრეზიდენტი ისაა.", true, "topic:government (region languages)"},
		// Hockey.
		{"hockey, ru", "ru", "Автомобилист из Екатеринбурга обыграл ЦСКА в овертайме.", false, ""},
	})
}

// TestServicesSettingsAndLeases: from rt26 to rt28. The region's security
// service and interior ministry named by acronym in its own languages are
// the writer's state's; a pardon decree awaited, the Trump corridor in
// German, the Catholicos's secular name and the communiqué's boilerplate
// are politics. A choir's concert, a thieves-in-law network abroad, a pass
// shut by snow, a flat's lease and the Caucasus's highest peak are not.
func TestServicesSettingsAndLeases(t *testing.T) {
	runClassCases(t, []classCase{
		{"the security service, hy", "hy", "Էլի մի լրագրողի կանչել են ԱԱԾ «զրուցելու»։", true, "place:Own ministry"},
		{"the interior ministry, ka", "ka", "შსს-მ აქციის კიდევ ათი მონაწილე დააკავა.", true, "place:Own ministry"},
		{"a pardon awaited, az", "az", "Yenə əfv sərəncamı gözləyirik. Jurnalistlər daxil olacaqmı?", true, "topic:political prisoners"},
		{"the Trump corridor, de", "de", "Der Trump-Korridor ist in Wahrheit ein Projekt Ankaras und Bakus.", true, "institution:TRIPP"},
		{"the Catholicos's secular name, ru", "ru", "Премьер снова назвал Католикоса «Ктрич Нерсисян» и пообещал новые перемены.", true, "place:Etchmiadzin"},
		{"the boilerplate, en", "en", "The delimitation commissions met again; Azerbaijan's statement said the meeting was held in a constructive atmosphere.", true, "topic:negotiation"},
		// Settings.
		{"a choir, en", "en", "Georgian polyphony at the concert in Tbilisi: a choir of twelve, three songs, and a sudden resolution into fifths.", false, "neg:Tbilisi/Folklore"},
		{"thieves in law, es", "es", "Detenidos en Valencia 23 miembros de una red de origen georgiano vinculada a un ladrón en la ley; el botín se enviaba a Tiflis tras los robos en viviendas.", false, "neg:Tbilisi/Crime"},
		{"a pass shut by snow, en", "en", "The Upper Lars checkpoint on the Russian-Georgian border closed after heavy snowfall and avalanche risk.", false, "!topic:border"},
		{"a lease, ru", "ru", "Кто открывал счёт в Ереване? В банке попросили договор аренды и справку с адресом.", false, "!topic:treaty"},
		{"the highest peak, de", "de", "Höchster Gipfel des Großen Kaukasus ist der Elbrus; die Gebirgskette gilt als Grenze zwischen Europa und Asien.", false, "!topic:negotiation"},
	})
}

// TestTheWeeksReactions: from rt33. Nikol's livestreams, 28 November beside
// a word of its protests, the nightly protest and its anthem in Tbilisi, a
// sentence's length, the Turkish drones, the French president beside
// Armenia, "Georgier" in German. A cat or an intern called Nikol, and 28
// November as a birthday, stay out.
func TestTheWeeksReactions(t *testing.T) {
	runClassCases(t, []classCase{
		{"Nikol's livestream, en", "en", "Nikol did another 2am Facebook live from his car. No press conference in months.", true, "with:Nikol/"},
		{"28 November, en", "en", "Nov 28. Two years since he went on TV and said 'not until 2028'.", true, "with:28 November/"},
		{"28 November, ka", "ka", "28 ნოემბერი. ორი წელი აქციაზე. არ დაგვავიწყდება.", true, "with:28 November/"},
		{"Tbilisi every night, tr", "tr", "Tiflis'teki arkadaşım yazdı: her gece buradayız, soğuk ama kalabalık.", true, "with:Tbilisi/"},
		{"the anthem, es", "es", "Los directos desde Tiflis: cantan el Himno a la Alegría a tres grados bajo cero.", true, "with:Tbilisi/"},
		{"a sentence's length, ru", "ru", "Журналист из Баку получил 9 лет за репортажи о коррупции.", true, "topic:repression"},
		{"Bayraktars, tr", "tr", "Aliyev'e yeni Bayraktar'lar mı geliyor, yoksa sadece fotoğraf mı?", true, "topic:armaments"},
		{"Macron, fr", "fr", "Macron redit que l'Arménie peut compter sur la France.", true, "with:Armenia/Great powers' officials"},
		{"Georgier, de", "de", "Visafreiheit für Georgier wackelt: Brüssel prüft die Aussetzung für Diplomatenpässe.", true, "place:Sakartvelo"},
		// Namesakes and dates.
		{"a cat called Nikol, en", "en", "My cousin named his new cat Nikol. Nothing political, he swears; prime minister jokes aside.", false, "!person:Nikol"},
		{"an intern called Nikol, en", "en", "Our new intern is called Nikol. We've already made every prime minister joke.", false, "!person:Nikol"},
		{"a birthday, en", "en", "Nov 28 is my mum's birthday; two years ago we spent it in Lisbon.", false, "!with:28 November/"},
	})
}

// TestANaturalSearch: from rt36, the natural-mix set. Colombia's Armenia has
// a city council and a mayor; Azerbaijani "sınır" is "it breaks"; a border
// queue and a snowy road to the crossing are a traveller's. The charge of
// "blocking the roadway", Baku in Western Armenian and "Real Armenia" in
// Armenian are the region's politics.
func TestANaturalSearch(t *testing.T) {
	runClassCases(t, []classCase{
		{"blocking the roadway, es", "es", "Vivo en Tiflis: policías encapuchados llevándose a estudiantes por 'bloquear la calzada'.", true, "topic:protest"},
		{"Baku in Western Armenian, hy", "hy", "Պէյրութի մէջ ցոյց՝ Պաքուի մէջ պահուող հայ գերիներուն ազատ արձակման համար։", true, "place:Baku"},
		{"Real Armenia, hy", "hy", "«Իրական Հայաստան», իրական գներ, միայն աշխատավարձն է մնացել երևակայական։", true, "institution:Real Armenia"},
		// Near misses.
		{"Colombia's city council, es", "es", "El Concejo de Armenia aprobó el presupuesto; el alcalde defendió los recortes y la oposición protesta.", false, "!place:Armenia"},
		{"it breaks, az", "az", "Bakıda xəzri yenə başladı, çətir almağın mənası yoxdur, ya uçur ya sınır.", false, "!topic:border"},
		{"a border queue, tr", "tr", "Sarp sınır kapısında yine 3 saatlik kuyruk, Gürcistan tarafı iki gişe açmış.", false, "!topic:border"},
		{"snow on the road, tr", "tr", "Türkgözü sınır kapısına giden yol zincirsiz geçilmiyor, Gürcistan'a geçecekler dikkat.", false, "!topic:border"},
	})
}

// TestTheNaturalWeeks: from rt37 and rt38, the natural-mix sets. A
// country's domestic politics or foreign policy named as such, 1915 beside
// 24 April, "Russia is our ally", the
// extraterritorial corridor, the slang for the ruling party's supporters, a
// bishop detained. Another country's foreign policy, "my Georgian dream", a
// cat named Nikol in Armenian and "повестка" (an agenda, not a novella)
// are what they are.
func TestTheNaturalWeeks(t *testing.T) {
	runClassCases(t, []classCase{
		{"domestic politics, de", "de", "Kennt jemand gute Quellen zur georgischen Innenpolitik?", true, "topic:domestic and foreign policy"},
		{"1915 and 24 April, tr", "tr", "1915'i sadece 24 Nisan'da değil, her gün konuşabilmeliyiz.", true, "with:April 24/1915"},
		{"our ally, hy", "hy", "Ով ասում է՝ Ռուսաստանը մեր դաշնակիցն է, թող բացատրի 2023-ի սեպտեմբերը։", true, "place:Own relations"},
		{"the extraterritorial corridor, ru", "ru", "Тегеран снова против «экстерриториальных коридоров» и изменения границ.", true, "place:Zangezur"},
		{"kotsi, ka", "ka", "ქოცი: „ევროპა ლგბტ პროპაგანდაა“. შვილი კი ბერლინში სწავლობს.", true, "topic:kotsi"},
		{"a bishop detained, hy", "hy", "Ամեն առավոտ ստուգում եմ՝ էսօր էլ ո՞ր սրբազանին են բերման ենթարկել։", true, "place:Etchmiadzin"},
		{"an agenda, ru", "ru", "В Ереване прошла акция родственников пленных, которых держат в Баку; в правительстве ответили, что вопрос в повестке переговоров.", true, "!neg:Baku/Fiction and film"},
		// Near misses.
		{"a Turkish party's foreign policy, tr", "tr", "CHP'nin yeni dış politika raporunda Kafkasya'ya tek paragraf ayrılmış, gerisi AB ve göç.", false, "!topic:domestic and foreign policy"},
		{"my Georgian dream, en", "en", "My Georgian dream: a quiet balcony in Sololaki and a jar of churchkhela.", false, "!institution:Georgian Dream"},
		{"a cat named Nikol, hy", "hy", "Կատվիս անունը Նիկոլ ա, ուղղակի նման ա մի քիչ, ամբողջ օրը լայվ ա մտնում պատուհանից։", false, "!person:Nikol"},
	})
}
