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

// TestLatinLetters: Armenian and Georgian typed in Latin letters, as locals
// write on phones: Baku and Artsakh, the Catholicos and the bishops, the
// authorities, arrests, the ruling party's supporters, visa-free travel,
// the occupation. Artsakh brandy at a duty-free stays out.
func TestLatinLetters(t *testing.T) {
	runClassCases(t, []classCase{
		{"Armenians held in Baku, hy translit", "hy", "Baqvum pahvox hayeri harcy voch mek chi barcracnum, gerinery der bantum en", true, "place:Baku"},
		{"the bishops' trials, hy translit", "hy", "Srbazanneri gorcov dater@ sharunakvum en, isk ishxanutyunn uzum a hasarakutyuny mor", true, "place:Etchmiadzin"},
		{"arrests on the avenue, ka translit", "ka", "gushin rustavelze isev daakaves otxi bichi, policia niRbebit idga", true, "topic:repression"},
		{"visa-free and the kotsebi, ka translit", "ka", "qocebi mTeli weli yvirodnen evropa ar gvinda, axla uvizo rom gauuqmdeba sad wavlen", true, "topic:kotsi"},
		{"the occupation, ka translit", "ka", "moskovi ambobs urTierTobebi aRvadginoTo. saqartvelos 20% okupirebulia, jer is daabrunet", true, "topic:occupation"},
		// Brandy.
		{"Artsakh brandy, hy translit", "hy", "Artsakh brendi duty free-um 2 angam tank a qan supermarketum", false, "!place:Artsakh"},
	})
}

// TestEntriesOfReference: an encyclopedia's river, mountain, opera composer
// or painter names the region as its setting; "north-western Azerbaijan" is
// a compass point, not the irredentist "Western Azerbaijan"; Spanish "usa"
// is "uses"; the Georgian Military Highway is a road. A river that is a
// border in a text about delimitation keeps its politics.
func TestEntriesOfReference(t *testing.T) {
	runClassCases(t, []classCase{
		{"a river's course, de", "de", "Der Aras entspringt im Bingöl-Gebirge und bildet die Grenze zwischen Armenien und dem Iran; er mündet nach 1070 Kilometern in die Kura.", false, ""},
		{"north-western Azerbaijan, en", "en", "Sheki is a town in north-western Azerbaijan known for its silk and its palace.", false, "!institution:Western Azerbaijan"},
		{"se usa, es", "es", "¿Cómo se dice gracias en georgiano? Una amiga de Tiflis dice que también se usa merci.", false, "!actor:United States"},
		{"the Georgian Military Highway, en", "en", "The Georgian Military Highway is closed at Stepantsminda because of avalanche risk; 1,200 trucks wait.", false, "!place:Georgian"},
		{"a composer's opera, tr", "tr", "Hacıbeyli'nin Bakü'de sahnelenen operası Azerbaycan muğamlarını Avrupa opera formuyla birleştirdi; besteci bugün de anılıyor.", false, ""},
		// Politics on the same river and the same mountain.
		{"a river as the border in talks, en", "en", "Armenia and Azerbaijan agreed to start delimitation along the river section of the border next month.", true, ""},
	})
}

