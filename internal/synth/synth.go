// Package synth writes synthetic Jetstream recordings: the mix of events a
// subscription to posts, reposts and list items delivers, or (MixNetwork)
// the network's mix with likes and follows, reproducible from a seed, so
// that tests, benchmarks and the load tool need no network. It writes the wire format itself (not through package indexer),
// so that the indexer's decoder is read against an encoder of its own.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"encoding/json"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Config shapes a synthetic Jetstream recording: the mix a Jetstream
// subscription to posts, reposts and list items delivers, so tests and
// benchmarks do not need the network.
type Config struct {
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
	// Mix is what the recording carries (MixPosts).
	Mix Mix
}

// Mix is the kind of traffic a recording carries.
type Mix uint8

// The mixes.
const (
	// MixPosts is what a Jetstream subscription to posts, reposts and
	// list items delivers: about 70% post creates, 12% reposts, 8% post
	// deletes, 2% repost deletes, 1% edits, 1% list items, account and
	// identity events.
	MixPosts Mix = iota
	// MixNetwork is what a subscription that adds likes and follows
	// delivers, in the network's proportions: those of ClickHouse's
	// JSONBench sample of one million Jetstream events (2024-11-21), kept
	// to the collections we ask for. Per thousand events: 455 likes (1%
	// of them unliked: 5 like deletes), 350 follows and 23 unfollows, 90
	// posts (a fifth replies, one in twenty quotes), 4 post deletes and 1
	// edit, 59 reposts and 2 repost deletes, 8 list items, 3 account and
	// identity events. Likes and reposts name recent posts; the first
	// TierAll+Experts authors, the most active of the skewed author
	// distribution, make about 1% of the likes and follows.
	MixNetwork
)

// TierAll and Experts are how many of the first synthetic authors
// (Author(0), Author(1), ...) a test should list in tier all, and then as
// experts, to see reposts enter; they repost more than their share.
const (
	TierAll = 5
	Experts = 45
)

// Author is the DID of synthetic author i.
func Author(i int) syntax.DID {
	return syntax.DID(fmt.Sprintf("did:plc:synth%019d", i))
}

