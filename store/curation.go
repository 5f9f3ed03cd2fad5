package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

// The buckets curation's state lives in (see the key schema in store.go).
// They are made on first write, so a read of a database that never saw
// curation finds them empty.
var (
	bucketCurAuthors   = []byte("cur.authors")
	bucketCurListItems = []byte("cur.listitems")
	bucketCurBlocks    = []byte("cur.blocks")
	bucketCurPins      = []byte("cur.pins")
	bucketCurQueue     = []byte("cur.queue")
	bucketCurVerdicts  = []byte("cur.verdicts")
	bucketCurAudit     = []byte("cur.audit")
)

func pairKey(a, b string) []byte {
	k := make([]byte, 0, len(a)+1+len(b))
	k = append(k, a...)
	k = append(k, 0)
	return append(k, b...)
}

// getPair reads the value at key a 0x00 b of bucket name, or nil. The key
// is built on the stack: the indexer asks for every post of the network,
// and nearly every answer is "none".
func (t *Tx) getPair(name []byte, a, b string) []byte {
	bk := t.tx.Bucket(name)
	if bk == nil {
		return nil
	}
	var buf [192]byte
	k := append(buf[:0], a...)
	k = append(k, 0)
	k = append(k, b...)
	return bk.Get(k)
}

// bucket returns a curation bucket, creating it in a write transaction. In
// a read transaction a bucket not made yet is nil.
func (t *Tx) bucket(name []byte) (*bolt.Bucket, error) {
	if b := t.tx.Bucket(name); b != nil || !t.tx.Writable() {
		return b, nil
	}
	b, err := t.tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", name, err)
	}
	return b, nil
}

func getJSON(b *bolt.Bucket, k []byte, v any) (bool, error) {
	if b == nil {
		return false, nil
	}
	raw := b.Get(k)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("decode %s: %w", k, err)
	}
	return true, nil
}

func (t *Tx) putJSON(name, k []byte, v any) error {
	b, err := t.bucket(name)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return b.Put(k, raw)
}

func (t *Tx) del(name, k []byte) error {
	b := t.tx.Bucket(name)
	if b == nil {
		return nil
	}
	return b.Delete(k)
}

// CuratedAuthor returns the entry of did in feed, or ErrNotFound.
func (t *Tx) CuratedAuthor(feed string, did syntax.DID) (*model.CuratedAuthor, error) {
	var a model.CuratedAuthor
	ok, err := getJSON(t.tx.Bucket(bucketCurAuthors), pairKey(feed, string(did)), &a)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return &a, nil
}

// AuthorTier is the effective tier of did in feed, TierNone if unlisted.
// The membership decider asks it for posts from the whole network; nearly
// all are misses, which cost one B-tree look-up and no allocation.
func (t *Tx) AuthorTier(feed string, did syntax.DID) (model.Tier, error) {
	v := t.getPair(bucketCurAuthors, feed, string(did))
	if v == nil {
		return model.TierNone, nil
	}
	var a model.CuratedAuthor
	if err := json.Unmarshal(v, &a); err != nil {
		return model.TierNone, fmt.Errorf("decode author %s in %s: %w", did, feed, err)
	}
	return a.EffectiveTier(), nil
}

// PutCuratedAuthor stores an entry; one with neither a tier nor list items
// is removed instead.
func (t *Tx) PutCuratedAuthor(a *model.CuratedAuthor) error {
	if a.Feed == "" || a.DID == "" {
		return errors.New("put curated author: missing feed or DID")
	}
	if a.EffectiveTier() == model.TierNone {
		return t.del(bucketCurAuthors, pairKey(a.Feed, string(a.DID)))
	}
	return t.putJSON(bucketCurAuthors, pairKey(a.Feed, string(a.DID)), a)
}