// TestReactionsOfTheRegion: what rt40 and rt43 missed or let in: a flat for
// sale "without intermediaries", a parcel at customs, a teacher "surnamed
// Aliyev" in Azerbaijani word order, the Europa League in French; and the
// bishops arrested one by one, the mayor of Gyumri in the genitive, the
// train to Nakhchivan, Real Armenia in French, the occupation line, Apsny.
func TestReactionsOfTheRegion(t *testing.T) {
	runClassCases(t, []classCase{
		{"a flat for sale, az", "az", "Satılır: Bakı, Yasamal, 3 otaqlı mənzil, təmirli. Vasitəçilər narahat etməsin.", false, "!topic:negotiation"},
		{"a parcel at customs, fr", "fr", "Mon colis est bloqué à la douane d'Erevan depuis trois semaines. Une idée ?", false, "!topic:border"},
		{"a teacher surnamed Aliyev, az", "az", "Əliyev soyadlı müəllimimiz dərsdə dedi ki, qohum deyilik, hamı güldü.", false, "!person:Aliyev"},
		{"the Europa League, fr", "fr", "Ligue Europa : Lyon se déplace à Bakou pour affronter Qarabağ jeudi soir.", false, "!place:Qarabag"},
		{"bishops arrested, hy", "hy", "Ամեն առավոտ ստուգում եմ՝ այսօր որ եպիսկոպոսին են ձերբակալել։", true, "place:Etchmiadzin"},
		{"the mayor of Gyumri, hy", "hy", "Գյումրու քաղաքապետը դեռ կալանքի տակ է, իսկ քաղաքը մնացել է առանց ղեկավարի։", true, "place:Gyumri"},
		{"the train to Nakhchivan, az", "az", "Naxçıvana qatarla nə vaxt gedə biləcəyik? Nəvələrimə söz vermişəm.", true, "with:Nakhchivan/qatar*"},
		{"Real Armenia, fr", "fr", "Deux ans qu'il parle d'« Arménie réelle » et personne ne sait ce qu'il y a dedans.", true, "institution:Real Armenia"},
		{"the occupation line, de", "de", "Wieder wurde der Zaun an der Besatzungslinie bei Gori um hundert Meter verschoben.", true, "place:South Ossetia"},
		{"Apsny, ru", "ru", "Апсны снова без света, а Россия «по-братски» подкидывает электричество.", true, "place:Abkhazia"},
	})
}

// TestLocalWordsTenth: what rt45 and rt46 showed: Azerbaijani "fara" is a
// headlight and "münasibətilə" a holiday's "on the occasion of"; a quake
// or fog, a mass at a monastery, "la peli" and a dog named in Latin-letter
// Armenian are settings. Ali Karimli's case, the charge of "organising
// group violence", the MEGOBARI Act, AzTV, the media registry and Nikol's
// "live-um" are politics.
func TestLocalWordsTenth(t *testing.T) {
	runClassCases(t, []classCase{
		{"a headlight, az", "az", "Maşını texbaxışa apardım, üç saat növbə, sonra dedilər fara düz yanmır.", false, "!topic:civil society"},
		{"a holiday greeting, az", "az", "Hamınızı Həmrəylik Günü və Yeni il münasibətilə təbrik edirəm, Azərbaycan!", false, "!topic:relations"},
		{"a quake, en", "en", "M4.2 quake felt in Yerevan and Gyumri this morning, no damage reported per the emergencies ministry.", false, ""},
		{"mass at a monastery, es", "es", "Fui a misa en el monasterio de Echmiadzin y aunque no entendí nada, sentí una paz enorme.", false, "!place:Etchmiadzin"},
		{"a dog named Artsakh, hy translit", "hy", "Shunis anuny Artsakh a, aysor 10 tarekan darav, tortik el arec.", false, "!place:Artsakh"},
		{"Ali Karimli's case, ru", "ru", "Кто следит за делом Али Керимли? Год прошёл, а на русском почти ничего.", true, "person:Azerbaijani political prisoners"},
		{"the group violence charge, ru", "ru", "Задержали ещё одного участника протестов, обвиняют в организации группового насилия.", true, "event:Group violence charge"},
		{"the MEGOBARI Act, ka translit", "ka", "vinme gaige ra xdeba MEGOBARI act-ze? senatshi gava tu ara?", true, "institution:MEGOBARI Act"},
		{"the media registry, az", "az", "Media reyestrinə düşməyən jurnalist deyil, deyirlər. Yəni jurnalisti dövlət təyin edir?", true, "topic:civil society"},
		{"Nikol's live, hy translit", "hy", "Nikol@ live-um 3 jam xosec, es el 3 jam probkayi mej kangnac ei.", true, "with:Nikol/live-um"},
	})
}

