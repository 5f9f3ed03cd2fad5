package relevance

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Rules is a parsed and compiled rules file: what makes a post relevant to
// one feed. It is immutable and safe for concurrent use. RELEVANCE.md
// describes the file format.
type Rules struct {
	// Name is the builtin name or file path the rules came from.
	Name string
	// Hash is the SHA-256 of the text the rules were parsed from, in hex:
	// what tells two versions of a feed's rules apart.
	Hash string
	// Settings are the thresholds, bonuses and guards of the [settings]
	// section, with defaults for what the file leaves out.
	Settings Settings

	langs    map[string]string // declared language codes
	suffixes map[string]*suffixClass
	prefixes map[string]*suffixClass // [prefixes]: letters attached before a word (Hebrew ו ב ל, Arabic و ب ل)
	glue     []string                // extra words known to the hashtag splitter
	groups   []*group
	concepts []*concept
	rules    []*ctxRule
	m        *matcher
	// model is the text model the "model" setting names; nil if none.
	model *TextModel
	// modelNeeds marks the groups of Settings.ModelNeeds by index; nil
	// when the setting is empty.
	modelNeeds []bool
	// vetoSkip marks the concepts of Settings.ModelVetoSkip by index; nil
	// when the setting is empty.
	vetoSkip []bool
	// vetoSkipKind marks the concepts of a kind of
	// Settings.ModelVetoSkipKinds by index; nil when none.
	vetoSkipKind []bool
	// warnings are what the rules' lint finds (Warnings), worked out on
	// first use: a feed that never shows them never pays for them. Shared
	// by the copies WithModel makes.
	warnings *lazyWarnings
}

type lazyWarnings struct {
	once sync.Once
	ws   []Warning
}

// Settings are a feed's thresholds, bonuses and guards.
type Settings struct {
	// In is the score an unlisted author's post needs to enter the feed.
	In float64
	// Review is the score at which a post that is not in goes to the
	// curators' review queue.
	Review float64
	// Expert is the score an expert-tier author's post needs: a weak topic
	// signal is enough.
	Expert float64
	// Community is the score a community author's post needs: an
	// unlisted author whom at least CommunityExperts of the feed's experts
	// follow. Between Expert and In: the experts vouch for the author,
	// not for each post. CommunityExperts 0 disables it.
	Community        float64
	CommunityExperts int
	// ThreadBonus is added for an unlisted author's reply whose thread root
	// or parent is in the feed.
	ThreadBonus float64
	// QuoteBonus is added when the quoted post is in the feed.
	QuoteBonus float64
	// CapPerHour is how many posts of one author may enter the feed in an
	// hour; 0 disables the cap.
	CapPerHour int
	// A post whose hashtags and mentions make up at least TagHeavyRatio of
	// its words, with at least TagHeavyMin of them, needs TagHeavyExtra more.
	TagHeavyRatio float64
	TagHeavyMin   int
	TagHeavyExtra float64
	// AdultLabels are the self-label values that keep a post out.
	AdultLabels []string
	// A post whose content scores at least ModelFrom but less than In,
	// with no mention cancelled, and that the text model the rules name
	// ("model = south-caucasus", [Rules.Model]) puts at ModelMin or more,
	// gets ModelBonus (reason "model:0.97(+0.5)"). ModelBonus 0 turns it
	// off.
	ModelFrom  float64
	ModelMin   float64
	ModelBonus float64
	// A post two steps below, scoring at least ModelFarFrom (below
	// ModelFrom), under the same conditions, gets ModelFarBonus when the
	// model puts it at ModelFarMin or more: the model must be surer the
	// less the rules found. ModelFarBonus 0 turns this step off.
	ModelFarFrom  float64
	ModelFarMin   float64
	ModelFarBonus float64
	// The other way: a post whose content scores at least In but less
	// than ModelVetoBelow, the least the rules let in, loses ModelMalus
	// (reason "model:0.00(-0.5)") when the model puts it under
	// ModelVetoMax: it goes to the review band, where curators and the
	// experts' likes decide. A post in which a concept ModelVetoSkip
	// names occurs, cancelled or not, is left alone: the builtin rules name
	// the region's own languages ("Armenian script": its letters or the
	// post's language tag), whose news register the model learnt from too
	// few texts to overrule the rules. ModelMalus 0 turns it off.
	ModelVetoBelow float64
	ModelVetoMax   float64
	ModelMalus     float64
	ModelVetoSkip  []string
	// ModelVetoSkipKinds are concept kinds ("model.veto.skip.kinds =
	// event"): a post to which one concept of one of them adds In or more
	// by itself, its own weight and its contexts', is left alone too. The
	// builtin rules name the events, story classes that count only beside
	// their story's context ("224 votes" beside an election): the model,
	// trained on names and topic words, knows too little of a story told
	// without them.
	ModelVetoSkipKinds []string
	// ModelNeeds are groups ("model.needs = core, region"): the model
	// speaks only for a post that names a concept of one of them, so that
	// topic and actor words alone (a treaty, a border, Russia) are not
	// lifted. Empty: any post in the band.
	ModelNeeds []string
}

// defaultCommunity is threshold.community when a rules file does not set
// it, kept between the file's threshold.expert and threshold.in.
const defaultCommunity = 2

// defaultSettings are used for keys a rules file does not set.
func defaultSettings() Settings {
	return Settings{
		In: 3, Review: 2.5, Expert: 1,
		Community: defaultCommunity, CommunityExperts: 3,
		ThreadBonus: 1.5, QuoteBonus: 1.5,
		CapPerHour:    12,
		TagHeavyRatio: 0.5, TagHeavyMin: 3, TagHeavyExtra: 1.5,
		AdultLabels: []string{"porn", "sexual", "nudity"},
		ModelFrom:   2.5, ModelMin: 0.95,
		ModelFarFrom: 2, ModelFarMin: 0.98,
	}
}

// suffixClass is a named list of endings for one language.
type suffixClass struct {
	name, lang string
	endings    []string // folded; "" is the bare stem
}

// group collects concepts whose summed weight is capped.
type group struct {
	name     string
	cap      float64
	hasCap   bool
	contexts []int // not lines that apply to every concept of the group
}

