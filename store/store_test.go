package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

const feed = "peace"

func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "feedgen.db"), Options{NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func postURI(did string, n int) syntax.ATURI {
	return syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kpost%07d", did, n))
}

func testPost(did string, n int, sortUS int64, feeds ...string) *model.Post {
	p := &model.Post{
		URI:       postURI(did, n),
		CID:       "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a",
		Author:    syntax.DID(did),
		CreatedUS: sortUS,
		IndexedUS: sortUS,
		Langs:     []string{"en"},
	}
	for _, f := range feeds {
		p.Feeds = append(p.Feeds, model.Membership{Feed: f, Score: 1, Reasons: []string{"test"}})
	}
	return p
}

func put(tb testing.TB, s *Store, posts ...*model.Post) {
	tb.Helper()
	err := s.Update(context.Background(), func(tx *Tx) error {
		for _, p := range posts {
			if err := tx.PutPost(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// walk reads every page of a feed and returns the post URIs in order.
func walk(tb testing.TB, s *Store, feed string, limit int) []syntax.ATURI {
	tb.Helper()
	var uris []syntax.ATURI
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 100000 {
			tb.Fatal("paging does not end")
		}
		items, next, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Cursor: cursor, Limit: limit})
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range items {
			uris = append(uris, it.URI)
		}
		if next == "" {
			return uris
		}
		if next == cursor {
			tb.Fatalf("cursor %q did not advance", next)
		}
		cursor = next
	}
}

func TestOpenTwiceTimesOutWithClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedgen.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(path, Options{Timeout: 50_000_000})
	if err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("second open: got %v, want a 'locked' error", err)
	}
}

func TestOpenRejectsForeignFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("meta"))
		return b.Put([]byte("version"), []byte{0, 0, 0, 99})
	})
	db.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "version 99") {
		t.Fatalf("got %v, want a schema version error", err)
	}
}

func TestCursorNeverMovesBackwards(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	for _, c := range []int64{100, 50, 200, 199} {
		if err := s.Update(ctx, func(tx *Tx) error { return tx.SetCursor("jetstream", c) }); err != nil {
			t.Fatal(err)
		}
	}
	c, ok, err := s.Cursor("jetstream")
	if err != nil || !ok || c != 200 {
		t.Fatalf("got %d %v %v, want 200", c, ok, err)
	}
	if _, ok, _ := s.Cursor("firehose"); ok {
		t.Fatal("a source never saved has no cursor")
	}
}

func TestCorruptCursorIsAnError(t *testing.T) {
	s := mustOpen(t)
	s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("cursor/jetstream"), []byte("garbage"))
	})
	if _, _, err := s.Cursor("jetstream"); !errors.Is(err, ErrCorruptCursor) {
		t.Fatalf("got %v, want ErrCorruptCursor", err)
	}
	if err := s.Update(context.Background(), func(tx *Tx) error { return tx.SetCursor("jetstream", 5) }); !errors.Is(err, ErrCorruptCursor) {
		t.Fatalf("overwriting a corrupt cursor: got %v, want ErrCorruptCursor", err)
	}
}

// The store never writes a cursor it would call corrupt when reading it
// back: the write fails and the saved one stays.
func TestCursorOutOfRangeIsRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	if err := s.Update(ctx, func(tx *Tx) error { return tx.SetCursor("jetstream", 1_700_000_000_000_000) }); err != nil {
		t.Fatal(err)
	}
	for _, c := range []int64{MaxCursor + 1, 9e18, math.MaxInt64, -1} {
		if err := s.Update(ctx, func(tx *Tx) error { return tx.SetCursor("jetstream", c) }); err == nil {
			t.Errorf("SetCursor(%d): got no error", c)
		}
		if err := s.Update(ctx, func(tx *Tx) error { return tx.ReplaceCursor("jetstream", c) }); err == nil {
			t.Errorf("ReplaceCursor(%d): got no error", c)
		}
	}
	if c, ok, err := s.Cursor("jetstream"); err != nil || !ok || c != 1_700_000_000_000_000 {
		t.Fatalf("got %d %v %v, want the cursor saved before", c, ok, err)
	}
	// The largest allowed value reads back.
	if err := s.Update(ctx, func(tx *Tx) error { return tx.SetCursor("firehose/x", MaxCursor) }); err != nil {
		t.Fatal(err)
	}
	if c, _, err := s.Cursor("firehose/x"); err != nil || c != MaxCursor {
		t.Fatalf("got %d %v, want %d", c, err, int64(MaxCursor))
	}
}

