package relevance

import "testing"

// TestRound16Politics: the classes of politics that the sixteenth round's
// blind sets (rt131-rt139) missed, read after their one measurement (issue
// 11, sixteenth round). Each case is a sentence of its own, not a set's
// text, and fails with the rules from before the round, except the four
// named "... is not it": guards against this round's own new rules (Moscow's
// 1993, Montenegro's 2028, Dayton, Transnistria), which pass with the rules
// before it too.
func TestRound16Politics(t *testing.T) {
	runClassCases(t, []classCase{
		// People named by what they are known for, not by name.
		{"the footballer president", "en", "the ex-footballer president signed the media law without reading it, as usual", true, "with:Footballer president/"},
		{"the Man City striker, de", "de", "Ein Präsident, der früher Stürmer bei Manchester City war, unterschreibt jetzt Gesetze gegen NGOs", true, "with:Footballer president/"},
		{"the footballer president, ko", "ko", "맨시티 출신 대통령이 또 야당을 비난했다", true, "with:Footballer president/"},
		{"the billionaire's glass palace", "en", "the oligarch in his glass palace decided, the cabinet just nodded", true, "with:Glass palace/"},
		{"the glass palace, ru", "ru", "миллиардер из стеклянного замка опять решил за всех, министры просто зачитали", true, "with:Glass palace/"},
		{"the honorary chairman and the oligarch", "fr", "L'oligarque n'est que « président d'honneur » du parti, paraît-il", true, "with:Honorary chairman/"},
		{"Bidzina in Greek, with his ministers", "el", "Ο Μπιντζίνα αποφασίζει και οι υπουργοί απλώς υπογράφουν", true, "with:Bidzina/"},
		{"Bidzina's puppets, ka", "ka", "ბიძინას თოჯინები ისევ ტელევიზორში ლაპარაკობენ", true, "with:Bidzina/"},
		{"Turkey's envoy, by his office", "tr", "Serdar Kılıç hâlâ özel temsilci mi, normalleşmeden hiç ses yok", true, "with:Serdar Kılıç/"},
		// Dates that name an event.
		{"19 September and the exodus", "en", "September 19 again: 100,000 people forced out and still no one answers for it", true, "with:19 September/"},
		{"19 September, hy", "hy", "Սեպտեմբերի 19-ից երկու տարի է անցել, չենք մոռանում", true, "with:19 September/"},
		{"28 November one year on, ka", "ka", "28 ნოემბრიდან ერთი წელი გავიდა და ქუჩა ისევ არ დაცლილა", true, "with:28 November/"},
		{"4 October in words, ka", "ka", "ოთხი ოქტომბრის შემდეგ დაკავებულები ისევ ციხეში არიან", true, "with:4 October/"},
		{"4 October's municipal elections", "de", "Die Kommunalwahlen vom 4. Oktober: Boykott der Opposition, Rekord für die Regierungspartei", true, "with:4 October/"},
		{"Moscow's 4 October 1993 is not it", "ru", "4 октября 1993 года: протест у Белого дома подавлен танками", false, "!with:4 October/"},
		{"until 2028", "en", "they froze the accession talks until 2028 and act surprised the streets are full", true, "with:Until 2028/"},
		{"Montenegro's 2028 is not it", "en", "Montenegro hopes to close accession talks before 2028, the EU enlargement commissioner says", false, "!with:Until 2028/"},
		{"Gavrilov's night", "ru", "20 июня, ночь Гаврилова: шесть лет, а виновных так и не наказали", true, "with:Gavrilov night/"},
		{"Aktau and the date", "az", "25 dekabr, Aktau. Bir il keçdi, hələ də üzr yoxdur", true, "with:Aktau/"},
		{"the genocide's bill", "tr", "Kongre'de yeni 1915 tasarısı hazırlanıyor, Ankara yine tepkili", true, "with:1915/"},
		{"a gathering on 24 April", "fr", "24 avril à Marseille, rassemblement devant le mémorial, beaucoup de jeunes", true, "with:April 24/"},
		{"Ankara's 'so-called genocide'", "tr", "Sözde soykırım iddiaları yine bir parlamentonun gündeminde", true, "event:Armenian genocide"},
		// The peace process and security, named by their episodes.
		{"the treaty initialled", "de", "Der Friedensvertrag ist paraphiert, aber nach einem Jahr immer noch nicht unterschrieben", true, "with:Initialled peace treaty/"},
		{"the treaty initialled, ru", "ru", "Договор парафирован ещё летом, а подписи всё нет", true, "with:Initialled peace treaty/"},
		{"Dayton is not it", "en", "The Bosnian peace agreement was initialled at Dayton in November 1995", false, "!with:Initialled peace treaty/"},
		{"a frozen CSTO membership", "en", "Yerevan keeps its CSTO membership frozen and skips another summit in Minsk", true, "with:CSTO frozen or left/"},
		{"a frozen CSTO membership, ru", "ru", "Участие в ОДКБ заморожено, но взносы, говорят, всё ещё платят", true, "with:CSTO frozen or left/"},
		{"the Russian peacekeepers' withdrawal", "en", "A year after the Russian peacekeepers withdrew, nobody in Moscow talks about guarantees anymore", true, "with:Russian peacekeepers/"},
		{"Transnistria's peacekeepers are not it", "en", "Russian peacekeepers withdrew from a checkpoint in Transnistria, Moldova says", false, "!with:Russian peacekeepers/"},
		{"Iran's drills on the Aras", "tr", "İran yine Aras boyunca tatbikat yapıyor, koridor meselesi yüzünden", true, "with:Along the Aras/"},
		{"907 by its number", "en", "the 907 waiver got renewed again, so much for repealing it", true, "with:907 by number/"},
		{"diplomatic passports suspended", "fr", "L'UE a suspendu l'exemption de visa pour les passeports diplomatiques des responsables du parti au pouvoir", true, "with:Diplomatic passports suspended/"},
		{"the monitors in Spanish", "es", "Los observadores de la UE siguen patrullando la frontera sur", true, "institution:EU monitoring mission"},
		{"Yerablur", "en", "Officials laid wreaths at Yerablur, the families stood apart", true, "place:Yerablur"},
		// Georgia's protests and its party, by their places and words.
		{"the night count on the avenue", "en", "Night 412 on the avenue, and the fines keep coming", true, "with:Protest day count/"},
		{"the day count, nl", "nl", "Dag 720 op Rustaveli, nog steeds vlaggen en fluitjes", true, "with:Protest day count/"},
		{"Rustaveli tonight again, ja", "ja", "今夜もルスタヴェリ通りに人が集まっている", true, "with:Rustaveli/"},
		{"Rustaveli, people gathered, ko", "ko", "루스타벨리 거리에 오늘 밤도 시민들이 모였다", true, "with:Rustaveli/"},
		{"fines in lari, plural", "fr", "3000 laris d'amende pour une banderole, c'est le tarif maintenant", true, "with:Lari fines/"},
		{"the ruling party's sanctioned officials", "en", "Washington sanctioned more GD officials today", true, "with:GD/"},
		{"the ruling party's media law, de", "de", "GD peitscht noch schnell ein neues Mediengesetz durch", true, "with:GD/"},
		{"the ruling party wins, ru", "ru", "«Мечта» снова выиграла выборы, явка тридцать процентов", true, "with:Dream in Russian/"},
		{"Sukhumi, zh", "zh", "苏呼米再次停电,莫斯科的援助迟迟不到", true, "place:Sukhumi"},
		{"Sukhumi in German spelling", "de", "In Suchum protestieren sie wieder gegen Moskaus Immobiliengesetz", true, "place:Sukhumi"},
		{"borderisation, de", "de", "Die Borderisierung an der Verwaltungsgrenze geht weiter, wieder ein Dorf geteilt", true, "place:South Ossetia"},
		{"free Mzia, ru", "ru", "Свободу Мзие!", true, "person:Amaglobeli"},
		// Armenian and Georgian in Latin letters.
		{"the archbishop, hy Latin", "hy", "Bagrat srbazann el arden tari a nstac a", true, "person:Galstanyan"},
		{"the crossing opening, hy Latin", "hy", "Margaran bacvuma te che? amen or nor ban en asum", true, "with:Margara/"},
		{"the foreign agents law, ka Latin", "ka", "ucxo agentebze kanoni isev gaamkacres", true, "topic:civil society"},
		{"the mine problem, tr", "tr", "Ağdam'a dönüşler başladı ama mayın sorunu hâlâ büyük", true, "topic:landmines"},
		{"French howitzers", "az", "Fransa Ermənistana yeni CAESAR topları göndərir", true, "topic:armaments"},
	})
}

