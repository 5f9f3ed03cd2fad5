package relevance

import "testing"

// TestRound33SelfSupportFixed: forms that were their own context (the
// parser's self-support warning, issue 11's thirty-third round) and so
// counted alone. Each "is not it" case is in with the rules before the
// round; the others keep the stories those forms were written for.
func TestRound33SelfSupportFixed(t *testing.T) {
	runClassCases(t, []classCase{
		{"sharks in an aquarium is not it", "en", "Went to see the sharks in an aquarium today with the kids", false, ""},
		{"swimming with sharks is not it, ru", "ru", "В отпуске плавали с акулами на Мальдивах, незабываемо", false, ""},
		{"the man with sharks who runs the country, el", "el", "Ο τύπος με τους καρχαρίες στο ενυδρείο αποφασίζει ακόμα για όλη τη χώρα", true, "with:Billionaire's menagerie/"},
		{"a bike video is not it, es", "es", "Nuevo vídeo en bici por la montaña, suscríbete", false, ""},
		{"a gym's five-year auto-renewal is not it", "en", "Our gym membership has a 5-year auto-renewal clause, beware", false, ""},
		{"peacekeepers' five-year renewal, zh", "zh", "俄罗斯维和部队一进驻，谁是真正赢家一目了然。五年自动续期", true, "with:Peacekeepers for five years/"},
		{"a drone downed near Moscow is not it, ru", "ru", "В Подмосковье сбит самолёт-беспилотник", false, ""},
		{"a plane downed near Kursk is not it, ru", "ru", "Сбитый самолёт упал под Курском, пилот катапультировался", false, ""},
		{"the Grozny plane, en", "en", "The Azerbaijan Airlines plane shot down near Grozny: Kazakhstan publishes its report", true, "with:Downed airliner/"},
		{"the airliner shot down and Baku, ja", "ja", "なんで急にバクーとモスクワがこんなに険悪に？去年のクリスマスの旅客機撃墜からずっと続いてる流れ？", true, "with:Downed airliner/"},
		{"an airliner shot down in 1983 is not it, ja", "ja", "大韓航空機撃墜事件、旅客機撃墜の悲劇を忘れない", false, ""},
		{"a capitol stormed is not it, ja", "ja", "ワシントンで議会に人がなだれ込む映像が再び話題に", false, ""},
		{"parliament stormed after the ceasefire, ja", "ja", "停戦合意の中身読んだら、ほぼ降伏文書じゃん…そりゃ首都で議会に人がなだれ込むわ", true, "with:Parliament stormed after the ceasefire/"},
		{"a deal signed at 1 am is not it, ko", "ko", "새벽 1시에 서명 완료, 이사 계약 드디어 끝", false, ""},
	})
}

