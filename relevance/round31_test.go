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
