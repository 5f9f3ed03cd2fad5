// Package store keeps feedgen's state in one bbolt file: the posts in each
// feed, the stream cursor, viewers' feedback, and what curators decided.
// It owns storage only (keys, reads and writes, each idempotent); what a
// value means and when to write it is decided elsewhere: membership by
// package membership, curation by package curation, feedback by package
// feedgen. The values it keeps are package model's types.
//
// # Key schema
//
// All integers are big-endian so that byte order is numeric order.
//
//	meta          "version"        -> uint32 schema version (2)
//	              "cursor/<name>"  -> uint64 stream cursor of source <name>
//	              "migrate/2"      -> stage 0x00 key: progress of an unfinished migration
//	              "curation.rebuilt" -> uint64 unix µs of the last rebuild of
//	                                  curation from the publisher's repository
//	posts         <record AT-URI>  -> JSON model.Post (posts and reposts we keep)
//	feeds         one nested bucket per feed ID (its sequence counts removals):
//	  <feed>      sortUS(8) tie(8) -> encoded Item
//	authors       <DID> 0x00 sortUS(8) tie(8) -> record AT-URI
//	tombstones    <record AT-URI>  -> deletedUS(8)
//	accounts      <DID>            -> status of an inactive account
//	bytime        sortUS(8) tie(8) -> record AT-URI (every kept record, for retention)
//	reposts       <subject AT-URI> 0x00 <repost AT-URI> -> empty
//	viewerprefs   <viewer DID> 0x00 <feed ID> -> encoded ViewerPrefs
//	cur.authors   <feed> 0x00 <DID>            -> JSON model.CuratedAuthor
//	cur.listitems <owner DID> 0x00 <rkey>      -> JSON model.ListItem
//	cur.blocks    <post AT-URI>                -> JSON model.Block
//	cur.pins      <feed> 0x00 <post AT-URI>    -> JSON model.Pin
//	cur.queue     one nested bucket per feed:
//	  <feed>      "n"                          -> uint64 number of entries
//	              "t" queuedUS(8) seq(8)       -> JSON model.Queued
//	              "u" <post AT-URI>            -> its "t" key
//	cur.verdicts  <feed> 0x00 <post AT-URI>    -> JSON model.Verdict
//	cur.audit     atUS(8) seq(8)               -> JSON model.AuditEntry
//	cur.rules     <feed>                       -> JSON model.RulesVersion
//	cur.rejudge   <feed>                       -> JSON model.Rejudge
//	profiles      <DID>                        -> JSON model.Profile
//	engagement    <post AT-URI>                -> likes(4) reposts(4) replies(4) quotes(4)
//	irecords      <record AT-URI> 0x00 kind(1) -> flags(1) atUS(8) subject
//	irecords.bypost <post AT-URI> 0x00 <record AT-URI> -> empty
//	endorsements  <post AT-URI> 0x00 <like or repost AT-URI> -> atUS(8)
//	expertfollows <followed DID> 0x00 <follow AT-URI>   -> atUS(8)
//	stats.daily   <feed> 0x00 day(4) <metric>  -> uint64 count of that UTC day
//	stats.hourly  <feed> 0x00 hour(4) <metric> -> uint64 count of that UTC hour
//	stats.viewers <feed> 0x00 day(4)           -> HyperLogLog sketch of the day's viewers
//	stats.seen    <post AT-URI> 0x00 <feed>    -> uint64 impressions (interactionSeen)
//	stats.lag     atUS(8)                      -> uint64 indexer lag in ms
//	labels        <subject> 0x00 <labeler DID> 0x00 <value> -> JSON model.Label
//	labels.exp    expUS(8) <labels key>        -> empty (labels that expire)
//	held          <record AT-URI>              -> empty (records with Post.Held)
//
// A feed page is one Seek to the cursor's key followed by a scan of at
// most limit entries (fewer skips aside), whatever the size of the
// database. sortUS is the post's sort time, the earlier of its createdAt
// and the time it was indexed, so a post dated in the future cannot sit on
// top; tie is TieOf the record (the first 8 bytes of the SHA-256 of its
// AT-URI; for a repost, the repost's), so two posts with the same sort time
// still have distinct keys and cursors, and every replica, whatever order
// the posts reached it in, orders them the same way: a cursor
// ("<sortUS>-<tie hex>") names the same position on each. (A post whose
// createdAt is later than the time a replica indexed it sorts by that
// time, which differs between replicas by their lag: such a post can be
// served twice or passed over by a scroll that changes replica.)
//
// Schema 1 used a store-wide sequence number as the tie-breaker, which
// differs between replicas. Open migrates a schema-1 file in place
// (migrate1to2: batches of keys, each its own transaction, progress in
// meta, the version written last, so an interrupted migration resumes). A
// record kept under schema 1 keeps its number in model.Post.Seq, by which
// a schema-1 cursor ("<sortUS>.<seq>") still continues exactly: first the
// records of its sort time that schema 1 had not served yet, in schema 1's
// order, then the rest of the feed. The review queue and the audit log
// keep sequence numbers of their own ("<us>.<seq>" positions): they are
// this machine's and never leave it.
//
// reposts indexes the reposts that entered a feed by the post they repost,
// so that deleting a post takes them along. viewerprefs holds one small
// value per viewer and feed (what they asked to see less or more of), so
// serving a viewer costs one Get; package feedgen bounds it.
//
// engagement counts the likes, reposts, replies and quotes of each post we
// keep, from the moment it is kept; irecords is the index of the
// interaction records that matter to us (kind 1 like, 2 repost, 3 reply, 4
// quote, 5 follow; flags 1: counted in its subject's engagement, 2: an
// expert's signal; the subject is a post's AT-URI, or a DID for a follow),
// so that a delete, which names only the record, can be undone; a post can
// be both a reply and a quote, hence the kind in the key. irecords.bypost
// finds a post's counted records, so that the post's removal (a delete, an
// edit that takes it out, retention) takes its counts and their index
// entries along. endorsements and expertfollows are the experts' signals
// the membership decider reads: likes and reposts by post (pruned by age
// with the retention), follows by the account followed (kept until
// unfollowed, or until their author is no longer an expert). Only records
// whose subject we hold, or whose author is an expert, are kept: the rest of
// the network's likes and follows cost two look-ups and no write.
//
// Curation's buckets (cur.*) are made on first write, and so are reposts,
// viewerprefs and the interaction buckets: a database that never saw them
// reads them as empty. Authors, pins, the queue and verdicts are per feed; a block is global,
// because a blocked post leaves every feed. List items are keyed by their
// owner and record key because a delete event names nothing else. The
// audit log is append-only and never pruned: it grows at the pace of human
// decisions, and a log that forgets is no log.
//
// cur.rules holds the rules text a curator uploaded for a feed, which wins
// over the rules its definition names until a revert deletes it; its
// version numbers come from the bucket's sequence, so they only grow.
// cur.rejudge holds the progress of judging a feed's kept records and
// queue again after its rules changed (a position in bytime, then in the
// queue), saved in the transaction of each batch. A record a change of
// rules takes out of every feed stays in posts (and bytime) with no feeds,
// parked, until retention prunes it, so that a later change can judge it
// again.
// profiles caches who the authors curators see are (handle, display name,
// a 64-pixel JPEG of the avatar, a few KB each), with the time each was
// resolved: package curation fetches one again when it is older than its
// refresh age. It is made on first write, holds only authors someone
// looked at, and can be deleted at any time; it fills again.
//
// The figures' buckets (stats.*) hold counters, never who: a day is days
// since 1970-01-01 UTC and an hour hours since then, both uint32. Metrics
// are short names chosen by the writer (package stats lists them): the
// indexer adds what entered each membership feed, and why, in the same
// transaction as the entries; the feed server's readership counts arrive
// a minute at a time. A viewers sketch holds only register maxima of
// hashes salted by a key that lives in memory (package stats), and is
// folded into a daily count once its day is over. Counters and lag
// samples are pruned by age (package stats), a post's impressions with the
// post.
//
// labels holds the moderation labels of the labelers we follow, on records
// we keep and accounts we know, by subject (a record's AT-URI or an
// account's DID), so that a decision reads a post's and its author's
// labels with two seeks. labels.exp orders those that expire, so that a
// sweep finds them without a scan. held indexes the records a label keeps
// out of some feed (model.Post.Held), which are kept in posts but in no
// feed's pages, so that a change of labels or policy can bring them back.
// A labeler's stream position is a cursor in meta ("labeler/<DID>").
// Labels on what we no longer keep are pruned with the posts.
package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
)

