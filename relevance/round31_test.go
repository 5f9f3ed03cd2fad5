package relevance

import "testing"

// TestRound31Classes: the classes and names of issue 11's thirty-first
// round, from rt356-rt361 read after their blind measurements. Each case
// fails with the rules before the round; the cases named "... is not it"
// guard this round's own rules.
func TestRound31Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// The footballer president: head of state, the college's 224 votes, its one candidate.
		{"the ex-striker as head of state, en", "en", "An ex Man City striker is now head of state, picked by a room of party loyalists", true, "with:Footballer president/"},
		{"224 votes for the president, es", "es", "Presidente elegido con 224 votos y sin rival. Así cualquiera", true, "with:Sole candidate's 224 votes/"},
		{"the college's only candidate, de", "de", "Ein Wahlkollegium, ein einziger Kandidat, ein Ergebnis, das vorher feststand", true, "with:Sole candidate of the electoral college/"},
		{"a campaign's only candidate is not it", "en", "He is the only candidate who would fight the trusts if he were elected, the paper wrote", false, "!with:Sole candidate of the electoral college/"},
		{"Kavelashvili the president, ru in Latin letters", "ru", "kavelashvili teper prezident, a futbol on uzhe ne vspominaet", true, "with:Kavelashvili the president/"},
		// "Liberal fascists": the prime minister's word for the protesters.
		{"liberal fascists, the premier's word, fr", "fr", "Le Premier ministre traite encore les manifestants de « fascistes libéraux »", true, "with:liberal fascism/"},
		{"liberal fascists, the premier's word, nl", "nl", "De premier noemt demonstranten 'liberale fascisten' en denkt dat het daarmee klaar is", true, "with:liberal fascism/"},
		// "A fascist state to be destroyed", said of the neighbour.
		{"a fascist state to be destroyed, en", "en", "Calling the neighbour a fascist state that must be destroyed, while signing a peace deal", true, "with:Fascist state to be destroyed/"},
		{"a fascist state, the neighbour, es", "es", "Llama «Estado fascista» al país vecino y luego habla de paz", true, "with:Fascist state to be destroyed/"},
		{"Ukraine's war of words is not it", "en", "Russia calls its neighbour Ukraine a fascist state that must be destroyed", false, "!with:Fascist state to be destroyed/"},
		// The treaty's last two articles.
		{"15 of 17 articles agreed, fr", "fr", "Toujours « 15 articles sur 17 convenus » : les 17 articles, on les connaît par cœur", true, "with:Fifteen of seventeen articles/"},
		{"third-party forces and lawsuits, es", "es", "Lo que falta: nada de fuerzas de terceros en la frontera y retirar las demandas internacionales", true, "with:Third-party forces and lawsuits/"},
		// The airliner: the birds version, the apology, the sky over Grozny, the recorders.
		{"the birds and the shrapnel, en", "en", "Birds, they said. Birds that leave shrapnel holes in a plane's tail", true, "with:Airliner birds version/"},
		{"a bird strike is not it", "en", "Bird strike forces a plane back to the airport, all passengers safe", false, ""},
		{"Putin's apology without the missile, de", "de", "Putin entschuldigt sich für den „tragischen Vorfall“, sagt aber nicht, wessen Rakete es war", true, "with:Putin's apology for the airliner/"},
		{"Putin and Erdogan's old apology is not it", "en", "Erdogan apologised to Putin in 2016 for the downed Su-24 plane", false, "!with:Putin's apology for the airliner/"},
		{"over Grozny, 38 dead, es", "es", "38 muertos y el Kremlin solo dice que algo pasó sobre Grozni", true, "with:Over Grozny/"},
		{"the recorders sent to Brazil, en", "en", "The AZAL flight recorders went to Brazil, not to Moscow. That says a lot about trust", true, "with:AZAL/"},
		// Bureaus closed in Baku; the ICRC told to leave.
		{"Sputnik closed in Baku, fr", "fr", "Bakou ferme le bureau de Sputnik, la rupture avec Moscou est consommée", true, "with:Bureaus closed in Baku/"},
		{"the BBC closes a programme is not it", "en", "The BBC closes another local radio programme after forty years", false, ""},
		{"the ICRC told to leave, az", "az", "Qızıl Xaç getməlidir deyirlər, bəs itkin düşənlərin ailələri kimə müraciət etsin?", true, "with:ICRC told to leave/"},
		// "Until 2028": in 2028, the EU's flag under the water cannon.
		{"EU talks in 2028, ru", "ru", "Переговоры с ЕС? В 2028-м, сказали они. Смешно", true, "with:Until 2028/"},
		// The billionaire sanctioned, by his castle; Georgia's letters, PACE, watchdogs.
		{"the billionaire in his castle sanctioned, fr", "fr", "Sanctions américaines contre le milliardaire qui dirige tout depuis son château", true, "with:Sanctioned billionaire in his castle/"},
		{"fired for signing the letter, ka", "ka", "მასწავლებელი სამსახურიდან გაუშვეს, რადგან წერილს მოაწერა ხელი", true, "with:Signed the letter/"},
		{"the delegation left PACE, ka", "ka", "დელეგაციამ ევროსაბჭოს საპარლამენტო ასამბლეა დატოვა", true, "with:international courts/"},
		{"Transparency International Georgia, en", "en", "Transparency International Georgia says the new broadcasting rules target the last independent channels", true, "institution:Georgian watchdogs"},
		// A journalist jailed for a slap; the FSB at Zvartnots; the US charter.
		{"a journalist jailed for a slap, en", "en", "A journalist jailed for a slap, now three weeks on hunger strike", true, "with:Journalist jailed for a slap/"},
		{"no FSB at Zvartnots, en", "en", "No FSB officers at Zvartnots passport control this time. Strange feeling", true, "with:FSB at Zvartnots/"},
		{"the strategic partnership charter, de", "de", "Blinken und Mirzoyan unterzeichnen die Charta der strategischen Partnerschaft", true, "with:Strategic partnership charter/"},
		// The EU goal abandoned from the constitution; Overchuk; the Dream's ministers.
		{"the EU goal in the constitution abandoned, en", "en", "They abandon the EU accession goal enshrined in the constitution as if it were a slogan", true, "with:EU goal in the constitution abandoned/"},
		{"Moldova's referendum is not it", "en", "Moldova votes to have the EU accession goal enshrined in the constitution", false, "!with:EU goal in the constitution abandoned/"},
		{"Overchuk on the EAEU, en", "en", "Overchuk again: you can't be in the EAEU and flirt with Brussels", true, "with:EAEU and the EU/"},
		{"GD ministers on the sanctions list, de", "de", "Setzt die GD-Minister endlich auf die Sanktionsliste", true, "with:GD/"},
		// Chess and game as metaphors; the Vardanyan trial; the Alilo procession.
		{"the Caucasus chessboard, tr", "tr", "Güney Kafkasya bir satranç tahtası, İran koridora karşı, Rusya kontrol istiyor", true, "!neg:South Caucasus/Sport"},
		{"the Vardanyan trial in Baku, en", "en", "Vardanyan's trial in Baku: the only reports come from Azertac", true, "with:Vardanyan trial in Baku/"},
		{"the Alilo procession is not it", "ka", "ალილოს მსვლელობაზე ბავშვებთან ერთად წავედით", false, "neg:protest/"},
		{"Greek farming is not Georgia", "el", "Σπούδασα Γεωργία στο Γεωπονικό, μη με ρωτάτε για την Τιφλίδα", false, "neg:Georgia/"},
	})
}

