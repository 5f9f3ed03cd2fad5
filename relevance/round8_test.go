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
		{"opposition channels, ka", "ka", "მთავარი არხი დაიხურა, ტვ პირველს კი ახალი ჯარიმა დააკისრეს.", true, "institution:Georgian opposition channels"},
		{"the law's name, ru", "ru", "Венецианская комиссия призвала отменить закон о прозрачности иностранного влияния.", true, "institution:Foreign influence transparency law"},
		{"the law's nickname, ka", "ka", "რუსული კანონი უკვე მოქმედებს: სამ ორგანიზაციას ჯარიმა დაეკისრა.", true, "institution:Foreign influence transparency law"},
		{"Rustaveli by night, de", "de", "Wieder Abend auf dem Rustaweli-Boulevard: Studierende vor dem Parlament, Polizei mit Wasserwerfern.", true, "with:Rustaveli/"},
		{"strategic partnership, en", "en", "Washington suspends its strategic partnership with Georgia over democratic backsliding.", true, "with:Georgia/strategic partnership"},
		{"the 1918 republic, en", "en", "The Democratic Republic of Georgia lasted three years before the Red Army marched in.", true, "with:Georgia/Democratic Republic of"},
		{"family values law, en", "en", "The 'family values' law bans Pride marches; it passed in Tbilisi without a debate.", true, "topic:rights and backsliding"},
		{"the ministry unnamed, az", "az", "Xarici İşlər Nazirliyi İranın səfirini çağıraraq etiraz notası təqdim etdi.", true, "place:Own foreign ministry"},
		{"visa-free in Batumi, tr", "tr", "Batum'da herkes AB'nin Gürcistan için vizesizliği askıya almasından ve hükümetin tutumundan endişeli.", true, ""},
		// The same words elsewhere.
		{"a winter sale", "en", "Black January sale: 40% off all coats and boots until Sunday.", false, "event:Black January"},
		{"another state's ministry, az", "az", "Rusiya Xarici İşlər Nazirliyi Fransanın səfirini çağırıb.", false, "!place:Own foreign ministry"},
		{"the poet, en", "en", "Reading Rustaveli's The Knight in the Panther's Skin in a new translation; the verse is wonderful.", false, "!with:Rustaveli/"},
		{"a Bible commentary's backsliding", "en", "Backsliding Israel turned from the covenant, as the prophet says; Georgia readers of this commentary will know the passage.", false, "!with:Georgia/"},
		{"a law of Russia's own, en", "en", "Russia's foreign agents law now reaches theatres and film funds across the country.", false, "!institution:Foreign influence transparency law"},
	})
}

// TestKitchenMetaphors: a political word in a post about a dish is a
// metaphor ("a family ceasefire over who grills", "the delimitation of
// lavash and matnakash"). In the region's own languages the script's
// weight is cancelled by a word of food, so the political word gets no
// bonus from it; "the border between dolma and tolma" between Yerevan and
// Baku is food in Russian too, and "Western Armenian" is a language. The
// region's politics in those languages, with the Georgian word for "in
// particular" (კერძოდ, which starts like კერძი, a dish), stays in.
func TestKitchenMetaphors(t *testing.T) {
	runClassCases(t, []classCase{
		{"a family ceasefire, hy", "hy", "Տանը հրադադար է․ մայրիկն ու հայրիկը պայմանավորվեցին, որ խորովածը այս անգամ պապան կանի։", false, "neg:Armenian script/Food"},
		{"a family ceasefire, az", "az", "Evdə atəşkəs: nənəm və xalam şəkərburanı kimin bişirəcəyi barədə nəhayət razılaşdılar.", false, "neg:Azerbaijani language/Food"},
		{"the bread's delimitation, hy", "hy", "Լավաշի և մատնաքաշի սահմանազատումն ավարտվեց․ լավաշը՝ առավոտյան, մատնաքաշը՝ երեկոյան։", false, "neg:Armenian script/Food"},
		{"the khinkali law, ka", "ka", "ხინკალს ხელით ვჭამთ და კუდს ვტოვებთ. ამ კანონს ვერც ერთი პარლამენტი ვერ შეცვლის.", false, "neg:Georgian script/Food"},
		{"the dolma border, ru", "ru", "Граница между долмой и толмой проходит где-то между Ереваном и Баку, и лучше её не трогать.", false, "neg:Yerevan/Food"},
		{"a language, en", "en", "Queue at a Glendale bakery at dawn, and the old man ahead of me haggling in Western Armenian like it's a summit.", false, "neg:Armenia/Western"},
		// The region's politics in its languages.
		{"in particular, ka", "ka", "ოპოზიციის, კერძოდ, ჩემი კრიტიკა მთავრობამ უპასუხოდ დატოვა.", true, "!neg:Georgian script/Food"},
		{"a ceasefire, hy", "hy", "Սահմանին հրադադարը խախտվել է, զինծառայող է վիրավորվել։", true, "with:ceasefire/Armenian script"},
		{"a chess game is no party, az", "az", "Məmmədyarovun blits partiyalarına baxmaq ən yaxşı istirahətdir.", false, "neg:opposition/Sport"},
	})
}
