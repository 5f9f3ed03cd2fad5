package relevance

import "testing"

// TestRound17Lists: another country's list with the region in it, with every
// sovereign state now in the Countries list in each language (issue 11,
// seventeenth round). Each "out" case passed the rules before the round as
// in; the two "in" cases guard the list rule's limits (the region's
// neighbours and powers are not list items, and a common word that is also a
// country's name is left out).
func TestRound17Lists(t *testing.T) {
	runClassCases(t, []classCase{
		{"a visa list, fr", "fr", "Le gouvernement veut durcir les visas pour le Mali, l'Algérie, la Géorgie et le Sénégal", false, "neg:Sakartvelo/Countries"},
		{"labour migration, de", "de", "Pflegekräfte aus den Philippinen, Indonesien, Georgien und Vietnam sollen schneller kommen", false, "neg:Sakartvelo/Countries"},
		{"migrants' patents, ru", "ru", "Патенты дорожают для мигрантов из Вьетнама, Армении, Непала и Бангладеш, так решили правительство и Госдума", false, "neg:Armenia/Countries"},
		{"a campaign tour, fr", "fr", "Les candidats font tous la tournée : Liban, Arménie, Maroc, Sénégal. Chacun sa communauté", false, "neg:Armenia/Countries"},
		{"a ministers' meeting, ar", "ar", "وزير الخارجية يلتقي نظراءه من ماليزيا وإندونيسيا وأذربيجان والسنغال على هامش الاجتماع", false, "neg:Azerbaijan/Countries"},
		{"an agenda's regions, tr", "tr", "AB dışişleri bakanları toplantısında Ukrayna, Gazze, Sahel ve Kafkasya da gündemdeydi", false, "neg:Caucasus/Countries"},
		{"a summit's files, fr", "fr", "Le Conseil européen a évoqué l'Ukraine, le Proche-Orient, la Moldavie et le Caucase du Sud", false, "neg:South Caucasus/Countries"},
		{"Armenian 'perform' is not Qatar", "hy", "Այս իրավիճակում ընտրողը պետք է ընտրություն կատարի առանց քաղաքական սկզբունքների, կառավարությունը լռում է", true, ""},
		{"the region with its neighbours is not a list", "en", "Armenia, Azerbaijan, Georgia, Russia, Türkiye and Iran met in the 3+3 format in Istanbul", true, ""},
	})
}

