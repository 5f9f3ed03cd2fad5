package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"
)

// keyMigration holds the progress of a schema migration that was
// interrupted: the stage it was in, a 0 byte, and the key to go on from.
var keyMigration = []byte("migrate/2")

// migrateBatch bounds the keys one migration transaction rewrites, so that
// a large database migrates in many short commits and an interruption
// loses at most one batch (which the next start redoes).
var migrateBatch = 5000

// migrate1to2 moves a schema-1 database to schema 2: the tie-breaker of
// the keys of feeds, authors and bytime was a store-local sequence number
// and becomes TieOf the record's URI, so that every replica orders posts
// the same way and a cursor means the same position on each. Each key is
// rewritten from its value (which names the record), so a key rewritten
// already is recognised and left alone: an interrupted migration simply
// runs again, from the stage and key it saved in meta, and the version
// becomes 2 only at the end. Records keep their Seq, by which FeedPage
// still continues a schema-1 cursor.
func (s *Store) migrate1to2(log *slog.Logger) error {
	var stages []string
	var resumeStage string
	var resumeKey []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		stages = []string{"authors", "bytime"}
		if err := tx.Bucket(bucketFeeds).ForEachBucket(func(k []byte) error {
			stages = append(stages, "feed/"+string(k))
			return nil
		}); err != nil {
			return err
		}
		if v := tx.Bucket(bucketMeta).Get(keyMigration); v != nil {
			st, k, _ := bytes.Cut(v, []byte{0})
			resumeStage, resumeKey = string(st), append([]byte(nil), k...)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("migrate to schema 2: %w", err)
	}
	start := 0
	for i, st := range stages {
		if st == resumeStage {
			start = i
			log.Info("store: resuming the migration to schema 2", "stage", st)
		}
	}
	if resumeStage == "" || start == 0 && stages[0] != resumeStage {
		resumeKey = nil
	}
	for _, st := range stages[start:] {
		moved, from := 0, resumeKey
		resumeKey = nil
		for {
			n, next, err := s.migrateStage(st, from)
			if err != nil {
				return fmt.Errorf("migrate to schema 2: %s: %w", st, err)
			}
			moved += n
			if next == nil {
				break
			}
			from = next
		}
		log.Info("store: migrated to portable keys", "stage", st, "rewritten", moved)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if err := meta.Delete(keyMigration); err != nil {
			return err
		}
		return meta.Put(keyVersion, binary.BigEndian.AppendUint32(nil, 2))
	})
	if err != nil {
		return fmt.Errorf("migrate to schema 2: %w", err)
	}
	return nil
}

// migrateStage rewrites up to migrateBatch keys of stage's bucket from
// key from (nil: the first) in one transaction, saves where it got to, and
// returns how many keys it rewrote and the key to go on from (nil: the
// stage is done). A key moved to a later place is met again and left
// alone.
func (s *Store) migrateStage(stage string, from []byte) (int, []byte, error) {
	moved := 0
	var next []byte
	err := s.db.Update(func(tx *bolt.Tx) error {
		var b *bolt.Bucket
		switch {
		case stage == "authors":
			b = tx.Bucket(bucketAuthors)
		case stage == "bytime":
			b = tx.Bucket(bucketByTime)
		case len(stage) > 5 && stage[:5] == "feed/":
			b = tx.Bucket(bucketFeeds).Bucket([]byte(stage[5:]))
		}
		if b == nil {
			return nil
		}
		type kv struct{ k, v []byte }
		var batch []kv
		c := b.Cursor()
		k, v := c.First()
		if from != nil {
			k, v = c.Seek(from)
		}
		for ; k != nil && len(batch) < migrateBatch; k, v = c.Next() {
			batch = append(batch, kv{append([]byte(nil), k...), append([]byte(nil), v...)})
		}
		// Deleting while a bbolt cursor iterates can skip keys, so the
		// batch is read first and rewritten after.
		for _, e := range batch {
			nk, err := portableKey(stage, e.k, e.v)
			if err != nil {
				return err
			}
			if bytes.Equal(nk, e.k) {
				continue
			}
			if err := b.Delete(e.k); err != nil {
				return err
			}
			if err := b.Put(nk, e.v); err != nil {
				return err
			}
			moved++
		}
		if len(batch) < migrateBatch {
			return nil
		}
		next = append(batch[len(batch)-1].k, 0)
		return tx.Bucket(bucketMeta).Put(keyMigration, append(append([]byte(stage), 0), next...))
	})
	return moved, next, err
}

var errBadKey = errors.New("key does not have the schema's layout")

// portableKey is the schema-2 key of an entry of stage's bucket: the same
// key with its last 8 bytes (the tie-breaker) TieOf the record the entry
// names.
func portableKey(stage string, k, v []byte) ([]byte, error) {
	var rec syntax.ATURI
	switch stage {
	case "authors":
		if len(k) < 17 || k[len(k)-17] != 0 {
			return nil, fmt.Errorf("authors %x: %w", k, errBadKey)
		}
		rec = syntax.ATURI(v)
	case "bytime":
		if len(k) != 16 {
			return nil, fmt.Errorf("bytime %x: %w", k, errBadKey)
		}
		rec = syntax.ATURI(v)
	default:
		it, err := decodeItem(k, v, false, nil)
		if err != nil {
			return nil, fmt.Errorf("%s %x: %w", stage, k, err)
		}
		rec = it.URI
		if it.Repost != "" {
			rec = it.Repost
		}
	}
	nk := append([]byte(nil), k...)
	binary.BigEndian.PutUint64(nk[len(nk)-8:], TieOf(rec))
	return nk, nil
}