// CuratedAuthors returns the entries of feed in DID order.
func (t *Tx) CuratedAuthors(feed string) ([]model.CuratedAuthor, error) {
	b := t.tx.Bucket(bucketCurAuthors)
	if b == nil {
		return nil, nil
	}
	prefix := pairKey(feed, "")
	var out []model.CuratedAuthor
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var a model.CuratedAuthor
		if err := json.Unmarshal(v, &a); err != nil {
			return nil, fmt.Errorf("decode author %s: %w", k, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// ListItem returns the item owner wrote under rkey, or ErrNotFound.
func (t *Tx) ListItem(owner syntax.DID, rkey string) (*model.ListItem, error) {
	var li model.ListItem
	ok, err := getJSON(t.tx.Bucket(bucketCurListItems), pairKey(string(owner), rkey), &li)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return &li, nil
}

// PutListItem remembers an item of a followed list, so that its delete,
// which carries only the record key, can be undone.
func (t *Tx) PutListItem(owner syntax.DID, rkey string, li model.ListItem) error {
	return t.putJSON(bucketCurListItems, pairKey(string(owner), rkey), li)
}

// DeleteListItem forgets an item.
func (t *Tx) DeleteListItem(owner syntax.DID, rkey string) error {
	return t.del(bucketCurListItems, pairKey(string(owner), rkey))
}

// ListItems returns the remembered items of list, by record key.
func (t *Tx) ListItems(list syntax.ATURI) (map[string]model.ListItem, error) {
	owner, err := list.Authority().AsDID()
	if err != nil {
		return nil, fmt.Errorf("list items: %w", err)
	}
	out := map[string]model.ListItem{}
	b := t.tx.Bucket(bucketCurListItems)
	if b == nil {
		return out, nil
	}
	prefix := pairKey(string(owner), "")
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var li model.ListItem
		if err := json.Unmarshal(v, &li); err != nil {
			return nil, fmt.Errorf("decode list item %s: %w", k, err)
		}
		if li.List == list {
			out[string(k[len(prefix):])] = li
		}
	}
	return out, nil
}

// Blocked reports whether a curator blocked the record at uri. The indexer
// asks it for every post.
func (t *Tx) Blocked(uri syntax.ATURI) bool {
	b := t.tx.Bucket(bucketCurBlocks)
	if b == nil {
		return false
	}
	var buf [192]byte
	return b.Get(append(buf[:0], uri...)) != nil
}

// Block returns the block of uri, or ErrNotFound.
func (t *Tx) Block(uri syntax.ATURI) (*model.Block, error) {
	var bl model.Block
	ok, err := getJSON(t.tx.Bucket(bucketCurBlocks), []byte(uri), &bl)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return &bl, nil
}

// PutBlock records a block. Taking the post out of the feeds is the
// caller's part (DeletePost without a tombstone: the block keeps it out).
func (t *Tx) PutBlock(bl *model.Block) error {
	if bl.URI == "" {
		return errors.New("put block: no uri")
	}
	return t.putJSON(bucketCurBlocks, []byte(bl.URI), bl)
}

// DeleteBlock lifts a block.
func (t *Tx) DeleteBlock(uri syntax.ATURI) error {
	return t.del(bucketCurBlocks, []byte(uri))
}

// Blocks returns every block, in URI order.
func (t *Tx) Blocks() ([]model.Block, error) {
	b := t.tx.Bucket(bucketCurBlocks)
	if b == nil {
		return nil, nil
	}
	var out []model.Block
	err := b.ForEach(func(k, v []byte) error {
		var bl model.Block
		if err := json.Unmarshal(v, &bl); err != nil {
			return fmt.Errorf("decode block %s: %w", k, err)
		}
		out = append(out, bl)
		return nil
	})
	return out, err
}

// PutPin records a pin.
func (t *Tx) PutPin(p *model.Pin) error {
	if p.Feed == "" || p.URI == "" {
		return errors.New("put pin: missing feed or uri")
	}
	return t.putJSON(bucketCurPins, pairKey(p.Feed, string(p.URI)), p)
}

// DeletePin removes a pin.
func (t *Tx) DeletePin(feed string, uri syntax.ATURI) error {
	return t.del(bucketCurPins, pairKey(feed, string(uri)))
}

// Pins returns the pins of every feed, by feed, in no particular order.
func (t *Tx) Pins() (map[string][]model.Pin, error) {
	out := map[string][]model.Pin{}
	b := t.tx.Bucket(bucketCurPins)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var p model.Pin
		if err := json.Unmarshal(v, &p); err != nil {
			return fmt.Errorf("decode pin %s: %w", k, err)
		}
		out[p.Feed] = append(out[p.Feed], p)
		return nil
	})
	return out, err
}

