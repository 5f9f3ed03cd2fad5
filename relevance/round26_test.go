package relevance

import "testing"

// TestRound26Classes: the classes of issue 11's twenty-sixth round, from
// rt296-rt301 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound26Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// Russia named in Armenian or Georgian script is politics at home;
		// not the language, not visitors counted by country.
		{"Larsi closed again and Russia's pretexts, ka", "ka", "ლარსზე ისევ რიგია, რუსეთი ისევ „ტექნიკურ მიზეზებს“ ასახელებს", true, "with:Russia in the region's scripts/Georgian script"},
		{"Upper Lars closed again by the Russian side, hy", "hy", "Վերին Լարսը նորից փակ է, ռուսական կողմը «տեխնիկական պատճառներ» է ասում", true, "with:Russia in the region's scripts/Armenian script"},
		{"a barista speaking Russian is not it", "ka", "ლარსის გზაზე კაფეში ბარისტა რუსულად მელაპარაკება, ყავა კარგია", false, "!with:Russia in the region's scripts/"},
		{"visitors from Russia counted is not it", "ka", "ბათუმში ვიზიტორების უმეტესობა რუსეთიდან და თურქეთიდან იყო", false, "!with:Russia in the region's scripts/"},
		// A grandmother at the first train across the border; the families
		// of prisoners in Dutch.
		{"a grandmother at the first Kars-Gyumri train, tr", "tr", "Kars–Gümrü treni ilk seferini yaptı, babaannem istasyonda ağladı", true, "institution:Kars-Gyumri railway"},
		{"families of Armenian prisoners in Baku, nl", "nl", "Familieleden van Armeense gevangenen in Bakoe voeren actie in Den Haag", true, "place:Baku"},
		{"a grandmother from Kars is not it", "tr", "Babaannem Kars'ta doğmuş, köyde kar damlara kadar çıkardı", false, ""},
		// A president's "safar" to Baku is a state visit.
		{"the president's trip to Baku keeps Baku, fa", "fa", "سفر رئیس‌جمهور به باکو؛ امضای هشت سند همکاری و راه‌آهن رشت–آستارا", false, "place:Baku"},
		// Elections: the ruling party wins, in Dutch; the CEC in Russian.
		{"the ruling party wins the election, nl", "nl", "Verkiezingsuitslag Azerbeidzjan: regeringspartij wint, oppositie ook een beetje", true, "topic:elections"},
		{"the CEC's protocols, ru", "ru", "ЦИК Грузии так и не опубликовал протоколы по участкам", true, "topic:elections"},
		// Iran "lost this game": an idiom, not a match.
		{"Tehran lost this game long ago, es", "es", "Irán advierte otra vez sobre el corredor de Armenia. Teherán perdió esta partida hace rato", true, "!neg:Iran on the corridor/Sport"},
		{"Mamedyarov's game is not it", "es", "Qué partida la de Mamedyarov ayer, el azerí juega como si el reloj no existiera", false, ""},
		// A life sentence; a shepherd killed by a mine.
		{"a life sentence for Harutyunyan upheld, fr", "fr", "Perpétuité confirmée en appel pour Harutyunyan. À Erevan, silence du gouvernement", true, "topic:repression"},
		{"a shepherd killed by a mine near Fuzuli, fr", "fr", "Un berger tué par une mine près de Fizuli hier", true, "topic:landmines"},
		// Ijevan; freight through Meghri; Margara open to third countries.
		{"the crossing at Ijevan still closed, de", "de", "Der Friedensvertrag gilt, aber der Übergang bei Idschewan ist immer noch zu", true, "place:Armenian regions"},
		{"freight through the Meghri stretch, en", "en", "does anyone know if the Meghri stretch opened to freight this month?", true, "with:Meghri/"},
		{"Margara open to third-country citizens, ru", "ru", "Через Маргару уже пускают граждан третьих стран или только армян и турок?", true, "with:Margara/"},
		// The Dream's nickname in Latin Georgian; the jailed in the newer languages.
		{"Kotsneba passes another law, ka in Latin letters", "ka", "kocneba isev axal kanons igebs, axla ukve socialur qselebze", true, "institution:Georgian Dream"},
		{"Amaglobeli still in prison, zh-Hant", "zh", "阿瑪格洛貝利還在坐牢嗎？", true, "person:Amaglobeli"},
		{"Nika Melia still behind bars, ja", "ja", "ニカ・メリアはまだ塀の中。", true, ""},
		// Rustaveli: another Hebrew spelling; Russian in Latin letters.
		{"another night on Rustaveli, he", "he", "עוד לילה ברוסטוולי. חמש שנים שהם יוצאים כל ערב עם דגלי האיחוד", true, "place:Rustaveli"},
		{"Rustaveli blocked, riot police and water cannon, ru in Latin letters", "ru", "opyat Rustaveli perekryli, opyat OMON, opyat vodomety", true, "place:Rustaveli"},
		// Hebrew "when" joined to Armenia; the Greek foreign ministry.
		{"Putin silent when Armenia leaves the CSTO, he", "he", "למה פוטין שותק כשארמניה יוצאת מה-CSTO?", true, "place:Armenia"},
		{"the Greek foreign ministry on Tbilisi, el", "el", "Ανακοίνωση ΥΠΕΞ για την Τιφλίδα: «παρακολουθούμε στενά τις εξελίξεις»", true, "topic:foreign minister"},
		// The Russian peacekeepers went home.
		{"the Russian peacekeepers went home, ja", "ja", "あの時来たロシアの平和維持部隊、結局何も守らずに帰った", true, "with:Russian peacekeepers/"},
		// Not politics: Karabakh as a household quarrel's simile, a
		// classmate named Pashinyan, a restaurant named Zangezur, the club
		// in the Europa League.
		{"a parking quarrel worse than Karabakh is not it", "ar", "جارنا وجارتنا بينهم نزاع حدودي على موقف السيارة أعقد من قره باغ", false, "neg:Karabakh/Household quarrels"},
		{"the parents' chat group is Karabakh is not it", "he", "קבוצת הוואטסאפ של הורי הכיתה היא קרבאך. כל שבוע סכסוך גבולות חדש", false, "neg:Karabakh/Household quarrels"},
		{"a classmate named Pashinyan is not it", "ru", "у нас в классе был Пашинян, списывал всё у меня", false, ""},
		{"a restaurant named Zangezur is not it", "az", "Yeni açılan \"Zəngəzur\" restoranında kabab əla idi, qiymətlər də normal", false, ""},
		{"the club in the Europa League is not it", "az", "Qarabağ yenə qalib! Ağdam atları Avropada #UEL", false, ""},
		// Karabakh's churches and heritage stay in.
		{"Armenian churches in Karabakh and a heritage watch, en", "en", "Is anyone still monitoring Armenian churches in Karabakh? Caucasus Heritage Watch updates slowed down", true, "place:Karabakh"},
	})
}