// schemaVersion is the layout this binary reads and writes. 1: the
// tie-breaker of feeds, authors and bytime was a store-local sequence
// number; 2: it is TieOf the record (migrate1to2 moves 1 to 2 at Open).
const schemaVersion = 2

var (
	bucketMeta       = []byte("meta")
	bucketPosts      = []byte("posts")
	bucketFeeds      = []byte("feeds")
	bucketAuthors    = []byte("authors")
	bucketTombstones = []byte("tombstones")
	bucketAccounts   = []byte("accounts")
	bucketByTime     = []byte("bytime")

	keyVersion = []byte("version")
)

// Errors returned by the store.
var (
	// ErrNotFound means the record asked for is not stored. It is
	// model.ErrNotFound, so code reading through an interface can test
	// for it without importing the store.
	ErrNotFound = model.ErrNotFound
	// ErrBadCursor means a feed cursor was not one this store issued.
	ErrBadCursor = errors.New("malformed cursor")
	// ErrCorruptCursor means a stored stream cursor cannot be read. The
	// indexer must stop rather than silently jump to live.
	ErrCorruptCursor = errors.New("corrupt stream cursor")
)

// Options tune how the database file is opened.
type Options struct {
	// Timeout bounds the wait for the file lock held by another process.
	// Zero means one second; bbolt's own zero would wait forever.
	Timeout time.Duration
	// NoSync skips fsync on commit. For bulk loads and benchmarks only.
	NoSync bool
	// ReadOnly opens the file with a shared lock, for tools that only look.
	ReadOnly bool
	// MustExist refuses to create the file: the tools that work on an
	// existing database must never leave an empty one behind, which they
	// would then read as "nothing there". The error is ErrNoDatabase.
	MustExist bool
	// Logger tells of a schema migration at Open; nil is slog.Default().
	Logger *slog.Logger
}

