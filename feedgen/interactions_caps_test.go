package feedgen

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/store"
)

func lessBody(items ...string) string {
	in := bsky.FeedSendInteractions_Input{}
	for _, item := range items {
		item, ev := item, EventRequestLess
		in.Interactions = append(in.Interactions, &bsky.FeedDefs_Interaction{Item: &item, Event: &ev})
	}
	b, _ := json.Marshal(in)
	return string(b)
}

// longItem is a post URI of exactly n bytes by author.
func longItem(author string, i, n int) string {
	prefix := "at://" + author + "/app.bsky.feed.post/" + fmt.Sprint(i) + "x"
	return prefix + strings.Repeat("k", n-len(prefix))
}

// A request carries at most 100 interactions and items of at most 512
// bytes; beyond that it is refused whole, with a message that says so.
func TestSendInteractionsCaps(t *testing.T) {
	f := newViewerFixture(t, interactionsConfig(), false)
	items := make([]string, 101)
	for i := range items {
		items[i] = fmt.Sprintf("at://did:plc:axxxxxxxxxxxxxxxxxxxxxxx/app.bsky.feed.post/%d", i)
	}
	code, body := f.send(t, alice, "application/json", lessBody(items...))
	if code != 400 || !strings.Contains(body, "send at most 100 at a time") {
		t.Errorf("101 interactions: got %d %s, want 400 naming the limit", code, body)
	}
	code, body = f.send(t, alice, "application/json", lessBody(longItem("did:plc:axxxxxxxxxxxxxxxxxxxxxxx", 1, 513)))
	if code != 400 || !strings.Contains(body, "item is longer than 512 bytes") {
		t.Errorf("a 513-byte item: got %d %s, want 400", code, body)
	}
	if n := f.store.CountViewerPrefs(); n != 0 {
		t.Fatalf("refused requests stored %d records", n)
	}
	if code, body := f.send(t, alice, "application/json", lessBody(items[:100]...)); code != 200 {
		t.Errorf("100 interactions: got %d %s, want 200", code, body)
	}
	if code, body := f.send(t, alice, "application/json", lessBody(longItem("did:plc:axxxxxxxxxxxxxxxxxxxxxxx", 1, 512))); code != 200 {
		t.Errorf("a 512-byte item: got %d %s, want 200", code, body)
	}
}

// However a viewer fills it, with the longest items allowed, the record
// kept for them stays within the documented bound.
func TestViewerRecordIsBounded(t *testing.T) {
	cfg := interactionsConfig()
	cfg.Interactions = InteractionPolicy{WriteRate: 1e6, WriteBurst: 1e6}
	f := newViewerFixture(t, cfg, false)
	// Authors with long did:web names, so author marks are long too.
	var authors []string
	for a := range 120 {
		authors = append(authors, fmt.Sprintf("did:web:%03d.%s.example.com", a, strings.Repeat("h", 180)))
	}
	send := func(event string, items []string) {
		t.Helper()
		body := strings.Replace(lessBody(items...), EventRequestLess, event, -1)
		if code, resp := f.send(t, alice, "application/json", body); code != 200 {
			t.Fatalf("got %d %s", code, resp)
		}
		f.clock.Add(time.Second)
	}
	n := 0
	batch := func() []string {
		var items []string
		for range 100 {
			items = append(items, longItem(authors[n%len(authors)], n, 512))
			n++
		}
		return items
	}
	// More than the record keeps of each kind: "show more" on 300 posts,
	// then "show less" on 400 others, three or more per author.
	for range 3 {
		send(EventRequestMore, batch())
	}
	for range 4 {
		send(EventRequestLess, batch())
	}
	var size int
	f.store.View(func(tx *store.Tx) error {
		size = len(tx.Bolt().Bucket([]byte("viewerprefs")).Get([]byte(string(alice) + "\x00sc-peace")))
		return nil
	})
	p, _ := f.store.ViewerPrefs(context.Background(), alice, "sc-peace")
	t.Logf("record: %d bytes; %d less, %d more, %d authors", size, len(p.LessPosts), len(p.MorePosts), len(p.LessAuthors))
	if size == 0 || size > 210<<10 {
		t.Errorf("record is %d bytes, want at most 210 KB", size)
	}
	if len(p.LessPosts) > 200 || len(p.MorePosts) > 100 || len(p.LessAuthors) > 100 {
		t.Errorf("lists %d/%d/%d, want at most 200/100/100", len(p.LessPosts), len(p.MorePosts), len(p.LessAuthors))
	}
}

