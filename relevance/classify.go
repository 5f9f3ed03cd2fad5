package relevance

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// Env is what the classifier needs to know beyond the post: the author's
// tier and the feed's recent state. The indexer backs it with the store,
// `feedgen classify` with a [MemoryEnv]. An Env belongs to one feed.
type Env interface {
	// Tier returns the author's curation tier; model.TierNone if unlisted.
	Tier(author syntax.DID) (model.Tier, error)
	// InFeed reports whether a post is in the feed.
	InFeed(uri syntax.ATURI) (bool, error)
	// AcceptedSince counts the author's posts that entered the feed at or
	// after since.
	AcceptedSince(author syntax.DID, since time.Time) (int, error)
	// ExpertFollowers counts the feed's experts (tier all or expert) who
	// follow the author. It is asked only when the answer could let a
	// post in.
	ExpertFollowers(author syntax.DID) (int, error)
}

// Input is one post to judge, with who wrote it and when.
type Input struct {
	URI    syntax.ATURI
	Author syntax.DID
	// Time is when the post was seen; the per-author cap counts the hour
	// before it.
	Time time.Time
	Post Post
}

// Decision is the verdict on one post.
type Decision struct {
	// In is whether the post belongs in the feed.
	In bool
	// Review is set for a post from an unlisted author that is not in but
	// scored between clearly out and clearly in, for the curators' queue.
	Review bool
	// Score is the post's score: its content plus thread and quote bonuses.
	Score float64
	// Reasons say why, as short stable strings: "tier:expert",
	// "thread:root-in-feed", "person:Pashinyan(+3)", "neg:Georgia/Atlanta",
	// "guard:adult-label(porn)". RELEVANCE.md lists them all.
	Reasons []string
}

// Classifier applies one feed's rules. It is safe for concurrent use.
type Classifier struct {
	rules *Rules
	pool  sync.Pool // *scratch
}

// New returns a classifier for the rules.
func New(r *Rules) *Classifier {
	return &Classifier{rules: r, pool: sync.Pool{New: func() any { return new(scratch) }}}
}

// Rules returns the rules the classifier applies.
func (c *Classifier) Rules() *Rules { return c.rules }

// Classify decides whether a post belongs in the feed. The caller records
// an accepted post (in the store, or with [MemoryEnv.Accept]) so that later
// replies and the author cap see it. Errors come only from env.
func (c *Classifier) Classify(env Env, in Input) (Decision, error) {
	tier, err := env.Tier(in.Author)
	if err != nil {
		return Decision{}, fmt.Errorf("classify %s: author tier: %w", in.URI, err)
	}
	if tier == model.TierBlocked {
		return Decision{Reasons: []string{"tier:blocked"}}, nil
	}
	s := &c.rules.Settings
	content := c.Score(&in.Post)

	var d Decision
	d.Score = content.Score
	var reasons []string
	if tier != model.TierNone {
		reasons = append(reasons, "tier:"+tier.String())
	}
	if l := adultLabel(in.Post.SelfLabels, s.AdultLabels); l != "" {
		d.Reasons = append(append(reasons, "guard:adult-label("+l+")"), content.Reasons...)
		return d, nil
	}
	curated := tier == model.TierExpert || tier == model.TierAll
	need := s.In
	if curated {
		need = s.Expert
	}
	forced := tier == model.TierAll && !in.Post.IsReply()
	selfThread := false // the author continues their own in-feed thread
	if in.Post.IsReply() {
		which, err := threadInFeed(env, &in.Post)
		if err != nil {
			return Decision{}, fmt.Errorf("classify %s: thread: %w", in.URI, err)
		}
		if which != "" {
			selfThread = which == "root" && in.Post.ReplyRoot.Authority().String() == in.Author.String()
			// A curated author's reply stays with its thread; anyone else's
			// gets a push, so that "Exactly, and the treaty..." under an
			// in-feed post needs only a little topic signal of its own.
			if curated {
				forced = true
				reasons = append(reasons, "thread:"+which+"-in-feed")
			} else if s.ThreadBonus > 0 {
				d.Score += s.ThreadBonus
				reasons = append(reasons, "thread:"+which+"-in-feed"+signed(s.ThreadBonus))
			}
		}
	}
	if q := in.Post.QuotedURI; q != "" && s.QuoteBonus > 0 {
		ok, err := env.InFeed(q)
		if err != nil {
			return Decision{}, fmt.Errorf("classify %s: quoted post: %w", in.URI, err)
		}
		if ok {
			d.Score += s.QuoteBonus
			reasons = append(reasons, "quote:in-feed"+signed(s.QuoteBonus))
		}
	}
	extra := 0.0
	if content.TagHeavy && !forced {
		extra = s.TagHeavyExtra
		need += extra
		reasons = append(reasons, "guard:tag-heavy(needs"+strings.Trim(signed(s.TagHeavyExtra), "()")+")")
	}
	// A community author: unlisted, but followed by enough of the feed's
	// experts. Asked only of a post whose score it decides.
	if tier == model.TierNone && !forced && s.CommunityExperts > 0 && d.Score < need && d.Score >= s.Community+extra {
		n, err := env.ExpertFollowers(in.Author)
		if err != nil {
			return Decision{}, fmt.Errorf("classify %s: expert followers: %w", in.URI, err)
		}
		if n >= s.CommunityExperts {
			need = s.Community + extra
			reasons = append(reasons, "community:followed-by("+strconv.Itoa(n)+")")
		}
	}
	d.In = forced || d.Score >= need
	capped := false
	// The cap is about flooding the feed with separate posts; an analyst's
	// thread under a root that is already in is one item to a reader.
	if d.In && s.CapPerHour > 0 && !selfThread {
		n, err := env.AcceptedSince(in.Author, in.Time.Add(-time.Hour))
		if err != nil {
			return Decision{}, fmt.Errorf("classify %s: author cap: %w", in.URI, err)
		}
		if n >= s.CapPerHour {
			d.In, capped = false, true
			reasons = append(reasons, "guard:author-cap("+strconv.Itoa(s.CapPerHour)+"/h)")
		}
	}
	d.Review = !d.In && !capped && tier == model.TierNone && d.Score >= s.Review
	d.Score = round2(d.Score)
	d.Reasons = append(reasons, content.Reasons...)
	return d, nil
}

