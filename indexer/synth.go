package indexer

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// SynthConfig shapes a synthetic Jetstream recording: the mix a Jetstream
// subscription to posts, reposts and list items delivers, so tests and
// benchmarks do not need the network.
type SynthConfig struct {
	// Seed makes the stream reproducible: one seed, one byte-identical
	// file.
	Seed uint64
	// Events is how many lines to write.
	Events int
	// Start is the time of the first event; the stream runs at Rate
	// events per second of network time (2000, about the whole network's
	// post traffic).
	Start time.Time
	Rate  float64
	// Authors is the number of distinct accounts (50000).
	Authors int
	// Garbage adds about one malformed line in a thousand.
	Garbage bool
}

// SynthTierAll and SynthExperts are how many of the first synthetic
// authors (SynthAuthor(0), SynthAuthor(1), ...) a test should treat as
// curated with TierAll, and then as experts, to see reposts enter.
const (
	SynthTierAll = 5
	SynthExperts = 45
)

// SynthAuthor is the DID of synthetic author i.
func SynthAuthor(i int) syntax.DID {
	return syntax.DID(fmt.Sprintf("did:plc:synth%019d", i))
}

// The on-topic share of posts is about 2%; their text names a country in
// one of several languages, as relevance would have to recognise.
var synthTopic = []string{
	"Armenia and Azerbaijan initialled the peace agreement in Washington today",
	"Georgia's parliament votes on the foreign agents law again; protests on Rustaveli",
	"Border delimitation commission of Armenia and Azerbaijan met in Gabala",
	"Հայաստան և Ադրբեջան. խաղաղության պայմանագրի նախագիծը համաձայնեցված է",
	"Azərbaycan və Ermənistan sülh sazişini paraflayıb",
	"საქართველო: ოპოზიცია პარლამენტის ბოიკოტს აგრძელებს",
	"Armenia–Azerbaijan: what the TRIPP corridor means for Syunik",
	"EU monitoring mission in Armenia extended for two more years",
	"Georgia EU candidacy frozen; what happens to the visa-free regime?",
	"Армения и Азербайджан: переговоры о мире продолжаются (Armenia)",
}

var synthChatter = []string{
	"good morning everyone ☀️",
	"is it just me or did this week last a month?",
	"new blog post about my sourdough journey, link in bio",
	"おはようございます！今日もいい天気ですね",
	"bom dia! alguém viu o jogo ontem?",
	"Ich habe heute zu viel Kaffee getrunken.",
	"¿Alguien sabe cómo arreglar una bicicleta?",
	"오늘 점심 뭐 먹지",
	"Je relis Proust et je m'endors à chaque page.",
	"the cat knocked the plant over again",
	"Bugün hava çok güzel, sahile gidiyoruz",
	"Сегодня наконец-то выпал снег",
	"three hours of meetings that could have been an email",
	"Ho finito la serie, ora che faccio?",
	"listening to the new album on repeat 🎧",
	"Swiftie or not, that show was incredible",
	"wer kommt mit zum Konzert am Samstag?",
	"hot take: pineapple on pizza is fine",
	"Aujourd'hui j'ai appris à faire du pain",
	"finally finished the marathon training plan 🏃",
}

var synthLangs = [][]string{{"en"}, {"ja"}, {"pt"}, {"de"}, {"es"}, {"ko"}, {"fr"}, {"tr"}, {"ru"}, {"it"}, {"hy"}, {"az"}, {"ka"}, nil}

type synthPost struct {
	author int
	rkey   string
}

type synthGen struct {
	cfg    SynthConfig
	r      *rand.Rand
	t      int64
	step   float64
	recent []synthPost // ring of recent posts, for replies, reposts, deletes
	head   int
	reps   []synthPost // recent reposts, for repost deletes
	rhead  int
	clock  uint
	// Accounts that are deactivated (1) or deleted (2) publish nothing,
	// as on the real network; deleted ones never come back.
	gone     map[int]uint8
	inactive []int
}

