package relevance

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// toyExamples: politics of a made-up place against its cafés, in several
// phrasings, so that no single word decides.
func toyExamples() []ModelExample {
	in := []string{
		"the ceasefire talks on the border resumed today",
		"ministers signed the border ceasefire protocol",
		"opposition protest against the ceasefire deal",
		"parliament votes on the peace talks tonight",
		"talks between the ministers stalled again over the border",
		"the protest outside parliament grew overnight",
		"another round of peace talks, another protest",
		"the ministers blame each other for the ceasefire breach",
	}
	out := []string{
		"the best cafe in town serves cake and coffee",
		"we had cake at a little cafe by the river",
		"coffee and pastries at the market this morning",
		"a new bakery opened, the bread is wonderful",
		"river walk then coffee, perfect sunday",
		"the market sells bread, honey and cheese",
		"birthday cake from the bakery by the river",
		"cheese and honey tasting at the cafe",
	}
	var ex []ModelExample
	for _, s := range in {
		ex = append(ex, ModelExample{Post: &Post{Text: s}, In: true})
	}
	for _, s := range out {
		ex = append(ex, ModelExample{Post: &Post{Text: s}, In: false})
	}
	return ex
}

func trainToy(t *testing.T) *TextModel {
	t.Helper()
	m, err := TrainModel(toyExamples(), TrainOptions{Bits: 14, Epochs: 20})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTrainModelSeparatesAndRoundTrips: a model trained on a few labelled
// posts ranks new posts of each kind the right way, survives being written
// and read back unchanged, and comes out the same twice.
func TestTrainModelSeparatesAndRoundTrips(t *testing.T) {
	m := trainToy(t)
	pol := &Post{Text: "Border talks: the ministers agreed a ceasefire"}
	cafe := &Post{Text: "Coffee and cake at the river cafe"}
	if p, q := m.Prob(pol), m.Prob(cafe); p < 0.8 || q > 0.2 {
		t.Fatalf("Prob(politics) = %.3f, Prob(cafe) = %.3f; want above 0.8 and below 0.2", p, q)
	}
	// The quoted post and the link card are read too.
	if p := m.Prob(&Post{Text: "look", Link: &Link{Title: "Ceasefire talks resume at the border"}}); p < 0.6 {
		t.Errorf("Prob(link card about talks) = %.3f, want above 0.6", p)
	}
	if p := m.Prob(&Post{Text: "so it begins", Quoted: pol}); p < 0.6 {
		t.Errorf("Prob(quote of politics) = %.3f, want above 0.6", p)
	}

	var a, b bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Post{pol, cafe} {
		if x, y := m.Prob(p), back.Prob(p); x != y {
			t.Errorf("%q: Prob %v before writing, %v after", p.Text, x, y)
		}
	}
	if _, err := trainToy(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same examples wrote different models")
	}
}

func TestTrainModelRefusesBadInput(t *testing.T) {
	if _, err := TrainModel(nil, TrainOptions{}); err == nil {
		t.Error("no examples: want an error")
	}
	if _, err := TrainModel(toyExamples(), TrainOptions{Bits: 40}); err == nil {
		t.Error("bits 40: want an error")
	}
}

// TestReadModelRejectsBadFiles: a damaged or foreign file is an error,
// never a panic or a half-read model.
func TestReadModelRejectsBadFiles(t *testing.T) {
	var good bytes.Buffer
	if _, err := trainToy(t).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	raw := func() []byte {
		zr, err := gzip.NewReader(bytes.NewReader(good.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(zr)
		return b.Bytes()
	}()
	bad := map[string][]byte{
		"empty":          nil,
		"not gzip":       []byte("feedgen-textmodel 1\n"),
		"other magic":    gz([]byte("something else entirely, and long enough")),
		"bits too large": gz(append([]byte(modelMagic), 60, 0, 0, 0, 0, 0, 0, 0x80, 0x3f)),
		"cut weights":    gz(raw[:len(raw)-10]),
		"trailing data":  gz(append(append([]byte{}, raw...), 1, 2, 3)),
		"cut gzip":       good.Bytes()[:good.Len()/2],
	}
	for name, b := range bad {
		if _, err := ReadModel(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

// TestModelLiftsOnlyOneStepBelow: the model speaks only for a post the rules
// scored at model.from or more but under threshold.in, with nothing
// cancelled; then a likely post gets bonus.model and the reason says so.
// toyModelSettings name the builtin model, consulted from 2.5 to under 3 at
// 0.9 with a bonus of 0.5: the band the model tests use.
const toyModelSettings = `[settings]
threshold.in = 3
model = south-caucasus
model.from = 2.5
model.min = 0.9
bonus.model = 0.5
`

// toyClassifier parses rules that name the builtin model and swaps in the
// toy model, so that what the model says is known.
func toyClassifier(t *testing.T, src string) *Classifier {
	t.Helper()
	r, err := ParseRules("x.rules", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if r.Model() == nil {
		t.Fatal("the rules name a model but have none")
	}
	return New(r.WithModel(trainToy(t)))
}

func TestModelLiftsOnlyOneStepBelow(t *testing.T) {
	src := toyModelSettings + `[languages]
en = English
[group g cap=5]
place 2.5 Zor
  en: Zor
  not 2: festival
place 1 Ka
  en: Ka
place 0.5 Vel
  en: Vel
`
	c := toyClassifier(t, src)
	cases := []struct {
		text    string
		in      bool
		lifted  bool
		comment string
	}{
		{"Zor: ministers agreed a border ceasefire", true, true, "2.5 and likely: lifted to 3"},
		{"Zor: cake and coffee at the river cafe", false, false, "2.5 but unlikely"},
		{"Zor and Ka: ministers agreed a border ceasefire", true, false, "3.5 is in without the model"},
		{"Vel: ministers agreed a border ceasefire", false, false, "0.5 is below model.from"},
		{"Zor festival, Ka: ministers agreed a border ceasefire", false, false, "the rules cancelled a mention: no lift"},
	}
	for _, tt := range cases {
		d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text})
		if d.In != tt.in || hasReason(d.Reasons, "model:") != tt.lifted {
			t.Errorf("%q (%s): in=%v %v, want in=%v lifted=%v", tt.text, tt.comment, d.In, d.Reasons, tt.in, tt.lifted)
		}
	}
	// Without bonus.model the same rules never consult it.
	off := toyClassifier(t, strings.Replace(src, "bonus.model = 0.5\n", "", 1))
	d := classifyOne(t, off, NewMemoryEnv(), Post{Text: cases[0].text})
	if d.In || hasReason(d.Reasons, "model:") {
		t.Errorf("no bonus.model: in=%v %v, want out and no model reason", d.In, d.Reasons)
	}
}

// TestModelNeedsTheRegionNamed: with model.needs, the model speaks only for
// a post that names a concept of the groups it lists; topic words alone
// that reach the band (a treaty, a border, a ceasefire elsewhere) are not
// lifted, however likely the model finds them.
func TestModelNeedsTheRegionNamed(t *testing.T) {
	src := toyModelSettings + `model.needs = places
[languages]
en = English
[group places cap=5]
place 1 Zor
  en: Zor
[group topics cap=5]
topic 1.5 ceasefire
  en: ceasefire
topic 1 border
  en: border
`
	c := toyClassifier(t, src)
	for _, tt := range []struct {
		text   string
		lifted bool
	}{
		{"ministers agreed a border ceasefire", false},
		{"Zor ministers agreed a ceasefire", true},
	} {
		d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text})
		if d.Score < 2.5 && !tt.lifted {
			t.Fatalf("%q scores %v: the case needs the band", tt.text, d.Score)
		}
		if hasReason(d.Reasons, "model:") != tt.lifted || d.In != tt.lifted {
			t.Errorf("%q: in=%v %v, want lifted=%v", tt.text, d.In, d.Reasons, tt.lifted)
		}
	}
	// The same rules without model.needs lift the topic words too.
	d := classifyOne(t, toyClassifier(t, strings.Replace(src, "model.needs = places\n", "", 1)), NewMemoryEnv(), Post{Text: "ministers agreed a border ceasefire"})
	if !hasReason(d.Reasons, "model:") {
		t.Errorf("without model.needs: %v, want the model's lift", d.Reasons)
	}
}

// TestModelSpeaksPastASubsumedMention: "not 0: @Genocide" on a topic word
// means the words are counted as the other concept, not that the post is
// something else; it does not keep the model silent, as a negative context
// ("festival") does (issue 11, eighteenth round). Posts on a genocide's
// recognition sat at 2.5 for that reason alone.
func TestModelSpeaksPastASubsumedMention(t *testing.T) {
	src := toyModelSettings + `[languages]
en = English
[group g cap=5]
event 2.5 Zor genocide
  en: Zor genocide
topic 1 atrocities
  en: genocide
  not 0: @Zor genocide
  not 2: festival
`
	c := toyClassifier(t, src)
	for _, tt := range []struct {
		text   string
		lifted bool
	}{
		{"the Zor genocide: ministers blame each other again", true},
		{"genocide festival, the Zor genocide: ministers blame each other again", false},
	} {
		d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text})
		if hasReason(d.Reasons, "model:") != tt.lifted || d.In != tt.lifted {
			t.Errorf("%q: in=%v %v, want lifted=%v", tt.text, d.In, d.Reasons, tt.lifted)
		}
	}
}

// TestModelFarStepNeedsMoreCertainty: two steps below threshold.in
// (model.far.from), the model must be surer (model.far.min) and lifts the
// post the whole way (bonus.model.far); a post it is only fairly sure of is
// lifted from one step below but not from two (issue 11, nineteenth round:
// posts that name one place or one leader and nothing else in the rules'
// lists, "Nikol again", "Tbilisi tonight", sat at 2).
func TestModelFarStepNeedsMoreCertainty(t *testing.T) {
	src := toyModelSettings + `model.far.from = 2
model.far.min = 0.99
bonus.model.far = 1
[languages]
en = English
[group g cap=5]
place 2.5 Zor
  en: Zor
place 2 Kar
  en: Kar
  not 2: festival
place 1.5 Vel
  en: Vel
`
	c := toyClassifier(t, src)
	for _, tt := range []struct {
		text    string
		lifted  bool
		comment string
	}{
		{"Kar: ministers agreed a border ceasefire", true, "2 and sure: lifted to 3"},
		{"Zor: the talks", true, "2.5 and fairly sure: lifted to 3"},
		{"Kar: the talks", false, "2 and only fairly sure"},
		{"Kar: cake and coffee at the river cafe", false, "2 but unlikely"},
		{"Vel: ministers agreed a border ceasefire", false, "1.5 is below model.far.from"},
		{"Kar festival: ministers agreed a border ceasefire", false, "the rules cancelled a mention"},
	} {
		d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text})
		if d.In != tt.lifted || hasReason(d.Reasons, "model:") != tt.lifted {
			t.Errorf("%q (%s): in=%v %v, want lifted=%v", tt.text, tt.comment, d.In, d.Reasons, tt.lifted)
		}
		if tt.lifted && d.Score != 3 {
			t.Errorf("%q: score %v, want 3", tt.text, d.Score)
		}
	}
	// Without bonus.model.far the far step is off; the near one stays.
	off := toyClassifier(t, strings.Replace(src, "bonus.model.far = 1\n", "", 1))
	if d := classifyOne(t, off, NewMemoryEnv(), Post{Text: "Kar: ministers agreed a border ceasefire"}); d.In {
		t.Errorf("no bonus.model.far: in %v, want out", d.Reasons)
	}
	if d := classifyOne(t, off, NewMemoryEnv(), Post{Text: "Zor: the talks"}); !d.In {
		t.Errorf("no bonus.model.far, one step below: out %v, want in", d.Reasons)
	}
}