// TestRound31SummerAutumnClasses: the classes of the round's second pass,
// from rt362-rt367 (summer and autumn 2024) read after their blind
// measurements. Each case fails with the rules before the pass; the cases
// named "... is not it" guard the pass's own rules.
func TestRound31SummerAutumnClasses(t *testing.T) {
	runClassCases(t, []classCase{
		// The October 2024 vote: paint on the chairman, Marneuli's ballots, Orbán's congratulations.
		{"black paint on the commission's chairman, es", "es", "Le tiraron pintura negra al presidente de la comisión electoral en plena rueda de prensa", true, "with:Paint on the election chairman/"},
		{"black paint on a wall is not it", "en", "Someone sprayed black paint graffiti all over the station wall again", false, "!with:Paint on the election chairman/"},
		{"Marneuli's ballots, en", "en", "The Marneuli video: a man dropping a stack of ballots into the box, nobody stops him", true, "with:Georgian cities/"},
		{"Orbán's congratulations in Tbilisi, de", "de", "Orbán fliegt nach Tiflis, um zum Wahlsieg zu gratulieren, bevor der Bericht draußen ist", true, "with:Orbán's congratulations/"},
		{"Orbán congratulating Trump is not it", "en", "Orbán was the first to congratulate Trump on his election victory", false, "!with:Orbán's congratulations/"},
		// The president who stays; 80% of the treaty; the family-values law.
		{"Salome and the palace, en", "en", "Salome says she will not leave the palace until a new vote", true, "with:Salome/"},
		{"Strauss's Salome is not it", "en", "Salome at the opera tonight, the palace scene was stunning", false, "!with:Salome/"},
		{"80% of the treaty agreed, en", "en", "If 80% of the treaty text is agreed, what exactly is in the rest?", true, "with:Treaty eighty percent agreed/"},
		{"Kesaria Abramidze, de", "de", "Kesaria Abramidze wurde einen Tag nach dem Gesetz ermordet", true, "event:Kesaria Abramidze"},
		{"the speaker signs the family-values law, en", "en", "The president refused to sign, so the speaker signed the family values law himself", true, "with:Family values law signed by the speaker/"},
		// The "Russian law" by its nickname; "until 2028" in Hebrew; the glass palace in Hebrew.
		{"the Russian law in Chinese", "zh", "这部外国影响透明度法跟俄罗斯那部几乎一样", true, "institution:Foreign influence transparency law"},
		{"until 2028, he", "he", "הממשלה הקפיאה את המשא ומתן עם האיחוד עד 2028, ואנשים יצאו לרחובות", true, "with:Until 2028/"},
		{"the glass palace in Hebrew", "he", "המיליארדר מהארמון מזכוכית שוב מדבר על מלחמה", true, "with:Glass palace/"},
		// Armenia: four villages, the archbishop's square, Palestine, CAESAR, the coup near Rostov.
		{"four villages of Gazakh handed over, en", "en", "Four villages handed over near Gazakh, and the sky did not fall", true, "with:Four villages of Gazakh/"},
		{"the archbishop's square, en", "en", "Srbazan filled Republic Square again last night", true, "person:Galstanyan"},
		{"Armenia recognises Palestine, de", "de", "Armenien erkennt Palästina an, Israel bestellt den Botschafter ein", true, "with:Armenia recognises Palestine/"},
		{"CAESAR howitzers for Armenia, en", "en", "France is selling CAESAR howitzers to Armenia, and Baku is furious", true, "with:CAESAR howitzers for Armenia/"},
		{"CAESAR howitzers for Ukraine is not it", "en", "France sends more CAESAR howitzers to Ukraine, Baku's press notes", false, "!with:CAESAR howitzers for Armenia/"},
		{"a coup trained near Rostov, en", "en", "A coup attempt, they say, with men trained near Rostov", true, "with:Coup trained near Rostov/"},
		{"Prigozhin's mutiny is not it", "en", "Prigozhin's coup attempt began in Rostov and ended on the road to Moscow", false, "!with:Coup trained near Rostov/"},
		// Azerbaijan: a gift of God, oil for Israel, New Caledonia, BRICS, the border commissions.
		{"oil as a gift of God, fr", "fr", "Le président hôte de la COP appelle le pétrole un « don de Dieu »", true, "with:Gift of God/"},
		{"Baku's oil for Israel, ar", "ar", "أذربيجان تبيع النفط لإسرائيل وتتحدث عن غزة في القمم", true, "with:Azerbaijan's oil for Israel/"},
		{"New Caledonia and Baku, fr", "fr", "Paris accuse Bakou d'attiser les troubles en Nouvelle-Calédonie", true, "with:New Caledonia beside Baku/"},
		{"BRICS and the reliable partner, en", "en", "Applying to BRICS while staying Europe's reliable partner for gas", true, "with:BRICS and the reliable partner/"},
		{"the border commissions' regulations, en", "en", "The regulation on the border commissions was signed by both sides", true, "with:Border commissions' regulations/"},
		// Georgia: Germany's ambassador, the €30 million frozen, the billboards, suspended EU talks, 8 August.
		{"the ambassador attacked by GD, en", "en", "GD keeps attacking Ambassador Fischer as if he ran the opposition", true, "with:Ambassador Fischer/"},
		{"€30 million of military aid frozen, en", "en", "The EU froze 30 million euros of military aid, a symbolic step", true, "with:Thirty million euros frozen/"},
		{"billboards of bombed Ukraine, en", "en", "Billboards of bombed Ukrainian cities next to 'choose peace': that was the campaign", true, "with:Billboards of bombed Ukraine/"},
		{"a party suspending its own EU talks, en", "en", "The ruling party suspends EU accession talks and calls itself pro-European", true, "with:Own EU talks suspended/"},
		{"the EU suspending Turkey's talks is not it", "en", "The EU suspends accession talks with Turkey; the government shrugs", false, "!with:Own EU talks suspended/"},
		{"8 August, sixteen years on, ja", "ja", "8月8日。あれから16年。爆撃の映像を覚えている", true, "with:8 August/"},
		// Wrong in before the pass.
		{"Yerevan's cognac and Norduz is not it", "fa", "سوغات ایروان کنیاک و لواش بود، مرز نوردوز هم شلوغ", false, "neg:Yerevan/Food"},
		{"a holiday in Tbilisi in Arabic is not it", "ar", "جورجيا في الصيف أحلى؟ ناوين نروح تبليسي مع العيال", false, "neg:Georgia/"},
		{"Georgia's goalkeeper's transfer is not it", "ka", "ქართველი მეკარე მამარდაშვილი ლივერპულში, ხელშეკრულება გაფორმდა", false, "neg:Sakartvelo/Sport"},
	})
}