// concept is one thing a post can be about (a person, a place, a topic
// word), with its forms in every language.
type concept struct {
	kind, name string
	weight     float64
	group      int
	contexts   []int // indexes into Rules.rules
	line       int
	nforms     int
	// context: the concept is in a group capped at 0 (a genre, a list of
	// words that only changes what other mentions mean). Its own "not"
	// lines take its occurrences away from the contexts that name it ("not
	// a joke" is no joke).
	context bool
}

// ctxRule changes a concept's contribution when something else is near it.
type ctxRule struct {
	concept int
	cancel  bool    // "not": the occurrence does not count
	weight  float64 // "with": added once when the context is present
	window  int     // words between them; windowPost for anywhere
	dir     int     // 0 either side, 1 only after the occurrence, -1 only before
	count   int     // how many occurrences of the context it takes (1 or more)
	refs    []int   // concepts named with @Name
	langs   []string
	line    int
	// kind: a group's context that applies only to the group's concepts
	// of this kind ("person not -2: @Namesake": "our teacher" cancels a
	// name after it, not a place).
	kind string
	// subsumes: "not 0: @Armenian genocide", only other concepts on the
	// very words: the occurrence is counted as that concept instead. It
	// says nothing against the post, so it does not silence the text
	// model as a negative context does.
	subsumes bool
}

// windowPost is the window of a context that may be anywhere in the post.
const windowPost = math.MaxInt32

// ParseError is a problem in a rules file; its message names the file and
// the line.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Limits that keep a rules file from making matching slow or vague.
const (
	minPrefixRunes = 4    // "kara*" would match karaoke; "karabakh*" is fine
	maxWindow      = 1000 // words
	maxCount       = 16   // occurrences a context may ask for (x16)
	// A word of a form with its prefix and suffix classes, and the whole
	// file's expanded words: the builtin rules use 37 and about 62,000.
	maxWordForms     = 1024
	maxExpandedWords = 1_000_000
)

// WithModel returns a copy of the rules that consult m instead of the model
// they name: for trying a newly trained model (feedgen classify --model)
// before it is built in. The copy shares everything else.
func (rs *Rules) WithModel(m *TextModel) *Rules {
	c := *rs
	c.model = m
	return &c
}

// Model returns the text model the rules consult, or nil.
func (rs *Rules) Model() *TextModel { return rs.model }

// ParseRules reads a rules file. name is used in error messages (the file
// path, or the builtin name). Every problem is reported with its line.
func ParseRules(name string, r io.Reader) (*Rules, error) {
	p := &parser{
		file: name,
		rs: &Rules{
			Name:     name,
			Settings: defaultSettings(),
			langs:    map[string]string{},
			suffixes: map[string]*suffixClass{},
			prefixes: map[string]*suffixClass{},
			warnings: &lazyWarnings{},
		},
		byName:  map[string]int{},
		setKeys: map[string]bool{},
		m:       newMatcher(),
	}
	h := sha256.New()
	sc := bufio.NewScanner(io.TeeReader(r, h))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: name, Line: p.line + 1, Msg: "read: " + err.Error()}
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	p.rs.Hash = hex.EncodeToString(h.Sum(nil))
	return p.rs, nil
}

type parser struct {
	file    string
	line    int
	rs      *Rules
	section string // "settings", "languages", "suffixes", "prefixes", "hashtags", "group"
	group   int
	cur     *concept // concept whose indented lines follow
	byName  map[string]int
	setKeys map[string]bool
	m       *matcher
	// @Name references, resolved once every concept is known.
	pending []pendingRef
	words   int // expanded words of every form so far (countWords)
}

type pendingRef struct {
	rule int
	name string
	line int
}

func (p *parser) errf(format string, args ...any) error {
	return &ParseError{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, args...)}
}

// stripComment removes a comment: a '#' at the start of the line, or one
// after a space and followed by a space or the end. "#FreeAbzas" is not a
// comment, so a curator who writes a hashtag as a form gets an error rather
// than a silently ignored rest of line.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			continue
		}
		before := strings.TrimSpace(s[:i]) == "" || s[i-1] == ' ' || s[i-1] == '\t'
		after := i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' || s[i+1] == '#'
		if strings.TrimSpace(s[:i]) == "" || (before && after) {
			return s[:i]
		}
	}
	return s
}

func (p *parser) parseLine(raw string) error {
	if !utf8.ValidString(raw) {
		return p.errf("not valid UTF-8")
	}
	line := strings.TrimRight(stripComment(raw), " \t\r")
	if strings.TrimSpace(line) == "" {
		return nil
	}
	indented := line[0] == ' ' || line[0] == '\t'
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "[") {
		return p.parseSection(line)
	}
	if indented {
		if p.section == "group" && p.cur == nil {
			return p.parseGroupContext(line)
		}
		if p.section != "group" {
			return p.errf("indented line outside a concept: indent only the forms and contexts under a concept line")
		}
		return p.parseConceptLine(line)
	}
	switch p.section {
	case "":
		return p.errf("line before any [section]")
	case "settings":
		return p.parseSetting(line)
	case "languages":
		return p.parseLanguage(line)
	case "suffixes", "prefixes":
		return p.parseSuffixes(line)
	case "hashtags":
		for _, w := range splitList(line) {
			f := Fold(w)
			if f == "" || strings.Contains(f, " ") {
				return p.errf("hashtag word %q must be one word", w)
			}
			p.rs.glue = append(p.rs.glue, f)
		}
		return nil
	case "group":
		return p.parseConceptHeader(line)
	}
	return p.errf("unexpected line in [%s]", p.section)
}

func (p *parser) parseSection(line string) error {
	if !strings.HasSuffix(line, "]") {
		return p.errf("section header %q lacks its closing ]", line)
	}
	fields := strings.Fields(line[1 : len(line)-1])
	p.cur = nil
	if len(fields) == 0 {
		return p.errf("empty section header")
	}
	switch fields[0] {
	case "settings", "languages", "suffixes", "prefixes", "hashtags":
		if len(fields) != 1 {
			return p.errf("[%s] takes no arguments", fields[0])
		}
		p.section = fields[0]
		return nil
	case "group":
		if len(fields) < 2 || len(fields) > 3 {
			return p.errf("want [group NAME] or [group NAME cap=N]")
		}
		g := &group{name: fields[1]}
		for _, gg := range p.rs.groups {
			if gg.name == g.name {
				return p.errf("group %q declared twice", g.name)
			}
		}
		if len(fields) == 3 {
			v, ok := strings.CutPrefix(fields[2], "cap=")
			if !ok {
				return p.errf("unknown group option %q (want cap=N)", fields[2])
			}
			c, err := parseNumber(v)
			if err != nil || c < 0 {
				return p.errf("group cap %q: want a number >= 0", v)
			}
			g.cap, g.hasCap = c, true
		}
		p.rs.groups = append(p.rs.groups, g)
		p.group = len(p.rs.groups) - 1
		p.section = "group"
		return nil
	}
	return p.errf("unknown section [%s] (want settings, languages, suffixes, prefixes, hashtags or group NAME)", fields[0])
}

