package relevance

import "testing"

// TestRound18Namesakes: the core group's namesake contexts (titles,
// surnames, "is called") cancel people only; pets named after a place still
// cancel the place (issue 11, eighteenth round). Each "in" case was out with
// the rules before the round; the "out" cases guard what must stay.
func TestRound18Namesakes(t *testing.T) {
	runClassCases(t, []classCase{
		{"a teacher who fled Karabakh", "en", "Our teacher fled Karabakh in 1993 and still keeps the house key", true, "place:Karabakh"},
		{"a route that is called Trump's", "de", "Die Strecke heißt jetzt Trump-Route, und Moskau schweigt dazu", true, "institution:TRIPP"},
		{"a party that is called the Dream", "es", "La coalición se llama Sueño Georgiano y gobierna desde 2012 como si fuera eterna", true, "institution:Georgian Dream"},
		{"a teacher called Aliyev is not him", "en", "Our teacher Aliyev gave us a surprise test today, brutal", false, "neg:Aliyev/Namesake"},
		{"a dog named Artsakh is not it", "en", "my dog is named Artsakh and he is the best boy", false, "neg:Artsakh/Pet names"},
		{"our cat Aliyev, the kitchen's dictator, is not him", "ru", "Наш кот Алиев - настоящий диктатор кухни", false, "neg:Aliyev/Pet names"},
	})
}

// TestRound18Politics: the classes rt166-rt169 and rt182-rt185 missed, read
// after their blind measurements (issue 11, eighteenth round). Each case
// fails with the rules before the round; the cases named "... is not it"
// guard this round's own rules.
func TestRound18Politics(t *testing.T) {
	runClassCases(t, []classCase{
		{"Tsulukiani", "en", "Tsulukiani says the opposition are foreign agents, again", true, "person:Georgian Dream leaders"},
		{"Aliyev by name and patronymic", "ru", "Ильхам Гейдарович снова прошёлся по Москве в интервью", true, "person:Aliyev"},
		{"Aliyev the dictator", "en", "Aliyev, the one dictator everyone courts for his gas", true, "with:Aliyev/dictator"},
		{"Samadov as often spelt", "az", "Bəhruz Samədov hələ də həbsdədir", true, "person:Azerbaijani political prisoners"},
		{"Japaridze and Khazaradze in Korean", "ko", "자파리제와 하자리제도 결국 재판에 넘겨졌다", true, "person:Georgian opposition"},
		{"Saakashvili in Korean", "ko", "사카시빌리 형량이 또 늘었다", true, "person:Saakashvili"},
		{"Misha's sentence in Chinese", "zh", "米沙又被加刑了，出来得等到下个十年", true, "with:Misha/加刑"},
		{"POSTV declined", "ka", "იმედი და პოსტვი ისევ ერთსა და იმავე პროპაგანდას ავრცელებენ", true, "institution:Georgian TV channels"},
		{"Mtavari off the air, ko", "ko", "조지아 야당 방송 므타바리 결국 송출 중단", true, "with:Georgian TV channels/송출 중단*"},
		{"the fence near Khurvaleti, ru", "ru", "Возле Хурвалети снова передвинули колючку", true, "with:South Ossetian line villages/колючк*"},
		{"Tskhinvali in Dutch", "nl", "Weer boeren opgepakt bij Tschinvali door Russische grenswachten", true, "place:South Ossetia"},
		{"Meghri in Greek", "el", "Αμερικανοί ιδιώτες φρουροί στο Μέγκρι, δίπλα στα ιρανικά σύνορα;", true, "place:Meghri"},
		{"customs on the road through Syunik", "de", "Wer kontrolliert eigentlich den Zoll auf der Strecke durch Sjunik?", true, "with:Syunik/Zoll*"},
		{"Tavush in Dutch", "nl", "De boeren in Tavoesj zien hun boomgaard nu aan de andere kant van de grens", true, "place:Armenian regions"},
		{"delimitation in German", "de", "Für die Dörfer in Tavush ist die Delimitierung kein Fachbegriff", true, "with:Armenian regions/Delimitierung"},
		{"the Russian law in Georgian Latin letters", "ka", "rusuli kanoni miighes da exla evropashi mivdivart?", true, "institution:Foreign influence transparency law"},
		{"a foreign agent in Tbilisi, el", "el", "Στην Τιφλίδα θα ήμουν «ξένος πράκτορας» για ένα φεστιβάλ", true, "with:Tbilisi/ξένος πράκτορας"},
		{"Georgia's streets and tear gas, ar", "ar", "شعب جورجيا بالشارع كل ليلة، غاز مسيل للدموع واعتقالات", true, "with:Georgia/"},
		{"a candidate and visa-free, he", "he", "גאורגיה עדיין מועמדת לאיחוד? שמעתי שרוצים לבטל את פטור הוויזה", true, "topic:EU path"},
		{"visa-free travel suspended, ja", "ja", "EUがジョージア国民のビザなし渡航を停止するかもって", true, "topic:EU path"},
		{"freedom to every detainee", "ka", "ყველა დაკავებულს თავისუფლება! დღესაც აქ ვართ", true, "event:Freedom to the detained"},
		{"the president in quotes", "ka", "„პრეზიდენტი“ ბრჭყალებში რჩება, სანამ ხალხი არ აირჩევს", true, "with:Footballer president/"},
		{"Vardanyan's trial, hy", "hy", "Վարդանյանի դատից լուր կա՞", true, "with:Surnames of the detained/դատից"},
		{"Vardanyan's sentence, ru", "ru", "Варданяну дали срок, и с тех пор тишина", true, "with:Surnames of the detained/"},
		{"Salome the legitimate president, ar", "ar", "سالومي لسا بتقول إنها الرئيسة الشرعية", true, "with:Salome the legitimate president/"},
		{"Nikol on the square, el", "el", "Ο Νικόλ πάλι στην πλατεία με το μικρόφωνο, προεκλογική περίοδος", true, "with:Nikol/"},
		{"19 September, four years on, hy", "hy", "Սեպտեմբերի 19։ Չորս տարի։ Ոչինչ չենք մոռացել։", true, "with:19 September/"},
		{"4 October's detainees, nl", "nl", "Twee jaar na 4 oktober zitten er nog tientallen jongeren vast voor een poging tot omverwerping", true, "with:4 October/omverwerping"},
		{"Iran's red line on border changes, tr", "tr", "Tahran yine sınırlarda değişiklik kırmızı çizgimiz dedi", true, "with:Iran on the corridor/"},
		{"Iran on Iraq's border is not it", "tr", "Tahran, Irak sınırında değişiklik istemiyor", false, ""},
		{"the diaspora's vote, es", "es", "En Barcelona la comunidad georgiana se concentró frente al consulado: muchos no pudieron votar", true, "topic:elections"},
		{"a caterer is no treaty", "fr", "La petite Arménie d'Alfortville : le meilleur traiteur est près de la gare", false, "!topic:treaty"},
	})
}