// TestRound17Politics: the classes of politics that rt152-rt155 and
// rt160-rt165 missed, read after their one blind measurement (issue 11,
// seventeenth round). Each case is a sentence of its own and fails with the
// rules before the round, except those named "... is not it", which guard
// this round's own rules.
func TestRound17Politics(t *testing.T) {
	runClassCases(t, []classCase{
		{"Iran concerned about the corridor", "en", "Tehran says it is deeply concerned about the corridor on its northern border, again", true, "with:Iran on the corridor/"},
		{"Iran's warning, es", "es", "Irán advierte que no aceptará ningún corredor bajo control extranjero en su frontera", true, "with:Iran on the corridor/"},
		{"Iran's land corridor to the sea is not it", "en", "Iran's land corridor through Iraq and Syria to the Mediterranean worries Israel", false, "!with:Iran on the corridor/"},
		{"the corridor named after Trump, tr", "tr", "Koridora Trump'ın adını verdiler, kimse şaşırmadı bile", true, "with:Corridor named after Trump/"},
		{"Medz Yeghern in Turkish spelling", "tr", "Beyaz Saray'dan bu yıl da Meds Yeğern açıklaması bekleniyor", true, "event:Armenian genocide"},
		{"a vigil on 24 April, de", "de", "Zum 24. April wieder eine Mahnwache vor dem Kanzleramt, kommt vorbei", true, "with:April 24/"},
		{"9 April with its year, fr", "fr", "9 avril à Tbilissi : des fleurs sur l'avenue, comme en 1989", true, "with:9 April with its year/"},
		{"a factbook's 9 April is not it", "fr", "Élections législatives : dernières tenues le 9 avril 2014, prochaines en 2019", false, "!with:9 April with its year/"},
		{"the April war's height", "az", "2 aprel. Lələtəpə. Unutmamışıq", true, "event:April war's heights"},
		{"the Hakari bridge checkpoint", "en", "Footage from the Hakari bridge checkpoint in 2023 is getting hard to find", true, "event:Hakari bridge"},
		{"the global war party, es", "es", "El primer ministro volvió a hablar del partido de la guerra global en su rueda de prensa", true, "institution:Global war party"},
		{"the presidential palace, fr", "fr", "Le locataire du palais d'Orbeliani a encore signé une loi contre les ONG, l'opposition proteste", true, "place:Rustaveli"},
		{"Salome still president, fr", "fr", "Pour les manifestants, Salomé est toujours présidente, quoi qu'en dise le parti", true, "with:Salome the legitimate president/"},
		{"Karapetyan under house arrest, ru", "ru", "Карапетян всё ещё под домашним или его вернули в СИЗО?", true, "with:Surnames of the detained/"},
		{"the Dream's initials in Russian", "ru", "Очередной закон от ГМ: теперь иностранным влиянием считается даже репост", true, "with:GD in Russian initials/"},
		{"political prisoners in Georgian", "ka", "პოლიტპატიმრებს წერილები მივწეროთ, მისამართები კომენტარებშია", true, "with:press freedom (region languages)/"},
		{"tear gas in Japanese", "ja", "トビリシ、また催涙ガス。", true, "topic:protest"},
		{"borderisation in French", "fr", "Encore des barbelés déplacés près de Gori, la frontiérisation continue", true, "place:South Ossetia"},
		{"our peacekeepers left, ru", "ru", "Наши миротворцы ушли тихо, а обещали стоять пять лет", true, "with:Russian peacekeepers/наши"},
		{"UN peacekeepers are not it", "ru", "Миротворцы ООН ушли из Мали после десяти лет миссии", false, "!with:Russian peacekeepers/"},
		{"the former leaders by first names", "ru", "Рубен, Аркадий, Бако и остальные всё ещё там. Не забываем", true, "with:Karabakh's leaders by first names/"},
		{"the first vice-president, his wife", "ar", "إلهام عيّن زوجته نائبة أولى للرئيس وابنه على نفس الطريق", true, "with:First vice-president his wife/"},
		{"Iran's first vice-president is not it", "en", "Iran's first vice president Aref met his wife's charity delegation", false, "!with:First vice-president his wife/"},
		{"journalists jailed for smuggling", "en", "Another journalist sentenced. Nine years for smuggling, it is always smuggling", true, "with:Journalists charged with smuggling/"},
		{"the border closed since 1993", "tr", "Bu sınır kapısı 1993'ten beri kapalı, karşı köylerin ışıklarını görüyoruz", true, "with:Closed since 1993/"},
		{"a factory closed since 1993 is not it", "en", "The old mill has been closed since 1993 and the town wants a museum there", false, ""},
		{"4 October remembered, ka", "ka", "4 ოქტომბერი არ დაგვავიწყდება, არც ის, ვინ დაიჭირეს მერე", true, "with:4 October/დაგვავიწყ*"},
	})
}

// TestRound17NotPolitics: near misses of the same sets that passed the rules
// before the round as in (issue 11, seventeenth round).
func TestRound17NotPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"the Karabakh horse, ar", "ar", "حصان قره باغ من أجمل سلالات الخيول في العالم، ذهبي اللون", false, ""},
		{"my Georgian dream, zh", "zh", "我的格鲁吉亚梦：攒钱去卡兹别克山徒步", false, ""},
		{"the epic Sasna Tsrer", "hy", "«Սասնա ծռեր» էպոսի նոր անգլերեն թարգմանությունը լույս է տեսել", false, ""},
		{"Europe and Asia, a traveller's cliché", "es", "Volvimos de Georgia, el país: Tiflis es una mezcla de Europa y Asia, y el vino increíble", false, ""},
		{"a song's origin quarrel", "tr", "Sarı Gelin Ermeni mi Azeri mi diye yine kavga, bırakın da şarkıyı dinleyelim", false, ""},
		{"Mimino", "ru", "Пересматривал «Мимино» — лучший фильм про дружбу грузина и армянина, и ни слова про политику", false, ""},
		{"the Hyundai raid in the US state", "fr", "Géorgie : les ouvriers arrêtés lors du raid de l'ICE sur le chantier Hyundai racontent leur détention", false, ""},
		{"a neighbour named Aliyev, he", "he", "השכן שלנו קוראים לו עלייב, הוא במקור מבאקו ועושה פלוב מעולה", false, ""},
	})
}

