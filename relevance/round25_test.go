package relevance

import "testing"

// TestRound25Classes: the classes of issue 11's twenty-fifth round, from
// rt272-rt277 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound25Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// Russia's border guards in the other languages, and leaving the
		// borders with Iran and Turkey that only they guarded.
		{"Russian border guards leave the Iranian border, de", "de", "Die russischen Grenzschützer verlassen auch die Grenze zum Iran, nach dreißig Jahren", true, "with:Russian border guards in Armenia/"},
		{"Russian border guards on the Turkish border, el", "el", "Μένουν ακόμα Ρώσοι συνοριοφύλακες στα σύνορα με την Τουρκία;", true, "with:Russian border guards in Armenia/"},
		{"Russian border guards by the Iranian border, fr", "fr", "Les gardes-frontières russes quittent la frontière iranienne d'ici l'été", true, "with:Russian border guards in Armenia/"},
		{"Russian border guards at a Finnish crossing is not it", "de", "Russische Grenzschützer an der finnischen Grenze kontrollieren wieder streng", false, ""},
		// Western Azerbaijan where the name is also Iran's province.
		{"Aliyev's Western Azerbaijan, fa", "fa", "علی‌اف دوباره از «آذربایجان غربی» گفت، درست بعد از امضای توافق", true, "with:Western Azerbaijan beside Baku/"},
		{"Ilham's Western Azerbaijan after a signing, ar", "ar", "بعد كل توقيع يتحدث إلهام عن «أذربيجان الغربية» من جديد", true, "with:Western Azerbaijan beside Baku/"},
		{"Baku's West Azerbaijan, nl", "nl", "Bakoe begint weer over 'West-Azerbeidzjan', en de vrede is nog niet eens getekend", true, "with:Western Azerbaijan beside Baku/"},
		{"Urmia's weather is not it", "fa", "هوای آذربایجان غربی این هفته سرد است و در ارومیه برف می‌بارد", false, ""},
		// From Baku to Yerevan by road or rail.
		{"a bus from Baku to Yerevan, az", "az", "Bakıdan İrəvana avtobus bileti nə qədərdir, bilən var?", true, "with:Baku to Yerevan/"},
		{"the first train from Yerevan to Baku, ru", "ru", "Когда пустят первый поезд из Еревана в Баку, я поеду", true, "with:Baku to Yerevan/"},
		// The prime minister by his first name in Japanese; Real Armenia in katakana.
		{"Prime minister Nikol, ja", "ja", "ニコル首相がまた国境の村で演説していた", true, "person:Pashinyan"},
		{"Real Armenia in katakana, ja", "ja", "「リアル・アルメニア」のスローガンがまた看板に出てきた", true, "institution:Real Armenia"},
		// AZAL's crash in the languages of characters.
		{"AZAL's crash and the compensation, ja", "ja", "AZALの墜落から何年経っても、ロシアの補償の話は進まない", true, "with:AZAL/"},
		// The Dream in Dutch beside its elections.
		{"the Dream wins the elections, nl", "nl", "Parlementsverkiezingen volgende maand, en de Droom wint toch weer", true, "with:Dream in Dutch/"},
		{"a dream of winning is not it", "nl", "De droom van Ajax: de beker winnen en dan feest", false, ""},
		// The genocide: France's denial law, Turkish embassies against
		// memorials, the Bundestag's resolution.
		{"France's denial law, tr", "tr", "Fransa'da inkârı cezalandırma yasası yeniden Meclis'te, Ankara tepkili", true, "with:Genocide denial law/"},
		{"the Turkish embassy protests a memorial plaque, fr", "fr", "L'ambassade de Turquie proteste contre la plaque commémorative posée à Marseille", true, "with:Turkish embassy against a memorial/"},
		{"a reception at the Turkish embassy is not it", "en", "Lovely reception at the Turkish embassy tonight, the baklava was perfect", false, ""},
		{"the Bundestag's resolution and Ankara, de", "de", "Zehn Jahre Bundestagsresolution 2016, und die Türkei ist immer noch beleidigt", true, "with:Bundestag resolution of 2016/"},
		{"a history lesson on the resolution is not it", "de", "Im Geschichtsunterricht heute die Bundestagsresolution von 2016 besprochen, gute Fragen", false, ""},
		// Tehran and Baku.
		{"Tehran-Baku relations sour again, fa", "fa", "روابط تهران و باکو باز هم تیره شده، سفیر را احضار کردند", true, "with:Tehran and Baku/"},
		// Georgia's president in Greek.
		{"Georgia's president, el", "el", "Ο πρόεδρος της Γεωργίας δεν αναγνωρίζεται από την αντιπολίτευση", true, "institution:Georgia's offices by their title"},
		// The first Christian nation and its prime minister's quarrel with the church.
		{"a war with the church in the first Christian nation, ar", "ar", "رئيس الحكومة في حرب مع الكنيسة في أول بلد اعتنق المسيحية", true, "place:First Christian nation"},
		{"a dinner-party fact is not it", "es", "Armenia fue el primer país en adoptar el cristianismo, dato curioso para la cena", false, ""},
		// Karabakh in Latin Armenian; the foreign influence law in Latin Georgian.
		{"born in Karabakh, hy in Latin letters", "hy", "Karabaxci enq, tun chunenq, petutyun@ lrum a", true, "place:Karabakh"},
		{"the foreign influence law, ka in Latin letters", "ka", "kidev erti kanoni ucxouri gavlenis shesaxeb, ra xdeba", true, "institution:Foreign influence transparency law"},
		// The Enguri crossing and a relative in Gali.
		{"the Enguri crossing closed again, en", "en", "Is the Enguri crossing closed again? My cousin in Gali needs her pension", true, "place:Abkhazia"},
		// Landmines in Russian and Spanish.
		{"two more on the mines near Fuzuli, ru", "ru", "Под Физули ещё двое на минах за неделю", true, "topic:landmines"},
		// Journalists sentenced, in Chinese; arrested, in Cantonese.
		{"Azerbaijan sentences journalists, zh", "zh", "亞塞拜然又判了幾個記者，歐盟照樣買天然氣", true, "topic:media freedom"},
		{"a journalist arrested in Tbilisi, yue", "zh", "第比利斯又有記者俾人拉，罪名仲係襲警", true, "topic:repression"},
		// The protests by the month they began.
		{"behind bars since the protests of November 2024, en", "en", "Still 40 people behind bars in connection with the protests since November 2024", true, "with:Protests since November 2024/"},
		// The prime minister's videos on a bicycle, in Spanish.
		{"the premier's bicycle video, es", "es", "El premier subió otro vídeo en bici hablando de la nueva Constitución", true, "with:PM's livestream/"},
		// Namesakes: a colleague Ruslan, a teacher called Mr Aliev, a PE
		// teacher Mirzoyan, a new dog; Karabakh the club's transfer.
		{"a colleague Ruslan Aliyev is not it", "zh", "我同事叫 Ruslan Aliyev，是阿塞拜疆人，每次过安检都被多问两句", false, ""},
		{"a common surname is not it", "zh", "“阿利耶夫”这个姓在阿塞拜疆很常见，我邻居也姓这个", false, ""},
		{"a teacher called Mr Aliev is not it", "fr", "Mon prof de maths s'appelait M. Aliev, on l'appelait le président", false, ""},
		{"a PE teacher Mirzoyan is not it", "hy", "Ararat Mirzoyan@ mer dprocum fizkulti usucich er 😂", false, ""},
		{"a new dog named Aliyev is not it", "nl", "Mijn buurman heeft zijn nieuwe hond Aliyev genoemd, naar een collega uit Azerbeidzjan", false, ""},
		{"Zenit's transfer from Karabakh is not it", "ru", "Зенит договорился с Карабахом по трансферу, азербайджанская пресса пишет о рекордной сумме", false, ""},
	})
}

