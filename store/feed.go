package store

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"
)

// Item is one entry of a feed as the skeleton serves it.
type Item struct {
	// URI is the post to show.
	URI syntax.ATURI
	// Repost is the repost record that brought the post in, if any.
	Repost syntax.ATURI
	Langs  []string

	SortUS int64
	// Tie orders items of the same sort time: TieOf the record that put
	// the item in the feed (the repost, for a repost), so that every
	// replica orders a feed the same way.
	Tie uint64
}

// Author is the account whose record put the item in the feed: the
// reposter for a repost, the post's author otherwise.
func (it *Item) Author() syntax.DID {
	uri := it.URI
	if it.Repost != "" {
		uri = it.Repost
	}
	did, _ := uri.Authority().AsDID()
	return did
}

// Cursor is the opaque position just after this item, in the form
// "<sortUS>-<tie as 16 hex digits>". It is unique per item and names the
// same position on every replica, since both parts come from the post.
func (it *Item) Cursor() string {
	return FeedCursor{SortUS: it.SortUS, Tie: it.Tie}.String()
}

// TieOf is the tie-breaker of the record at uri: the first 8 bytes of the
// SHA-256 of its AT-URI. Two records of the same sort time order by it,
// the same way on every replica whatever order they arrived in.
func TieOf(uri syntax.ATURI) uint64 {
	h := sha256.Sum256([]byte(uri))
	return binary.BigEndian.Uint64(h[:8])
}

// FeedCursor is a position in a newest-first feed: just after the entry
// with this sort time and tie-breaker.
type FeedCursor struct {
	SortUS int64
	Tie    uint64
	// Legacy marks a cursor of schema 1, "<sortUS>.<seq>", whose
	// tie-breaker was the store-local sequence number LegacySeq (see
	// model.Post.Seq). FeedPage still continues one exactly.
	Legacy    bool
	LegacySeq uint64
}

func (c FeedCursor) String() string {
	b := make([]byte, 0, 40)
	b = strconv.AppendInt(b, c.SortUS, 10)
	if c.Legacy {
		b = append(b, '.')
		return string(strconv.AppendUint(b, c.LegacySeq, 10))
	}
	b = append(b, '-')
	var h [8]byte
	binary.BigEndian.PutUint64(h[:], c.Tie)
	return string(hex.AppendEncode(b, h[:]))
}

