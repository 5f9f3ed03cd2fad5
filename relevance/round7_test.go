package relevance

import "testing"

// Issue 11, seventh round: three classes read off real text (the fresh2
// slice's dictionary, the eld tune half's news in the region's languages),
// each with the political posts that must stay beside it. Every case of the
// class itself (a near miss that must go out, or a post that must now come
// in) fails with the sixth round's rules; the guards beside them pass with
// both.

// TestReferenceProse: a dictionary's or an encyclopaedia's entry names the
// region as a plant's or an animal's range, a word's origin, a people of
// antiquity or a church office's seat. It says so in its own prose, in every
// language: "native to", "произрастает", "beheimatet", "an ancient
// people", "a member of a people", "etymology", or two of an entry's
// markers (cf., akin to, Eccl., spiritual head, ecclesiastical...). News
// that uses one such word, or names a leader, stays in.
func TestReferenceProse(t *testing.T) {
	runClassCases(t, []classCase{
		// A species' range.
		{"a tree's range, en", "en", "English walnut (Juglans regia): a tree native to the Caucasus and Armenia, prized since antiquity; its wood made gunstocks for European armies.", false, "!place:Armenia"},
		{"a tree's range, ru", "ru", "Грецкий орех произрастает в Закавказье, Армении и Грузии; в Европу он попал через Персию.", false, "neg:Armenia/Gloss"},
		{"a tree's range, de", "de", "Der Walnussbaum ist im Kaukasus und in Armenien beheimatet und kam über Persien nach Europa und Russland.", false, "neg:Armenia/Gloss"},
		// Peoples of antiquity and of a region.
		{"an ancient people, en", "en", "Hittite: a member of an ancient people whose settlements extended from Armenia and the Caucasus into Asia Minor; they were at war with Egypt.", false, "neg:Armenia/Gloss"},
		{"a people's lands, en", "en", "Kurd: a member of a people who inhabit a mountainous region spread over parts of Turkey, Iran, Iraq, Armenia, Azerbaijan and Syria.", false, "neg:Azerbaijan/Gloss"},
		// A church office, by two of an entry's markers.
		{"a church office, en", "en", "Catholicos (Eccl.): the spiritual head of the Armenian church, with ecclesiastical jurisdiction over the Armenians of Russia, Turkey and Persia.", false, "neg:Armenia/Reference entry(x2)"},
		// Etymologies, in every language.
		{"an etymology, en", "en", "ermine: etymology uncertain; cf. Latin mus Armenius, the animal being found in Armenia and the Caucasus, its fur traded with Europe.", false, "neg:Armenia/Gloss"},
		{"an etymology, fr", "fr", "Étymologie du mot « noyer » : l'arbre, originaire du Caucase et d'Arménie, est arrivé en Europe par la Perse.", false, "neg:Armenia/Gloss"},
		{"an etymology, es", "es", "Etimología de «nogal»: el árbol, originario del Cáucaso y de Armenia, llegó a Europa a través de Persia.", false, "neg:Armenia/Gloss"},
		{"an etymology, it", "it", "Etimologia di «noce»: l'albero, originario del Caucaso e dell'Armenia, arrivò in Europa attraverso la Persia.", false, "neg:Armenia/Gloss"},
		{"an etymology, pt", "pt", "Etimologia de «nogueira»: a árvore, nativa do Cáucaso e da Arménia, chegou à Europa através da Pérsia e da Rússia.", false, "neg:Armenia/Gloss"},
		{"an etymology, pl", "pl", "Etymologia słowa «orzech»: drzewo pochodzi z Kaukazu i Armenii, do Europy trafiło przez Persję i Rosję.", false, "neg:Armenia/Gloss"},
		{"an etymology, tr", "tr", "Etimoloji: ceviz ağacı Kafkasya ve Ermenistan kökenlidir, Avrupa'ya İran ve Rusya üzerinden gelmiştir.", false, "neg:Armenia/Gloss"},
		{"an etymology, az", "az", "Etimologiya: qoz ağacı Qafqazdan və Azərbaycandan Avropaya İran və Rusiya yolu ilə gəlib.", false, "neg:Azerbaijan/Gloss"},
		{"an etymology, hy", "hy", "Ստուգաբանություն. ընկուզենին Կովկասից և Հայաստանից է, Եվրոպա այն հասել է Ռուսաստանի միջոցով։", false, "neg:Armenia/Gloss"},
		{"an etymology, ka", "ka", "ეტიმოლოგია: კაკლის ხე კავკასიიდან და სომხეთიდანაა, ევროპაში რუსეთის გავლით მოხვდა.", false, "neg:Armenia/Gloss"},
		{"an etymology, de", "de", "Etymologie: Der Walnussbaum stammt aus dem Kaukasus und Armenien und kam über Persien nach Europa und Russland.", false, "neg:Armenia/Gloss"},
		// Folded Gəncə is the tail of a word cut at a line-end hyphen.
		{"a hyphenated word, en", "en", "The Regency council's intelli- gence reports went to parliament and the government every week.", false, "neg:Ganja in Azerbaijani/lang=en"},
		// The politics of the same words stay in.
		{"graves found in, en", "en", "Mass graves found in Aghdam were shown to OSCE diplomats, Azerbaijan's foreign ministry said.", true, "!neg:Azerbaijan/Reference entry(x2)"},
		{"the Catholicos and the PM, en", "en", "The government summoned the Catholicos, the spiritual head of the Armenian Church, after Pashinyan called for his resignation.", true, "person:Pashinyan"},
		{"the Catholicos, de", "de", "Die Regierung Armeniens wirft dem Katholikos, dem geistlichen Oberhaupt der Kirche, Putschpläne vor.", true, ""},
		{"endemic corruption, en", "en", "Corruption endemic to Georgia's judiciary drew EU criticism, and parliament passed the reform.", true, ""},
		{"a people who survived, en", "en", "Armenians, a people who survived genocide, fear a new exodus from Syunik as Azerbaijan masses troops on the border.", true, "!neg:Armenia/Gloss"},
		{"Ganja shelled, az", "az", "Gəncə şəhərinə raket zərbəsi endirildi, mülki əhali həlak oldu, Ermənistan ordusu günahlandırılır", true, "place:Ganja in Azerbaijani"},
		{"a minister's biography, en", "en", "A native of Gyumri, the new defence minister of Armenia was sworn in on Monday.", true, "!neg:Armenia/Gloss"},
	})
}