// TestRound25SecondClasses: the classes read off rt278-rt283, the round's
// own blind wave, after it was measured.
func TestRound25SecondClasses(t *testing.T) {
	runClassCases(t, []classCase{
		// 8 August with its year, where the year was a figure.
		{"8 August 2008 and Gori, el", "el", "8 Αυγούστου 2008. Τα ρωσικά τανκς στο Γκόρι, και ακόμα κανείς δεν πλήρωσε", true, "with:8 August/"},
		// The Global War Party in Latin Georgian.
		{"the global war party, ka in Latin letters", "ka", "globaluri omis partia isev, yvela siaxle mas brali", true, "institution:Global war party"},
		// The Aliyevs' succession in the languages of characters.
		{"the Aliyevs' succession, ja", "ja", "アリエフ家の世襲、次は息子か", true, "with:Aliyev/"},
		// Weapons bought, in Korean; "we armed Baku" in Hebrew.
		{"Armenia buys Indian weapons, ko", "ko", "아르메니아가 인도 무기 또 샀다는데 러시아 반응이 궁금", true, "topic:armaments"},
		{"farm drones are not arms", "fr", "Une startup arménienne de drones agricoles lève 3 M€, bureaux à Erevan", false, ""},
		// The minefield maps handed over.
		{"the mine maps handed over, ja", "ja", "地雷原の地図をやっと全部渡したらしい。遅すぎる", true, "with:Mine maps for prisoners/"},
		// Formula in Arabic; the Etchmiadzin fight in Korean.
		{"Formula channel closed, ar", "ar", "سكّروا قناة فورمولا؟ كانت آخر قناة معارضة هناك", true, "institution:Georgian TV channels"},
		{"the PM against Etchmiadzin, ko", "ko", "총리랑 에치미아진 싸움 아직도 하는 중?", true, "with:Etchmiadzin/"},
		// Lachin's airport; the FSB at Zvartnots.
		{"Lachin's airport, az", "az", "Laçın hava limanı açıldı, amma kənddə evlər hələ tikilməyib", true, "with:Lachin in Turkish and Azerbaijani/"},
		{"the FSB men left Zvartnots, ru", "ru", "ФСБшники из Звартноца ушли, а дядя всё ещё ждёт, что наши вернутся", true, "with:Russian border guards in Armenia/"},
		// The Trump road in Spanish; the foreign influence law in Greek; the candidate country in Greek.
		{"Iran and the Trump road, es", "es", "Irán nervioso con la carretera de Trump en su frontera", true, "institution:TRIPP"},
		{"the foreign influence law in Greek", "el", "Τι σημαίνει ο νόμος για τις ξένες επιρροές για τους Έλληνες της Τσάλκα;", true, "institution:Foreign influence transparency law"},
		{"Georgia still a candidate? el", "el", "Η Γεωργία έχει ακόμα καθεστώς υποψήφιας χώρας ή όχι;", true, "with:Georgia/"},
		// The prime minister's lives in German.
		{"the Premier's night Facebook lives, de", "de", "Warum macht der Premier dort ständig nachts Facebook-Lives?", true, "with:PM's livestream/"},
		// Out: the US state in Spanish, Tangerines watched in Japanese, a cup draw.
		{"Georgia the US state, es", "es", "Me mudé a Georgia (la de EE.UU., no la del Cáucaso) y el té helado es muy dulce", false, ""},
		{"Tangerines watched, ja", "ja", "『みかんの丘』をやっと観た。舞台がアブハジアで驚いた", false, ""},
		{"a European cup draw for Qarabag, az", "az", "Qarabağ yenə Avropa kubokunda! Püşkü gözləyirik", false, ""},
	})
}