// ParseFeedCursor checks a feed cursor from a client: one this version
// issued, or one of schema 1 (Legacy). Anything else is ErrBadCursor.
func ParseFeedCursor(s string) (FeedCursor, error) {
	if a, b, ok := strings.Cut(s, "-"); ok {
		if len(b) != 16 || !digits(a) || len(a) > 19 {
			return FeedCursor{}, ErrBadCursor
		}
		us, err := strconv.ParseInt(a, 10, 64)
		if err != nil {
			return FeedCursor{}, ErrBadCursor
		}
		var h [8]byte
		if n, err := hex.Decode(h[:], []byte(b)); err != nil || n != 8 {
			return FeedCursor{}, ErrBadCursor
		}
		return FeedCursor{SortUS: us, Tie: binary.BigEndian.Uint64(h[:])}, nil
	}
	us, seq, err := ParseCursor(s)
	if err != nil {
		return FeedCursor{}, err
	}
	return FeedCursor{SortUS: us, Legacy: true, LegacySeq: seq}, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseCursor reads a "<us>.<seq>" position: the cursors of the review
// queue and the audit log, whose sequence numbers are this store's own,
// and the feed cursors of schema 1. Anything else is ErrBadCursor.
func ParseCursor(s string) (us int64, seq uint64, err error) {
	a, b, ok := strings.Cut(s, ".")
	if !ok || !digits(a) || !digits(b) || len(a) > 19 || len(b) > 20 {
		return 0, 0, ErrBadCursor
	}
	t, err := strconv.ParseInt(a, 10, 64)
	if err != nil {
		return 0, 0, ErrBadCursor
	}
	seq, err = strconv.ParseUint(b, 10, 64)
	if err != nil {
		return 0, 0, ErrBadCursor
	}
	return t, seq, nil
}

// Item value layout: flags(1) | uvarint len | post URI | [uvarint len |
// repost URI] | uvarint count | (uvarint len | lang)*. Small and fast to
// decode, since a page decodes up to a hundred of them.
const itemRepost = 1

func encodeItem(it Item) []byte {
	n := 1 + binary.MaxVarintLen32 + len(it.URI) + binary.MaxVarintLen32 + len(it.Repost) + binary.MaxVarintLen32
	for _, l := range it.Langs {
		n += binary.MaxVarintLen32 + len(l)
	}
	b := make([]byte, 1, n)
	if it.Repost != "" {
		b[0] |= itemRepost
	}
	b = binary.AppendUvarint(b, uint64(len(it.URI)))
	b = append(b, it.URI...)
	if it.Repost != "" {
		b = binary.AppendUvarint(b, uint64(len(it.Repost)))
		b = append(b, it.Repost...)
	}
	b = binary.AppendUvarint(b, uint64(len(it.Langs)))
	for _, l := range it.Langs {
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	return b
}

var errBadItem = errors.New("corrupt feed item")

// strArena makes the strings of one page's items out of a few large
// allocations instead of one each: a page decodes up to a hundred URIs,
// and on the serving path their allocations were most of its garbage.
// Bytes once written are never written again, so each string stays
// immutable; a full chunk is left to the strings that point into it.
type strArena struct{ buf []byte }

func (a *strArena) str(b []byte) string {
	if a == nil {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	if cap(a.buf)-len(a.buf) < len(b) {
		a.buf = make([]byte, 0, max(4096, len(b)))
	}
	start := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[start], len(b))
}

// decodeItem decodes a feed entry; a is where its strings are made (nil:
// each its own allocation).
func decodeItem(k, v []byte, withLangs bool, arena *strArena) (Item, error) {
	var it Item
	if len(k) != 16 || len(v) < 2 {
		return it, errBadItem
	}
	it.SortUS = int64(binary.BigEndian.Uint64(k))
	it.Tie = binary.BigEndian.Uint64(k[8:])
	flags, rest := v[0], v[1:]
	str := func() (string, bool) {
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > uint64(len(rest)-w) {
			return "", false
		}
		s := arena.str(rest[w : w+int(n)])
		rest = rest[w+int(n):]
		return s, true
	}
	s, ok := str()
	if !ok {
		return it, errBadItem
	}
	it.URI = syntax.ATURI(s)
	if flags&itemRepost != 0 {
		if s, ok = str(); !ok {
			return it, errBadItem
		}
		it.Repost = syntax.ATURI(s)
	}
	if !withLangs {
		return it, nil
	}
	n, w := binary.Uvarint(rest)
	if w <= 0 || n > uint64(len(rest)) {
		return it, errBadItem
	}
	rest = rest[w:]
	if n > 0 {
		it.Langs = make([]string, 0, n)
		for range n {
			if s, ok = str(); !ok {
				return it, errBadItem
			}
			it.Langs = append(it.Langs, s)
		}
	}
	return it, nil
}

// PageRequest asks for one page of a feed, newest first.
type PageRequest struct {
	Feed string
	// Cursor is "" for the first page, or a cursor this store issued.
	Cursor string
	Limit  int
	// Skip, if set, drops items from the page (a viewer's hidden posts,
	// pins served separately). Skipped items do not count toward Limit.
	Skip func(*Item) bool
	// Langs asks for each item's languages, which serving a plain page
	// does not need.
	Langs bool
	// MaxScan bounds how many entries one request may read when Skip
	// drops many; zero means 50 times Limit. A page cut short by it still
	// carries a cursor, so the client can go on.
	MaxScan int
}

// FeedPage reads one page: a seek to the cursor and a scan of the entries
// after it. next is "" on the last page. A cursor of schema 1 continues
// where it left off (see legacyTies), then the page goes on as any other.
func (s *Store) FeedPage(ctx context.Context, req PageRequest) (items []Item, next string, err error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if req.Limit <= 0 {
		return nil, "", errors.New("feed page: limit must be positive")
	}
	var cur FeedCursor
	var from []byte
	if req.Cursor != "" {
		if cur, err = ParseFeedCursor(req.Cursor); err != nil {
			return nil, "", err
		}
		from = sortKey(cur.SortUS, cur.Tie)
		if cur.Legacy {
			// The legacy ties are served first; the scan goes on below
			// every entry of the cursor's sort time.
			from = sortKey(cur.SortUS, 0)
		}
	}
	maxScan := req.MaxScan
	if maxScan <= 0 {
		maxScan = 50 * req.Limit
	}
	items = make([]Item, 0, req.Limit)
	err = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds).Bucket([]byte(req.Feed))
		if b == nil {
			return nil
		}
		scanned := 0
		if cur.Legacy {
			ties, err := legacyTies(tx, b, cur)
			if err != nil {
				return fmt.Errorf("feed %s: %w", req.Feed, err)
			}
			for i := range ties {
				if len(items) == req.Limit || scanned == maxScan {
					next = FeedCursor{SortUS: cur.SortUS, Legacy: true, LegacySeq: ties[i-1].seq}.String()
					return nil
				}
				scanned++
				if req.Skip != nil && req.Skip(&ties[i].Item) {
					continue
				}
				items = append(items, ties[i].Item)
			}
			if len(ties) > 0 && (len(items) == req.Limit || scanned == maxScan) {
				if hasBefore(b, from) {
					next = FeedCursor{SortUS: cur.SortUS, Legacy: true, LegacySeq: ties[len(ties)-1].seq}.String()
				}
				return nil
			}
		}
		c := b.Cursor()
		var k, v []byte
		if from == nil {
			k, v = c.Last()
		} else {
			// Seek lands on the cursor's own key or the first one after
			// it; either way the page starts just before.
			if k, _ = c.Seek(from); k == nil {
				k, v = c.Last()
			} else {
				k, v = c.Prev()
			}
			for k != nil && bytes.Compare(k, from) >= 0 {
				k, v = c.Prev()
			}
		}
		var last []byte
		arena := &strArena{buf: make([]byte, 0, 96*req.Limit)}
		for ; k != nil; k, v = c.Prev() {
			if len(items) == req.Limit || scanned == maxScan {
				// There is more: the cursor points after the last
				// entry we looked at.
				next = cursorOf(last)
				return nil
			}
			scanned++
			last = k
			it, err := decodeItem(k, v, req.Langs, arena)
			if err != nil {
				return fmt.Errorf("feed %s at %x: %w", req.Feed, k, err)
			}
			if req.Skip != nil && req.Skip(&it) {
				continue
			}
			items = append(items, it)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return items, next, nil
}

// hasBefore reports whether b holds a key below k.
func hasBefore(b *bolt.Bucket, k []byte) bool {
	c := b.Cursor()
	if got, _ := c.Seek(k); got == nil {
		got, _ = c.Last()
		return got != nil
	}
	got, _ := c.Prev()
	return got != nil
}

// legacyTie is an entry with the schema-1 sequence number of its record.
type legacyTie struct {
	Item
	seq uint64
}

// legacyTies are the entries a schema-1 cursor has not served yet among
// those of its own sort time: schema 1 ordered them by the store-local
// sequence number each record got when it arrived (kept in model.Post.Seq),
// newest first, so those below the cursor's number come next, in that
// order. Records kept since schema 2 have no number, were never served
// under schema 1's order, and are left out, as schema 1 would have left
// them. Entries of one sort time are few (posts of the same microsecond),
// so reading their records costs little.
func legacyTies(tx *bolt.Tx, b *bolt.Bucket, cur FeedCursor) ([]legacyTie, error) {
	posts := tx.Bucket(bucketPosts)
	prefix := sortKey(cur.SortUS, 0)[:8]
	var out []legacyTie
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		it, err := decodeItem(k, v, true, nil)
		if err != nil {
			return nil, fmt.Errorf("at %x: %w", k, err)
		}
		rec := it.URI
		if it.Repost != "" {
			rec = it.Repost
		}
		var p struct {
			Seq uint64 `json:"seq"`
		}
		if pv := posts.Get([]byte(rec)); pv != nil {
			if err := json.Unmarshal(pv, &p); err != nil {
				return nil, fmt.Errorf("decode post %s: %w", rec, err)
			}
		}
		if p.Seq == 0 || p.Seq >= cur.LegacySeq {
			continue
		}
		out = append(out, legacyTie{Item: it, seq: p.Seq})
	}
	slices.SortFunc(out, func(a, b legacyTie) int { return cmp.Compare(b.seq, a.seq) })
	return out, nil
}

func cursorOf(k []byte) string {
	return FeedCursor{SortUS: int64(binary.BigEndian.Uint64(k)), Tie: binary.BigEndian.Uint64(k[8:])}.String()
}

// FeedLen counts the entries of a feed. It reads the whole feed: for tests
// and tools, not for serving.
func (s *Store) FeedLen(feed string) int {
	n := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketFeeds).Bucket([]byte(feed)); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n
}