// TestModelVetoSendsTheLeastToReview: a post the rules let in with less
// than model.veto.below, that the model finds unlike anything in, loses
// malus.model and waits in the review band; one the rules found more in,
// one the model finds likely, and one in which a concept of
// model.veto.skip occurs (the Armenian script, by letters or tag) stay in.
func TestModelVetoSendsTheLeastToReview(t *testing.T) {
	src := toyModelSettings + `model.veto.below = 3.5
model.veto.max = 0.05
malus.model = 0.5
model.veto.skip = Armenian script
[languages]
en = English
hy = Armenian
ka = Georgian
[group g cap=5]
place 3 Zor
  any: Zor
place 3.5 Kar
  en: Kar
place 0 Armenian script
  script: Armenian
  langs: hy
place 0 Georgian script
  script: Georgian
  langs: ka
`
	c := toyClassifier(t, src)
	for _, tt := range []struct {
		text    string
		langs   []string
		in      bool
		comment string
	}{
		{"Zor: cake and coffee at the river cafe", nil, false, "the least the rules let in, and unlikely: vetoed"},
		{"Zor: ministers agreed a border ceasefire", nil, true, "likely: kept"},
		{"Kar: cake and coffee at the river cafe", nil, true, "3.5 is not under model.veto.below"},
		{"Zor: cake and coffee at the river cafe", []string{"hy-AM"}, true, "a concept of model.veto.skip, by the post's language"},
		{"Zor: cake and coffee at the river cafe, սուրճ", []string{"en"}, true, "a concept of model.veto.skip, by its script, whatever the tag"},
		{"Zor: cake and coffee at the river cafe, ყავა", []string{"ka"}, false, "a concept model.veto.skip does not name"},
	} {
		d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text, Langs: tt.langs})
		if d.In != tt.in {
			t.Errorf("%q %v (%s): in=%v %v, want %v", tt.text, tt.langs, tt.comment, d.In, d.Reasons, tt.in)
		}
		if !tt.in && (d.Score != 2.5 || !d.Review || !hasReason(d.Reasons, "model:0.0")) {
			t.Errorf("%q: score %v review %v %v, want 2.5 in the review band with the model's reason", tt.text, d.Score, d.Review, d.Reasons)
		}
	}
	// Without malus.model the veto is off.
	off := toyClassifier(t, strings.Replace(src, "malus.model = 0.5\n", "", 1))
	if d := classifyOne(t, off, NewMemoryEnv(), Post{Text: "Zor: cake and coffee at the river cafe"}); !d.In {
		t.Errorf("no malus.model: out %v, want in", d.Reasons)
	}
}