// A corrupt cursor is listed as such, and the operator can replace it or
// delete it.
func TestCorruptCursorCanBeRepaired(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("cursor/jetstream"), binary.BigEndian.AppendUint64(nil, 9e18))
	})
	s.Update(ctx, func(tx *Tx) error { return tx.SetCursor("firehose/relay.example", 77) })
	got, err := s.Cursors()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "firehose/relay.example" || got[0].Value != 77 || got[0].Err != nil ||
		got[1].Name != "jetstream" || !errors.Is(got[1].Err, ErrCorruptCursor) {
		t.Fatalf("got %+v, want the firehose cursor and a corrupt jetstream one", got)
	}
	if err := s.Update(ctx, func(tx *Tx) error { return tx.ReplaceCursor("jetstream", 1_000) }); err != nil {
		t.Fatal(err)
	}
	if c, ok, err := s.Cursor("jetstream"); err != nil || !ok || c != 1_000 {
		t.Fatalf("after replace: got %d %v %v, want 1000", c, ok, err)
	}
	if err := s.Update(ctx, func(tx *Tx) error { return tx.DeleteCursor("jetstream") }); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Cursor("jetstream"); ok || err != nil {
		t.Fatalf("after delete: got %v %v, want no cursor", ok, err)
	}
}

func TestFeedIsNewestFirstBySortTime(t *testing.T) {
	s := mustOpen(t)
	const did = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
	old := testPost(did, 1, 1_000, feed)
	mid := testPost(did, 2, 2_000, feed)
	// Claims to be from the far future but was seen at 1_500: it sorts by
	// the time we saw it.
	future := testPost(did, 3, 0, feed)
	future.CreatedUS, future.IndexedUS = 9_000_000, 1_500
	other := testPost(did, 4, 3_000, "other")
	put(t, s, old, mid, future, other)

	got := walk(t, s, feed, 50)
	want := []syntax.ATURI{mid.URI, future.URI, old.URI}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if got := walk(t, s, "other", 50); len(got) != 1 || got[0] != other.URI {
		t.Fatalf("other feed: got %v", got)
	}
	if got := walk(t, s, "nosuchfeed", 50); len(got) != 0 {
		t.Fatalf("unknown feed: got %v, want empty", got)
	}
}

func TestLastPageHasNoCursor(t *testing.T) {
	s := mustOpen(t)
	for i := range 10 {
		put(t, s, testPost("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", i, int64(1000+i), feed))
	}
	for _, tc := range []struct {
		limit, pages int
	}{{10, 1}, {5, 2}, {3, 4}, {100, 1}, {1, 10}} {
		cursor, pages := "", 0
		for {
			items, next, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Cursor: cursor, Limit: tc.limit})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(items) == 0 {
				t.Fatalf("limit %d: empty page %d", tc.limit, pages)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if pages != tc.pages {
			t.Errorf("limit %d: got %d pages, want %d", tc.limit, pages, tc.pages)
		}
	}
}

func TestMalformedCursors(t *testing.T) {
	s := mustOpen(t)
	for _, c := range []string{"x", "1", "1.", ".1", "1.2.3", "-1.2", "1.-2", "+1.2", "1.2 ", " 1.2", "1e3.4",
		"99999999999999999999.1", "1.999999999999999999999", "１.２", "0x10.1", "1,2"} {
		if _, _, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Cursor: c, Limit: 10}); !errors.Is(err, ErrBadCursor) {
			t.Errorf("cursor %q: got %v, want ErrBadCursor", c, err)
		}
	}
	// A well-formed cursor past every post is simply the end.
	items, next, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Cursor: "0.0", Limit: 10})
	if err != nil || len(items) != 0 || next != "" {
		t.Errorf("cursor 0.0: got %v %q %v", items, next, err)
	}
}

