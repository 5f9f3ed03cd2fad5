package relevance

import "testing"

// Issue 11, eleventh round: the classes of the three sets kept unread since
// the tenth round (rt60, rt61, rt62) and of the round's development sets
// (rt66, rt67, rt68). Every case of a class (a post that must now come in, or
// a near miss that must now go out) fails with the tenth round's rules; the
// guards beside them pass with both.

// TestNamesakesEleventh: a pet named after a leader or a place, a teacher
// addressed by surname, a classmate, a name "not to be confused with" the
// country. The president's decree on teachers' pay stays in.
func TestNamesakesEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a cat named Shevardnadze, ru", "ru", "Назвали кота Шеварднадзе: седой и всегда выходит сухим из воды.", false, "!person:Shevardnadze"},
		{"a dog named Nakhchivan, tr", "tr", "Köpeğimin adı Nahçıvan, çünkü bahçenin ucunda tek başına yaşıyor, kimseyle sınırı yok.", false, ""},
		{"teacher Aliyev, az", "az", "Əliyev müəllim bu gün yenə çətin test verdi, riyaziyyatdan danışıram.", false, "!person:Aliyev"},
		{"a classmate Aliyev, az", "az", "Sinif yoldaşım Əliyev Kamranı 15 ildən sonra küçədə gördüm 😄", false, "!person:Aliyev"},
		{"not to be confused with Georgia, ru", "ru", "Георгиевская лента — военный символ Российской империи. Не путать с Грузией: название от святого Георгия.", false, "!place:Sakartvelo"},
		// The president and the teachers.
		{"the president's decree on teachers, az", "az", "Prezident Əliyev müəllimlərin maaşlarının artırılması barədə sərəncam imzaladı.", true, "person:Aliyev"},
	})
}

// TestGeorgianStreetWordsEleventh: the masked police, the "hostages" and
// their sentences, the "agents" the Dream finds, Formula and PosTV, the
// protest's hashtag. An insurance agent and hostages abroad stay out.
func TestGeorgianStreetWordsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"the masked police, ka", "ka", "ბალაკლავიანებმა თბილისში კიდევ ერთი სტუდენტი სცემეს და ბრალი მას წაუყენეს.", true, "topic:repression"},
		{"the Dream's agents, ka", "ka", "ოცნებამ ისევ ახალი „აგენტები“ იპოვა: ამჯერად ექიმები.", true, "topic:civil society"},
		{"the hostages, ka", "ka", "„მძევლების“ სია ყოველ კვირას იზრდება, დღეს კიდევ ორ ბიჭს მიუსაჯეს.", true, "topic:political prisoners"},
		{"Formula closes, ka", "ka", "ფორმულაც თუ დაიხურა, დარჩება მხოლოდ ერთი ფერი.", true, "institution:Georgian TV channels"},
		{"Rustaveli with its hashtag, ka", "ka", "რუსთაველზე დღესაც ვიყავით. #არდავნებდეთ", true, "topic:protest"},
		{"Rustaveli every evening, ru", "ru", "Руставели сегодня: холодно, минус, но людей много. Два года, Карл. Два года каждый вечер.", true, "with:Rustaveli/"},
		// An agent of another trade; hostages abroad.
		{"an insurance agent, ka", "ka", "სადაზღვევო აგენტი დღეს სამჯერ დამირეკა.", false, ""},
		{"hostages abroad, ka", "ka", "ტერორისტებმა სავაჭრო ცენტრში ხალხი მძევლად აიყვანეს.", false, ""},
	})
}

// TestArmenianStreetWordsEleventh: Yerevan's mayor, the ombudsman's
// initials, March 1 and 10 November, "the formers", Civil Contract's members
// in Latin letters, Western Armenian spelling. "My exes" stay out.
func TestArmenianStreetWordsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"the mayor, hy", "hy", "Ավինյանը նորից նոր ավտոբուսներ է խոստանում։", true, "person:Avinyan"},
		{"the ombudsman, hy", "hy", "ՄԻՊ-ը դարձյալ լռում է։", true, "topic:civil society"},
		{"March 1 with its year, hy", "hy", "Մարտի 1-ն է։ 2008-ից հետո դեռ պատասխան չկա։", true, "with:March 1/2008"},
		{"10 November, that night, hy", "hy", "Նոյեմբերի 10․ այն գիշերը երբեք չեմ մոռանա։", true, "with:10 November/"},
		{"the formers, hy", "hy", "Դե իհարկե, էլի նախկիններն են մեղավոր 🙄", true, "topic:government (region languages)"},
		{"Civil Contract's members, translit", "hy", "KP-akannery nuyn text@ en copy-paste anum 😂", true, "institution:Parties of the region"},
		{"Western Armenian spelling, hy", "hy", "Փաշինեան այսօր Ատրպէյճանի մասին խօսեցաւ։", true, "person:Pashinyan"},
		// My exes.
		{"my exes, hy", "hy", "Իմ նախկինները բոլորը արդեն ամուսնացել են 😂", false, ""},
	})
}

// TestAzerbaijaniStreetWordsEleventh: the smuggling charge beside a
// journalist, going out to the "actions". A tree-planting action and a
// smuggler caught at customs stay out.
func TestAzerbaijaniStreetWordsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"the smuggling charge, az", "az", "Yenə bir jurnalisti qaçaqmalçılıqda ittiham edib tutdular.", true, "with:smuggling charge/jurnalist*"},
		{"going out to the actions, az", "az", "Marneulidə azərbaycanlılar da aksiyalara çıxır, videolara baxın.", true, "topic:protest"},
		// A tree-planting action; a smuggler at customs.
		{"a tree-planting action, az", "az", "Bu gün məktəbdə ağacəkmə aksiyası keçirildi, hamı iştirak etdi.", false, ""},
		{"a smuggler at customs, az", "az", "Gömrükdə qaçaqmalçılıq yolu ilə gətirilən siqaretlər aşkarlandı.", false, ""},
	})
}

// TestReactionsEleventh: posts in the other languages that missed a word of
// their politics: a sentence for "group violence", the "manif", deminers, an embassy, notes exchanged, caviar
// diplomacy, the Eagle Partner exercise, the displaced's housing certificates,
// recognition by law.
func TestReactionsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"group violence, es", "es", "En Tiflis condenan a otro estudiante a cuatro años por violencia grupal.", true, "topic:repression"},
		{"the manif, fr", "fr", "Encore des gamins embarqués à la sortie de la manif à Tbilissi.", true, "topic:protest"},
		{"deminers, en", "en", "Two more deminers killed near Kalbajar this week.", true, "topic:landmines"},
		{"an embassy, es", "es", "¿Alguien sabe si España ya abrió su embajada en Ereván?", true, "topic:foreign minister"},
		{"notes exchanged, ru", "ru", "Баку и Москва снова обмениваются нотами.", true, "topic:foreign minister"},
		{"caviar diplomacy, de", "de", "Früher hieß es Kaviar-Diplomatie im Europarat. Und heute?", true, "event:Caviar diplomacy"},
		{"Eagle Partner, ru", "ru", "Учения Eagle Partner опять, Москва опять «обеспокоена».", true, "event:Eagle Partner"},
		{"housing certificates, en", "en", "Met a family from Martakert today, still waiting on their housing certificate.", true, "topic:displacement"},
		{"recognition by law, fr", "fr", "Il faut reconnaître le génocide arménien, la France l'a fait par la loi.", true, "topic:recognition"},
	})
}