// TestRound33SummerAutumn2025Classes: the classes and names of issue 11's
// thirty-third round, from rt404-rt409 (June to November 2025, new writers
// on a period the thirty-second round had read) read after their blind
// measurement. The cases named "... is not it" guard the pass's own rules.
func TestRound33SummerAutumn2025Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// The Church: a clergyman taken at night; the fight with the Catholicos and the vote.
		{"they came for a clergyman at night, hy", "hy", "Նորից գիշերով եկան հոգևորականի հետևից, էլի Էջմիածնի շուրջ", true, "with:Etchmiadzin/"},
		{"the fight with the Catholicos and June's vote, en", "en", "Is the fight with the Catholicos about faith or about next June's vote?", true, "with:Etchmiadzin/"},
		// The 8 August declaration, beside what it leaves out.
		{"the 8 August declaration and the displaced, fr", "fr", "La déclaration du 8 août ne dit rien des prisonniers ni des déplacés", true, "with:Declaration of 8 August/"},
		{"ASEAN's 8 August declaration is not it", "fr", "La déclaration du 8 août 1967 à Bangkok fonde l'ASEAN", false, "!with:Declaration of 8 August/"},
		// Tbilisi's nightly march; fines in lari for blocking the road; the repeated road block.
		{"the march from the Philharmonic, de", "de", "Heute wieder von der Philharmonie zum Parlament, trotz Kameras", true, "event:March from the Philharmonic"},
		{"fines in lari for blocking the road, fr", "fr", "Pour blocage de la chaussée, l'amende monte à 5 000 laris cette année", true, "with:Lari fines/"},
		{"a repeated road block is now prison, ru", "ru", "За повторное перекрытие дороги теперь реальный срок", true, "with:Repeated road block a crime/"},
		// Burchuladze detained, the opera notwithstanding.
		{"the opera singer detained for a coup, es", "es", "Detienen a Burchuladze, el bajo de ópera, por un supuesto golpe", true, "with:Burchuladze detained/"},
		{"Burchuladze singing Godunov is not it", "es", "Burchuladze canta Boris Godunov esta noche en la ópera de Viena", false, ""},
		// Qarabag's European nights are football.
		{"Qarabag beat Benfica is not it, az", "az", "Qarabağ Lissabonda Benfikanı 3:2 udu! Ağdamın atları yenə", false, ""},
		{"Karabakh against Chelsea is not it, ru", "ru", "Карабах — Челси 2:2! Азербайджанский клуб держит Лондон", false, ""},
		// The Minsk Group dissolved: the model's veto does not reach it.
		{"the Minsk Group dissolved, es", "es", "Se disolvió el Grupo de Minsk tras treinta años de reuniones", true, "institution:Minsk Group"},
		// Families back in Lachin.
		{"thirty more families back in Lachin, tr", "tr", "Laçın'a 30 aile daha döndü, köylerde çocuk sesi var", true, "with:The first families return/"},
		{"a family back from holiday is not it, tr", "tr", "Tatilden aile döndü, herkes çok yorgun ama mutlu", false, ""},
		// Karapetyan in Armenian Latin letters and in Spanish; Gyumri's mayor taken.
		{"Karapetyan held for the church, hy Latin", "hy", "Karapetyanin inchi hamar en pahum, vor ekexecun pashtpanec?", true, "person:Samvel Karapetyan"},
		{"Karapetyan jailed, es", "es", "Karapetyan preso y su empresa eléctrica expropiada", true, "person:Samvel Karapetyan"},
		{"Gyumri's mayor taken, hy", "hy", "Գյումրու քաղաքապետին էլ տարան", true, "with:Gyumri's mayor/"},
		// 27 September, five years on.
		{"27 September, five years, hy", "hy", "Սեպտեմբերի 27։ Հինգ տարի։ Իսկ հիմա ձեռք ենք սեղմում", true, "with:27 September/"},
		// Georgia's FARA copy.
		{"the Georgian FARA copy in force, de", "de", "Die georgische FARA-Kopie ist in Kraft, die NGOs packen", true, "event:Georgia's FARA copy"},
		{"FARA in force, ka", "ka", "ფარა ძალაში შევიდა, ჩვენი ორგანიზაცია დაიხურება", true, "event:Georgia's FARA copy"},
		// The two leaders' joint Nobel nomination for Trump.
		{"two presidents nominate Trump for the Nobel, zh", "zh", "两位总统一起提名特朗普拿诺贝尔和平奖", true, "with:Joint Nobel nomination/"},
		{"jointly nominating Trump, en", "en", "two leaders jointly nominating Trump for the Nobel was not on my bingo card", true, "with:Joint Nobel nomination/"},
		{"one country's nomination is not it", "en", "Pakistan nominated Trump for the Nobel Peace Prize, which he says he deserves", false, "!with:Joint Nobel nomination/both"},
		// The glass palace laughing at Brussels' sanctions; the Munich glass palace is not it.
		{"the glass palace and the sanctions, de", "de", "Er sitzt im Glaspalast und lacht über Brüssel. Sanktionen? Ach bitte", true, "with:Glass palace/"},
		{"Munich's Glaspalast is not it", "de", "Der Münchner Glaspalast brannte 1931 ab, mit ihm viele Gemälde", false, ""},
		// "A graveyard for Trump's mercenaries"; Velayati in Japanese.
		{"a grave for Trump's mercenaries, es", "es", "Irán dice que el corredor será una tumba para los mercenarios de Trump", true, "event:Graveyard for Trump's mercenaries"},
		{"Velayati's graveyard, ja", "ja", "ヴェラヤティの「トランプの傭兵の墓場になる」発言、強烈すぎる", true, "with:Velayati/"},
		// "Initialled, not signed."
		{"initialled, not signed, fr", "fr", "Le traité est paraphé, pas signé, et on parle d'accord historique", true, "with:Signed or only initialled/"},
		{"signed or only initialled, en", "en", "Is the treaty signed or only initialed?? my dad keeps saying the war is over", true, "with:Signed or only initialled/"},
		{"the Lisbon treaty initialled and ratified is not it", "fr", "Le traité de Lisbonne, paraphé en 2007, ratifié en 2009", false, "!with:Signed or only initialled/"},
		// Standing on Rustaveli; Syunik's road under whose control; the Ararat stamp; Bahruz.
		{"days standing on Rustaveli, ru", "ru", "Сколько уже дней стоят на Руставели? Кажется, больше трёхсот", true, "with:Rustaveli/"},
		{"Syunik's road under whose control, hy", "hy", "Սյունիքում հարցնում են՝ ճանապարհը ում հսկողության տակ է լինելու", true, "with:Syunik/"},
		{"the Ararat off the stamp, en", "en", "Taking Ararat off the passport stamp is realism or surrender, depending on who you ask", true, "with:Ararat off the stamp/"},
		{"a passport stamp at the airport is not it", "en", "Got a cute passport stamp at the airport, travel season begins", false, ""},
		{"Bahruz's fifteen years, en", "en", "Bahruz got 15 years for writing articles. Fifteen.", true, "with:Bahruz/"},
		// Trump's Albania slip in Japanese and Dutch; a list of safe countries is not it.
		{"Aberbaijan and Albania, ja", "ja", "「アバルバイジャン」と「アルバニア」の和平を実現した大統領", true, "with:Trump's Albania slip/"},
		{"the war between Armenia and Albania, nl", "nl", "'Ik heb de oorlog tussen Armenië en Albanië beëindigd,' zei Trump", true, "with:Trump's Albania slip/"},
		{"a list of safe countries is not it, fr", "fr", "La liste des pays d'origine sûrs : Albanie, Arménie, Géorgie, Serbie, Inde", false, "!with:Trump's Albania slip/"},
		// Formula 1's Azerbaijan Grand Prix in Arabic is not Greater Azerbaijan.
		{"the Azerbaijan Grand Prix is not it, ar", "ar", "فيرستابن يفوز بجائزة أذربيجان الكبرى في باكو", false, "!event:Greater Azerbaijan"},
		// Iran: its president's visit, its minister's "no geopolitical change".
		{"Pezeshkian's trip to Yerevan, fa", "fa", "سفر پزشکیان به ایروان؛ امضای ده سند همکاری و تأکید بر عدم تغییر مرزهای ژئوپلیتیکی منطقه", true, "with:Iran against geopolitical changes/"},
		{"Araghchi on geopolitical change, fa", "fa", "عراقچی: هیچ تغییر ژئوپلیتیکی در مرزهای منطقه قابل قبول نیست", true, "with:Iran against geopolitical changes/"},
		// Georgia becoming Belarus; Serbia's is not it.
		{"Georgia becoming Belarus, he", "he", "גאורגיה הופכת לבלארוס בשידור חי", true, "with:Becoming Belarus/"},
		{"Serbia becoming Belarus is not it", "en", "Serbia is becoming Belarus and Brussels shrugs", false, "!with:Becoming Belarus/"},
		// Trump's train on the Araxes; a MAGA Trump train is not it.
		{"Trump's train on the Araxes, el", "el", "Δίπλα στον Αράξη θα περνάει το τρένο του Τραμπ και η Τεχεράνη βγάζει αφρούς", true, "with:Trump's train on the Araxes/"},
		{"a MAGA Trump train is not it", "en", "The Trump train rolls into Ohio tonight, flags everywhere", false, ""},
		// Tbilisi's protests in Arabic; an American road on Iran's border.
		{"Tbilisi's protests, ar", "ar", "مظاهرات تبليسي مستمرة من سنة تقريباً وما في تغطية عربية", true, "with:Tbilisi/"},
		{"an American road on Iran's northern border, nl", "nl", "Iran boos over een Amerikaanse weg pal langs zijn noordgrens", true, "with:American road on Iran's border/"},
		// Yekaterinburg's brothers in Persian.
		{"Russia and Baku over Yekaterinburg, fa", "fa", "روسیه و باکو سر اون دو برادر که تو یکاترینبورگ مردن به هم ریختن", true, "with:Yekaterinburg case/"},
		// "A candidate in name only"; Turkey's is not it.
		{"a candidate in name only, ko", "ko", "'이름만 후보국'이라는 평가 나왔네. 2년 전에 후보국 지위 받고 다들 깃발 흔들던 거 생각하면", true, "with:Candidate in name only/"},
		{"Georgia a candidate in name only, en", "en", "Commission's enlargement report: Georgia is now a candidate country in name only", true, "with:Candidate in name only/"},
		{"Turkey a candidate in name only is not it", "en", "Turkey has been an EU candidate in name only for a decade", false, "!with:Candidate in name only/"},
		// The palace on 4 October in Dutch; the Kars-Gyumri railway in Korean.
		{"the palace on 4 October, nl", "nl", "4 oktober: een paar heethoofden bij het paleis, en nu mag de hele oppositie verboden worden", true, "with:Palace stormed on 4 October/"},
		{"the Gyumri-Kars railway, ko", "ko", "귀므리-카르스 철도 다시 열리면 진짜 판이 바뀌는 건데", true, "institution:Kars-Gyumri railway"},
		// A road named after oneself.
		{"naming a road after yourself, en", "en", "naming a road after yourself in someone else's country is peak 2025 diplomacy", true, "with:Road named after Trump/"},
		// Guards: a taxi driver's geopolitics, a joke that is no joke, the US state's case, a dog.
		{"a taxi driver's geopolitics is not it, hy", "hy", "Երևանյան տաքսու վարորդը 20 րոպեում բացատրեց ինձ աշխարհաքաղաքականությունը", false, ""},
		{"a Nobel for this would be a joke, es", "es", "Me alegra la paz entre Armenia y Azerbaiyán, pero que a Trump le den el Nobel por esto sería un chiste", true, "!neg:Armenia/Folklore"},
		{"the Georgia election interference case is not it", "en", "and just like that the Georgia election interference case against Trump is gone", false, ""},
		{"a dog named in honour of the PM is not it, ru", "ru", "Назвали пса Пашей, а соседи уверены, что в честь Пашиняна", false, ""},
	})
}