// TestRound16NotPolitics: the near misses of the same sets (issue 11,
// sixteenth round).
func TestRound16NotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"a tourism board's figures", "en", "Armenia welcomed 2.3 million international visitor trips last year; top source markets were Russia, Georgia and Iran", false, ""},
		{"Turkey's neighbours in a quiz, el", "el", "Ποιες χώρες συνορεύουν με την Τουρκία; Ελλάδα, Βουλγαρία, Γεωργία, Αρμενία, Ιράν, Ιράκ, Συρία", false, ""},
		{"a list opened by 'countries including'", "en", "New visa rules for some thirty countries including Lebanon, Azerbaijan, Mali and Peru", false, ""},
		{"a jazz pianist's tour, hy", "hy", "Երևանցի դաշնակահարը նոր ալբոմով համերգային շրջագայություն է սկսում, համերգը՝ դեկտեմբերին", false, ""},
		{"a chess tournament in Shusha", "en", "Shusha will host the chess Grand Prix next spring, the federation says", false, "!place:Shusha"},
		{"the club in Dutch", "nl", "Qarabağ wint weer in Europa, de club uit Bakoe blijft verrassen", false, ""},
		{"a festival's foundation, az", "az", "Muğam festivalının qaliblərini Heydər Əliyev Fondunun nümayəndələri təltif edib", false, "!person:Aliyev"},
		{"a grandmother's photo, ru", "ru", "Нашла фото бабушки из Шуши, пятидесятые, белый фартук", false, ""},
		{"Weah, the footballer president of Liberia", "en", "George Weah, the former footballer president of Liberia, visited the academy", false, "!with:Footballer president/"},
		{"the Treaty of Lisbon initialled", "en", "The Treaty of Lisbon was initialled by the heads of government in 2007", false, ""},
	})
}

