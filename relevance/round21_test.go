package relevance

import "testing"

// TestRound21Classes: the classes of issue 11's twenty-first round, from
// rt200-rt205 read after their blind measurements. Each case fails with the
// rules before the round; the cases named "... is not it" guard this
// round's own rules.
func TestRound21Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// A namesake named after the name, not before it.
		{"a boxing coach, Pashinyan, a namesake, out", "ru", "Наш новый тренер по боксу — Пашинян, однофамилец. Говорит, каждый раз на границе его перепроверяют по три раза 😂", false, "neg:Pashinyan/"},
		{"a classmate whose surname is Pashinyan, fa, out", "fa", "دوست دانشگاهم فامیلیش پاشینیانه، هر بار تو فرودگاه ایروان پاسپورتشو می‌بینن می‌خندن. هیچ نسبتی هم نداره", false, "neg:Pashinyan/"},
		{"Pashinyan at the border, with no namesake, is not it (it stays in)", "ru", "Пашинян снова на границе: делимитация в Тавуше продолжается", true, "person:Pashinyan"},
		// A pet named in Spanish: "le puso Aliyev al perro".
		{"a dog named Aliyev, es, out", "es", "Mi viejo le puso Aliyev al perro porque 'tiene cara de presidente'. No sabe ni dónde queda Azerbaiyán, pero el perro responde", false, "neg:Aliyev/Pet names"},
		// Sayings and toasts in Azerbaijani and Armenian.
		{"the ancestors' saying, az, out", "az", "Atalar demiş: gürcünün şərabı, azərbaycanlının çörəyi, erməninin konyakı bir süfrədə olsa, söhbət səhərə qədər çəkər", false, "neg:"},
		// Names as Hebrew writes them.
		{"South Ossetia with its article, he", "he", "באוסטיה הדרומית הרוסים הזיזו שוב את הגדר. כפר שלם התעורר בצד השני", true, "place:South Ossetia"},
		{"Kobakhidze with an aleph, he", "he", "קובאחידזה עם ה\"מפלגה העולמית של המלחמה\" שלו נשמע בדיוק כמו ביבי עם הדיפ סטייט 😂", true, "person:Kobakhidze"},
		{"Bidzina in his glass palace, he", "he", "ביצינה גר בארמון זכוכית על הגבעה ומשם מנהל את כל המדינה בלי שום תפקיד. מדהים", true, "with:Bidzina/Glass palace"},
		{"the war in Georgia twenty years on, he", "he", "באוגוסט 20 שנה למלחמה בגאורגיה. זוכר שהמל\"טים של אלביט היו שם אז בצד הגאורגי", true, "event:Five-day war"},
		{"Vardanyan still held, el", "el", "Ο Βαρντανιάν ακόμα κρατείται; Είχε γίνει τόσος ντόρος με την απεργία πείνας και μετά τίποτα", true, "with:Ruben Vardanyan/"},
		// Georgia's opposition channels by their short names.
		// Named and fined, the channel reached the review band; since the
		// twenty-second round two channels named together take it in.
		{"Formula fined, Mtavari's licence taken", "en", "first they fined Formula, then they took Mtavari's license, now they want bloggers registered. but sure, it's 'transparency'", true, "with:Georgian TV channels/fined"},
		{"the channels and the comms commission, ka", "ka", "ჯერ ფორმულა, ახლა პირველი. კომუნიკაციების კომისია სიას მიყვება.", true, "with:Georgian TV channels/"},
		{"Formula 1 is not it", "en", "Formula 1 is back in Baku this September, tickets on sale", false, ""},
		// The jailed journalists by first name, two at least.
		{"Free Bahruz, Free Ulvi", "en", "Free Bahruz. Free Ulvi. Free Sevinj. Free Farid. Free all of them. Don't let the feed forget.", true, "with:Free the jailed by first name/"},
		{"one Free Farid is not it", "en", "Free Farid from his homework tonight, he has earned it", false, ""},
		// The topic words the eight newer languages lacked: the
		// constitution and the referendum, the normalisation of relations.
		{"Armenia's constitution and its referendum, ar", "ar", "كل ما نقول خلص اتفقوا، بيطلعلنا شرط جديد: لازم تعديل الدستور الأرمني أولاً. طيب ومتى الاستفتاء؟", true, "topic:referendum"},
		{"normalisation with Turkey on 24 April, ko", "ko", "4월 24일 추모행진, 정부가 터키랑 국교 정상화 얘기하니까 아르메니아 참가자들 엄청 화나 있더라", true, "topic:normalization"},
		{"a central bank's normalisation is not it", "ja", "日銀の金融政策の正常化はいつ？", false, ""},
		{"Erdoğan's new constitution is not it", "nl", "Erdoğan wil een nieuwe grondwet en CHP-leider Özel spreekt van 'verkapte dictatuur'. Ondertussen was Erdoğan vorige week nog in Azerbeidzjan op staatsbezoek, maar de binnenlandse crisis overheerst alles.", false, "neg:constitution/"},
		// "The Government of Georgia", the treaty bodies' register.
		{"the Government of Georgia before a UN committee", "en", "The Government of Georgia informed the Committee that the detained protesters had access to lawyers", true, "with:Georgia/Government of"},
		{"the state government of Georgia is not it", "en", "The state government of Georgia approved the new highway budget after protesters blocked the road", false, "neg:Georgia/state government"},
		// A toast is a feast's, unless delegations raise it at a signing.
		{"delegations' toasts after a signing, ru", "ru", "Делегации Армении и Азербайджана подняли тосты после подписания протокола о делимитации", true, "neg:Toasts/"},
		{"delegations' toasts after a signing, ka", "ka", "სომხეთისა და აზერბაიჯანის დელეგაციებმა სადღეგრძელოები შესვეს დელიმიტაციის ოქმის ხელმოწერის შემდეგ", true, "neg:Toasts/"},
		{"delegations' toasts after a signing, hy", "hy", "Ադրբեջանի և Հայաստանի պատվիրակությունները կենաց խմեցին սահմանազատման համաձայնագրի ստորագրումից հետո", true, "neg:Toasts/"},
		{"three peoples at the toasts, hy, out", "hy", "Հայը, վրացին ու ադրբեջանցին սեղանի շուրջ են։ Ժամը չորսն է, դեռ կենացների կեսին են հասել 🍷", false, "neg:Sakartvelo/Toasts"},
		{"a feast's toast is not it", "ru", "Грузинский тост: за мир во всём мире! Армянский коньяк к столу", false, "neg:Sakartvelo/Toasts"},
		// Sport that becomes politics: security, a neutral venue, a boycott.
		{"a match moved to a neutral venue for security reasons", "en", "The football match between Armenia and Azerbaijan was moved to a neutral venue for security reasons", true, "neg:Sport/"},
		{"a boycott of the match", "en", "Azerbaijan announced a boycott of the match against Armenia in Yerevan", true, "neg:Sport/Boycott"},
		{"a match's score is not it", "en", "Armenia beat Azerbaijan 2-1 in the Nations League match in Yerevan", false, "neg:Armenia/Sport"},
		{"sport outside politics is not it", "ru", "Болел и за армянского, и за азербайджанского борца в финале. Спорт вне политики, всё", false, ""},
		// Gunfire at the harvest is the border's news, not the orchard's.
		{"fire on farmers harvesting apricots", "en", "Azerbaijani border guards opened fire on Armenian farmers harvesting apricots near the border", true, "neg:Food/armaments"},
		{"shelling that scared the tourists away", "en", "Armenian hotel owners in Goris say Azerbaijani shelling scared away tourists", true, "neg:Travel/armaments"},
		{"a full hotel season is not it", "en", "Goris hotels are full this summer, tourists love the cave village", false, "neg:Armenian regions/Travel"},
		{"fire at the apricot harvest, hy", "hy", "Ադրբեջանական զինծառայողները կրակ են բացել ծիրանի բերքահավաքի ժամանակ հայ գյուղացիների ուղղությամբ", true, "topic:armaments"},
		{"shots at the apricot harvest, de", "de", "Aserbaidschanische Grenzsoldaten haben auf armenische Bauern bei der Aprikosenernte geschossen", true, "neg:Food/Gunfire and detention"},
		{"shots at the apricot harvest, nl", "nl", "Azerbeidzjaanse grenswachten hebben Armeense boeren tijdens de abrikozenoogst beschoten", true, "topic:armaments"},
		{"bread baked over an open fire is not it", "en", "In Yerevan they bake lavash over an open fire, the best bread of the trip", false, ""},
		{"apricots at a food fair are not it", "en", "Armenian apricots and Azerbaijani pomegranates at the Berlin food fair, best stand", false, "neg:Armenia/Food"},
		// The song contest is the music's, unless a state withdraws,
		// boycotts, bans or questions a voter.
		{"a withdrawal from the song contest over the genocide", "en", "Azerbaijan withdrew from Eurovision after Armenia's entry performed a song about the genocide", true, "neg:Song contest/withdrew"},
		{"voters questioned by the police", "en", "In 2009 Azerbaijani police questioned people who had voted for Armenia's Eurovision entry, and the contest organisers fined the broadcaster.", true, "neg:Song contest/police questioned"},
		{"a boycott of the song contest", "en", "Armenia calls for a boycott of Eurovision in Baku", true, "neg:Song contest/Boycott"},
		{"twelve points are not it", "en", "Armenia's Eurovision entry made the final, 12 points from Georgia", false, "neg:Armenia/Song contest"},
		// The Catholicos against the premier; the Kars monument.
		{"the Catholicos or the opposition at the rally, ja", "ja", "共和国広場の集会って、カトリコス支持派？それとも野党？両方一緒？現地の写真だけじゃ分からん", true, "with:Etchmiadzin/野党"},
		{"a church's first councils are not it", "fr", "L'Église apostolique arménienne reconnaît les trois premiers conciles œcuméniques", false, ""},
		{"the Monument to Humanity in Kars, tr", "tr", "Kars'taki İnsanlık Anıtı yeniden dikilsin diye imza kampanyası başlamış. İlginç zamanlardayız.", true, "with:Kars/"},
		{"Kars alone is not it", "tr", "Kars'ta kaşar peyniri ve kaz eti festivali bu hafta sonu", false, ""},
	})
}
