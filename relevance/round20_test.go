package relevance

import "testing"

// TestRound20Classes: the classes of issue 11's twentieth round, from
// rt194-rt199 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound20Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// Korean writes its particles on the noun: a form without them
		// missed "4월 24일이" and "바쿠에서는".
		{"24 April with its particle, ko", "ko", "4월 24일이 또 왔다. 정부는 올해도 '그 단어'를 피한다", true, "with:April 24/"},
		{"Baku with its particle, ko", "ko", "결국 바쿠까지 간 평화 협상, 국경 획정 문제는 그대로", true, "place:Baku"},
		{"Gunba with its particle, ko", "ko", "하짐바까지 모스크바에 불려 갔다", true, "person:Abkhaz leaders"},
		{"Kocharyan with its particle, ko", "ko", "코차랸처럼 말하는 야당 의원들", true, "person:Kocharyan"},
		{"a birthday on 24 April is not it", "ko", "4월 24일이 내 생일이라 케이크 샀다", false, ""},
		{"what grandpa calls the country is not it", "ko", "그 아저씨는 아직도 '그루지야'라고 부른다. 조지아라고 하면 미국 얘긴 줄 앎", false, ""},
		// The treaty initialled in Washington, in the newer languages.
		{"initialled in Washington, ja", "ja", "ワシントンで仮署名して握手してた写真、もう3年前か…本署名まだなの", true, "with:Initialled peace treaty/"},
		{"initialled peace, ar", "ar", "اتفاق سلام موقّع بالأحرف الأولى من ٣ سنين… متى التوقيع؟", true, "with:Initialled peace treaty/"},
		// "Means" after the name is a gloss; further on it is the writer's.
		{"peace means a cut subsidy, fa", "fa", "آوارگان قره‌باغ هنوز در خوابگاه‌ها هستند. صلح برای آن‌ها یعنی قطع یارانه مسکن", true, "place:Karabakh"},
		{"the name's meaning is still not it, fa", "fa", "قره‌باغ یعنی باغ سیاه", false, "neg:Karabakh/"},
		// The districts beside their mines.
		{"a mine near Aghdam, zh", "zh", "阿格达姆那边又有人踩雷了，战争结束快五年", true, "with:Karabakh districts/landmines"},
		{"a mine near Aghdam, he", "he", "השבוע עוד אזרח נהרג ממוקש ליד אגדם. חמש שנים אחרי", true, "with:Karabakh districts/landmines"},
		{"Tavush with its prefix, he", "he", "מה קרה אתמול ליד הגבול בטאבוש? ראיתי סרטונים", true, "place:Armenian regions"},
		{"a hamster named Mishiko, out", "ru", "Назвали хомяка Мишико. Сжевал провод от зарядки", false, "neg:Saakashvili/Pet names"},
		{"the fan zone, out", "ru", "Грузины в фан-зоне поют «Тбилисо» после каждого гола", false, "neg:Sakartvelo/Sport"},
		{"Georgia the state in French, out", "fr", "Géorgie (États-Unis) : la Cour suprême de l'État valide la nouvelle carte électorale", false, "neg:Sakartvelo/US Georgia"},
		// Mzia in Georgian beside her prison; the date as Western Armenian
		// and German write it; Karapetyan's detention in Korean.
		{"Mzia's letter from prison, ka", "ka", "მზიას ახალი წერილი გამოქვეყნდა ციხიდან. წაიკითხეთ ბოლომდე", true, "with:Mzia in Georgian/"},
		{"a birthday of a Mzia is not it", "ka", "მზიას დაბადების დღე გვაქვს დღეს", false, ""},
		{"24 April in Western Armenian", "hy", "Ապրիլ 24-ի երթը Լոս Անճելըսի մէջ այս տարի աւելի փոքր էր, բայց պահանջը նոյնն է. ճանաչում եւ հատուցում", true, "with:April 24/"},
		{"24.4. in German", "de", "Bundestag hat 2016 anerkannt, trotzdem schafft es das AA jedes Jahr am 24.4., das Wort Völkermord zu vermeiden", true, "with:April 24/"},
		{"a dentist on 24.4. is not it", "de", "Termin am 24.4. beim Zahnarzt", false, ""},
		{"Karapetyan detained, ko", "ko", "카라페탼 구속된 지 3년 다 돼가는데 아직 재판 중인가요?", true, "with:Surnames of the detained/"},
		// 8 August's summit in the newer languages, the five-day war, the
		// velvet revolution with its square, the PM's livestream written
		// out, EU monitors in Greek.
		{"8 August at the White House, ja", "ja", "8月8日のホワイトハウスの三者の握手、当時は茶番だと思ってた", true, "with:8 August/"},
		{"8 August at the White House, ko", "ko", "작년 8월 8일 백악관에서 세 사람 손 맞잡은 사진", true, "with:8 August/"},
		{"the five-day war, ar", "ar", "آب الجاي بيكمّل عشرين سنة على حرب الخمس أيام، والدبابات الروسية لسا قريبة", true, "event:Five-day war"},
		{"a hypothetical five-day war is not it", "en", "Hypothetically a five-day war would end the season early", false, ""},
		{"the velvet revolution's square, ja", "ja", "ビロード革命から10年。あの春に共和国広場で叫んでた若者たち", true, "with:Velvet revolution/"},
		{"Prague's velvet revolution is not it", "en", "Prague remembers the Velvet Revolution of 1989 with candles on Národní", false, ""},
		{"the PM live on Facebook, zh", "zh", "某总理又在脸书上直播了，路上顺便骂了一顿大牧首", true, "with:PM's livestream/"},
		{"EU monitors, el", "el", "Τα drones ήρθαν πάλι μέχρι τη γραμμή. Οι παρατηρητές της ΕΕ έγραψαν αναφορά.", true, "institution:EU monitoring mission"},
		// A household's joke in the region's languages: the opposition is
		// grandma, the sanctions fall on the children.
		{"grandma is the opposition at home, az", "az", "Bizim evdə müxalifət nənəmdir. Televizor pultunu vermir, seriala baxır", false, "neg:opposition/Household"},
		{"a ceasefire at home, az", "az", "Evdə rəsmi atəşkəs elan etdim: planşet üstə dava edən hər iki tərəf sanksiyaya düşür. Vasitəçi — nənəm", false, "neg:sanctions/Household"},
		{"the opposition jailed is still in", "az", "Müxalifət liderləri yenə həbs olundu, məhkəmə qərarı ilə", true, "topic:opposition"},
		{"a hamster named Pashinyan, ja, out", "ja", "友達がハムスターに「パシニャン」って名前つけてた。理由は「ヒゲの感じが似てるから」", false, "neg:Pashinyan/Pet names"},
		{"a flight to Baku and its passport control, out", "ru", "Кто-нибудь летал из Москвы в Баку в этом году? Как сейчас на паспортном контроле, долго?", false, "neg:Baku/Travel"},
		// Armenian, Georgian and Russian in Latin letters, as people type
		// them on phones.
		{"the MFA and Baku in Latin letters, hy", "hy", "Ape, vapshe mer MID-y inch a anum? Baqun amen or haytararutyun a anum, mery lrum en", true, "with:foreign minister/Armenian script"},
		{"the Gyumri base in Latin letters, hy", "hy", "Eli Gyumru bazayi masin en xosum, bayc voch mi qayl", true, "event:Russian base in Gyumri"},
		{"sanctions in Latin letters, ka", "ka", "amerikam kidev 5 kaci daasanqcia, mat shoris mosamartleebi", true, "with:sanctions/Georgian script"},
		{"detentions in Latin letters, ru", "ru", "nu vot, v Gruzii opyat zaderzhaniya posle akcii, a u nas tishina", true, "topic:repression"},
		{"mid-term exams are not it", "en", "MID-TERM exams next week, wish me luck", false, ""},
		// The constitution that must change before the treaty: not
		// Ukraine's, not a list of other countries'.
		{"the referendum before the peace deal", "en", "so the constitution referendum is a precondition for the peace deal again", true, "with:constitution/peace deal"},
		{"Ukraine's constitution in a peace plan is not it", "en", "Ukraine would have to change its constitution under the peace deal, Zelensky says", false, "neg:constitution/"},
		{"Sudan's peace agreement and constitution are not it", "en", "Sudan's peace agreement calls for a new constitution within a year", false, "neg:constitution/Countries"},
		{"the song contest as ESC, out", "de", "ESC-Halbfinale: Georgiens Beitrag ist stark, Armenien eher meh, Aserbaidschan solide", false, "neg:Sakartvelo/"},
		{"Aghdam the port wine, out", "az", "rusların \"Агдам\" portveyni haqqında mem gördüm, bizim Ağdamla heç bir əlaqəsi yoxdur", false, "neg:Karabakh districts/Food"},
	})
}