// The on-topic share of posts is about 2%; their text names a country in
// one of several languages, as relevance would have to recognise.
var topic = []string{
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

var chatter = []string{
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

var langs = [][]string{{"en"}, {"ja"}, {"pt"}, {"de"}, {"es"}, {"ko"}, {"fr"}, {"tr"}, {"ru"}, {"it"}, {"hy"}, {"az"}, {"ka"}, nil}

// Collections of the events written.
const (
	collectionPost     = "app.bsky.feed.post"
	collectionRepost   = "app.bsky.feed.repost"
	collectionListItem = "app.bsky.graph.listitem"
	collectionLike     = "app.bsky.feed.like"
	collectionFollow   = "app.bsky.graph.follow"
)

// event is one Jetstream event as the wire carries it.
type event struct {
	DID      string    `json:"did"`
	TimeUS   int64     `json:"time_us"`
	Kind     string    `json:"kind"`
	Commit   *commit   `json:"commit,omitempty"`
	Account  *account  `json:"account,omitempty"`
	Identity *identity `json:"identity,omitempty"`
}

type commit struct {
	Rev        string          `json:"rev"`
	Operation  string          `json:"operation"`
	Collection string          `json:"collection"`
	RKey       string          `json:"rkey"`
	Record     json.RawMessage `json:"record,omitempty"`
	CID        string          `json:"cid,omitempty"`
}

type account struct {
	Active bool   `json:"active"`
	DID    string `json:"did,omitempty"`
	Status string `json:"status,omitempty"`
}

type identity struct {
	DID    string `json:"did,omitempty"`
	Handle string `json:"handle,omitempty"`
}

// record marshals a record with its $type.
func record(v any) json.RawMessage {
	switch r := v.(type) {
	case *bsky.FeedPost:
		r.LexiconTypeID = collectionPost
	case *bsky.FeedRepost:
		r.LexiconTypeID = collectionRepost
	case *bsky.GraphListitem:
		r.LexiconTypeID = collectionListItem
	case *bsky.FeedLike:
		r.LexiconTypeID = collectionLike
	case *bsky.GraphFollow:
		r.LexiconTypeID = collectionFollow
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the generator's own records always marshal
	}
	return b
}

type recordRef struct {
	author int
	rkey   string
}

type gen struct {
	cfg    Config
	r      *rand.Rand
	t      int64
	step   float64
	recent []recordRef // ring of recent posts, for replies, reposts, deletes
	head   int
	reps   []recordRef // recent reposts, for repost deletes
	rhead  int
	// likes and follows are rings of recent ones, for deletes.
	likes, follows []recordRef
	lhead, fhead   int
	clock          uint
	// Accounts that are deactivated (1) or deleted (2) publish nothing,
	// as on the real network; deleted ones never come back.
	gone     map[int]uint8
	inactive []int
}

// Write writes cfg.Events lines of synthetic Jetstream events of
// cfg.Mix. Posts are 2% on-topic, a fifth replies, an eighth with link
// cards; MixPosts (the default) is what a subscription without likes and
// follows delivers, MixNetwork the network's mix with them (see Mix).
func Write(w io.Writer, cfg Config) error {
	if cfg.Rate <= 0 {
		cfg.Rate = 2000
	}
	if cfg.Authors <= 0 {
		cfg.Authors = 50000
	}
	if cfg.Start.IsZero() {
		return fmt.Errorf("synthetic: no start time")
	}
	g := &gen{
		cfg:    cfg,
		r:      rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed)),
		t:      cfg.Start.UnixMicro(),
		step:   1e6 / cfg.Rate,
		recent: make([]recordRef, 0, 4096),
		reps:   make([]recordRef, 0, 1024),
		gone:   map[int]uint8{},
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	for i := 0; i < cfg.Events; i++ {
		if cfg.Garbage && g.r.IntN(1000) == 0 {
			bw.WriteString(g.garbage())
			bw.WriteByte('\n')
			continue
		}
		next := g.next
		if cfg.Mix == MixNetwork {
			next = g.nextNetwork
		}
		b, err := json.Marshal(next())
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

func (g *gen) tick() int64 {
	// Exponential gaps: a Poisson stream at the configured rate, with
	// strictly increasing time_us as Jetstream guarantees.
	g.t += 1 + int64(g.r.ExpFloat64()*g.step)
	return g.t
}

func (g *gen) author() int {
	for {
		// A few accounts post a lot; most rarely.
		a := int(float64(g.cfg.Authors) * g.r.Float64() * g.r.Float64())
		if g.gone[a] == 0 {
			return a
		}
	}
}

func (g *gen) account(t int64) event {
	ev := func(a int, active bool, status string) event {
		did := Author(a).String()
		return event{DID: did, TimeUS: t, Kind: "account", Account: &account{Active: active, DID: did, Status: status}}
	}
	if len(g.inactive) > 0 && g.r.IntN(2) == 0 {
		i := g.r.IntN(len(g.inactive))
		a := g.inactive[i]
		g.inactive = append(g.inactive[:i], g.inactive[i+1:]...)
		delete(g.gone, a)
		return ev(a, true, "")
	}
	a := g.author()
	if g.r.IntN(3) == 0 {
		g.gone[a] = 2
		return ev(a, false, "deleted")
	}
	g.gone[a] = 1
	g.inactive = append(g.inactive, a)
	return ev(a, false, "deactivated")
}

func (g *gen) rkey(t int64) string {
	g.clock = (g.clock + 1) % 1024
	return syntax.NewTID(t, g.clock).String()
}

func (g *gen) cid() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var b strings.Builder
	b.Grow(59)
	b.WriteString("bafyrei")
	for range 52 {
		b.WriteByte(alphabet[g.r.IntN(32)])
	}
	return b.String()
}

func (g *gen) remember(p recordRef) {
	if len(g.recent) < cap(g.recent) {
		g.recent = append(g.recent, p)
		return
	}
	g.recent[g.head] = p
	g.head = (g.head + 1) % len(g.recent)
}

func (g *gen) pick() (recordRef, bool) {
	if len(g.recent) == 0 {
		return recordRef{}, false
	}
	return g.recent[g.r.IntN(len(g.recent))], true
}

func uriOf(p recordRef, coll string) string {
	return "at://" + Author(p.author).String() + "/" + coll + "/" + p.rkey
}

func (g *gen) next() event {
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
			return g.deleteOf(t, p.author, collectionPost, p.rkey)
		}
	case roll < 920:
		if len(g.reps) > 0 {
			if p := g.reps[g.r.IntN(len(g.reps))]; g.gone[p.author] == 0 {
				return g.deleteOf(t, p.author, collectionRepost, p.rkey)
			}
		}
	case roll < 930:
		if p, ok := g.pick(); ok && g.gone[p.author] == 0 {
			ev := g.postCreate(t)
			ev.DID = Author(p.author).String()
			ev.Commit.Operation, ev.Commit.RKey = "update", p.rkey
			return ev
		}
	case roll < 940:
		a := g.author()
		c := &commit{Operation: "create", Rev: g.rkey(t), Collection: collectionListItem, RKey: g.rkey(t), CID: g.cid()}
		c.Record = record(&bsky.GraphListitem{CreatedAt: timestamp(t), List: "at://" + Author(a).String() + "/app.bsky.graph.list/3kabc", Subject: Author(g.author()).String()})
		return event{DID: Author(a).String(), TimeUS: t, Kind: "commit", Commit: c}
	case roll < 945:
		return g.account(t)
	case roll < 955:
		a := g.author()
		did := Author(a).String()
		return event{DID: did, TimeUS: t, Kind: "identity", Identity: &identity{DID: did, Handle: fmt.Sprintf("user%d.bsky.social", a)}}
	}
	return g.postCreate(t)
}

