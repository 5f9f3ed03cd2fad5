package relevance

import "testing"

// TestItalianPortuguesePolish: the region's politics written in Italian,
// Portuguese (European and Brazilian) and Polish, which until issue 11's
// sixth round matched only through the place names those languages spell
// as English does ("Armenia", "Nagorno-Karabakh"): their own forms of the
// places (Gruzja, Azerbaigian, Erywań, Abcásia), of the topic words and of
// the contexts that keep near misses out. Italian and Portuguese
// Georgia/Geórgia is both the country and the US state; Polish Georgia is
// the state (the country is Gruzja).
func TestItalianPortuguesePolish(t *testing.T) {
	runClassCases(t, []classCase{
		// Politics: each of these scored below 3 before.
		{"EU accession suspended, it", "it", "Il governo georgiano ha sospeso i negoziati di adesione all'UE fino al 2028.", true, "topic:EU path"},
		{"foreign ministers, it", "it", "Il ministro degli esteri armeno ha incontrato l'omologo azero a Washington.", true, "topic:foreign minister"},
		{"Georgia's parliament, it", "it", "Il parlamento della Georgia approva la legge sugli agenti stranieri nonostante le proteste.", true, "with:Georgia/"},
		{"a 44-day war, it", "it", "La Russia perde influenza nel Caucaso meridionale dopo la guerra dei 44 giorni.", true, "event:44-day war"},
		{"drones, it", "it", "I droni turchi dell'Azerbaigian hanno cambiato la guerra del 2020.", true, "topic:armaments"},
		{"contested elections, pt", "pt", "A Geórgia realizou eleições parlamentares contestadas; a oposição denuncia fraude.", true, "with:Georgia/oposição"},
		{"EU accession suspended, pt", "pt", "O governo da Geórgia suspendeu as negociações de adesão à União Europeia.", true, "topic:EU path"},
		{"the EU and foreign agents, pt", "pt", "Sanções contra a Geórgia? A UE discute a lei dos agentes estrangeiros.", true, "with:Georgia/EU in Portuguese"},
		{"peace deal, pl", "pl", "Paszynian i Alijew podpisali w Waszyngtonie porozumienie pokojowe.", true, "person:Pashinyan"},
		{"EU accession suspended, pl", "pl", "Rząd Gruzji zawiesił negocjacje akcesyjne z UE do 2028 roku.", true, "place:Sakartvelo"},
		{"foreign agents law, pl", "pl", "Parlament Gruzji przyjął ustawę o agentach zagranicznych mimo protestów.", true, "topic:civil society"},
		{"protests in Tbilisi, pl", "pl", "W Tbilisi trwają protesty przeciwko ustawie o agentach zagranicznych.", true, "topic:protest"},
		{"elections and the opposition, pl", "pl", "Wybory w Gruzji: opozycja nie uznaje wyników, prezydent Zurabiszwili wzywa do protestów.", true, "person:Zourabichvili"},
		{"Georgian Dream, pl", "pl", "Kobachidze zapowiedział, że Gruzińskie Marzenie zdelegalizuje opozycję.", true, "institution:Georgian Dream"},
		{"sanctions, pl", "pl", "Sankcje USA wobec gruzińskich polityków za tłumienie protestów.", true, "topic:sanctions"},

		// Near misses in those languages.
		{"a proverb, it", "it", "Un vecchio proverbio armeno dice che la pazienza è amara ma il governo è dolce.", false, "neg:Armenia/Folklore"},
		{"a saying, pt", "pt", "Como diz o ditado georgiano: o hóspede é um presente de Deus, mas a fronteira é dos homens.", false, "neg:Sakartvelo/Folklore"},
		{"a proverb, pl", "pl", "Stare przysłowie ormiańskie mówi, że cierpliwość jest gorzka, a władza słodka.", false, "neg:Armenia/Folklore"},
		{"a Radio Yerevan joke, pl", "pl", "Kawał o Radiu Erywań: pytanie, czy w Armenii będą wybory? Odpowiedź: w zasadzie tak.", false, "neg:Armenia/Folklore"},
		{"a recipe, it", "it", "Ricetta del khachapuri georgiano: il piatto tipico della Georgia, con formaggio e uova.", false, "neg:Sakartvelo/Food"},
		{"a recipe, pl", "pl", "Przepis na gruzińskie chaczapuri: ser, jajko i masło. Kuchnia Gruzji jest pyszna, rząd też ją lubi.", false, "neg:Sakartvelo/Food"},
		{"a football match, it", "it", "Partita di Champions League: il Pyunik Erevan batte la squadra armena rivale 2-1.", false, "neg:Armenia/Pyunik"},
		{"a football match, pt", "pt", "Pyunik Erevan x Benfica: o jogo da Liga dos Campeões terminou 1 a 1.", false, "neg:Yerevan/Sport"},
		{"the national team, pt", "pt", "Jogo de futebol: a seleção da Armênia perdeu para Portugal por 3 a 0 na fronteira do apuramento.", false, "neg:Armenia/Sport"},
		{"a holiday in Tbilisi, it", "it", "Vacanza a Tbilisi: cosa vedere, dove mangiare e gli alberghi migliori vicino al parlamento.", false, "neg:Tbilisi/Travel"},
		{"a holiday in Georgia, pl", "pl", "Wakacje w Gruzji: Tbilisi, wino i góry Kaukazu. Najlepsze hotele przy granicy.", false, "neg:Sakartvelo/Travel"},
		{"a trip to Atlanta, pt", "pt", "Viagem a Atlanta, na Geórgia: o que ver em três dias perto do governo estadual.", false, "neg:Georgia/US Georgia"},
		{"the state senate, pt", "pt", "Na Geórgia, o senado estadual aprovou uma nova lei eleitoral para as eleições.", false, "neg:Georgia/"},
		{"the US state, pl", "pl", "Wybory w stanie Georgia: gubernator ogłosił wyniki.", false, "!place:Georgia"},
		{"member states, pt", "pt", "Membros do Conselho da Europa: Albânia, Andorra, Armênia, Áustria, Azerbaijão, Bélgica, Bósnia.", false, "neg:Armenia/Countries"},
		{"member states, pl", "pl", "Państwa członkowskie OBWE: Albania, Andora, Armenia, Austria, Azerbejdżan, Belgia, Białoruś.", false, "neg:Armenia/Countries"},
		{"the Eastern Partnership, pl", "pl", "Państwa Partnerstwa Wschodniego to Armenia, Azerbejdżan, Białoruś, Gruzja, Mołdawia i Ukraina.", false, "neg:Sakartvelo/Countries"},
		{"a country profile, pt", "pt", "A Armênia é um país sem saída para o mar; sua capital é Ierevan e a língua oficial é o armênio.", false, "neg:Armenia/Profile"},
		{"a country profile, pl", "pl", "Armenia to państwo bez dostępu do morza; stolica: Erywań, powierzchnia 29 743 km2, granica z Turcją.", false, "neg:Armenia/Profile"},
		{"a fuel tank, pl", "pl", "W baku zostało tylko pięć litrów paliwa, a na granicy nie ma stacji.", false, "neg:Baku/"},
		{"ancient history, it", "it", "Il regno d'Armenia e i re della dinastia artassiade difesero il confine contro Roma.", false, "neg:Armenia/Old history"},
		{"business, it", "it", "Il PIL dell'Azerbaigian cresce grazie al giacimento di gas; il governo festeggia.", false, "with:Azerbaijan/Business"},
		{"Italian pace is English pace", "en", "Armenia's economy grew at a steady pace, the government said.", false, "neg:peace (Italian)/"},
	})
}
