package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// The buckets of a feed's rules (see the key schema in store.go), made
// on first write.
var (
	bucketCurRules   = []byte("cur.rules")
	bucketCurRejudge = []byte("cur.rejudge")
)

// RulesVersion returns the rules a curator uploaded for feed, or
// ErrNotFound when the feed uses its definition's rules.
func (t *Tx) RulesVersion(feed string) (*model.RulesVersion, error) {
	var v model.RulesVersion
	ok, err := getJSON(t.tx.Bucket(bucketCurRules), []byte(feed), &v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return &v, nil
}

// PutRulesVersion makes v the uploaded rules of v.Feed, replacing any
// before, and numbers it: on return v.Version is one more than any
// version this database numbered before, of any feed.
func (t *Tx) PutRulesVersion(v *model.RulesVersion) error {
	if v.Feed == "" || v.Hash == "" {
		return errors.New("put rules version: missing feed or hash")
	}
	b, err := t.bucket(bucketCurRules)
	if err != nil {
		return err
	}
	if v.Version, err = b.NextSequence(); err != nil {
		return fmt.Errorf("rules version: %w", err)
	}
	return t.putJSON(bucketCurRules, []byte(v.Feed), v)
}

// DeleteRulesVersion forgets the uploaded rules of feed: it goes back to
// its definition's rules.
func (t *Tx) DeleteRulesVersion(feed string) error {
	return t.del(bucketCurRules, []byte(feed))
}

// Rejudge returns the last re-judge of feed's records, or ErrNotFound.
func (t *Tx) Rejudge(feed string) (*model.Rejudge, error) {
	var r model.Rejudge
	ok, err := getJSON(t.tx.Bucket(bucketCurRejudge), []byte(feed), &r)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return &r, nil
}

// PutRejudge saves the progress of a re-judge of r.Feed, replacing the
// one before.
func (t *Tx) PutRejudge(r *model.Rejudge) error {
	if r.Feed == "" {
		return errors.New("put rejudge: missing feed")
	}
	return t.putJSON(bucketCurRejudge, []byte(r.Feed), r)
}

// Rejudges returns the last re-judge of every feed that had one, in feed
// order.
func (t *Tx) Rejudges() ([]model.Rejudge, error) {
	b := t.tx.Bucket(bucketCurRejudge)
	if b == nil {
		return nil, nil
	}
	var out []model.Rejudge
	err := b.ForEach(func(k, v []byte) error {
		var r model.Rejudge
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode rejudge %s: %w", k, err)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// position is a place in a time-ordered bucket whose sequence is its own
// (the review queue, the audit log), "<us>.<seq>": "" is before the first.
func position(us int64, seq uint64) string {
	return strconv.FormatInt(us, 10) + "." + strconv.FormatUint(seq, 10)
}

// seekAfter is the key just after position after ("" for the first),
// with prefix before the 16 bytes of time and sequence.
func seekAfter(prefix []byte, after string) ([]byte, error) {
	if after == "" {
		return prefix, nil
	}
	us, seq, err := ParseCursor(after)
	if err != nil {
		return nil, err
	}
	k := append(append([]byte(nil), prefix...), sortKey(us, seq)...)
	return append(k, 0), nil
}

// KeptAfter returns up to limit kept records (posts and reposts, in a
// feed or parked), oldest first by sort time, starting after position
// after ("" for the oldest), and the position of the last one returned
// ("" when there were none). A change of rules walks them with it, a
// batch per transaction.
//
// A position is a feed cursor (FeedCursor) naming a key of bytime. One
// saved before schema 2 ("<us>.<seq>") starts at the first record of its
// time: the records of that microsecond are judged again, which changes
// nothing but the figures of the change.
func (t *Tx) KeptAfter(after string, limit int) ([]*model.Post, string, error) {
	var from []byte
	if after != "" {
		c, err := ParseFeedCursor(after)
		if err != nil {
			return nil, "", err
		}
		if c.Legacy {
			from = sortKey(c.SortUS, 0)
		} else {
			from = append(sortKey(c.SortUS, c.Tie), 0)
		}
	}
	var out []*model.Post
	next := ""
	c := t.tx.Bucket(bucketByTime).Cursor()
	for k, v := c.Seek(from); k != nil && len(out) < limit; k, v = c.Next() {
		if len(k) != 16 {
			continue
		}
		p, err := t.Post(syntax.ATURI(v))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		out = append(out, p)
		next = cursorOf(k)
	}
	return out, next, nil
}

// QueueAfter returns up to limit entries of feed's review queue, oldest
// first, starting after position after ("" for the oldest), and the
// position of the last one returned ("" when there were none).
func (t *Tx) QueueAfter(feed, after string, limit int) ([]model.Queued, string, error) {
	b := t.queueBucket(feed)
	if b == nil {
		return nil, "", nil
	}
	from, err := seekAfter([]byte{'t'}, after)
	if err != nil {
		return nil, "", err
	}
	var out []model.Queued
	next := ""
	c := b.Cursor()
	for k, v := c.Seek(from); k != nil && k[0] == 't' && len(out) < limit; k, v = c.Next() {
		var q model.Queued
		if err := json.Unmarshal(v, &q); err != nil {
			return nil, "", fmt.Errorf("decode queued %x: %w", k, err)
		}
		out = append(out, q)
		next = queuePos(&q)
	}
	return out, next, nil
}