// TestRound17NewerLanguages: what the rules knew in nine languages and not
// in the eight newer ones, from what rt163 showed once read (issue 11,
// seventeenth round); and two matcher faults the same posts exposed:
// Persian digits were not the digits a date is written with, and Dutch
// "gerecht" (a dish) took the court, "Gerechtshof", for food. Each case
// fails with the rules and matcher before the round, except the club's
// name, which guards the new Hebrew district name.
func TestRound17NewerLanguages(t *testing.T) {
	runClassCases(t, []classCase{
		{"the four-day war, ko", "ko", "2016년 4월 '나흘 전쟁' 11주년, 그때 잃은 고지 얘기", true, "event:Four-day war"},
		{"the four-day war, zh", "zh", "四天战争今年11周年了（2016年4月）", true, "event:Four-day war"},
		{"mines in Zangilan, fa", "fa", "مین‌های زنگیلان، درست کنار مرز خودمان، هنوز چوپان‌ها را می‌کشد", true, "place:Karabakh districts"},
		{"the club Qarabağ Ağdam is not the district, he", "he", "קרבאח אגדם שוב מפתיעים באירופה, קבוצה מאזרבייג'ן עם תקציב קטן", false, ""},
		{"Gvaramia in prison, he", "he", "ניקה גבארמיה עדיין בכלא, עיתונאי ואיש אופוזיציה", true, "person:Georgian opposition"},
		{"the Hakari bridge, he", "he", "גשר חאקארי. המחסום ההוא. מאז אף אחד לא חזר", true, "event:Hakari bridge"},
		{"the glass palace, he", "he", "מיליארדר אחד בארמון זכוכית על הגבעה מחליט על מדינה שלמה", true, "with:Glass palace/"},
		{"the PM's Facebook live, ja", "ja", "首相がまたFBライブで3時間しゃべってる", true, "with:PM's livestream/"},
		{"24 April in Persian digits, at the embassy", "fa", "۲۴ آوریل، ارامنه‌ی تهران مثل هر سال جلوی سفارت ترکیه جمع شدند", true, "with:April 24/"},
		{"9 April 1989, ja", "ja", "4月9日。1989年のあの朝を忘れない", true, "with:9 April with its year/"},
		{"the court in The Hague is not a dish, nl", "nl", "Armenië en Azerbeidzjan trekken zaken bij het Internationaal Gerechtshof in, als deel van het vredesakkoord", true, "topic:peace deal"},
	})
}

