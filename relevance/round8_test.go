package relevance

import "testing"

// Issue 11, eighth round: the classes two independent writers' Bluesky-style
// posts showed (rt6 and rt7, measured blind first). Every case of a class (a
// near miss that must go out, or a post that must now come in) fails with
// the seventh round's rules; the guards beside them pass with both.

// TestLeadersNamesakes: a leader's name right after "is called", "surname" or
// "namesake" is a neighbour, a flatmate or a colleague; a footballer whose
// first name is not the minister's is the footballer. The leaders
// themselves, and a leader another leader called, stay in.
func TestLeadersNamesakes(t *testing.T) {
	runClassCases(t, []classCase{
		{"a flatmate, es", "es", "Mi dentista se apellida Pashinyan y tiene la consulta en Valencia. Ningún parentesco con el primer ministro.", false, "neg:Pashinyan/Namesake"},
		{"a neighbour, fr", "fr", "Ma voisine s'appelle Kobakhidze, elle tient une boulangerie à Lyon, rien à voir avec le Premier ministre.", false, "neg:Kobakhidze/Namesake"},
		{"a colleague, de", "de", "Mein Zahnarzt heißt Aliyev und kommt aus Samarkand; Witze über den Präsidenten hört er ständig.", false, "neg:Aliyev/Namesake"},
		{"a driver, ru", "ru", "Нашего водителя зовут Ильхам Алиев, он возит хлеб по Подмосковью и давно привык к шуткам про президента.", false, "neg:Aliyev/Namesake"},
		{"a namesake, en", "en", "Fun fact: my chemistry teacher was a namesake of Pashinyan. He hated election season.", false, "neg:Pashinyan/Namesake"},
		{"the footballer, az", "az", "Toral Bayramov yenə qol vurdu, Qarabağ Avropada qalib gəldi!", false, "neg:Bayramov/Toral"},
		// The leaders themselves.
		{"a leader called by another, en", "en", "Blinken called Aliyev on Tuesday to press for the signing of the peace agreement.", true, "person:Aliyev"},
		{"the foreign minister, az", "az", "Ceyhun Bayramov Ararat Mirzoyanla görüşdü.", true, "person:Bayramov"},
		{"a leader named to a post, en", "en", "Kobakhidze named a new interior minister after the night of arrests on Rustaveli.", true, "person:Kobakhidze"},
	})
}