// TestRound16LastSetsRead: what rt140-rt142, written blind after the round's
// first four passes and measured once, showed once read (issue 11,
// sixteenth round).
func TestRound16LastSetsRead(t *testing.T) {
	runClassCases(t, []classCase{
		{"Bidzina and a law after his silence", "ru", "Бидзина снова молчит, значит скоро очередной закон", true, "with:Bidzina/"},
		{"Bidzina in his glass castle, nl", "nl", "Bidzina kijkt vanuit zijn glazen kasteel hoe alles afbrokkelt", true, "with:Bidzina/Glass palace"},
		{"the glass palace and the oligarchy, el", "el", "Όλα αποφασίζονται στο γυάλινο παλάτι, ολιγαρχία σε καθαρή μορφή", true, "with:Glass palace/"},
		{"Mzia in a cell", "en", "Mzia is spending her second winter in a cell for a slap", true, "with:Mzia/"},
		{"Ruben tried in Baku, hy", "hy", "Ռուբենին Բաքվում նորից դատարան տարան", true, "with:Ruben in Baku/"},
		{"Salome the legitimate president", "es", "Salomé insiste en que sigue siendo la presidenta legítima", true, "with:Salome the legitimate president/"},
		{"Salome, zh", "zh", "Salome 说现在的总统不合法", true, "with:Salome the legitimate president/"},
		{"the party's functionaries, de", "de", "Einreiseverbote für GD-Funktionäre, fordern die Grünen", true, "with:GD/"},
		{"24 April in Greek", "el", "24 Απριλίου, γενοκτονία των Αρμενίων: ούτε ξεχνάμε ούτε σωπαίνουμε", true, "with:April 24/"},
		{"recognition in Dutch's past tense", "nl", "Het parlement erkende de Armeense genocide al jaren geleden", true, "topic:recognition"},
		{"the commemoration in Arabic", "ar", "أرمن لبنان يحيون ذكرى الإبادة ويطالبون بالاعتراف", true, "event:Armenian genocide"},
		{"the people of Artsakh and the Minsk Group, el", "el", "Οι Αρτσαχιώτες ξεχάστηκαν από την Ομάδα Μινσκ", true, "place:Artsakh"},
		{"Vardanyan in Dutch spelling, on hunger strike", "nl", "Vardanjan is opnieuw in hongerstaking, melden zijn advocaten", true, "with:Surnames of the detained/"},
		{"the Trump route in Hebrew", "he", "איראן נגד מסלול טראמפ בגבול הצפוני", true, "institution:TRIPP"},
		// Not politics.
		{"an Armenian film in a cinema", "hy", "Նոր հայկական ֆիլմը «Մոսկվա» կինոթատրոնում էր, վերջաբանը թույլ էր", false, ""},
		{"a friendly match, fa", "fa", "بازی دوستانه ایران و ارمنستان در ایروان، بلیت دارید؟", false, ""},
		{"Armenian Christmas pudding", "en", "Armenian Christmas means anoushabour at grandma's, constitutionally required", false, ""},
	})
}

