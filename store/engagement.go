package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

// The buckets of interactions (see the key schema in store.go). They are
// made on first write, so a database that never saw one reads them as
// empty.
var (
	bucketEngagement   = []byte("engagement")
	bucketIRecords     = []byte("irecords")
	bucketIRecordsPost = []byte("irecords.bypost")
	bucketEndorsements = []byte("endorsements")
	bucketFollows      = []byte("expertfollows")
)

// Interaction is the kind of an interaction record.
type Interaction uint8

// The kinds of interaction records the store keeps.
const (
	InteractionLike Interaction = iota + 1
	InteractionRepost
	// InteractionReply is a post whose reply parent is the subject.
	InteractionReply
	// InteractionQuote is a post that embeds the subject.
	InteractionQuote
	InteractionFollow
)

var interactionNames = [...]string{"", "like", "repost", "reply", "quote", "follow"}

func (k Interaction) String() string {
	if int(k) < len(interactionNames) && k != 0 {
		return interactionNames[k]
	}
	return fmt.Sprintf("interaction(%d)", uint8(k))
}

func (k Interaction) valid() bool { return k >= InteractionLike && k <= InteractionFollow }

// IRecord is what the store keeps of one interaction record (a like, a
// repost, a reply, a quote or a follow) that matters to us: one that
// counts in the engagement of a post we hold, or an expert's signal, or
// both. Keeping it is what lets a delete, which names only the record,
// undo it.
type IRecord struct {
	Kind Interaction
	// Subject is the post's AT-URI (like, repost, reply, quote) or the
	// followed account's DID (follow).
	Subject string
	// AtUS is when the network saw the record.
	AtUS int64
	// Counted is set when the record counts in the engagement of its
	// subject, a post we hold.
	Counted bool
	// Signal is set for an expert's like or repost (an endorsement of
	// the subject) or follow.
	Signal bool
}

const (
	irecCounted = 1 << iota
	irecSignal
)

func irecKey(record syntax.ATURI, kind Interaction) []byte {
	k := make([]byte, 0, len(record)+2)
	k = append(k, record...)
	return append(k, 0, byte(kind))
}

func encodeIRecord(r IRecord) []byte {
	v := make([]byte, 9, 9+len(r.Subject))
	if r.Counted {
		v[0] |= irecCounted
	}
	if r.Signal {
		v[0] |= irecSignal
	}
	binary.BigEndian.PutUint64(v[1:], uint64(r.AtUS))
	return append(v, r.Subject...)
}

var errBadIRecord = errors.New("corrupt interaction record")

func decodeIRecord(k, v []byte) (IRecord, error) {
	if len(k) < 2 || k[len(k)-2] != 0 || len(v) < 10 {
		return IRecord{}, errBadIRecord
	}
	r := IRecord{
		Kind:    Interaction(k[len(k)-1]),
		Counted: v[0]&irecCounted != 0,
		Signal:  v[0]&irecSignal != 0,
		AtUS:    int64(binary.BigEndian.Uint64(v[1:])),
		Subject: string(v[9:]),
	}
	if !r.Kind.valid() {
		return IRecord{}, errBadIRecord
	}
	return r, nil
}

// HasPost reports whether a post or repost is kept at uri. Every like and
// repost of the network asks it: one B-tree look-up, nothing decoded.
func (t *Tx) HasPost(uri syntax.ATURI) bool {
	var buf [192]byte
	return t.tx.Bucket(bucketPosts).Get(append(buf[:0], uri...)) != nil
}

// HasInteraction reports whether the record at uri is kept as an
// interaction of any kind.
func (t *Tx) HasInteraction(record syntax.ATURI) bool {
	b := t.tx.Bucket(bucketIRecords)
	if b == nil {
		return false
	}
	prefix := append([]byte(record), 0)
	k, _ := b.Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}