// ErrNoDatabase means Options.MustExist was set and there is no file.
var ErrNoDatabase = errors.New("no database file")

// ErrLocked means another process holds the file (bbolt's lock) for
// longer than Options.Timeout.
var ErrLocked = errors.New("the file is locked by another process")

// Store is the bbolt database.
type Store struct {
	db *bolt.DB
	// versions counts, per feed, the commits that changed the feed
	// (FeedVersion): a *atomic.Uint64 by feed ID.
	versions sync.Map
}

// Open opens (creating if needed) the database at path.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = time.Second
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  timeout,
		NoSync:   opts.NoSync,
		ReadOnly: opts.ReadOnly,
		// The freelist is synced: not syncing it would make every
		// open read the whole file to rebuild it, which costs start-up
		// time and leaves the whole file resident.
		FreelistType: bolt.FreelistMapType,
		OpenFile:     openFile(opts.MustExist),
	})
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && opts.MustExist {
			return nil, fmt.Errorf("open %s: %w", path, ErrNoDatabase)
		}
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open %s: %w (is feedgen already running?)", path, ErrLocked)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db}
	if opts.ReadOnly {
		if err := s.checkVersion(); err != nil {
			db.Close()
			return nil, err
		}
		return s, nil
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if err := s.init(log); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openFile opens the database file as bbolt does, without O_CREATE when
// the file must exist.
func openFile(mustExist bool) func(string, int, os.FileMode) (*os.File, error) {
	return func(name string, flag int, perm os.FileMode) (*os.File, error) {
		if mustExist {
			flag &^= os.O_CREATE
		}
		return os.OpenFile(name, flag, perm)
	}
}

func (s *Store) init(log *slog.Logger) error {
	migrate := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketPosts, bucketFeeds, bucketAuthors, bucketTombstones, bucketAccounts, bucketByTime} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		v := meta.Get(keyVersion)
		if v == nil {
			return meta.Put(keyVersion, binary.BigEndian.AppendUint32(nil, schemaVersion))
		}
		if len(v) == 4 && binary.BigEndian.Uint32(v) == 1 {
			migrate = true
			return nil
		}
		return checkVersion(v)
	})
	if err != nil || !migrate {
		return err
	}
	log.Info("store: migrating the database to schema 2 (portable cursors)", "path", s.db.Path())
	return s.migrate1to2(log)
}

