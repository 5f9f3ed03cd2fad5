package relevance

import "testing"

// TestRound22Classes: the classes of issue 11's twenty-second round, from
// rt206-rt211 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound22Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// French "premier" before a noun is "first", not the premier.
		{"the first Armenian film at a festival, fr, out", "fr", "Festival de Venise : le premier film arménien en compétition officielle, tourné à Gyumri", false, "neg:State organs/French first"},
		{"the Armenian prime minister is not it (he stays in)", "fr", "Le premier ministre arménien Pachinian reçoit le ministre géorgien à Erevan", true, "person:Pashinyan"},
		// A national-team player's contract is not a treaty.
		{"a Georgian international signed by a club, de, out", "de", "Hertha verpflichtet georgischen Nationalspieler, Vertrag bis 2031", false, "neg:Sakartvelo/Sport"},
		{"internationals with the protesters is not it (in)", "de", "Georgische Nationalspieler solidarisieren sich mit den Demonstrierenden in Tiflis", true, "neg:Sport/Demonstrierende*"},
		// A mountain's summit, the heat.
		{"Ararat's summit in the heat, tr, out", "tr", "Iğdır'da 41 derece, Ağrı Dağı'nın zirvesi bile eriyor, Ermenistan tarafı da yanıyordur", false, "neg:negotiation/Dağı'nın"},
		{"a summit of the two states is not it (in)", "tr", "Ermenistan ile Azerbaycan arasındaki zirve Abu Dabi'de yapılacak", true, "topic:negotiation"},
		// Studying medicine abroad.
		{"an MBBS admissions advertisement, out", "en", "Study MBBS in Georgia: Tbilisi State Medical University, WHO recognised, low tuition fees, admissions open", false, "neg:Tbilisi/Study abroad"},
		{"a question about studying medicine in Yerevan, ar, out", "ar", "حد درس طب في أرمينيا؟ الجامعات في يريفان معترف بها بالأردن؟ ابن عمي بده يسجل", false, "neg:Yerevan/Study abroad"},
		{"medical students at a protest is not it (in)", "en", "Medical students at Tbilisi State Medical University joined the protest outside parliament and police detained three", true, "neg:Study abroad/protest*"},
		// A language app.
		{"a language app's joke, out", "en", "Duolingo finally added Armenian and honestly it's the peace treaty my family needed", false, "neg:Armenia/Duolingo"},
		// Georgia's channels, two of them named together.
		{"three Georgian channels named together, nl", "nl", "Eerst Mtavari, nu Formula. Straks blijft alleen Imedi over", true, "with:Georgian TV channels/Georgian channel names(x2)"},
		// The war of August 2008 by its month and year and its anniversary.
		{"twenty years since August 2008 and Gori", "en", "20 years since August 2008 and the fence near Gori is still moving", true, "with:August 2008/Gori"},
		{"twenty years of Moscow's peace enforcement, ru", "ru", "Двадцать лет с августа 2008-го, а «принуждение к миру» так и не закончилось", true, "event:Five-day war"},
		{"a move in August 2008 is not it", "en", "In August 2008 I moved to Berlin, twenty years ago now", false, ""},
		{"a move in August 2008 and a war with the landlord is not it", "es", "En agosto de 2008 nos mudamos a Valencia y empezó la guerra con el casero", false, "with:August 2008/guerra"},
		// A leader by first name and patronymic.
		{"Kocharyan by first name and patronymic, ru", "ru", "Роберт Седракович снова рассказывает, как спасёт страну", true, "person:Kocharyan"},
		// Armenian "X's name" after the name is not a pet's name.
		{"Vardanyan's name not said at the talks, hy", "hy", "Ռուբեն Վարդանյանի անունը բանակցություններում այդպես էլ չհնչեց", true, "person:Ruben Vardanyan"},
		{"a dog whose name is Nikol is not it", "hy", "Մեր շան անունը Նիկոլ է, ու ոչ, քաղաքական ենթատեքստ չկա", false, "neg:Nikol/"},
		// A traveller's papers, an airport's terminal.
		{"an ID card to fly to Baku, az, out", "az", "Bakıya şəxsiyyət vəsiqəsi ilə uçmaq olar, yoxsa pasport lazımdır?", false, "neg:Baku/Travel"},
		{"an internal passport to Armenia, ru, out", "ru", "В Армению с внутренним паспортом пускают или только по загранпаспорту? Летим в октябре", false, "neg:Armenia/Travel"},
		// The route named after Trump, in German.
		{"the transit route named after Trump, de", "de", "Wer kam auf die Idee, die Transitroute nach Trump zu benennen? Ernsthaft", true, "with:Corridor named after Trump/"},
		// Leaders by first name beside what they are known for.
		{"Irakli and Brussels' blackmail", "en", "Irakli discovering yet another way Brussels is blackmailing him. Must be Thursday", true, "with:Irakli/Brussels"},
		{"Irakli and Brussels' blackmail, ka", "ka", "ირაკლი ისევ ამბობს, რომ ბრიუსელი შანტაჟს გვიწყობს", true, "with:Irakli/"},
		{"a cousin called Irakli is not it", "en", "My cousin Irakli got married on Saturday, four hundred guests", false, ""},
		{"Micha and his lawyer, fr", "fr", "Des nouvelles de Micha ? Son avocat dit qu'il a encore maigri en prison", true, "with:Misha/avocat"},
		// The ceasefire of 2008 by its broker's name.
		{"the Sarkozy plan twenty years on, fr", "fr", "Vingt ans après le plan Sarkozy, les troupes russes campent toujours à 40 km de Tbilissi", true, "event:Sarkozy plan"},
		// The EU mission by its French initials; Section 907 in Turkish.
		{"the MUEA leaving the border, fr", "fr", "Si la MUEA quitte la frontière, qui surveillera les positions ?", true, "institution:EU monitoring mission"},
		{"Section 907 and its waiver, tr", "tr", "Kongre yine 907. madde muafiyetini tartışıyor, Ermeni lobisi sahada", true, "institution:Section 907"},
		// Stems that took other words: Georgian "in connection with",
		// Azerbaijani "reigns", Indonesian "please".
		{"Georgian 'in connection with' is no arrest", "ka", "ბათუმის მერიამ ამ საკითხთან დაკავშირებით ახალი განრიგი გამოაქვეყნა", false, "neg:repression/დაკავშირ*"},
		{"Azerbaijani 'the heat that reigns' is no verdict", "az", "Azərbaycan mətbuatı qonşu ölkədə hökm sürən istiyə görə turistlərə xəbərdarlıq edir", false, "neg:repression/sürən"},
		{"Indonesian 'please visit' is no weapon", "id", "Silahkan kunjungi Baku, Azerbaijan untuk liburan keluarga", false, "neg:armaments/silahkan*"},
		// From rt212-rt217, read after their blind measurements: the
		// 44-day war in Spanish and French, the church and the state in
		// German, the archbishop by his first name in Persian, the Jermuk
		// shelling, Tskhinvali in Latin letters.
		{"the 44-day war, es", "es", "Ocho años de la guerra de los 44 días y todavía no hay tratado firmado", true, "event:44-day war"},
		{"Mischa still held, de", "de", "Mischa sitzt immer noch, und das Verfahren bleibt eine Farce", true, "with:Misha/sitzt"},
		{"Archbishop Bagrat still held, fa", "fa", "اسقف باگرات هنوز زندانه و کسی چیزی نمی‌گه", true, "person:Galstanyan"},
		{"shells on Jermuk, hy", "hy", "Երկու տարի առաջ այս օրերին Ջերմուկի վրա արկեր էին ընկնում", true, "topic:armaments"},
		{"church and state in Yerevan, de", "de", "Der Streit zwischen Kirche und Staat in Eriwan eskaliert weiter", true, "topic:church and state"},
		{"Tskhinvali in Latin letters, ka", "ka", "ra xdeba cxinvalis gzastan? isev gadmoiwies mavtuli", true, "place:South Ossetia"},
		{"five years since 19 September, es", "es", "Cinco años desde el 19 de septiembre y el mundo sigue sin enterarse", true, "with:19 September/cinco años"},
		// Armenian "tegh" in Latin letters is "a place", not the village.
		{"a pupil named Nikol in Latin letters, out", "hy", "Nikol anunov ashakert unem, amen angam asum em \"Nikol, nsti tegh@\" bolor@ cicaxum en", false, "neg:Nikol/Pet names"},
		// "Nothing to do with politics".
		{"a cat named Pasha, nothing to do with politics, az, out", "az", "pişiyimin adı Paşadır, siyasətlə heç bir əlaqəsi yoxdur, sadəcə bütün günü yatır", false, "neg:government (region languages)/Nothing to do with"},
		// The avenue every night, in the newer languages.
		{"Rustaveli every evening, nl", "nl", "Op Roestaveli staan ze nog elke avond, vier jaar lang, met hun Europese vlaggen", true, "with:Rustaveli/elke avond"},
		// From rt218-rt223, read after they were measured blind.
		{"a baptism record from Shushi, genealogy, ru, out", "ru", "Бабушка была из Шуши, нашла запись о крещении в церковной книге 1910 года, кто прочтёт почерк?", false, "neg:Shusha/Genealogy"},
		{"a Radio Yerevan joke, el, out", "el", "Ανέκδοτο του Ράδιο Ερεβάν: «Είναι αλήθεια ότι;» «Κατ' αρχήν ναι» 😂", false, "neg:Yerevan/Folklore"},
		{"a neighbour called Aliyev, he, out", "he", "לשכן שלי קוראים אלייב וכולם צוחקים עליו כשיש חדשות מאזרבייג׳ן", false, "neg:Aliyev/Namesake"},
		{"the Baku Grand Prix in French, out", "fr", "Le GP de Bakou, toujours la course la plus folle. Azerbaïdjan, merci pour le spectacle", false, "neg:Azerbaijan/Motor racing"},
		{"27 October 1999 and its gunman, hy", "hy", "Հոկտեմբերի 27։ 29 տարի անց էլ չգիտենք, թե ով էր Նաիրի Հունանյանի թիկունքում", true, "person:Nairi Hunanyan"},
		{"the 102nd base, fa", "fa", "پایگاه ۱۰۲ هنوز سر جاشه", true, "event:Russian base in Gyumri"},
		{"Russian tourists in occupied Sukhumi, el", "el", "Το Σοχούμι γεμάτο Ρώσους τουρίστες. Κατεχόμενο έδαφος, αλλά ποιος νοιάζεται", true, "neg:Travel/occupation"},
		{"a landmine in Karabakh, tr", "tr", "Karabağ'da mayın yine can aldı, haritalar hâlâ eksik", true, "topic:landmines (Turkish)"},
		{"the end of May in Baku is not it", "az", "Bakıda mayın sonunda hava +30 olur, bulvar dolu olur", false, "neg:landmines (Turkish)/sonunda"},
		{"Irakli and the banned parties, ru", "ru", "Ираклий обещает свободные выборы, а сам запретил половину партий", true, "with:Irakli/"},
		{"the law against foreign NGOs, he", "he", "בגאורגיה מעבירים עוד חוק נגד עמותות זרות", true, "topic:civil society"},
		// From rt224-rt229, read after they were measured blind.
		{"Jordan's friendly in Tbilisi, ar, out", "ar", "منتخب الأردن يلاقي جورجيا وديا في تبليسي يوم الثلاثاء", false, "neg:Tbilisi/Sport"},
		{"the Heydar Aliyev airport, ar, out", "ar", "مطار حيدر علييف بباكو حلو كتير، التصميم خيالي", false, "neg:Aliyev/Named after"},
		{"a neighbour who recognised a surname, hy, out", "hy", "Գյումրիում հարևան տատիկը ճանաչեց ազգանունս ու սկսեց լացել", false, "neg:recognition/ազգանուն*"},
		{"28 November, four years on, ka", "ka", "28 ნოემბერი. ოთხი წელი. ვინც დააპატიმრეს, ყველა გვახსოვს", true, "with:28 November/ოთხი წელი"},
		{"Georgia's FARA law, ka", "ka", "ფარას კანონით კიდევ ერთი ორგანიზაცია დაიხურა", true, "topic:civil society"},
		{"the base at Ochamchire, tr", "tr", "Rusya'nın Oçamçire'deki üssüne bakın, Karadeniz değişiyor", true, "place:Abkhazia"},
		// The race beside jailed journalists: sportswashing.
		{"a journalist jailed before the Baku F1", "en", "Azerbaijan jails another journalist while Baku gets ready to host F1 again", true, "neg:Motor racing/repression"},
		{"the Baku F1 alone is not it", "en", "Baku F1 this weekend, Leclerc on pole, the city circuit is wild", false, "neg:Baku/Motor racing"},
	})
}