// PutInteraction keeps an interaction record: counted (r.Counted) it adds
// one to its subject's engagement, which must be a post we hold; a signal
// (r.Signal) it is an expert's endorsement (a like or repost) or follow.
// A record kept already with that kind is left as it is, so a replayed
// event counts once; added reports whether it was new.
func (t *Tx) PutInteraction(record syntax.ATURI, r IRecord) (added bool, err error) {
	switch {
	case record == "" || r.Subject == "" || !r.Kind.valid():
		return false, fmt.Errorf("put interaction %s: missing record, subject or kind", record)
	case !r.Counted && !r.Signal:
		return false, fmt.Errorf("put interaction %s: neither counted nor a signal", record)
	case r.Kind == InteractionFollow && r.Counted, (r.Kind == InteractionReply || r.Kind == InteractionQuote) && r.Signal:
		return false, fmt.Errorf("put interaction %s: a %s cannot be counted=%v signal=%v", record, r.Kind, r.Counted, r.Signal)
	case r.Counted && !t.HasPost(syntax.ATURI(r.Subject)):
		return false, fmt.Errorf("put interaction %s: %s is not a post we keep", record, r.Subject)
	}
	b, err := t.bucket(bucketIRecords)
	if err != nil {
		return false, err
	}
	key := irecKey(record, r.Kind)
	if b.Get(key) != nil {
		return false, nil
	}
	if err := b.Put(key, encodeIRecord(r)); err != nil {
		return false, fmt.Errorf("put interaction: %w", err)
	}
	if r.Counted {
		if err := t.bump(syntax.ATURI(r.Subject), r.Kind, 1); err != nil {
			return false, err
		}
		if err := t.putPair(bucketIRecordsPost, r.Subject, string(record), nil); err != nil {
			return false, err
		}
	}
	if r.Signal {
		if err := t.putSignal(record, r); err != nil {
			return false, err
		}
	}
	return true, nil
}