// Paging must be stable while the indexer writes: walking a feed of 10,000
// posts, many sharing a timestamp, returns each exactly once and in order,
// while new posts keep arriving on top.
func TestPagingIsStableWhilePostsArrive(t *testing.T) {
	s := mustOpen(t)
	const n = 10_000
	rng := rand.New(rand.NewPCG(1, 2))
	var batch []*model.Post
	for i := range n {
		// 200 distinct timestamps for 10,000 posts.
		batch = append(batch, testPost(fmt.Sprintf("did:plc:author%017d", i%37), i, 1_000_000+int64(rng.IntN(200)), feed))
	}
	rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
	put(t, s, batch...)
	want := walk(t, s, feed, 100)
	if len(want) != n {
		t.Fatalf("feed holds %d posts, want %d", len(want), n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := n; ctx.Err() == nil; i++ {
			p := testPost("did:plc:newcomerxxxxxxxxxxxxxxxx", i, 2_000_000+int64(i), feed)
			if err := s.Update(ctx, func(tx *Tx) error { return tx.PutPost(p) }); err != nil && ctx.Err() == nil {
				t.Error(err)
				return
			}
		}
	}()
	for _, limit := range []int{1, 7, 50, 100} {
		var got []syntax.ATURI
		seen := map[syntax.ATURI]bool{}
		cursor := ""
		for {
			items, next, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Cursor: cursor, Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if seen[it.URI] {
					t.Fatalf("limit %d: %s served twice", limit, it.URI)
				}
				seen[it.URI] = true
				if it.SortUS < 2_000_000 {
					got = append(got, it.URI)
				}
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("limit %d: walked %d of the original posts, want all %d in the same order", limit, len(got), len(want))
		}
	}
	cancel()
	wg.Wait()
}

func TestEditKeepsPlaceAndRedecides(t *testing.T) {
	s := mustOpen(t)
	const did = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
	a, b := testPost(did, 1, 1000, feed, "other"), testPost(did, 2, 2000, feed)
	put(t, s, a, b)
	edit := testPost(did, 1, 5000, feed) // an edit seen later, now out of "other"
	edit.IndexedUS = 9000
	put(t, s, edit)
	if got := walk(t, s, feed, 10); fmt.Sprint(got) != fmt.Sprint([]syntax.ATURI{b.URI, a.URI}) {
		t.Fatalf("an edit moved the post: got %v", got)
	}
	if got := walk(t, s, "other", 10); len(got) != 0 {
		t.Fatalf("edit should have left 'other': got %v", got)
	}
	put(t, s, testPost(did, 1, 5000)) // no feeds any more
	if got := walk(t, s, feed, 10); len(got) != 1 {
		t.Fatalf("post out of every feed is still served: %v", got)
	}
	s.View(func(tx *Tx) error {
		if _, err := tx.Post(a.URI); !errors.Is(err, ErrNotFound) {
			t.Errorf("post out of every feed is still stored: %v", err)
		}
		return nil
	})
}

func TestDeleteLeavesEveryFeedAndStaysDeleted(t *testing.T) {
	s := mustOpen(t)
	const did = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
	p := testPost(did, 1, 1000, feed, "other")
	put(t, s, p)
	ctx := context.Background()
	err := s.Update(ctx, func(tx *Tx) error {
		ok, err := tx.DeletePost(p.URI, 2000)
		if !ok {
			t.Error("delete reported the post missing")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.FeedLen(feed)+s.FeedLen("other") != 0 {
		t.Fatal("deleted post still in a feed")
	}
	err = s.Update(ctx, func(tx *Tx) error { return tx.PutPost(testPost(did, 1, 1000, feed)) })
	if !errors.Is(err, ErrDeleted) {
		t.Fatalf("replayed create: got %v, want ErrDeleted", err)
	}
	if s.FeedLen(feed) != 0 {
		t.Fatal("replayed create brought the post back")
	}
}

func TestRepostItems(t *testing.T) {
	s := mustOpen(t)
	orig := postURI("did:plc:bbbbbbbbbbbbbbbbbbbbbbbb", 1)
	rp := &model.Post{URI: "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.repost/3krepost", CID: "x",
		Author: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", Subject: orig, IndexedUS: 5, Feeds: []model.Membership{{Feed: feed}}}
	put(t, s, rp)
	items, _, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Limit: 10})
	if err != nil || len(items) != 1 {
		t.Fatalf("got %v %v", items, err)
	}
	if items[0].URI != orig || items[0].Repost != rp.URI || items[0].Author() != "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa" {
		t.Fatalf("got %+v, want the original post with the repost as reason", items[0])
	}
}

func TestInactiveAccountIsHiddenUntilActive(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	const did, other = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb"
	put(t, s, testPost(did, 1, 1000, feed, "other"), testPost(did, 2, 2000, feed), testPost(other, 3, 3000, feed))
	setActive := func(active bool, status string) {
		t.Helper()
		if err := s.Update(ctx, func(tx *Tx) error { return tx.SetAccountActive(did, active, status) }); err != nil {
			t.Fatal(err)
		}
	}
	setActive(false, "deactivated")
	if got := walk(t, s, feed, 10); len(got) != 1 || got[0] != postURI(other, 3) {
		t.Fatalf("deactivated account still served: %v", got)
	}
	// A post arriving while inactive stays hidden too.
	put(t, s, testPost(did, 4, 4000, feed))
	if got := walk(t, s, feed, 10); len(got) != 1 {
		t.Fatalf("post of an inactive account served: %v", got)
	}
	setActive(true, "")
	if got := walk(t, s, feed, 10); len(got) != 4 || s.FeedLen("other") != 1 {
		t.Fatalf("reactivated account: got %v, want all 4 back", got)
	}
	setActive(false, "deleted")
	if got := walk(t, s, feed, 10); len(got) != 1 {
		t.Fatalf("deleted account still served: %v", got)
	}
	setActive(true, "")
	if got := walk(t, s, feed, 10); len(got) != 1 {
		t.Fatalf("a deleted account's posts came back: %v", got)
	}
}

func TestAuthorPostsInFeed(t *testing.T) {
	s := mustOpen(t)
	const did = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
	put(t, s, testPost(did, 1, 1000, feed), testPost(did, 2, 2000, feed), testPost(did, 3, 3000, "other"),
		testPost("did:plc:aaaaaaaaaaaaaaaaaaaaaaab", 4, 3000, feed))
	s.View(func(tx *Tx) error {
		for _, tc := range []struct {
			since int64
			want  int
		}{{0, 2}, {1500, 1}, {2000, 1}, {2001, 0}} {
			if got := tx.AuthorPostsInFeed(feed, did, tc.since); got != tc.want {
				t.Errorf("since %d: got %d, want %d", tc.since, got, tc.want)
			}
		}
		return nil
	})
}

func TestPruneRemovesOnlyOldRecords(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	const did = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
	for i := range 1200 {
		put(t, s, testPost(did, i, int64(i), feed))
	}
	s.Update(ctx, func(tx *Tx) error {
		tx.DeletePost(postURI(did, 10), 10)     // old tombstone
		tx.DeletePost(postURI(did, 1100), 1100) // recent tombstone
		return nil
	})
	n, err := s.Prune(ctx, 1000, 100)
	if err != nil {
		t.Fatal(err)
	}
	if n != 999+1 { // posts 0..999 but the deleted #10, and one tombstone
		t.Errorf("pruned %d, want 1000", n)
	}
	if got := s.FeedLen(feed); got != 199 {
		t.Errorf("feed has %d posts after prune, want 199", got)
	}
	s.View(func(tx *Tx) error {
		if tx.Tombstoned(postURI(did, 10)) || !tx.Tombstoned(postURI(did, 1100)) {
			t.Error("prune should drop old tombstones and keep recent ones")
		}
		if tx.AuthorPostsInFeed(feed, did, 0) != 199 {
			t.Error("author index not pruned")
		}
		return nil
	})
}

func TestBackupIsAUsableCopy(t *testing.T) {
	s := mustOpen(t)
	for i := range 50 {
		put(t, s, testPost("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", i, int64(i+1), feed))
	}
	s.Update(context.Background(), func(tx *Tx) error { return tx.SetCursor("jetstream", 42) })
	var buf bytes.Buffer
	if _, err := s.Backup(&buf, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "restored.db")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, want := walk(t, r, feed, 7), walk(t, s, feed, 7); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatal("restored feed differs")
	}
	if c, _, _ := r.Cursor("jetstream"); c != 42 {
		t.Fatalf("restored cursor %d, want 42", c)
	}
}

func TestItemEncodingRoundTrip(t *testing.T) {
	for _, it := range []Item{
		{URI: "at://did:plc:a/app.bsky.feed.post/1"},
		{URI: "at://did:plc:a/app.bsky.feed.post/1", Repost: "at://did:plc:b/app.bsky.feed.repost/2", Langs: []string{"hy", "ru"}},
	} {
		got, err := decodeItem(sortKey(7, 9), encodeItem(it), true, nil)
		if err != nil || got.URI != it.URI || got.Repost != it.Repost || fmt.Sprint(got.Langs) != fmt.Sprint(it.Langs) || got.SortUS != 7 || got.Tie != 9 {
			t.Errorf("got %+v %v, want %+v", got, err, it)
		}
	}
	for _, v := range [][]byte{nil, {0}, {0, 200}, {1, 1, 'a'}, {0, 1, 'a', 5}} {
		if _, err := decodeItem(sortKey(1, 1), v, true, nil); err == nil {
			t.Errorf("corrupt item %v decoded", v)
		}
	}
}