// queuePos is the queue position just after an entry, in the form of a
// feed cursor.
func queuePos(q *model.Queued) string {
	return strconv.FormatInt(q.QueuedUS, 10) + "." + strconv.FormatUint(q.Seq, 10)
}

func queueTimeKey(us int64, seq uint64) []byte {
	return append([]byte{'t'}, sortKey(us, seq)...)
}

var keyQueueCount = []byte("n")

// PutQueued adds a post to feed's review queue, or updates its entry in
// place (an edit keeps the post's place in the queue).
func (t *Tx) PutQueued(q *model.Queued) error {
	if q.Feed == "" || q.Post.URI == "" {
		return errors.New("put queued: missing feed or uri")
	}
	root, err := t.bucket(bucketCurQueue)
	if err != nil {
		return err
	}
	b, err := root.CreateBucketIfNotExists([]byte(q.Feed))
	if err != nil {
		return fmt.Errorf("queue bucket %s: %w", q.Feed, err)
	}
	ukey := append([]byte{'u'}, q.Post.URI...)
	if tk := b.Get(ukey); tk != nil && len(tk) == 17 {
		q.QueuedUS = int64(binary.BigEndian.Uint64(tk[1:]))
		q.Seq = binary.BigEndian.Uint64(tk[9:])
		v, err := json.Marshal(q)
		if err != nil {
			return fmt.Errorf("encode queued: %w", err)
		}
		return b.Put(append([]byte(nil), tk...), v)
	}
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("queue sequence: %w", err)
	}
	q.Seq = seq
	v, err := json.Marshal(q)
	if err != nil {
		return fmt.Errorf("encode queued: %w", err)
	}
	tk := queueTimeKey(q.QueuedUS, q.Seq)
	if err := b.Put(tk, v); err != nil {
		return err
	}
	if err := b.Put(ukey, tk); err != nil {
		return err
	}
	return b.Put(keyQueueCount, u64(queueCount(b)+1))
}

// TrimQueue removes the oldest entries of feed's queue until it holds at
// most max, and reports how many went.
func (t *Tx) TrimQueue(feed string, max int) (int, error) {
	b := t.queueBucket(feed)
	if b == nil || max <= 0 {
		return 0, nil
	}
	n, removed := queueCount(b), 0
	for ; n > uint64(max); n-- {
		k, v := b.Cursor().Seek([]byte{'t'})
		if k == nil || k[0] != 't' {
			break
		}
		var old model.Queued
		if err := json.Unmarshal(v, &old); err != nil {
			return removed, fmt.Errorf("decode queued %x: %w", k, err)
		}
		if err := b.Delete(k); err != nil {
			return removed, err
		}
		if err := b.Delete(append([]byte{'u'}, old.Post.URI...)); err != nil {
			return removed, err
		}
		removed++
	}
	if removed == 0 {
		return 0, nil
	}
	return removed, b.Put(keyQueueCount, u64(n))
}