// nextNetwork is next for MixNetwork.
func (g *gen) nextNetwork() event {
	t := g.tick()
	roll := g.r.IntN(1000)
	switch {
	case roll < 455:
		if ev, ok := g.like(t); ok {
			return ev
		}
	case roll < 460:
		if len(g.likes) > 0 {
			if l := g.likes[g.r.IntN(len(g.likes))]; g.gone[l.author] == 0 {
				return g.deleteOf(t, l.author, collectionLike, l.rkey)
			}
		}
	case roll < 810:
		return g.follow(t)
	case roll < 833:
		if len(g.follows) > 0 {
			if f := g.follows[g.r.IntN(len(g.follows))]; g.gone[f.author] == 0 {
				return g.deleteOf(t, f.author, collectionFollow, f.rkey)
			}
		}
	case roll < 923:
		ev := g.postCreate(t)
		if g.r.IntN(20) == 0 {
			if p, ok := g.pick(); ok {
				var rec bsky.FeedPost
				json.Unmarshal(ev.Commit.Record, &rec)
				rec.Embed = &bsky.FeedPost_Embed{EmbedRecord: &bsky.EmbedRecord{Record: &comatproto.RepoStrongRef{Uri: uriOf(p, collectionPost), Cid: g.cid()}}}
				ev.Commit.Record = record(&rec)
			}
		}
		return ev
	case roll < 927:
		if p, ok := g.pick(); ok && g.gone[p.author] == 0 {
			return g.deleteOf(t, p.author, collectionPost, p.rkey)
		}
	case roll < 928:
		if p, ok := g.pick(); ok && g.gone[p.author] == 0 {
			ev := g.postCreate(t)
			ev.DID = Author(p.author).String()
			ev.Commit.Operation, ev.Commit.RKey = "update", p.rkey
			return ev
		}
	case roll < 987:
		if ev, ok := g.repost(t); ok {
			return ev
		}
	case roll < 989:
		if len(g.reps) > 0 {
			if p := g.reps[g.r.IntN(len(g.reps))]; g.gone[p.author] == 0 {
				return g.deleteOf(t, p.author, collectionRepost, p.rkey)
			}
		}
	case roll < 997:
		a := g.author()
		c := &commit{Operation: "create", Rev: g.rkey(t), Collection: collectionListItem, RKey: g.rkey(t), CID: g.cid()}
		c.Record = record(&bsky.GraphListitem{CreatedAt: timestamp(t), List: "at://" + Author(a).String() + "/app.bsky.graph.list/3kabc", Subject: Author(g.author()).String()})
		return event{DID: Author(a).String(), TimeUS: t, Kind: "commit", Commit: c}
	case roll < 998:
		return g.account(t)
	default:
		a := g.author()
		did := Author(a).String()
		return event{DID: did, TimeUS: t, Kind: "identity", Identity: &identity{DID: did, Handle: fmt.Sprintf("user%d.bsky.social", a)}}
	}
	return g.likeOrPost(t)
}

// likeOrPost is a like, or a post when there is nothing to like yet.
func (g *gen) likeOrPost(t int64) event {
	if ev, ok := g.like(t); ok {
		return ev
	}
	return g.postCreate(t)
}

func ring(r *[]recordRef, head *int, ref recordRef, size int) {
	if len(*r) < size {
		*r = append(*r, ref)
		return
	}
	(*r)[*head] = ref
	*head = (*head + 1) % len(*r)
}

