package relevance

import (
	"strings"
	"testing"
)

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
	c := mustBuiltin(t)
	tests := []struct {
		name  string
		text  string
		langs []string
		in    bool
		why   string // a reason prefix that must be there; "!prefix" must not be
	}{
		// Arms deliveries, as the news names them.
		{"armoured vehicles, fr", "La France livre des radars et des véhicules blindés à l'Arménie.", []string{"fr"}, true, "topic:armaments"},
		{"armoured vehicles, de", "Frankreich liefert Radare und gepanzerte Fahrzeuge an Armenien.", []string{"de"}, true, "topic:armaments"},
		{"armoured vehicles, uk", "Франція постачає Вірменії радари та бронетехніку.", []string{"uk"}, true, "topic:armaments"},
		{"armoured vehicles, tr", "Fransa Ermenistan'a radar ve zırhlı araç teslim ediyor.", []string{"tr"}, true, "topic:armaments"},
		{"military equipment, es", "Israel sigue siendo el principal proveedor de material bélico de Azerbaiyán.", []string{"es"}, true, "topic:armaments"},
		{"speed cameras, fr", "Les radars automatiques se multiplient sur les routes de Géorgie.", []string{"fr"}, false, "!topic:armaments"},
		{"speed cameras, es", "Ruta por Georgia: los radares de velocidad están en todas partes.", []string{"es"}, false, "!topic:armaments"},

		// The Geneva International Discussions without their full name.
		{"Geneva talks, de", "Vertreter Georgiens und Russlands trafen sich in Genf zu den Internationalen Gesprächen.", []string{"de"}, true, "topic:negotiation"},
		{"Geneva talks, fr", "Des représentants géorgiens et russes se sont retrouvés à Genève pour les discussions internationales.", []string{"fr"}, true, "topic:negotiation"},
		{"an international call, tr", "Gürcistan'a uluslararası görüşme ücretleri düştü.", []string{"tr"}, false, "!topic:negotiation"},

		// Mines and their maps.
		{"mine maps, de", "Armenien hat die Minenkarten übergeben.", []string{"de"}, true, "topic:landmines"},
		{"anti-tank mine, en", "Two Azerbaijani civilians were killed when their truck hit an anti-tank mine.", nil, true, "topic:landmines"},
		{"anti-tank mine, ru", "В Азербайджане двое мирных жителей погибли, подорвавшись на противотанковой мине.", []string{"ru"}, true, "topic:landmines"},

		// International courts and the Council of Europe's assembly.
		{"ICJ, fr", "La Cour internationale de justice se prononce sur la plainte de l'Arménie.", []string{"fr"}, true, "topic:international courts"},
		{"ECHR, ru", "Европейский суд по правам человека вынес решение против Грузии.", []string{"ru"}, true, "topic:international courts"},
		{"PACE, tr", "AKPM Azerbaycan heyetinin yetki belgelerini onaylamadı.", []string{"tr"}, true, "topic:international courts"},
		{"the Council of Europe's festival", "Le Conseil de l'Europe organise un festival de jazz à Tbilissi.", []string{"fr"}, false, "!topic:international courts"},

		// Military exercises.
		{"joint exercise, tr", "Azerbaycan ve Türkiye ortak askeri tatbikat düzenledi.", []string{"tr"}, true, "topic:military exercises"},
		{"joint exercise, ru", "Грузия проводит совместные учения с НАТО.", []string{"ru"}, true, "topic:military exercises"},
		{"a church's teaching, ru", "Основы учения Армянской апостольской церкви изложены в катехизисе.", []string{"ru"}, false, "!topic:military exercises"},
		{"a football team's manoeuvre, de", "Die Mannschaft aus Armenien zeigte ein geschicktes Manöver in der zweiten Halbzeit.", []string{"de"}, false, "!topic:military exercises"},

		// A candidate country; the Eurasian Economic Union.
		{"candidate country, fr", "Le Conseil européen a accordé à la Géorgie le statut de pays candidat.", []string{"fr"}, true, "topic:EU path"},
		{"accession candidate, de", "Georgien erhielt im Dezember 2023 den Status eines Beitrittskandidaten.", []string{"de"}, true, "topic:EU path"},
		{"candidate country, ru", "Грузия получила статус страны-кандидата в ЕС.", []string{"ru"}, true, "topic:EU path"},
		{"the EAEU, es", "Armenia se plantea abandonar la Unión Económica Euroasiática.", []string{"es"}, true, "topic:regional blocs"},
		{"the EAEU, uk", "Вірменія може вийти з Євразійського економічного союзу.", []string{"uk"}, true, "topic:regional blocs"},

		// Displaced people, detention, sanctions, borders.
		{"internally displaced, de", "Die Binnenvertriebenen in Georgien leben noch in Sammelunterkünften.", []string{"de"}, true, "topic:displacement"},
		{"displaced, tr", "Azerbaycan'da yerinden edilmiş kişiler evlerine dönüyor.", []string{"tr"}, true, "topic:displacement"},
		{"detained, de", "Der Blogger wurde in Aserbaidschan inhaftiert.", []string{"de"}, true, "topic:repression"},
		{"in custody, en", "Armenia says 23 of its citizens remain in custody.", nil, true, "topic:repression"},
		{"restrictive measures, de", "Die USA verhängen Strafmaßnahmen gegen georgische Amtsträger.", []string{"de"}, true, "topic:sanctions"},
		{"border commission, fr", "La commission frontalière arménienne s'est réunie à Erevan.", []string{"fr"}, true, "topic:border"},
		{"border incident, es", "Incidente fronterizo en Armenia: un soldado herido.", []string{"es"}, true, "topic:border"},

		// Elections and their observers; Spanish, which calls the country
		// and the US state Georgia alike.
		{"observers and voters, uk", "Спостерігачі ОБСЄ повідомили про тиск на виборців у Грузії.", []string{"uk"}, true, "topic:observers"},
		{"OSCE observers, es", "Los observadores de la OSCE denunciaron presiones sobre los votantes en Georgia.", []string{"es"}, true, "with:Georgia/OSCE"},
		{"Georgia's parliament, es", "El parlamento de Georgia aprobó la ley de transparencia.", []string{"es"}, true, "with:Georgia/parlamento"},
		{"the US state's voters, es", "Los votantes de Georgia acudirán a las urnas para elegir gobernador en noviembre.", []string{"es"}, false, "!with:Georgia/"},

		// One country and where it turns.
		{"hedging, en", "Yerevan is hedging between Moscow and Brussels.", nil, true, "topic:geopolitical orientation"},
		{"betting on Ankara, ru", "Баку делает ставку на Анкару.", []string{"ru"}, true, "topic:geopolitical orientation"},
		{"turning away, fr", "Tbilissi se détourne de Bruxelles.", []string{"fr"}, true, "topic:geopolitical orientation"},
		{"drifting, de", "Georgien driftet Richtung Moskau.", []string{"de"}, true, "topic:geopolitical orientation"},
		{"moving away, es", "Ereván se aleja de Moscú.", []string{"es"}, true, "topic:geopolitical orientation"},
		{"rapprochement, tr", "Tiflis Moskova'ya yakınlaşıyor.", []string{"tr"}, true, "topic:geopolitical orientation"},
		{"distancing, uk", "Єреван дистанціюється від Москви.", []string{"uk"}, true, "topic:geopolitical orientation"},
		{"a storm coming closer, fr", "Un orage se rapproche de Tbilissi ce soir, prévient le service météo.", []string{"fr"}, false, "!topic:geopolitical orientation"},
		{"pivoting on a heel", "Pivoting on his heel, he entered the old stone building in Tbilisi.", nil, false, "!topic:geopolitical orientation"},
		{"approximately, ka", "დაახლოებით 200 ტურისტი ეწვია თბილისის ბოტანიკურ ბაღს.", []string{"ka"}, false, "!topic:geopolitical orientation"},

		// Names the other languages spell their own way.
		{"the Minsk Group, uk", "Мінська група ОБСЄ фактично припинила існування.", []string{"uk"}, true, "institution:Minsk Group"},
		{"the United National Movement, fr", "Le Mouvement national uni boycotte le parlement.", []string{"fr"}, true, "institution:United National Movement"},
		{"Zangezur, es", "El corredor de Zanguezur sigue siendo un punto de fricción.", []string{"es"}, true, "place:Zangezur"},
		{"the Lachin corridor, az", "Laçın dəhlizində nəzarət-buraxılış məntəqəsi yaradılıb.", []string{"az"}, true, "with:Lachin in Turkish and Azerbaijani/"},
		{"Laçın, a school", "Laçın'da yeni okul açıldı, öğrenciler sevinçli.", []string{"tr"}, false, "place:Lachin in Turkish and Azerbaijani"},
		{"Lacina, a minister", "Ferdinand Lacina, Austria's finance minister, met the bankers.", []string{"en"}, false, "neg:Lachin in Turkish and Azerbaijani/lang=en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text, Langs: tt.langs})
			if d.In != tt.in {
				t.Errorf("in = %v (score %v, %v), want %v", d.In, d.Score, d.Reasons, tt.in)
			}
			if not, ok := strings.CutPrefix(tt.why, "!"); ok {
				if hasReason(d.Reasons, not) {
					t.Errorf("reasons %v have %q", d.Reasons, not)
				}
			} else if !hasReason(d.Reasons, tt.why) {
				t.Errorf("reasons %v lack %q", d.Reasons, tt.why)
			}
		})
	}
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