func parseNumber(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return v, nil
}

func (p *parser) parseSetting(line string) error {
	key, val, ok := strings.Cut(line, "=")
	if !ok {
		return p.errf("want key = value")
	}
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if p.setKeys[key] {
		return p.errf("setting %q set twice", key)
	}
	p.setKeys[key] = true
	s := &p.rs.Settings
	num := func(dst *float64) error {
		v, err := parseNumber(val)
		if err != nil || v < 0 {
			return p.errf("%s: want a number >= 0, got %q", key, val)
		}
		*dst = v
		return nil
	}
	unit := func(dst *float64, what string) error {
		if err := num(dst); err != nil {
			return err
		}
		if *dst > 1 {
			return p.errf("%s: %s is between 0 and 1", key, what)
		}
		return nil
	}
	switch key {
	case "threshold.in":
		return num(&s.In)
	case "threshold.review":
		return num(&s.Review)
	case "threshold.expert":
		return num(&s.Expert)
	case "threshold.community":
		return num(&s.Community)
	case "bonus.thread":
		return num(&s.ThreadBonus)
	case "bonus.quote":
		return num(&s.QuoteBonus)
	case "bonus.model":
		return num(&s.ModelBonus)
	case "model.from":
		return num(&s.ModelFrom)
	case "model.min":
		return unit(&s.ModelMin, "a probability")
	case "bonus.model.far":
		return num(&s.ModelFarBonus)
	case "model.far.from":
		return num(&s.ModelFarFrom)
	case "model.far.min":
		return unit(&s.ModelFarMin, "a probability")
	case "malus.model":
		return num(&s.ModelMalus)
	case "model.veto.below":
		return num(&s.ModelVetoBelow)
	case "model.veto.max":
		return unit(&s.ModelVetoMax, "a probability")
	case "model.veto.skip":
		s.ModelVetoSkip = splitList(val)
		return nil
	case "model.veto.skip.kinds":
		s.ModelVetoSkipKinds = splitList(val)
		return nil
	case "model":
		m, err := BuiltinModel(val)
		if err != nil {
			return p.errf("model: %v", err)
		}
		p.rs.model = m
		return nil
	case "guard.tag-heavy.ratio":
		return unit(&s.TagHeavyRatio, "a ratio")
	case "guard.tag-heavy.extra":
		return num(&s.TagHeavyExtra)
	case "guard.tag-heavy.min", "guard.cap-per-hour", "community.experts":
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 {
			return p.errf("%s: want a whole number >= 0, got %q", key, val)
		}
		switch key {
		case "guard.cap-per-hour":
			s.CapPerHour = n
		case "community.experts":
			s.CommunityExperts = n
		default:
			s.TagHeavyMin = n
		}
		return nil
	case "model.needs":
		s.ModelNeeds = splitList(val)
		if len(s.ModelNeeds) == 0 {
			return p.errf("model.needs: want the names of groups, comma-separated")
		}
		return nil
	case "guard.adult-labels":
		s.AdultLabels = nil
		for _, v := range splitList(val) {
			s.AdultLabels = append(s.AdultLabels, strings.ToLower(v))
		}
		return nil
	}
	return p.errf("unknown setting %q", key)
}

func (p *parser) parseLanguage(line string) error {
	code, desc, _ := strings.Cut(line, "=")
	code = strings.TrimSpace(code)
	if !isLangCode(code) || code == "any" {
		return p.errf("language code %q: want a lower-case code such as hy or az", code)
	}
	if _, dup := p.rs.langs[code]; dup {
		return p.errf("language %q declared twice", code)
	}
	p.rs.langs[code] = strings.TrimSpace(desc)
	return nil
}

func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// parseSuffixes reads "LANG NAME = ending ending ...", "-" being no ending.
func (p *parser) parseSuffixes(line string) error {
	head, body, ok := strings.Cut(line, "=")
	if !ok {
		return p.errf("want LANG NAME = endings")
	}
	hf := strings.Fields(head)
	if len(hf) != 2 {
		return p.errf("want LANG NAME = endings")
	}
	lang, name := hf[0], hf[1]
	if _, ok := p.rs.langs[lang]; !ok {
		return p.errf("unknown language %q (declare it in [languages])", lang)
	}
	_, dupS := p.rs.suffixes[name]
	_, dupP := p.rs.prefixes[name]
	if dupS || dupP {
		return p.errf("suffix or prefix class %q declared twice", name)
	}
	c := &suffixClass{name: name, lang: lang}
	seen := map[string]bool{}
	for _, e := range strings.Fields(body) {
		f := ""
		if e != "-" && e != "∅" {
			f = Fold(e)
			if f == "" || strings.Contains(f, " ") {
				return p.errf("ending %q must be letters only", e)
			}
		}
		if !seen[f] {
			seen[f] = true
			c.endings = append(c.endings, f)
		}
	}
	if len(c.endings) == 0 {
		return p.errf("suffix class %q has no endings", name)
	}
	if p.section == "prefixes" {
		p.rs.prefixes[name] = c
		return nil
	}
	p.rs.suffixes[name] = c
	return nil
}