// TestRound17LaterWaves: what rt170-rt175, written blind after 2ae282a and
// measured once, showed once read (issue 11, seventeenth round). Each case
// fails with the rules before the round, except three guards: Moscow's 9
// May against the new Victory Day, and the bakery by the base and the
// Central Asian summit against two rules of this pass that were taken back
// in part (the Russian base by "Russian base" alone; Central Asia as an item
// of the Countries list in Azerbaijani).
func TestRound17LaterWaves(t *testing.T) {
	runClassCases(t, []classCase{
		{"fines in lari, el", "el", "Πρόστιμο 5.000 λάρι επειδή στάθηκες στο οδόστρωμα", true, "with:Lari fines/"},
		{"the footballer president, fa", "fa", "رئیس‌جمهور فوتبالیست سابق رو پارلمان انتخاب کرد", true, "with:Footballer president/"},
		{"frozen until 2028, el", "el", "Το «Όνειρο» πάγωσε την ΕΕ μέχρι το 2028 και φταίνε οι Βρυξέλλες", true, "with:Until 2028/"},
		{"10 November, the ceasefire, he", "he", "10 בנובמבר. החתימה באמצע הלילה שסיימה את המלחמה ההיא", true, "with:10 November/"},
		{"19 September and the 120,000, ko", "ko", "9월 19일 그 공세 이후로 12만 명이 며칠 만에 떠났다", true, "with:19 September/"},
		{"Victory Day in Baku, zh", "zh", "今天巴库又在庆祝胜利日，阅兵、烟花、满城国旗", true, "with:Victory Day in Baku/"},
		{"Moscow's 9 May is not it", "zh", "5月9日莫斯科胜利日阅兵，巴库的老兵也去了", false, "!with:Victory Day in Baku/"},
		{"the delimitation commission, zh", "zh", "亚阿划界委员会第十三次会议在边境举行", true, "place:The region's pairs in Chinese"},
		{"a travel ban's regions, ko", "ko", "트럼프 새 여행금지 목록: 아프리카, 중동, 중앙아시아, 캅카스 일부. 선거용이라는 분석", false, "neg:Caucasus/Countries"},
		{"the billionaire without office", "es", "El multimillonario sin cargo oficial decide quién es primer ministro", true, "with:Billionaire without office/"},
		{"Bidzina without an official post, el", "el", "Ο Μπιτζίνα δεν έχει καμία επίσημη θέση κι όμως αποφασίζει", true, "with:Bidzina/"},
		{"the base in Gyumri", "de", "Die Russen von der Basis in Gjumri sind seit einem Jahr leiser geworden", true, "event:Russian base in Gyumri"},
		{"a bakery by the base is not it", "hy", "Գյումրիում ռուսական բազայի դիմացի փուռը ամենահամով լավաշն ա թխում", false, ""},
		{"a Central Asian summit in Azerbaijani is still ours", "az", "Prezident Astanada Mərkəzi Asiya liderləri ilə görüşdü, Orta Dəhliz gündəmdə idi", true, ""},
		{"a puppy named Karabakh, fa", "fa", "یه توله‌سگ خریدیم، بچه‌ها اسمش رو گذاشتن قره‌باغ", false, ""},
		{"Georgian polyphony, zh", "zh", "格鲁吉亚复调合唱是联合国非遗，第一次听现场", false, ""},
		{"Shusha's celebrations and the displaced, fa", "fa", "در شوشی پرچم و جشن و سخنرانی؛ آن طرف، آوارگان هنوز کلید خانه‌هایشان را دارند", true, "place:Shusha"},
		{"monitors in Tavush, he", "he", "שתי משפחות חזרו לבתים שלהן בטבוש, צמוד לגבול, בזכות המשקיפים", true, "place:Armenian regions"},
		{"demining since the war, zh", "zh", "阿塞拜疆排雷機構稱，自2020年戰爭結束以來已有超過400人觸雷死傷", true, "topic:landmines"},
		{"the election commission's chairman, ka", "ka", "ცესკოს თავმჯდომარე ისევ ის კაცია და არაფერი შეცვლილა", true, "topic:government (region languages)"},
	})
}

// TestRound17FourthWave: what rt176 and rt178-rt181, written blind after
// 9cc4344 and measured once, showed once read (issue 11, seventeenth
// round). Each case fails with the rules before the round.
func TestRound17FourthWave(t *testing.T) {
	runClassCases(t, []classCase{
		{"the Karabakh horse, tr", "tr", "Karabağ atı Ankara'daki yarışta birinci geldi, bu cins bambaşka", false, ""},
		{"the club in the Champions League, az", "az", "QARABAĞ YENƏ QALİB! Çempionlar Liqasında daha bir tarixi gecə, Ağdamın adı bütün Avropada", false, ""},
		{"a state legislature's 1915 decision, tr", "tr", "Yine bir ABD eyalet meclisi 1915 kararı almış, Dışişleri 'yok hükmündedir' demiş", true, "with:1915/"},
		{"mine victims in Karabakh, tr", "tr", "Karabağ'da mayın kurbanlarının sayısı 400'ü geçti, haritalar hâlâ teslim edilmedi", true, "topic:landmines"},
		{"human rights in Azerbaijan, de", "de", "Warum redet eigentlich niemand mehr über die Menschenrechtslage in Aserbaidschan?", true, "topic:atrocities"},
		{"a referendum in Tskhinvali, es", "es", "En Tsjinvali anuncian otro referéndum de unión con Rusia", true, "place:South Ossetia"},
		{"the fence moved at Khurvaleti", "ru", "Опять у Хурвалети забор передвинули на пару метров ночью", true, "with:South Ossetian line villages/"},
		{"kidnapped at the dividing line, ka", "ka", "ზუგდიდის მუნიციპალიტეტში გამყოფ ხაზთან კიდევ ერთი მოქალაქე გაიტაცეს", true, "place:South Ossetian line villages"},
		{"10 November, that night, fr", "fr", "10 novembre. Je n'oublierai jamais cette nuit-là, l'annonce à une heure du matin", true, "with:10 November/"},
		{"Nikol sold out, translit", "ru", "Nikol opyat vse sdal, tipichno", true, "with:Nikol/"},
		{"Bidzina without any post, zh", "zh", "比济纳：我只是一个普通公民，没有任何职务。明天把三个政党取缔掉", true, "with:Bidzina/"},
		{"leaving the CSTO, ja", "ja", "CSTO、正式に脱退手続き完了か", true, "with:CSTO frozen or left/脱退"},
		{"diplomatic passports, ja", "ja", "EU、ジョージア外交旅券保持者へのビザ免除停止を拡大するか検討", true, "with:Diplomatic passports suspended/"},
		{"currency smuggling and journalists, fa", "fa", "شش روزنامه‌نگار، نه سال زندان، به اتهام قاچاق ارز", true, "with:Journalists charged with smuggling/"},
		{"occupied, nl", "nl", "Georgische studenten: wij zijn niet anti-Rusland omdat het Westen dat zegt, maar omdat twintig procent van ons land bezet is", true, "topic:occupation"},
	})
}

