package relevance

import "testing"

// TestDiplomaticRegisterInEveryLanguage covers issue 11's sixth round: the
// formal and diplomatic register (arms deliveries, mines, courts, military
// exercises, candidate status, the Eurasian Economic Union, displaced
// people, detention, observers, sanctions, border commissions, the Geneva
// talks) and the analysis that names one country and where it turns,
// written as a news agency or an op-ed writes them in each language of the
// rules. Every "in" case scored 2 to 2.5 with the fifth round's rules (the
// place, sometimes a power, and no topic word the rules knew in that
// language); each "out" case is a near-miss one of the new words would let
// in if it were looser: speed cameras, a storm coming closer, a church's
// teaching, a football team's manoeuvre, the Council of Europe's festival,
// an Austrian minister whose name folds to Lachin, the US state in Spanish.
func TestDiplomaticRegisterInEveryLanguage(t *testing.T) {
	runClassCases(t, []classCase{
		// Arms deliveries, as the news names them.
		{"armoured vehicles, fr", "fr", "La France livre des radars et des véhicules blindés à l'Arménie.", true, "topic:armaments"},
		{"armoured vehicles, de", "de", "Frankreich liefert Radare und gepanzerte Fahrzeuge an Armenien.", true, "topic:armaments"},
		{"armoured vehicles, uk", "uk", "Франція постачає Вірменії радари та бронетехніку.", true, "topic:armaments"},
		{"armoured vehicles, tr", "tr", "Fransa Ermenistan'a radar ve zırhlı araç teslim ediyor.", true, "topic:armaments"},
		{"military equipment, es", "es", "Israel sigue siendo el principal proveedor de material bélico de Azerbaiyán.", true, "topic:armaments"},
		{"speed cameras, fr", "fr", "Les radars automatiques se multiplient sur les routes de Géorgie.", false, "!topic:armaments"},
		{"speed cameras, es", "es", "Ruta por Georgia: los radares de velocidad están en todas partes.", false, "!topic:armaments"},

		// The Geneva International Discussions without their full name.
		{"Geneva talks, de", "de", "Vertreter Georgiens und Russlands trafen sich in Genf zu den Internationalen Gesprächen.", true, "topic:negotiation"},
		{"Geneva talks, fr", "fr", "Des représentants géorgiens et russes se sont retrouvés à Genève pour les discussions internationales.", true, "topic:negotiation"},
		{"an international call, tr", "tr", "Gürcistan'a uluslararası görüşme ücretleri düştü.", false, "!topic:negotiation"},

		// Mines and their maps.
		{"mine maps, de", "de", "Armenien hat die Minenkarten übergeben.", true, "topic:landmines"},
		{"anti-tank mine, en", "", "Two Azerbaijani civilians were killed when their truck hit an anti-tank mine.", true, "topic:landmines"},
		{"anti-tank mine, ru", "ru", "В Азербайджане двое мирных жителей погибли, подорвавшись на противотанковой мине.", true, "topic:landmines"},

		// International courts and the Council of Europe's assembly.
		{"ICJ, fr", "fr", "La Cour internationale de justice se prononce sur la plainte de l'Arménie.", true, "topic:international courts"},
		{"ECHR, ru", "ru", "Европейский суд по правам человека вынес решение против Грузии.", true, "topic:international courts"},
		{"PACE, tr", "tr", "AKPM Azerbaycan heyetinin yetki belgelerini onaylamadı.", true, "topic:international courts"},
		{"the Council of Europe's festival", "fr", "Le Conseil de l'Europe organise un festival de jazz à Tbilissi.", false, "!topic:international courts"},

		// Military exercises.
		{"joint exercise, tr", "tr", "Azerbaycan ve Türkiye ortak askeri tatbikat düzenledi.", true, "topic:military exercises"},
		{"joint exercise, ru", "ru", "Грузия проводит совместные учения с НАТО.", true, "topic:military exercises"},
		{"a church's teaching, ru", "ru", "Основы учения Армянской апостольской церкви изложены в катехизисе.", false, "!topic:military exercises"},
		{"a football team's manoeuvre, de", "de", "Die Mannschaft aus Armenien zeigte ein geschicktes Manöver in der zweiten Halbzeit.", false, "!topic:military exercises"},

		// A candidate country; the Eurasian Economic Union.
		{"candidate country, fr", "fr", "Le Conseil européen a accordé à la Géorgie le statut de pays candidat.", true, "topic:EU path"},
		{"accession candidate, de", "de", "Georgien erhielt im Dezember 2023 den Status eines Beitrittskandidaten.", true, "topic:EU path"},
		{"candidate country, ru", "ru", "Грузия получила статус страны-кандидата в ЕС.", true, "topic:EU path"},
		{"the EAEU, es", "es", "Armenia se plantea abandonar la Unión Económica Euroasiática.", true, "topic:regional blocs"},
		{"the EAEU, uk", "uk", "Вірменія може вийти з Євразійського економічного союзу.", true, "topic:regional blocs"},

		// Displaced people, detention, sanctions, borders.
		{"internally displaced, de", "de", "Die Binnenvertriebenen in Georgien leben noch in Sammelunterkünften.", true, "topic:displacement"},
		{"displaced, tr", "tr", "Azerbaycan'da yerinden edilmiş kişiler evlerine dönüyor.", true, "topic:displacement"},
		{"detained, de", "de", "Der Blogger wurde in Aserbaidschan inhaftiert.", true, "topic:repression"},
		{"in custody, en", "", "Armenia says 23 of its citizens remain in custody.", true, "topic:repression"},
		{"restrictive measures, de", "de", "Die USA verhängen Strafmaßnahmen gegen georgische Amtsträger.", true, "topic:sanctions"},
		{"border commission, fr", "fr", "La commission frontalière arménienne s'est réunie à Erevan.", true, "topic:border"},
		{"border incident, es", "es", "Incidente fronterizo en Armenia: un soldado herido.", true, "topic:border"},

		// Elections and their observers; Spanish, which calls the country
		// and the US state Georgia alike.
		{"observers and voters, uk", "uk", "Спостерігачі ОБСЄ повідомили про тиск на виборців у Грузії.", true, "topic:observers"},
		{"OSCE observers, es", "es", "Los observadores de la OSCE denunciaron presiones sobre los votantes en Georgia.", true, "with:Georgia/OSCE"},
		{"Georgia's parliament, es", "es", "El parlamento de Georgia aprobó la ley de transparencia.", true, "with:Georgia/parlamento"},
		{"the US state's voters, es", "es", "Los votantes de Georgia acudirán a las urnas para elegir gobernador en noviembre.", false, "!with:Georgia/"},

		// One country and where it turns.
		{"hedging, en", "", "Yerevan is hedging between Moscow and Brussels.", true, "topic:geopolitical orientation"},
		{"betting on Ankara, ru", "ru", "Баку делает ставку на Анкару.", true, "topic:geopolitical orientation"},
		{"turning away, fr", "fr", "Tbilissi se détourne de Bruxelles.", true, "topic:geopolitical orientation"},
		{"drifting, de", "de", "Georgien driftet Richtung Moskau.", true, "topic:geopolitical orientation"},
		{"moving away, es", "es", "Ereván se aleja de Moscú.", true, "topic:geopolitical orientation"},
		{"rapprochement, tr", "tr", "Tiflis Moskova'ya yakınlaşıyor.", true, "topic:geopolitical orientation"},
		{"distancing, uk", "uk", "Єреван дистанціюється від Москви.", true, "topic:geopolitical orientation"},
		{"a storm coming closer, fr", "fr", "Un orage se rapproche de Tbilissi ce soir, prévient le service météo.", false, "!topic:geopolitical orientation"},
		{"pivoting on a heel", "", "Pivoting on his heel, he entered the old stone building in Tbilisi.", false, "!topic:geopolitical orientation"},
		{"approximately, ka", "ka", "დაახლოებით 200 ტურისტი ეწვია თბილისის ბოტანიკურ ბაღს.", false, "!topic:geopolitical orientation"},

		// Names the other languages spell their own way.
		{"the Minsk Group, uk", "uk", "Мінська група ОБСЄ фактично припинила існування.", true, "institution:Minsk Group"},
		{"the United National Movement, fr", "fr", "Le Mouvement national uni boycotte le parlement.", true, "institution:United National Movement"},
		{"Zangezur, es", "es", "El corredor de Zanguezur sigue siendo un punto de fricción.", true, "place:Zangezur"},
		{"the Lachin corridor, az", "az", "Laçın dəhlizində nəzarət-buraxılış məntəqəsi yaradılıb.", true, "with:Lachin in Turkish and Azerbaijani/"},
		{"Laçın, a school", "tr", "Laçın'da yeni okul açıldı, öğrenciler sevinçli.", false, "place:Lachin in Turkish and Azerbaijani"},
		{"Lacina, a minister", "en", "Ferdinand Lacina, Austria's finance minister, met the bankers.", false, "neg:Lachin in Turkish and Azerbaijani/lang=en"},
	})
}