// TestRealTextSettingsTenth: rt47's real-text settings: a school's
// geography of the two ranges, a pipeline's facts, the world's climate
// talks in Baku, the tangerine harvest at the border; and an Azerbaijani
// economist's house arrest in Turkish spelling. Satire that names COP29
// beside the press's prisons stays in.
func TestRealTextSettingsTenth(t *testing.T) {
	runClassCases(t, []classCase{
		{"school geography, tr", "tr", "Kafkas Dağları Karadeniz ile Hazar Denizi arasında uzanır; Büyük Kafkaslar ve Küçük Kafkaslar olarak ikiye ayrılır. Bölgede Gürcistan, Ermenistan ve Azerbaycan yer alır.", false, ""},
		{"a pipeline's facts, en", "en", "The Baku-Tbilisi-Ceyhan pipeline carries crude oil from the Sangachal terminal; commissioned in 2006, it moves a million barrels per day.", false, ""},
		{"the climate talks, en", "en", "Negotiators at the COP29 climate summit in Baku agreed to a new finance goal of $300 billion a year.", false, "!topic:negotiation"},
		{"the tangerine harvest, ru", "ru", "Из Абхазии в Россию вывезено 30 тысяч тонн мандаринов через КПП «Псоу»; урожай ниже прошлогоднего.", false, "!place:Abkhazia"},
		{"an economist's house arrest, tr", "tr", "Azerbaycanlı ekonomist Gubad İbadoğlu'nun ev hapsi yeniden uzatıldı.", true, "person:Azerbaijani political prisoners"},
		// Satire about the press.
		{"COP29 and the prisons, fr", "fr", "Bakou annonce que la COP29 a été un tel succès que le pays accueillera un sommet mondial sur la liberté de la presse. Lieu : la prison de Kurdakhani.", true, ""},
	})
}

// TestInternationalCourtsInTheRegionsLanguages: in Armenian, Georgian and
// Azerbaijani, the Strasbourg court and the Council of Europe's Assembly
// hear the writer's own state, as its government and opposition are.
func TestInternationalCourtsInTheRegionsLanguages(t *testing.T) {
	runClassCases(t, []classCase{
		{"PACE, az", "az", "AŞPA-dan çıxandan sonra Avropa Şurası ilə nə dəyişib? Heç kim izah etmir.", true, "with:international courts/Azerbaijani language"},
		{"the Strasbourg court, hy", "hy", "Մարդու իրավունքների եվրոպական դատարանը նորից որոշում կայացրեց մեր դեմ։", true, "with:international courts/Armenian script"},
	})
}