// parseConceptHeader reads "KIND WEIGHT NAME".
func (p *parser) parseConceptHeader(line string) error {
	f := strings.Fields(line)
	if len(f) < 3 {
		return p.errf("want a concept line KIND WEIGHT NAME, e.g. \"person 3 Pashinyan\"")
	}
	kind := f[0]
	if !isKindWord(kind) {
		return p.errf("concept kind %q: want a lower-case word such as person, place or topic", kind)
	}
	w, err := parseNumber(f[1])
	if err != nil {
		return p.errf("concept weight %q is not a number", f[1])
	}
	name := strings.Join(f[2:], " ")
	if strings.ContainsAny(name, ",:@") {
		return p.errf("concept name %q may not contain , : or @", name)
	}
	key := strings.ToLower(name)
	if prev, dup := p.byName[key]; dup {
		return p.errf("concept %q already declared on line %d", name, p.rs.concepts[prev].line)
	}
	c := &concept{kind: kind, name: name, weight: w, group: p.group, line: p.line}
	p.rs.concepts = append(p.rs.concepts, c)
	p.byName[key] = len(p.rs.concepts) - 1
	p.cur = c
	return nil
}

// parseConceptLine reads an indented line under a concept:
//
//	LANG: form, form          forms in a language ("any" for all)
//	not WINDOW: form, @Name   cancel the occurrence near these
//	not lang: id, ms          cancel it when the post is in these languages
//	with ±W WINDOW: form      add W when these are near
func (p *parser) parseConceptLine(line string) error {
	head, body, ok := strings.Cut(line, ":")
	if !ok {
		return p.errf("want LANG: forms, not WINDOW: forms, or with WEIGHT WINDOW: forms")
	}
	hf := strings.Fields(head)
	ci := len(p.rs.concepts) - 1
	if len(hf) == 0 {
		return p.errf("missing language or context before ':'")
	}
	switch hf[0] {
	case "not", "with":
		return p.parseContext(ci, "", hf, body)
	}
	if len(hf) != 1 {
		return p.errf("unknown line head %q (want a language code, not or with)", head)
	}
	lang := hf[0]
	switch lang {
	case "script":
		return p.parseScripts(ci, body)
	case "langs":
		return p.parseLangTriggers(ci, body)
	}
	if _, ok := p.rs.langs[lang]; !ok && lang != "any" {
		return p.errf("unknown language %q (declare it in [languages], or use any)", lang)
	}
	if err := p.checkDigitComma(body); err != nil {
		return err
	}
	forms := splitList(body)
	if len(forms) == 0 {
		return p.errf("no forms after %q", lang+":")
	}
	for _, f := range forms {
		if strings.HasPrefix(f, "@") {
			return p.errf("%q: @Name refers to a concept and is only allowed in not/with lines", f)
		}
		words, err := p.compileForm(lang, f)
		if err != nil {
			return err
		}
		if shortNumber(words) {
			return p.errf("form %q: a bare number of one or two digits matches every such number", f)
		}
		p.m.add(pattern{words: words, concept: int32(ci), rule: -1, label: f})
		p.cur.nforms++
	}
	return nil
}

// parseScripts reads "script: Georgian, Armenian": a word in that Unicode
// script is an occurrence of the concept. The region's own alphabets say
// who a post is for even when it names no place.
func (p *parser) parseScripts(ci int, body string) error {
	names := splitList(body)
	if len(names) == 0 {
		return p.errf("no scripts after script:")
	}
	for _, n := range names {
		tab, ok := unicode.Scripts[n]
		if !ok || n == "Latin" || n == "Common" || n == "Inherited" {
			return p.errf("script %q: want a Unicode script name such as Georgian or Armenian (not Latin)", n)
		}
		p.m.add(pattern{script: tab, concept: int32(ci), rule: -1, label: "script=" + n})
		p.cur.nforms++
	}
	return nil
}

// parseLangTriggers reads "langs: az": a post whose langs include one of
// these is an occurrence of the concept, far from every word (only "post"
// contexts see it).
func (p *parser) parseLangTriggers(ci int, body string) error {
	codes := splitList(body)
	if len(codes) == 0 {
		return p.errf("no language codes after langs:")
	}
	for _, l := range codes {
		if !isLangCode(l) {
			return p.errf("language code %q: want a lower-case code such as az", l)
		}
		p.m.add(pattern{lang: l, concept: int32(ci), rule: -1, label: "langs=" + l})
		p.cur.nforms++
	}
	return nil
}

// parseGroupContext reads a not line indented under a [group] header,
// before its first concept: it applies to every concept of the group ("a
// region named in a recipe is a dish's origin", whichever region).
//
// A kind before "not" restricts it to the group's concepts of that kind:
// "person not -2: @Namesake" cancels a leader's name after "our teacher",
// but not a place ("our teacher fled Karabakh").
func (p *parser) parseGroupContext(line string) error {
	head, body, ok := strings.Cut(line, ":")
	hf := strings.Fields(head)
	kind := ""
	if len(hf) > 1 && hf[1] == "not" && isKindWord(hf[0]) {
		kind, hf = hf[0], hf[1:]
	}
	if !ok || len(hf) == 0 || hf[0] != "not" {
		return p.errf("under a [group] header and before its first concept only \"not WINDOW: forms\" lines (or \"KIND not WINDOW: forms\") may stand; they apply to every concept of the group (or of that kind)")
	}
	return p.parseContext(-1, kind, hf, body)
}