// TestNamedEventsLawsAndPlaces: the names the region's politics is written
// in without a country's: Black January, the genocide memorial and its
// slogan, the heads of the delimitation commissions, Tavush's border
// villages, the Upper Lars crossing, the port of Anaklia, Georgia's
// opposition channels, the foreign influence law by its official name and
// its Georgian nickname, the protest scene on Rustaveli, and "Georgia"
// beside a strategic partnership, backsliding or the 1918 republic. The
// same words in a sale, a poem, a trip or a weather report stay out.
func TestNamedEventsLawsAndPlaces(t *testing.T) {
	runClassCases(t, []classCase{
		{"Black January, az", "az", "Qara Yanvar faciəsinin ildönümündə minlərlə insan Şəhidlər xiyabanına axışdı; sovet qoşunlarının cinayəti unudulmayıb.", true, "event:Black January"},
		{"Black January, en", "en", "Thirty-six years since Black January: Soviet troops shot civilians in Baku and nobody was ever tried.", true, "event:Black January"},
		{"the memorial, en", "en", "Tsitsernakaberd this morning: the PM laid a wreath, and the crowd chanted for recognition by Ankara.", true, "event:Armenian genocide"},
		{"the slogan, hy", "hy", "Ապրիլի 24, Ծիծեռնակաբերդ։ Հիշում ենք և պահանջում ենք։", true, "topic:recognition"},
		{"the commission heads, ru", "ru", "Мгер Григорян и Шахин Мустафаев подписали протокол очередного заседания комиссий.", true, "person:Hikmet Hajiyev"},
		{"a commission head, az", "az", "Şahin Mustafayevin başçılıq etdiyi komissiya növbəti görüşü Qazaxda keçirdi.", true, "person:Hikmet Hajiyev"},
		{"border villages, ru", "ru", "В Киранце и Воскепаре установили новые пограничные столбы, жители говорят, что их никто не спросил.", true, "place:Armenian regions"},
		{"Upper Lars, ru", "ru", "На Верхнем Ларсе снова километровая очередь фур: параллельный импорт в Россию идёт через этот пункт.", true, "place:Georgian cities"},
		{"Anaklia port, en", "en", "A Chinese consortium will build the Anaklia port; Washington and Brussels are watching the deal closely.", true, "topic:Middle Corridor"},
		{"opposition channels, ka", "ka", "მთავარი არხი დაიხურა, ტვ პირველს კი ახალი ჯარიმა დააკისრეს.", true, "institution:Georgian TV channels"},
		{"the law's name, ru", "ru", "Венецианская комиссия призвала отменить закон о прозрачности иностранного влияния.", true, "institution:Foreign influence transparency law"},
		{"the law's nickname, ka", "ka", "რუსული კანონი უკვე მოქმედებს: სამ ორგანიზაციას ჯარიმა დაეკისრა.", true, "institution:Foreign influence transparency law"},
		{"Rustaveli by night, de", "de", "Wieder Abend auf dem Rustaweli-Boulevard: Studierende vor dem Parlament, Polizei mit Wasserwerfern.", true, "with:Rustaveli/"},
		{"strategic partnership, en", "en", "Washington suspends its strategic partnership with Georgia over democratic backsliding.", true, "with:Georgia/strategic partnership"},
		{"the 1918 republic, en", "en", "The Democratic Republic of Georgia lasted three years before the Red Army marched in.", true, "with:Georgia/Democratic Republic of"},
		{"family values law, en", "en", "The 'family values' law bans Pride marches; it passed in Tbilisi without a debate.", true, "topic:rights and backsliding"},
		{"the ministry unnamed, az", "az", "Xarici İşlər Nazirliyi İranın səfirini çağıraraq etiraz notası təqdim etdi.", true, "place:Own ministry"},
		{"visa-free in Batumi, tr", "tr", "Batum'da herkes AB'nin Gürcistan için vizesizliği askıya almasından ve hükümetin tutumundan endişeli.", true, ""},
		// The same words elsewhere.
		{"a winter sale", "en", "Black January sale: 40% off all coats and boots until Sunday.", false, "event:Black January"},
		{"another state's ministry, az", "az", "Rusiya Xarici İşlər Nazirliyi Fransanın səfirini çağırıb.", false, "!place:Own ministry"},
		{"the poet, en", "en", "Reading Rustaveli's The Knight in the Panther's Skin in a new translation; the verse is wonderful.", false, "!with:Rustaveli/"},
		{"a Bible commentary's backsliding", "en", "Backsliding Israel turned from the covenant, as the prophet says; Georgia readers of this commentary will know the passage.", false, "!with:Georgia/"},
		{"a law of Russia's own, en", "en", "Russia's foreign agents law now reaches theatres and film funds across the country.", false, "!institution:Foreign influence transparency law"},
	})
}

// TestKitchenMetaphors: a political word within six words of a dish is a
// metaphor ("a family ceasefire over who grills", "the delimitation of
// lavash and matnakash", "our family parliament elected khinkali"); in the
// region's own languages it would otherwise take the script's bonus. "The
// border between dolma and tolma" between Yerevan and Baku is food in
// Russian too, and "Western Armenian" is a language. The region's politics
// in those languages, with the Georgian word for "in particular" (კერძოდ,
// which starts like კერძი, a dish), stays in.
func TestKitchenMetaphors(t *testing.T) {
	runClassCases(t, []classCase{
		{"a family ceasefire, hy", "hy", "Տանը հրադադար է․ մայրիկն ու հայրիկը պայմանավորվեցին, որ խորովածը այս անգամ պապան կանի։", false, "neg:ceasefire/Food"},
		{"a family ceasefire, az", "az", "Evdə atəşkəs: nənəm və xalam şəkərburanı kimin bişirəcəyi barədə nəhayət razılaşdılar.", false, "!topic:ceasefire"},
		{"the bread's delimitation, hy", "hy", "Լավաշի և մատնաքաշի սահմանազատումն ավարտվեց․ լավաշը՝ առավոտյան, մատնաքաշը՝ երեկոյան։", false, "neg:delimitation/Food"},
		{"the khinkali parliament, ka", "ka", "ჩვენი ოჯახის პარლამენტმა ხინკალი აირჩია, ხაჭაპური ოპოზიციაში დარჩა.", false, "neg:parliament/Food"},
		{"the dolma border, ru", "ru", "Граница между долмой и толмой проходит где-то между Ереваном и Баку, и лучше её не трогать.", false, "neg:Yerevan/Food"},
		{"a language, en", "en", "Queue at a Glendale bakery at dawn, and the old man ahead of me haggling in Western Armenian like it's a summit.", false, "neg:Armenia/Western"},
		// The region's politics in its languages.
		{"in particular, ka", "ka", "ოპოზიციის, კერძოდ, ჩემი კრიტიკა მთავრობამ უპასუხოდ დატოვა.", true, "!neg:opposition/Food"},
		{"a ceasefire, hy", "hy", "Սահմանին հրադադարը խախտվել է, զինծառայող է վիրավորվել։", true, "with:ceasefire/Armenian script"},
		{"a chess game is no party, az", "az", "Məmmədyarovun blits partiyalarına baxmaq ən yaxşı istirahətdir.", false, "neg:opposition/Sport"},
	})
}