// threadInFeed returns "root" or "parent" when that post of the thread is in
// the feed, or "".
func threadInFeed(env Env, p *Post) (string, error) {
	if p.ReplyRoot != "" {
		ok, err := env.InFeed(p.ReplyRoot)
		if err != nil || ok {
			return "root", err
		}
	}
	if p.ReplyParent != "" && p.ReplyParent != p.ReplyRoot {
		ok, err := env.InFeed(p.ReplyParent)
		if err != nil || ok {
			return "parent", err
		}
	}
	return "", nil
}

func adultLabel(labels, adult []string) string {
	for _, l := range labels {
		if _, ok := slices.BinarySearch(adult, strings.ToLower(l)); ok {
			return l
		}
	}
	return ""
}

// Content is the score of a post's content alone, before tier, thread and
// guards.
type Content struct {
	Score   float64
	Reasons []string
	// TagHeavy is set when hashtags and mentions make up most of the text.
	TagHeavy bool
}

// scratch is per-call working memory, pooled so that scoring a post
// allocates next to nothing.
type scratch struct {
	tz      tokenizer
	occs    []occ
	counted []int32 // concept -> 1 + index of first surviving occurrence; 0 if none
	groups  []float64
	order   []int32 // concepts in order of first occurrence
	ix      occIndex
}

