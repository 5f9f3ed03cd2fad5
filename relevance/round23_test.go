package relevance

import "testing"

// TestRound23Classes: the classes of issue 11's twenty-third round, from
// rt230-rt235 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound23Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// A pet by its breed, a cat of his own.
		{"a schnauzer called Pashinyan, out", "en", "My aunt's schnauzer is called Pashinyan, he has the beard and the temper", false, "neg:Pashinyan/"},
		{"his cat named Aliyev, nl, out", "nl", "Mijn collega heeft zijn kat Aliyev genoemd en snapt niet waarom we lachen", false, "neg:Aliyev/Pet names"},
		{"what Pashinyan is called by the opposition is not it (in)", "en", "Pashinyan is called a traitor by the opposition for the border deal with Azerbaijan", true, "person:Pashinyan"},
		// Acclaim is not a state's recognition.
		{"Armenian wine getting recognition, hy, out", "hy", "Արենիի գինին վերջապես ճանաչում ա ստանում, Հայաստանը պիտի հպարտանա", false, "neg:recognition/"},
		{"wine getting recognition, en, out", "en", "Armenian wine is finally getting recognition, three medals in Paris this year", false, "neg:recognition/getting"},
		{"the genocide's recognition is not it (in)", "en", "Mexico's senate voted for the recognition of the Armenian genocide", true, "event:Armenian genocide"},
		// A district of Karabakh beside the war's year or the Great Return.
		{"a brother who fought near Jabrayil in 2020, ru", "ru", "Отец воевал под Джебраилом в 2020, теперь там строят новый посёлок", true, "with:Karabakh districts/2020"},
		{"returned to Fuzuli by the Great Return, en", "en", "My cousin moved back to Fuzuli under the Great Return, the school still has no teachers", true, "with:Karabakh districts/Great Return"},
		{"a landmine in Aghdam, ar", "ar", "انفجار لغم جديد في أغدام وإصابة عاملين", true, "place:Karabakh districts"},
		// Elections: a Georgian vote.
		{"who voted for the Dream, ka", "ka", "მარნეულში რამდენმა მისცა ხმა ოცნებას, ეს არავინ იცის", true, "topic:elections"},
		{"a vote on the giraffe's name is not it", "ka", "თბილისის ზოოპარკში ჟირაფს სახელს ირჩევენ, ხმის მიცემა ყველას შეუძლია", false, ""},
		// Georgian independent media closing.
		{"an independent outlet closes after the grants ban, ka", "ka", "დამოუკიდებელი გამოცემა იხურება, გრანტების აკრძალვის შემდეგ ხელფასი აღარ აქვთ", true, "topic:press freedom (region languages)"},
		// The treason charge, Bahruz by first name.
		{"Bahruz and his treason sentence, az", "az", "Bəhruzu unutmayın: dövlətə xəyanət maddəsi, on beş il, bir neçə məqaləyə görə", true, "with:Bahruz/"},
		{"a Bahruz at the wedding is not it", "az", "Bəhruz toyda yenə hamını rəqs etdirdi", false, ""},
		// The Dream's judges sanctioned, by its initials.
		{"sanctions on GD judges, de", "de", "Sanktionen gegen GD-Richter: London macht es, Berlin prüft noch", true, "with:GD/Sanktionen"},
		// Nikol against the Church.
		{"Nikol versus the Church, nl", "nl", "Nikol tegen de Kerk, alweer een nieuwe aflevering", true, "with:Nikol/Kerk"},
		// The monitoring centre at Aghdam.
		{"the joint monitoring centre at Aghdam, tr", "tr", "Ağdam'daki ortak gözlem merkezi kapandı mı, kimse bir şey yazmıyor", true, "topic:observers"},
		// The North-South corridor.
		{"Iran and Armenia's bridge on the north-south route, es", "es", "Irán y Armenia amplían el puente sobre el Araxes para su corredor norte-sur", true, "topic:Middle Corridor"},
		// Defence cooperation without the article.
		{"Turkey, Azerbaijan and Pakistan's defence pledge, ar", "ar", "تركيا وأذربيجان وباكستان تتفق على تعاون دفاعي أوسع", true, "topic:defence"},
		// Georgia's visa exemption.
		{"the EU and Georgia's visa exemption, tr", "tr", "AB, Gürcistan'ın vize muafiyetini askıya almayı tartışıyor", true, "topic:EU path"},
		// Gori in Georgian.
		{"the fence moved near Gori, ka", "ka", "გორთან საოკუპაციო ხაზი ისევ გადმოწიეს, ბაღის ნახევარი დარჩა იქით", true, "place:Georgian cities"},
		// The "state border" banners.
		{"banners moved at Khurvaleti, ru", "ru", "У Хурвалети опять передвинули баннеры «госграница», теперь через огород", true, "with:South Ossetian line villages/"},
		// Prisoners exchanged for mine maps.
		{"prisoners for mine maps, ko", "ko", "지뢰 지도를 넘기고 포로 몇 명을 석방했다는 소식", true, "with:Mine maps for prisoners/"},
		{"prisoners for mine maps, he", "he", "שבויים תמורת מפות מוקשים, ככה זה נראה", true, "with:Mine maps for prisoners/"},
		// The genocide's April statement and the 2016 resolution.
		{"the word genocide in April, tr", "tr", "Yeni başkan Nisan'da soykırım kelimesini kullanacak mı, Ankara bekliyor", true, "with:Genocide bill and April statement/"},
		{"the Bundestag's 2016 resolution, de", "de", "Der Bundestag hat 2016 den Völkermord anerkannt, seitdem herrscht Schweigen", true, "with:Genocide bill and April statement/2016"},
		{"Gaza in April is not it", "tr", "Nisan'da Gazze'deki soykırım için yine yürüdük", false, ""},
		{"a history lesson on the 2016 resolution is not it", "de", "Heute im Geschichtsunterricht: Völkermord, Resolutionen, 2016, alles für die Klausur", false, ""},
		// Leaders by their short names.
		{"Kakha's city hall and the protest tent, en", "en", "Kakha's city hall sent workers at dawn to tear down the protest tent again", true, "with:Kakha/"},
		{"Rob on air and 1 March, hy", "hy", "Ռոբը նորից եթերում է, իսկ մարտի 1-ը մենք լավ ենք հիշում", true, "with:Rob in Armenian/"},
		// Lists in Chinese.
		{"glass castle on the hill, es", "es", "¿Quién gobierna de verdad? El del castillo de vidrio en la colina, Georgia lo sabe", true, "with:Glass palace/Georgia"},
	})
}
