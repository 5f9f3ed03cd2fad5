package relevance

import "testing"

// TestRound15Politics: the classes of politics that the sets measured in
// the fourteenth round missed, read after that measurement (issue 11,
// fifteenth round). Each case fails with the rules before it.
func TestRound15Politics(t *testing.T) {
	runClassCases(t, []classCase{
		{"the ruling party's acronym and its amendment", "en", "GD rammed through another amendment to the broadcasting law overnight, no debate at all", true, "with:GD/amendment"},
		{"the ruling party's acronym and its TV", "en", "Imedi spent the whole evening on how the opposition hates the church. GD's voters lap it up", true, "with:GD/Georgian TV channels"},
		{"the jailed journalist in Latin letters, declined", "ka", "mzia amaglobelma sasamartlos darbazshi kvlav ganacxada rom ar aghiarebs brals", true, "person:Amaglobeli"},
		{"the Speaker, in Armenian", "hy", "Ալեն Սիմոնյանը նորից հայհոյեց լրագրողին խորհրդարանի միջանցքում", true, "person:Alen Simonyan"},
		{"Georgia in Armenian Latin letters", "hy", "Vrastanum eli bolorin brnum en, isk mer ishxanutyunnery lrum en", true, "place:Sakartvelo"},
		{"Armenia and Azerbaijan in Chinese news's short form", "zh", "亚阿两国外长将在日内瓦继续划界谈判", true, "place:The region's pairs in Chinese"},
		{"the Catholicos, ja", "ja", "アルメニア首相がカトリコスの退任を要求、政府と教会の対立が激化", true, "place:Etchmiadzin"},
		{"the Catholicos, ko", "ko", "아르메니아 총리, 카톨리코스 사임 요구하며 교회와 정면 충돌", true, "place:Etchmiadzin"},
		{"Pashinyan's nickname, zh", "zh", "帕总今天又在直播里骂反对派,说他们是外国代理人", true, "person:Pashinyan"},
		{"Aliyev's first name, ja", "ja", "イルハム氏が和平交渉で隣国に憲法改正を要求", true, "person:Aliyev"},
		{"Zurabishvili, he", "he", "זורבישווילי קוראת לבחירות חדשות בפיקוח בינלאומי", true, "person:Zourabichvili"},
		{"water cannon on Rustaveli, ko", "ko", "조지아 루스타벨리 거리에 오늘도 물대포가 등장했다", true, "topic:protest"},
		{"a delegation received, ar", "ar", "الرئيس السوري يستقبل وفدا أذربيجانيا في دمشق لبحث التعاون في الطاقة", true, "place:Azerbaijan"},
		{"the graveyard of mercenaries, fa", "fa", "مشاور رهبری باز گفت این گذرگاه «گورستان مزدوران» خواهد شد", true, "institution:TRIPP"},
		// Russian «Мечта», the ruling party, next to its law or its leader.
		{"the ruling party in Russian", "ru", "«Мечта» протащила закон об иноагентах в третьем чтении за один вечер", true, "with:Dream in Russian/"},
		{"the PM's residence by its address", "hy", "Baghramyan 26-i mot norits nstatsuyts en anum, vostikanutyuny shrjapatel e", true, "place:Yerevan"},
		{"Bidzina declined in Latin letters", "ka", "qveyana bidzinasi ar aris, ramdenic unda dagvajarimon mainc gamovalt", true, "person:Bidzina"},
		{"gas prices hiked, not a hike", "en", "Moscow hiking gas prices for Armenia again, right as Yerevan talks of leaving the CSTO", true, "place:Armenia"},
		// The constitution is no recipe: σύνταγμα starts like συνταγή.
		{"the constitution, el", "el", "Το Μπακού ζητά αλλαγή του αρμενικού συντάγματος πριν από την υπογραφή της συνθήκης ειρήνης", true, "topic:peace deal"},
		// "Close" is no relative: Hebrew קרובים.
		{"close allies, he", "he", "ארמניה וצרפת קרובים מתמיד: הסכם הגנה חדש נחתם בירוואן", true, "place:Armenia"},
	})
}