// isKindWord reports whether s can name a concept kind: lower-case letters.
func isKindWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func (p *parser) parseContext(ci int, kind string, hf []string, body string) error {
	r := &ctxRule{concept: ci, kind: kind, line: p.line}
	var win string
	switch {
	case hf[0] == "not" && len(hf) == 2:
		r.cancel = true
		win = hf[1]
	case hf[0] == "with" && len(hf) == 3:
		w, err := parseNumber(hf[1])
		if err != nil || w == 0 {
			return p.errf("with %q: want a non-zero weight such as +2 or -1", hf[1])
		}
		r.weight = w
		win = hf[2]
	case hf[0] == "not":
		return p.errf("want not WINDOW: forms (WINDOW is a number of words, or post)")
	default:
		return p.errf("want with WEIGHT WINDOW: forms (e.g. with +2 8: ...)")
	}
	ri := len(p.rs.rules)
	if err := p.checkDigitComma(body); err != nil {
		return err
	}
	items := splitList(body)
	if len(items) == 0 {
		return p.errf("no forms after ':'")
	}
	r.count = 1
	if w, k, ok := strings.Cut(win, "x"); ok && win != "lang" {
		n, err := strconv.Atoi(k)
		if err != nil || n < 1 || n > maxCount {
			return p.errf("window %q: the count after x must be a whole number from 1 to %d", win, maxCount)
		}
		win, r.count = w, n
	}
	switch {
	case win == "lang" && r.cancel:
		for _, l := range items {
			if !isLangCode(l) {
				return p.errf("language code %q: want a lower-case code such as id", l)
			}
			r.langs = append(r.langs, l)
		}
		r.window = windowPost
	case win == "post":
		r.window = windowPost
	default:
		if rest, ok := strings.CutPrefix(win, "+"); ok {
			win, r.dir = rest, 1
		} else if rest, ok := strings.CutPrefix(win, "-"); ok {
			win, r.dir = rest, -1
		}
		n, err := strconv.Atoi(win)
		if err != nil || n < 0 || n > maxWindow || strings.HasPrefix(win, "+") || strings.HasPrefix(win, "-") {
			return p.errf("window %q: want a number of words from 0 to %d (+N only after, -N only before, xK for K occurrences), or post", hf[len(hf)-1], maxWindow)
		}
		r.window = n
	}
	if r.langs == nil {
		r.subsumes = r.cancel && r.window == 0 && r.dir == 0 && r.count == 1 && !slices.ContainsFunc(items, func(f string) bool { return !strings.HasPrefix(f, "@") })
		for _, f := range items {
			if name, ok := strings.CutPrefix(f, "@"); ok {
				p.pending = append(p.pending, pendingRef{rule: ri, name: strings.TrimSpace(name), line: p.line})
				continue
			}
			words, err := p.compileForm("any", f)
			if err != nil {
				return err
			}
			p.m.add(pattern{words: words, concept: -1, rule: int32(ri), label: f})
		}
	}
	p.rs.rules = append(p.rs.rules, r)
	if ci < 0 {
		g := p.rs.groups[p.group]
		g.contexts = append(g.contexts, ri)
		return nil
	}
	p.cur.contexts = append(p.cur.contexts, ri)
	return nil
}

// compileForm turns one form as written ("Georgian Dream", "Армени{ru-ia}",
// "karabakh*") into word patterns.
func (p *parser) compileForm(lang, form string) ([]wordPat, error) {
	if strings.Contains(form, "#") {
		return nil, p.errf("form %q: drop the '#'; hashtags are split into words and matched like text", form)
	}
	var words []wordPat
	// "=TRIPP": words written in capitals must be written so in the post.
	caseSensitive := false
	if rest, ok := strings.CutPrefix(form, "="); ok {
		caseSensitive, form = true, rest
	}
	fields := strings.Fields(form)
	// In a phrase the other words keep a short prefix from matching
	// unrelated text ("Южн* Осети*"); alone it needs minPrefixRunes.
	minPrefix := minPrefixRunes
	if len(fields) > 1 {
		minPrefix = 2
	}
	for _, w := range fields {
		if w == "{number}" {
			words = append(words, wordPat{number: true})
			continue
		}
		caps := caseSensitive && isCaps(w)
		if caseSensitive && !caps {
			return nil, p.errf("form %q: \"=\" makes words in capitals case-sensitive, and %q has lower-case letters", "="+form, w)
		}
		pre, w, err := p.splitPrefixClass(lang, form, w)
		if err != nil {
			return nil, err
		}
		base, classes, prefix, err := p.splitMarker(w)
		if err != nil {
			return nil, err
		}
		if pre != nil && prefix {
			return nil, p.errf("form %q: a {prefix class} and '*' do not combine; write the words out", form)
		}
		var tz tokenizer
		tz.run(base, 0, nil)
		if len(tz.toks) == 0 {
			return nil, p.errf("form %q: %q has no letters", form, w)
		}
		for i, t := range tz.toks {
			folded := string(tz.buf[t.start:t.end])
			last := i == len(tz.toks)-1
			// A {prefix class} attaches to the word's first token.
			heads := []string{""}
			if i == 0 && pre != nil {
				heads = pre
			}
			switch {
			case last && prefix:
				if utf8.RuneCountInString(folded) < minPrefix {
					return nil, p.errf("form %q: a prefix needs at least %d letters before '*', or it matches unrelated words", form, minPrefix)
				}
				words = append(words, wordPat{prefix: []byte(folded), caps: caps})
			case last && classes != nil:
				wp := wordPat{forms: map[string]struct{}{}, caps: caps}
				for _, cn := range classes {
					c, ok := p.rs.suffixes[cn]
					if !ok {
						return nil, p.errf("form %q: unknown suffix class %q (declare it in [suffixes])", form, cn)
					}
					if lang != "any" && c.lang != lang {
						return nil, p.errf("form %q: suffix class %q is for %s, not %s", form, cn, c.lang, lang)
					}
					if len(wp.forms)+len(heads)*len(c.endings) > maxWordForms {
						return nil, p.errf("form %q: its classes make more than %d words of one; split it", form, maxWordForms)
					}
					for _, h := range heads {
						for _, e := range c.endings {
							wp.forms[h+folded+e] = struct{}{}
						}
					}
				}
				if err := p.countWords(form, len(wp.forms)); err != nil {
					return nil, err
				}
				words = append(words, wp)
			default:
				wp := wordPat{forms: map[string]struct{}{}, caps: caps}
				for _, h := range heads {
					wp.forms[h+folded] = struct{}{}
				}
				if err := p.countWords(form, len(wp.forms)); err != nil {
					return nil, err
				}
				words = append(words, wp)
			}
		}
	}
	if len(words) == 0 {
		return nil, p.errf("empty form")
	}
	return words, nil
}

// checkDigitComma rejects a line of forms or contexts with a comma between
// two digits (digitComma).
func (p *parser) checkDigitComma(body string) error {
	if n, ok := digitComma(body); ok {
		return p.errf("%q: a comma between digits splits the number into two forms; commas separate forms (write %s)", n, strings.ReplaceAll(n, ",", " "))
	}
	return nil
}

