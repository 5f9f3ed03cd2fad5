package relevance

import (
	"strings"
	"testing"
)

// A "with" context that a form of its own concept contains is found
// inside every occurrence of that form, so the form scores as if the
// context were always there: "video en bici" let in a cyclist's video
// (thirty-third round). The parser warns, with the line, and the rules
// still work as written.
func TestSelfSupportWarnings(t *testing.T) {
	const src = `[languages]
en = English
es = Spanish
[settings]
threshold.in = 3
[group g]
event 0 Bike livestream
  es: directo, vídeo en bici
  with +3 post: premier, bici
event 0 Windowed
  en: night signing
  with +3 +5: signing
event 0 Named
  en: Yerevan rally
  with +3 post: @City
place 0 City
  en: Yerevan
event 0 Clean
  en: statement
  with +3 post: Yerevan
`
	rs, err := ParseRules("x.rules", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	ws := rs.Warnings()
	if len(ws) != 2 {
		t.Fatalf("want 2 warnings (line 9, line 15), got %d: %v", len(ws), ws)
	}
	if ws[0].Line != 9 || !strings.Contains(ws[0].Msg, `"bici" is part of "vídeo en bici", a form of "Bike livestream"`) {
		t.Errorf("first warning: %v", ws[0])
	}
	if ws[1].Line != 15 || !strings.Contains(ws[1].Msg, `@City ("Yerevan") is part of "Yerevan rally"`) {
		t.Errorf("second warning: %v", ws[1])
	}
	// The rules work as written: the form alone is in.
	if d := classifyOne(t, New(rs), NewMemoryEnv(), Post{Text: "nuevo vídeo en bici por la montaña"}); !d.In {
		t.Errorf("the warned form should still count alone as written, got %+v", d)
	}

	// An edit is told only of what it brought in.
	fixed, err := ParseRules("y.rules", strings.NewReader(strings.Replace(src, "premier, bici", "premier", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := fixed.NewWarnings(rs); len(got) != 0 {
		t.Errorf("fixing a line brings in no warning, got %v", got)
	}
	if got := rs.NewWarnings(fixed); len(got) != 1 || got[0].Line != 9 {
		t.Errorf("breaking the line again brings in its warning, got %v", got)
	}
	if got := rs.NewWarnings(nil); len(got) != 2 {
		t.Errorf("against no rules every warning is new, got %v", got)
	}
}

// The builtin rules' self-supporting forms were each read once (issue 11,
// thirty-third round): these are deliberate, a story's own words that
// stand alone (a date with its year, "Armenien-Resolution"). Four that
// were not (sharks in an aquarium, a bike video, a five-year subscription,
// any airliner shot down) were fixed. A new one must be read before it is
// added here.
func TestBuiltinRulesWarningsReviewed(t *testing.T) {
	reviewed := map[string]bool{
		"Sanctioned billionaire in his castle": true, "Glass palace": true, "Bidzina": true,
		"Group violence charge": true, "Fuel and grain transit": true, "Years since Sumgait": true,
		"Fascist state to be destroyed": true, "Bureaus closed in Baku": true,
		"The president who does not recognise the vote": true, "Treaty eighty percent agreed": true,
		"1 September election": true, "Dissolved by January 1": true, "French resolutions on Armenia": true,
		"Second front": true, "Gyumri's mayor": true, "The first families return": true,
		"Special envoys and flights": true, "Armenia and Azerbaijan in Chinese shorthand": true,
		"Victory parade in Baku": true, "Erdogan's Aras poem": true, "Peacekeepers for five years": true,
		"Twelve priorities": true, "Footballer president": true, "27 October 1999": true,
		"Four-day war": true, "9 April 1989": true, "Bundestag resolution of 2016": true,
		"Azerbaijan": true, "Gyumri": true, "Georgian TV channels": true, "20 January": true,
		"8 August": true, "Margara": true, "AZAL": true, "constitution": true, "South Azerbaijan": true,
	}
	rs := mustBuiltinRules(t)
	for _, w := range rs.Warnings() {
		_, after, _ := strings.Cut(w.Msg, `, a form of "`)
		name, _, _ := strings.Cut(after, `" itself`)
		if !reviewed[name] {
			t.Errorf("builtin rules, unreviewed self-support (fix it, or read it and add %q here): %v", name, w)
		}
	}
}