// TestRound31EarlierClasses: the classes of the round's third pass, from
// rt368-rt373 (autumn 2023 to spring 2024) read after their blind
// measurements. Each case fails with the rules before the pass; the cases
// named "... is not it" guard the pass's own rules.
func TestRound31EarlierClasses(t *testing.T) {
	runClassCases(t, []classCase{
		{"Aliyev's 92 percent, de", "de", "Alijew mit 92 Prozent wiedergewählt, die Wahl vorgezogen", true, "with:Ninety-two percent/"},
		{"the 32 for 2 swap, en", "en", "32 for 2: the exchange finally happened before Christmas", true, "with:Thirty-two for two/"},
		{"Russia's peacekeepers leaving, en", "en", "The Russian peacekeepers are leaving, after three years of watching the blockade", true, "with:Peacekeepers leaving/"},
		{"UN peacekeepers leaving Mali is not it", "en", "UN peacekeepers are leaving Mali as Russian instructors arrive", false, "!with:Peacekeepers leaving/"},
		{"Berkadzor's explosion, en", "en", "The Berkadzor fuel depot explosion killed more than two hundred people queueing for fuel", true, "event:Berkadzor explosion"},
		{"students on strike, ka", "ka", "თსუ-ს სტუდენტები გაიფიცნენ", true, "with:Students on strike/"},
		{"a summer school is not it", "ka", "თსუ-ში ახალი საზაფხულო სკოლა უცხოელი სტუდენტებისთვის", false, "!with:Students on strike/"},
		{"Maalox and goggles, en", "en", "Bring Maalox and goggles tonight, the gas was worse yesterday", true, "with:Maalox and goggles/"},
		{"visa restrictions on officials, en", "en", "The US announces visa restrictions on officials undermining democracy in Georgia", true, "with:Visa restrictions on officials/"},
		{"Munich with Scholz, en", "en", "The Munich meeting with Scholz in the middle produced a photo and a promise", true, "with:Munich with Scholz/"},
		{"the Rome Statute and Putin's warrant, en", "en", "Ratifying the Rome Statute while Putin has an ICC warrant out", true, "with:Rome Statute and Putin's warrant/"},
		{"Ukraine's ratification is not it", "en", "Ukraine ratifies the Rome Statute; Putin's warrant stays", false, "!with:Rome Statute and Putin's warrant/"},
		{"four villages in Persian", "fa", "چهار روستا تحویل شد و اهالی کیرانتس نگرانند", true, "with:Four villages of Gazakh/"},
		{"the archbishop for prime minister, ko", "ko", "대주교가 총리 후보로 나선다는 소식", true, "with:Archbishop for prime minister/"},
		{"Raisi's last visit, az", "az", "Rəisi Qız Qalası su anbarının açılışında idi, sonra helikopter itdi", true, "with:Raisi's last visit/"},
		{"Silk Way at Ovda, en", "en", "Silk Way cargo jets landing at Ovda again this week", true, "with:Silk Way at Ovda/"},
		{"the Margara crossing opened, tr", "tr", "Margara kapısı üçüncü ülke vatandaşlarına açılacak mı?", true, "with:Margara opened/"},
		{"candidate status and the Russian law, en", "en", "Candidate status in December, the Russian law and water cannon by spring", true, "with:Candidate status and the Russian law/"},
		{"Greek supply talks are not mythology", "el", "Αθήνα και Μπακού συζητούν νέα συμφωνία προμήθειας αζερικού αερίου μέσω TAP", false, "!neg:Baku/Folklore"},
		{"Prometheus in the Caucasus is not it", "el", "Ο Προμηθέας αλυσοδέθηκε στον Καύκασο, η Μήδεια ήταν από την Κολχίδα", false, "neg:Caucasus/Folklore"},
		{"Azerbaijan Street in Tehran is not it", "fa", "ترافیک خیابان آذربایجان تهران سنگین است", false, "neg:Azerbaijan/"},
	})
}