func queueCount(b *bolt.Bucket) uint64 {
	if v := b.Get(keyQueueCount); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func (t *Tx) queueBucket(feed string) *bolt.Bucket {
	root := t.tx.Bucket(bucketCurQueue)
	if root == nil {
		return nil
	}
	return root.Bucket([]byte(feed))
}

// QueuedPost returns feed's queue entry for uri, or ErrNotFound.
func (t *Tx) QueuedPost(feed string, uri syntax.ATURI) (*model.Queued, error) {
	b := t.queueBucket(feed)
	if b == nil {
		return nil, ErrNotFound
	}
	tk := b.Get(append([]byte{'u'}, uri...))
	if tk == nil {
		return nil, ErrNotFound
	}
	var q model.Queued
	if ok, err := getJSON(b, tk, &q); err != nil || !ok {
		if err == nil {
			err = fmt.Errorf("queue entry of %s is missing", uri)
		}
		return nil, err
	}
	return &q, nil
}

// DeleteQueued takes uri out of feed's queue, reporting whether it was
// there.
func (t *Tx) DeleteQueued(feed string, uri syntax.ATURI) (bool, error) {
	b := t.queueBucket(feed)
	if b == nil {
		return false, nil
	}
	ukey := append([]byte{'u'}, uri...)
	tk := b.Get(ukey)
	if tk == nil {
		return false, nil
	}
	tk = append([]byte(nil), tk...)
	if !t.tx.Writable() {
		return false, errors.New("delete queued: read-only transaction")
	}
	if err := b.Delete(tk); err != nil {
		return false, err
	}
	if err := b.Delete(ukey); err != nil {
		return false, err
	}
	if n := queueCount(b); n > 0 {
		return true, b.Put(keyQueueCount, u64(n-1))
	}
	return true, nil
}

// QueueLen is the number of posts waiting in feed's queue.
func (t *Tx) QueueLen(feed string) int {
	if b := t.queueBucket(feed); b != nil {
		return int(queueCount(b))
	}
	return 0
}

// QueuePage returns up to limit entries of feed's queue, newest first,
// starting after cursor ("" for the newest), and the cursor of the next
// page ("" on the last).
func (t *Tx) QueuePage(feed, cursor string, limit int) ([]model.Queued, string, error) {
	b := t.queueBucket(feed)
	if b == nil || limit <= 0 {
		return nil, "", nil
	}
	c := b.Cursor()
	var k, v []byte
	if cursor == "" {
		k, v = c.Seek([]byte{'u'})
		if k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	} else {
		us, seq, err := ParseCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		from := queueTimeKey(us, seq)
		k, v = c.Seek(from)
		if k == nil {
			k, v = c.Last()
		}
		for k != nil && bytes.Compare(k, from) >= 0 {
			k, v = c.Prev()
		}
	}
	var out []model.Queued
	for ; k != nil && k[0] == 't'; k, v = c.Prev() {
		if len(out) == limit {
			return out, queuePos(&out[len(out)-1]), nil
		}
		var q model.Queued
		if err := json.Unmarshal(v, &q); err != nil {
			return nil, "", fmt.Errorf("decode queued %x: %w", k, err)
		}
		out = append(out, q)
	}
	return out, "", nil
}

// Verdict returns the curator's verdict on uri in feed, or ErrNotFound.
func (t *Tx) Verdict(feed string, uri syntax.ATURI) (*model.Verdict, error) {
	raw := t.getPair(bucketCurVerdicts, feed, string(uri))
	if raw == nil {
		return nil, ErrNotFound
	}
	var v model.Verdict
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("decode verdict on %s in %s: %w", uri, feed, err)
	}
	return &v, nil
}

// PutVerdict records a verdict.
func (t *Tx) PutVerdict(v *model.Verdict) error {
	if v.Feed == "" || v.URI == "" {
		return errors.New("put verdict: missing feed or uri")
	}
	return t.putJSON(bucketCurVerdicts, pairKey(v.Feed, string(v.URI)), v)
}

// AppendAudit adds an entry to the audit log, in the same transaction as
// the change it records.
func (t *Tx) AppendAudit(e *model.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return errors.New("append audit: missing actor or action")
	}
	b, err := t.bucket(bucketCurAudit)
	if err != nil {
		return err
	}
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("audit sequence: %w", err)
	}
	e.Seq = seq
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode audit entry: %w", err)
	}
	return b.Put(sortKey(e.AtUS, e.Seq), v)
}

// AuditFilter selects audit entries; empty fields match everything.
type AuditFilter struct {
	Feed   string
	Target string
	Actor  string
}

func (f *AuditFilter) match(e *model.AuditEntry) bool {
	return (f.Feed == "" || e.Feed == f.Feed) &&
		(f.Target == "" || e.Target == f.Target) &&
		(f.Actor == "" || strings.EqualFold(e.Actor, f.Actor))
}