// TestModelVetoSparesStoryClasses: a story class (a concept of a kind
// model.veto.skip.kinds names) that adds threshold.in by itself, its own
// weight and its contexts', spares the post the veto: the model never saw
// the story told without names. One that adds less, or a concept of
// another kind, does not.
func TestModelVetoSparesStoryClasses(t *testing.T) {
	src := toyModelSettings + `model.veto.below = 3.5
model.veto.max = 0.05
malus.model = 0.5
model.veto.skip.kinds = event
[languages]
en = English
[group g cap=5]
event 0 Paint on the chairman
  en: black paint
  with +3 post: election commission
event 0 Paint half told
  en: paint thrown
  with +1.5 post: chairman
place 1.5 Zor
  any: Zor
place 3 Kor
  any: Kor
`
	c := toyClassifier(t, src)
	for _, tt := range []struct {
		text    string
		in      bool
		comment string
	}{
		{"black paint at the river cafe, says the election commission", true, "the story class adds 3 by itself: spared"},
		{"Zor: paint thrown by the chairman at the river cafe", false, "the event adds 1.5, Zor the rest: vetoed"},
		{"Kor: cake and coffee at the river cafe", false, "a place, not a story class: vetoed"},
	} {
		d := classifyOne(t, c, NewMemoryEnv(), Post{Text: tt.text})
		if d.In != tt.in {
			t.Errorf("%q (%s): in=%v %v, want %v", tt.text, tt.comment, d.In, d.Reasons, tt.in)
		}
	}
	if _, err := ParseRules("x.rules", strings.NewReader(strings.Replace(src, "skip.kinds = event", "skip.kinds = story", 1))); err == nil || !strings.Contains(err.Error(), `model.veto.skip.kinds: no concept of kind "story"`) {
		t.Errorf("a kind no concept has: error %v", err)
	}
}