// digitComma finds a comma between two digits in a line of forms
// ("100,000"): a thousands separator, which would cut the number into two
// forms, "100" (every hundred) and "000 ..." (issue 11, sixteenth round).
// Written with a space, "100 000" matches 100,000, 100.000 and 100 000,
// since a post's number is cut into the same words.
func digitComma(s string) (string, bool) {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ',' || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
			continue
		}
		a, b := i-1, i+1
		for a > 0 && (isDigit(s[a-1]) || a > 1 && s[a-1] == ',' && isDigit(s[a-2])) {
			a--
		}
		for b+1 < len(s) && (isDigit(s[b+1]) || b+2 < len(s) && s[b+1] == ',' && isDigit(s[b+2])) {
			b++
		}
		return s[a : b+1], true
	}
	return "", false
}

// shortNumber reports whether a concept's form is only a number of one or
// two digits. Such a form matches every such number in every post. A comma
// between digits ("5,000 lari", which would become "5" and "000 lari") is
// caught before it by digitComma; this catches the bare number written as a
// form. Years and longer numbers stay allowed ("1915"), and so do contexts
// ("not +1: 1" for Formula 1).
func shortNumber(words []wordPat) bool {
	if len(words) != 1 || len(words[0].forms) != 1 {
		return false
	}
	for f := range words[0].forms {
		return len(f) <= 2 && isNumber([]byte(f))
	}
	return false
}

// isCaps reports whether a word as written has at least two letters and no
// lower-case one: an acronym.
func isCaps(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// countWords adds a form's expanded words to the file's total, which
// bounds what a rules file of a few hundred kilobytes may make the matcher
// hold: classes multiply (a class of a thousand prefixes before a class of
// a thousand endings is a million words from one form).
func (p *parser) countWords(form string, n int) error {
	p.words += n
	if p.words > maxExpandedWords {
		return p.errf("form %q: the file's forms expand to more than %d words; use fewer or shorter classes", form, maxExpandedWords)
	}
	return nil
}

// splitPrefixClass cuts "{he-p}פשיניאן" into the folded prefixes of the
// class (the bare word among them when the class lists "-") and the word.
func (p *parser) splitPrefixClass(lang, form, w string) ([]string, string, error) {
	if !strings.HasPrefix(w, "{") {
		return nil, w, nil
	}
	j := strings.IndexByte(w, '}')
	if j < 0 || j == len(w)-1 {
		return nil, "", p.errf("form %q: want {prefix class}word", form)
	}
	cn := strings.TrimSpace(w[1:j])
	c, ok := p.rs.prefixes[cn]
	if !ok {
		return nil, "", p.errf("form %q: unknown prefix class %q (declare it in [prefixes])", form, cn)
	}
	if lang != "any" && c.lang != lang {
		return nil, "", p.errf("form %q: prefix class %q is for %s, not %s", form, cn, c.lang, lang)
	}
	return c.endings, w[j+1:], nil
}

// splitMarker separates "stem{a,b}" and "stem*" into the stem and its
// inflection marker.
func (p *parser) splitMarker(w string) (base string, classes []string, prefix bool, err error) {
	if strings.HasSuffix(w, "*") {
		base = strings.TrimSuffix(w, "*")
		if strings.ContainsAny(base, "*{}") {
			return "", nil, false, p.errf("%q: use either {classes} or *, once, at the end of a word", w)
		}
		return base, nil, true, nil
	}
	if strings.HasSuffix(w, "}") {
		i := strings.IndexByte(w, '{')
		if i <= 0 {
			return "", nil, false, p.errf("%q: want stem{class} with the stem before '{'", w)
		}
		for _, c := range strings.Split(w[i+1:len(w)-1], ",") {
			c = strings.TrimSpace(c)
			if c == "" {
				return "", nil, false, p.errf("%q: empty suffix class name", w)
			}
			classes = append(classes, c)
		}
		base = w[:i]
		if strings.ContainsAny(base, "*{}") {
			return "", nil, false, p.errf("%q: use either {classes} or *, once, at the end of a word", w)
		}
		return base, classes, false, nil
	}
	if strings.ContainsAny(w, "*{}") {
		return "", nil, false, p.errf("%q: {classes} and * go at the end of a word", w)
	}
	return w, nil, false, nil
}

// splitList splits a comma-separated list and trims each item.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (p *parser) finish() error {
	rs := p.rs
	for _, pr := range p.pending {
		ci, ok := p.byName[strings.ToLower(pr.name)]
		if !ok {
			return &ParseError{File: p.file, Line: pr.line, Msg: fmt.Sprintf("@%s: no concept of that name", pr.name)}
		}
		r := rs.rules[pr.rule]
		if r.concept >= 0 && ci == r.concept {
			return &ParseError{File: p.file, Line: pr.line, Msg: fmt.Sprintf("@%s: a concept cannot be its own context", pr.name)}
		}
		r.refs = append(r.refs, ci)
	}
	if len(rs.concepts) == 0 {
		return &ParseError{File: p.file, Msg: "no concepts: declare a [group NAME] and concepts in it"}
	}
	for _, c := range rs.concepts {
		// A concept's own contexts come first, so its reasons name them.
		g := rs.groups[c.group]
		for _, ri := range g.contexts {
			if k := rs.rules[ri].kind; k == "" || k == c.kind {
				c.contexts = append(c.contexts, ri)
			}
		}
		c.context = g.hasCap && g.cap == 0
		if c.nforms == 0 {
			return &ParseError{File: p.file, Line: c.line, Msg: fmt.Sprintf("concept %q has no forms", c.name)}
		}
	}
	for gi, g := range rs.groups {
		for _, ri := range g.contexts {
			r := rs.rules[ri]
			if r.kind != "" && !slices.ContainsFunc(rs.concepts, func(c *concept) bool { return c.group == gi && c.kind == r.kind }) {
				return &ParseError{File: p.file, Line: r.line, Msg: fmt.Sprintf("%s not: group %q has no concept of kind %q", r.kind, g.name, r.kind)}
			}
		}
	}
	if err := p.checkSelfCancel(); err != nil {
		return err
	}
	if !p.setKeys["threshold.community"] {
		rs.Settings.Community = max(rs.Settings.Expert, min(defaultCommunity, rs.Settings.In))
	}
	s := rs.Settings
	switch {
	case s.In <= 0:
		return &ParseError{File: p.file, Msg: "threshold.in must be above 0, or every post is in"}
	case s.Review > s.In:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("threshold.review (%v) is above threshold.in (%v)", s.Review, s.In)}
	case s.Expert > s.In:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("threshold.expert (%v) is above threshold.in (%v): experts would need more than anyone", s.Expert, s.In)}
	case s.Community > s.In:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("threshold.community (%v) is above threshold.in (%v): community authors would need more than strangers", s.Community, s.In)}
	case s.Community < s.Expert:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("threshold.community (%v) is below threshold.expert (%v): the authors experts follow would need less than the experts", s.Community, s.Expert)}
	case (s.ModelBonus > 0 || s.ModelFarBonus > 0 || s.ModelMalus > 0) && rs.model == nil:
		return &ParseError{File: p.file, Msg: "bonus.model or malus.model is set but no model is named (model = NAME)"}
	case s.ModelMalus > 0 && s.ModelVetoBelow <= s.In:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("model.veto.below (%v) is not above threshold.in (%v): the veto would reach no post", s.ModelVetoBelow, s.In)}
	case s.ModelMalus > s.In-s.Review:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("malus.model (%v) would take a post below threshold.review (%v): the veto sends posts to the review band, not out", s.ModelMalus, s.Review)}
	case s.ModelMalus > 0 && s.ModelVetoMax >= 1-s.ModelMin:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("model.veto.max (%v) is not below 1 - model.min (%v): the model must be as sure to keep a post out as to let one in", s.ModelVetoMax, round2(1-s.ModelMin))}
	case s.ModelFarBonus > 0 && s.ModelFarFrom >= s.ModelFrom:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("model.far.from (%v) is not below model.from (%v)", s.ModelFarFrom, s.ModelFrom)}
	case s.ModelFarBonus > 0 && s.ModelFarMin < s.ModelMin:
		return &ParseError{File: p.file, Msg: fmt.Sprintf("model.far.min (%v) is below model.min (%v): the model would need less where the rules found less", s.ModelFarMin, s.ModelMin)}
	}
	if err := p.resolveModelNeeds(); err != nil {
		return err
	}
	if err := p.resolveVetoSkip(); err != nil {
		return err
	}
	p.m.finish(rs.glue)
	rs.m = p.m
	slices.Sort(rs.Settings.AdultLabels)
	return nil
}