// TestRound15NotPolitics: the near misses of the same sets (issue 11,
// fifteenth round).
func TestRound15NotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"a job advertisement", "en", "We are hiring: two backend engineers for our Yerevan office, Armenian and Russian a plus", false, ""},
		{"a job advertisement, de", "de", "Wir suchen Remote-Entwickler*innen aus Tiflis oder Jerewan, Verträge über Deel", false, ""},
		{"a flat for sale, ka", "ka", "ბათუმში იყიდება ბინა ზღვის ხედით, მესაკუთრისგან, შუამავლების გარეშე", false, ""},
		{"an ancestry test", "en", "My DNA test came back 40% Armenian and 25% Georgian, the rest Anatolian. Mum is furious", false, ""},
		{"a folk song's origin, tr", "tr", "Sarı Gelin Ermeni şarkısı mı Azerbaycan türküsü mü, her yorumu dinledim ama karar veremedim", false, ""},
		{"a mountain on the border, az", "az", "Şahdağ Böyük Qafqazda, Rusiya ilə sərhədə yaxın, dəniz səviyyəsindən 4243 metr hündürlükdə zirvədir", false, ""},
		{"a national park", "es", "El parque nacional de Borjomi en Georgia, famoso por sus aguas minerales, recibe ayuda de la UE", false, ""},
		{"the exclave's entry, de", "de", "Nachitschewan ist vom Kernland Aserbaidschans durch Armenien getrennt; die gleichnamige Hauptstadt liegt am Araks", false, ""},
		{"Qarabağ FK, nl", "nl", "Qarabağ is een sterke ploeg, met een vol stadion in Bakoe krijg je het moeilijk", false, ""},
		{"Qarabağ FK, el", "el", "Η Καραμπάχ παίζει ωραία μπάλα, ο ΠΑΟΚ θα δυσκολευτεί στην Τούμπα", false, ""},
		{"judo, ja", "ja", "柔道の国際大会、ジョージアとアゼルバイジャンの選手が強い", false, ""},
		{"a wrestling cup, fa", "fa", "جام تختی: کشتی‌گیران ایران، گرجستان و آذربایجان در فینال", false, ""},
		{"the Karabakh horse, he", "he", "סוס קרבאך הוא גזע עתיק בצבע זהוב", false, "!place:Karabakh"},
		{"an exchange-rate bot, zh", "zh", "今日汇率:1 阿塞拜疆马纳特 = 4.2 人民币,1 亚美尼亚德拉姆 = 0.019 人民币", false, ""},
		{"a package tour, ko", "ko", "[특가] 코카서스 3국 조지아 아르메니아 아제르바이잔 완전일주 선착순 모집", false, ""},
		{"a dream of one's own, ru", "ru", "Моя мечта — закон о бесплатных парковках в Тбилиси", false, "!with:Dream in Russian/"},
		{"natives of Transcaucasia in crime news", "ru", "В Подмосковье задержали двух уроженцев Закавказья по делу о краже кабеля", false, ""},
		{"a Moscow street", "ru", "Улица Ереванская — лучшая шаурма в районе, армян за прилавком нет", false, ""},
		{"a footballer", "ar", "كفاراتسخيليا يسجل من جديد، الجورجي أفضل جناح في أوروبا", false, ""},
		{"the national team, hy", "hy", "Հավաքականը էլի պարտվեց, ընտրականում 3 խաղից 0 միավոր", false, ""},
		{"Karabakh's bread, hy", "hy", "Ժենգյալով հացը Ստեփանակերտի պես ոչ մի տեղ չեն թխում", false, ""},
		{"a Soviet comedy, zh", "zh", "重看电影《米米诺》,格鲁吉亚飞行员和亚美尼亚司机在莫斯科,喜剧天花板", false, ""},
		{"Noah's ark, zh", "zh", "传说诺亚方舟停在阿拉拉特山,这座山现在在土耳其境内,亚美尼亚人隔着边境看", false, ""},
		{"a lecture on the Safavids, ar", "ar", "محاضرة عن الصراع الصفوي العثماني على القوقاز في القرن السادس عشر وكيف تبادلت يريفان الأيدي", false, ""},
		{"the Heydar Aliyev Center, ja", "ja", "バクーのヘイダル・アリエフ・センター、ザハ・ハディドの建築は本当に美しい", false, "!person:Aliyev"},
		{"a Meskhetian wedding, tr", "tr", "Ahıska Türkü arkadaşımın düğünü: Gürcüce şarkılar, sabaha kadar halay", false, ""},
		// A dictionary's gloss of a title, a dictionary's headword (issue 11,
		// fifteenth round: the retrained model lifted the like).
		{"the gloss of a title", "en", "Catholicos: the ecclesiastical title of the heads of the Armenian and Georgian churches", false, "neg:Armenia/Gloss"},
		{"a dictionary's headword", "en", "Yerevan \\Yerevan\\ prop. n. (Geography) The capital city of Armenia.", false, "neg:Armenia/Gloss"},
		{"looking for relatives, he", "he", "מחפש קרובים ממשפחת בגרטיוני מטביליסי", false, ""},
	})
}

