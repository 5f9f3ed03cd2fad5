package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// FeedMark is where a feed stands: its newest entry, and how many entries
// have left it (counted in the feed bucket's sequence).
type FeedMark struct {
	NewestUS  int64
	NewestTie uint64
	Removals  uint64
}

func markOf(b *bolt.Bucket) FeedMark {
	m := FeedMark{Removals: b.Sequence()}
	if k, _ := b.Cursor().Last(); len(k) == 16 {
		m.NewestUS, m.NewestTie = int64(binary.BigEndian.Uint64(k)), binary.BigEndian.Uint64(k[8:])
	}
	return m
}

// Mark is where feed stands now.
func (s *Store) Mark(feed string) FeedMark {
	var m FeedMark
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketFeeds).Bucket([]byte(feed)); b != nil {
			m = markOf(b)
		}
		return nil
	})
	return m
}

// FeedSince returns the entries of feed whose sort time is at or after
// sinceUS, newest first, at most max of them (the newest), with their
// languages: the posts a ranking of the last hours or days looks at. It
// also returns where the feed stood as it was read (see InFeedNow).
func (s *Store) FeedSince(ctx context.Context, feed string, sinceUS int64, max int) ([]Item, FeedMark, error) {
	if err := ctx.Err(); err != nil {
		return nil, FeedMark{}, err
	}
	var items []Item
	var mark FeedMark
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds).Bucket([]byte(feed))
		if b == nil {
			return nil
		}
		mark = markOf(b)
		c := b.Cursor()
		for k, v := c.Last(); k != nil && len(items) < max; k, v = c.Prev() {
			if len(k) == 16 && int64(binary.BigEndian.Uint64(k)) < sinceUS {
				break
			}
			it, err := decodeItem(k, v, true, nil)
			if err != nil {
				return fmt.Errorf("feed %s at %x: %w", feed, k, err)
			}
			items = append(items, it)
		}
		return nil
	})
	return items, mark, err
}

// InFeedNow runs fn with a function that reports whether feed still
// holds the entry with a given key, all in one read transaction. A ranked
// page is read from a snapshot minutes old; this is how serving drops what
// left the feed since (a delete, a block, an author's account gone, an
// edit that took it out). Every removal from a feed counts in its bucket's
// sequence, so while the count is still the one FeedSince returned with
// the snapshot's entries, nothing has left and nothing is looked up;
// after a removal, each entry costs one seek until the next snapshot.
func (s *Store) InFeedNow(feed string, removals uint64, fn func(has func(sortUS int64, tie uint64) bool)) error {
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds).Bucket([]byte(feed))
		switch {
		case b == nil:
			fn(func(int64, uint64) bool { return false })
			return nil
		case b.Sequence() == removals:
			fn(func(int64, uint64) bool { return true })
			return nil
		}
		// One cursor sought again and again: Bucket.Get would make a
		// cursor (two allocations) per look-up.
		c := b.Cursor()
		k := make([]byte, 16)
		fn(func(sortUS int64, tie uint64) bool {
			binary.BigEndian.PutUint64(k[:8], uint64(sortUS))
			binary.BigEndian.PutUint64(k[8:], tie)
			got, _ := c.Seek(k)
			return bytes.Equal(got, k)
		})
		return nil
	})
}
