package relevance

import "testing"

// TestLanguagesWithoutSpaces: Chinese and Japanese write no spaces between
// words, so every character is a word of its own and a form is a phrase of
// characters (issue 11, fourteenth round). Korean writes spaces and takes
// its particles as endings.
func TestLanguagesWithoutSpaces(t *testing.T) {
	runClassCases(t, []classCase{
		{"a peace agreement, zh", "zh", "亚美尼亚与阿塞拜疆外长在华盛顿草签和平协议文本", true, "topic:peace deal"},
		{"a peace agreement, zh-Hant", "zh", "亞美尼亞總理帕希尼揚表示，與亞塞拜然的和平條約仍待簽署", true, "person:Pashinyan"},
		{"protests in Tbilisi, zh", "zh", "第比利斯的反政府抗议已经持续一年，警察再次驱散国会前的示威者", true, "place:Tbilisi"},
		{"the agents' law, zh-Hant", "zh", "喬治亞國會通過外國代理人法，歐盟暫停入盟程序", true, "institution:Foreign influence transparency law"},
		{"the ruling party, ja", "ja", "ジョージアの与党「ジョージアの夢」が野党3党の活動禁止を憲法裁判所に申し立て", true, "institution:Georgian Dream"},
		{"the corridor, ja", "ja", "アルメニア南部を通る「トランプ・ルート」にイランが反発、国境付近で軍事演習", true, "institution:TRIPP"},
		{"Baku and Moscow, ja", "ja", "バクーとモスクワの関係が悪化、アゼルバイジャン政府はロシアの通信社の支局を閉鎖", true, "place:Baku in Japanese"},
		{"the Georgian prime minister, ko", "ko", "코바히제 조지아 총리가 EU 가입 협상을 2028년까지 보류한다고 밝혔다", true, "person:Kobakhidze"},
		{"border delimitation, ko", "ko", "아르메니아와 아제르바이잔이 국경 획정 위원회 회의를 다시 열었다", true, "topic:border"},
		// Not politics.
		{"the US state, ja", "ja", "ジョージア州アトランタの空港で乗り継ぎ、5時間待ち", false, "!place:Georgia"},
		{"canned coffee, ja", "ja", "自販機でジョージアの缶コーヒー買った。寒い朝はこれ", false, "!place:Georgia"},
		{"Bakunin, ja", "ja", "バクーニンの国家論を読んでいる。アナキズムの古典", false, "!place:Baku in Japanese"},
		{"the horse breed, ja", "ja", "カラバフ馬の金色の毛並みが美しい。いつか乗ってみたい", false, "!place:Karabakh"},
		{"the US state, ko", "ko", "조지아주 애틀랜타 공장에서 한국인 근로자들이 일한다", false, "!place:Georgia"},
		{"Eurovision, ko", "ko", "유로비전 결선에 아르메니아와 아제르바이잔이 둘 다 올라갔다", false, ""},
		{"wine, zh", "zh", "格鲁吉亚的陶罐葡萄酒真好喝，推荐大家试试", false, ""},
		{"the US state, zh-Hant", "zh", "喬治亞州的桃子今年特別甜", false, "!place:Georgia"},
	})
}

// TestLanguagesOfTheNeighbours: Arabic, Persian and Hebrew write "and",
// "in" and "the" on the word, so a name is listed with them; Greek,
// Dutch and Ukrainian decline or spell the names their own way (issue 11,
// fourteenth round).
func TestLanguagesOfTheNeighbours(t *testing.T) {
	runClassCases(t, []classCase{
		{"a peace treaty, ar", "ar", "أرمينيا وأذربيجان توقعان معاهدة السلام في واشنطن بحضور ترامب", true, "topic:peace deal"},
		{"the Constitutional Court, ar", "ar", "المحكمة الدستورية في جورجيا تنظر في حظر أحزاب المعارضة", true, "with:Georgia/"},
		{"the corridor, fa", "fa", "ایران با کریدور زنگزور مخالف است و آن را تهدیدی برای مرزهای خود می‌داند", true, "place:Zangezur"},
		{"Pashinyan, fa", "fa", "پاشینیان گفت توافق صلح با جمهوری آذربایجان نزدیک است", true, "person:Pashinyan"},
		{"journalists jailed, he", "he", "בית משפט בבאקו גזר מאסר על עיתונאים ממדיה עצמאית", true, "topic:repression"},
		{"Georgia's protests, he", "he", "עוד לילה של הפגנות בטביליסי נגד ממשלת גאורגיה", true, "place:Tbilisi"},
		{"the agents' law, el", "el", "Ο νόμος για τους ξένους πράκτορες έκλεισε τρία ανεξάρτητα μέσα στην Τιφλίδα", true, "institution:Foreign influence transparency law"},
		{"a peace agreement, nl", "nl", "Armenië en Azerbeidzjan tekenen vredesakkoord in het Witte Huis", true, "topic:peace deal"},
		{"the Dream's law, uk", "uk", "Закон про іноагентів у Грузії: перші штрафи журналістам", true, "institution:Foreign influence transparency law"},
		// Not politics.
		{"the greeting, ar", "ar", "السلام عليكم من أرمينيا، الطقس جميل اليوم", false, "!topic:peace"},
		{"Iran's provinces, fa", "fa", "زلزله در آذربایجان غربی، نزدیک ارومیه", false, "!place:Azerbaijan"},
		{"the Armenian Quarter, he", "he", "סיור ברובע הארמני בירושלים, קרמיקה ומאפים", false, "!place:Armenia"},
		{"the ministry of agriculture, el", "el", "Ο υπουργός Γεωργίας ανακοίνωσε νέες επιδοτήσεις για τους αγρότες", false, "!place:Georgia"},
		{"a soup, nl", "nl", "Recept van de week: Armeense linzensoep met abrikozen", false, ""},
		{"the club, uk", "uk", "Шахтар — Карабах у Лізі конференцій, прогнози?", false, "!place:Karabakh"},
		{"the club, ar", "ar", "قره باغ يفوز على بنفيكا في دوري الأبطال", false, "!place:Karabakh"},
	})
}