// TestRound15SetsReadAfterTheirMeasurement: what the sets written blind
// in the fifteenth round (rt120-rt124) showed, read after their one
// measurement (issue 11, fifteenth round).
func TestRound15SetsReadAfterTheirMeasurement(t *testing.T) {
	runClassCases(t, []classCase{
		{"a Korean particle on an acronym", "ko", "EU가 조지아 공무원 무비자 중단, 트빌리시 분위기 흉흉", true, "actor:EU"},
		{"the Dream party, zh", "zh", "梦想党又通过了一部限制媒体的法律", true, "institution:Georgian Dream"},
		{"the CIS summit, zh", "zh", "埃里温又缺席独联体峰会", true, "topic:regional blocs"},
		{"Georgia's election commission, zh-Hant", "zh", "喬治亞中選會主席在選舉之夜被反對派委員潑黑漆", true, "with:Georgia/中選會"},
		{"Georgia's embassy in Seoul, ko", "ko", "주한 조지아 대사관 앞에서 연대 집회가 열렸다", true, "with:Georgia/"},
		{"Etchmiadzin after a verdict, ko", "ko", "오늘 예레반 분위기, 대주교 선고 이후 에치미아진 앞에 사람들이 모였다", true, "place:Etchmiadzin"},
		{"a mine near Aghdam, ko", "ko", "아그담 근처에서 또 지뢰 사고로 민간인 사망", true, "place:Karabakh districts"},
		{"the protest's day count, zh", "zh", "魯斯塔維利,第 730 天。", true, "with:Protest day count/"},
		{"the genocide's day, ko", "ko", "4월 24일, 총리 연설은 제노사이드라는 단어를 피했다", true, "with:April 24/"},
		{"a fine in lari", "en", "They fined him 2,000 lari for standing in the road with a flag.", true, "with:Lari fines/"},
		{"the Abraham Accords", "he", "אם אזרבייג'ן מצטרפת להסכמי אברהם, מה היא מקבלת?", true, "topic:Abraham Accords"},
		{"the president as 'teacher', az", "az", "İlham müəllim yenə Avropaya demokratiya dərsi keçib", true, "person:Azerbaijani officials by nickname"},
		{"a march in Tbilisi, es", "es", "En Tiflis ahora te pueden detener por taparte la cara en una marcha", true, "topic:repression"},
		{"an ally, nl", "nl", "Waarom is Armenië zo boos op Rusland? Dat waren toch bondgenoten?", true, "topic:relations"},
		{"southern Armenia's road, zh", "zh", "伊朗担心亚美尼亚南部那段路由美国公司运营", true, "place:Syunik"},
		{"the PM's livestream", "fr", "Nikol en live pendant trois heures pour expliquer les tampons du passeport", true, "with:Nikol/"},
		{"defence cooperation, el", "el", "Πρόγραμμα αμυντικής συνεργασίας Ελλάδας–Αρμενίας για το 2027", true, "topic:defence"},
		{"a border village", "en", "they're moving the checkpoint near Tegh again, nobody from the government came", true, "place:Armenian regions"},
		{"border pillars, ru", "ru", "У Киранца опять ставят столбы, жители не знают, где их дорога", true, "topic:border"},
		{"protests in Armenian Latin letters", "hy", "Vrastani boxoqneri het hamerashxutyun, Tbilisium hayer el en durs galis", true, "topic:protest"},
		{"a hunger strike in Baku's prison, ko", "ko", "바쿠 감옥에서 또 단식 투쟁, 기자 출신 수감자", true, "topic:repression"},
		{"Georgia and a neighbour, zh-Hant", "zh", "格亞兩國邊境委員會又開會了", true, "place:The region's pairs in Chinese"},
		// Politics a fix of this round must not take out: Spanish restos
		// (remains) read as a restaurant was one.
		{"the remains exchanged are no restaurant, es", "es", "Armenia y Azerbaiyán intercambiaron otra ronda de restos de desaparecidos", true, "place:Armenia"},
		// Not politics.
		{"a fare in lari", "en", "Tbilisi metro fare is 1 lari now, fine by me", false, "!with:Lari fines/"},
		{"a synagogue is no parliament, he", "he", "בית הכנסת בקובה שבאזרבייג'ן מהמם, שווה ביקור", false, "!topic:parliament"},
		{"the club's full name, he", "he", "קרבאח אגדם שוב מפתיעים באירופה, קבוצה מאזרבייג'ן", false, "!place:Karabakh"},
		{"a carpet auction, zh", "zh", "一块卡拉巴赫纹样的老地毯在拍卖会上拍了八十万", false, "!place:Karabakh"},
		{"a pet named after the PM, ko", "ko", "강아지 이름 파시냔으로 하자고 했다가 가족 투표에서 짐", false, "!person:Pashinyan"},
		{"a job posting, nl", "nl", "Vacature: projectmanager voor ons kantoor in Tbilisi, Georgië. EU-ervaring vereist", false, ""},
		{"a road trip's insurance, fa", "fa", "از مرز نوردوز با ماشین شخصی میشه رفت ارمنستان؟ بیمه چی میخواد؟", false, ""},
		{"an uncle's shop, fa", "fa", "دایی‌م تو ایروان مغازه لوازم خانگی زده، نصف مشتری‌هاش ایرانین", false, ""},
	})
}