// TestNamesOfTheLastTwoYears: the third writer's posts (rt9) and the fourth
// writer's real-text genres (rt8) name 2025-2026 politics by its people and
// places: Abkhazia's de facto president, Turkey's normalisation envoy (only
// with Armenia: he was also an ambassador in Washington), a jailed editor
// and her paper, a sentenced researcher, the 907 waiver, fines on
// Rustaveli, the base in Gyumri, 24 April beside the Armenians, Azerbaijani
// exports to Armenia, re-exports through Poti, the Javakheti towns and
// Ankara's "events of 1915". Beside them, a teacher's patronymic, a film
// director and a novelist who share a leader's surname, the football club,
// a nature reserve, the mountain range, a dictionary entry and a meeting's
// list of participants stay out. Conscription, the government's channel
// and its "global war party", the AZAL crash, the count of the protest's
// nights, the displaced and a trial in Turkish come in; so do the tenth
// writer's (rt10) commission heads by surname, Georgia's president, the
// nuclear plant, the BTC pipeline and Azerbaijan's lobbying affairs, while
// a chess game played and the president's football past stay out.
func TestNamesOfTheLastTwoYears(t *testing.T) {
	runClassCases(t, []classCase{
		{"Gunba, en", "en", "Gunba flew to Moscow again for money; Sukhumi has power for four hours a day.", true, "person:Abkhaz leaders"},
		{"the envoy with Armenia, en", "en", "Serdar Kılıç and Ruben Rubinyan met at the Margara crossing to discuss opening it to third-country citizens.", true, "with:Serdar Kılıç/"},
		{"the envoy as ambassador, en", "en", "Diplomatic representation in the US: chief of mission, Ambassador Serdar KILIC.", false, "!with:Serdar Kılıç/"},
		{"a jailed editor's hashtag, en", "en", "Day 300 in a Rustavi cell and the judges still sleep well. #FreeMzia", true, "person:Amaglobeli"},
		{"the 907 waiver, en", "en", "The 907 waiver was renewed again this year and nobody on the Hill even blinked.", true, "institution:Section 907"},
		{"fines on Rustaveli, es", "es", "Tiflis: otra ronda de multas por cortar la calle, y la avenida Rustaveli sigue llena cada noche.", true, "with:Rustaveli/"},
		{"the base in Gyumri, ru", "ru", "Российская база в Гюмри никуда не делась, хотя о ней в Ереване стараются не вспоминать.", true, "with:Gyumri/"},
		{"24 April, es", "es", "La colectividad armenia de Buenos Aires marchó el 24 de abril hasta el consulado turco.", true, "with:April 24/"},
		{"exports to Armenia, az", "az", "Ermənistana benzin ixracı başladı, sosial şəbəkələrdə hamı bunu müzakirə edir.", true, "with:Armenia/ixrac"},
		{"re-exports through Poti, en", "en", "Half the used cars in Russia arrive through Poti as 're-exports' to Kazakhstan.", true, "topic:sanctions"},
		{"the events of 1915, tr", "tr", "Dışişleri Bakanlığı, 1915 olaylarına ilişkin karar tasarısını kınadı ve büyükelçiyi bakanlığa çağırdı.", true, "event:Armenian genocide"},
		{"the ruling party in Javakheti, ru", "ru", "Ахалкалаки и Ниноцминда снова проголосовали за ГМ, как и на прошлых выборах.", true, "with:GD/"},
		{"conscription, en", "en", "The conscription term debate is back in Yerevan, and parliament votes on it next week.", true, "topic:defence"},
		{"the government's channel, en", "en", "Imedi anchors repeat the 'global war party' line every night as if it were news.", true, "institution:Global war party"},
		{"the AZAL crash, az", "az", "Aktau təyyarə qəzasından sonra Moskva ilə münasibətlər heç vaxt əvvəlki kimi olmayacaq.", true, "event:AZAL crash"},
		{"the protest's nights, en", "en", "Night 400 on Rustaveli: same flags, fewer people, more fines.", true, "with:Rustaveli/"},
		{"the displaced, tr", "tr", "Karabağ'dan göç eden Ermeni aileler Erivan'da kira krizini yaşıyor.", true, "topic:displacement"},
		{"a trial in Baku, tr", "tr", "Bakü'de Karabağlı eski yöneticilerin davası sürüyor.", true, "topic:repression"},
		{"a tourist's night out, en", "en", "Our last night in Tbilisi: dinner on Rustaveli and wine until late.", false, ""},
		{"the commission heads by surname, en", "en", "Grigoryan and Mustafayev met again; the communiqué on delimitation says almost nothing.", true, "person:Hikmet Hajiyev"},
		{"the president, ka", "ka", "ყაველაშვილმა ახალ ცვლილებებს ხელი რამდენიმე საათში მოაწერა.", true, "person:Kavelashvili"},
		{"the nuclear plant, ru", "ru", "Кто построит новый блок Мецамора, Росатом или американцы? Это вопрос о том, в чьей орбите будет Армения.", true, "topic:energy geopolitics"},
		{"the pipeline, tr", "tr", "BTC boru hattı olmasa Ceyhan'ın önemi yarıya iner; Rusya'yı by-pass eden güzergâhlar değerli.", true, "place:BTC pipeline"},
		{"a lobbying affair, de", "de", "Die Aserbaidschan-Affäre im Bundestag ist nicht aufgearbeitet: wer bekam wie viel aus Baku?", true, "event:Caviar diplomacy"},
		// Near misses.
		{"a patronymic, ru", "ru", "Новый физрук у нас Ильхам Алиевич, дети до сих пор хихикают на каждом уроке.", false, "neg:Aliyev/Алиевич*"},
		{"a cousin, ka", "ka", "ჩემს ბიძაშვილს ბიძინა ჰქვია, მზარეულია და ყველა ხუმრობა უკვე მოისმინა.", false, "neg:Bidzina/ჰქვია"},
		{"the film director, en", "en", "Mikheil Kobakhidze (1939–2019) was a Georgian film director known for his wordless short films.", false, "neg:Kobakhidze/"},
		{"the novelist, ru", "ru", "Константинэ Гамсахурдиа — грузинский писатель, автор исторических романов.", false, "neg:Georgian presidents/"},
		{"the football club, ru", "ru", "«Карабах» досрочно стал чемпионом Азербайджана, обыграв «Сабах» со счетом 2:0.", false, "neg:Karabakh/"},
		{"a nature reserve, ru", "ru", "В Кавказском государственном природном биосферном заповеднике насчитали больше тысячи зубров.", false, "neg:Caucasus/"},
		{"the mountain range, en", "en", "Glaciers of the Greater Caucasus in Georgia lost a third of their area since 1960, a UNDP report says.", false, "neg:Caucasus/"},
		{"a dictionary entry, es", "es", "georgiano, na. 1. adj. Natural de Georgia, país de Asia. 2. adj. Natural de Georgia, estado de los Estados Unidos.", false, "neg:Sakartvelo/Reference entry(x2)"},
		{"a chess game played, az", "az", "Bu gün Məmmədyarov gözəl partiya oynadı, hamı ona baxırdı.", false, "!topic:opposition"},
		{"the president's football past, en", "en", "Kavelashvili scored twice for Manchester City in the 1996 season, a striker remembered in Maine Road.", false, "neg:Kavelashvili/Sport"},
		{"a list of participants, en", "en", "List of participants. Armenia: Mr. A. Petrosyan, Deputy Minister of Infrastructure. Azerbaijan: Ms. L. Mammadova, Ministry of Transport.", false, "neg:Armenia/"},
	})
}

