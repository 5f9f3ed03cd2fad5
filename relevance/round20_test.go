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
		{"the song contest as ESC, out", "de", "ESC-Halbfinale: Georgiens Beitrag ist stark, Armenien eher meh, Aserbaidschan solide", false, "neg:Sakartvelo/"},
		{"Aghdam the port wine, out", "az", "rusların \"Агдам\" portveyni haqqında mem gördüm, bizim Ağdamla heç bir əlaqəsi yoxdur", false, "neg:Karabakh districts/Food"},
	})
}