// WriteSynthetic writes cfg.Events lines of synthetic Jetstream events:
// about 70% post creates (2% of them on-topic, a fifth replies, some with
// link cards), 12% reposts, 8% post deletes, 2% repost deletes, 1% edits,
// 1% list items, and account and identity events. Likes and follows are
// absent, as Jetstream filters them for us.
func WriteSynthetic(w io.Writer, cfg SynthConfig) error {
	if cfg.Rate <= 0 {
		cfg.Rate = 2000
	}
	if cfg.Authors <= 0 {
		cfg.Authors = 50000
	}
	if cfg.Start.IsZero() {
		return fmt.Errorf("synthetic: no start time")
	}
	g := &synthGen{
		cfg:    cfg,
		r:      rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed)),
		t:      cfg.Start.UnixMicro(),
		step:   1e6 / cfg.Rate,
		recent: make([]synthPost, 0, 4096),
		reps:   make([]synthPost, 0, 1024),
		gone:   map[int]uint8{},
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	for i := 0; i < cfg.Events; i++ {
		if cfg.Garbage && g.r.IntN(1000) == 0 {
			bw.WriteString(g.garbage())
			bw.WriteByte('\n')
			continue
		}
		ev := g.next()
		b, err := EncodeJetstream(ev)
		if err != nil {
			return fmt.Errorf("synthetic: %w", err)
		}
		bw.Write(b)
		if err := bw.WriteByte('\n'); err != nil {
			return fmt.Errorf("synthetic: %w", err)
		}
	}
	return bw.Flush()
}

func (g *synthGen) tick() int64 {
	// Exponential gaps: a Poisson stream at the configured rate, with
	// strictly increasing time_us as Jetstream guarantees.
	g.t += 1 + int64(g.r.ExpFloat64()*g.step)
	return g.t
}

func (g *synthGen) author() int {
	for {
		// A few accounts post a lot; most rarely.
		a := int(float64(g.cfg.Authors) * g.r.Float64() * g.r.Float64())
		if g.gone[a] == 0 {
			return a
		}
	}
}

func (g *synthGen) account(t int64) Event {
	if len(g.inactive) > 0 && g.r.IntN(2) == 0 {
		i := g.r.IntN(len(g.inactive))
		a := g.inactive[i]
		g.inactive = append(g.inactive[:i], g.inactive[i+1:]...)
		delete(g.gone, a)
		return Event{Kind: KindAccount, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Account: &Account{Active: true}}
	}
	a := g.author()
	if g.r.IntN(3) == 0 {
		g.gone[a] = 2
		return Event{Kind: KindAccount, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Account: &Account{Active: false, Status: "deleted"}}
	}
	g.gone[a] = 1
	g.inactive = append(g.inactive, a)
	return Event{Kind: KindAccount, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Account: &Account{Active: false, Status: "deactivated"}}
}

func (g *synthGen) rkey(t int64) string {
	g.clock = (g.clock + 1) % 1024
	return syntax.NewTID(t, g.clock).String()
}

func (g *synthGen) cid() syntax.CID {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var b strings.Builder
	b.Grow(59)
	b.WriteString("bafyrei")
	for range 52 {
		b.WriteByte(alphabet[g.r.IntN(32)])
	}
	return syntax.CID(b.String())
}

func (g *synthGen) remember(p synthPost) {
	if len(g.recent) < cap(g.recent) {
		g.recent = append(g.recent, p)
		return
	}
	g.recent[g.head] = p
	g.head = (g.head + 1) % len(g.recent)
}

func (g *synthGen) pick() (synthPost, bool) {
	if len(g.recent) == 0 {
		return synthPost{}, false
	}
	return g.recent[g.r.IntN(len(g.recent))], true
}

func uriOf(p synthPost, coll string) string {
	return "at://" + SynthAuthor(p.author).String() + "/" + coll + "/" + p.rkey
}

func (g *synthGen) next() Event {
	t := g.tick()
	roll := g.r.IntN(1000)
	switch {
	case roll < 700:
		return g.postCreate(t)
	case roll < 820:
		if ev, ok := g.repost(t); ok {
			return ev
		}
	case roll < 900:
		if p, ok := g.pick(); ok && g.gone[p.author] == 0 {
			return g.deleteOf(t, p.author, CollectionPost, p.rkey)
		}
	case roll < 920:
		if len(g.reps) > 0 {
			if p := g.reps[g.r.IntN(len(g.reps))]; g.gone[p.author] == 0 {
				return g.deleteOf(t, p.author, CollectionRepost, p.rkey)
			}
		}
	case roll < 930:
		if p, ok := g.pick(); ok && g.gone[p.author] == 0 {
			ev := g.postCreate(t)
			ev.DID = SynthAuthor(p.author)
			ev.Commit.Op, ev.Commit.RKey = OpUpdate, syntax.RecordKey(p.rkey)
			return ev
		}
	case roll < 940:
		a := g.author()
		return Event{Kind: KindCommit, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Commit: &Commit{
			Op: OpCreate, Rev: g.rkey(t), Collection: CollectionListItem, RKey: syntax.RecordKey(g.rkey(t)), CID: g.cid(),
			ListItem: &bsky.GraphListitem{CreatedAt: synthTime(t), List: "at://" + SynthAuthor(a).String() + "/app.bsky.graph.list/3kabc", Subject: SynthAuthor(g.author()).String()},
		}}
	case roll < 945:
		return g.account(t)
	case roll < 955:
		a := g.author()
		return Event{Kind: KindIdentity, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Identity: &Identity{Handle: fmt.Sprintf("user%d.bsky.social", a)}}
	}
	return g.postCreate(t)
}