// TestLinesProtocolsAndProvinces: the eleventh writer's real-text genres
// (rt11). The lines around South Ossetia (the incident mechanism, the
// villages where fences move, the 2008 war's EU report), the Bishkek
// ceasefire of 1994, the EU flags on Rustaveli and military aid to Baku
// come in. Iran's provinces of East and West Azerbaijan, a family
// historian's Shusha, a traveller's rental car across the border, the
// statistics office's visitors and a drone bass under Georgian polyphony
// stay out.
func TestLinesProtocolsAndProvinces(t *testing.T) {
	runClassCases(t, []classCase{
		{"the incident mechanism, es", "es", "La reunión del Mecanismo de Prevención y Respuesta a Incidentes en Ergneti abordó las detenciones a lo largo de la línea.", true, "place:South Ossetia"},
		{"a fenced village, en", "en", "The ministry condemns new barbed-wire fences by the occupation forces near Khurvaleti.", true, "place:South Ossetian line villages"},
		{"the EU report, de", "de", "Der Tagliavini-Bericht schrieb den Beginn der Kampfhandlungen im August 2008 Georgien zu.", true, "place:South Ossetia"},
		{"the 1994 ceasefire, en", "en", "The Bishkek Protocol of May 1994 stopped the fighting but never produced a settlement.", true, "event:Bishkek Protocol"},
		{"EU flags on Rustaveli, de", "de", "Die Bilder von der Rustaweli-Allee zeigen junge Menschen mit Europafahnen vor der Regierung.", true, "with:Rustaveli/"},
		{"military aid to Baku, ru", "ru", "В Глендейле собирают подписи, чтобы Конгресс не одобрил военную помощь Баку.", true, "topic:armaments"},
		// Near misses.
		{"Iran's West Azerbaijan, de", "de", "Der neue Präsident Irans ist ein Herzchirurg aus der Provinz West-Aserbaidschan.", false, "neg:Azerbaijan/West"},
		{"Iran's East Azerbaijan, en", "en", "Officials in Iran's East Azerbaijan province said Lake Urmia had fallen again this summer.", false, "neg:Azerbaijan/"},
		{"a family historian, en", "en", "Looking for church registers of my great-grandmother, born around 1890 in Shusha, who later moved to Tiflis.", false, "neg:Shusha/Genealogy"},
		{"a rental car, fr", "fr", "On part en Géorgie et en Arménie cet été : peut-on passer la frontière avec une voiture de location ?", false, "neg:Armenia/"},
		{"the statistics office, ka", "ka", "საქსტატის მონაცემებით, ვიზიტორების უმეტესობა რუსეთიდან, თურქეთიდან და სომხეთიდან ჩამოვიდა.", false, "with:Armenia/Business"},
		{"a drone bass, en", "en", "Georgian polyphonic singing weaves three voices over a drone bass; UNESCO listed it in 2001.", false, "!topic:armaments"},
	})
}