// TestForeignPoliticsInRegionLanguages: the script's weight assumes the
// region's own politics. Another state's elections, parliament,
// opposition, former president, prime minister or foreign policy named
// together, "official Tehran", sanctions on Iran or Ukraine's leaders make
// a post in Armenian, Georgian or Azerbaijani that state's, as a post that
// names Greece is Greece's; Türkiye's government word alone goes as
// Russia's does. The region's own foreign policy, and a post that names a
// place or a leader of the region, stay in.
func TestForeignPoliticsInRegionLanguages(t *testing.T) {
	runClassCases(t, []classCase{
		{"Türkiye's ex-president on early elections, az", "az", "Türkiyənin keçmiş prezidenti hesab edir ki, ölkədə növbədənkənar seçki keçirilməlidir", false, "neg:Azerbaijani language/Foreign politics"},
		{"Turkey's new cabinet, hy", "hy", "Թուրքիայի կառավարության նոր կազմը հաստատվեց", false, "neg:government (region languages)/Foreign states"},
		{"elections in Russia, hy", "hy", "Ռուսաստանում ընտրություններն ավարտվեցին, ընդդիմությունը բողոքում է", false, "neg:Armenian script/Foreign politics"},
		{"the US Secretary of State, ka", "ka", "აშშ-ის სახელმწიფო მდივანი გაეროს გენერალურ ასამბლეაზე სიტყვით გამოვიდა", false, "neg:Georgian script/Foreign politics"},
		{"European leaders and Tymoshenko, az", "az", "Avropa liderləri keçmiş baş nazir Timoşenkonun həbsinə görə sammiti boykot edib", false, "neg:Azerbaijani language/Foreign politics"},
		{"elections in Tehran, az", "az", "Tehranda prezident seçkilərinin nəticələrinə qarşı yeni yürüş keçirilib", false, "neg:elections/Foreign states"},
		{"Turkey's parliamentary elections, hy", "hy", "Թուրքիայում խորհրդարանական ընտրություններից հետո ընդդիմությունը հանրահավաք անցկացրեց", false, "neg:Armenian script/Foreign politics"},
		{"Turkey's parliament and government, ka", "ka", "თურქეთის პარლამენტმა ახალი მთავრობა დაამტკიცა", false, "neg:Georgian script/Foreign politics"},
		// The region's own foreign policy, or the region named.
		{"Azerbaijan and Iran, az", "az", "Azərbaycan ilə İran arasında münasibətlər gərginləşib, rəsmi Tehran Bakını ittiham edir", true, "place:Azerbaijan"},
		{"the PM meets Russia's president, hy", "hy", "Վարչապետը հանդիպել է Ռուսաստանի նախագահի հետ, քննարկվել են սահմանազատման հարցերը", true, ""},
		{"Russia in the occupied territories, ka", "ka", "რუსეთის ხელისუფლება ოკუპირებულ ტერიტორიებზე ბორდერიზაციას აგრძელებს", true, ""},
		{"Turkey keeps the border closed, hy", "hy", "Թուրքիայի կառավարությունը շարունակում է փակ պահել սահմանը", true, "topic:border"},
		{"sanctions on Russia at home, az", "az", "Hökumət Rusiyaya qarşı sanksiyalara qoşulmayacaq, müxalifət etiraz edir", true, ""},
		{"the European Parliament on arrests, ka", "ka", "ევროპარლამენტმა რეზოლუცია მიიღო ოპოზიციის ლიდერების დაპატიმრებაზე", true, ""},
		{"Erdoğan in Baku, az", "az", "Türkiyə prezidenti Ərdoğan Bakıda İlham Əliyevlə görüşüb", true, "person:Aliyev"},
		{"Iran's parliament on the border, az", "az", "İranın parlamenti Azərbaycanla sərhəd razılaşmasını təsdiqləyib", true, "place:Azerbaijan"},
		{"Russia's parliament and Armenia, hy", "hy", "Ռուսաստանի խորհրդարանը վավերացրել է Հայաստանի հետ պայմանագիրը", true, "place:Armenia"},
		{"elections in Tehran and relations, az", "az", "Tehranda keçirilən prezident seçkilərindən sonra Azərbaycan-İran münasibətləri gərginləşdi", true, ""},
	})
}