// TestOfficesElectionsAndTheEasternPartnership: an election of an office and
// its candidates in the region's languages (not "a choice" or "a candidate
// of sciences", the degree), and the EU's Eastern Partnership, in every
// language.
func TestOfficesElectionsAndTheEasternPartnership(t *testing.T) {
	runClassCases(t, []classCase{
		{"mayoral election, hy", "hy", "Սեպտեմբերի 18-ին Վաղարշապատում քաղաքապետի ընտրություն է։", true, "topic:elections"},
		{"mayoral candidates, hy", "hy", "Գյումրու քաղաքապետի թեկնածուների շուրջ խմորումները շարունակվում են։", true, "topic:elections"},
		{"presidential candidate, ru", "ru", "Кандидат в президенты провел митинг в Кутаиси.", true, "topic:elections"},
		{"candidate of sciences, hy", "hy", "Նա գիտությունների թեկնածու է, դասավանդում է Երևանի պետական համալսարանում։", false, "!topic:elections"},
		{"a choice, hy", "hy", "Երևանում գրքերի մեծ ընտրություն է ներկայացված։", false, "!topic:elections"},
		{"Eastern Partnership, en", "en", "The Eastern Partnership summit discussed Armenia and Azerbaijan's border talks.", true, "topic:EU path"},
		{"Eastern Partnership, ru", "ru", "Восточное партнерство: Грузия и Армения обсудили с ЕС визовый режим.", true, "topic:EU path"},
		{"Eastern Partnership, hy", "hy", "Նրանք ուզում են Ռուսաստանին ցույց տալ իրենց ձգտումը «Արևելյան գործընկերություն» ծրագրով։", true, "topic:EU path"},
		{"Eastern Partnership, de", "de", "Die Östliche Partnerschaft soll Georgien und Armenien näher an die EU bringen.", true, "topic:EU path"},
	})
}