func TestModelSettingsErrors(t *testing.T) {
	base := "[languages]\nen = English\n[group g cap=5]\nplace 3 Zor\n  en: Zor\n"
	for _, tt := range []struct{ settings, want string }{
		{"model = nosuch\n", "none by that name"},
		{"bonus.model = 0.5\n", "no model is named"},
		{"model = south-caucasus\nmodel.min = 1.5\n", "between 0 and 1"},
		{"model.from = -1\n", "want a number"},
		{"model.needs = nosuch\n", "no group \"nosuch\" (the groups are g)"},
		{"model.needs = ,\n", "want the names of groups"},
		{"model = south-caucasus\nbonus.model.far = 1\nmodel.far.from = 2.5\n", "model.far.from (2.5) is not below model.from (2.5)"},
		{"model = south-caucasus\nbonus.model.far = 1\nmodel.far.from = 2\nmodel.far.min = 0.9\n", "model.far.min (0.9) is below model.min (0.95)"},
		{"bonus.model.far = 1\n", "no model is named"},
		{"malus.model = 0.5\nmodel.veto.below = 3.5\n", "no model is named"},
		{"model = south-caucasus\nmalus.model = 0.5\nmodel.veto.below = 3\n", "model.veto.below (3) is not above threshold.in (3)"},
		{"model = south-caucasus\nmalus.model = 1\nmodel.veto.below = 3.5\n", "malus.model (1) would take a post below threshold.review (2.5)"},
		{"model = south-caucasus\nmalus.model = 0.5\nmodel.veto.below = 3.5\nmodel.veto.max = 0.2\n", "model.veto.max (0.2) is not below 1 - model.min"},
		{"model = south-caucasus\nmalus.model = 0.5\nmodel.veto.below = 3.5\nmodel.veto.skip = Nosuch\n", `model.veto.skip: no concept "Nosuch"`},
	} {
		_, err := ParseRules("x.rules", strings.NewReader("[settings]\n"+tt.settings+base))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one saying %q", tt.settings, err, tt.want)
		}
	}
}

