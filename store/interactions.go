package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"
)

// viewerprefs holds what a logged-in viewer asked of a feed through
// app.bsky.feed.sendInteractions ("show less like this", "show more"); see
// the key schema in store.go. Its size is bounded by whoever writes it
// (the feedgen package caps every list and expires old marks), and
// PruneViewerPrefs sweeps the marks of viewers who never come back.
var bucketViewerPrefs = []byte("viewerprefs")

// Mark is one remembered request: a post AT-URI or an author DID, and
// when it was made.
type Mark struct {
	Subject string
	AtUS    int64
}

// ViewerPrefs is what one viewer asked of one feed. Each list is in the
// order the marks were made, oldest first.
type ViewerPrefs struct {
	// LessPosts are posts the viewer asked to see less of.
	LessPosts []Mark
	// MorePosts are posts the viewer asked to see more like.
	MorePosts []Mark
	// LessAuthors are authors hidden after repeated "show less".
	LessAuthors []Mark
}

// Empty reports whether p holds no marks at all.
func (p *ViewerPrefs) Empty() bool {
	return p == nil || len(p.LessPosts)+len(p.MorePosts)+len(p.LessAuthors) == 0
}

// ErrCorruptPrefs means a stored ViewerPrefs value cannot be decoded.
var ErrCorruptPrefs = errors.New("corrupt viewer preferences")

// Encoding: version(1) | three lists (less posts, more posts, less
// authors), each uvarint count | count × (uvarint atUS | uvarint len |
// subject).
const prefsVersion = 1

// maxMarks bounds the count a decoder will believe, so a corrupt value
// cannot make it allocate gigabytes.
const maxMarks = 1 << 16

func encodePrefs(p *ViewerPrefs) []byte {
	n := 1
	for _, l := range [3][]Mark{p.LessPosts, p.MorePosts, p.LessAuthors} {
		n += binary.MaxVarintLen32
		for _, m := range l {
			n += 2*binary.MaxVarintLen64 + len(m.Subject)
		}
	}
	b := make([]byte, 1, n)
	b[0] = prefsVersion
	for _, l := range [3][]Mark{p.LessPosts, p.MorePosts, p.LessAuthors} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, m := range l {
			b = binary.AppendUvarint(b, uint64(max(m.AtUS, 0)))
			b = binary.AppendUvarint(b, uint64(len(m.Subject)))
			b = append(b, m.Subject...)
		}
	}
	return b
}

func decodePrefs(v []byte) (*ViewerPrefs, error) {
	if len(v) < 1 || v[0] != prefsVersion {
		return nil, ErrCorruptPrefs
	}
	rest := v[1:]
	uv := func() (uint64, bool) {
		x, w := binary.Uvarint(rest)
		if w <= 0 {
			return 0, false
		}
		rest = rest[w:]
		return x, true
	}
	p := &ViewerPrefs{}
	for _, dst := range [3]*[]Mark{&p.LessPosts, &p.MorePosts, &p.LessAuthors} {
		n, ok := uv()
		if !ok || n > maxMarks || n > uint64(len(rest)) {
			return nil, ErrCorruptPrefs
		}
		if n == 0 {
			continue
		}
		l := make([]Mark, 0, n)
		for range n {
			at, ok := uv()
			if !ok || at > 1<<62 {
				return nil, ErrCorruptPrefs
			}
			size, ok := uv()
			if !ok || size > uint64(len(rest)) {
				return nil, ErrCorruptPrefs
			}
			l = append(l, Mark{Subject: string(rest[:size]), AtUS: int64(at)})
			rest = rest[size:]
		}
		*dst = l
	}
	if len(rest) != 0 {
		return nil, ErrCorruptPrefs
	}
	return p, nil
}

func prefsKey(viewer syntax.DID, feed string) []byte {
	k := make([]byte, 0, len(viewer)+1+len(feed))
	k = append(k, viewer...)
	k = append(k, 0)
	return append(k, feed...)
}