// TestRound33AutumnSpring2025Classes: the classes of issue 11's
// thirty-third round, second pass, from rt410-rt415 (September 2024 to May
// 2025, new writers on months earlier rounds had read), read after their
// blind measurement. The cases named "... is not it" guard the pass.
func TestRound33AutumnSpring2025Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// Guards: carpets, the club's away games, Radio Yerevan, a grandmother's surname, pets, rugby.
		{"a Karabakh carpet auction is not it, nl", "nl", "Veiling van Azerbeidzjaanse tapijten: prachtige Karabach-kleden uit de 19e eeuw", false, ""},
		{"a Karabakh-style carpet is not it, ja", "ja", "アゼルバイジャン絨毯の展示、カラバフ様式の赤がきれい", false, ""},
		{"an away game against Qarabag is not it, nl", "nl", "Uitwedstrijd in Bakoe tegen Qarabağ, vijf uur vliegen op een doordeweekse avond", false, ""},
		{"Radio Yerevan is not it, el", "el", "Ερώτηση στο Ραδιόφωνο Ερεβάν: Είναι αλήθεια ότι...; Τα σοβιετικά ανέκδοτα δεν πεθαίνουν ποτέ", false, ""},
		{"a grandmother called Aliyeva is not it, ru", "ru", "Моя бабушка тоже Алиева, и в каждой очереди её спрашивают, не родственница ли", false, ""},
		{"a puppy called Aliyev is not it, ru", "ru", "Назвали щенка Аликом, дети сократили до Алиев. Теперь весь двор слышит: Алиев, ко мне!", false, ""},
		{"a dog called Bidzina is not it, ka Latin", "ka", "chemi dzaghli, saxelad bidzina, dges isev fexsacmels daeca", false, ""},
		{"the rugby team is not it, ka", "ka", "ბორჯღალოსნები ისევ ევროპის ჩემპიონები არიან 🏉", false, ""},
		{"a hunger strike is no meal, ar", "ar", "صحفية في باطومي مضربة عن الطعام بعد ما اعتقلوها بسبب كف لضابط شرطة", true, "!neg:Georgian cities/Food"},
		// The footballer president; the legitimacy she takes with her.
		{"the Man City striker elected by a college, el", "el", "Πρώην επιθετικός της Μάντσεστερ Σίτι «εκλέγεται» πρόεδρος από εκλεκτορικό σώμα", true, "with:President who played for Manchester City/"},
		{"the legitimacy goes with her, ar", "ar", "الرئيسة طلعت من القصر بس قالت: الشرعية طالعة معي", true, "event:Legitimacy leaves with her"},
		{"Zourabichvili leaves the palace, el", "el", "«Φεύγω από το παλάτι». Η Ζουραμπισβίλι ξέρει να κλείνει σκηνή.", true, "person:Zourabichvili"},
		// The FARA copy in Korean and Japanese; Rustaveli every night; EU flags every night.
		{"copied the US FARA, ko", "ko", "이번엔 미국 FARA 베꼈다고 우기네", true, "event:Georgia's FARA copy"},
		{"Rustaveli every night, ko", "ko", "루스타벨리 대로 영상 보는데 12월 3일 밤 여의도 생각나서 울컥함. 거기는 아직도 매일 밤이래", true, "with:Rustaveli/"},
		{"EU flags every evening, de", "de", "Die Leute schwenken da jeden Abend EU-Fahnen, verdammt nochmal", true, "with:EU flags every night/"},
		{"EU flags at one rally is not it", "en", "Thousands waved EU flags at the pro-Europe rally in Bucharest", false, "!with:EU flags every night/"},
		{"every evening in front of parliament, nl", "nl", "Dag 150 op de Roestaveli. Nog steeds elke avond voor het parlement, met Georgische vlaggen.", true, "with:Every evening before parliament/"},
		{"Belgrade's students before parliament are not it, nl", "nl", "Dag 150 in Belgrado. Nog steeds elke avond voor het parlement.", false, ""},
		{"every evening they come out, ka", "ka", "100 დღეა ყოველ საღამოს გამოდიან", true, "event:Every evening they come out"},
		// Georgia's crackdown in Japanese; the Hyundai plant's Georgia in Korean is not it.
		{"Georgia's crackdown, ja", "ja", "日本政府ももう少しはっきりジョージアの弾圧に声を上げてほしい", true, "with:Georgia/"},
		{"the Georgia plant raid is not it, ko", "ko", "조지아 공장 단속 사태 벌써… 그때 구금됐던 분들 다시 미국 갔을까", false, ""},
		// COP29's host against France; Nikol and the delimitation.
		{"COP29's host against French neocolonialism, zh", "zh", "COP29东道主在大会上骂法国搞新殖民主义", true, "with:COP29's host/"},
		// Bidzina Magnitsky'd; Misha's nine more years; Baku's claims in Armenian Latin.
		{"Bidzina sanctioned, en", "en", "Treasury just Magnitsky'd Bidzina. took them long enough", true, "with:Bidzina/"},
		{"nine more years for Misha, ru", "ru", "Мише добавили ещё 9 лет. Уже даже не смешно", true, "with:Misha/"},
		{"Baku's ministry says Armenians fired, hy Latin", "hy", "Baqvi PN-n nor haytararutyun e tarel, vor haykakan koghmy krakel e", true, "with:Baku/"},
		// Aktau and the birds; the treaty text agreed; burning water cannons; the charter in Armenian.
		{"Aktau and the birds, ru", "ru", "Актау. Дырки от осколков на хвосте, а нам рассказывали про птиц", true, "with:Airliner birds version/"},
		{"the text agreed but not signed, az", "az", "sazisin metni razilashdirilib deyirler, amma imzalanmir", true, "event:Treaty text agreed not signed"},
		{"the gas in the water cannons, es", "es", "Ya no les tienen miedo a los cañones de agua, lo peor es el gas que meten ahora en el agua", true, "with:Burning water cannons/"},
		{"the charter with the US, hy", "hy", "ԱՄՆ-ի հետ ռազմավարական գործընկերության խարտիա ստորագրեցինք", true, "with:Strategic partnership charter/"},
		{"titushki on journalists, ka Latin", "ka", "titushkebi isev gamovidnen, jurnalistebs daesxnen tavs", true, "topic:protest"},
	})
}