// referenceApply is the obvious version of applyAll, list scans at every
// step, kept as the specification the indexed one must match: each list
// holds to its bound at every step, the oldest mark going first.
func referenceApply(pol *InteractionPolicy, p *store.ViewerPrefs, its []interaction, nowUS int64) {
	remove := func(marks []store.Mark, subject string) []store.Mark {
		var out []store.Mark
		for _, m := range marks {
			if m.Subject != subject {
				out = append(out, m)
			}
		}
		return out
	}
	limits := map[*[]store.Mark]int{&p.LessPosts: pol.MaxLessPosts, &p.MorePosts: pol.MaxMorePosts, &p.LessAuthors: pol.MaxLessAuthors}
	upsertInto := func(list *[]store.Mark, subject string, at int64) {
		l := append(remove(*list, subject), store.Mark{Subject: subject, AtUS: at})
		if n := limits[list]; len(l) > n {
			l = l[len(l)-n:]
		}
		*list = l
	}
	for _, it := range its {
		post, author := string(it.item), authorOf(it.item)
		switch it.event {
		case EventRequestLess:
			p.MorePosts = remove(p.MorePosts, post)
			upsertInto(&p.LessPosts, post, nowUS)
			since := nowUS - pol.AuthorWindow.Microseconds()
			for _, m := range p.MorePosts {
				if authorOf(syntax.ATURI(m.Subject)) == author {
					since = max(since, m.AtUS+1)
				}
			}
			n := 0
			for _, m := range p.LessPosts {
				if m.AtUS >= since && authorOf(syntax.ATURI(m.Subject)) == author {
					n++
				}
			}
			if n >= pol.AuthorThreshold {
				upsertInto(&p.LessAuthors, author, nowUS)
			}
		case EventRequestMore:
			p.LessPosts = remove(p.LessPosts, post)
			p.LessAuthors = remove(p.LessAuthors, author)
			upsertInto(&p.MorePosts, post, nowUS)
		}
	}
}

func TestApplyAllMatchesTheReference(t *testing.T) {
	// Small bounds, so that the random requests run into them.
	pol := InteractionPolicy{MaxLessPosts: 10, MaxMorePosts: 5, MaxLessAuthors: 2}
	pol.setDefaults()
	r := rand.New(rand.NewPCG(9, 9))
	norm := func(m []store.Mark) []store.Mark {
		if len(m) == 0 {
			return nil
		}
		return m
	}
	for round := range 300 {
		got, want := &store.ViewerPrefs{}, &store.ViewerPrefs{}
		now := int64(1_000_000_000)
		for range 1 + r.IntN(6) {
			var its []interaction
			for range r.IntN(40) {
				ev := EventRequestLess
				if r.IntN(3) == 0 {
					ev = EventRequestMore
				}
				item := syntax.ATURI(fmt.Sprintf("at://did:plc:%d/app.bsky.feed.post/%d", r.IntN(4), r.IntN(12)))
				its = append(its, interaction{event: ev, item: item})
			}
			pol.applyAll(got, its, now)
			referenceApply(&pol, want, its, now)
			now += int64(r.IntN(3)) * 24 * 3600 * 1e6 * 10
		}
		for _, l := range [][2][]store.Mark{{got.LessPosts, want.LessPosts}, {got.MorePosts, want.MorePosts}, {got.LessAuthors, want.LessAuthors}} {
			if !reflect.DeepEqual(norm(l[0]), norm(l[1])) {
				t.Fatalf("round %d: got %+v, want %+v", round, got, want)
			}
		}
	}
}