// TestRound25ThirdClasses: the classes read off rt284-rt289, the round's
// second blind wave, after it was measured.
func TestRound25ThirdClasses(t *testing.T) {
	runClassCases(t, []classCase{
		// Archbishops arrested for a "coup", the prime minister against the church.
		{"archbishops arrested, el", "el", "Νέες συλλήψεις αρχιεπισκόπων για «πραξικόπημα», και ο πρωθυπουργός γράφει στο Facebook", true, "with:Archbishops arrested/"},
		{"the premier has an archbishop picked up, nl", "nl", "De premier laat alweer een aartsbisschop oppakken wegens een 'couppoging'", true, "with:Archbishops arrested/"},
		{"the PM jailed the bishops, fa", "fa", "نخست‌وزیر اسقف‌ها را به جرم کودتا بازداشت کرد", true, "with:Archbishops arrested/"},
		{"an archbishop at Canterbury is not it", "en", "The new Archbishop of Canterbury met the prime minister today at Lambeth", false, ""},
		// Georgia's president who played for Manchester City; his title in Arabic.
		{"the president who played for Man City, he", "he", "הנשיא שלהם שיחק פעם במנצ'סטר סיטי, ועכשיו הוא חותם על חוקים", true, "with:President who played for Manchester City/"},
		{"Georgia's president in Arabic", "ar", "رئيس جورجيا يرفض التوقيع على القانون الجديد", true, "institution:Georgia's offices by their title"},
		{"a Man City player alone is not it", "en", "Former Manchester City player joins a Turkish club on loan", false, ""},
		// The three opposition parties banned.
		{"three opposition parties banned, ko", "ko", "헌법재판소가 야당 세 개를 해산시켰다니, 선을 넘었다", true, "with:Opposition parties banned/"},
		// The honorary chairman deciding the prime minister.
		{"the honorary chairman picks the PM, he", "he", "יושב הראש של הכבוד שוב החליט מי יהיה ראש הממשלה", true, "with:Honorary chairman/"},
		// Six years since 19 September.
		{"19 September, six years, en", "en", "Sept 19. Six years. Nothing else to say today.", true, "with:19 September/"},
		// SOCAR's fuel to Armenia.
		{"SOCAR's gas to Armenia, en", "en", "SOCAR starts pipeline gas deliveries to Armenia through Georgia this week", true, "with:SOCAR to Armenia/"},
		// Nikol on Facebook, in French.
		{"Nikol rewrites history on Facebook, fr", "fr", "Nikol a encore réécrit l'histoire sur Facebook ce matin", true, "with:Nikol/"},
		// Out: the neighbour's dog Zangezur; a teacher Ivanishvili in Latin Georgian; the Baku race.
		{"a dog named Zangezur is not it", "hy", "Հարևանի շանն անունը Զանգեզուր են դրել, ամբողջ գիշեր հաչում ա", false, ""},
		{"a teacher named Ivanishvili is not it", "ka", "chems maswavlebels ivanishvili hqvia, ara, natesavi ar aris 😂", false, ""},
		{"the Baku qualifying is not it", "en", "Baku quali was chaos again, three red flags. Azerbaijan GP never disappoints", false, ""},
	})
}

