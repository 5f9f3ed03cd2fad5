package relevance

import "testing"

// Issue 11, tenth round: the classes of the three sets kept unread since the
// ninth round (rt31, rt34, rt35), and of the writers' sets measured blind in
// this round. Every case of a class (a post that must now come in, or a near
// miss that must now go out) fails with the ninth round's rules; the guards
// beside them pass with both.

// TestDatesThatNameEvents: a date alone names the event when a word of it is
// near: 8 August with the White House's signatures or the 2008 war, 8
// November with Azerbaijan's flags, 4 October and 28 November with Tbilisi.
// A birthday on the same dates stays out.
func TestDatesThatNameEvents(t *testing.T) {
	runClassCases(t, []classCase{
		{"8 August, the signing, tr", "tr", "8 Ağustos'ta Beyaz Saray'da atılan imzalardan sonra sınırda ne değişti?", true, "with:8 August/Beyaz Saray*"},
		{"8 August, the signatures, ka", "ka", "8 აგვისტოს თეთრ სახლში ხელმოწერიდან წელიწადზე მეტი გავიდა.", true, "with:8 August/ხელმოწერ*"},
		{"8 November, the flags, az", "az", "8 noyabr bitdi, bayraqlar isə hələ də pəncərələrdədir.", true, "with:8 November/bayraq*"},
		{"4 October in Tbilisi, es", "es", "Otra condena por el 4 de octubre en Tbilisi: cuatro años por estar en la calle.", true, "with:4 October/Tbilisi"},
		{"28 November in Tbilisi, ru", "ru", "28 ноября. Тбилиси снова на улице, хотя многие друзья уже сидят или уехали.", true, "with:28 November/Tbilisi"},
		// The same dates in a life.
		{"a birthday in Washington, en", "en", "On August 8 we celebrated my grandmother's ninetieth birthday in Washington.", false, ""},
		{"a concert date, en", "en", "Tickets for the 4 October concert are finally on sale!", false, ""},
	})
}

// TestSlogansAndEuphemisms: the government's "era of peace" in Armenian and
// in its Latin transliteration, Ankara's "events of 1915" quoted in
// Armenian, the 2018 "Reject Serzh", Georgia's law on grants.
func TestSlogansAndEuphemisms(t *testing.T) {
	runClassCases(t, []classCase{
		{"the era of peace, hy", "hy", "Ամեն շաբաթ նոր զիջում, իսկ հետո մեզ պատմում են «խաղաղության դարաշրջանի» մասին։", true, "institution:Peace era"},
		{"the era of peace, translit", "hy", "sa e dzer xaxaxutyan darashrjan@? amen or mi nor zijum", true, "institution:Peace era"},
		{"the events of 1915, hy", "hy", "Անկարան նորից խոսում է «1915-ի իրադարձությունների» մասին։", true, "event:Armenian genocide"},
		{"Reject Serzh, en", "en", "Eight years since the square filled up. #RejectSerzh", true, "person:Serzh Sargsyan"},
		{"the law on grants, ka", "ka", "გრანტების შესახებ კანონით კიდევ ერთი ონლაინ გამოცემა დააჯარიმეს.", true, "institution:Foreign influence transparency law"},
	})
}

// TestMissionsAndOldDocuments: the UN's observer mission in Georgia and the
// Kodori Gorge, the Minsk Group in German's own form, Margara opened for
// trucks, mines by a village of the districts.
func TestMissionsAndOldDocuments(t *testing.T) {
	runClassCases(t, []classCase{
		{"UNOMIG, ru", "ru", "Наблюдатели МООННГ продолжали патрулирование в Гальском секторе.", true, "institution:UNOMIG"},
		{"the Kodori Gorge, en", "en", "Patrols in the Kodori Gorge were suspended after the helicopter incident.", true, "institution:UNOMIG"},
		{"die Minsker Gruppe, de", "de", "Der Zeitplan der Minsker Gruppe sah den Abzug der Truppen vor.", true, "institution:Minsk Group"},
		{"Margara for trucks, en", "en", "is Margara actually opening for trucks this time or is it another announcement?", true, "with:Margara/"},
		{"a mine by Aghdam, en", "en", "a shepherd lost a leg to a mine near Aghdam this week. the ground is still full of them", true, "topic:landmines"},
	})
}

// TestNamesakesAndSettingsTenth: a pet named after a leader, a chess
// player's old games (Azerbaijani "partiya"), the Qarabağ club's coach in the
// genitive, a Dagestani Aliyev, a review's praise for the Abkhaz war film, a
// night train with its border check, a Georgian startup.
func TestNamesakesAndSettingsTenth(t *testing.T) {
	runClassCases(t, []classCase{
		{"a cat named Pashinyan, en", "en", "my cat is named Pashinyan because he never stops talking. he is yelling at a moth now", false, "!person:Pashinyan"},
		{"a dog named Zangezur, hy", "hy", "Շունս՝ Զանգեզուրը, այսօր բակում կատու է բռնել։", false, "!place:Zangezur"},
		{"chess games, az", "az", "Şəhriyarın köhnə partiyalarını oğluma göstərirəm, deyir bu nə uzun oyundur.", false, "!topic:opposition"},
		{"the club's coach, az", "az", "Qarabağ yenə əla oynadı! Qurban müəllimin komandası Avropada hamını heyrətləndirir.", false, "!place:Qarabag"},
		{"an Aliyev in Makhachkala, ru", "ru", "В Махачкале задержан Магомед Алиев, подозреваемый в мошенничестве с кредитами.", false, "!person:Aliyev"},
		{"the war film praised, es", "es", "\"Mandarinas\" es una obra maestra: dos estonios en un pueblo de Abjasia y dos soldados heridos.", false, "!place:Abkhazia"},
		{"the night train, de", "de", "Nachtzug Tiflis–Jerewan: zehn Stunden, Tee im Glas und Grenzkontrolle um drei Uhr.", false, "!topic:border"},
		{"a startup, ka", "ka", "ქართულმა სტარტაპმა ინვესტიცია მოიზიდა და ევროპულ ბაზარზე გასვლას გეგმავს.", false, ""},
	})
}