// Interactions returns what is kept of the record at uri, by kind; nothing
// for a record not kept.
func (t *Tx) Interactions(record syntax.ATURI) ([]IRecord, error) {
	b := t.tx.Bucket(bucketIRecords)
	if b == nil {
		return nil, nil
	}
	prefix := append([]byte(record), 0)
	var recs []IRecord
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r, err := decodeIRecord(k, v)
		if err != nil {
			return nil, fmt.Errorf("interaction %s: %w", record, err)
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// DeleteInteraction forgets every kept interaction of the record at uri
// (a like, repost or follow deleted, or a post that replied or quoted):
// counted ones leave their subject's engagement, signals are withdrawn.
// It returns what it forgot; nothing for a record not kept.
func (t *Tx) DeleteInteraction(record syntax.ATURI) ([]IRecord, error) {
	b := t.tx.Bucket(bucketIRecords)
	if b == nil {
		return nil, nil
	}
	prefix := append([]byte(record), 0)
	var keys [][]byte
	var recs []IRecord
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r, err := decodeIRecord(k, v)
		if err != nil {
			return nil, fmt.Errorf("interaction %s: %w", record, err)
		}
		keys = append(keys, append([]byte(nil), k...))
		recs = append(recs, r)
	}
	for i, k := range keys {
		if err := b.Delete(k); err != nil {
			return nil, err
		}
		r := recs[i]
		if r.Counted {
			if err := t.bump(syntax.ATURI(r.Subject), r.Kind, -1); err != nil {
				return nil, err
			}
			if err := t.del(bucketIRecordsPost, pairKey(r.Subject, string(record))); err != nil {
				return nil, err
			}
		}
		if r.Signal {
			if err := t.delSignal(record, r); err != nil {
				return nil, err
			}
		}
	}
	return recs, nil
}

func (t *Tx) putPair(name []byte, a, b string, v []byte) error {
	bk, err := t.bucket(name)
	if err != nil {
		return err
	}
	if v == nil {
		v = []byte{}
	}
	if err := bk.Put(pairKey(a, b), v); err != nil {
		return fmt.Errorf("put %s: %w", name, err)
	}
	return nil
}

func signalBucket(kind Interaction) []byte {
	if kind == InteractionFollow {
		return bucketFollows
	}
	return bucketEndorsements
}

func (t *Tx) putSignal(record syntax.ATURI, r IRecord) error {
	return t.putPair(signalBucket(r.Kind), r.Subject, string(record), u64(uint64(r.AtUS)))
}

func (t *Tx) delSignal(record syntax.ATURI, r IRecord) error {
	return t.del(signalBucket(r.Kind), pairKey(r.Subject, string(record)))
}

// Engagement value layout: likes(4) reposts(4) replies(4) quotes(4).
const engagementLen = 16

func decodeEngagement(v []byte) model.Engagement {
	if len(v) != engagementLen {
		return model.Engagement{}
	}
	return model.Engagement{
		Likes:   binary.BigEndian.Uint32(v),
		Reposts: binary.BigEndian.Uint32(v[4:]),
		Replies: binary.BigEndian.Uint32(v[8:]),
		Quotes:  binary.BigEndian.Uint32(v[12:]),
	}
}

func encodeEngagement(e model.Engagement) []byte {
	v := make([]byte, engagementLen)
	binary.BigEndian.PutUint32(v, e.Likes)
	binary.BigEndian.PutUint32(v[4:], e.Reposts)
	binary.BigEndian.PutUint32(v[8:], e.Replies)
	binary.BigEndian.PutUint32(v[12:], e.Quotes)
	return v
}

// bump adds delta (1 or -1) to one counter of uri's engagement; a counter
// never goes below zero.
func (t *Tx) bump(uri syntax.ATURI, kind Interaction, delta int) error {
	b, err := t.bucket(bucketEngagement)
	if err != nil {
		return err
	}
	e := decodeEngagement(b.Get([]byte(uri)))
	var n *uint32
	switch kind {
	case InteractionLike:
		n = &e.Likes
	case InteractionRepost:
		n = &e.Reposts
	case InteractionReply:
		n = &e.Replies
	case InteractionQuote:
		n = &e.Quotes
	default:
		return fmt.Errorf("engagement of %s: a %s is not counted", uri, kind)
	}
	switch {
	case delta > 0 && *n < 1<<32-1:
		*n++
	case delta < 0 && *n > 0:
		*n--
	}
	return b.Put([]byte(uri), encodeEngagement(e))
}

// Engagement returns the counts of the post at uri, and false when no post
// is kept there (a post we hold with no interactions yet is true, with
// zeros).
func (t *Tx) Engagement(uri syntax.ATURI) (model.Engagement, bool) {
	if !t.HasPost(uri) {
		return model.Engagement{}, false
	}
	b := t.tx.Bucket(bucketEngagement)
	if b == nil {
		return model.Engagement{}, true
	}
	return decodeEngagement(b.Get([]byte(uri))), true
}

// Engagements calls fn for each entry of feed whose sort time is at or
// after sinceUS, oldest first, with the engagement of the post it serves:
// for an entry a repost brought in, the reposted post's URI and counts,
// and the repost's sort time. It reads in one transaction: one seek, then
// a scan of the window with one look-up per entry, so that ranking a
// window costs what reading it costs. fn must not keep the transaction
// waiting long; an error from it stops the scan and is returned.
func (s *Store) Engagements(feed string, sinceUS int64, fn func(uri syntax.ATURI, sortUS int64, e model.Engagement) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds).Bucket([]byte(feed))
		if b == nil {
			return nil
		}
		eng := tx.Bucket(bucketEngagement)
		c := b.Cursor()
		for k, v := c.Seek(sortKey(max(sinceUS, 0), 0)); k != nil; k, v = c.Next() {
			it, err := decodeItem(k, v, false, nil)
			if err != nil {
				return fmt.Errorf("feed %s at %x: %w", feed, k, err)
			}
			var e model.Engagement
			if eng != nil {
				e = decodeEngagement(eng.Get([]byte(it.URI)))
			}
			if err := fn(it.URI, it.SortUS, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// dropEngagement forgets the engagement of a post that is no longer kept,
// and the interactions counted in it; an expert's like or repost of it
// stays, as a signal, until it is pruned.
func (t *Tx) dropEngagement(uri syntax.ATURI) error {
	if eng := t.tx.Bucket(bucketEngagement); eng != nil {
		if err := eng.Delete([]byte(uri)); err != nil {
			return err
		}
	}
	bp := t.tx.Bucket(bucketIRecordsPost)
	if bp == nil {
		return nil
	}
	prefix := append([]byte(uri), 0)
	var keys [][]byte
	c := bp.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	irecs := t.tx.Bucket(bucketIRecords)
	for _, k := range keys {
		if err := bp.Delete(k); err != nil {
			return err
		}
		if irecs == nil {
			continue
		}
		record := k[len(prefix):]
		for _, kind := range [...]Interaction{InteractionLike, InteractionRepost, InteractionReply, InteractionQuote} {
			ik := irecKey(syntax.ATURI(record), kind)
			v := irecs.Get(ik)
			if v == nil {
				continue
			}
			r, err := decodeIRecord(ik, v)
			if err != nil {
				return fmt.Errorf("interaction %s: %w", record, err)
			}
			if r.Subject != string(uri) || !r.Counted {
				continue
			}
			if !r.Signal {
				err = irecs.Delete(ik)
			} else {
				r.Counted = false
				err = irecs.Put(ik, encodeIRecord(r))
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// signers lists the distinct accounts whose kept signal records name
// subject in bucket name, earliest first.
func (t *Tx) signers(name []byte, subject string) ([]syntax.DID, error) {
	b := t.tx.Bucket(name)
	if b == nil {
		return nil, nil
	}
	type signer struct {
		did  syntax.DID
		atUS int64
	}
	var out []signer
	prefix := pairKey(subject, "")
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		did, err := syntax.ATURI(k[len(prefix):]).Authority().AsDID()
		if err != nil || len(v) != 8 {
			return nil, fmt.Errorf("signal %q of %s: corrupt key or value", k, subject)
		}
		at := int64(binary.BigEndian.Uint64(v))
		if i := slices.IndexFunc(out, func(s signer) bool { return s.did == did }); i >= 0 {
			out[i].atUS = min(out[i].atUS, at)
			continue
		}
		out = append(out, signer{did, at})
	}
	slices.SortStableFunc(out, func(a, b signer) int {
		switch {
		case a.atUS < b.atUS:
			return -1
		case a.atUS > b.atUS:
			return 1
		}
		return 0
	})
	dids := make([]syntax.DID, len(out))
	for i, s := range out {
		dids[i] = s.did
	}
	return dids, nil
}

// Endorsements lists the accounts whose kept like or repost names the post
// at uri, earliest first. Only experts' are kept, but who is an expert
// changes: the membership decider judges each.
func (t *Tx) Endorsements(uri syntax.ATURI) ([]syntax.DID, error) {
	return t.signers(bucketEndorsements, string(uri))
}

// Followers lists the accounts whose kept follow names did, earliest
// first. Only experts' follows are kept; the decider judges each.
func (t *Tx) Followers(did syntax.DID) ([]syntax.DID, error) {
	return t.signers(bucketFollows, string(did))
}

// Follows returns the kept follow records of follower, by record key, with
// the account each follows. A sync of an expert's follows compares them
// with what their repository holds.
func (t *Tx) Follows(follower syntax.DID) (map[string]syntax.DID, error) {
	out := map[string]syntax.DID{}
	b := t.tx.Bucket(bucketIRecords)
	if b == nil {
		return out, nil
	}
	prefix := []byte("at://" + follower.String() + "/app.bsky.graph.follow/")
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r, err := decodeIRecord(k, v)
		if err != nil {
			return nil, fmt.Errorf("follow %q: %w", k, err)
		}
		if r.Kind == InteractionFollow {
			out[string(k[len(prefix):len(k)-2])] = syntax.DID(r.Subject)
		}
	}
	return out, nil
}

// PruneSignals forgets experts' likes and reposts seen before cutoffUS,
// batch at a time in short transactions, and returns how many it removed.
// A like older than the retention age names a post that is gone or is
// about to go. Follows are not pruned by age: a follow stands until it is
// deleted.
func (s *Store) PruneSignals(ctx context.Context, cutoffUS int64, batch int) (int, error) {
	if batch <= 0 {
		batch = 500
	}
	total := 0
	var after []byte
	for {
		var old [][]byte
		done := false
		err := s.Update(ctx, func(tx *Tx) error {
			old = old[:0]
			b := tx.tx.Bucket(bucketEndorsements)
			if b == nil {
				done = true
				return nil
			}
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
			}
			for scanned := 0; k != nil && scanned < 10*batch && len(old) < batch; k, v = c.Next() {
				scanned++
				after = append(append([]byte(nil), k...), 0)
				if len(v) == 8 && int64(binary.BigEndian.Uint64(v)) < cutoffUS {
					old = append(old, append([]byte(nil), k...))
				}
			}
			done = k == nil
			irecs := tx.tx.Bucket(bucketIRecords)
			for _, k := range old {
				if err := b.Delete(k); err != nil {
					return err
				}
				i := bytes.IndexByte(k, 0)
				if i < 0 || irecs == nil {
					continue
				}
				subject, record := string(k[:i]), syntax.ATURI(k[i+1:])
				for _, kind := range [...]Interaction{InteractionLike, InteractionRepost} {
					ik := irecKey(record, kind)
					v := irecs.Get(ik)
					if v == nil {
						continue
					}
					r, err := decodeIRecord(ik, v)
					if err != nil || r.Subject != subject {
						continue
					}
					if r.Counted {
						r.Signal = false
						err = irecs.Put(ik, encodeIRecord(r))
					} else {
						err = irecs.Delete(ik)
					}
					if err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("prune signals: %w", err)
		}
		total += len(old)
		if done {
			return total, nil
		}
	}
}