// TestRound17SecondBriefNewerLanguages: what rt177 (the second brief, real
// traffic's mix, in the eight newer languages) showed once read, and a
// tokenizer fault it exposed: a mention ran to the next space, so a Chinese
// reply ("回复 @lin_w:...") lost every word after the handle (issue 11,
// seventeenth round). Each case fails with the rules and tokenizer before
// the round, except the Pontic genocide, which guards a genealogy form of
// this pass that was taken back.
func TestRound17SecondBriefNewerLanguages(t *testing.T) {
	runClassCases(t, []classCase{
		{"a reply's text after the handle, zh", "zh", "回复 @lin_w:格鲁吉亚梦想背后就是伊万尼什维利一个人的利益", true, "person:Ivanishvili"},
		{"Batumi or Tbilisi for the family, ar", "ar", "باتومي ولا تبليسي للعايلة؟ أول مرة نسافر جورجيا ومحتارين", false, ""},
		{"a grandmother born in Tsalka, el", "el", "Η γιαγιά μου γεννήθηκε στην Τσάλκα της Γεωργίας και μιλάει ρώσικα και γεωργιανά", false, ""},
		{"Karabakh in a club's draw, el", "el", "Αν μας πέσει η Καραμπάχ στην κλήρωση, θα πετάμε μέχρι το Μπακού τέσσερις ώρες για έναν αγώνα Πέμπτης", false, ""},
		{"the Pontic and Armenian genocides are politics, el", "el", "Όποιος μιλάει για ειρήνη Αρμενίας–Τουρκίας χωρίς αναγνώριση της Γενοκτονίας, ας το εξηγήσει στα εγγόνια των Ποντίων", true, ""},
	})
}

// TestRound17Review: news of every country that the round's first versions
// of its own rules took in, found when the round's diff was read again
// against real traffic rather than the labelled sets (issue 11, seventeenth
// round): "a billionaire with no official role" is as often Musk, a
// smuggler's years in prison are any court's, Ruben and Arkadi are a
// family's guests, a hockey club's GM makes a draft choice, and "cette
// nuit" is tonight. Each case is in with the rules before the review.
func TestRound17Review(t *testing.T) {
	runClassCases(t, []classCase{
		{"a billionaire with no official role, Musk's", "en", "An unelected billionaire with no official role is gutting federal agencies and nobody voted for him", false, ""},
		{"a cocaine smuggler's sentence", "en", "Man sentenced to 12 years for smuggling cocaine through the port", false, ""},
		{"Ruben and Arkadi came to visit", "ru", "Рубен и Аркадий приехали в гости, жарим шашлык", false, ""},
		{"a hockey club's GM at the draft", "ru", "ГМ «Авангарда» сделал свой выбор на драфте", false, ""},
		{"a birthday on the night of 10 November", "fr", "Le 10 novembre, cette nuit on a fêté l'anniversaire de Paul jusqu'à l'aube", false, ""},
		{"the former leaders, Bako among them, stay in", "ru", "Рубен, Аркадий, Бако и остальные всё ещё там. Не забываем", true, "with:Karabakh's leaders by first names/"},
	})
}