// TestRealTextSettingsEleventh: an earthquake's report, a football league's
// chasers, "in Armenian and in Azerbaijani", a novel and a poet, a
// genealogist's question, the three states as union republics, a used car, a
// flea market, an ancient king.
// Fuel through Georgia, an earthquake's aid crossing, the three states' talks
// stay in.
func TestRealTextSettingsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"an earthquake, fr", "fr", "Un séisme de magnitude 4,2 a été ressenti à Erevan, selon le ministère arménien des Situations d'urgence.", false, ""},
		{"a league's chasers, ru", "ru", "«Пюник» обыграл «Арарат-Армению» со счётом 2:1 и оторвался от преследователей.", false, ""},
		{"in Armenian and in Azerbaijani, ru", "ru", "Дед ругался одновременно по-армянски и по-азербайджански, а бабушка смеялась.", false, ""},
		{"a novel, fr", "fr", "Le Voyage au Karabakh de Morchiladze est un roman culte en Géorgie.", false, ""},
		{"a poet, ka", "ka", "ვაჟა-ფშაველა — ქართველი მწერალი, მისი პოემები ადამიანისა და ბუნების ურთიერთობაზეა.", false, ""},
		{"a genealogist, tr", "tr", "Dedem Ahıska'dan sürgün edilmiş; Gürcistan arşivlerinden nüfus kaydı almak mümkün mü?", false, ""},
		{"the union republics, en", "en", "In 1936 the federation was dissolved and Georgia, Armenia and Azerbaijan became separate union republics.", false, ""},
		{"a used car, tr", "tr", "Gürcistan'dan ikinci el araba almak hâlâ mantıklı mı, gümrük ve ÖTV ne kadar?", false, ""},
		{"a flea market, fr", "fr", "À Tbilissi, ne manquez pas le marché aux puces du Pont sec. Négociez, c'est la règle.", false, ""},
		{"an ancient king, hy", "hy", "Տիգրան Մեծի օրոք Հայաստանի սահմանները ձգվում էին ծովից ծով։", false, ""},
		// Politics beside the same words.
		{"fuel through Georgia, az", "az", "Azərbaycan Gürcüstan üzərindən Ermənistana ilk dəfə yanacaq göndərdi.", true, ""},
		{"the earthquake's crossing, en", "en", "After the earthquake, Turkey and Armenia opened the border crossing at Margara for aid.", true, ""},
		{"the three states' talks, en", "en", "The foreign ministers of Georgia, Armenia and Azerbaijan met in Tbilisi to discuss the border.", true, ""},
	})
}

// TestSecondReadsEleventh: the classes of rt63 to rt65, read after their
// blind measurement: the PM's live in Latin letters, the returned villages
// and the displaced's return to Lachin and Fuzuli, visa-free Schengen,
// "we are Europe" and Russia in Latin-letter Georgian, the border in
// Latin-letter Armenian, archbishops arrested, Armenia's Public TV called a
// party channel, press freedom in the region's languages, "liberal fascism",
// GD beside a law or an orientation. A fighter named Tsarukyan, a job ad's
// contract pay, a city guide's "worth the trip" and "the wind never stops",
// a bookshop of the name, a queue at the crossing on the way to a concert
// stay out.
func TestSecondReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"the PM's live, translit", "hy", "Nikol-y eli live a mtel, 3 jam xosec u voch mi ban chasaca", true, "with:Nikol/"},
		{"the returned villages, az", "az", "Qazaxın qaytarılan kəndlərində ilk məktəb açıldı.", true, "topic:displacement"},
		{"we are Europe, translit", "ka", "chven var evropa, ra unda tqvan", true, "topic:EU path"},
		{"Russia in Latin-letter Georgian", "ka", "bidzina ra unda, ubralod? rusetis nebit moqmedebs?", true, "actor:Russia"},
		{"the border in Latin-letter Armenian", "hy", "aysor el sahmanin krakocner chkan, bayc Tavushum mardik der vaxenum en", true, "topic:border"},
		{"archbishops arrested, en", "en", "Arresting archbishops before an election is a choice, and not a subtle one.", true, "person:Galstanyan"},
		{"the Public as a party channel, hy", "hy", "Հանրայինը արդեն բացահայտ կուսակցական հեռուստաընկերություն ա դարձել։", true, "institution:Armenian Public TV"},
		{"press freedom, az", "az", "Bu ölkədə söz azadlığından danışmaq artıq gülməlidir.", true, "topic:press freedom (region languages)"},
		{"liberal fascism, ka", "ka", "და მერე გამოვლენ და იტყვიან, რომ ეს ყველაფერი „ლიბერალური ფაშიზმია“", true, "topic:liberal fascism"},
		{"GD and a law, en", "en", "GD just passed another law. Just guess which group it bans.", true, "with:GD/"},
		{"GD's orientation, en", "en", "People keep asking whether GD is pro-Russian. It doesn't need to be.", true, "with:GD/"},
		{"leaving Lachin, returning, az", "az", "Ailəm 1993-də Laçından köçüb, indi deyirlər qayıdın, amma iş yoxdur.", true, "with:Lachin in Turkish and Azerbaijani/"},
		{"back to Fuzuli, az", "az", "Babamın kəndinə, Füzuliyə nəhayət qayıtdıq. 30 il gözlədik.", true, "with:Karabakh districts/"},
		{"Schengen without visas, hy", "hy", "Շենգենը առանց վիզայի կլինի՞, թե էս էլ հերթական խոստումն ա Բրյուսելից", true, "topic:EU path"},
		// The same words elsewhere.
		{"a fighter named Tsarukyan, es", "es", "Arman Tsarukyan vuelve al octágono en diciembre y el armenio pide la pelea por el título.", false, ""},
		{"a job ad's contract pay, hy", "hy", "Երևանյան ՏՏ ընկերությունը փնտրում է ծրագրավորող։ Աշխատավարձը՝ պայմանագրային։", false, ""},
		{"worth the trip, fr", "fr", "Bakou en trois jours : le centre Heydar Aliyev vaut le déplacement, mais le vent ne s'arrête jamais !", false, ""},
		{"a bookshop of the name, hy", "hy", "Մոսկվայում «Армения» գրախանութը դեռ աշխատում ա՞, հին գրքեր եմ ուզում գտնել", false, ""},
		{"a queue on the way to a concert, ka", "ka", "სადახლოს საზღვარზე რამდენი რიგია ახლა? ერევანში მივდივართ კონცერტზე", false, ""},
		// Guards: an arrest in French, a joke with the slogan.
		{"a researcher arrested, fr", "fr", "Des nouvelles du chercheur arrêté à Bakou ? Sa famille parle d'espionnage.", true, ""},
		{"one nation two states, a joke, tr", "tr", "Azerbaycanlı arkadaşım 'qardaş' diyor, ben 'kardeş'. Bir millet iki devlet ama aksan bambaşka 😄", false, ""},
	})
}