func (g *gen) like(t int64) (event, bool) {
	p, ok := g.pick()
	if !ok {
		return event{}, false
	}
	a := g.author()
	rkey := g.rkey(t)
	ring(&g.likes, &g.lhead, recordRef{author: a, rkey: rkey}, 4096)
	c := &commit{Operation: "create", Rev: rkey, Collection: collectionLike, RKey: rkey, CID: g.cid()}
	c.Record = record(&bsky.FeedLike{CreatedAt: timestamp(t), Subject: &comatproto.RepoStrongRef{Uri: uriOf(p, collectionPost), Cid: g.cid()}})
	return event{DID: Author(a).String(), TimeUS: t, Kind: "commit", Commit: c}, true
}

func (g *gen) follow(t int64) event {
	a := g.author()
	rkey := g.rkey(t)
	ring(&g.follows, &g.fhead, recordRef{author: a, rkey: rkey}, 4096)
	c := &commit{Operation: "create", Rev: rkey, Collection: collectionFollow, RKey: rkey, CID: g.cid()}
	c.Record = record(&bsky.GraphFollow{CreatedAt: timestamp(t), Subject: Author(g.author()).String()})
	return event{DID: Author(a).String(), TimeUS: t, Kind: "commit", Commit: c}
}

func timestamp(t int64) string {
	return time.UnixMicro(t).UTC().Format("2006-01-02T15:04:05.000Z")
}

func (g *gen) postCreate(t int64) event {
	a := g.author()
	rkey := g.rkey(t)
	post := &bsky.FeedPost{CreatedAt: timestamp(t - int64(g.r.IntN(2_000_000)))}
	onTopic := g.r.IntN(50) == 0
	if onTopic {
		post.Text = topic[g.r.IntN(len(topic))]
		post.Langs = langs[g.r.IntN(len(langs))]
	} else {
		post.Text = chatter[g.r.IntN(len(chatter))]
		if g.r.IntN(3) == 0 {
			post.Text += " " + chatter[g.r.IntN(len(chatter))]
		}
		post.Langs = langs[g.r.IntN(len(langs))]
	}
	if g.r.IntN(5) == 0 {
		if p, ok := g.pick(); ok {
			ref := &comatproto.RepoStrongRef{Uri: uriOf(p, collectionPost), Cid: g.cid()}
			post.Reply = &bsky.FeedPost_ReplyRef{Root: ref, Parent: ref}
		}
	}
	if g.r.IntN(8) == 0 {
		post.Embed = &bsky.FeedPost_Embed{EmbedExternal: &bsky.EmbedExternal{External: &bsky.EmbedExternal_External{
			Uri: fmt.Sprintf("https://news.example/%d", g.r.IntN(1e6)), Title: "A headline of moderate length for the card",
			Description: "A description that runs for a sentence or two, as link cards usually do.",
		}}}
	}
	g.remember(recordRef{author: a, rkey: rkey})
	c := &commit{Operation: "create", Rev: rkey, Collection: collectionPost, RKey: rkey, CID: g.cid()}
	c.Record = record(post)
	return event{DID: Author(a).String(), TimeUS: t, Kind: "commit", Commit: c}
}

func (g *gen) repost(t int64) (event, bool) {
	p, ok := g.pick()
	if !ok {
		return event{}, false
	}
	a := g.author()
	if c := g.r.IntN(TierAll + Experts); g.r.IntN(10) == 0 && g.gone[c] == 0 {
		// Curated authors repost a little more than their share.
		a = c
	}
	rkey := g.rkey(t)
	rp := recordRef{author: a, rkey: rkey}
	if len(g.reps) < cap(g.reps) {
		g.reps = append(g.reps, rp)
	} else {
		g.reps[g.rhead] = rp
		g.rhead = (g.rhead + 1) % len(g.reps)
	}
	c := &commit{Operation: "create", Rev: rkey, Collection: collectionRepost, RKey: rkey, CID: g.cid()}
	c.Record = record(&bsky.FeedRepost{CreatedAt: timestamp(t), Subject: &comatproto.RepoStrongRef{Uri: uriOf(p, collectionPost), Cid: g.cid()}})
	return event{DID: Author(a).String(), TimeUS: t, Kind: "commit", Commit: c}, true
}

func (g *gen) deleteOf(t int64, author int, coll, rkey string) event {
	return event{DID: Author(author).String(), TimeUS: t, Kind: "commit", Commit: &commit{
		Operation: "delete", Rev: g.rkey(t), Collection: coll, RKey: rkey,
	}}
}

func (g *gen) garbage() string {
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