// Score returns the content score of a post and the reasons for it.
func (c *Classifier) Score(p *Post) Content {
	rs := c.rules
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	sc.tz.reset()
	var out Content

	pos := int32(0)
	field := func(s string) {
		if s != "" {
			pos = sc.tz.run(s, pos, rs.m) + fieldGap
		}
	}
	field(p.Text)
	words, tags, mentions := sc.tz.words, sc.tz.tags, max(sc.tz.mentions, p.Mentions)
	if n := tags + mentions; n > 0 && n >= rs.Settings.TagHeavyMin &&
		float64(n) >= rs.Settings.TagHeavyRatio*float64(n+words) {
		out.TagHeavy = true
	}
	addPost := func(p *Post) {
		if l := p.Link; l != nil {
			field(l.Title)
			field(l.Description)
			field(l.URL)
		}
		for _, a := range p.ImageAlts {
			field(a)
		}
		for _, h := range p.Hashtags {
			if h != "" {
				field("#" + strings.TrimPrefix(h, "#"))
			}
		}
	}
	addPost(p)
	if q := p.Quoted; q != nil {
		field(q.Text)
		addPost(q)
	}

	sc.occs = rs.m.match(sc.tz.buf, sc.tz.toks, sc.occs[:0])
	sc.occs = rs.m.triggers(sc.tz.buf, sc.tz.toks, p.Langs, sc.occs)
	if len(sc.occs) == 0 {
		return out
	}
	langs := p.Langs
	pats := rs.m.patterns
	ix := &sc.ix
	ix.build(rs, sc.occs)
	ix.toks = sc.tz.toks

	// Pass 1: cancel concept occurrences that sit in a negative context.
	// Context concepts (genres, lists) first, so that a cancelled one ("not
	// a joke") no longer cancels the mentions around it.
	var negs, withs, caps []string
	silenced := false // a negative context cancelled a mention: the model stays out
	for _, contexts := range [2]bool{true, false} {
		for i := range sc.occs {
			ci := pats[sc.occs[i].pat].concept
			if ci < 0 || rs.concepts[ci].context != contexts {
				continue
			}
			cn := rs.concepts[ci]
			for _, ri := range cn.contexts {
				r := rs.rules[ri]
				if !r.cancel {
					continue
				}
				if label, ok := rs.near(r, int32(ri), sc.occs, ix, i, langs, false); ok {
					sc.occs[i].cancelled = true
					negs = appendOnce(negs, "neg:"+cn.name+"/"+label)
					silenced = silenced || !r.subsumes
					break
				}
			}
		}
	}

	// Which concepts count, in order of first appearance.
	if cap(sc.counted) < len(rs.concepts) {
		sc.counted = make([]int32, len(rs.concepts))
	}
	sc.counted = sc.counted[:len(rs.concepts)]
	sc.order = sc.order[:0]
	for i, o := range sc.occs {
		ci := pats[o.pat].concept
		if ci < 0 || o.cancelled || sc.counted[ci] != 0 {
			continue
		}
		sc.counted[ci] = int32(i) + 1
		sc.order = append(sc.order, ci)
	}

	// Pass 2: sum weights per group, then boosts from positive contexts.
	if cap(sc.groups) < len(rs.groups) {
		sc.groups = make([]float64, len(rs.groups))
	}
	sc.groups = sc.groups[:len(rs.groups)]
	clear(sc.groups)
	boost := 0.0
	named := rs.modelNeeds == nil // until a concept of a group model.needs names counts
	story := false                // a concept of a kind of model.veto.skip.kinds added threshold.in or more
	for _, ci := range sc.order {
		cn := rs.concepts[ci]
		sc.groups[cn.group] += cn.weight
		if !named && cn.weight > 0 && rs.modelNeeds[cn.group] {
			named = true
		}
		// A concept of weight 0 only lends weight through contexts; it
		// says nothing by itself.
		if cn.weight != 0 {
			out.Reasons = append(out.Reasons, cn.kind+":"+cn.name+signed(cn.weight))
		}
		own := cn.weight // what this concept adds, with its contexts
		for _, ri := range cn.contexts {
			r := rs.rules[ri]
			if r.cancel {
				continue
			}
			for _, i := range ix.byConcept[ci] {
				if sc.occs[i].cancelled {
					continue
				}
				if label, ok := rs.near(r, int32(ri), sc.occs, ix, int(i), langs, true); ok {
					boost += r.weight
					withs = append(withs, "with:"+cn.name+"/"+label+signed(r.weight))
					own += r.weight
					break
				}
			}
		}
		if rs.vetoSkipKind != nil && rs.vetoSkipKind[ci] && own >= rs.Settings.In {
			story = true
		}
	}
	score := boost
	for gi, g := range rs.groups {
		v := sc.groups[gi]
		if g.hasCap && v > g.cap {
			v = g.cap
			caps = append(caps, "cap:"+g.name+"("+strconv.FormatFloat(g.cap, 'f', -1, 64)+")")
		}
		score += v
	}
	clear(sc.counted)
	ix.reset()
	out.Score = round2(score)
	out.Reasons = append(append(append(out.Reasons, withs...), negs...), caps...)
	// The text model speaks only for a post the rules found something in
	// but not enough: one step below the threshold, nothing cancelled by a
	// negative context (a mention counted as another concept is not), and
	// (model.needs) the region named. Further below (model.far.from), it
	// must be surer (model.far.min). The other way, the veto: the least the
	// rules let in (model.veto.below), that the model finds nothing like
	// (model.veto.max), goes to the review band, unless a concept of
	// model.veto.skip (the region's own languages) occurs or one of a kind
	// of model.veto.skip.kinds (the story classes) added, with its
	// contexts, as much as threshold.in by itself.
	if s := &rs.Settings; rs.model != nil {
		switch {
		case out.Score < s.In:
			min, bonus := s.ModelMin, s.ModelBonus
			if out.Score < s.ModelFrom {
				min, bonus = s.ModelFarMin, s.ModelFarBonus
				if out.Score < s.ModelFarFrom {
					bonus = 0
				}
			}
			if bonus > 0 && !silenced && named {
				if pr := rs.model.Prob(p); pr >= min {
					out.Score = round2(out.Score + bonus)
					out.Reasons = append(out.Reasons, modelReason(pr, bonus))
				}
			}
		case s.ModelMalus > 0 && out.Score < s.ModelVetoBelow && !story && !rs.occursAny(sc.occs, rs.vetoSkip):
			if pr := rs.model.Prob(p); pr < s.ModelVetoMax {
				out.Score = round2(out.Score - s.ModelMalus)
				out.Reasons = append(out.Reasons, modelReason(pr, -s.ModelMalus))
			}
		}
	}
	return out
}

