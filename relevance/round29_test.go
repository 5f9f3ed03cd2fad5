package relevance

import "testing"

// TestRound29Classes: the classes and names of issue 11's twenty-ninth
// round, from rt338-rt349 read after their blind measurements. Each case
// fails with the rules before the round; the cases named "... is not it"
// guard this round's own rules.
func TestRound29Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// 2025's names: Georgia's foreign minister, its jailed and summoned
		// opposition, Armenia's opposition and Gyumri's mayor, the EU's envoys,
		// an Azerbaijani activist on hunger strike.
		{"the foreign minister on the grants law, en", "en", "Botchorishvili told the EU ambassadors that the grants law stays as it is", true, "person:Georgian Dream leaders"},
		{"the foreign minister in Brussels, ka", "ka", "ბოჭორიშვილმა ბრიუსელში ისევ თქვა, რომ კურსი არ შეცვლილა", true, "person:Georgian Dream leaders"},
		{"Elisashvili summoned, ru", "ru", "Элисашвили снова вызвали в прокуратуру", true, "person:Georgian opposition"},
		{"Vashadze jailed, de", "de", "Vashadze sitzt jetzt auch, weil er nicht vor der Kommission erschien", true, "person:Georgian opposition"},
		{"Saghatelyan on a change of power, hy", "hy", "Սաղաթելյանը նորից խոսում է իշխանափոխության մասին", true, "person:Politicians of the region"},
		{"Narek Karapetyan at the court, ru", "ru", "Нарек Карапетян собрал сторонников у здания суда", true, "person:Politicians of the region"},
		{"Gyumri's mayor detained, en", "en", "Vardan Ghukasyan detained, the mayor's office searched overnight", true, "person:Politicians of the region"},
		{"the EU's new envoy, fr", "fr", "Magdalena Grono succède à Toivo Klaar comme représentante de l'UE", true, "person:Politicians of the region"},
		{"Bakhtiyar Hajiyev on hunger strike, az", "az", "Bəxtiyar Hacıyev yenə aclıq aksiyasındadır", true, "person:Azerbaijani political prisoners"},
		// Two names shared with singers: the news keeps them, the stage does not.
		{"Burchuladze's detention extended, de", "de", "Burchuladse in U-Haft verlängert, der Richter las nicht einmal die Akte", true, "person:Burchuladze"},
		{"Burchuladze at La Scala is not it", "en", "Paata Burchuladze's Boris Godunov at La Scala is still the reference recording", false, "neg:Burchuladze/"},
		{"the Security Council secretary at NATO, en", "en", "Armen Grigoryan met the NATO deputy secretary general in Brussels", true, "person:Armen Grigoryan"},
		{"Krematorij's singer is not it", "ru", "Армен Григорян и «Крематорий» дают концерт в Москве", false, "neg:Armen Grigoryan/"},
		// Khamenei's adviser beside the corridor.
		{"Velayati on the corridor, en", "en", "Velayati says the corridor through Syunik will never be allowed", true, "with:Velayati/"},
		// Turkish sınır is the border; Azerbaijani sınır is "it breaks".
		{"the Armenian border in Turkish", "tr", "Ermenistan sınırı ne zaman açılacak, kimse bilmiyor", true, "topic:border (Turkish)"},
		{"an umbrella that breaks in Baku's wind is not it", "az", "Bu çətir küləkdə 5 dəqiqəyə sınır, Bakı üçün deyil", false, "!topic:border (Turkish)"},
		// Spanish negocios is business, not négociation.
		{"an uncle's business in Tbilisi is not it", "es", "Los negocios de mi tío en Tiflis van bien, abrió otra tienda", false, "!topic:negotiation"},
		// A street, a café and a house named after the region.
		{"Yerevan Street in Moscow is not it", "ru", "На Ереванской улице в Москве открылась новая пекарня", false, "neg:Yerevan/Ереванской улице"},
		{"a café named Zangezur is not it", "hy", "Կենտրոնում բացվեց «Զանգեզուր» անունով նոր սրճարան", false, "neg:Zangezur/"},
		{"a Georgian dream house is not it", "en", "Living the Georgian dream: sash windows, a Regency fireplace and joiners booked till spring", false, "neg:Georgian Dream/"},
		{"a road trip's day is not it", "de", "Roadtrip Tag 4: Sarp, dann Batumi, Georgien ist wunderschön", false, "neg:Sakartvelo/Travel"},
	})
}
