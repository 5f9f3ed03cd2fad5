package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

// The buckets of moderation labels (see the key schema in store.go). They
// are made on first write.
var (
	bucketLabels    = []byte("labels")
	bucketLabelsExp = []byte("labels.exp")
	bucketHeld      = []byte("held")
)

// labelKey is subject 0x00 src 0x00 val: a record's or an account's labels
// are one prefix scan, and a labeler's label on it one key.
func labelKey(subject string, src syntax.DID, val string) []byte {
	k := make([]byte, 0, len(subject)+len(src)+len(val)+2)
	k = append(k, subject...)
	k = append(k, 0)
	k = append(k, src...)
	k = append(k, 0)
	return append(k, val...)
}

func expKey(expUS int64, key []byte) []byte {
	k := make([]byte, 8, 8+len(key))
	binary.BigEndian.PutUint64(k, uint64(expUS))
	return append(k, key...)
}

// PutLabel keeps a label, replacing the one of the same labeler and value
// on the same subject (a labeler re-issuing a label, with a new CID or
// expiry). Negations are not kept: DeleteLabel is their effect.
func (t *Tx) PutLabel(l *model.Label) error {
	if l.Src == "" || l.URI == "" || l.Val == "" || l.Neg {
		return fmt.Errorf("put label: %q %q %q neg=%v: not a label to keep", l.Src, l.URI, l.Val, l.Neg)
	}
	b, err := t.bucket(bucketLabels)
	if err != nil {
		return err
	}
	exp, err := t.bucket(bucketLabelsExp)
	if err != nil {
		return err
	}
	k := labelKey(l.URI, l.Src, l.Val)
	if old := b.Get(k); old != nil {
		var o model.Label
		if json.Unmarshal(old, &o) == nil && o.ExpiresUS != 0 {
			if err := exp.Delete(expKey(o.ExpiresUS, k)); err != nil {
				return err
			}
		}
	}
	v, err := json.Marshal(l)
	if err != nil {
		return fmt.Errorf("encode label: %w", err)
	}
	if err := b.Put(k, v); err != nil {
		return fmt.Errorf("put label: %w", err)
	}
	if l.ExpiresUS != 0 {
		return exp.Put(expKey(l.ExpiresUS, k), nil)
	}
	return nil
}

// DeleteLabel forgets the label of src with value val on subject, and
// reports whether there was one.
func (t *Tx) DeleteLabel(subject string, src syntax.DID, val string) (bool, error) {
	b := t.tx.Bucket(bucketLabels)
	if b == nil {
		return false, nil
	}
	k := labelKey(subject, src, val)
	old := b.Get(k)
	if old == nil {
		return false, nil
	}
	var o model.Label
	if json.Unmarshal(old, &o) == nil && o.ExpiresUS != 0 {
		if exp := t.tx.Bucket(bucketLabelsExp); exp != nil {
			if err := exp.Delete(expKey(o.ExpiresUS, k)); err != nil {
				return false, err
			}
		}
	}
	return true, b.Delete(k)
}

// Labels returns the labels kept on subject (a record's AT-URI or an
// account's DID), of every labeler, expired or not. A subject nobody
// labelled, which is nearly every one, costs one seek.
func (t *Tx) Labels(subject string) ([]model.Label, error) {
	b := t.tx.Bucket(bucketLabels)
	if b == nil {
		return nil, nil
	}
	var buf [192]byte
	prefix := append(append(buf[:0], subject...), 0)
	var out []model.Label
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var l model.Label
		if err := json.Unmarshal(v, &l); err != nil {
			return nil, fmt.Errorf("decode label %q: %w", k, err)
		}
		out = append(out, l)
	}
	return out, nil
}