// TestLastReadsOfTheTenth: rt48 to rt50. A Soviet courtyard remembered, a
// junction named after 20 January, a chess simul, a café in Khankendi, a
// student acronym's "-ականներ", a neighbour's cat named Paşinyan, a fighter
// named Aliyev, a Persian leopard's reserve; and the Kremlin's television
// voices on Armenia, Sputnik's bureau closed, the Milli Majlis's budget,
// "against the church again", GD and its "foreign agents". The corridor
// whose name became "Trump yolu" stays in.
func TestLastReadsOfTheTenth(t *testing.T) {
	runClassCases(t, []classCase{
		{"a courtyard remembered, ru", "ru", "В нашем бакинском дворе жили армяне, азербайджанцы, евреи; тётя Роза варила варенье на весь двор.", false, ""},
		{"a junction named after a date, az", "az", "Koroce 20 Yanvar dairesinde probka yene, 40 deqiqe durmusham.", false, "!event:Black January"},
		{"a chess simul, ru", "ru", "Мамедьяров в Баку дал сеанс одновременной игры для детей: 30 досок, 29 побед.", false, "!person:Mammadyarov"},
		{"a café in Khankendi, az", "az", "Xankəndidə yeni kafedə qəhvə içdik, mənzərə əladır, pəncərədən yol görünür.", false, "!place:Stepanakert"},
		{"students' -akan, hy", "hy", "Սեսիան սկսվում ա, ԵՊՀ-ականներ, ձեզ մոտ էլ ա էս վիճակը?", false, "!topic:landmines"},
		{"a neighbour's cat, az", "az", "Qonşunun pişiyinin adı Paşinyandır, hər gün balkonumuza gəlir.", false, "!person:Pashinyan"},
		{"a fighter named Aliyev, en", "en", "Russian welterweight Rustam Aliyev improved to 14-1 with a second-round TKO in Moscow.", false, "!person:Aliyev"},
		{"the Kremlin's TV, ru", "ru", "Соловьёв в эфире снова назвал Армению «предательницей».", true, "with:Armenia/Great powers' officials"},
		{"Sputnik closed, az", "az", "Sputnik Azərbaycan bağlandıqdan sonra rusdilli auditoriya hara keçdi?", true, "topic:Russian broadcasting"},
		{"the Milli Majlis's budget, ru", "ru", "Милли Меджлис одобрил бюджет на 2027 год, расходы на оборону растут.", true, "topic:parliament"},
		{"against the church, hy", "hy", "Էլի եկեղեցու դեմ։ Ամեն շաբաթ մի նոր հոգևորականի են կանչում։", true, "topic:church and state"},
		{"GD and its foreign agents, en", "en", "GD calling every protester a 'foreign agent' while paying lobbyists in DC is peak irony", true, "with:GD/foreign agent*"},
		// A corridor's name.
		{"the corridor's name, tr", "tr", "Washington'da el sıkıştılar, koridorun adı \"Trump yolu\" oldu. Kapı ne zaman açılıyor?", true, "institution:TRIPP"},
	})
}

// TestTheYearsEnd: rt51 to rt53, read after the round's first estimate.
// Kazakh grain and Azerbaijani fuel across the old front, Russia's sanitary
// bans on Armenian brandy, Misha in prison in Georgian, Trump's road in
// Latin-letter Armenian, the CSTO as "HAPK", a night session's single
// reading, a New Year amnesty; a futsal team's qualifying round, Cyprus's
// Omonia, the saying "two Armenians, three parties", three unrelated
// Aliyevs in a courtyard and Amnesty International stay out.
func TestTheYearsEnd(t *testing.T) {
	runClassCases(t, []classCase{
		{"fuel and grain, hy", "hy", "Ադրբեջանական բենզին ենք լցնում, ղազախական ցորենը Ադրբեջանով ա գալիս։", true, "event:Fuel and grain transit"},
		{"a sanitary ban, de", "de", "Russland stoppt mal wieder armenischen Brandy „aus Hygienegründen“. Reiner Zufall.", true, "with:Russian import ban/armenischen Brandy"},
		{"Misha in prison, ka", "ka", "მიშა მეექვსე ახალ წელს ციხეში ხვდება. ეს ნორმალური არ არის.", true, "with:Misha/repression"},
		{"Trump's road, hy translit", "hy", "Trampi chanaparhy asum ein 2026-in kskseen shinel, Meghrium hly ekskavator chka.", true, "institution:TRIPP"},
		{"the CSTO, hy translit", "hy", "HAPK-ic durs galu harcy el ardyoq moracvec? Saracrel enq, bayc durs chenq ekel.", true, "topic:regional blocs"},
		{"a single reading at night, ka", "ka", "ისევ ღამის სხდომა, ისევ ერთი მოსმენით. ამ ხალხს ძილი არ სჭირდება.", true, "topic:parliament"},
		{"a New Year amnesty, ru", "ru", "Баку объявил новогоднюю амнистию? Есть там хоть один политзаключённый?", true, "topic:repression"},
		// Out.
		{"a futsal qualifier, hy", "hy", "Ֆուտզալի Եվրոյի ընտրականում մերոնք խմբից առաջինն են դուրս եկել։", false, "!topic:elections"},
		{"Omonia, ru", "ru", "Армянский клуб «Пюник» обыграл кипрскую «Омонию» со счётом 2:1.", false, "!topic:protest"},
		{"the saying, hy", "hy", "«Երկու հայ՝ երեք կուսակցություն»։ Մեր Ամանորյա սեղանն ապացույց ա։", false, "!topic:opposition"},
		{"three Aliyevs, az", "az", "Bizim həyətdə 3 Əliyev var, heç biri qohum deyil.", false, "!person:Aliyev"},
		{"Amnesty International, az", "az", "Beynəlxalq Amnistiya Təşkilatı Senatın qərarını tənqid edib.", false, ""},
	})
}