// TestThirdReadsEleventh: the classes of rt69 and rt70, development sets of
// the round: pets in French and a rescue dog, diplomas "recognised", Spanish
// "fui" (I went), a maiden name, the Armenian language, a list of
// autocracies with Russia in it, a startup's seed round stay out; a deputy's
// paid trip to Baku, arrests after a "Demo", the kotsi, "gas azerí", foreign
// forces and "agentura", GD beside Brussels, Freedom Square, the Azerbaijani
// positions by the road come in.
func TestThirdReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a cat named Pashinyan, fr", "fr", "Mon voisin a appelé son chat Pachinian. Un persan tout blanc qui dort sur le radiateur.", false, "!person:Pashinyan"},
		{"a rescue named Aliyev, en", "en", "the shelter named our new rescue Aliyev and he has seized the couch and will not negotiate", false, "!person:Aliyev"},
		{"diplomas recognised, fr", "fr", "Études de médecine pas chères : Roumanie, Moldavie, Géorgie, Arménie. Les diplômes reconnus ?", false, ""},
		{"I went to a mass, es", "es", "Fui a una misa armenia en Montevideo por primera vez, los cantos me dejaron sin palabras", false, ""},
		{"a maiden name, ru", "ru", "Бабушка родом из Шуши, девичья фамилия Мелик-Асланова. Ищу родственников.", false, ""},
		{"the Armenian language, hy", "hy", "Որդիս Մոսկվայում ա մեծանում, հայերեն կարդալ չի ուզում։ Ի՞նչ գրքեր խորհուրդ կտաք", false, ""},
		{"a list with Russia, en", "en", "Another constitutional overhaul puts Kazakhstan in the same club as Russia, Belarus, Tajikistan and Azerbaijan.", false, ""},
		{"a seed round, en", "en", "Tbilisi fintech startup raises a $5M seed round for its payroll app; Georgian engineers are 'the cheapest great talent in Europe'", false, ""},
		{"a paid trip to Baku, fr", "fr", "Ton député a fait un petit séjour « d'observation » à Bakou, tous frais payés.", true, "topic:influence affairs"},
		{"arrests after a demo, de", "de", "Berichte über neue Festnahmen in Batumi nach einer Demo gestern.", true, "topic:protest"},
		{"the kotsi, ka", "ka", "ქოცები ისევ ერთსა და იმავე ტექსტს აკოპირებენ ყველა პოსტის ქვეშ 😂", true, "topic:kotsi"},
		{"gas azerí, es", "es", "¿Por qué la UE compra cada vez más gas azerí sin pedir nada a cambio?", true, "place:Azerbaijan"},
		{"foreign forces and agentura, translit", "ka", "Irakli isev Brussels-s adanashaulebs, isev 'ucxouri dzalebi' da 'agentura'", true, "topic:civil society"},
		{"GD beside Brussels, ru", "ru", "Говорят, ГМ хочет ужесточить въезд для россиян, чтобы понравиться Брюсселю?", true, "with:GD/"},
		{"Freedom Square, translit", "hy", "Vaxe Nikol@ hecanivov kga Azatutyan hraparak, dzyun@ ira hamar xangarum chi", true, "place:Yerevan"},
		{"the Azerbaijani positions, hy", "hy", "Գորիս-Կապան ճանապարհով եմ գնում, ադրբեջանական դիրքերը ճանապարհից մի քանի հարյուր մետր են։", true, "topic:conflict"},
		// Guards: colleagues, a film's title, an AI demo day.
		{"colleagues, fr", "fr", "Mon collègue azéri et mon collègue arménien ne sont d'accord que sur une chose : ma dolma est ratée.", false, ""},
		{"a film called Kotsi, es", "es", "«Kotsi», ópera prima de una directora de Tiflis, sigue a una viuda que vuelve al pueblo.", false, ""},
		{"an AI demo day, en", "en", "yerevan tech scene is kinda wild, third AI demo day I've been to this month", false, ""},
	})
}

// TestRealTextReadsEleventh: the classes of rt71 (real text, a development
// set of the round): a cable car "arrêté", a penalty area's line, a
// mountain village's altitude, Ararat's entry, a textbook's main cities, the
// Nobels' oil, the conversion of 301, a climate summit in Baku, an Italian
// courtyard, an asylum recognition rate. An arrest in Baku and Georgia's law
// on the Meskhetians' return stay in.
func TestRealTextReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a cable car stopped, fr", "fr", "Erevan sous la neige, c'est magnifique ; le téléphérique de Tatev est parfois arrêté en hiver.", false, ""},
		{"a penalty area's line, hy", "hy", "Հենրիխ Մխիթարյանը «Ինտերի» կազմում գոլ է խփել տուգանային հրապարակի սահմանից։", false, ""},
		{"a mountain village, az", "az", "Xınalıq — Azərbaycanın Quba rayonunda, dəniz səviyyəsindən 2200 metr hündürlükdə yerləşən qədim dağ kəndidir. Avropanın ən yüksək kəndlərindəndir.", false, ""},
		{"Ararat's entry, de", "de", "Der Ararat ist mit 5.137 Metern der höchste Berg der Türkei, nahe den Grenzen zu Iran, Armenien und der aserbaidschanischen Exklave. Der vergletscherte Gipfel ist weithin sichtbar.", false, ""},
		{"a textbook's main cities, fr", "fr", "La Transcaucasie comprend la Géorgie, l'Arménie et l'Azerbaïdjan. Les principales villes sont Bakou (2,3 millions d'habitants), Tbilissi et Erevan.", false, ""},
		{"the Nobels' oil, en", "en", "By the 1890s Baku oil fields, run by Branobel and the Nobel brothers, supplied half the world crude; Armenian and Azerbaijani workers piped it to Batumi.", false, ""},
		{"the conversion of 301, en", "en", "Armenia adopted Christianity as its official religion in 301, when Gregory the Illuminator, imprisoned at Khor Virap, converted King Tiridates.", false, ""},
		{"a climate summit, en", "en", "BAKU — Countries at the UN climate summit agreed that climate finance should reach $300 billion a year by 2035.", false, ""},
		{"an Italian courtyard, en", "en", "In our Italian courtyard everyone knew everything: the Armenian shoemaker, the Azerbaijani family upstairs, the Georgian widow.", false, ""},
		{"an asylum recognition rate, de", "de", "Die Anerkennungsquote für Asylanträge aus Georgien lag zuletzt bei unter einem Prozent.", false, ""},
		// Guards: an arrest in Baku, the Meskhetians' return law.
		{"a researcher arrested in Baku, fr", "fr", "Le chercheur a été arrêté à Bakou, accusé d'espionnage.", true, ""},
		{"the return law, tr", "tr", "Gürcistan Parlamentosu, 1944'te sürgün edilen Ahıska Türklerinin geri dönüşünü düzenleyen yasayı kabul etti.", true, ""},
	})
}