// TestRound25FourthClasses: the classes read off rt290-rt295, the round's
// third blind wave, after it was measured.
func TestRound25FourthClasses(t *testing.T) {
	runClassCases(t, []classCase{
		// Direct links between the capitals and to Nakhchivan.
		{"the first direct flight Yerevan-Baku, es", "es", "Primer vuelo directo Ereván–Bakú: cuarenta y cinco minutos", true, "event:Baku-Yerevan flights"},
		{"Yerevan to Nakhchivan direct, en", "en", "Yerevan to Nakhchivan, direct, on the departures board today", true, "with:Baku to Yerevan/"},
		// The Meghri section and the Margara crossing's first buses.
		{"the first train on the Meghri section, ru", "ru", "Первый грузовой поезд прошёл по Мегринскому участку, люди выходили к путям", true, "place:Meghri"},
		{"the first bus through Margara, hy", "hy", "Մարգարայով առաջին ավտոբուսը գնաց Կարս", true, "with:Margara/"},
		// Tartar's mines; going home to Aghdam after decades.
		{"a tractor on a mine in Tartar, az", "az", "Tərtərdə yenə traktor minaya düşdü, sürücü yaralıdır", true, "place:Karabakh districts"},
		{"home to Aghdam after 36 years, tr", "tr", "Ağdam'da dayım 36 yıl sonra evine döndü, kapıda ağladı", true, "with:Karabakh districts/"},
		// The Dream in French beside its laws; in Korean beside the election commission.
		{"the Dream votes another law, fr", "fr", "Le Rêve a encore voté une loi sur la transparence", true, "with:Dream in French/"},
		{"the Dream's majority again, ko", "ko", "선관위 발표 보니 '꿈'이 또 과반이네", true, "with:Dream in Korean/"},
		// Formula in Japanese; Nikol against the Catholicos in Japanese.
		{"Formula loses its licence, ja", "ja", "フォルムラの放送免許、更新拒否で閉局の危機", true, "institution:Georgian TV channels"},
		{"Nikol fighting the church, ja", "ja", "ニコル、またカトリコスと喧嘩してる", true, "with:Etchmiadzin/"},
		// Georgia's candidate status frozen; Turkey's is not it.
		{"the candidate status frozen, en", "en", "Candidate status frozen for the fourth year and Tbilisi still says 2030", true, "with:Candidate status frozen/"},
		{"Turkey's frozen candidate status is not it", "en", "Turkey's EU candidate status has been frozen for years, Ankara says", false, ""},
		// Out: a street named Zangezur, a wrestler Haji Aliyev, the grandmaster Mamedyarov, Karabakh horses.
		{"a street named Zangezur is not it", "az", "Küçəmizin adı Zəngəzur küçəsidir, asfalt hələ yoxdur", false, ""},
		{"a wrestler Haji Aliyev is not it", "az", "Hacı Əliyev yenə medal qazandı, güləşçilərimizə afərin", false, ""},
		{"the grandmaster Mamedyarov is not it", "en", "Round 5 at the Baku open: Mamedyarov sacrificed a rook and won in 30 moves", false, ""},
		{"Karabakh horses at a horse show are not it", "nl", "Karabach-paarden op de Paardendagen, wat een glans", false, ""},
	})
}
