package store

import (
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// FeedSince returns the entries of feed whose sort time is at or after
// sinceUS, newest first, at most max of them (the newest), with their
// languages: the posts a ranking of the last hours or days looks at.
func (s *Store) FeedSince(ctx context.Context, feed string, sinceUS int64, max int) ([]Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var items []Item
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds).Bucket([]byte(feed))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && len(items) < max; k, v = c.Prev() {
			if len(k) == 16 && int64(binary.BigEndian.Uint64(k)) < sinceUS {
				break
			}
			it, err := decodeItem(k, v, true)
			if err != nil {
				return fmt.Errorf("feed %s at %x: %w", feed, k, err)
			}
			items = append(items, it)
		}
		return nil
	})
	return items, err
}

// InFeedNow runs fn with a function that reports whether feed still
// holds the entry with a given key, all in one read transaction. A ranked
// page is read from a snapshot minutes old; this is how serving drops what
// left the feed since (a delete, a block, an author's account gone, an
// edit that took it out), at the cost of one look-up per entry served.
func (s *Store) InFeedNow(feed string, fn func(has func(sortUS int64, seq uint64) bool)) error {
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds).Bucket([]byte(feed))
		var k [16]byte
		fn(func(sortUS int64, seq uint64) bool {
			if b == nil {
				return false
			}
			binary.BigEndian.PutUint64(k[:8], uint64(sortUS))
			binary.BigEndian.PutUint64(k[8:], seq)
			return b.Get(k[:]) != nil
		})
		return nil
	})
}