// resolveModelNeeds maps model.needs to the groups it names.
func (p *parser) resolveModelNeeds() error {
	rs := p.rs
	if len(rs.Settings.ModelNeeds) == 0 {
		return nil
	}
	rs.modelNeeds = make([]bool, len(rs.groups))
	for _, name := range rs.Settings.ModelNeeds {
		i := slices.IndexFunc(rs.groups, func(g *group) bool { return strings.EqualFold(g.name, name) })
		if i < 0 {
			names := make([]string, len(rs.groups))
			for j, g := range rs.groups {
				names[j] = g.name
			}
			return &ParseError{File: p.file, Msg: fmt.Sprintf("model.needs: no group %q (the groups are %s)", name, strings.Join(names, ", "))}
		}
		rs.modelNeeds[i] = true
	}
	return nil
}

// resolveVetoSkip marks the concepts model.veto.skip names, and those
// of the kinds model.veto.skip.kinds names.
func (p *parser) resolveVetoSkip() error {
	rs := p.rs
	if kinds := rs.Settings.ModelVetoSkipKinds; len(kinds) > 0 {
		rs.vetoSkipKind = make([]bool, len(rs.concepts))
		for _, k := range kinds {
			found := false
			for ci, cn := range rs.concepts {
				if cn.kind == k {
					rs.vetoSkipKind[ci], found = true, true
				}
			}
			if !found {
				return &ParseError{File: p.file, Msg: fmt.Sprintf("model.veto.skip.kinds: no concept of kind %q", k)}
			}
		}
	}
	if len(rs.Settings.ModelVetoSkip) == 0 {
		return nil
	}
	rs.vetoSkip = make([]bool, len(rs.concepts))
	for _, name := range rs.Settings.ModelVetoSkip {
		ci, ok := p.byName[strings.ToLower(name)]
		if !ok {
			return &ParseError{File: p.file, Msg: fmt.Sprintf("model.veto.skip: no concept %q", name)}
		}
		rs.vetoSkip[ci] = true
	}
	return nil
}

// checkSelfCancel refuses a "not" context that matches a word of its own
// concept's forms (not 3: Jordan* under a concept whose form is Jordania):
// the context would be found at the occurrence itself, and every occurrence
// of that form would cancel itself. Only contexts that can see the
// occurrence's own place are checked: a window on either side, one
// occurrence wanted, a form of one word.
func (p *parser) checkSelfCancel() error {
	rs := p.rs
	own, ctx := patternsByOwner(rs, p.m.patterns)
	for ci, c := range rs.concepts {
		for _, ri := range c.contexts {
			r := rs.rules[ri]
			if !r.cancel || r.dir != 0 || r.count > 1 || r.langs != nil {
				continue
			}
			for _, xi := range ctx[ri] {
				x := &p.m.patterns[xi]
				if len(x.words) != 1 {
					continue
				}
				for _, oi := range own[ci] {
					o := &p.m.patterns[oi]
					for k := range o.words {
						if covers(&x.words[0], &o.words[k]) {
							return &ParseError{File: p.file, Line: r.line, Msg: fmt.Sprintf("not: %q matches %q, a form of %q itself, so every occurrence of that form would cancel itself; use a window with + or -, or a longer form", x.label, o.label, c.name)}
						}
					}
				}
			}
		}
	}
	return nil
}

// patternsByOwner indexes the word patterns: own[c] are concept c's
// forms, ctx[r] context rule r's own words.
func patternsByOwner(rs *Rules, pats []pattern) (own, ctx [][]int32) {
	own = make([][]int32, len(rs.concepts))
	ctx = make([][]int32, len(rs.rules))
	for i, pt := range pats {
		switch {
		case len(pt.words) == 0:
		case pt.concept >= 0:
			own[pt.concept] = append(own[pt.concept], int32(i))
		default:
			ctx[pt.rule] = append(ctx[pt.rule], int32(i))
		}
	}
	return own, ctx
}