// TestRound15FinalSetsRead: what the last sets written blind this round
// (rt125-rt127) showed, read after their one measurement (issue 11,
// fifteenth round).
func TestRound15FinalSetsRead(t *testing.T) {
	runClassCases(t, []classCase{
		{"the jailed journalist and the Sakharov Prize", "nl", "Mzia zit er nu bijna twee jaar. Sacharovprijs of niet.", true, "with:Mzia/"},
		{"the jailed journalist's lawyer", "en", "any news on Mzia? her lawyer says the prison keeps postponing the eye exam", true, "with:Mzia/"},
		{"Ivanishvili, he", "he", "איבנישווילי שוב נאם נגד מפלגת המלחמה העולמית", true, "person:Ivanishvili"},
		{"the avenue on the date", "ru", "Руставели, 28 ноября. Ровно два года, полиция у парламента в три ряда", true, "with:28 November/"},
		{"the avenue in Armenian Latin letters", "hy", "aysor jamy 7-in Baghramyani vra akcia ka, bolorov ekeq", true, "place:Yerevan"},
		{"Abkhazia in Georgian Latin letters", "ka", "apkhazetshi martla agar aZleven pensias rusuli pasportis gareshe?", true, "place:Abkhazia"},
		{"Syunik in Turkish", "tr", "Fidan Tahran'da: İran, Sünik'ten geçecek yolun Amerikan kontrolünde olmasından rahatsız", true, "place:Syunik"},
		// Not politics.
		{"a horse show, fa", "fa", "نمایشگاه اسب اصیل قره‌باغی در اردبیل برگزار شد", false, "!place:Karabakh"},
		{"the club, ja", "ja", "カラバフ(アゼルバイジャンのクラブ)、欧州カップ戦でまた勝ってる", false, "!place:Karabakh"},
		{"the longevity village, zh", "zh", "阿布哈兹长寿村那些一百多岁的老人,多半是出生登记混乱造成的", false, "!place:Abkhazia"},
		{"a cheap trip, es", "es", "En Tiflis comí por 8 € al día. Georgia es el destino barato de Europa", false, ""},
		// Politics a fix of this round must not take out: direct flights
		// read as travel were one.
		{"direct flights with Moscow stay politics, es", "es", "Georgia amplía los vuelos directos con Moscú y firma acuerdos con Rusia; la oposición habla de deriva prorrusa", true, "with:Georgia/"},
	})
}

// TestRound15LastSetsRead: what rt128-rt130, written blind after the round's
// last rule change, showed once read (issue 11, fifteenth round).
func TestRound15LastSetsRead(t *testing.T) {
	runClassCases(t, []classCase{
		{"a detained man by surname, in Baku", "en", "is Vardanyan still in Baku? nothing since the appeal", true, "with:Surnames of the detained/"},
		{"a detained man's movement by surname", "ru", "Карапетян из-под ареста рулит своим движением лучше депутатов", true, "with:Surnames of the detained/"},
		{"the foreign minister in German spelling", "de", "Wadephul trifft Bayramow. Gas rein, Menschenrechte raus", true, "person:Bayramov"},
		{"the ruling party, az", "az", "Marneulidə yenə hakim partiya qazandı, oradakı azərbaycanlılara kim seçim təklif edir?", true, "topic:government"},
		{"a march in Batumi, ka", "ka", "დღეს ბათუმში მსვლელობაა, ბულვარიდან მერიამდე, 19:00-ზე", true, "topic:protest"},
		{"the mayor in German spelling", "de", "Kaladse nennt die Demonstranten auf der Straße wieder Agenten", true, "person:Kaladze"},
		// Not politics.
		{"a surname shared by many", "hy", "Կարապետյանը մեր դասարանի ամենալավ ֆուտբոլիստն էր", false, "!with:Surnames of the detained/"},
		{"a cat named Pasha, az", "az", "Pişiyimin adı Paşadır, Paşinyanla heç bir əlaqəsi yoxdur", false, "!person:Pashinyan"},
		{"a classmate's surname, ka", "ka", "ივანიშვილი ჩემი კლასელის გვარია, დღეს დაბადების დღე აქვს", false, "!person:Ivanishvili"},
		{"a diner of the party's name, ka", "ka", "„ქართული ოცნება“ — ჩვენი ქუჩის სასადილოს ჰქვია ასე, ხაჭაპური კარგი აქვთ", false, "!institution:Georgian Dream"},
		{"a wedding at a politician's restaurant", "hy", "Ծառուկյանի ռեստորանում հարսանիքի էինք, խորովածը՝ 10/10", false, ""},
		{"a grandmother's saying, es", "es", "Mi abuela dice 'más enredado que negocio de armenios' y nadie sabe de dónde lo sacó", false, ""},
	})
}