// TestRound16FourthWave: what rt143-rt146, written blind after da14da7 and
// measured once, showed once read (issue 11, sixteenth round).
func TestRound16FourthWave(t *testing.T) {
	runClassCases(t, []classCase{
		{"the crossing in Azerbaijani spelling", "az", "Marqara keçidi açılsa, Türkiyə ilə Ermənistan arasında ticarət başlayacaq", true, "place:Margara"},
		{"Lavrov's 'neighbourhood' is no city guide", "en", "Lavrov says the South Caucasus is Russia's neighbourhood and the West should stay out", true, "place:South Caucasus"},
		{"Vardanyan declined in Azerbaijani", "az", "Vardanyanın məhkəməsində yeni iclas təyin olunub", true, "with:Surnames of the detained/"},
		{"initialled since August 2025", "fr", "Le texte est paraphé depuis août 2025 et toujours pas signé", true, "with:Initialled peace treaty/"},
		{"initialled in Washington, el", "el", "Μονογραφήθηκε στην Ουάσινγκτον, αλλά υπογραφή ακόμα δεν υπάρχει", true, "with:Initialled peace treaty/"},
		{"the treaty waiting on the constitution", "ru", "Мирный договор не подпишут, пока не поменяют конституцию", true, "with:Treaty and constitution/"},
		{"a country's new constitution is not it", "en", "The peace accord of 2006 ended the war and a Constituent Assembly was elected to change the constitution of Nepal", false, ""},
		{"Japan's constitution is not it", "en", "Japan will not change the constitution before a peace treaty with Russia, the minister said", false, "!with:Treaty and constitution/"},
		{"an extradition of activists", "de", "Auslieferung georgischer Aktivisten aus Deutschland? Berlin prüft noch", true, "topic:repression"},
		{"the visa dialogue in Armenian", "hy", "ԵՄ-ի հետ վիզաների ազատականացման երկխոսությունը շարունակվում է", true, "topic:EU path"},
		{"troops on the Aras, de", "de", "Iran zieht Truppen an den Aras zusammen", true, "with:Along the Aras/"},
		{"Mzia's release", "ru", "Мзию должны выпустить в январе, если снова не придумают новое дело", true, "with:Mzia/"},
		{"20 January and 1990", "fr", "20 janvier 1990 : Bakou se souvient, et demande des comptes à Moscou", true, "with:20 January/"},
		{"the metro station named after the day is not it", "az", "20 Yanvar metrosunda yenə tıxac, Bakıda axşam gediləsi yer deyil", false, "!with:20 January/"},
		{"the Yekaterinburg case", "en", "The Yekaterinburg case: two Azerbaijani brothers died in police custody, Baku wants a trial", true, "with:Yekaterinburg case/"},
		{"Yekaterinburg alone is not it", "ru", "В Екатеринбурге открылся новый торговый центр", false, ""},
		{"the ruling party's Russian acronym and Tbilisi", "ru", "ГМ празднует, а в Тбилиси опять вышли на проспект", true, "with:GD/"},
		{"Pashinyan by his patronymic", "ru", "Воваевич снова выступил в прямом эфире", true, "person:Pashinyan"},
		{"Samvel's detention extended", "hy", "Սամվելի կալանքը նորից երկարաձգեցին", true, "with:Samvel detained/"},
		{"an accountant called Samvel is not it", "en", "Samvel from accounting extended his vacation again", false, ""},
		{"independent channels closing, ka", "ka", "ფორმულა და მთავარი: დამოუკიდებელი არხები ერთმანეთის მიყოლებით იხურება", true, "with:Georgian TV channels/"},
		{"borderisation, ru", "ru", "Под Гори снова бордеризация: забор передвинули на сто метров", true, "place:South Ossetia"},
		{"the Ani bridge", "tr", "Ani köprüsünün ortak restorasyonu normalleşmenin ilk somut adımı", true, "event:Ani bridge"},
		{"Black January, zh", "zh", "黑色一月纪念日，巴库对莫斯科的语气越来越硬", true, "event:Black January"},
		{"Nikol live, el", "el", "Ο Νίκολ πάλι live για τρεις ώρες", true, "with:Nikol/"},
		{"Gyumri and the base, el", "el", "Γκιουμρί: η ρωσική βάση μένει", true, "with:Gyumri/"},
		{"a train to Nakhchivan, ja", "ja", "ナヒチェバンへの鉄道、いつ開通するのか", true, "with:Nakhchivan/"},
		{"Nagorno-Karabakh in one Korean word", "ko", "나고르노카라바흐 난민들은 아직 돌아가지 못했다", true, "place:Karabakh"},
		{"the glass castle and the billionaire, zh", "zh", "那位亿万富翁坐在他的玻璃城堡里决定一切", true, "with:Glass palace/"},
		// Not politics.
		{"a traveller back from Yerevan", "en", "Just got back from Yerevan, the food was amazing and everyone so kind 🇦🇲", false, ""},
		{"the club's nickname, az", "az", "Qarabağ bu axşam Avropada! Ağdamın atlıları, irəli!", false, ""},
		{"a dog called Pasha, tr", "tr", "Köpeğimin adı Paşa, herkes Paşinyan mı diye soruyor", false, "!person:Pashinyan"},
		{"football in Arabic", "ar", "قره باغ الأذربيجاني فاز الليلة، كرة قدم جميلة", false, ""},
	})
}

