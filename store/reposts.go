package store

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

// reposts indexes the kept reposts by the post they repost (see the key
// schema in store.go), so that deleting a post takes its reposts out of
// the feeds with it. It holds only reposts that entered a feed.
var bucketReposts = []byte("reposts")

func repostKey(subject, repost syntax.ATURI) []byte {
	k := make([]byte, 0, len(subject)+1+len(repost))
	k = append(k, subject...)
	k = append(k, 0)
	return append(k, repost...)
}

// PutRepost is PutPost for a repost (p.Subject set) that also keeps the
// reposts index, so DeletePostAndReposts can find it.
func (t *Tx) PutRepost(p *model.Post) error {
	if p.Subject == "" {
		return errors.New("put repost: no subject")
	}
	if err := t.PutPost(p); err != nil {
		return err
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketReposts)
	if err != nil {
		return fmt.Errorf("reposts bucket: %w", err)
	}
	if len(p.Feeds) == 0 && len(p.Held) == 0 {
		return b.Delete(repostKey(p.Subject, p.URI))
	}
	return b.Put(repostKey(p.Subject, p.URI), nil)
}

// DeletePostAndReposts is DeletePost that also removes the kept reposts of
// the record (without tombstones: a replayed repost of a deleted post is
// refused because its subject is tombstoned). It reports whether the
// record itself was stored, and how many reposts went with it.
func (t *Tx) DeletePostAndReposts(uri syntax.ATURI, deletedUS int64) (bool, int, error) {
	removed, err := t.DeletePost(uri, deletedUS)
	if err != nil {
		return false, 0, err
	}
	b := t.tx.Bucket(bucketReposts)
	if b == nil {
		return removed, 0, nil
	}
	prefix := append([]byte(uri), 0)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	n := 0
	for _, k := range keys {
		ok, err := t.DeletePost(syntax.ATURI(k[len(prefix):]), 0)
		if err != nil {
			return removed, n, err
		}
		if ok {
			n++
		}
		if err := b.Delete(k); err != nil {
			return removed, n, err
		}
	}
	return removed, n, nil
}

// PruneRepostIndex drops reposts-index entries whose repost is no longer
// kept (pruned, or removed with its account). The index holds only reposts
// that entered a feed, so one pass is small.
func (s *Store) PruneRepostIndex() (int, error) {
	n := 0
	err := s.db.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketReposts)
		if b == nil {
			return nil
		}
		posts := btx.Bucket(bucketPosts)
		var gone [][]byte
		err := b.ForEach(func(k, _ []byte) error {
			i := bytes.IndexByte(k, 0)
			if i < 0 || posts.Get(k[i+1:]) == nil {
				gone = append(gone, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range gone {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		n = len(gone)
		return nil
	})
	return n, err
}