// TestRound26SecondClasses: the classes read off rt302-rt307, the round's
// first blind wave, after its measurements.
func TestRound26SecondClasses(t *testing.T) {
	runClassCases(t, []classCase{
		// Russians at home, and a Russian learnt.
		{"Georgians queue at Larsi while Russians drive in, ka", "ka", "ლარსზე ჩვენები საათობით დგანან, რუსები კი შემოდიან როგორც უნდათ", true, "with:Russia in the region's scripts/Georgian script"},
		{"learning Russian in Tbilisi is not it", "es", "Llevo tres meses en Tiflis y estoy aprendiendo ruso con mi casera", false, ""},
		// Baku beside an arrest; treason charges.
		{"another academic arrested in Baku, ko", "ko", "바쿠에서 또 학자 체포. 해외 학회 다녀온 게 죄인 나라", true, "with:Baku/repression"},
		{"Baku jails an academic on treason charges, ar", "ar", "مرة تانية باكو تحبس أكاديمي بتهمة «الخيانة» لأنه حضر مؤتمر برا", true, "topic:repression"},
		// Iran against a change of borders, in Russian.
		{"Tehran will not allow a change of borders, ru", "ru", "Тегеран снова «не допустит изменения границ». Граница не меняется", true, "with:Iran against geopolitical changes/"},
		// Agarak; Erdoğan in Yerevan.
		{"a joint customs post at Agarak, ru", "ru", "Тегеран предлагает совместную таможню в Агараке", true, "place:Meghri"},
		{"Erdoğan in Yerevan, de", "de", "Erdoğan in Jerewan. Musste ich zweimal lesen.", true, "with:Yerevan/"},
		// Rustaveli for five years.
		{"five years of Rustaveli, nl", "nl", "Vijf jaar Roestaveli. Respect.", true, "with:Rustaveli/"},
		{"five years on Rustaveli, ru", "ru", "пять лет на Руставели. а мы всё там же стоим", true, "with:Rustaveli/"},
		// The word Ankara avoids; that word from the US president in April.
		{"the chancellor avoids the word genocide in Ankara, fr", "fr", "Le chancelier allemand évite le mot « génocide » lors de sa visite à Ankara", true, "with:Genocide bill and April statement/"},
		{"the US president used that word again in April, tr", "tr", "ABD başkanı yine o kelimeyi kullanmış, yine tepki. her nisan aynı senaryo", true, "with:That word from the US president in April/"},
		{"that word in April alone is not it", "tr", "Nisan o kelimeyi yine söyledi, hepimiz güldük", false, ""},
		// April 24 beside the diaspora.
		{"April 24 and the diaspora since the treaty, fr", "fr", "24 avril à Lyon, beaucoup moins de monde que d'habitude depuis le traité", true, "with:April 24/"},
		// The Russian peacekeepers' promise; the Georgian prime minister in
		// Korean and Hebrew; the billionaire's zoo.
		{"the peacekeepers promised to stay until 2025, ru", "ru", "А помните как миротворцы обещали стоять до 2025? Помним", true, "with:Russian peacekeepers/"},
		{"Irakli blames the European Parliament, ko", "ko", "이라클리 형님 또 시작하셨네 ㅋㅋ 오늘은 유럽의회 탓", true, "with:Irakli/"},
		{"Irakli on foreign agents, he", "he", "אירקלי עושה מסיבת עיתונאים שלישית השבוע על ״סוכנים זרים״", true, "with:Irakli/"},
		{"the billionaire with the private zoo runs the country, he", "he", "המיליארדר עם גן החיות הפרטי והכריש באקווריום עדיין מנהל את המדינה", true, "with:Billionaire's menagerie/"},
		// Radio Azadliq's bureau closed; a grandmother's key to Stepanakert;
		// joint drills on the Aras; journalists charged with smuggling.
		{"Radio Azadliq's bureau closed five years ago, az", "az", "Azadlıq Radiosunun bürosu bağlanandan beş il keçdi", true, "institution:Radio Azadliq"},
		{"a grandmother's key to her house in Stepanakert, el", "el", "Η γιαγιά μου στο Ερεβάν έχει ακόμα το κλειδί του σπιτιού της στο Στεπανακέρτ", true, "place:Stepanakert"},
		{"Iran and Armenia's drills on the Aras, fa", "fa", "مانور مشترک ایران و ارمنستان کنار ارس واقعیه یا فقط شایعه‌ست؟", true, "with:Along the Aras/"},
		{"a journalist sentenced for currency smuggling, zh", "zh", "又一个记者判了九年，罪名还是“走私外汇”", true, "with:Journalists charged with smuggling/"},
		// Not politics: Black January's circle in a traffic jam; a palace
		// built by rulers (Turkish "hükümdar" is no sentence).
		{"a traffic jam at the 20 January circle is not it", "az", "Bakıda tıxac: 20 Yanvar dairəsindən Gənclik metrosuna qədər 1 saat çəkdi", false, ""},
		{"a palace built by the Shirvanshahs is not it", "tr", "Şirvanşahlar Sarayı, Şirvanşah hükümdarları tarafından Bakü'de inşa edilmiştir", false, "!topic:repression"},
	})
}