// TestRegionPoliticalVocabulary: news in the region's languages that names
// the country or the authorities with a political word the topic list
// lacked: the national army, integrity, independence in its oblique forms,
// the authorities in their definite forms, the country's head, asylum at an
// embassy, the high courts and the prosecutor general, the (pre-)electoral
// campaign, domestic politics, the four-day war. A town's executive, the
// powers of a constitution, Soviet power and another state's court stay
// out.
func TestRegionPoliticalVocabulary(t *testing.T) {
	runClassCases(t, []classCase{
		{"the national army, az", "az", "Azərbaycan Milli Ordusunun yaradılmasının ildönümü qeyd olunur", true, "topic:defence"},
		{"the authorities, az", "az", "Hakimiyyət bu məsələdə heç bir addım atmır, camaat bezib", true, "topic:government (region languages)"},
		{"asylum at an embassy, az", "az", "Camaat səfirliyə gedib sığınacaq istəyir", true, "topic:political prisoners"},
		{"the country's integrity, az", "az", "Azərbaycanın bütövlüyü uğrunda mübarizə davam edir", true, "with:Azerbaijan/State organs"},
		{"the country's head, az", "az", "Ölkə başçısı jurnalistlərin suallarını cavabsız qoydu", true, "topic:government (region languages)"},
		{"independence, az", "az", "Müstəqilliyimizin bərpasından otuz il keçir", true, "topic:statehood"},
		{"the prosecutor general, az", "az", "Baş Prokuror bu işlə bağlı açıqlama verdi", true, "topic:high courts"},
		{"the authorities, hy", "hy", "Իշխանությունը կրկին խոստացավ, բայց ոչինչ չարեց", true, "topic:government (region languages)"},
		{"independence day, hy", "hy", "Հայաստանի անկախության տարեդարձը նշվեց Հանրապետության հրապարակում", true, "topic:statehood"},
		{"the prosecutor general, hy", "hy", "Գլխավոր դատախազը հայտարարություն տարածեց այդ գործով", true, "topic:high courts"},
		{"domestic politics, hy", "hy", "Ներքաղաքական իրավիճակը շարունակում է լարված մնալ", true, "topic:government (region languages)"},
		{"the pre-election campaign, ka", "ka", "წინასაარჩევნო კამპანია ოფიციალურად დაიწყო", true, "topic:elections"},
		{"the constitutional court, ka", "ka", "საკონსტიტუციო სასამართლომ კანონი არაკონსტიტუციურად ცნო", true, "topic:high courts"},
		{"the national guard, ka", "ka", "ეროვნული გვარდიის ნაწილები ქალაქში შევიდნენ", true, "topic:defence"},
		{"the country's president, ka", "ka", "ქვეყნის პრეზიდენტმა კანონს ვეტო დაადო", true, "topic:government (region languages)"},
		{"the country's leadership, ka", "ka", "ქვეყნის ხელმძღვანელობა ამ საკითხზე დუმს", true, "topic:government (region languages)"},
		{"the prosecutor general, ru", "ru", "Генпрокурор Грузии подал в отставку", true, "topic:high courts"},
		{"the four-day war, en", "en", "The Four-Day War of April 2016 ended with Azerbaijan taking several heights", true, "event:Four-day war"},
		{"the four-day war, ru", "ru", "Четырехдневная война 2016 года: Азербайджан занял несколько высот", true, "event:Four-day war"},
		// Soviet power is history: in with the sixth round's rules, out now.
		{"Soviet power, ka", "ka", "საბჭოთა ხელისუფლების დროს სოფელში სკოლა გაიხსნა", false, "neg:government (region languages)/საბჭოთა"},
		// Guards of the new forms.
		{"Soviet power, az", "az", "Sovet hakimiyyəti qurulduqdan sonra kənddə məktəb açıldı", false, ""},
		{"a town's executive, az", "az", "Bakı Şəhər İcra Hakimiyyəti yolları təmir edir", false, ""},
		{"Soviet power, hy", "hy", "Խորհրդային իշխանության տարիներին գյուղում դպրոց բացվեց", false, ""},
		{"a thieves' amnesty, hy", "hy", "Համաներման մասին օրենքով ազատվեցին գողությունների համար դատապարտվածները", false, ""},
		{"a Turkmen president, az", "az", "Qurbanqulu hakimiyyətə gəldikdən sonra Türkmənistanda baletə qadağa ləğv edildi", false, ""},
	})
}