// ViewerPrefs returns what viewer asked of feed; a viewer who asked
// nothing gets empty prefs. A value that cannot be decoded is
// ErrCorruptPrefs, alongside empty prefs, so a caller may serve on.
func (t *Tx) ViewerPrefs(viewer syntax.DID, feed string) (*ViewerPrefs, error) {
	b := t.tx.Bucket(bucketViewerPrefs)
	if b == nil {
		return &ViewerPrefs{}, nil
	}
	v := b.Get(prefsKey(viewer, feed))
	if v == nil {
		return &ViewerPrefs{}, nil
	}
	p, err := decodePrefs(v)
	if err != nil {
		return &ViewerPrefs{}, fmt.Errorf("prefs of %s in %s: %w", viewer, feed, err)
	}
	return p, nil
}

// PutViewerPrefs saves what viewer asked of feed. Empty prefs delete the
// record, so a viewer who takes everything back leaves nothing behind.
func (t *Tx) PutViewerPrefs(viewer syntax.DID, feed string, p *ViewerPrefs) error {
	if viewer == "" || feed == "" {
		return errors.New("put viewer prefs: missing viewer or feed")
	}
	if p.Empty() {
		if b := t.tx.Bucket(bucketViewerPrefs); b != nil {
			return b.Delete(prefsKey(viewer, feed))
		}
		return nil
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketViewerPrefs)
	if err != nil {
		return fmt.Errorf("put viewer prefs: %w", err)
	}
	if err := b.Put(prefsKey(viewer, feed), encodePrefs(p)); err != nil {
		return fmt.Errorf("put viewer prefs: %w", err)
	}
	return nil
}

// ViewerPrefs reads what viewer asked of feed in a short read
// transaction of its own.
func (s *Store) ViewerPrefs(ctx context.Context, viewer syntax.DID, feed string) (p *ViewerPrefs, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	err = s.View(func(tx *Tx) error {
		p, err = tx.ViewerPrefs(viewer, feed)
		return err
	})
	return p, err
}

// CountViewerPrefs returns how many viewer-and-feed records are stored.
func (s *Store) CountViewerPrefs() int {
	n := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketViewerPrefs); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n
}

// PruneViewerPrefs passes every stored ViewerPrefs to trim, which may
// drop marks, batch records per short write transaction, and saves what
// trim changed. Records left empty, and records that cannot be decoded
// (nothing could ever read them), are deleted. It returns how many
// records were rewritten and how many deleted.
func (s *Store) PruneViewerPrefs(ctx context.Context, trim func(*ViewerPrefs), batch int) (rewritten, deleted int, err error) {
	if batch <= 0 {
		batch = 500
	}
	var after []byte
	for {
		done := false
		err := s.Update(ctx, func(tx *Tx) error {
			b := tx.tx.Bucket(bucketViewerPrefs)
			if b == nil {
				done = true
				return nil
			}
			type change struct {
				key []byte
				val []byte // nil deletes
			}
			var changes []change
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
			}
			for n := 0; k != nil && n < batch; k, v = c.Next() {
				n++
				after = append(append(after[:0], k...), 0)
				p, err := decodePrefs(v)
				if err != nil {
					changes = append(changes, change{key: bytes.Clone(k)})
					continue
				}
				trim(p)
				if p.Empty() {
					changes = append(changes, change{key: bytes.Clone(k)})
				} else if nv := encodePrefs(p); !bytes.Equal(nv, v) {
					changes = append(changes, change{key: bytes.Clone(k), val: nv})
				}
			}
			done = k == nil
			// Deleting or writing while a bbolt cursor iterates can skip
			// keys, so collect first and apply after.
			for _, ch := range changes {
				if ch.val == nil {
					if err := b.Delete(ch.key); err != nil {
						return err
					}
					deleted++
					continue
				}
				if err := b.Put(ch.key, ch.val); err != nil {
					return err
				}
				rewritten++
			}
			return nil
		})
		if err != nil {
			return rewritten, deleted, fmt.Errorf("prune viewer prefs: %w", err)
		}
		if done {
			return rewritten, deleted, nil
		}
	}
}