func (s *Store) checkVersion() error {
	return s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return errors.New("not a feedgen database (no meta bucket)")
		}
		return checkVersion(meta.Get(keyVersion))
	})
}

func checkVersion(v []byte) error {
	if len(v) != 4 {
		return errors.New("not a feedgen database (bad version)")
	}
	if got := binary.BigEndian.Uint32(v); got == 1 {
		return fmt.Errorf("database schema version 1: open it once read-write (start the service) to migrate it to %d", schemaVersion)
	} else if got != schemaVersion {
		return fmt.Errorf("database schema version %d, this binary knows %d", got, schemaVersion)
	}
	return nil
}

// Close closes the database file.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store was opened from.
func (s *Store) Path() string { return s.db.Path() }

// Update runs fn in one read-write transaction; bbolt allows one at a time.
// Group many changes per call: each commit costs an fsync.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(func(btx *bolt.Tx) error { return fn(&Tx{tx: btx, s: s}) })
}

// View runs fn in a read-only transaction. Keep it short: a long reader
// holds old pages and can stall the writer when the file must grow.
func (s *Store) View(fn func(*Tx) error) error {
	return s.db.View(func(btx *bolt.Tx) error { return fn(&Tx{tx: btx, s: s}) })
}

// Backup writes a consistent copy of the whole database to w while others
// keep reading and writing, and returns the number of bytes written. If
// size is not nil it is called first with the copy's exact length.
func (s *Store) Backup(w io.Writer, size func(int64)) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		if size != nil {
			size(tx.Size())
		}
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("backup: %w", err)
	}
	return n, nil
}

// Size is the size of the database file in bytes.
func (s *Store) Size() int64 {
	var n int64
	_ = s.db.View(func(tx *bolt.Tx) error { n = tx.Size(); return nil })
	return n
}

// Tx is a transaction with feedgen's operations on it. It is valid only
// inside the function passed to Update or View.
type Tx struct {
	tx *bolt.Tx
	s  *Store
	// changed are the feeds this transaction changed, whose versions
	// move on when it commits.
	changed map[string]bool
}

// FeedVersion counts the committed transactions that changed feed's
// entries since the store was opened: a post in or out, by whatever
// writer (the indexer, a curator's block, a change of rules, retention).
// It moves on once the commit is done, before Update returns, so that a
// reader who saw the old number and then reads the feed may have read it
// either way, and one who sees the new number reads the change: a cache of
// a feed's pages is valid while the number it was filled under is still
// the feed's.
func (s *Store) FeedVersion(feed string) uint64 {
	if v, ok := s.versions.Load(feed); ok {
		return v.(*atomic.Uint64).Load()
	}
	return 0
}

// feedChanged notes that this transaction changes feed.
func (t *Tx) feedChanged(feed string) {
	if t.changed[feed] || t.s == nil {
		return
	}
	if t.changed == nil {
		t.changed = map[string]bool{}
	}
	t.changed[feed] = true
	s := t.s
	t.tx.OnCommit(func() {
		v, _ := s.versions.LoadOrStore(feed, new(atomic.Uint64))
		v.(*atomic.Uint64).Add(1)
	})
}