// modelReason is "model:0.97(+0.5)": the model's probability, rounded
// down, and what it gave or took.
func modelReason(pr, delta float64) string {
	return "model:" + strconv.FormatFloat(math.Floor(pr*100)/100, 'f', 2, 64) + signed(delta)
}

// occursAny reports whether an occurrence, cancelled or not, is of one of
// the concepts marked in set (by concept index; nil marks none).
func (rs *Rules) occursAny(occs []occ, set []bool) bool {
	if set == nil {
		return false
	}
	for _, o := range occs {
		if ci := rs.m.patterns[o.pat].concept; ci >= 0 && set[ci] {
			return true
		}
	}
	return false
}

// near looks for rule r's context around occurrence i and returns what it
// found. surviving restricts @Name contexts to occurrences not cancelled;
// a context concept's cancelled occurrences never count.
//
// It looks only at the occurrences of the rule's own forms and of the
// concepts it names, and for a windowed rule only at those that start
// within reach of the window (a binary search in each list, which is in
// position order), so a post's score costs time in proportion to its
// words, not to the product of its occurrences.
func (rs *Rules) near(r *ctxRule, ri int32, occs []occ, ix *occIndex, i int, langs []string, surviving bool) (string, bool) {
	for _, l := range r.langs {
		for _, pl := range langs {
			base, _, _ := strings.Cut(strings.ToLower(pl), "-")
			if base == l {
				return "lang=" + l, true
			}
		}
	}
	o := occs[i]
	// The starts an occurrence in the window may have: a phrase before o
	// may start up to maxSpan words before its last word.
	lo, hi := int32(math.MinInt32), int32(math.MaxInt32)
	if r.window != windowPost {
		w := int32(r.window)
		switch r.dir {
		case 1:
			lo, hi = o.end+1, o.end+1+w
		case -1:
			lo, hi = o.start-1-w-rs.m.maxSpan, o.start-1
		default:
			lo, hi = o.start-1-w-rs.m.maxSpan, o.end+1+w
		}
	}
	found := 0
	var seen [maxCount]int32 // starts already counted, for xK contexts
	bestJ, bestLabel := -1, ""
	try := func(list []int32, label func(int) string) bool {
		k, _ := slices.BinarySearchFunc(list, lo, func(j int32, t int32) int { return cmp.Compare(occs[j].start, t) })
		for ; k < len(list); k++ {
			j := int(list[k])
			x := occs[j]
			if x.start > hi {
				break
			}
			if j == i || (x.cancelled && (surviving || rs.ctxOcc(x))) {
				continue
			}
			if r.window != windowPost {
				var gap int32 // words between; <0 overlaps
				switch r.dir {
				case 1:
					gap = x.start - o.end - 1
				case -1:
					gap = o.start - x.end - 1
				default:
					gap = max(x.start-o.end, o.start-x.end) - 1
				}
				if gap > int32(r.window) || (r.dir != 0 && gap < 0) {
					continue
				}
				// Side by side across a full stop, a comma or a colon is
				// not next to: "Rustaveli, 600 days", "Tbilisi: 14 arrests".
				if gap == 0 && r.window == 0 && ix.brkAt(max(x.start, o.start)) {
					continue
				}
			}
			if r.count <= 1 {
				// The first in position order, whichever list it is in.
				if bestJ < 0 || x.start < occs[bestJ].start || (x.start == occs[bestJ].start && j < bestJ) {
					bestJ, bestLabel = j, label(j)
				}
				return false
			}
			// Several forms may match one word; count each place once, and
			// never the judged word as an item of its own list: two forms of
			// one concept matching one "Georgia" counted it twice.
			if slices.Contains(seen[:found], x.start) || (x.start == o.start && rs.m.patterns[x.pat].concept == rs.m.patterns[o.pat].concept) {
				continue
			}
			seen[found] = x.start
			found++
			if found >= r.count {
				bestLabel = label(j) + "(x" + strconv.Itoa(r.count) + ")"
				return true
			}
		}
		return false
	}
	own := func(j int) string { return rs.m.patterns[occs[j].pat].label }
	if try(ix.byRule[ri], own) {
		return bestLabel, true
	}
	for _, c := range r.refs {
		if try(ix.byConcept[c], func(int) string { return rs.concepts[c].name }) {
			return bestLabel, true
		}
	}
	return bestLabel, bestJ >= 0
}