// TestRound26ThirdClasses: the classes read off rt308-rt313, the round's
// second blind wave, after its measurements.
func TestRound26ThirdClasses(t *testing.T) {
	runClassCases(t, []classCase{
		// Karapetyan's rallies; Vardanyan not released.
		{"Karapetyan rallies on the square again, ru", "ru", "Карапетян опять митингует на площади, а его канал показывает только его", true, "with:Surnames of the detained/"},
		{"Vardanyan still not released, ru", "ru", "пленных вернули ещё в 28-м, а Варданяна так и не отпустили", true, "with:Surnames of the detained/"},
		// Black January by its month and year beside Baku; the Martyrs' Alley.
		{"Baku, January 1990, es", "es", "Bakú, enero de 1990. Hace 40 años mi abuela salió en el ferry con dos nenes", true, "with:January 1990 in Baku/"},
		{"January 1990 elsewhere is not it", "en", "January 1990 was the coldest month my grandparents remember in Ohio", false, ""},
		// Uruguay's recognition in 1965.
		{"Uruguay recognised the genocide in 1965, es", "es", "Uruguay reconoció el genocidio en 1965, Argentina tiene ley. ¿España para cuándo?", true, "with:Uruguay 1965/"},
		{"Uruguay in 1965 without a recognition is not it", "es", "Uruguay ganó en 1965 un torneo que nadie recuerda", false, ""},
		// COP29's host jailing journalists.
		{"the COP29 host jails journalists, ko", "ko", "COP29 열었던 나라가 5년째 기자들 감옥에 가두는 중", true, "with:COP29's host/"},
		{"COP29's climate finance is not it", "zh", "COP29定的每年3000亿美元气候资金，发达国家到现在兑现了多少？", false, ""},
		// Sentenced, in Georgian; Margara open, in Latin Armenian; Ochamchire in Turkish.
		{"sentenced to four years counts as repression, ka", "ka", "დღეს 20 წლის ბიჭს 4 წელი მიუსაჯეს, წყლის ბოთლი ესროლა პოლიციას", false, "topic:repression"},
		{"Margara is open, hy in Latin letters", "hy", "Margara-n bac a, Stambul avtobusov 20 zham", true, "with:Margara/"},
		{"a Russian base at Ochamchire, tr", "tr", "Rusya'nın Oçamçira'da üs kurmasına ne diyor acaba", true, "place:Abkhazia"},
		// Bidzina in Chinese, Hebrew and Persian; "Greater Azerbaijan" with Tabriz.
		{"uncle Bidzina speaks and the premier goes, zh", "zh", "比吉纳大叔一开口，总理就得换人", true, "person:Bidzina"},
		{"Bidzina decides, parliament applauds, he", "he", "ביג'ינה מחליט, הממשלה מבצעת, הפרלמנט מוחא כפיים", true, "person:Bidzina"},
		{"Greater Azerbaijan with Tabriz, fa", "fa", "تلویزیون باکو دوباره نقشه‌ی «آذربایجان بزرگ» با تبریز رو نشون داده", true, "event:Greater Azerbaijan"},
		{"the Azerbaijan Grand Prix in Arabic is not it", "ar", "جائزة أذربيجان الكبرى للفورمولا ١: فيرستابن يتصدر التجارب الحرة", false, "!event:Greater Azerbaijan"},
		// Rustaveli for years, packed again; Victory Day in Japanese; a
		// special envoy to Yerevan; a former footballer become president.
		{"Rustaveli packed for years, ko", "ko", "루스타벨리 거리 오늘 밤에도 사람 꽉 찼대. 몇 년째냐 진짜 대단하다", true, "with:Rustaveli/"},
		{"Victory Day's parade in Baku, ja", "ja", "11月8日、バクーでは「勝利の日」の軍事パレード", true, "with:Victory Day in Baku/"},
		{"Turkey's special envoy in Yerevan again, ko", "ko", "튀르키예 특사 또 예레반 갔네. 이번엔 진짜 철도까지 여나?", true, "with:Special envoys/"},
		{"the former footballer become president, he", "he", "שחקן כדורגל לשעבר שהפך לנשיא חותם על עוד חוק נגד עיתונאים", true, "with:Footballer president/"},
		// The PM's night lives in Chinese and Spanish; the Ani bridge.
		{"the premier's 3 a.m. Facebook live, zh", "zh", "又是凌晨三点的Facebook直播。这个总理能不能睡会儿觉", true, "with:PM's livestream/"},
		{"Turkey and Armenia restore the bridge at Ani jointly, en", "en", "Turkey and Armenia sign deal to jointly restore the medieval bridge at Ani", true, "with:Ani restoration/"},
		// Not politics: a chess game by Radjabov; a course-mate named Aliyev.
		{"Radjabov's game with black is not it", "az", "Teymur Rəcəbov bu gün qara fiqurlarla qalib gəldi, əla partiya idi", false, ""},
		{"a course-mate named Aliyev is not it", "az", "Kurs yoldaşımız Ramil Əliyev dünən evləndi, toyda 600 nəfər var idi", false, ""},
	})
}