// TestFourthReadsEleventh: the classes of rt75 and of the corpus's `eld`
// tune half: a cat "по кличке", the US state compared with the country, a
// club that "played magnificently", the slopes "facing" Georgia (Turkish
// "bakan" is also a minister), an enlargement list with the Western
// Balkans, a singer named Tsarukyan, the newspaper "Yeni Müsavat" stay out;
// the foreign-influence law in Russian, entry refused at Tbilisi's airport,
// exile in Yerevan, "1915" beside normalisation, Iran's "geopolitical
// changes", the visa suspension in German, "we stand" on Rustaveli come in.
func TestFourthReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a cat nicknamed Pashinyan, ru", "ru", "У соседей кот по кличке Пашинян: за бороду и за то, что всё время куда-то уходит.", false, "!person:Pashinyan"},
		{"the US state and the country, de", "de", "Fun fact: Der US-Bundesstaat Georgia hat fast dreimal so viele Einwohner wie das Land Georgien.", false, ""},
		{"a club that played, az", "az", "Qarabağ bu axşam möhtəşəm oynadı! Avropada belə komandamız var, fəxr edirəm ⚽️", false, ""},
		{"slopes facing Georgia, tr", "tr", "Kaçkarlar'da Gürcistan tarafına bakan sırtlarda kar muhteşemdi, drone çekimlerini akşam paylaşacağım.", false, ""},
		{"an enlargement list, en", "en", "EU summit conclusions: paragraphs on Ukraine, Moldova, the Western Balkans, Georgia, and then 40 pages on defence procurement.", false, ""},
		{"a singer named Tsarukyan, hy", "hy", "Միհրան Ծառուկյանը նոր տեսահոլովակ է նկարահանել։", false, ""},
		{"a newspaper, az", "az", "Bu barədə “Yeni Müsavat”a dəmir yolu idarəsindəki mənbə məlumat verib.", false, ""},
		{"the foreign-influence law, ru", "ru", "Закон об иностранном влиянии по-грузински: иностранное влияние — это всё, кроме России.", true, "institution:Foreign influence transparency law"},
		{"entry refused at the airport, ru", "ru", "В аэропорту Тбилиси опять отказали во въезде знакомой с антивоенными постами.", true, "topic:border"},
		{"exile in Yerevan, fr", "fr", "Rencontré à Erevan une famille de Martouni : trois ans après, l'exil ne fait plus la une.", true, "topic:displacement"},
		{"1915 beside normalisation, tr", "tr", "Sınır açılacaksa açılsın ama 1915'i konuşmadan gerçek bir normalleşme olmaz.", true, "with:1915/"},
		{"Iran's geopolitical changes, az", "az", "İran yenə \"regionda geosiyasi dəyişikliklərə yol verməyəcəyik\" deyir. Amma yol artıq çəkilir.", true, "topic:geopolitical changes"},
		{"the visa suspension, de", "de", "Meine georgischen Kommilitonen sind nervös wegen der möglichen Visa-Aussetzung.", true, "topic:EU path"},
		{"we stand on Rustaveli, ka", "ka", "რუსთაველზე დღესაც ბევრნი ვიყავით. ყინავს, მაგრამ ვდგავართ.", true, "with:Rustaveli/"},
	})
}

// TestFifthReadsEleventh: the classes of rt76 and rt78: a president's list
// of stopped wars, a teacher named Kobakhidze, a courtyard cat "called"
// Aliyev, a restaurant named Zangezur, Shirvan carpets, a football away day,
// a weekend in Gagra stay out; a Nationalist in the singular, "voted in",
// arrested "for an article", Georgia's protests, "4 года" for a stone, the
// Karapetyan case in Latin letters, the Catholicos question, prisoners in
// Baku "как говорится", the first trucks from Armenia, the protest's count
// beside its fines, USAID in the government's mouth come in.
func TestFifthReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a list of stopped wars, ru", "ru", "Трамп опять перечислил «остановленные войны»: Индия–Пакистан, Конго–Руанда, Армения–Азербайджан.", false, ""},
		{"a teacher named Kobakhidze, ka", "ka", "ჩემი ქიმიის მასწავლებელი ქალბატონი კობახიძე ყველაზე მკაცრი ადამიანი იყო.", false, "!person:Kobakhidze"},
		{"a cat called Aliyev, hy", "hy", "Մեր բակի կատվի անունը Ալիկ է, բայց երեխաները նրան «Ալիև» են կանչում 😅", false, ""},
		{"a restaurant named Zangezur, hy", "hy", "Զանգեզուր ռեստորանում հարսանիք էի, խորովածը սառն էր։ 3/10", false, ""},
		{"Shirvan carpets, de", "de", "Ausstellung zu Teppichen aus Aserbaidschan: Stücke aus Karabach und Schirwan, unglaublich feine Arbeit.", false, ""},
		{"an away day, en", "en", "Qarabağ away in December is a proper trip. Baku was freezing but the stadium was rocking. Great European night.", false, ""},
		{"a weekend in Gagra, ru", "ru", "В Сочи +12, а в Абхазии мандарины уже по 80 рублей. Едем на выходные в Гагры.", false, ""},
		{"a Nationalist, ka", "ka", "ნაციონალად ნუ მომნათლავ, 2012-ში მეც სხვას ვაძლევდი ხმას.", true, "institution:Parties of the region"},
		{"voted in June, en", "en", "Armenia voted in June and we're still fighting about it at every family dinner.", true, "topic:elections"},
		{"arrested for an article, ru", "ru", "В Баку арестовали экономиста за статью про реальную инфляцию.", true, "topic:media freedom"},
		{"Georgia's protests, en", "en", "Georgia's protests are not 'Western-funded'. My aunt is not on anyone's payroll.", true, "with:Georgia/"},
		{"four years for a stone, ru", "ru", "Тбилисский суд дал парню 4 года за камень на акции.", true, "topic:repression"},
		{"the Karapetyan case, translit", "hy", "Karapetyani gorci datakan nist@ eli texapoxecin.", true, "person:Samvel Karapetyan"},
		{"the Catholicos question, hy", "hy", "Կաթողիկոսի հարցը մինչև Ամանոր լուծվելու ա՞, թե՞ էլի ամբողջ ձմեռ լուրերով ենք լսելու։", true, "topic:church and state"},
		{"prisoners in Baku, as they say, ru", "ru", "Армянские пленные в Баку — тема, которую в Ереване старались не поднимать перед выборами. С наступающим, как говорится.", true, ""},
		{"the first trucks, az", "az", "Ermənistandan gələn ilk yük maşınlarını görən oldu?", true, "with:Armenia/"},
		{"the count beside its fines, ka", "ka", "ყოველ ღამე ერთი და იგივე: დროშები, სასტვენები, ჯარიმა 5000 ლარი. მაინც მივდივართ. დღე 735.", true, "with:Protest day count/"},
		{"USAID in the government's mouth, ru", "ru", "Срочно из Тбилиси: правительство выяснило, что снег — это тоже проект USAID.", true, "topic:influence affairs"},
		// A guard: USAID's projects in the region's news.
		{"USAID's project, ka", "ka", "USAID-ი „ბრითიშ პეტროლიუმთან“ ერთად ახალ ენერგოპროექტს ახორციელებს.", false, ""},
	})
}