// TestRound31SpringSummer2023Classes: the classes of the round's fourth
// pass, from rt374-rt379 (March to August 2023) read after their blind
// measurements. Each case fails with the rules before the pass; the cases
// named "... is not it" guard the pass's own rules.
func TestRound31SpringSummer2023Classes(t *testing.T) {
	runClassCases(t, []classCase{
		{"nineteen trucks at Kornidzor, en", "en", "Nineteen trucks with flour and medicine still parked at Kornidzor", true, "with:Nineteen trucks/"},
		{"the eco-activists' checkpoint, ru", "ru", "Экоактивисты ушли, а КПП остался", true, "with:Eco-activists on the road/"},
		{"climate activists' blockade is not it", "de", "Die Letzte Generation plant eine neue Blockade, die Öko-Aktivisten kleben sich fest", false, "!with:Eco-activists on the road/"},
		{"months of the blockade, en", "en", "Day 230 of the blockade and still no bread, no gas, no insulin", true, "with:Months of the blockade/"},
		{"Gaza's blockade is not it", "en", "Day 230 of the blockade of Gaza and still no bread", false, "!with:Months of the blockade/"},
		{"the Ocampo report, de", "de", "Das Ocampo-Gutachten nennt es Völkermord durch Aushungern", true, "with:Ocampo report/"},
		{"Ocampo on Darfur is not it", "en", "Ocampo's report on Darfur accused Bashir of genocide", false, "!with:Ocampo report/"},
		{"86,600 square kilometres, en", "en", "86,600 square km. He said it on camera", true, "event:Eighty-six thousand six hundred square kilometres"},
		{"the bill pulled after the tear gas, en", "en", "They pulled the bill after two nights of tear gas", true, "with:The bill pulled/"},
		{"the EU flag and the water cannon, es", "es", "Una abuela con la bandera de la UE frente a los cañones de agua", true, "with:The EU flag and the water cannon/"},
		{"Alt-Info at the Pride, en", "en", "Alt-Info's men wrecked the stage again while the police watched", true, "institution:Alt-Info"},
		{"Tbilisi Pride attacked, fr", "fr", "Tbilissi : la Pride attaquée au lac Lisi, la police évacue les organisateurs", true, "with:Tbilisi Pride attacked/"},
		{"the names of 2023, en", "en", "Gubad Ibadoghlu arrested in Baku on charges nobody believes", true, "person:Names of 2023"},
		{"Soyudlu's protest, en", "en", "Tear gas on the villagers of Soyudlu protesting the gold mine's lake", true, "with:Soyudlu protest/"},
		{"a biography from Soyudlu is not it", "az", "Cəmil Əhmədli Gədəbəy rayonunun Söyüdlü kəndində anadan olub", false, "!with:Soyudlu protest/"},
		{"the embassy in Tel Aviv, az", "az", "Təl-Əvivdə səfirliyimiz açıldı, otuz il sonra", true, "with:Embassy in Tel Aviv/"},
		{"the US embassy in Tel Aviv is not it", "en", "The US embassy in Tel Aviv is on Hayarkon Street", false, "!with:Embassy in Tel Aviv/"},
		{"the Nemesis monument, en", "en", "Ankara closes its airspace over a Nemesis monument", true, "with:Nemesis monument/"},
		{"NATO enlargement and the candidacy, en", "en", "The PM at GLOBSEC blaming NATO enlargement for the war, and then asking for candidacy", true, "with:NATO enlargement and the candidacy/"},
		{"Moscow flights resumed, he", "he", "רוסיה חידשה את הטיסות הישירות לגאורגיה", true, "with:Moscow flights resumed/"},
		{"new direct flights are not it", "es", "Nuevos vuelos directos desde Barcelona a Tiflis y a Ereván este verano", false, "!with:Moscow flights resumed/"},
		{"twelve priorities, nl", "nl", "Slechts 3 van de 12 voorwaarden van de Commissie gehaald", true, "with:Twelve priorities/"},
		{"diplomats expelled, fa", "fa", "باکو چهار دیپلمات ایرانی را عنصر نامطلوب اعلام کرد", true, "with:Diplomats expelled/"},
		{"Putin says calm down, el", "el", "Ο Πούτιν στη σύνοδο της Μόσχας: «ηρεμήστε»", true, "with:Putin says calm down/"},
		{"the flag burned in Yerevan, en", "en", "The Azerbaijani flag burned at the opening ceremony in Yerevan", true, "with:Flag burned in Yerevan/"},
	})
}
