package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

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
	Seq    uint64
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
// "<sortUS>.<seq>". It is unique per item.
func (it *Item) Cursor() string {
	return strconv.FormatInt(it.SortUS, 10) + "." + strconv.FormatUint(it.Seq, 10)
}

// ParseCursor checks a cursor from a client and returns the key it names.
// Anything this store did not issue is ErrBadCursor.
func ParseCursor(s string) (sortUS int64, seq uint64, err error) {
	a, b, ok := strings.Cut(s, ".")
	if !ok || a == "" || b == "" || len(a) > 19 || len(b) > 20 {
		return 0, 0, ErrBadCursor
	}
	for _, part := range [2]string{a, b} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, 0, ErrBadCursor
			}
		}
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

func decodeItem(k, v []byte, withLangs bool) (Item, error) {
	var it Item
	if len(k) != 16 || len(v) < 2 {
		return it, errBadItem
	}
	it.SortUS = int64(binary.BigEndian.Uint64(k))
	it.Seq = binary.BigEndian.Uint64(k[8:])
	flags, rest := v[0], v[1:]
	str := func() (string, bool) {
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > uint64(len(rest)-w) {
			return "", false
		}
		s := string(rest[w : w+int(n)])
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
// after it. next is "" on the last page.
func (s *Store) FeedPage(ctx context.Context, req PageRequest) (items []Item, next string, err error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if req.Limit <= 0 {
		return nil, "", errors.New("feed page: limit must be positive")
	}
	var from []byte
	if req.Cursor != "" {
		sortUS, seq, err := ParseCursor(req.Cursor)
		if err != nil {
			return nil, "", err
		}
		from = sortKey(sortUS, seq)
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
		for scanned := 0; k != nil; k, v = c.Prev() {
			if len(items) == req.Limit || scanned == maxScan {
				// There is more: the cursor points after the last
				// entry we looked at.
				next = cursorOf(last)
				return nil
			}
			scanned++
			last = k
			it, err := decodeItem(k, v, req.Langs)
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

func cursorOf(k []byte) string {
	it := Item{SortUS: int64(binary.BigEndian.Uint64(k)), Seq: binary.BigEndian.Uint64(k[8:])}
	return it.Cursor()
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