// TestRound16DatesWithYears: a year right after a date that names an event
// read as a list's figure and cancelled the date; the date with its event's
// year is a form of its own (issue 11, sixteenth round).
func TestRound16DatesWithYears(t *testing.T) {
	runClassCases(t, []classCase{
		{"28 November 2024", "en", "On 28 November 2024 the government suspended the EU talks and the protests began", true, "with:28 November/"},
		{"20 January 1990", "ru", "20 января 1990 года в Баку вошли войска, мы помним", true, "with:20 January/"},
		{"4 October 2025", "ru", "4 октября 2025 года: после этого арестовали всех, кто был на улице", true, "with:4 October/"},
		// History stays history: the year of 1915 after 24 April is still
		// a figure there, as the labelled sets want it.
		{"24 April 1915 as history", "fr", "Le 24 avril 1915, des centaines d'intellectuels furent arrêtés à Constantinople", false, ""},
	})
}

// TestRound16FifthWave: what rt147-rt151, written blind after 74c9075 and
// measured once, showed once read (issue 11, sixteenth round). A church's
// livestream, a hundred a week and a street named Shusha guard against this
// pass's own rules.
func TestRound16FifthWave(t *testing.T) {
	runClassCases(t, []classCase{
		{"Sumgait and its year", "he", "סומגאית 1988: פוגרום שבבאקו עדיין מכחישים", true, "with:Sumgait/"},
		{"Sumgait and its date", "en", "Feb 27, Sumgait. Still no apology", true, "with:Sumgait/"},
		{"the Karabakh movement's day", "hy", "Փետրվարի 20, 1988։ Շարժումը սկսվեց", true, "with:20 February 1988/"},
		{"the Soviet invasion of 1921", "fr", "25 février : l'invasion soviétique de 1921, qui résonne encore aujourd'hui", true, "with:25 February 1921/"},
		{"the PM live against the bishops", "nl", "Weer een Facebook-live om twee uur 's nachts tegen de aartsbisschoppen", true, "with:PM's livestream/"},
		{"a church's own livestream is not it", "en", "Our parish is live on Facebook for the Christmas service at 10", false, ""},
		// "pm" in lower case is a time, not the prime minister (the
		// round's review).
		{"a livestream at 2 pm is not it", "en", "Facebook live at 2 pm today: our bakery shows the new croissants", false, "!with:PM's livestream/"},
		{"Misha's health", "en", "Misha's health is deteriorating in prison again", true, "with:Misha/"},
		{"the exodus in a week", "de", "Über hunderttausend Menschen mussten in einer Woche ihre Heimat verlassen", true, "with:Exodus in a week/"},
		{"a hundred in a week is not it", "en", "Houses rise 1,100 a week in the capital", false, ""},
		{"Vardanyan's hunger strike, ru", "ru", "Варданян снова голодает, адвокаты молчат", true, "with:Surnames of the detained/"},
		{"initialled, tr", "tr", "Barış anlaşması paraf edildi ama imza hâlâ yok", true, "with:Initialled peace treaty/"},
		{"the genocide's bill", "tr", "Yine bir meclis Ermeni soykırımı tasarısı getirmiş", true, "with:Armenian genocide/"},
		{"the Trump bridge", "fr", "Un « pont Trump » au-dessus de l'Araxe, sérieusement ?", true, "institution:TRIPP"},
		{"Khojaly in Japanese", "ja", "ホジャリの追悼式典が今年も行われた", true, "place:Khojaly"},
		{"Abzas in Korean", "ko", "압자스 미디어 기자들 중형 확정", true, "institution:Jailed outlets"},
		{"howitzers in Dutch", "nl", "Armenië koopt Franse houwitsers en Indiase raketsystemen", true, "topic:armaments"},
		{"Kapan and the corridor", "fr", "« Corridor » n'est pas un mot neutre à Kapan ou à Goris", true, "with:Armenian regions/"},
		// Not politics.
		{"an airline's new destinations, he", "he", "יעדים חדשים של ישראייר לקיץ: טביליסי, בטומי, באקו, ירוואן וקרקוב", false, ""},
		{"an airport's new destinations, nl", "nl", "Nieuwe bestemmingen vanaf Schiphol: Bakoe, Jerevan, Almaty, Tasjkent en Samarkand", false, ""},
		{"the club in Russian quotes", "ru", "«Карабах» опять делает то, что не может ни один российский клуб — играет в Лиге чемпионов. Футбол, как он есть", false, "!place:Karabakh"},
		{"a nightclub fight in Batumi", "ru", "В Батуми задержали двух туристов из России после драки в ночном клубе", false, ""},
		{"a folk song, tr", "tr", "Azeri türküleri çok içli, Sarı gelin her dinlediğimde ağlıyorum, Ermeniler de sahipleniyor", false, ""},
		{"a block of flats' election, ka", "ka", "ჩვენი ამხანაგობის თავმჯდომარის არჩევნები ჩატარდა, ლიფტის ფულს ახლა მე ვაგროვებ", false, ""},
		{"energy partners in a list, de", "de", "Energiepartner wie Norwegen, Katar, Aserbaidschan, sagte der Parteitag", false, ""},
		{"a street named Shusha", "az", "Bizim küçənin adı Şuşa küçəsidir, kuryer hər dəfə çaşır", false, ""},
	})
}