// AuditPage returns up to limit matching entries, newest first, starting
// after cursor ("" for the newest), and the cursor of the next page. It
// reads at most maxScan entries (0 means 100 times limit), so a filter
// that matches little still answers quickly; the cursor lets the reader
// go on.
func (t *Tx) AuditPage(f AuditFilter, cursor string, limit, maxScan int) ([]model.AuditEntry, string, error) {
	b := t.tx.Bucket(bucketCurAudit)
	if b == nil || limit <= 0 {
		return nil, "", nil
	}
	if maxScan <= 0 {
		maxScan = 100 * limit
	}
	c := b.Cursor()
	var k, v []byte
	if cursor == "" {
		k, v = c.Last()
	} else {
		us, seq, err := ParseCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		from := sortKey(us, seq)
		if k, v = c.Seek(from); k == nil {
			k, v = c.Last()
		}
		for k != nil && bytes.Compare(k, from) >= 0 {
			k, v = c.Prev()
		}
	}
	var out []model.AuditEntry
	var last []byte
	for scanned := 0; k != nil; k, v = c.Prev() {
		if len(out) == limit || scanned == maxScan {
			return out, position(int64(binary.BigEndian.Uint64(last)), binary.BigEndian.Uint64(last[8:])), nil
		}
		scanned++
		last = k
		var e model.AuditEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, "", fmt.Errorf("decode audit entry %x: %w", k, err)
		}
		if f.match(&e) {
			out = append(out, e)
		}
	}
	return out, "", nil
}

// AuditLen counts the audit log's entries. It reads the whole log: for
// tests and tools.
func (t *Tx) AuditLen() int {
	if b := t.tx.Bucket(bucketCurAudit); b != nil {
		return b.Stats().KeyN
	}
	return 0
}

// AuthorRecords returns the URIs of the records kept from author (posts
// and reposts) with sort time at or after sinceUS, oldest first.
func (t *Tx) AuthorRecords(author syntax.DID, sinceUS int64) []syntax.ATURI {
	return t.authorPosts(author, sinceUS)
}

// LeaveFeed takes the record at uri out of one feed (and drops it from
// those moderation holds back), keeping its other memberships; a record left in no feed is removed (without a tombstone,
// so that a later decision may bring it back). It reports whether the
// record was in the feed.
func (t *Tx) LeaveFeed(feed string, uri syntax.ATURI) (bool, error) {
	p, err := t.Post(uri)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	in := p.InFeed(feed)
	ofFeed := func(m model.Membership) bool { return m.Feed == feed }
	held := len(p.Held)
	p.Held = slices.DeleteFunc(p.Held, ofFeed)
	if !in && held == len(p.Held) {
		return false, nil
	}
	p.Feeds = slices.DeleteFunc(p.Feeds, ofFeed)
	return in, t.PutPost(p)
}

// QueueFeeds lists the feeds that have a review queue, in name order.
func (t *Tx) QueueFeeds() ([]string, error) {
	root := t.tx.Bucket(bucketCurQueue)
	if root == nil {
		return nil, nil
	}
	var feeds []string
	err := root.ForEachBucket(func(name []byte) error {
		feeds = append(feeds, string(name))
		return nil
	})
	return feeds, err
}

// metaRebuilt, in the meta bucket, is when curation was last rebuilt from
// the publisher's repository (unix microseconds, big-endian).
const metaRebuilt = "curation.rebuilt"

// CurationRebuilt says when curation was last rebuilt from the
// publisher's repository; ok is false if it never was (an empty database,
// or one kept in the local curation store so far).
func (t *Tx) CurationRebuilt() (us int64, ok bool) {
	v := t.tx.Bucket(bucketMeta).Get([]byte(metaRebuilt))
	if len(v) != 8 {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(v)), true
}

// SetCurationRebuilt records a finished rebuild.
func (t *Tx) SetCurationRebuilt(us int64) error {
	return t.tx.Bucket(bucketMeta).Put([]byte(metaRebuilt), u64(uint64(us)))
}

// Verdicts returns every recorded verdict, of every feed.
func (t *Tx) Verdicts() ([]model.Verdict, error) {
	b := t.tx.Bucket(bucketCurVerdicts)
	if b == nil {
		return nil, nil
	}
	var out []model.Verdict
	err := b.ForEach(func(k, v []byte) error {
		var vd model.Verdict
		if err := json.Unmarshal(v, &vd); err != nil {
			return fmt.Errorf("decode verdict %q: %w", k, err)
		}
		out = append(out, vd)
		return nil
	})
	return out, err
}