// TestEntryBansEveningsAndCoaches: the twelfth writer's week of posts
// (rt12). Entry bans on officials are sanctions; Rustaveli "every evening
// for two years" is the nightly protest; foreign funding of media is the
// civil society law's subject; Yerevan's city council is party politics;
// Gunba and Bahruz Samadov in their declined and mixed spellings. Qarabağ's
// coach and the European cups make the club's name football, and a lab's
// "Dr. Ilham Aliyev" is a namesake.
func TestEntryBansEveningsAndCoaches(t *testing.T) {
	runClassCases(t, []classCase{
		{"entry bans, de", "de", "Die Bundesregierung sollte Einreiseverbote für georgische Funktionäre verhängen, die für die Gewalt verantwortlich sind.", true, "topic:sanctions"},
		{"every evening, ka", "ka", "რუსთაველზე ისევ ვდგავართ, ორი წელია ყოველ საღამოს.", true, "with:Rustaveli/"},
		{"foreign funding, ka", "ka", "ახალი ცვლილებებით უცხოური დაფინანსების მქონე მედიას მუშაობა კიდევ უფრო უჭირს.", true, "topic:civil society"},
		{"the city council, en", "en", "Yerevan council session ended in shoving again; the opposition walked out.", true, "with:Yerevan/council"},
		{"Gunba declined, ru", "ru", "Без российских дотаций Сухум не протянет и месяца, это понимают все, включая Гунбу.", true, "person:Abkhaz leaders"},
		{"a mixed spelling, az", "az", "Bahruz Səmədov azad edilməlidir.", true, "person:Azerbaijani political prisoners"},
		// Near misses.
		{"the club's coach, az", "az", "Qarabağ yenə qalib gəldi! Qurban Qurbanov dahidir, bunu bütün Avropa bilir.", false, "neg:Qarabag/"},
		{"the European cups, ru", "ru", "Гурбанов построил в «Карабахе» настоящую машину, смотреть их в еврокубках одно удовольствие.", false, "neg:Karabakh/"},
		{"a doctor in a lab, en", "en", "Shoutout to Dr. Ilham Aliyev in our lab for getting the sequencer running again.", false, "neg:Aliyev/"},
	})
}