// TestJanuaryReads: rt54 to rt56, read after the round's second estimate.
// A premiere at the Rustaveli theatre (პრემიერა is no premier), a café by
// the National Assembly, a grammar comparison, an Armenian startup, a
// dentist named Aliyev, the Zangezur range's leopards, a dog named Nikol
// stay out; 20 January remembered in Russian, the
// Washington declaration awaiting its signing, the foreign-power law's own
// text, day 781 on Rustaveli in Georgian come in.
func TestJanuaryReads(t *testing.T) {
	runClassCases(t, []classCase{
		{"a premiere, ka", "ka", "რუსთაველის თეატრში „ჰამლეტის“ პრემიერაა, ბილეთები სულ გაიყიდა", false, ""},
		{"a café by parliament, hy", "hy", "Ազգային ժողովի մոտ նոր սրճարան ա բացվել, կապուչինոն աստվածային ա", false, "!topic:parliament"},
		{"grammar, en", "en", "Georgian has no grammatical gender, Armenian neither, Azerbaijani neither. Russian has three, and its alphabet too.", false, ""},
		{"a startup, hy", "hy", "Հայկական ստարտափը 12 միլիոն դոլար ներդրում ներգրավեց, թիմը Երևանում է, հաճախորդները՝ ԱՄՆ-ում։", false, ""},
		{"a dentist named Aliyev, ru", "ru", "Мой стоматолог Алиев — лучший врач в Москве, двадцать лет у него лечусь.", false, "!person:Aliyev"},
		{"the Zangezur range, en", "en", "The Caucasian leopard survives in the Zangezur range, where camera traps recorded a female.", false, "!place:Zangezur"},
		{"a dog named Nikol, hy", "hy", "Մեր շանը Նիկոլ ենք կոչել՝ պապայիս ընկերոջ պատվին։", false, "!person:Nikol"},
		{"20 January, ru", "ru", "Ну что, бакинцы, 20 января. Помним. Вечная память", true, "with:20 January/"},
		{"the Washington declaration, en", "en", "If the Washington declaration was initialled in August, why is there still no date for the signing?", true, "event:Washington declaration"},
		{"the law's text, en", "en", "An organisation pursuing the interests of a foreign power means a non-commercial legal entity that receives more than 20% of its income from abroad.", true, "institution:Foreign influence transparency law"},
		{"day 781, ka", "ka", "დღე 781. რუსთაველზე ისევ ვდგავართ, სველი თოვლი და ევროკავშირის დროშები.", true, "with:Protest day count/"},
	})
}

