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
		// From rt236-rt240, read after they were measured blind.
		{"a cat I named Aliyev, tr, out", "tr", "Sokakta bulduğum kedinin adını Aliyev koydum, koltuğu kimseye bırakmıyor", false, "neg:Aliyev/Pet names"},
		{"the neighbours' dog named Aliyev, ar, out", "ar", "كلب الجيران اسمه علييف وكل ما ينبح بنضحك", false, "neg:Aliyev/Pet names"},
		{"a dog named Pasha occupying the sofa, az, out", "az", "İtimizin adını Paşa qoymuşuq, hər gün divanı işğal edir", false, "neg:occupation/Pet names"},
		{"Azerbaijani tea against Rize tea, tr, out", "tr", "Azerbaycan çayı mı Rize çayı mı? Evde savaş var, barış görüşmeleri başarısız", false, "neg:Azerbaijan/Food"},
		{"no Michelin star in Tbilisi, fr, out", "fr", "Toujours pas d'étoile Michelin à Tbilissi, j'exige une enquête", false, "neg:Tbilisi/Food"},
		{"an uncle named Bidzina, nothing to do with politics, ka, out", "ka", "ბიძაჩემს ბიძინა ჰქვია, პოლიტიკა არაფერ შუაშია, დამშვიდდით", false, "neg:government (region languages)/Nothing to do with"},
		{"wind in Baku and the flu, tr, out", "tr", "Ankara'da kar, Bakü'de rüzgâr, bende grip", false, "neg:Baku/Weather"},
		{"Qarabag in the Champions League draw, zh, out", "zh", "欧冠抽签出来了，拜仁、巴黎，还有个卡拉巴赫", false, "neg:Karabakh/Sport"},
		{"riot police by Kashveti, en", "en", "Riot police lined up by Kashveti, a water cannon truck parked on Chitadze", true, "place:Tbilisi"},
		{"the border at Lars closed again, ka", "ka", "ლარსზე საზღვარი ისევ დაკეტეს, კრემლს რაღაც არ მოსწონს", true, "place:Georgian cities"},
		{"border posts put up, ru", "ru", "Армения и соседи опять ставят пограничные столбы по картам 1976 года", true, "topic:delimitation"},
		{"the smart city at Zangilan, ru", "ru", "В Зангилане открыли «умный город», а брат там воевал", true, "with:Karabakh districts/"},
		{"a mine in Fuzuli without diacritics, az", "az", "Mina yene iki nefer... Fuzulide her hefte eyni xeber", true, "with:Karabakh districts/mina"},
		{"Kavelashvili signs, he", "he", "הנשיא קאוולשווילי חתם על התיקון לחוק השידור", true, "person:Kavelashvili"},
		{"the honorary chairman in his glass palace, he", "he", "יו״ר הכבוד שוב נאם מארמון הזכוכית על הגבעה", true, "with:Glass palace/"},
		{"the billionaire's mansion on the mountain, ja", "ja", "結局あの億万長者が山の上の屋敷から全部決めてる", true, "with:Glass palace/"},
		{"exports to Russia routed through Azerbaijan, ja", "ja", "アゼルバイジャン経由の対ロ迂回輸出、欧州委員会がついに名指し", true, "topic:sanctions"},
		{"Aliyev buys drones, ar", "ar", "علييف يبيع النفط لإسرائيل ويشتري منها المسيرات", true, "topic:armaments"},
		{"the Church against the government, de", "de", "Kirche gegen Regierung in Armenien, die nächste Staffel", true, "topic:church and state"},
		{"the water-cannon trucks in Tbilisi, el", "el", "Στην Τιφλίδα οι αύρες ξανά απόψε", true, "topic:protest"},
		{"demonstrating in Tbilisi every evening, nl", "nl", "Vier jaar elke avond demonstreren in Tbilisi", true, "topic:protest"},
		{"prisoners home after years in Baku, he", "he", "ראיתי את האסירים שחוזרים הביתה אחרי שנים בבאקו", true, "with:Prisons of Baku/"},
		{"the wind blows in Baku is not it", "az", "Bakıda xəzri yenə əsir, çətirim sındı", false, ""},
		{"the Namakhvani dam, ka", "ka", "ნამახვანი ისევ? რიონის ხეობაში ხალხი ამიტომ გამოვიდა", true, "event:Namakhvani"},
		{"the Vardanyan trial, tr", "tr", "Vardanyan davası hakkında bizim basında tek satır yok", true, "with:Surnames of the detained/"},
		{"a rally for Ruben and the detainees, fr", "fr", "Rassemblement samedi pour Ruben et les autres détenus", true, "with:Ruben in Baku/"},
		{"Samvel's supporters at the court, ru", "ru", "Сторонники Самвела опять у здания суда", true, "with:Samvel detained/"},
		{"relatives of the detainees protest, el", "el", "Συγγενείς Αρμενίων κρατουμένων στο Μπακού διαδήλωσαν έξω από την πρεσβεία", true, "with:Prisons of Baku/"},
		{"the hashtag against the Russian law, ja", "ja", "あの国の若者たち、本当に諦めないな。 #NoToRussianLaw", true, "event:No to the Russian law"},
		{"the Russian law and the Dream, ja", "ja", "またロシア法の話？与党の党名に「夢」って入ってるのが皮肉", true, "with:Russian law/"},
		{"under Russian law is not it", "en", "Under Russian law, foreign agents must label every post", false, ""},
		{"Kakha calls everyone agents, ru", "ru", "Каха опять всех назвал агентами, по понедельникам как планёрка", true, "with:Kakha/"},
		{"the billionaire in Tbilisi, de", "de", "Der Schröder-Vergleich für den Milliardär in Tiflis ist unfair", true, "with:Tbilisi/The oligarch"},
		{"France's Caesar howitzers for Armenia, az", "az", "Fransa yene Ermenistana Caesar satir, sonra da sulhden danisir", true, "topic:armaments"},
		{"a Caesar salad in Yerevan is not it", "en", "Best Caesar salad in Yerevan is at the place near the Cascade", false, ""},
		{"a journalist jailed for currency smuggling in Baku, zh", "zh", "又一个记者被判了九年，罪名是走私外币。在巴库当记者跟拆弹没区别", true, "with:Journalists charged with smuggling/"},
		// From rt242-rt247, read after they were measured blind.
		{"the horses of Aghdam beat Porto, az, out", "az", "QARABAĞ 2:1 PORTO!!! Ağdamın atları yenə Avropanı silkələdi", false, "neg:Karabakh districts/Sport"},
		{"Qarabag through to the next round, ar, out", "ar", "قره باغ الأذربيجاني يتأهل للدور المقبل بعد فوز مثير في الدقيقة الأخيرة", false, "neg:Karabakh/Sport"},
		{"gas exports by the month, az, out", "az", "Azərbaycanın Avropaya qaz ixracı yanvarda 12% artaraq 1,2 milyard kubmetr olub", false, "neg:Azerbaijan/Business"},
		{"Caspian yogurt from Georgia's Caucasus, ja, out", "ja", "うちのカスピ海ヨーグルト、種菌はジョージアのコーカサス地方から来たらしい", false, "neg:Georgia/Food"},
		{"by bus from Tehran to Yerevan, fa, out", "fa", "کسی با اتوبوس از تهران رفته ایروان؟ مرز چقدر معطلی دارد؟ برای تعطیلات نوروز", false, "neg:Yerevan/Travel"},
		{"cigarettes at the Sarp customs, tr, out", "tr", "Gürcistan'dan sigara getirmek yasak mı? Sarp gümrükte iki karton için ceza kestiler", false, "neg:Sakartvelo/Travel"},
		{"a grandfather's papers in the archive, az, out", "az", "babamın İrəvandan Bakıya köçdüyü ilin sənədlərini arxivdə axtarıram, 1948-ci il", false, "neg:Baku/Genealogy"},
		{"a Georgian tamada's toasts, az, out", "az", "Gürcü dostum deyir ki, onların süfrəsində tamada olmaq prezident olmaqdan çətindir", false, "neg:Sakartvelo/Toasts"},
		{"a ceasefire in the office, az, out", "az", "ofisdə atəşkəs: kondisioneri 22 dərəcə saxlayırıq, müqavilə imzalandı", false, "neg:ceasefire/Household"},
		{"Russia's Duma and its foreign agents, ja, out", "ja", "ロシア下院、外国代理人の規制をさらに強化する法案を可決", false, "neg:Foreign influence transparency law/"},
		{"the foreign agents law alone in Chinese is not it (in)", "zh", "外國代理人法通過之後，那邊的獨立媒體一家一家關門", true, "institution:Foreign influence transparency law"},
		{"Khojaly in Spanish, es", "es", "Hoy 26 de febrero, Jodyalí. Este mes duele a los dos lados", true, "place:Khojaly"},
		{"Mzia still in prison, ka", "ka", "მზია ისევ ციხეშია. ნუ დაივიწყებთ, გთხოვთ", true, "with:Mzia in Georgian/"},
		{"the fight with the Catholicos in Latin letters, hy", "hy", "Katoghikosi het nor kriv? der chen hognum, Ejmiatsnum hamerg", true, "topic:church and state"},
		{"the Dream without its article, he", "he", "חלום גאורגי זו מפלגה שמכניסה את האופוזיציה לכלא", true, "institution:Georgian Dream"},
		{"the Great Return after the Armenians left, zh", "zh", "亚美尼亚人走了以后，那边在搞大回归，村子都是新盖的", true, "topic:displacement"},
		{"the trials in Baku, ko", "ko", "바쿠 재판 결과 보고 할 말을 잃음. 15년, 20년", true, "with:Prisons of Baku/"},
		{"a mine victim near Fizuli, es", "es", "otra víctima de minas cerca de Fizuli esta semana", true, "topic:landmines"},
		{"the fence moved at Ditsi, ka", "ka", "დიცში ამბობენ, რომ ღობე ღამით ისევ გადმოწიეს", true, "place:South Ossetian line villages"},
		{"families returning to Aghdam, tr", "tr", "Ağdam'a dönen ailelere evler teslim edilmiş, kuzenlerim ilk defa evinde uyudu", true, "with:Karabakh districts/"},
		{"the Karapetyan case postponed, ru", "ru", "кто-нибудь понимает, что с делом Карапетяна? заседание опять перенесли", true, "with:Surnames of the detained/"},
		{"1 March and its culprits, hy", "hy", "Մարտի 1-ից 21 տարի է անցնում, իսկ մեղավորները դեռ ազատ են", true, "with:March 1/"},
		{"the Red Army in Tbilisi in 1921, el", "el", "25 Φεβρουαρίου 1921 μπήκε ο Κόκκινος Στρατός στην Τιφλίδα", true, "with:Red Army in 1921/1921"},
		{"Soviet occupation day in Latin Georgian, ka", "ka", "dges 25 teberval-ia, sabchota okupaciis dghe. rustavelze shevikribot", true, "with:Soviet occupation day/"},
		{"Sumgait, 27-29 February, ru", "ru", "Сумгаит, 27–29 февраля. Каждый год одно и то же", true, "with:Sumgait/"},
		{"Russian border guards leave Zvartnots, hy", "hy", "Ռուս սահմանապահները հեռացան Զվարթնոցից ու Մարգարայից", true, "with:Russian border guards in Armenia/"},
		{"ANAMA's casualty figures, en", "en", "Does anyone have updated ANAMA casualty figures on mine victims for 2028?", true, "event:ANAMA"},
		{"the new border in Tawusch, de", "de", "Kennt jemand eine Karte zur Grenzziehung in Tawusch?", true, "place:Armenian regions"},
		{"borderization in Japanese, ja", "ja", "またボーダリゼーション。夜のうちに村の真ん中に柵が立った", true, "place:South Ossetia"},
		{"the Anaklia port in Chinese, zh", "zh", "阿纳克利亚港最后还是给中企了吧？美国人当年那么紧张", true, "topic:Middle Corridor"},
		// From rt248-rt253, read after they were measured blind.
		{"March 1st, its ten dead, en", "en", "March 1st. Ten dead, twenty-one years, nobody held to account", true, "with:March 1/"},
		{"it is March the first, hy", "hy", "Մարտի մեկն է։ Մյասնիկյանի արձանի մոտ ծաղիկներ", true, "with:March 1/"},
		{"Mammadyarov's chess game, az, out", "az", "Şəhriyar Məmmədyarov Praqada son turda qalib gəldi, çox gərgin partiya idi", false, "neg:opposition/"},
		{"Gaprindashvili's games, ka, out", "ka", "ნონა გაფრინდაშვილის პარტიები დღესაც სასწავლოა", false, "neg:opposition/"},
		{"a mulberry vodka named Artsakh, hy, out", "hy", "Ընկերս նվեր բերեց «Արցախ» թթի օղի, տատիկի տան համն ունի", false, "neg:Artsakh/"},
		{"a case against the Catholicos, ru", "ru", "Ходят слухи, что против Католикоса новое дело готовят в Ереване", true, "topic:church and state"},
		{"entry bans on GD people, de", "de", "Die Balten haben längst Einreiseverbote gegen GD-Leute verhängt, Berlin prüft noch", true, "with:GD/"},
		{"31 March and the genocide of 1918, az", "az", "31 Mart. Quba Soyqırımı Memorial Kompleksinə gedən yol yenə gül dənizidir", true, "with:31 March/"},
		{"Salome, the legitimate president, el", "el", "Η Σαλομέ ακόμα λέει ότι είναι η νόμιμη πρόεδρος", true, "with:Salome/"},
		{"a Salome at the wedding is not it", "en", "Salome sang at the wedding and everyone cried", false, ""},
		{"the glass palace on the hill, nl", "nl", "Hij beslist alles vanuit zijn glazen paleis op de heuvel", true, "with:Glass palace/"},
		{"April 24 in Bourj Hammoud, ar", "ar", "بكرا ٢٤ نيسان، المسيرة من برج حمود لأنطلياس متل كل سنة", true, "with:April 24/"},
		{"the genocide recognised by Greece, el", "el", "Η Ελλάδα αναγνωρίζει τη Γενοκτονία των Αρμενίων από το '96", true, "topic:recognition"},
		{"the Orbeliani palace, he", "he", "הנשיא שיושב בארמון אורבליאני לא נבחר בבחירות ישירות", true, "place:Tbilisi"},
		{"the visa regime's suspension, ka", "ka", "ხომ არ იცით, სავიზო რეჟიმის შეჩერებაზე ბრიუსელმა რა გადაწყვიტა?", true, "topic:EU path"},
		{"Stalin's birthplace as trivia, ko, out", "ko", "스탈린 고향이 조지아 고리라는 거 이번에 처음 앎. 러시아 사람인 줄", false, "neg:Georgia/Old history"},
		{"a honeymoon in Georgia, ar, out", "ar", "رايحين جورجيا شهر عسل، نصايحكم؟ باطومي ولا تبليسي أحسن؟", false, "neg:Tbilisi/Travel"},
		{"a developer team in Yerevan, de, out", "de", "Unser Entwicklerteam in Jerewan wächst! Armenien ist für uns der beste IT-Standort außerhalb der EU", false, "neg:Yerevan/"},
		{"the commander-in-chief, Komandan, is not it (in)", "az", "Ali Baş Komandan İlham Əliyev yeni hərbi hissənin açılışında iştirak edib, orduya yeni PUA verildi", true, "person:Aliyev"},
		{"Qarabag's coach further on, az, out", "az", "Qarabağ yenə möhtəşəm idi! 2-1, Avropada bayrağımızı uca tutan komanda. Qurbanovun taktikası əla işlədi", false, "neg:Qarabag/"},
		// From rt230-rt253, what they still missed at the round's end.
		{"the march of Bourj Hammoud and what happened in Karabakh, ar", "ar", "الكل زعلان من اللي صار بقره باغ، ومسيرة السنة رح تكون أكبر", true, "place:Karabakh"},
		{"the trilateral with Greece and Cyprus, el", "el", "Νέα τριμερής Ελλάδας, Κύπρου και Αρμενίας στη Λευκωσία τον Μάιο", true, "with:Armenia/"},
		{"the trilateral with Turkey and Azerbaijan, en", "en", "Another trilateral: Turkey, Azerbaijan and Pakistan foreign ministers in Islamabad", true, "with:Azerbaijan/trilateral"},
		{"Azer by its Korean short name, ko", "ko", "아제르가 또 아르메니아 헌법 얘기를 꺼냄. 비준은 언제 하려고", true, "place:Azerbaijan"},
		{"Bidzina holds no office, ka", "ka", "ბიძინას არანაირი თანამდებობა არ უჭირავს და მაინც ყველაფერს წყვეტს", true, "with:Bidzina/"},
		{"the EU monitors' patrols on the border, zh", "zh", "欧盟监察团的巡逻车今天又到了边境村子", true, "institution:EU monitoring mission"},
		{"the European Parliament on Georgia's prisoners, el", "el", "Το Ευρωκοινοβούλιο καταδικάζει τις συλλήψεις δημοσιογράφων στη Γεωργία", true, "with:Georgia/"},
		{"Georgia's EU path frozen, zh", "zh", "喬治亞入歐基本上是凍結了吧", true, "with:Georgia/"},
		{"the Soviet occupation day by its date, ja", "ja", "2月25日、ソ連占領の日。首都では与党と野党が別々に集会", true, "with:Soviet occupation day/"},
		{"Latvia's occupation day in June is not it", "ja", "6月17日はラトビアのソ連占領の日、リガで式典", false, ""},
		{"the US state's elections in Greek are not it", "el", "Στην πολιτεία Γεωργία ξαναμετράνε τις ψήφους των εκλογών", false, ""},
		{"a woman called Georgia and her channels is not it", "el", "Η Γεωργία άνοιξε δύο κανάλια στο YouTube για μαγειρική", false, ""},
		// From rt241, read after it was measured blind.
		{"Nika Melia out of prison, ka", "ka", "ნიკა მელია ციხიდან გამოვიდა: ბრძოლა გრძელდება", true, "person:"},
		{"a fox is not it", "ka", "ტყეში მელია დავინახეთ, ძალიან ლამაზი იყო", false, ""},
		{"the foreign influence law by its French short name", "fr", "Géorgie : la loi sur l'influence étrangère étendue à internet", true, "institution:Foreign influence transparency law"},
		{"Moscow bans Armenian brandy imports, hy", "hy", "Ռուսաստանը կրկին սահմանափակում է հայկական կոնյակի ներմուծումը։ Քաղաքական ճնշում", true, "neg:Food/"},
		{"journalists of both sides meet, sounds like a joke, ru", "ru", "Армянские и азербайджанские журналисты вместе на семинаре в Тбилиси звучит как начало анекдота, а это шаг к миру", true, "neg:Folklore/"},
	})
}