// TestBuiltinModel: the builtin rules consult their builtin model, and it
// tells the region's politics from its everyday life on posts written for
// this test (in the languages the feed reads), not ones it learnt from.
func TestBuiltinModel(t *testing.T) {
	r, err := Builtin(DefaultRules)
	if err != nil {
		t.Fatal(err)
	}
	if r.Model() == nil || r.Settings.ModelBonus <= 0 {
		t.Fatalf("builtin rules: model %v, bonus.model %v; want the builtin model consulted", r.Model(), r.Settings.ModelBonus)
	}
	m := r.Model()
	for _, tt := range []struct {
		text string
		in   bool
	}{
		{"The delimitation commission met again; Yerevan and Baku still argue over the enclaves and the transit road.", true},
		{"Грузинская оппозиция снова вышла к парламенту: задержаны ещё трое, суды штампуют штрафы.", true},
		{"Sərhəd komissiyası yenidən toplaşdı, sülh sazişinin imzalanması gecikir.", true},
		{"Made khachapuri for the first time, the dough is a disaster but the cheese is glorious.", false},
		{"Our cat knocked the Armenian brandy off the shelf again. Sunday ruined.", false},
		{"Der Zug von Tiflis nach Batumi war pünktlich, die Aussicht auf die Berge wunderschön.", false},
	} {
		if p := m.Prob(&Post{Text: tt.text}); (p >= 0.5) != tt.in {
			t.Errorf("%q: Prob %.3f, want in=%v", tt.text, p, tt.in)
		}
	}
}

// BenchmarkReadModel: reading the builtin model file, paid once a process.
func BenchmarkReadModel(b *testing.B) {
	raw, err := builtinFS.ReadFile("rules/" + DefaultRules + ".model")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkModelProb: the model on one post of about 40 words, paid only by
// posts the rules score in the band below the threshold.
func BenchmarkModelProb(b *testing.B) {
	m, err := BuiltinModel(DefaultRules)
	if err != nil {
		b.Fatal(err)
	}
	p := &Post{Text: "Yerevan and Baku traded accusations again after the border commission's meeting was postponed; the opposition says the government gives away too much, the government says the road through Syunik stays under Armenian law."}
	b.ReportAllocs()
	for b.Loop() {
		m.Prob(p)
	}
}