// TestFebruaryReads: rt57 to rt59, read after the round's third estimate.
// Sumgait remembered on 27 February and "39 years since"; a clergyman
// arrested, a journalist summoned to the Investigative Committee (ՔԿ),
// Civil Contract as ՔՊ, the "Nats", Kavela, "Bidzina's dream" in Russian,
// a protester fined in German. Out: a grocery named Artsakh, a traffic jam
// on the Heydar Aliyev embankment in Tbilisi, a family tree on e-Devlet,
// Nakhchivan's and Azerbaijan's profiles, Shusha's springs, the Kartvelian
// languages, a Georgian federal judge in France's words.
func TestFebruaryReads(t *testing.T) {
	runClassCases(t, []classCase{
		{"27 February, hy", "hy", "Փետրվարի 27, Սումգայիթ, 1988։ Չմոռանանք։", true, "with:Sumgait/"},
		{"years since Sumgait, en", "en", "39 years since Sumgait. Say their names.", true, "with:Years since Sumgait/"},
		{"a clergyman arrested, hy", "hy", "Էլի հոգևորականի են ձերբակալել։ Սա արդեն պետական հալածանք ա։", true, "place:Etchmiadzin"},
		{"Civil Contract, hy", "hy", "ՔՊ-ն ասում ա՝ «նախկինները», նախկինները ասում են՝ «թուրքի գործակալ»։", true, "institution:Parties of the region"},
		{"the Nats and the kotsi, ka", "ka", "ნაცები და ქოცები ერთმანეთს 15 წელია ეომებიან, ხალხი კი კომუნალურს ვერ იხდის", true, "institution:Parties of the region"},
		{"Kavela signs, ka translit", "ka", "kavelam kide erti kanoni moawera xeli. burti rom etamasha jobda", true, "person:Kavelashvili"},
		{"a protester fined, de", "de", "Wer in Tiflis mit Maske demonstriert, zahlt inzwischen bis zu 5000 Lari Strafe.", true, "topic:protest"},
		// Out.
		{"a grocery named Artsakh, hy", "hy", "Մեր թաղի «Արցախ» մթերայինում ժամը 8-ին արդեն հաց չկա", false, "!place:Artsakh"},
		{"an embankment, ka", "ka", "ჰეიდარ ალიევის სანაპიროზე საცობია, ვაკიდან ვერ გამოვედი 45 წუთი", false, "!person:Aliyev"},
		{"a family tree, tr", "tr", "Dedem Kafkas göçmeniydi, Nahçıvan'dan geldiklerini söylerdi. e-Devlet soy ağacında 1890'lardan öncesi çıkmıyor.", false, ""},
		{"a country profile, es", "es", "Azerbaiyán limita al norte con Rusia, al oeste con Armenia y al sur con Irán. Su capital y ciudad más poblada es Bakú.", false, ""},
		{"Shusha's springs, ru", "ru", "Шуша расположена на высоте 1400 метров над уровнем моря, на плато в горах Карабаха.", false, "!place:Shusha"},
		{"the Kartvelian languages, en", "en", "The Kartvelian languages are Georgian, Mingrelian, Laz and Svan; unlike Indo-European Armenian and Turkic Azerbaijani, they have no relatives outside the Caucasus.", false, ""},
		{"a federal judge in Georgia, fr", "fr", "En Géorgie, aux États-Unis, un juge fédéral a suspendu une loi sur les élections.", false, ""},
	})
}

// TestSettingWordsKeepTheirPolitics: the words added this round for a
// team, a view or a drive must not cancel politics that uses them in
// another sense: a state that "played a role" (rol oynadı), the EU's aid
// in euros (եվրոյի), the political landscape (siyasi mənzərə), a collective
// decision (հավաքական), the land border's closure (по суше).
func TestSettingWordsKeepTheirPolitics(t *testing.T) {
	runClassCases(t, []classCase{
		{"a role played, tr", "tr", "Rusya, Ermenistan ile Azerbaycan arasındaki müzakerelerde yine önemli bir rol oynadı.", true, "place:Armenia"},
		{"aid in euros, hy", "hy", "ԵՄ-ն Հայաստանին 50 միլիոն եվրոյի աջակցություն է հատկացրել սահմանային բնակավայրերի համար։", true, "place:Armenia"},
		{"the political landscape, az", "az", "Azərbaycanda siyasi mənzərə dəyişmir, müxalifət liderləri yenə həbsdədir.", true, "place:Azerbaijan"},
		{"a collective decision, hy", "hy", "Կառավարության հավաքական որոշումը Հայաստանի սահմանի վերաբերյալ դեռ հրապարակված չէ։", true, "place:Armenia"},
		{"the land border closed, ru", "ru", "Азербайджан снова продлил закрытие границы по суше, оппозиция называет это изоляцией.", true, "place:Azerbaijan"},
	})
}
