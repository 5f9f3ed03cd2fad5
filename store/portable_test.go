package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

// Two stores that received the same posts in different orders, many of
// them in the same microsecond, order them the same way, and a scroll that
// alternates between them serves every post once, in order.
func TestCursorsArePortableAcrossStores(t *testing.T) {
	var posts []*model.Post
	for i := range 400 {
		us := int64(1_000_000 + i)
		switch {
		case i < 150:
			us = 5_000_000 // a burst in one microsecond
		case i%4 != 0:
			us = int64(6_000_000 + i/4) // groups of a few
		}
		p := testPost(fmt.Sprintf("did:plc:author%02d", i%13), i, us, feed)
		posts = append(posts, p)
	}
	load := func(seed uint64) *Store {
		s := mustOpen(t)
		order := slices.Clone(posts)
		rand.New(rand.NewPCG(seed, seed)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for len(order) > 0 { // several commits, as the indexer makes
			n := min(len(order), 37)
			batch := make([]*model.Post, n)
			for i, p := range order[:n] {
				cp := *p
				batch[i] = &cp
			}
			put(t, s, batch...)
			order = order[n:]
		}
		return s
	}
	a, b := load(1), load(2)
	full := walk(t, a, feed, 100)
	if len(full) != len(posts) {
		t.Fatalf("store a serves %d posts, want %d", len(full), len(posts))
	}
	if other := walk(t, b, feed, 100); !slices.Equal(full, other) {
		t.Fatal("two stores order the same posts differently")
	}
	for _, limit := range []int{1, 7, 50} {
		var got []syntax.ATURI
		cursor := ""
		for page := 0; ; page++ {
			s := a
			if page%2 == 1 {
				s = b
			}
			items, next, err := s.FeedPage(context.Background(), PageRequest{Feed: feed, Cursor: cursor, Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				got = append(got, it.URI)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if !slices.Equal(got, full) {
			t.Fatalf("limit %d: a scroll alternating between the stores served %d posts (want %d) or out of order", limit, len(got), len(full))
		}
	}
}

func TestFeedCursorRoundTripAndRejects(t *testing.T) {
	for _, c := range []FeedCursor{{SortUS: 0, Tie: 0}, {SortUS: 1780000000000000, Tie: 0xdeadbeef01234567}, {SortUS: 1<<63 - 1, Tie: 1<<64 - 1}} {
		got, err := ParseFeedCursor(c.String())
		if err != nil || got != c {
			t.Errorf("%q: got %+v %v", c.String(), got, err)
		}
	}
	if got, err := ParseFeedCursor("1780000000000000.42"); err != nil || !got.Legacy || got.LegacySeq != 42 || got.SortUS != 1780000000000000 {
		t.Errorf("a schema-1 cursor: got %+v %v", got, err)
	}
	for _, bad := range []string{"", "-", "1-", "-0123456789abcdef", "1-0123456789abcde", "1-0123456789abcdeg", "1-0123456789ABCDEFF", "+1-0123456789abcdef", "1.x", "1.", "99999999999999999999-0123456789abcdef", "1-0123456789abcdef-"} {
		if _, err := ParseFeedCursor(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// v1Pages is every page of the fixture's feeds as schema 1 served them,
// limit 7 (testdata/v1-pages.json, made with the fixture).
type v1Page struct {
	Cursor string   `json:"cursor"`
	Posts  []string `json:"posts"`
	Next   string   `json:"next"`
}

// openV1Copy copies the fixture database, made by the schema-1 code
// (testdata/gen_v1.go.txt), to a temporary file and returns its path.
func openV1Copy(t *testing.T) (string, map[string][]v1Page) {
	t.Helper()
	f, err := os.Open("testdata/v1.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "feedgen.db")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/v1-pages.json")
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string][]v1Page
	if err := json.Unmarshal(b, &pages); err != nil {
		t.Fatal(err)
	}
	return path, pages
}

func pageEntries(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = string(it.URI) + " " + string(it.Repost)
	}
	return out
}

// checkIndexes holds every kept record to the key schema: its bytime and
// authors keys, and its entry in each feed it is visibly in, all under
// its portable key; and no index entry without its record.
func checkIndexes(t *testing.T, s *Store) {
	t.Helper()
	err := s.View(func(tx *Tx) error {
		want := map[string]int{}
		posts := 0
		err := tx.tx.Bucket(bucketPosts).ForEach(func(k, v []byte) error {
			var p model.Post
			if err := json.Unmarshal(v, &p); err != nil {
				return err
			}
			posts++
			key := postKey(&p)
			if got := tx.tx.Bucket(bucketByTime).Get(key); string(got) != string(p.URI) {
				t.Errorf("%s: bytime has %q at its key", p.URI, got)
			}
			if got := tx.tx.Bucket(bucketAuthors).Get(authorKey(p.Author, p.SortUS, TieOf(p.URI))); string(got) != string(p.URI) {
				t.Errorf("%s: authors has %q at its key", p.URI, got)
			}
			if !p.Hidden {
				for _, m := range p.Feeds {
					want[m.Feed]++
					b := tx.tx.Bucket(bucketFeeds).Bucket([]byte(m.Feed))
					if b == nil || b.Get(key) == nil {
						t.Errorf("%s: not in feed %s at its key", p.URI, m.Feed)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n := tx.tx.Bucket(bucketByTime).Stats().KeyN; n != posts {
			t.Errorf("bytime has %d keys for %d records", n, posts)
		}
		if n := tx.tx.Bucket(bucketAuthors).Stats().KeyN; n != posts {
			t.Errorf("authors has %d keys for %d records", n, posts)
		}
		return tx.tx.Bucket(bucketFeeds).ForEachBucket(func(name []byte) error {
			if n := tx.tx.Bucket(bucketFeeds).Bucket(name).Stats().KeyN; n != want[string(name)] {
				t.Errorf("feed %s has %d entries, its records say %d", name, n, want[string(name)])
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A database made by the schema-1 code migrates at Open: its version is
// 2, every index is under the portable keys, the feeds hold what they
// held, and a cursor schema 1 issued before the migration goes on to serve
// exactly the posts schema 1 would still have served, none twice.
func TestMigrationFromSchema1(t *testing.T) {
	path, v1 := openV1Copy(t)
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "version 1") {
		t.Fatalf("read-only open of a schema-1 file: got %v, want a clear error", err)
	}
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyVersion); binary.BigEndian.Uint32(v) != 2 {
			t.Errorf("version %d after the migration", binary.BigEndian.Uint32(v))
		}
		if tx.Bucket(bucketMeta).Get(keyMigration) != nil {
			t.Error("migration progress left in meta")
		}
		return nil
	})
	checkIndexes(t, s)
	ctx := context.Background()
	for feed, pages := range v1 {
		var all []string
		for _, pg := range pages {
			all = append(all, pg.Posts...)
		}
		// From the top: the same posts.
		var now []string
		cursor := ""
		for range 1000 {
			items, next, err := s.FeedPage(ctx, PageRequest{Feed: feed, Cursor: cursor, Limit: 7})
			if err != nil {
				t.Fatal(err)
			}
			now = append(now, pageEntries(items)...)
			if next == "" {
				break
			}
			if strings.Contains(next, ".") {
				t.Fatalf("a schema-2 page issued a schema-1 cursor %q", next)
			}
			cursor = next
		}
		if !sameSet(now, all) {
			t.Fatalf("%s: after the migration the feed serves %d entries, before %d, or others", feed, len(now), len(all))
		}
		// From each old cursor: the rest, once each.
		tested := 0
		for i, pg := range pages {
			if pg.Next == "" {
				continue
			}
			served := map[string]bool{}
			for _, p := range pages[:i+1] {
				for _, e := range p.Posts {
					served[e] = true
				}
			}
			var rest []string
			for _, p := range pages[i+1:] {
				rest = append(rest, p.Posts...)
			}
			for _, limit := range []int{7, 3, 50} {
				var got []string
				cursor := pg.Next
				for range 1000 {
					items, next, err := s.FeedPage(ctx, PageRequest{Feed: feed, Cursor: cursor, Limit: limit})
					if err != nil {
						t.Fatalf("old cursor %q: %v", cursor, err)
					}
					for _, e := range pageEntries(items) {
						if served[e] {
							t.Fatalf("old cursor %q (limit %d) serves %s again", pg.Next, limit, e)
						}
					}
					got = append(got, pageEntries(items)...)
					if next == "" {
						break
					}
					cursor = next
				}
				if len(got) != len(rest) || !sameSet(got, rest) {
					t.Fatalf("%s: old cursor %q (limit %d) goes on with %d entries, schema 1 would have served %d", feed, pg.Next, limit, len(got), len(rest))
				}
			}
			tested++
		}
		if tested < 10 {
			t.Fatalf("%s: only %d old cursors", feed, tested)
		}
	}
	// The rules change saved part-way by schema 1 goes on.
	err = s.View(func(tx *Tx) error {
		r, err := tx.Rejudge("peace")
		if err != nil {
			return err
		}
		if !strings.Contains(r.After, ".") {
			t.Fatalf("the fixture's rejudge position %q is not schema 1's", r.After)
		}
		ps, next, err := tx.KeptAfter(r.After, 1000)
		if err != nil {
			return err
		}
		us, _, _ := ParseCursor(r.After)
		if len(ps) == 0 || ps[0].SortUS != us || next == "" {
			t.Errorf("kept after %q: %d records from %d", r.After, len(ps), ps[0].SortUS)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Retention still finds every index entry under its new key.
	if _, err := s.Prune(ctx, 1_780_000_000_000_000+300*37_000_000, 50); err != nil {
		t.Fatal(err)
	}
	checkIndexes(t, s)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// A migration interrupted part-way (here: after the first stage and a
// few batches of the second) finishes at the next Open, from where it stopped, to the same
// database an uninterrupted one makes.
func TestMigrationInterruptedResumes(t *testing.T) {
	clean, _ := openV1Copy(t)
	s, err := Open(clean, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpIndexes(t, s)
	s.Close()

	path, _ := openV1Copy(t)
	defer func(n int) { migrateBatch = n }(migrateBatch)
	migrateBatch = 13
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw := &Store{db: db}
	for from := []byte(nil); ; {
		_, next, err := raw.migrateStage("authors", from)
		if err != nil {
			t.Fatal(err)
		}
		if from = next; next == nil {
			break
		}
	}
	from := []byte(nil)
	for range 3 {
		_, next, err := raw.migrateStage("bytime", from)
		if err != nil {
			t.Fatal(err)
		}
		from = next
	}
	// Saved the stage it was in.
	_ = db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyMigration); !bytes.HasPrefix(v, []byte("bytime\x00")) {
			t.Errorf("progress %q", v)
		}
		return nil
	})
	db.Close()

	s, err = Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := dumpIndexes(t, s)
	if !maps2Equal(got, want) {
		t.Fatal("an interrupted migration ends in a different database")
	}
	checkIndexes(t, s)
}

func dumpIndexes(t *testing.T, s *Store) map[string]string {
	out := map[string]string{}
	err := s.db.View(func(tx *bolt.Tx) error {
		dump := func(prefix string, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if v != nil {
					out[prefix+string(k)] = string(v)
				}
				return nil
			})
		}
		for _, name := range [][]byte{bucketAuthors, bucketByTime, bucketPosts} {
			if err := dump(string(name)+"/", tx.Bucket(name)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketFeeds).ForEachBucket(func(name []byte) error {
			return dump("feeds/"+string(name)+"/", tx.Bucket(bucketFeeds).Bucket(name))
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func maps2Equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