// ctxOcc reports whether o is an occurrence of a context concept.
func (rs *Rules) ctxOcc(o occ) bool {
	ci := rs.m.patterns[o.pat].concept
	return ci >= 0 && rs.concepts[ci].context
}

// occIndex groups a post's occurrences by the concept or context rule
// whose pattern they matched, each group in position order, so that a
// context looks only at what it refers to.
type occIndex struct {
	byConcept [][]int32 // concept -> occurrence indexes
	byRule    [][]int32 // context rule -> occurrences of its own forms
	touched   []int32   // concepts (>= 0) and rules (-1-id) with entries
	toks      []tok     // the post's words, in position order
}

// brkAt reports whether a sentence or clause mark stands right before the
// word at pos.
func (ix *occIndex) brkAt(pos int32) bool {
	k, ok := slices.BinarySearchFunc(ix.toks, pos, func(t tok, p int32) int { return cmp.Compare(t.pos, p) })
	return ok && ix.toks[k].brk
}

func (ix *occIndex) build(rs *Rules, occs []occ) {
	if len(ix.byConcept) < len(rs.concepts) {
		ix.byConcept = make([][]int32, len(rs.concepts))
	}
	if len(ix.byRule) < len(rs.rules) {
		ix.byRule = make([][]int32, len(rs.rules))
	}
	for i, o := range occs {
		p := &rs.m.patterns[o.pat]
		var list *[]int32
		if p.concept >= 0 {
			list = &ix.byConcept[p.concept]
			if len(*list) == 0 {
				ix.touched = append(ix.touched, p.concept)
			}
		} else {
			list = &ix.byRule[p.rule]
			if len(*list) == 0 {
				ix.touched = append(ix.touched, -1-p.rule)
			}
		}
		*list = append(*list, int32(i))
	}
	// Word matches come in position order; script and language triggers
	// come last, so a list that has one may need sorting.
	for _, t := range ix.touched {
		list := ix.list(t)
		if !slices.IsSortedFunc(list, func(a, b int32) int { return cmp.Compare(occs[a].start, occs[b].start) }) {
			slices.SortStableFunc(list, func(a, b int32) int { return cmp.Compare(occs[a].start, occs[b].start) })
		}
	}
}

func (ix *occIndex) list(t int32) []int32 {
	if t >= 0 {
		return ix.byConcept[t]
	}
	return ix.byRule[-1-t]
}

// reset empties the lists used, keeping their memory for the next post.
func (ix *occIndex) reset() {
	for _, t := range ix.touched {
		if t >= 0 {
			ix.byConcept[t] = ix.byConcept[t][:0]
		} else {
			ix.byRule[-1-t] = ix.byRule[-1-t][:0]
		}
	}
	ix.touched = ix.touched[:0]
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// signed formats a weight for a reason: "(+3)", "(-1.5)".
func signed(w float64) string {
	s := strconv.FormatFloat(w, 'f', -1, 64)
	if w >= 0 {
		s = "+" + s
	}
	return "(" + s + ")"
}

func round2(v float64) float64 {
	return float64(int64(v*100+copysign(0.5, v))) / 100
}

func copysign(a, b float64) float64 {
	if b < 0 {
		return -a
	}
	return a
}