// TestMemoirsDisambiguationsAndCrops: the fourteenth writer's genres
// (rt14: novels and memoirs, Wikipedia, the European Parliament, forums,
// proverbs). In: Georgia's NATO course, 1 March 2008 in Yerevan, the
// football diplomacy of 2008, the Mkhedrioni, gas from Azerbaijan as
// Europe's lever, carousel voting, fleeing a place of the wars. Out: a
// disambiguation page, hazelnut statistics, Eurostat's export figures,
// Armenian "in the 1970s" (read as
// mines), a league's "race for the top" (read as a summit), a rental car
// and an e-visa, a family historian's maiden name.
func TestMemoirsDisambiguationsAndCrops(t *testing.T) {
	runClassCases(t, []classCase{
		{"NATO, de", "de", "»Georgien wird Mitglied der NATO werden, wenn es das will.« Angela Merkel in Tiflis, August 2008.", true, "topic:NATO path"},
		{"1 March 2008, en", "en", "On 1 March 2008 the police moved in on the protesters in Yerevan; by morning ten people were dead.", true, "event:1 March 2008"},
		{"football diplomacy, tr", "tr", "Gül'ün Erivan ziyareti futbol diplomasisi olarak tarihe geçti.", true, "event:Football diplomacy"},
		{"the paramilitary, de", "de", "Nachts kontrollierten die Mchedrioni die Straßen von Tiflis.", true, "person:Politicians of the region"},
		{"gas from Azerbaijan, de", "de", "Wir ersetzen russisches Gas durch Gas aus Aserbaidschan und reden von Werten.", true, "topic:energy geopolitics"},
		{"carousel voting, en", "en", "Video of carousel voting in Marneuli, and the observers' statement says as much.", true, "topic:elections"},
		{"a flight from a war, tr", "tr", "Nisan 1993'te Kelbecer'den kaçan akrabalarımız Murov Dağı'nı karda yürüyerek aştı.", true, "topic:flight"},
		{"a flight from a war, az", "az", "1993-cü ildə Ağdamdan qaçdıq, anam yalnız ailə albomunu götürdü.", true, "topic:flight"},
		{"a suspect who fled, en", "en", "Police said the suspect fled Tbilisi airport after the robbery of a jewellery shop.", false, "neg:flight/"},
		// Near misses.
		{"a disambiguation page, de", "de", "Georgien steht für: Georgien, Staat im Kaukasus; Georgia, Bundesstaat der USA. Siehe auch: Georgier.", false, "neg:Sakartvelo/Gloss"},
		{"hazelnut statistics, es", "es", "Turquía produce el 65 % de las avellanas del mundo, seguida de Italia, Azerbaiyán, Estados Unidos y Georgia.", false, "neg:Azerbaijan/Food"},
		{"export statistics, hy", "hy", "Եվրոստատի տվյալներով՝ Հայաստանից ԵՄ արտահանման հիմնական ապրանքներն են պղնձի հանքաքարը և ոսկին։", false, "with:Armenia/Business"},
		{"the 1970s, hy", "hy", "Տաճարը վերականգնվել է 1970-ականներին։", false, "neg:landmines/"},
		{"a league's top, tr", "tr", "Neftçi Bakü, Premier Ligi'nde zirve yarışında kritik bir galibiyet aldı.", false, "neg:negotiation/yarışında"},
		{"a rental car, de", "de", "Kann man mit einem in Armenien gemieteten Auto nach Georgien fahren? Der Vermieter sagt ja, aber an der Grenze braucht man eine Versicherung.", false, "neg:Armenia/"},
		{"a maiden name, en", "en", "Looking for records of my great-grandmother, maiden name Ter-Petrosian, born in Shushi around 1890.", false, "neg:Ter-Petrosyan/Genealogy"},
	})
}

// TestAprilTwentyFourth: 24 April is the genocide's day of remembrance only
// beside a cue of it (the thirteenth writer's diaspora marches, rt13): the
// Armenians, recognition, a march to Turkey's embassy or consulate,
// Komitas's statue. A central bank's 24 April is a date. With them, the
// French "manifestent", the German singular "ausländischer Agent" and a
// namesake's "(yes, that's really his name)" after the name.
func TestAprilTwentyFourth(t *testing.T) {
	runClassCases(t, []classCase{
		{"a march to the embassy, es", "es", "Este 24 de abril marchamos desde la catedral hasta la embajada de Turquía. 110 años de memoria.", true, "with:April 24/"},
		{"Komitas's statue, fr", "fr", "Ce 24 avril, rassemblement à Paris au pied de la statue de Komitas. Mémoire, justice, reconnaissance.", true, "with:April 24/"},
		{"Georgians protesting, fr", "fr", "Les Géorgiens manifestent depuis plus d'un an avec des drapeaux européens.", true, "topic:protest"},
		{"a foreign agent, de", "de", "Neue Regel in Georgien: wer 'Brüssel' buchstabieren kann, muss sich als ausländischer Agent registrieren.", true, "topic:civil society"},
		// Near misses.
		{"a central bank's date, en", "en", "On April 24 Turkey's central bank raised its policy rate by 350 basis points.", false, "!with:April 24/"},
		{"a classmate's real name, ru", "ru", "Мой одноклассник Ильхам Алиев (да, реально так зовут) открыл шиномонтаж в Казани.", false, "neg:Aliyev/Namesake"},
	})
}