// TestSixthReadsEleventh: the classes of rt77 (real text) and the last of
// rt70: an actor's contract for a series, the US state in French election
// news, non-oil exports, a port's logistics, a bank account for relocants,
// an Armenian calling the information desk, Manouchian at the Panthéon, a
// city's entry, a digital nomad's budget, a phone bought across the border,
// a family dinner's three dishes stay out.
func TestSixthReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"an actor's contract, tr", "tr", "Azerbaycanlı oyuncu, yeni Türk dizisinin başrolü için anlaşma imzaladı; çekimler Bakü'de yapılacak.", false, ""},
		{"the US state in French, fr", "fr", "En Géorgie, État clé du Sud des États-Unis, les électeurs ont fait la queue dès le premier jour du vote anticipé.", false, ""},
		{"non-oil exports, az", "az", "Azərbaycanın qeyri-neft ixracı 9 ayda 7 faiz artıb; əsas məhsullar pomidor və fındıqdır, əsas bazar Rusiyadır.", false, ""},
		{"a port's logistics, de", "de", "Ein Hamburger Hafenlogistiker prüft eine Beteiligung am Ausbau des Hafens Poti; Georgien will Drehscheibe für Containertransporte zwischen China und Europa werden.", false, ""},
		{"a bank account, ru", "ru", "Можно ли открыть счёт в грузинском банке с российским паспортом? В TBC отказали, в Bank of Georgia просят подтверждение адреса.", false, ""},
		{"a joke's information desk, ru", "ru", "Армянин звонит в справочную: — Это Ереван? — Нет, это Москва. — А почему тогда так много наших?", false, ""},
		{"Manouchian at the Panthéon, fr", "fr", "Missak Manouchian, résistant d'origine arménienne fusillé en 1944, est entré au Panthéon ; la cérémonie était présidée par Emmanuel Macron.", false, ""},
		{"a city's entry, en", "en", "Gyumri is the second-largest city in Armenia and the administrative centre of Shirak Province. Known as Alexandropol in the Russian Empire, it is famous for its black tuff.", false, ""},
		{"a nomad's budget, en", "en", "My monthly budget in Tbilisi: coworking $90, rent $650. Georgia's one-year visa-free stay is the big draw.", false, ""},
		{"a phone across the border, tr", "tr", "Gürcistan'dan telefon almak mantıklı mı hâlâ? Sarp'tan geçip Batum'daki mağazalardan iPhone alan var mı, IMEI kaydı ve gümrük nasıl?", false, ""},
		{"a family dinner, ru", "ru", "Дедушка из Баку и бабушка из Еревана прожили вместе 52 года в Тбилиси. Сегодня юбилей свадьбы, на столе толма, долма и хинкали. Мир возможен 😊", false, ""},
	})
}

// TestCapitalsAndOrientationEleventh: "Baku and Moscow" as the two
// capitals' relations, a flight's price between them stays out; "strategic
// ally" in Armenian is the country's orientation.
func TestCapitalsAndOrientationEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"Baku and Moscow, en", "en", "Moscow and Baku making up every six months and falling out every seven. I keep popcorn next to the laptop.", true, "with:Baku/"},
		{"Baku and Moscow, ru", "ru", "Баку и Москва снова обмениваются любезностями через СМИ. Надолго ли?", true, "with:Baku/"},
		{"a strategic ally, hy", "hy", "Ռուսաստանն էլի «ռազմավարական դաշնակից» ա ասում, իսկ 2020-ին որտեղ էր էդ դաշնակիցը", true, "with:geopolitical orientation/"},
		// A flight's price.
		{"a flight's price, ru", "ru", "Прямой рейс Москва–Баку стоит 40 тысяч в одну сторону, это нормально?", false, ""},
	})
}

// TestSeventhReadsEleventh: the classes of rt80: a colleague "but not that
// one", a bus to Yerevan at the Sadakhlo queue, Georgian wine's price in
// Moscow stay out; Gazprom Armenia as Moscow's lever, the return to Fuzuli
// (without its prayer, which still reads as scripture), AzTV's news,
// "Karabakh is ours", the Washington agreement, EU candidacy in Georgian,
// Aliyev's interview, Santa summoned to the NSS, the protest's day count
// with the avenue further away come in.
func TestSeventhReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a colleague named Aliyev, ru", "ru", "Мой коллега в Казани — Алиев, но не тот 😂 Каждый Новый год ему пишут «с праздником, господин президент»", false, "!person:Aliyev"},
		{"a bus to Yerevan, ka", "ka", "ერევანში ახალ წელს მივდივართ, სადახლოს საზღვარზე რიგი დიდი იყო? ვინმემ იცის ავტობუსი რომელი საათზე გადის?", false, ""},
		{"Georgian wine in Moscow, ru", "ru", "Купил в Москве грузинское вино, а оно в два раза дороже, чем в Тбилиси 🍷", false, ""},
		{"Gazprom Armenia, hy", "hy", "Գազպրոմ Արմենիան մնում է Մոսկվայի ամենաուժեղ լծակը, ինչքան էլ խոսենք դիվերսիֆիկացիայից", true, "topic:energy geopolitics"},
		{"back to Fuzuli, translit", "az", "nenem 30 il gozledi ki Fuzuliye qayitsin, bu il yeni evde ilk yeni ilimizdi.", true, "with:Karabakh districts/"},
		{"AzTV's news, az", "az", "AzTV-yə görə Azərbaycanda hər şey əladır, mənim maaşıma görə yox 🤔", true, "topic:media freedom"},
		{"Karabakh is ours, az", "az", "Dünya Azərbaycanlılarının Həmrəylik Günü mübarək! Qarabağ bizimdir 🇦🇿", true, "place:Karabakh"},
		{"the Washington agreement, az", "az", "Ilin əsas hadisəsi Vaşinqton razılaşmasının icrası oldu.", true, "event:Washington declaration"},
		{"EU candidacy, ka", "ka", "ბოლოს და ბოლოს, კანდიდატი ვართ ქაღალდზე და გაყინული რეალურად?", true, "topic:EU path"},
		{"Aliyev's interview, en", "en", "Aliyev's year-end interview is out. Spoiler: everything went according to plan.", true, "with:Aliyev/"},
		{"Santa at the NSS, hy", "hy", "Ձմեռ պապին էլ են ԱԱԾ կանչել, հարցնում են պարկի մեջ ինչ կա 🎅", true, "topic:repression"},
		{"the day count, ru", "ru", "Сегодня на Руставели снова мало людей, холодно. Но кто стоит — стоит. 760-й день, если я не сбился.", true, "with:Protest day count/"},
		// A guard: a courtyard cat named after the nuclear plant.
		{"a cat named Metsamor, hy", "hy", "Բակի կատվին Մեծամոր ենք ասում, որովհետև ամբողջ օրը տաք խողովակի վրա ա պառկած 😂", false, ""},
	})
}