// TestRound26Motifs: what many writers' misses share across the read sets,
// found by counting the words of every read set's misses against the
// irrelevant posts' (the round's fourth step).
func TestRound26Motifs(t *testing.T) {
	runClassCases(t, []classCase{
		// "The Dream" in English beside its laws, its opposition, sanctions.
		{"the Dream's foreign agents act, en", "en", "The Dream's 'foreign agents' act was copied almost clause by clause from FARA", true, "with:Dream in English/"},
		{"sanctions on the Dream's inner circle, en", "en", "sanctions on the rest of the Dream's inner circle when? asking for the fourth spring in a row", true, "with:Dream in English/"},
		{"the American dream is not it", "en", "Chasing the American Dream while the opposition in Congress argues about sanctions", false, ""},
		// Years of evenings in front of parliament; not another country's.
		{"two years every evening in front of parliament, de", "de", "Zwei Jahre jeden Abend vor dem Parlament. Bei Regen, Schnee, Wasserwerfern.", true, "with:Nightly protest at parliament/"},
		{"three years every night in front of parliament, es", "es", "Llevan más de tres años saliendo cada noche frente al parlamento", true, "with:Nightly protest at parliament/"},
		{"Belgrade's parliament is not it", "de", "Zwei Jahre jeden Abend vor dem Parlament in Belgrad, die Studenten geben nicht auf", false, "neg:Nightly protest at parliament/"},
		// The PM live on Facebook, then on his bicycle.
		{"the premier streamed again, de", "de", "Der Premier hat wieder live auf Facebook regiert. Drei Stunden. Ohne Pause.", true, "with:PM's livestream/"},
		{"three hours live, then off on his bicycle, tr", "tr", "Adam Facebook canlı yayınında 3 saat konuştu, sonra bisikletine binip gitti", true, "with:PM's livestream/"},
		// The president who talks football again, in Georgian; a match
		// report about him stays out.
		{"Kavelashvili talks football again, ka", "ka", "კაველაშვილმა ისევ სიტყვა წარმოთქვა. ფეხბურთზე არაფერი უთქვამს", true, "person:Kavelashvili"},
		{"Kavelashvili's goals for Manchester City are not it", "en", "Kavelashvili scored twice for Manchester City in the 1996 season, a striker remembered at Maine Road", false, "neg:Kavelashvili/Sport"},
		// The Turkish and Armenian special envoys met again; the Union's
		// observers in Hebrew, not Rafah's.
		{"the special envoys met again, the gate still shut, tr", "tr", "Özel temsilciler yine görüştü, yine olumlu açıklama. Sınır kapısı hâlâ kapalı", true, "with:Special envoys/"},
		{"the Union's observers on the border, he", "he", "מה קורה עם המשקיפים של האיחוד האירופי בגבול? הארכו להם את המנדט?", true, "institution:EU monitoring mission"},
		{"the Union's observers at Rafah are not it", "he", "המשקיפים של האיחוד חזרו למעבר רפיח", false, "neg:EU monitoring mission/"},
		// Martuni's displaced in Abovyan; Salomé by first name in French;
		// France's recognition law, article and all.
		{"parents from Martuni renting in Abovyan, ru", "ru", "Мои родители из Мартуни. Почти пять лет в съёмной квартире в Абовяне", true, "with:Martuni from Abovyan/"},
		{"Salomé speaks to Europeans better than the government, fr", "fr", "Salomé parle mieux aux Européens que tout le gouvernement réuni", true, "with:Salome the legitimate president/"},
		{"France's recognition law, article and all, fr", "fr", "Loi du 29 janvier 2001 relative à la reconnaissance du génocide arménien de 1915. Article unique : La France reconnaît publiquement le génocide arménien de 1915. La présente loi sera exécutée comme loi de l'État.", true, "event:Armenian genocide"},
		// A district's executive head arrested, in Azerbaijani; the Dream's
		// justice in Greek; Imedi's evening news; the visa talks in Latin
		// Armenian; 27 September among the dates of mourning; the
		// Bundestag's resolution of 2016; "evening 862" with EU flags.
		{"another district executive head arrested, az", "az", "Növbəti icra başçısı həbs olundu. Hər ay biri. Adamlar dəyişir, sistem isə yerindədir", true, "institution:Azerbaijan's executive heads"},
		{"seven years in prison, the Dream's justice, el", "el", "Επτά χρόνια φυλακή για πέταγμα νερού σε αστυνομικό. Αυτή είναι η «δικαιοσύνη» του Ονείρου.", true, "with:Dream in Greek genitive/"},
		{"the dream trip in Greek is not it", "el", "Το ταξίδι του ονείρου μου στη Σαντορίνη, επιτέλους!", false, ""},
		{"Imedi calls students paid agents, en", "en", "Imedi calling 19-year-old students 'paid agents of a foreign war party' again tonight", true, "with:Georgian TV channels/"},
		{"visa liberalisation with the EU, hy in Latin letters", "hy", "vizaneri azatakanacum@ EU-i het verjapes linelu a? te isev hajord tari", true, "event:Armenia's visa talks in Latin letters"},
		{"27 September among the dates of mourning, fr", "fr", "24 avril, 27 septembre, 19 septembre... notre calendrier est un cimetière de dates", true, "with:27 September/"},
		{"a birthday on 27 September is not it", "fr", "Mon anniversaire est le 27 septembre, on fait une fête", false, ""},
		{"the Bundestag's resolution of 2016 again, de", "de", "Die Resolution von 2016 war das Mutigste, was der Bundestag je zu der Region gemacht hat", true, "with:The resolution of 2016/"},
		{"a UN resolution of 2016 is not it", "de", "Die Resolution von 2016 des Sicherheitsrats zu Siedlungen wird wieder zitiert", false, ""},
		{"evening 862 with EU flags, de", "de", "Abend 862: Trillerpfeifen, EU-Fahnen, Polizei vor der Philharmonie", true, "with:Protest day count/"},
		// The observers' verdict on 26 October; Britain's sanctions on
		// "our" judges in Georgian; "our border guards" in Russian slang.
		{"the observers on the 26 October elections, en", "en", "The 26 October parliamentary elections were marred by an uneven playing field and reports of pressure on voters", true, "with:26 October elections/"},
		{"Ukraine's 26 October elections are not it", "en", "The 26 October parliamentary elections in Ukraine in 2014 were marred by an uneven playing field in the east", false, "neg:26 October elections/"},
		{"Britain sanctions our judges, ka", "ka", "ბრიტანეთმა ისევ დაუწესა სანქციები ჩვენს მოსამართლეებს", true, "with:Sanctions on Georgian officials/"},
		{"our border guards on the Iranian border, ru", "ru", "Почему погранцы ФСБ до сих пор стоят на границе с Ираном?", true, "with:Russian border guards in Armenia/"},
	})
}