// covers reports whether context word x matches a word that word o of a
// concept's form matches: all of them when o is a prefix, one of them when
// o is a set of exact words.
func covers(x, o *wordPat) bool {
	if x.caps && !o.caps {
		return false
	}
	switch {
	case x.number:
		return o.number
	case o.number:
		return false
	case x.prefix != nil && o.prefix != nil:
		return bytes.HasPrefix(o.prefix, x.prefix)
	case x.prefix != nil:
		pre := string(x.prefix)
		for f := range o.forms {
			if strings.HasPrefix(f, pre) {
				return true
			}
		}
		return false
	case o.prefix != nil:
		return false
	}
	for f := range o.forms {
		if _, ok := x.forms[f]; ok {
			return true
		}
	}
	return false
}

// Languages returns the declared language codes, sorted.
func (r *Rules) Languages() []string {
	out := make([]string, 0, len(r.langs))
	for l := range r.langs {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Warning is something in a rules file that parses but is likely not what
// its author meant; the rules work as written.
type Warning struct {
	Line int    `json:"line"`
	Msg  string `json:"message"`
}

func (w Warning) String() string { return fmt.Sprintf("line %d: %s", w.Line, w.Msg) }

// Warnings lists what the rules' lint finds, in line order: lines that
// parse and work as written but are likely not what their author meant.
// It is worked out on the first call (a few tens of milliseconds for the
// builtin rules).
func (rs *Rules) Warnings() []Warning {
	rs.warnings.once.Do(func() { rs.warnings.ws = rs.selfSupport() })
	return rs.warnings.ws
}

// NewWarnings lists the warnings of rs that old does not have (compared
// by message, whatever their lines): what an edit brought in. With old nil
// it is every warning.
func (rs *Rules) NewWarnings(old *Rules) []Warning {
	if old == nil {
		return rs.Warnings()
	}
	seen := map[string]int{}
	for _, w := range old.Warnings() {
		seen[w.Msg]++
	}
	var out []Warning
	for _, w := range rs.Warnings() {
		if seen[w.Msg] > 0 {
			seen[w.Msg]--
			continue
		}
		out = append(out, w)
	}
	return out
}

// selfSupport finds the "with" contexts that a form of their own concept
// contains (with +1.5: signed, under a concept whose form is "ночью
// подписали"): either side of the occurrence, the context is found inside
// the occurrence itself, so that form scores as if its context were always
// there. The rules keep working; the form is simply worth its weight plus
// the context's, which a rule's author rarely means. Contexts that name
// other concepts (@Name) are checked on those concepts' forms.
func (rs *Rules) selfSupport() []Warning {
	pats := rs.m.patterns
	own, ctx := patternsByOwner(rs, pats)
	vocab := make([]*formVocab, len(rs.concepts))
	var out []Warning
	for ci, c := range rs.concepts {
		for _, ri := range c.contexts {
			r := rs.rules[ri]
			if r.cancel || r.weight <= 0 || r.dir != 0 || r.count > 1 || r.langs != nil {
				continue
			}
			// Most contexts share no word with the concept's forms: a look-up
			// in the forms' words rules them out before the phrase check.
			if vocab[ci] == nil {
				vocab[ci] = newFormVocab(pats, own[ci])
			}
			var cands []int32
			for _, list := range append([][]int32{ctx[ri]}, refLists(own, r.refs)...) {
				for _, xi := range list {
					if vocab[ci].mayCover(&pats[xi].words[0]) {
						cands = append(cands, xi)
					}
				}
			}
			var first string
			var forms []string
			for _, oi := range own[ci] {
				o := &pats[oi]
				for _, xi := range cands {
					x := &pats[xi]
					if !inside(x.words, o.words) {
						continue
					}
					if first == "" {
						first = fmt.Sprintf("%q", x.label)
						if x.concept >= 0 {
							first = fmt.Sprintf("@%s (%q)", rs.concepts[x.concept].name, x.label)
						}
					}
					if !slices.Contains(forms, o.label) {
						forms = append(forms, o.label)
					}
					break
				}
			}
			if len(forms) == 0 {
				continue
			}
			what := fmt.Sprintf("%q", forms[0])
			if len(forms) > 1 {
				what = fmt.Sprintf("%q and %d more (%s)", forms[0], len(forms)-1, strings.Join(forms[1:min(len(forms), 4)], ", "))
			}
			out = append(out, Warning{Line: r.line, Msg: fmt.Sprintf(
				"with: %s is part of %s, a form of %q itself, so that form always has this context and counts %v more on its own; use a window with + or -, or leave the form out of the context",
				first, what, c.name, r.weight)})
		}
	}
	slices.SortStableFunc(out, func(a, b Warning) int { return cmp.Compare(a.Line, b.Line) })
	return out
}

// refLists returns the form lists of the concepts a context names.
func refLists(own [][]int32, refs []int) [][]int32 {
	out := make([][]int32, len(refs))
	for i, rc := range refs {
		out[i] = own[rc]
	}
	return out
}

// formVocab is every word a concept's forms match: their exact words, in
// order, and their prefixes.
type formVocab struct {
	exact    []string
	prefixes [][]byte
	number   bool
}

func newFormVocab(pats []pattern, own []int32) *formVocab {
	v := &formVocab{}
	for _, oi := range own {
		for _, w := range pats[oi].words {
			switch {
			case w.number:
				v.number = true
			case w.prefix != nil:
				v.prefixes = append(v.prefixes, w.prefix)
			default:
				for f := range w.forms {
					v.exact = append(v.exact, f)
				}
			}
		}
	}
	slices.Sort(v.exact)
	v.exact = slices.Compact(v.exact)
	return v
}

// mayCover reports whether context word x could match a word of the forms
// (covers on some word of some form); false means it cannot.
func (v *formVocab) mayCover(x *wordPat) bool {
	switch {
	case x.number:
		return v.number
	case x.prefix != nil:
		for _, p := range v.prefixes {
			if bytes.HasPrefix(p, x.prefix) {
				return true
			}
		}
		i, _ := slices.BinarySearch(v.exact, string(x.prefix))
		return i < len(v.exact) && strings.HasPrefix(v.exact[i], string(x.prefix))
	}
	for f := range x.forms {
		if _, ok := slices.BinarySearch(v.exact, f); ok {
			return true
		}
	}
	return false
}

// inside reports whether the phrase x matches words that a phrase o
// matches, at some place within o.
func inside(x, o []wordPat) bool {
	for k := 0; k+len(x) <= len(o); k++ {
		all := true
		for i := range x {
			if !covers(&x[i], &o[k+i]) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
