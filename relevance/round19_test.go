package relevance

import "testing"

// TestRound19Classes: the classes rt186-rt193 missed, read after their
// blind measurements (issue 11, nineteenth round), and the names of states
// the list of countries lacked. Each case fails with the rules before the
// round; the cases named "... is not it" guard this round's own rules.
func TestRound19Classes(t *testing.T) {
	runClassCases(t, []classCase{
		{"the Russian peacekeepers gone, ja", "ja", "ロシアの平和維持部隊が撤退してから、誰もあの人たちを守っていない", true, "with:Russian peacekeepers/"},
		{"the Russian peacekeepers gone, ar", "ar", "منذ انسحاب قوات حفظ السلام الروسية لم يبق أحد يحمي الناس هناك", true, "with:Russian peacekeepers/"},
		{"the Russian peacekeepers gone, he", "he", "מאז ששומרי השלום הרוסים יצאו אף אחד לא שומר עליהם", true, "with:Russian peacekeepers/"},
		{"the Russian peacekeepers gone, nl", "nl", "Sinds de Russische vredesmacht vertrokken is, kijkt niemand meer naar die mensen", true, "with:Russian peacekeepers/"},
		{"Russian peacekeepers in Mali is not it", "zh", "俄罗斯维和部队在马里执行任务", false, "!with:Russian peacekeepers/"},
		{"24 April at the Turkish embassy, el", "el", "24 Απριλίου, πορεία ως την τουρκική πρεσβεία όπως κάθε χρόνο", true, "with:April 24/"},
		{"24 April and the word nobody says, ko", "ko", "4월 24일. 우리 정부는 올해도 '그 단어'를 피한다", true, "with:April 24/"},
		{"an exam on 24 April is not it", "ko", "4월 24일에 기말시험이라니 너무해", false, ""},
		{"the road of Trump, el", "el", "Ο δρόμος του Τραμπ θα περνάει από τη Μέγκρι με Αμερικανούς φρουρούς;", true, "institution:TRIPP"},
		{"the route's long name, zh", "zh", "特朗普国际和平与繁荣之路，这名字太长了", true, "institution:TRIPP"},
		{"Holland and England in a list of polling stations", "en", "Turkish election: citizens abroad can vote in Germany, Holland, England, Georgia and Azerbaijan", false, "neg:Azerbaijan/Countries"},
		{"Hollandiya in a list, az", "az", "Türkiyə seçkiləri: vətəndaşlar Almaniya, Hollandiya, İngiltərə, Azərbaycan və Gürcüstanda səs verəcək", false, "neg:Azerbaijan/Countries"},
		{"Gabriel sent, without a word of the district's context, tr", "tr", "Sonra ona Cebrail'i göndermiştik, tam bir insan olarak görünmüştü", false, "!place:"},
		{"Cebrail with the war's words is the district, tr", "tr", "Cebrail'de mayın temizliği sürüyor, Ermenistan sınırına kadar köyler boş", true, "with:Cebrail in Turkish/"},
		{"a WordNet gloss of the Abkhaz", "en", "Abkhaz, Abkhazian: a member of the Circassian people who live to the east of the Black Sea", false, "neg:Abkhaz/Gloss"},
		{"the road named Trump Route", "en", "The road was named Trump Route by the White House, and Tehran is furious", true, "institution:TRIPP"},
		{"they named it Trump's road, fa", "fa", "اسمش رو گذاشتن «مسیر ترامپ». واقعاً؟", true, "institution:TRIPP"},
		{"a dog named Artsakh is still not it", "en", "my dog is named Artsakh and he is the best boy", false, "neg:Artsakh/Pet names"},
		{"the pet after the name, es", "es", "Mi vecino le puso 'Pashinián' a su perro, le gustó cómo sonaba", false, "neg:Pashinyan/Pet names"},
		{"the trial is a joke", "en", "The trial of the Georgian opposition is a joke", true, "neg:Folklore/Joke as a verdict"},
		{"a bad joke, de", "de", "Dass die Bundesregierung bei Sanktionen gegen die georgische Oligarchen-Clique immer noch prüft, ist ein schlechter Witz", true, "neg:Folklore/Joke as a verdict"},
		{"here is a joke is still one told", "en", "Here is a joke: an Armenian and a Georgian argue about wine", false, "neg:Georgian/Folklore"},
		{"Papuashvili in German", "de", "Wenn Papuaschwili wieder vom Deep State redet, weiß man: das EU-Parlament hat etwas beschlossen", true, "person:Georgian Dream leaders"},
		{"Garibashvili in French", "fr", "Garibachvili a encore promis la fin de la polarisation", true, "person:Georgian Dream leaders"},
		{"the exclaves in German", "de", "Warum redet niemand über die Exklaven? Tigranaschen und Jukhari Askipara, einfach vergessen?", true, "place:Exclaves"},
		{"Karki the surname is not it", "en", "Karki scored twice for the Nepal national team at the border derby", false, "!place:Exclaves"},
		{"1 March's ten dead, ru", "ru", "1 марта. Двадцать лет. Помним всех десятерых.", true, "with:March 1/"},
		{"olanda is not Holland, az", "az", "İran yenə narahatdır. Rus bazaları burada olanda narahatlıq yox idi? Azərbaycan susur", true, "!neg:Azerbaijani language/Countries"},
	})
}