// TestRound18NewerLanguages: what rt188 and rt191 (the eight newer
// languages) missed, read after their one blind measurement (issue 11,
// eighteenth round). Each case fails with the rules before the round,
// except the guards named "... is not it".
func TestRound18NewerLanguages(t *testing.T) {
	runClassCases(t, []classCase{
		{"1 March 2008 in Hebrew", "he", "20 שנה ל-1 במרץ 2008 בירוואן, אף אחד לא נשפט", true, "event:1 March 2008"},
		{"years since Sumgait, nl", "nl", "Vandaag 40 jaar na Soemgait", true, "with:Years since Sumgait/"},
		{"years since Sumgait, ja", "ja", "スムガイトから40年か。", true, "with:Years since Sumgait/"},
		{"a friend from Sumgait is not it", "ja", "スムガイトから来た友達とお茶した", false, ""},
		{"the billionaire's glass palace, ar", "ar", "الملياردير اللي قاعد بقصره الزجاجي فوق تبليسي", true, "with:Glass palace/"},
		{"Karapetyan's trial, ko", "ko", "카라페탼 회장 재판 또 연기됐네", true, "with:Surnames of the detained/"},
		{"Aberbaijan", "ja", "「アベルバイジャン」の和平を仲介したとトランプが言い張る", true, "event:Aberbaijan"},
	})
}

// TestRound18NamesSweep: the names of core and region concepts in the eight
// newer languages that had none, and then in Georgian, Armenian and Russian,
// from a sweep of every concept rather than from a set's misses (issue 11,
// eighteenth round); Hebrew and Arabic
// through the new prefix classes. Each "in" case fails with the rules before
// the sweep; the "out" cases guard the contexts the new names needed.
func TestRound18NamesSweep(t *testing.T) {
	runClassCases(t, []classCase{
		{"Kocharyan in Greek", "el", "Ο Κοτσαριάν δικάζεται ξανά", true, "person:Kocharyan"},
		{"Serzh Sargsyan in Japanese", "ja", "セルジ・サルキシャン元大統領が会見", true, "person:Serzh Sargsyan"},
		{"Ter-Petrosyan in Korean", "ko", "테르페트로샨이 다시 정계에 나왔다", true, "person:Ter-Petrosyan"},
		{"Galstanyan in Hebrew, with a prefix", "he", "ובגרט גלסטניאן עדיין בכלא", true, "person:Galstanyan"},
		{"Tsulukiani in Arabic", "ar", "تسولوكياني تقول إن المعارضة عميلة", true, "person:Georgian Dream leaders"},
		{"the EU mission in Chinese", "zh", "欧盟驻亚美尼亚观察团任期又延长了两年", true, "institution:EU monitoring mission"},
		{"Shevardnadze the Soviet foreign minister is not it", "ja", "ソ連のシェワルナゼ外相はゴルバチョフと共に", false, "neg:Shevardnadze/"},
		{"Shevardnadze the president", "ja", "シェワルナゼ元大統領の回顧録が出た", true, "person:Shevardnadze"},
		{"North Ossetians are not it", "ar", "الأوسيتيون في أوسيتيا الشمالية يحتفلون", false, "neg:Ossetians/"},
		// The second sweep: Georgian, Armenian and Russian names of the
		// other two countries' people and events.
		{"Kocharyan in Georgian", "ka", "ქოჩარიანი ისევ სასამართლოშია", true, "person:Kocharyan"},
		{"the 44-day war in Georgian", "ka", "44-დღიანი ომის შემდეგ ყველაფერი შეიცვალა", true, "event:44-day war"},
		{"Khojaly in Georgian", "ka", "ხოჯალის მოვლენები", true, "place:Khojaly"},
		{"Kavelashvili in Armenian", "hy", "Կավելաշվիլին նորից ստորագրեց օրենքը", true, "person:Kavelashvili"},
		{"Shevardnadze in Armenian", "hy", "Շևարդնաձեի ժամանակներում", true, "person:Shevardnadze"},
	})
}
