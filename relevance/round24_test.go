package relevance

import "testing"

// TestRound24Classes: the classes of issue 11's twenty-fourth round, from
// rt254-rt259 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound24Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// The foreign minister's name with a French diaeresis.
		{"Mirzoïan in French", "fr", "Mirzoïan répète que la paix est désormais irréversible", true, "person:Mirzoyan"},
		// Saakashvili in Japanese with ヴ.
		{"Saakashvili in prison, ja", "ja", "サアカシュヴィリはまだ獄中なのか、誰も話題にしない", true, "person:Saakashvili"},
		// Vardanyan in Dutch.
		{"Vardanjan and The Hague, nl", "nl", "Zegt Den Haag nog iets over Vardanjan, of is Azerbeidzjaans gas belangrijker?", true, "with:Surnames of the detained/"},
		// Aghdara in Azerbaijani.
		{"the buses to Aghdara, az", "az", "Ağdərəyə ilk köç karvanı nə vaxt yola düşəcək, bilən var?", true, "place:Karabakh districts"},
		// South Ossetia in traditional Chinese.
		{"South Ossetia's fence, zh-Hant", "zh", "南奧塞提亞又把鐵絲網往前挪了，村民的果園變成了國界", true, "place:South Ossetia"},
		// The Dream by its short names in Korean, Japanese and Russian.
		{"the Dream party, ko", "ko", "꿈당은 또 선거가 공정했다고 우기네. 야당 대표들은 다 감옥에 있는데", true, "institution:Georgian Dream"},
		{"the Dream party, ja", "ja", "夢党がまた野党を「外国の手先」呼ばわり", true, "institution:Georgian Dream"},
		{"a dream of a parliament is not it", "ru", "Моя мечта: стать депутатом и отменить понедельники", false, ""},
		// The Dream's slogan, "into Europe with dignity".
		{"into Europe with dignity, ka", "ka", "„ღირსეულად ევროპაში“ — ამბობენ და ელჩებს ყოველ კვირას იბარებენ", true, "institution:Georgian Dream"},
		// Radio Tavisupleba, RFE/RL's Georgian service.
		{"Radio Tavisupleba loses accreditation, ru", "ru", "У «Радио Тависуплеба» отобрали аккредитацию в парламенте", true, "institution:Radio Tavisupleba"},
		// Aliyev's years in power.
		{"Aliyev as president longer than my phones, zh", "zh", "阿利耶夫当总统的时间比我用过的手机还多", true, "with:Aliyev/"},
		{"the Aliyevs in power for half a century, ko", "ko", "알리예프 집안 집권이 벌써 반세기", true, "with:Aliyev/"},
		// Nikol and Ilham in Korean.
		{"Nikol and Ilham's photo, ko", "ko", "니콜이랑 일함 악수 사진 또 나옴ㅋㅋ", true, "with:Nikol/"},
		// The plane Moscow shot down.
		{"who shot down our plane, az", "az", "Moskva yenə narahatdır. Bəs təyyarəmizi kim vurdu? Üzr hələ də yoxdur", true, "place:AZAL"},
		{"Putin called Ilham after the plane, ru", "ru", "Путин позвонил Ильхаму, после самолёта. Дружба, конечно", true, "with:Ilham on colonialism/"},
		{"an Ilham who calls his mother is not it", "ru", "Ильхам позвонил маме и поздравил её с днём рождения", false, ""},
		// AZAL's new routes are travel.
		{"AZAL's new direct flights, az, out", "az", "AZAL iyundan Bakı–Seul birbaşa reyslərinə başlayır, həftədə üç dəfə", false, "neg:AZAL/"},
		{"the plane's anniversary is not a timetable (in)", "az", "AZAL təyyarəsinin vurulmasından dörd il keçir, Moskva hələ üzr istəməyib", true, "place:AZAL"},
		// April 24: Washington's word, Ankara's denial, the march to the consulate.
		{"April 24 and Washington's word, tr", "tr", "24 Nisan geliyor, Washington bu sene hangi kelimeyi seçecek acaba", true, "with:April 24/"},
		{"April 24 and Ankara's denial, el", "el", "24 Απριλίου στο μνημείο, και η Άγκυρα ακόμα αρνείται", true, "with:April 24/"},
		{"April 24's march to the consulate, hy", "hy", "Ապրիլի 24-ի երթը այս տարի էլ ավարտվեց Թուրքիայի հյուպատոսության մոտ", true, "with:April 24/"},
		{"4·24 and the PM's flowers, zh", "zh", "又到4·24，总理今年还会去献花吗", true, "with:April 24/"},
		{"an April 24 birthday is not it", "tr", "24 Nisan doğum günüm, Ankara'da pasta yiyeceğiz", false, ""},
		// April 9 in Tbilisi, forty years on.
		{"April 9 and riot police at parliament, en", "en", "Flowers at the April 9 memorial, then riot police lines outside parliament", true, "with:April 9 in Tbilisi/"},
		{"April 9 in Tbilisi, ja", "ja", "4月9日のトビリシ、犠牲者を追悼する列に政府の姿はなかった", true, "with:April 9 in Tbilisi/"},
		{"April 9, forty years, zh", "zh", "4月9日，四十年了，他们的孙辈还举着欧盟旗站在同一条街上", true, "with:April 9 in Tbilisi/"},
		{"an April 9 dentist appointment is not it", "en", "Dentist on April 9, then the parliament of my flat votes on pizza", false, ""},
		// Rustaveli by the years, water cannon.
		{"the fifth year on Rustaveli, ru", "ru", "Пятый год на Руставели, а лица те же", true, "with:Rustaveli/"},
		{"water cannon on Rustaveli, ja", "ja", "ルスタヴェリ通りの動画がまた流れてきた。放水車、もう何年目だよ", true, "place:Rustaveli"},
		// The EU's white jeeps near the border.
		{"the EU's white jeeps near Chambarak, hy", "hy", "Ճամբարակի մոտ ԵՄ-ի սպիտակ ջիպերը էլ չեն երևում", true, "with:EU monitors' jeeps/"},
		// Delimitation: the commissions and the enclave of Karki.
		{"the commissions agree 8 km near Karki, ru", "ru", "Комиссии по делимитации согласовали ещё 8 км, спорным остаётся участок у Кярки", true, "place:Exclaves"},
		{"where the border runs after the treaty, zh", "zh", "和约签了，边界到底划到哪儿了？划界委员会年年都说有积极进展", true, "with:delimitation/"},
		// The Russian base leaving Gyumri.
		{"the Russians leaving Gyumri, nl", "nl", "Als de Russen echt uit Gjoemri weggaan is dat historisch", true, "with:Gyumri/"},
		// Gori's district and the moved fence.
		{"the fence near Gori's district, ru", "ru", "Под Горийским районом опять сдвинули «границу», колючка у огорода", true, "place:Georgian cities"},
		// The Great Return in Persian.
		{"the Great Return's billboards past the border, fa", "fa", "از مرز که رد میشی بیلبوردهای «بازگشت بزرگ» شروع میشه", true, "place:Great Return"},
		// Nakhchivan by the new road.
		{"three hours to Nakhchivan by the new road, zh", "zh", "那条路通了以后，从纳希切万开车回本土只要三个小时", true, "with:Nakhchivan/"},
		// Georgia a candidate in Greek.
		{"Georgia cannot be called a candidate, el", "el", "Ευρωβουλευτής στο Στρασβούργο: «Η Γεωργία δεν μπορεί να λέγεται υποψήφια χώρα όσο κρατά πολιτικούς κρατουμένους»", true, "with:Georgia/"},
		// The PM against the Catholicos in Spanish.
		{"the prime minister fighting the Catholicos, es", "es", "Un primer ministro peleando con el Católicos en Facebook, mi abuela no lo puede creer", true, "topic:church and state"},
		// The border at Iğdır.
		{"the border to open, an uncle in Iğdır, tr", "tr", "Sınır kapısı açılacak diye Iğdır'da amcam otuz yıldır bekliyor", true, "with:Turkish border towns/"},
		{"a bakery in Iğdır is not it", "tr", "Iğdır'da yeni fırın açıldı, simitler çok güzel", false, ""},
		// Moscow's inspectors and the region's produce.
		{"Lars stood again and apricots, ru", "ru", "Опять Ларс встал, и Россельхознадзор нашёл что-то в армянских абрикосах", true, "with:Russian import ban/"},
		{"a Lars von Trier film is not it", "ru", "Посмотрел новый фильм Ларса фон Триера, закрыт вопрос с выходными", false, ""},
		{"Rosselkhoznadzor on Moldovan wine is not it", "ru", "Россельхознадзор снова запретил молдавское вино", false, ""},
		// A class calls a boy named Nikol "the PM".
		{"a classmate nicknamed the PM, hy, out", "hy", "Մեր դասարանում Նիկոլ անունով տղա կա, ամբողջ դպրոցը իրեն «վարչապետ» ա ասում", false, ""},
		// Wrongly in: a Chinese review's "no duds", a football club in Chinese.
		{"a tavern with no duds, zh, out", "zh", "第比利斯老城的小酒馆随便进一家都不踩雷，陶罐酒太好喝了", false, "!topic:landmines"},
		{"the Russian troops' withdrawal is not the team (in)", "ja", "ロシアの平和維持部隊はカラバフから撤収した", true, "place:Karabakh"},
		{"a Kazakh colleague called Aliyev is not it", "zh", "新来的哈萨克同事姓Aliyev，大家都问他是不是总统亲戚", false, ""},
		{"a mine cleared in Aghdam is not it (in)", "zh", "阿格达姆又有人踩雷受伤，排雷还要很多年", true, "topic:landmines"},
		{"the Qarabag team in Europe, zh, out", "zh", "卡拉巴赫队又赢了，主场在巴库，客场三比一", false, "neg:Karabakh/"},
		// Wrongly in: market reports, ads, greetings, nothing political.
		{"Azeri Light's premium, en, out", "en", "Brent flat; Azeri Light at a $1.90 premium, BTC flows steady per SOCAR", false, "neg:Azerbaijan/Azeri Light"},
		{"the BTC pipeline's flows in a market report, en, out", "en", "Brent up 40 cents; BTC pipeline loadings steady, Azeri Light premium unchanged", false, "neg:BTC pipeline/"},
		{"a cargo discount from Baku, tr, out", "tr", "Bakü çıkışlı kargo gönderilerinde %20 indirim! Azerbaycan'a 48 saatte teslim", false, "neg:"},
		{"a birthday greeting from Gyumri, hy, out", "hy", "Ծնունդդ շնորհավոր, ախպերս, Գյումրիից Մոսկվա՝ կարոտով", false, "neg:"},
		{"nothing political tonight, hy, out", "hy", "Ինչ ֆիլմ նայենք, միայն ոչ մի քաղաքական բան", false, "neg:"},
		{"a Caucasus itinerary, es, out", "es", "Tiflis, Ereván y Bakú en dos semanas, ¿cómo van los vuelos y las fronteras? Primera vez en la zona", false, "neg:"},
		// From the rest of rt254-rt259's misses.
		{"Ilham müəllim's speech, az", "az", "Ilham muellimin nitqi yene 3 saat, 50 defe Qelebe", true, "with:Azerbaijani officials by nickname/"},
		{"Moscow threatens Yerevan with gas, de", "de", "Moskau droht Jerewan wieder mit dem Gaspreis", true, "with:Yerevan/"},
		{"Istanbul to Yerevan via Kars, nl", "nl", "Eerste bus Istanbul–Jerevan via Kars sinds dertig jaar", true, "with:Kars/"},
		{"oil from Baku for weapons, he", "he", "חצי מהנפט שלנו מגיע מבאקו, ובתמורה הם מקבלים נשק", true, "with:Baku/"},
		{"Tbilisi every night for years, ko", "ko", "트빌리시 사람들은 몇 년째 매일 밤 광장에 나간다", true, "with:Tbilisi/"},
		{"the road named after the American president, ko", "ko", "이란이 국경 옆에 미국 대통령 이름 붙은 길 생기는 걸 좋아할 리가", true, "institution:TRIPP"},
		{"the special envoys' twelfth round, tr", "tr", "Özel temsilciler 12. kez buluştu, yine diplomatik ilişkiler yakında dendi", true, "with:Special envoys/"},
		{"initialled at the White House, ar", "ar", "بعد ثلاث سنوات على التوقيع المبدئي في البيت الأبيض، الطريق بلا شاحنات", true, "event:Initialled at the White House"},
		{"a rally at the Komitas statue, fr", "fr", "Rassemblement ce soir devant la statue de Komitas, puis marche vers l'ambassade", true, "with:Komitas statue/"},
		{"Hajiyev against Macron, az", "az", "Hacıyev yenə Makronu tənqid edir, Yeni Kaledoniya məsələsi", true, "with:Hajiyev on France/"},
		{"a Hajiyev in France on holiday is not it", "az", "Qonşumuz Hacıyev ailəsi ilə Fransaya tətilə gedib", false, ""},
		{"the Dream became a nightmare, el", "el", "Το «Όνειρο» έγινε εφιάλτης, κάθε μήνα κι ένας νέος νόμος", true, "with:Dream in Greek/"},
		{"my dream and a law exam is not it", "el", "Το όνειρό μου είναι να περάσω στη Νομική", false, ""},
		{"the Dream and two satellites, ru", "ru", "А кто там в новом парламенте от оппозиции вообще? Я смотрю список и вижу только «Мечту» и двух сателлитов", true, "with:Dream in Russian/"},
		{"the billionaire in his glass tower, fr", "fr", "Le parti au pouvoir va demander au milliardaire dans sa tour de verre", true, "with:Glass palace/"},
		{"the Great Return past the Astara border, fa", "fa", "از مرز آستارا که رد میشی همه‌جا بیلبورد «بازگشت بزرگ»", true, "place:Great Return"},
		// From rt260-rt265, read after their blind measurements.
		{"Vardanyan, Arayik, Ishkhanyan, ru", "ru", "Варданян, Араик, Ишханян — кто о них ещё помнит", true, "person:Karabakh leaders"},
		{"Karapetyan under house arrest, ru", "ru", "Карапетяна вроде перевели под домашний, а теперь опять новое дело?", true, "with:Surnames of the detained/"},
		{"an agent of foreign influence, ru", "ru", "Ещё один «агент иностранного влияния»: детский хор из Кутаиси", true, "institution:Foreign influence transparency law"},
		{"raids on the media in Tbilisi, fr", "fr", "encore des perquisitions chez les médias indépendants à Tbilissi", true, "with:Tbilisi/"},
		{"a colleague held in Baku, fr", "fr", "Notre consœur est détenue à Bakou depuis un an, et Paris se tait", true, "with:Baku/"},
		{"Baku and Moscow cold, zh", "zh", "巴庫跟莫斯科的關係是真的冷了", true, "with:Baku/"},
		{"the Élysée calls Yerevan, fr", "fr", "Encore un appel Élysée–Erevan cette semaine, quelque chose se prépare", true, "with:Yerevan/"},
		{"the PM's Facebook live at dawn, fr", "fr", "Le Premier ministre en live Facebook à 6h du matin, encore", true, "with:PM's livestream/"},
		{"Iran against geopolitical changes, zh", "zh", "伊朗外长又说不接受任何地缘政治变化", true, "with:Iran against geopolitical changes/"},
		{"the first Baku-Yerevan flight, ru", "ru", "Первый прямой рейс Баку — Ереван запустят в июле", true, "event:Baku-Yerevan flights"},
		{"Yerevan and Baku in a list of destinations is not it", "ru", "Новое расписание: рейсы из Казани в Анталью, Дубай, Ереван, Баку и Ташкент, билеты уже в продаже", false, "!event:Baku-Yerevan flights"},
		{"Agos on the border, tr", "tr", "Agos'un manşeti: sınır açılırsa ilk kim geçecek?", true, "with:Agos/"},
		{"Ani's church restored together, tr", "tr", "Ani'deki Abugamrenç Kilisesi için ortak restorasyon protokolü imzalandı", true, "with:Ani restoration/"},
		{"a sunset at Ani is not it", "tr", "Ani Ören Yeri'nde gün batımı, Arpaçay'ın öbür yakası Ermenistan", false, "!with:Ani restoration/"},
		{"another night on Rustaveli, he", "he", "עוד לילה ברוסטאבלי עם דגלי האיחוד האירופי", true, "place:Rustaveli"},
		{"West Azerbaijan in Korean, ko", "ko", "일함이 또 서아제르바이잔 얘기를 꺼냈다", true, "institution:Western Azerbaijan"},
		{"victory counted in Aliyev's speech, ja", "ja", "アリエフの演説で「勝利」が14回も出てきた", true, "with:Aliyev/"},
		{"a brother nicknamed Aliyev, ar, out", "ar", "أخي اسمه علي، ومن يوم رجع من باكو أصحابه ينادونه علييف", false, ""},
		{"an aunt from Hadrut since 2023, es", "es", "Mi tía de Hadrut vive en un cuarto alquilado desde 2023", true, "with:Karabakh districts/2023"},
		{"by train from Nakhchivan to Baku, tr", "tr", "Nahçıvan'dan Bakü'ye trenle gitmek hayaldi", true, "with:Nakhchivan/"},
		{"a dog called Artsakh, hy, out", "hy", "Մեր շունը՝ Արցախը, այսօր 5 տարեկան դարձավ", false, "neg:Artsakh/"},
		{"Karabakh carpets at an exhibition, ar, out", "ar", "معرض للسجاد الأذربيجاني في الشارقة، نقوش قره باغ مذهلة", false, "neg:Karabakh/"},
		{"an independence day greeting, tr, out", "tr", "Azerbaycan'ın Bağımsızlık Günü kutlu olsun kardeşlerim", false, "neg:statehood/"},
		{"a Victory Day greeting is not it (in)", "tr", "8 Kasım Zafer Günü kutlu olsun, Karabağ Azerbaycan'dır", true, ""},
		{"party bans in Georgian Latin letters, ka", "ka", "ra xdeba? martla akrdzaloben partiebs sakonstitucioshi?", true, "with:opposition/"},
		// From rt266-rt271, read after their blind measurements.
		{"another journalist jailed in Batumi, zh", "zh", "巴统又有一个记者被抓了，罪名还是袭警", true, "with:Georgian cities/"},
		{"Mzia's portrait in Batumi, ka", "ka", "მზიას პორტრეტი ისევ ბათუმის კედლებზეა", true, "with:Mzia in Georgian/"},
		{"every evening at parliament for five years, de", "de", "Jeden Abend vor dem Parlament, seit fast fünf Jahren", true, "with:Nightly protest at parliament/"},
		{"days since 28/11, el", "el", "1.700 μέρες από τις 28/11 και ακόμα κατεβαίνουν κάθε βράδυ", true, "with:Days since 28 November/"},
		{"Albania's 28 November is not it", "en", "Albania marks 28 November with two days of parades in Tirana", false, ""},
		{"the group violence charge, ru", "ru", "четвёртый год сидят ребята за «групповое насилие» на акциях", true, "event:Group violence charge"},
		{"the Dream won again, fr", "fr", "le Rêve a encore gagné les élections avec 54 %, comme par hasard", true, "with:Dream in French/"},
		{"my dream of winning an election is not it", "fr", "mon rêve : gagner les élections du bureau des étudiants", false, ""},
		{"the party that called itself the Dream, ar", "ar", "الحزب الذي سمّى نفسه الحلم حوّل حياة جيل كامل إلى كابوس", true, "with:Dream in Arabic/"},
		{"Azerbaijan and Russia since the crash, zh", "zh", "亞塞拜然跟俄羅斯從那次空難之後就徹底翻臉了", true, "with:Plane shot down beside Azerbaijan/"},
		{"MH17 shot down is not it", "zh", "马航客机被击落十年，荷兰仍在追责俄罗斯", false, ""},
		{"the PM's five-hour live, es", "es", "El primer ministro hizo un directo de cinco horas anoche", true, "with:PM's livestream/"},
		{"from Heydar to Ilham, tr", "tr", "Heydər'den İlham'a, İlham'dan Heydər'e. Tarih tekerrürden ibaret", true, "with:Ilham on colonialism/"},
		{"Qarabag wins at football, az, out", "az", "'Qarabağ udur' yazanda anam elə bilir müharibədir, izah edirəm ki futboldur", false, ""},
		{"a classmate surnamed Pashinyan, hy, out", "hy", "Փաշինյան ազգանունով դասընկերս ատամնաբույժ ա, ամեն հիվանդ հարցնում ա՝ բարեկամ չե՞ք", false, ""},
		{"a groupmate named Ilham Aliyev, az, out", "az", "Qrup yoldaşım olan İlham Əliyevlə (yox, o yox) görüşdük, indi Gəncədə diş həkimidir", false, ""},
		{"a goat named Pashinyan, en, out", "en", "my uncle named his new goat Pashinyan and it has more charisma than my boss", false, ""},
		{"the Iranian army's drills, ko", "ko", "이란군, 아제르바이잔 접경서 대규모 훈련… 바쿠 반발", true, "actor:Iran"},
		{"arms exports to Azerbaijan, he", "he", "ועדת החוץ והביטחון דנה בייצוא נשק לאזרבייג'ן בדלתיים סגורות", true, "with:Azerbaijan/"},
		{"gas and human rights, nl", "nl", "Azerbeidzjaans gas via TAP, mensenrechten worden op ambtelijk niveau besproken", true, "with:Azerbaijan/"},
		{"medical scholarships in Tbilisi, ar, out", "ar", "منح دراسية لدراسة الطب في جورجيا، جامعة تبليسي الحكومية، التسجيل مفتوح", false, ""},
		{"Stalin from Georgia as trivia, ko, out", "ko", "스탈린이 조지아 출신인 거 오늘 처음 알았음. 러시아 사람인 줄", false, ""},
		{"Armenia a NATO base, fa", "fa", "تو مجلس یه نماینده گفت ارمنستان داره پایگاه ناتو میشه", true, "topic:NATO path"},
		{"the 102nd base in parliament, zh", "zh", "俄军102基地续约的事在国会被拿出来问了", true, "place:Gyumri"},
		{"another mine in Aghdam, he", "he", "עוד מוקש באגדאם, עוד הרוג", true, "place:Karabakh districts"},
		{"Rustaveli tonight, zh", "zh", "魯斯塔韋利大道今晚還有人嗎？警察又在國會前面拉封鎖線", true, "place:Rustaveli"},
		{"new boundary pillars in Tavush, zh", "zh", "今天在塔武什的村口看到新立的界桩", true, "topic:delimitation"},
		{"the transparency law, ko", "ko", "조지아 여당의 '투명성법'은 사실상 언론 탄압법", true, "institution:Foreign influence transparency law"},
		// The read sets' English misses: "the Georgian opposition".
		{"the Georgian opposition's fourth unity platform, en", "en", "the Georgian opposition announced a unity platform again, the fourth since 2024", true, "with:Georgian/opposition"},
	})
}