// TestTheFinalWritersClasses: what the last three blind sets showed (rt15,
// posts of a month; rt16, a mixed collection of real text; rt17, posts in
// the region's own languages), read after they were measured. Another
// country's scene in the region's languages (in Istanbul, in Tehran,
// Britain's prime minister) takes the script's weight away; activists,
// human rights, blockades, captives, the Black Sea cable, the Dream in the
// genitive, Baghramyan Avenue, 9 April 1989, 20 January and the Alley of
// Martyrs, the Abkhaz leaders, the Georgian Constitutional Court come in.
// A novel, a biography's birthplace, a resort's beaches, a bank's
// shareholders, a doctor or a cheesemaker who shares a leader's name, and
// the Universal Declaration's title stay out.
func TestTheFinalWritersClasses(t *testing.T) {
	runClassCases(t, []classCase{
		{"activists, hy", "hy", "Ակտիվիստները գիտեն, թե ով է կանգնած իրենց վրա հարձակումների հետևում։", true, "topic:civil society"},
		{"human rights, az", "az", "Avropaya qaz ixracı artır, Brüssel susur, insan haqları isə unudulub.", true, "topic:civil society"},
		{"a blockade, az", "az", "Naxçıvanın blokadası bitəcək deyirlər, qohumlar hələ inanmır.", true, "topic:displacement"},
		{"captives in Baku, hy", "hy", "Բաքվում պահվող հայրենակիցների հարցը պետք է լինի ամեն հանդիպման օրակարգում։", true, "topic:political prisoners"},
		{"the Black Sea cable, ka", "ka", "შავი ზღვის ელექტროკაბელი და აზერბაიჯანთან ენერგოპროექტები ჩვენი უსაფრთხოების საკითხია.", true, "topic:energy geopolitics"},
		{"9 April, ka", "ka", "ყოველ 9 აპრილს მამაჩემი რუსთაველზე ყვავილებით მიდის.", true, "event:9 April 1989"},
		{"20 January, az", "az", "Hər il 20 Yanvarda Şəhidlər Xiyabanına minlərlə insan gəlir, sovet qoşunlarının qurbanlarını anır.", true, "event:Black January"},
		{"an Abkhaz leader, ka", "ka", "ბაგაფშმა რუსეთს და პუტინს თავისი ერთგულება უკვე დაუმტკიცა.", true, "person:Abkhaz leaders"},
		{"the Constitutional Court, en", "en", "Georgia's Constitutional Court threw out the president's lawsuit, clearing the way for the new legislature.", true, "with:Georgia/Constitutional Court"},
		// Near misses.
		{"Istanbul's protests, az", "az", "İmamoğlunun məhkəməsi ilə bağlı İstanbulda yenə etirazlar var.", false, "neg:Azerbaijani language/Foreign politics"},
		{"Tehran's protests, hy", "hy", "Իրանում բենզինի գինը բարձրացրել են, Թեհրանում բողոքի ակցիաներ են։", false, "neg:Armenian script/Foreign politics"},
		{"Britain's prime minister, az", "az", "Britaniyada baş nazirin reytinqi yenə düşüb.", false, "neg:Azerbaijani language/Foreign politics"},
		{"a novel, en", "en", "Ali and Nino follows a Muslim boy from Baku and a Georgian girl on the eve of the First World War.", false, "neg:Baku/Folklore"},
		{"a birthplace, ru", "ru", "Гарри Каспаров, уроженец Баку, был внесён Минюстом России в реестр иностранных агентов.", false, "neg:Baku/"},
		{"a resort, ru", "ru", "Гагры в Абхазии: курорт для отдыхающих с галечными пляжами, сезон длится до октября.", false, "neg:Abkhazia/Travel(x2)"},
		{"shareholders, ka", "ka", "საქართველოს ბანკმა აქციონერებს რეკორდული დივიდენდის გაცემა დაუმტკიცა.", false, "!topic:protest"},
		{"a doctor, ru", "ru", "Мой стоматолог — доктор Кобахидзе. Нет, не родственник.", false, "neg:Kobakhidze/Namesake"},
		{"a cheesemaker, ka", "ka", "ჩვენს სოფელში თემურ ივანიშვილი საუკეთესო სულგუნს აკეთებს.", false, "neg:Ivanishvili/"},
		{"the Declaration's title, hy", "hy", "ՄԱՐԴՈՒ ԻՐԱՎՈՒՆՔՆԵՐԻ ՀԱՄԸՆԴՀԱՆՈՒՐ ՀՌՉԱԿԱԳԻՐ", false, "neg:Armenian script/Universal norms"},
	})
}