// TestLanguagesLaterReads: what the round's fourth writer in these
// languages showed, read after its blind measurement (issue 11,
// fourteenth round).
func TestLanguagesLaterReads(t *testing.T) {
	runClassCases(t, []classCase{
		{"Tskhinvali's fence, zh", "zh", "茨欣瓦利方向的铁丝网又往前挪了几百米，村民的果园到了另一边", true, "place:South Ossetia"},
		{"the nights on Rustaveli, el", "el", "Και απόψε στη Ρουσταβέλι. 700 νύχτες και ακόμα εκεί.", true, "with:Protest day count/"},
		{"landmines, ko", "ko", "아제르바이잔 귀환 지역에서 올해도 지뢰 사고로 민간인 사상자가 나왔다", true, "topic:landmines"},
		{"Azerbaijani gas, el", "el", "Το αζερικό αέριο και η σιωπή της Αθήνας για τις συλλήψεις δημοσιογράφων στο Μπακού", true, "place:Azerbaijan"},
		{"Iran and the border, ar", "ar", "إيران كانت تعتبر حدودها مع أرمينيا خطاً أحمر", true, "topic:border (Arabic)"},
		// Not politics.
		{"to sail straight, el", "el", "«Ας καθίσουμε στραβά κι ας αρμενίζουμε ίσια», είπε ο προπονητής", false, "!place:Armenia"},
		{"about 180 dollars, fa", "fa", "قیمت آیفون تو ایروان حدود ۱۸۰ دلار از تهران ارزون‌تره", false, "!topic:border"},
		{"a family trip, ar", "ar", "السفر إلى جورجيا مع العائلة: تبليسي وباتومي، والأكل حلال متوفر", false, ""},
		{"the alphabet, ja", "ja", "アルメニア文字を全部読めるようになった！筆記体はまだ無理", false, ""},
		{"a list with enumeration commas, zh", "zh", "上合组织的对话伙伴（含阿塞拜疆、亚美尼亚、土耳其、埃及）明天考试要考", false, "neg:Armenia/、"},
		{"a list with enumeration commas, ja", "ja", "ユーラシア経済連合の加盟国はロシア、ベラルーシ、カザフスタン、キルギス、アルメニア", false, "neg:Armenia/、"},
		{"two countries and a mediator, zh", "zh", "亚美尼亚和阿塞拜疆外长在俄罗斯斡旋下会谈，土耳其表示欢迎", true, "!neg:Armenia/"},
		{"the protest on Rustaveli, ja", "ja", "ルスタベリ通りのデモ、今日で2年。毎晩まだ人がいる", true, "topic:protest"},
		{"Bidzina decides, zh", "zh", "那个国家的政治一句话：比济纳说了算，总理只是换人", true, "with:Bidzina/"},
		{"the global war party, ja", "ja", "政府はまた何でも「グローバル戦争党」のせいにしている", true, "institution:Global war party"},
		{"the trilateral statement's night, ja", "ja", "2020年11月10日の停戦声明から6年。あの夜のことを覚えている", true, "with:10 November/"},
		{"a checkpoint on the Goris-Kapan road, ko", "ko", "고리스-카판 도로에 아제르바이잔 검문소가 생긴 지 3년", true, "topic:border"},
		{"a demo song, ja", "ja", "アルメニア出身のバンドのデモ音源を聴いた", false, "!topic:protest"},
		{"looking for relatives, he", "he", "מחפשת קרובים: משפחה מצחינוואלי שעלתה לפני 1970", false, "!place:South Ossetia"},
	})
}

// TestLanguagesDiplomaticRegister: the United Nations, its resolutions and
// observers, sovereignty and statehood, a permanent representative, in the
// eight languages (issue 11, fourteenth round), as the diplomatic register
// counts in every other language of the rules.
func TestLanguagesDiplomaticRegister(t *testing.T) {
	runClassCases(t, []classCase{
		{"a letter to the Security Council, zh", "zh", "阿塞拜疆常驻联合国代表致安理会主席的信", true, "topic:United Nations"},
		{"a letter to the Security Council, ar", "ar", "رسالة موجهة إلى رئيس مجلس الأمن من الممثل الدائم لأذربيجان لدى الأمم المتحدة", true, "with:Azerbaijan/State organs"},
		{"territorial integrity, fa", "fa", "ایران بر تمامیت ارضی ارمنستان و آذربایجان تأکید کرد", true, "topic:sovereignty"},
		{"observers on the border, ja", "ja", "EUの監視団がアルメニア側の国境を巡回している", true, "topic:observers"},
		{"the General Assembly, el", "el", "Νέο ψήφισμα της Γενικής Συνέλευσης του ΟΗΕ για την Αρμενία", true, "topic:United Nations"},
		// Not politics.
		{"Esteghlal, fa", "fa", "استقلال تهران با گل دقیقه آخر ارمنستانی ها را برد", false, "!topic:statehood"},
		{"to be placed, fa", "fa", "این اپرا در جشنواره هنرهای آذربایجان در مسکو مورد توجه قرار گرفت", false, "!topic:resolution"},
		{"an indie game, zh", "zh", "亚美尼亚独立游戏开发者大会在埃里温举行", false, "!topic:statehood"},
	})
}