// ExpiredLabels removes up to max labels whose expiry is at or before
// nowUS and returns them, oldest expiry first, so that what they held can
// be decided again.
func (t *Tx) ExpiredLabels(nowUS int64, max int) ([]model.Label, error) {
	exp := t.tx.Bucket(bucketLabelsExp)
	b := t.tx.Bucket(bucketLabels)
	if exp == nil || b == nil {
		return nil, nil
	}
	var keys [][]byte
	c := exp.Cursor()
	for k, _ := c.First(); k != nil && len(keys) < max; k, _ = c.Next() {
		if len(k) < 8 || int64(binary.BigEndian.Uint64(k)) > nowUS {
			break
		}
		keys = append(keys, append([]byte(nil), k...))
	}
	out := make([]model.Label, 0, len(keys))
	for _, k := range keys {
		if v := b.Get(k[8:]); v != nil {
			var l model.Label
			if err := json.Unmarshal(v, &l); err != nil {
				return nil, fmt.Errorf("decode label %q: %w", k[8:], err)
			}
			// A label re-issued with a later expiry has another exp key.
			if l.ExpiresUS == int64(binary.BigEndian.Uint64(k)) {
				out = append(out, l)
				if err := b.Delete(k[8:]); err != nil {
					return nil, err
				}
			}
		}
		if err := exp.Delete(k); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// NextLabelExpiry is the earliest expiry of a kept label, and whether
// there is one.
func (s *Store) NextLabelExpiry() (int64, bool) {
	var us int64
	var ok bool
	_ = s.db.View(func(tx *bolt.Tx) error {
		if exp := tx.Bucket(bucketLabelsExp); exp != nil {
			if k, _ := exp.Cursor().First(); len(k) >= 8 {
				us, ok = int64(binary.BigEndian.Uint64(k)), true
			}
		}
		return nil
	})
	return us, ok
}

// LabelSubjects lists every labelled subject once, in key order.
func (t *Tx) LabelSubjects() []string {
	b := t.tx.Bucket(bucketLabels)
	if b == nil {
		return nil
	}
	var out []string
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			continue
		}
		if s := string(k[:i]); len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

// HeldRecords lists the records a moderation label holds out of some feed.
func (t *Tx) HeldRecords() []syntax.ATURI {
	b := t.tx.Bucket(bucketHeld)
	if b == nil {
		return nil
	}
	var out []syntax.ATURI
	_ = b.ForEach(func(k, _ []byte) error {
		out = append(out, syntax.ATURI(k))
		return nil
	})
	return out
}

// setHeld keeps the held index in step with p.
func (t *Tx) setHeld(p *model.Post) error {
	if len(p.Held) == 0 {
		return t.del(bucketHeld, []byte(p.URI))
	}
	b, err := t.bucket(bucketHeld)
	if err != nil {
		return err
	}
	return b.Put([]byte(p.URI), nil)
}

// Reposts returns the kept reposts of the post at subject.
func (t *Tx) Reposts(subject syntax.ATURI) []syntax.ATURI {
	b := t.tx.Bucket(bucketReposts)
	if b == nil {
		return nil
	}
	prefix := append([]byte(subject), 0)
	var out []syntax.ATURI
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, syntax.ATURI(k[len(prefix):]))
	}
	return out
}

// KnownAuthor reports whether we keep a record of did or some feed lists
// it: the accounts whose account labels are worth keeping. The curated
// authors are read whole, which is fine at the pace labels come.
func (t *Tx) KnownAuthor(did syntax.DID) bool {
	if t.HasAuthorRecords(did) {
		return true
	}
	return t.curatedDIDs()[did]
}

// curatedDIDs are the DIDs listed in some feed.
func (t *Tx) curatedDIDs() map[syntax.DID]bool {
	out := map[syntax.DID]bool{}
	b := t.tx.Bucket(bucketCurAuthors)
	if b == nil {
		return out
	}
	_ = b.ForEach(func(k, _ []byte) error {
		if i := bytes.IndexByte(k, 0); i >= 0 {
			out[syntax.DID(k[i+1:])] = true
		}
		return nil
	})
	return out
}

// PruneLabels forgets the labels on records we no longer keep and on
// accounts we no longer know (no record kept, listed in no feed): the
// labels are kept for what they can still change, and no more.
func (s *Store) PruneLabels() (int, error) {
	n := 0
	err := s.Update(context.Background(), func(tx *Tx) error {
		b := tx.tx.Bucket(bucketLabels)
		if b == nil {
			return nil
		}
		curated := tx.curatedDIDs()
		posts := tx.tx.Bucket(bucketPosts)
		var gone []model.Label
		err := b.ForEach(func(k, v []byte) error {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				return nil
			}
			subject := string(k[:i])
			keep := false
			if strings.HasPrefix(subject, "did:") {
				did := syntax.DID(subject)
				keep = curated[did] || tx.HasAuthorRecords(did)
			} else {
				keep = posts.Get(k[:i]) != nil
			}
			if !keep {
				var l model.Label
				if err := json.Unmarshal(v, &l); err != nil {
					return fmt.Errorf("decode label %q: %w", k, err)
				}
				gone = append(gone, l)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, l := range gone {
			if _, err := tx.DeleteLabel(l.URI, l.Src, l.Val); err != nil {
				return err
			}
		}
		n = len(gone)
		return nil
	})
	return n, err
}