func synthTime(t int64) string {
	return time.UnixMicro(t).UTC().Format("2006-01-02T15:04:05.000Z")
}

func (g *synthGen) postCreate(t int64) Event {
	a := g.author()
	rkey := g.rkey(t)
	post := &bsky.FeedPost{CreatedAt: synthTime(t - int64(g.r.IntN(2_000_000)))}
	onTopic := g.r.IntN(50) == 0
	if onTopic {
		post.Text = synthTopic[g.r.IntN(len(synthTopic))]
		post.Langs = synthLangs[g.r.IntN(len(synthLangs))]
	} else {
		post.Text = synthChatter[g.r.IntN(len(synthChatter))]
		if g.r.IntN(3) == 0 {
			post.Text += " " + synthChatter[g.r.IntN(len(synthChatter))]
		}
		post.Langs = synthLangs[g.r.IntN(len(synthLangs))]
	}
	if g.r.IntN(5) == 0 {
		if p, ok := g.pick(); ok {
			ref := &comatproto.RepoStrongRef{Uri: uriOf(p, CollectionPost), Cid: g.cid().String()}
			post.Reply = &bsky.FeedPost_ReplyRef{Root: ref, Parent: ref}
		}
	}
	if g.r.IntN(8) == 0 {
		post.Embed = &bsky.FeedPost_Embed{EmbedExternal: &bsky.EmbedExternal{External: &bsky.EmbedExternal_External{
			Uri: fmt.Sprintf("https://news.example/%d", g.r.IntN(1e6)), Title: "A headline of moderate length for the card",
			Description: "A description that runs for a sentence or two, as link cards usually do.",
		}}}
	}
	g.remember(synthPost{author: a, rkey: rkey})
	return Event{Kind: KindCommit, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpCreate, Rev: rkey, Collection: CollectionPost, RKey: syntax.RecordKey(rkey), CID: g.cid(), Post: post,
	}}
}

func (g *synthGen) repost(t int64) (Event, bool) {
	p, ok := g.pick()
	if !ok {
		return Event{}, false
	}
	a := g.author()
	if c := g.r.IntN(SynthTierAll + SynthExperts); g.r.IntN(10) == 0 && g.gone[c] == 0 {
		// Curated authors repost a little more than their share.
		a = c
	}
	rkey := g.rkey(t)
	rp := synthPost{author: a, rkey: rkey}
	if len(g.reps) < cap(g.reps) {
		g.reps = append(g.reps, rp)
	} else {
		g.reps[g.rhead] = rp
		g.rhead = (g.rhead + 1) % len(g.reps)
	}
	return Event{Kind: KindCommit, DID: SynthAuthor(a), TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpCreate, Rev: rkey, Collection: CollectionRepost, RKey: syntax.RecordKey(rkey), CID: g.cid(),
		Repost: &bsky.FeedRepost{CreatedAt: synthTime(t), Subject: &comatproto.RepoStrongRef{Uri: uriOf(p, CollectionPost), Cid: g.cid().String()}},
	}}, true
}

func (g *synthGen) deleteOf(t int64, author int, coll, rkey string) Event {
	return Event{Kind: KindCommit, DID: SynthAuthor(author), TimeUS: t, Cursor: t, Commit: &Commit{
		Op: OpDelete, Rev: g.rkey(t), Collection: syntax.NSID(coll), RKey: syntax.RecordKey(rkey),
	}}
}

func (g *synthGen) garbage() string {
	switch g.r.IntN(4) {
	case 0:
		return `{"did":"did:plc:abc","time_us":` // truncated
	case 1:
		return `{"did":"not-a-did","time_us":5,"kind":"commit","commit":{}}`
	case 2:
		return `{"did":"did:plc:abc","time_us":5,"kind":"mystery"}`
	}
	return "\xff\xfe garbage"
}