// Bolt exposes the underlying transaction, for OnCommit hooks and for
// tests that read every key. Every bucket is documented in this package
// and written only through its methods.
func (t *Tx) Bolt() *bolt.Tx { return t.tx }

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// MaxCursor is the largest stream cursor the store keeps. A saved value above it is read as
// corrupt, so SetCursor refuses to write one: the indexer bounds what a stream may say well
// below it, and a cursor that got past that is a bug to stop on, not a value to keep.
const MaxCursor = 1 << 62

const cursorPrefix = "cursor/"

// Cursor returns the stream cursor saved for source name, and whether one
// was saved.
func (t *Tx) Cursor(name string) (int64, bool, error) {
	v := t.tx.Bucket(bucketMeta).Get([]byte(cursorPrefix + name))
	if v == nil {
		return 0, false, nil
	}
	c, err := decodeCursor(name, v)
	if err != nil {
		return 0, false, err
	}
	return c, true, nil
}

func decodeCursor(name string, v []byte) (int64, error) {
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: %s is %d bytes", ErrCorruptCursor, name, len(v))
	}
	c := binary.BigEndian.Uint64(v)
	if c > MaxCursor {
		return 0, fmt.Errorf("%w: %s is %d, beyond %d", ErrCorruptCursor, name, c, uint64(MaxCursor))
	}
	return int64(c), nil
}

// SetCursor saves the stream cursor of source name. A cursor lower than the
// saved one is ignored: after a reconnect the indexer rewinds a little and
// replays events it already has, and the saved position must not go back.
// A cursor outside 0..MaxCursor is an error, and nothing is written.
func (t *Tx) SetCursor(name string, c int64) error {
	if c < 0 || c > MaxCursor {
		return fmt.Errorf("set cursor %s: %d is outside 0..%d", name, c, int64(MaxCursor))
	}
	cur, ok, err := t.Cursor(name)
	if err != nil {
		return err
	}
	if ok && c <= cur {
		return nil
	}
	return t.tx.Bucket(bucketMeta).Put([]byte(cursorPrefix+name), u64(uint64(c)))
}

// ReplaceCursor saves c as the cursor of source name whatever was saved
// before, corrupt or higher: the operator's way back from a bad position
// (feedgen cursor set).
func (t *Tx) ReplaceCursor(name string, c int64) error {
	if c < 0 || c > MaxCursor {
		return fmt.Errorf("set cursor %s: %d is outside 0..%d", name, c, int64(MaxCursor))
	}
	return t.tx.Bucket(bucketMeta).Put([]byte(cursorPrefix+name), u64(uint64(c)))
}

// DeleteCursor forgets the cursor of source name, so the next run starts
// from live (feedgen cursor reset).
func (t *Tx) DeleteCursor(name string) error {
	return t.tx.Bucket(bucketMeta).Delete([]byte(cursorPrefix + name))
}

// Cursor reads the saved stream cursor of source name outside any other
// transaction.
func (s *Store) Cursor(name string) (c int64, ok bool, err error) {
	err = s.View(func(tx *Tx) error {
		c, ok, err = tx.Cursor(name)
		return err
	})
	return c, ok, err
}

// OnCommit runs fn once the transaction has committed, and never if it
// rolls back: for work that must follow the change (a backfill of an
// author the change listed), never precede it.
func (t *Tx) OnCommit(fn func()) { t.tx.OnCommit(fn) }

// SavedCursor is one stream cursor as stored: its value, or why it cannot
// be used.
type SavedCursor struct {
	Name  string
	Value int64
	// Err is set (wrapping ErrCorruptCursor) when the value is unusable.
	Err error
}

// Cursors lists every saved stream cursor, corrupt ones included.
func (s *Store) Cursors() ([]SavedCursor, error) {
	var out []SavedCursor
	err := s.View(func(tx *Tx) error {
		c := tx.tx.Bucket(bucketMeta).Cursor()
		prefix := []byte(cursorPrefix)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			name := string(k[len(prefix):])
			val, err := decodeCursor(name, v)
			out = append(out, SavedCursor{Name: name, Value: val, Err: err})
		}
		return nil
	})
	return out, err
}