// TestLastReadsEleventh: the classes of rt79, rt81 and rt82: a relocants'
// coworking, Kvara's goal before the winter break, Mammadyarov's rapid, a
// border gate closed by a blizzard, "music knows no borders", learning
// Georgian with an app, a Yerevan encyclopedia entry in German, Turkish
// trucks' waiting times, a traveller's Kazbegi, a Spätaussiedlerin's family,
// a Baku courtyard's roofs, the wars of 1877 and 1941 stay out; the
// Rustaveli's third winter, the glass palace's billionaire, "EU by 2030",
// families returning to Aghdam, government against the church, "strategic
// partner" in Russian, the Alican gate, "Western circles" come in.
func TestLastReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a relocants' coworking, ru", "ru", "Мой коворкинг в Тбилиси превратился в филиал Москвы: все обсуждают, куда поехать на каникулы — в Кахетию или в Армению.", false, ""},
		{"Kvara before the break, fr", "fr", "Kvara qui plante un doublé juste avant la trêve. Paris a enfin trouvé son magicien géorgien 🔥", false, ""},
		{"a rapid, az", "az", "Məmmədyarov rapiddə yenə möcüzə göstərdi! Şax, sən bizim qürurumuzsan ♟🇦🇿", false, ""},
		{"a blizzard at the gate, tr", "tr", "Türkgözü sınır kapısı kar ve tipi nedeniyle geçici olarak kapandı; Gürcistan'a gidecekler Sarp'ı kullansın.", false, ""},
		{"music knows no borders, tr", "tr", "Sami Yusuf'un Bakü konserinde \"Qarabağ şikəstəsi\"ni söylediği an salonda gözü yaşarmayan kalmadı. Müzik sınır tanımıyor.", false, ""},
		{"learning Georgian, en", "en", "Is there any decent app for learning Georgian? I can recognise ა ბ გ and that's about it.", false, ""},
		{"an encyclopedia's capital, de", "de", "Eriwan (armenisch Երևան) ist die Hauptstadt Armeniens und mit 1,1 Millionen Einwohnern die größte Stadt, etwa 20 Kilometer von der türkischen Grenze.", false, ""},
		{"trucks' waiting times, tr", "tr", "Gürcistan'a giden Türk tırlarının sayısı yüzde 12 arttı. Sarp Sınır Kapısı'nda bekleme süresi 10 saati buluyor.", false, ""},
		{"a traveller's Kazbegi, es", "es", "Georgia fue el mejor descubrimiento del año: Tiflis con sus baños de azufre, la ruta militar hasta Kazbegi y una cena en Kajetia.", false, ""},
		{"a Spätaussiedlerin, de", "de", "Meine Oma kam 1993 aus Baku nach Deutschland, Spätaussiedlerin, halb Armenierin. Zuhause haben wir Russisch gesprochen.", false, ""},
		{"the courtyard's roofs, en", "en", "In summer the whole courtyard slept on the roofs. Our neighbours were Armenian, Russian, Lezgin; my mother spoke Azerbaijani at the bazaar. That was Baku.", false, ""},
		{"the Army of Islam, tr", "tr", "Kafkas İslam Ordusu, Nuri Paşa komutasında 15 Eylül 1918'de Bakü'ye girdi; Azerbaycan'da bu gün anılır.", false, ""},
		{"the third winter, ru", "ru", "Руставели. Снег с дождём, а люди опять стоят с флагами. Третья зима подряд.", true, "with:Rustaveli/"},
		{"the glass palace's billionaire, ru", "ru", "Чего вы хотели от партии, которой руководит миллиардер из стеклянного дворца над Тбилиси.", true, "person:Bidzina"},
		{"EU by 2030, en", "en", "this is the same party that ran on \"Georgia in the EU by 2030\" posters two years ago. lol", true, "topic:EU path"},
		{"families back in Aghdam, tr", "tr", "TRT'deki belgeselde Ağdam'a dönen aileler anlatıyordu: 30 yıl sonra ilk yılbaşı kendi evlerinde.", true, "with:Karabakh districts/"},
		{"government against the church, hy", "hy", "Իշխանություն ընդդեմ Եկեղեցու՝ ամիսներ շարունակ նույն պատերազմը։", true, "topic:church and state"},
		{"a strategic partner, ru", "ru", "Федеральное ТВ: неделя 1 — Алиев наш друг. неделя 2 — Алиев предал. неделя 3 — стратегический партнёр.", true, "topic:geopolitical orientation"},
		{"the Alican gate, tr", "tr", "Alican kapısı ne oldu, açıldı mı?", true, ""},
		{"Western circles, az", "az", "Dövlət televiziyasında yenə 'qərb dairələri' danışılır. Qiymət qalxır: qərb dairələri.", true, "topic:civil society"},
	})
}