// Prune removes records and tombstones older than cutoffUS, batch at a time
// in short transactions so serving and ingest are never held up for long.
// It returns how many records and tombstones it removed.
func (s *Store) Prune(ctx context.Context, cutoffUS int64, batch int) (int, error) {
	if batch <= 0 {
		batch = 500
	}
	total := 0
	for {
		n := 0
		err := s.Update(ctx, func(tx *Tx) error {
			c := tx.tx.Bucket(bucketByTime).Cursor()
			var uris []syntax.ATURI
			for k, v := c.First(); k != nil && len(uris) < batch; k, v = c.Next() {
				if int64(binary.BigEndian.Uint64(k)) >= cutoffUS {
					break
				}
				uris = append(uris, syntax.ATURI(v))
			}
			for _, uri := range uris {
				if _, err := tx.DeletePost(uri, 0); err != nil {
					return err
				}
			}
			n = len(uris)
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("prune posts: %w", err)
		}
		total += n
		if n < batch {
			break
		}
	}
	var after []byte
	for {
		var old [][]byte
		done := false
		err := s.Update(ctx, func(tx *Tx) error {
			b := tx.tx.Bucket(bucketTombstones)
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
			}
			scanned := 0
			for ; k != nil && scanned < 10*batch && len(old) < batch; k, v = c.Next() {
				scanned++
				after = append(append([]byte(nil), k...), 0)
				if len(v) == 8 && int64(binary.BigEndian.Uint64(v)) < cutoffUS {
					old = append(old, append([]byte(nil), k...))
				}
			}
			done = k == nil
			// Deleting while a bbolt cursor iterates can skip keys, so
			// collect first and delete after.
			for _, k := range old {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("prune tombstones: %w", err)
		}
		total += len(old)
		if done {
			return total, nil
		}
	}
}