// TestPostsFromTheRegion: the eighteenth and twentieth writers' posts
// (rt18, rt20), mostly in the region's own languages. "Bidzina" alone is a
// first name until a word of politics or "Mr" stands beside it; corruption
// cases, road blocking, barbed wire moved at a village, a hunger strike,
// the Tbilisi mayor, the unnamed defence ministry, Rustaveli in the
// evening with flags, Baghramyan Avenue and Sukhumi beside Moscow come in;
// a Dinamo defender named Kobakhidze and Kaladze's football past stay out.
func TestPostsFromTheRegion(t *testing.T) {
	runClassCases(t, []classCase{
		{"Mr Bidzina, ka", "ka", "ძალიან მიჭირს დაჯერება, რომ ეს ყველაფერი ბატონმა ბიძინამ მართლაც თქვა.", true, "with:Bidzina/"},
		{"the glass palace, ka", "ka", "ბიძინას მინის სასახლეში ბჭობენ, ჩვენ კი ჯარიმებს ვიხდით.", true, "person:Ivanishvili"},
		{"corruption, hy", "hy", "Հակակոռուպցիոն կոմիտեն նոր գործ է հարուցել նախկին փոխնախարարի դեմ։", true, "topic:corruption"},
		{"road blocking, ka", "ka", "გზის გადაკეტვისთვის ისევ 5000-ლარიანი ჯარიმები მოდის.", true, "topic:protest"},
		{"the mayor, ka", "ka", "კალაძე ამბობს, რომ პარკის ადგილზე მშენებლობა კანონიერია, საკრებულო კი დუმს.", true, "person:Kaladze"},
		{"the defence ministry, hy", "hy", "Պաշտպանության նախարարությունը Ֆրանսիայից նոր ռադարներ է ստանում, Հնդկաստանից՝ հրետանի։", true, "place:Own ministry"},
		{"Rustaveli in the evening, ru", "ru", "Проспект Руставели, вечер, минус два. Люди с флагами, кто-то раздаёт чай.", true, "with:Rustaveli/"},
		{"Baghramyan, hy", "hy", "Բաղրամյանում նորից փողոց էին փակել, ոստիկանությունը բերման ենթարկեց քսան մարդու։", true, "place:Yerevan"},
		{"Sukhumi and Moscow, en", "en", "Sukhumi keeps asking Moscow for electricity and money; Moscow keeps asking for property rights.", true, "with:Sukhumi/"},
		{"barbed wire at a village, ka", "ka", "ჩვენს სოფელთან მავთულხლართი ისევ გადმოწიეს, მეზობლის ბაღის ნახევარი მეორე მხარეს დარჩა.", true, "topic:occupation"},
		{"a hunger strike in Baku, ru", "ru", "Журналист в Баку двадцатый день держит голодовку в СИЗО.", true, "topic:repression"},
		// Near misses.
		{"a classmate named Bidzina, ka", "ka", "ჩემი კლასელი ბიძინა ამბობს, რომ ყველა ახალ სამსახურში ერთსა და იმავე ხუმრობას ისმენს.", false, "person:Bidzina"},
		{"a Dinamo defender, ka", "ka", "დინამოს მცველი კობახიძე ისევ ტრავმირებულია, მწვრთნელის თქმით.", false, "neg:Kobakhidze/Sport"},
		{"the mayor's football past, en", "en", "Kaladze won the Champions League with Milan in 2003 and 2007.", false, "neg:Kaladze/"},
	})
}

// TestWeatherRoutesAndResorts: the twenty-first writer's posts (rt21), read
// after their blind measurement. A heatwave in Yerevan and snow on a border
// pass are the weather; an airline's new route and its passengers are its
// business; Gagra and New Athos are resorts; an Aliyev who is a Duma
// deputy from Dagestan is Russia's.
func TestWeatherRoutesAndResorts(t *testing.T) {
	runClassCases(t, []classCase{
		{"a heatwave, en", "en", "Yerevan records 41°C as a heatwave grips the South Caucasus; authorities advise avoiding outdoor work.", false, "neg:Yerevan/Weather"},
		{"snow on the pass, tr", "tr", "Artvin'de yoğun kar nedeniyle Sarp sınır kapısı yolunda ulaşım aksıyor, Gürcistan'a geçecek tırlar bekliyor.", false, "neg:border (Turkish)/Weather"},
		{"a new route, en", "en", "Azerbaijan Airlines adds a third weekly Baku–London flight, citing demand from transit passengers.", false, "neg:AZAL/"},
		{"the resorts, ru", "ru", "Кто был в Абхазии летом? Гагра или Новый Афон, где лучше с детьми? Правда ли, что на границе на Псоу стоят по шесть часов?", false, "neg:Abkhazia/Travel(x2)"},
		{"a Duma deputy, ru", "ru", "Депутат Госдумы от Дагестана Алиев предложил ужесточить наказание за продажу энергетиков подросткам.", false, "neg:Aliyev/"},
		// The politics beside them stays in.
		{"Upper Lars and pressure, ru", "ru", "Верхний Ларс снова закрыт, и никто не верит, что это погода: Москва недовольна Ереваном после санкций.", true, ""},
		{"the AZAL crash, en", "en", "A year after the AZAL crash near Aktau, Baku still waits for Moscow's admission of guilt.", true, "event:AZAL crash"},
	})
}