// TestJanuaryReadsEleventh: the classes of rt83 to rt86: a traveller's ten
// minutes at the border, a weekend "escape" to Batumi, snow at the Sarp
// gate, the ski resorts, Turkish series, Istanbul's Armenian foundations, a
// flight sale's "აქცია", a chess round at Wijk aan Zee, a dog named Nikol
// "with no political subtext", "I don't know half of them", a market near the Iranian border, Tbilisi's Peace Bridge, learning
// Armenian in Tbilisi, Megrelian's entry, supply agreements, a
// marketplace's warehouse, cheese from Gyumri, the Kura's course, a grandmother's village stay out; the "Dreamers" in Russian, the
// normalisation envoys, the 5,000-lari fine, the 4 October case in court,
// held for a Facebook post, 20 January and Moscow's apology, peace with
// Armenia in Russian, standing in the street, Bidzina in the shadows,
// Papikyan, GD beside an election, Gldani come in.
func TestJanuaryReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"ten minutes at the border, az", "az", "Qışda Batumi boş olur, amma dənizin səsi əladır. Gürcüstana hər il gedirəm, sərhəddə cəmi 10 dəqiqə gözlədik.", false, ""},
		{"a weekend escape, tr", "tr", "Hafta sonu Batum'a kaçtık. Deniz kenarında balık yedik, akşam da biraz kumarhane 😅 Gürcistan hep iyi gelir.", false, ""},
		{"snow at the gate, tr", "tr", "Sarp sınır kapısında kar nedeniyle tır kuyruğu 10 kilometreyi aştı. Gürcistan tarafında yollar buzlu.", false, ""},
		{"a ski resort, fr", "fr", "Premier ski en Géorgie : Bakouriani avec les enfants, des moniteurs patients et des churchkhelas le soir.", false, ""},
		{"Turkish series, az", "az", "Türk seriallarının yeni mövsümü başlayıb. Azərbaycanda ən güclü siyasi qüvvə — türk serialıdır 😂", false, ""},
		{"Istanbul's Armenian foundations, tr", "tr", "İstanbul'daki Ermeni vakıflarının taşınmazlarıyla ilgili dava Anayasa Mahkemesi'ne taşındı.", false, ""},
		{"a flight sale, ka", "ka", "✈️ თბილისი–ბაქო მხოლოდ 79 ლარად! აქცია მოქმედებს 31 იანვრამდე.", false, ""},
		{"a chess round, en", "en", "Mamedyarov with a vintage attacking game in round 3 at Wijk aan Zee. Azerbaijan's old guard still has teeth.", false, ""},
		{"a dog named Nikol, hy", "hy", "Մեր շան անունը Նիկոլ է, ու ոչ, քաղաքական ենթատեքստ չկա 😅", false, ""},
		{"I don't know half of them, hy", "hy", "Ախպորս հարսանիքին 400 հոգի էր, կեսին չեմ ճանաչում։ Հայկական հարսանիք, ինչ ասես", false, ""},
		{"a border market, az", "az", "Astaraya getmişdik, sərhədə yaxın bazardan İran çayı, zəfəran aldıq, ucuzdur", false, ""},
		{"the Peace Bridge, tr", "tr", "Tiflis'te mutlaka görülmesi gereken yerler: Narikala, kükürtlü hamamlar, Barış Köprüsü ve Rustaveli Caddesi.", false, ""},
		{"Megrelian's entry, ka", "ka", "მეგრული ენა ქართველურ ენათა ოჯახს მიეკუთვნება და ძირითადად სამეგრელოში და აფხაზეთის ნაწილში გამოიყენება.", false, ""},
		{"a supply agreement, tr", "tr", "Azerbaycan'ın perakende zincirlerinden biri Türk üreticilerle tedarik anlaşmalarını genişletti; milyon dolarlık ithalat planlıyor.", false, ""},
		{"a marketplace's warehouse, ru", "ru", "Wildberries открыл в Ереване сортировочный центр площадью 12 тысяч квадратных метров. Срок доставки из России в Армению сократится.", false, ""},
		{"cheese from Gyumri, ru", "ru", "Привезли из Гюмри чечил и сыр — пол-холодильника пахнет как армянский рынок. Мама говорит, в Москве такого нет.", false, ""},
		{"the Kura's course, en", "en", "The Kura rises in northeastern Turkey and flows about 1,360 km through Georgia and Azerbaijan; it passes through Tbilisi and is joined by the Aras.", false, ""},
		{"a grandmother's village, tr", "tr", "Babaannem Kars'ın Arpaçay köyünde doğmuş. Kışın kar damlara kadar çıkardı. Sınırın öte yakası Gümrü'ydü.", false, ""},
		{"the Dreamers, ru", "ru", "Мечтовцы снова пугают «глобальной партией войны». Уже третий год одна и та же песня.", true, "topic:kotsi"},
		{"the normalisation envoys, tr", "tr", "Normalleşme özel temsilcileri yine görüştü, yine yapıcı bir atmosfer.", true, "event:Normalisation envoys"},
		{"the 5000-lari fine, ru", "ru", "Новая олимпийская дисциплина: штраф за стояние на тротуаре. Рекорд сезона — 5000 лари за 30 секунд.", true, "event:Protest fine"},
		{"the 4 October case in court, ru", "ru", "Сегодня суд продлил арест оппозиционерам по делу 4 октября.", true, "with:4 October case/"},
		{"held for a Facebook post, hy", "hy", "Էլի մի բլոգերի կալանավորեցին ֆեյսբուքյան գրառման համար։", true, "topic:press freedom (region languages)"},
		{"20 January and Moscow, az", "az", "20 Yanvara görə Moskva hələ də üzr istəməyib.", true, "with:20 January/"},
		{"peace with Armenia, ru", "ru", "Пишу как бакинец: мир с Арменией нужен нам не меньше, чем им.", true, "topic:peace deal"},
		{"standing in the street, ka", "ka", "ანუ შენი აზრით, ამდენი ხანი ქუჩაში დგომა არაფერს ნიშნავს? ამ ხალხმა ოცნებას აიძულა დაეხია.", true, "topic:protest"},
		{"Bidzina in the shadows, ka", "ka", "ბიძინა ისევ ჩრდილშია, ყველაფერს ის წყვეტს და პასუხს არავინ აგებს", true, "with:Bidzina/"},
		{"Papikyan, translit", "hy", "Papikyan@ asec banakum amen inch normal a, heto zinvori mahvan lur@ ekav.", true, "person:Papikyan"},
		{"GD beside an election, ru", "ru", "ГМ опять победила сама себя. Поздравляем 👏", true, "with:GD/"},
		{"Gldani, ru", "ru", "Кто-нибудь знает, куда увезли ребят, задержанных ночью у парламента? В Глдани говорят, что их нет.", true, "place:Tbilisi"},
	})
}

