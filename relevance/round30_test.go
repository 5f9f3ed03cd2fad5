package relevance

import "testing"

// TestRound30Classes: the classes and names of issue 11's thirtieth round,
// from rt350-rt355 read after their blind measurements. Each case fails
// with the rules before the round; the cases named "... is not it" guard
// this round's own rules.
func TestRound30Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// Karapetyan arrested and his grid nationalised, in more spellings.
		{"Karapetyan in custody, his grid taken, de", "de", "Karapetjan bleibt in Haft, und sein Stromnetz wird jetzt verstaatlicht", true, "with:Surnames of the detained/"},
		{"Karapetyan arrested, ko", "ko", "카라페탄 회장이 체포되고 나서 전력회사 국유화 얘기가 바로 나왔다", true, "with:Surnames of the detained/"},
		{"Karapetyan in traditional Chinese", "zh", "卡拉佩強至今仍被羈押，支持者每週都去法院外", true, "person:Samvel Karapetyan"},
		// The airliner Russia shot down: the apology, the shooting-down.
		{"Putin's apology for the AZAL plane, el", "el", "Τελικά ο Πούτιν ζήτησε συγγνώμη για το αεροπλάνο της AZAL ή απλώς εξέφρασε λύπη;", true, "with:AZAL/"},
		{"they shot the plane down, az", "az", "Rusiya təyyarəni vurub, indi də heç nə olmayıb kimi susur", true, "event:AZAL crash"},
		// Abu Dhabi, July 2025: the two leaders with no mediator.
		{"Abu Dhabi with no mediators, en", "en", "Abu Dhabi: the two leaders in one room, no mediators, and the talks still go nowhere", true, "with:Abu Dhabi without mediators/"},
		{"Abu Dhabi with no mediators, zh", "zh", "阿布扎比这次会谈没有第三方在场，两位领导人直接谈判", true, "with:Abu Dhabi without mediators/"},
		{"the Abu Dhabi Grand Prix is not it", "en", "Abu Dhabi Grand Prix tickets are sold out again, talks about a second race continue", false, "!with:Abu Dhabi without mediators/"},
		// Georgia's opposition jailed for refusing the parliament's commission.
		{"jailed for skipping the commission, nl", "nl", "Weer oppositieleiders die maanden cel krijgen omdat ze niet voor de onderzoekscommissie verschenen", true, "with:Commission refusal jailed/"},
		{"jailed for skipping the commission, ja", "ja", "議会の調査委員会に出頭しなかっただけで、また野党党首に実刑判決", true, "with:Commission refusal jailed/"},
		{"the January 6 committee is not it", "en", "Bannon sentenced to four months in prison for defying the January 6 committee subpoena", false, "!with:Commission refusal jailed/"},
		// The route leased to the US for a century.
		{"a century's lease of the road, ko", "ko", "미국이 그 도로를 100년 임차하겠다는 게 진짜야? 이란은 가만 안 있을 텐데", true, "with:Century lease of the route/"},
		{"a century's lease of the road, fa", "fa", "اجاره صد ساله جاده؟ لابد فکر کردند ارس مال خودشان است", true, "with:Century lease of the route/"},
		{"a port's 99-year lease is not it", "en", "Sri Lanka handed Hambantota port to China on a 99-year lease, and the debate never ended", false, "!with:Century lease of the route/"},
		// The church and the prime minister, in more languages.
		{"an archbishop arrested for a coup, fr", "fr", "Un archevêque arrêté pour tentative de coup d'État, annonce le Premier ministre", true, "with:Archbishops arrested/"},
		{"the Catholicos and the prime minister, fa", "fa", "نخست‌وزیر دوباره در فیسبوک به جاثلیق حمله کرد", true, "place:Etchmiadzin"},
		{"the security service at Etchmiadzin, de", "de", "Der Geheimdienst vor dem Tor von Etschmiadsin, die Polizei durchsucht die Residenz", true, "place:Etchmiadzin"},
		// Spellings: Kocharyan in Armenian Latin letters, Gvaramia in Korean.
		{"Kocharyan in Armenian Latin letters", "hy", "Qocharyan@ nori asum a vor galis en, 7 tari a galis", true, "person:Kocharyan"},
		{"Gvaramia sentenced, ko", "ko", "가바라미아가 또 징역형을 선고받았다", true, "person:Georgian opposition"},
		// Smuggling, the charge against Azerbaijan's journalists, beside political prisoners.
		{"political prisoners charged with smuggling, de", "de", "Wieder ein politischer Gefangener mehr, und wieder lautet der Vorwurf Schmuggel", true, "with:Journalists charged with smuggling/"},
		// "GD" beside a bill; the Orbeliani palace by its name with the protest.
		{"GD and another bill, en", "en", "GD rushing another bill through at midnight, nobody even read it", true, "with:GD/"},
		{"tear gas at Orbeliani, en", "en", "Tear gas at Orbeliani again tonight and the protest is still going", true, "place:Rustaveli"},
		// The ruling party as «Мечта» beside the court that bans parties; the
		// line's bridge in German; the honorary chairman's letters that become law.
		{"the Dream and the Constitutional Court, ru", "ru", "«Мечта» добилась запрета ещё двух партий через Конституционный суд", true, "with:Dream in Russian/"},
		{"arrests at the Enguri bridge, de", "de", "Wieder Festnahmen an der Enguri-Brücke, diesmal zwei Rentner mit Haselnüssen", true, "place:Abkhazia"},
		{"the honorary chairman's letter becomes law, de", "de", "Der Ehrenvorsitzende hat wieder einen Brief geschrieben, morgen ist es Gesetz", true, "with:Honorary chairman/"},
		// Wrong in before the round.
		{"Eurovision's Caucasus entries are not it", "ja", "ユーロビジョンでジョージアもコーカサス勢も準決勝で落ちた", false, "neg:Caucasus/Song contest"},
		{"the grandmaster's game is not it", "az", "Məmmədyarov bu gün formadadır, bugünkü partiya çox gözəl idi", false, "neg:Mammadyarov/"},
		{"Tangerines in Persian is not it", "fa", "فیلم نارنگی‌ها درباره جنگ آبخازیا را دوباره دیدم، بازی‌ها عالی است", false, "neg:Abkhazia/Fiction and film"},
	})
}