// TestRound16SeventhWave: what rt156-rt159, written blind after d466b09 and
// measured once, showed once read (issue 11, sixteenth round). The metro's
// escalator and the initialed miscellany guard against two rules of this
// pass that were tried and taken back ("again" beside Rustaveli, "not
// signed" beside initialled).
func TestRound16SeventhWave(t *testing.T) {
	runClassCases(t, []classCase{
		{"24 April, the march to the consulate", "fr", "24 avril à Lyon : cortège jusqu'au consulat de Turquie, comme chaque année", true, "with:April 24/"},
		{"24 April, carnations at Agos", "tr", "24 Nisan'da yine Agos'un önüne karanfil bırakacağız", true, "with:April 24/"},
		{"24 April, the memorial, a figure after it", "hy", "Ապրիլի 24։ Ծիծեռնակաբերդ։ 112 տարի։", true, "with:April 24/"},
		{"2 April 2016", "hy", "Ապրիլի 2, 2016։ Թալիշ։ Հիշում ենք", true, "with:2 April 2016/"},
		{"the four-day war's adjective and its date, ru", "ru", "Второе апреля: четырехдневная, девять лет, а вопросы остались", true, "with:2 April 2016/"},
		{"9 April remembered", "ru", "9 апреля. Помним", true, "with:9 April 1989/"},
		{"another night with the EU's flags", "fr", "Encore une nuit, encore les drapeaux européens devant le Parlement", true, "with:Another night/"},
		{"the 102nd base, instrumental", "ru", "Что будет со 102-й базой, никто не говорит", true, "event:Russian base in Gyumri"},
		{"Nikol on his bicycle", "en", "Nikol on a bicycle again, cameras rolling", true, "with:Nikol/"},
		{"Ilham on French colonialism", "fr", "Ilham dénonce encore le colonialisme français en Nouvelle-Calédonie", true, "with:Ilham on colonialism/"},
		{"Misha's court by video", "ru", "Мишу снова не подключили по видео, суд «не смог»", true, "with:Misha/"},
		{"Salome will not leave the palace", "en", "Salome still refuses to leave the palace, and half the street agrees with her", true, "with:Salome the legitimate president/"},
		{"recognition in Spanish", "es", "¿Cuándo reconoce el genocidio armenio el Congreso de los Diputados?", true, "topic:recognition"},
		{"Vardanyan and the Red Cross", "en", "Has the Red Cross seen Vardanyan this year at all?", true, "with:Surnames of the detained/"},
		// Not politics.
		{"a friend called Nikol, tr", "tr", "Nikol diye bir arkadaşım var, herkes Paşinyan mı diye soruyor", false, ""},
		{"khachapuri against lahmajo, hy", "hy", "Վրացի ընկերս ասում է՝ մեր խաչապուրին ձեր լահմաջոյից լավն է։ Պատերազմ", false, ""},
		{"the Rustaveli metro's escalator again, ka", "ka", "რუსთაველის მეტროს ესკალატორი ისევ გაჩერებულია", false, ""},
		{"initialed miscellany", "en", "a weekly filled with unsigned fiction and initialed miscellany", false, ""},
	})
}