// TestFebruaryReadsEleventh: the classes of rt87 and rt88: "our maths
// teacher Aliyev", Tbilisi's sulphur baths and cheap wine, Rustaveli closed
// "не протест" for a pipe, a Georgian feast in Moscow stay out; Mzia's
// release, the 102nd base in Gyumri, Meydan TV's journalists, Ramiz
// Mehdiyev's case, Sumgait in February 1988, EUMA in Azerbaijani, the
// Karabakh veterans, a permit to go to Lachin, the PM's livestream in
// English, "Gharabagh" in Latin letters, corruption and the referendum in
// Latin letters, GD beside the opposition, the EU flag fined, water cannons,
// "war with the Catholicos" come in.
func TestFebruaryReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"our maths teacher, az", "az", "Riyaziyyat müəllimimiz Əliyev bu gün bütün sinfə 2 yazdı. Atam soruşdu ki, hansı Əliyev? Dedim ata, rahat ol, sadəcə müəllimdir 😅", false, "!person:Aliyev"},
		{"sulphur baths, fr", "fr", "Tbilissi en février : peu de touristes, des bains sulfureux brûlants, du vin à 4 €. Le meilleur rapport qualité-prix d'Europe, si on considère la Géorgie comme l'Europe.", false, ""},
		{"not a protest, ru", "ru", "Проспект Руставели опять перекрыт — нет, не протест, просто ремонт трубы 😅", false, ""},
		{"a feast in Moscow, ru", "ru", "Грузинское застолье в Москве: тамада грузин, гости армяне и азербайджанцы, к полуночи все поют «Сулико» 😄", false, ""},
		{"Mzia's release, ka", "ka", "მზიას გამოსვლის კადრებს ვუყურებ და ცრემლები მდის. ორი წელი ერთი სილისთვის.", true, "person:Amaglobeli"},
		{"the 102nd base, ru", "ru", "Гюмри, 102-я база. Старики говорят: пока русские тут, мы в безопасности.", true, "event:Russian base in Gyumri"},
		{"Meydan TV's journalists, ru", "ru", "Журналистов «Мейдан ТВ» осудили на годы. В Баку тихо.", true, "institution:Jailed outlets"},
		{"Ramiz Mehdiyev's case, az", "az", "Ramiz Mehdiyevin işi: keçmiş rəhbərə yeni ittihamlar irəli sürülüb.", true, "person:Politicians of the region"},
		{"Sumgait in February 1988, en", "en", "Sumgait, Feb 1988. My grandparents left with nothing but their passports.", true, "with:Sumgait 1988/"},
		{"EUMA in Azerbaijani, az", "az", "Avropa İttifaqının müşahidə missiyası hələ də sərhəddədir. Sülh gəlirsə, nəyə lazımdır?", true, "institution:EU monitoring mission"},
		{"a Karabakh veteran, az", "az", "Qarabağ qazisi olan dayım hələ də müalicə pulunu özü ödəyir.", true, "topic:conflict"},
		{"a permit to Lachin, az", "az", "Qarabag azad olundu amma Lacine getmek ucun hele de icaze lazimdi.", true, "with:Lachin in Turkish and Azerbaijani/"},
		{"the PM's livestream, en", "en", "the PM did it again. 3-hour livestream, zero questions from journalists.", true, "with:PM's livestream/"},
		{"Gharabagh in Latin letters", "hy", "Nikoln asum a 'Gharabaghyan sharjum@ avartvel a'. Lav, bayc 100 hazar mardkanc inch asenq?", true, "place:Artsakh"},
		{"the referendum in Latin letters", "hy", "Hanraqve erb a linelu, mek@ giti? Konkret amsativ", true, "topic:referendum"},
		{"GD beside the opposition, en", "en", "Georgia's opposition: in jail, in exile, or fighting each other on Facebook. GD knows it.", true, "with:GD/"},
		{"fined for the EU flag, ka", "ka", "გუშინ საღამოს პოლიციამ დამაჯარიმა, რადგან ევროკავშირის დროშა მეჭირა.", true, "topic:protest"},
		{"war with the Catholicos, hy", "hy", "Կաթողիկոսի հետ պատերազմը որ վերջացնեն, գուցե ժամանակ մնա ճանապարհների համար էլ։", true, "topic:church and state"},
	})
}

// TestLastFebruaryReadsEleventh: the classes of rt89: a club's Champions
// League win in Russian, a president's goals for Manchester City, a
// grandfather's captivity in Tbilisi, Nakhchivan's profile stay out;
// plainclothes police ("в штатском") no longer read as a US state, and
// Rustaveli "still here" come in.
func TestLastFebruaryReadsEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a Champions League win, ru", "ru", "«Карабах» из Агдама обыграл «Бенфику» в Лиссабоне в первом туре общего этапа Лиги чемпионов — 3:2.", false, ""},
		{"a striker's goals, es", "es", "Pocos recuerdan que Mijeíl Kavelashvili marcó en un derbi de Mánchester con la camiseta del City. El delantero georgiano jugó después en Suiza.", false, ""},
		{"a grandfather's captivity, de", "de", "Mein Großvater war nach dem Krieg bis 1949 als Kriegsgefangener in Tiflis; die georgischen Frauen brachten den Gefangenen heimlich Brot.", false, ""},
		{"Nakhchivan's profile, tr", "tr", "Nahçıvan Özerk Cumhuriyeti, Azerbaycan'a bağlı ama ayrı bir bölgedir. Türkiye ile yaklaşık 17 km'lik bir sınırı vardır.", false, ""},
		{"plainclothes police, ru", "ru", "Вчера снова ходил к парламенту на протест. Полиция не трогала, но было полно людей в штатском. Грузия устала.", true, "place:Sakartvelo"},
		{"still here, en", "en", "another night on Rustaveli. still here", true, "with:Rustaveli/"},
	})
}

// TestReviewEleventh: a last review of the round's words took out those that
// would cancel a place beside politics, as a single word of travel, weather
// or business does within a few words: "летит" (a leader flies to Yerevan),
// "hafta sonu" (a weekend's protest), "cost of living" (its protests), "don't
// miss" (a rally), "на выходные", "concert" and "bus" in Georgian (a protest
// concert, a rally's buses), "emissions", "TBC" (to be confirmed),
// "Beteiligung" (participation), "milyon dolarlık" (military aid), "ixracı"
// (exports to Armenia). These posts stay in (two needed a word of their
// own: a rally in Georgian, military aid in Turkish).
func TestReviewEleventh(t *testing.T) {
	runClassCases(t, []classCase{
		{"a leader flies to Yerevan, ru", "ru", "Алиев летит в Ереван, впервые за тридцать лет.", true, ""},
		{"a weekend's protest, tr", "tr", "Hafta sonu Tiflis'te yine büyük bir protesto vardı.", true, ""},
		{"cost of living protests, en", "en", "Cost of living protests in Yerevan again tonight, outside the government building.", true, ""},
		{"don't miss the rally, en", "en", "Don't miss the rally in Tbilisi tonight, 7pm at parliament.", true, ""},
		{"a protest concert, ka", "ka", "საპროტესტო კონცერტი რუსთაველზე დღეს 8 საათზე.", true, ""},
		{"a rally's buses, ka", "ka", "ოცნებამ მიტინგზე ხალხი ავტობუსებით ჩამოიყვანა, როგორც ყოველთვის.", true, ""},
		{"exports to Armenia, az", "az", "Azərbaycanın Ermənistana benzin ixracı başladı, ilk vaqonlar yoldadır.", true, ""},
		{"military aid, tr", "tr", "ABD'nin Azerbaycan'a milyon dolarlık askeri yardımı yeniden gündemde.", true, ""},
	})
}
