package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// ErrDeleted means a record was deleted by its author: a replayed create
// must not bring it back.
var ErrDeleted = errors.New("record was deleted")

// item is the feed entry of p.
func item(p *model.Post) Item {
	it := Item{URI: p.URI, Langs: p.Langs, SortUS: p.SortUS, Tie: TieOf(p.URI)}
	if p.Subject != "" {
		it.URI, it.Repost = p.Subject, p.URI
	}
	return it
}

// sortKey is a key of a time-ordered bucket: a time, then what orders
// the entries of the same time (a record's tie-breaker, or a sequence
// number of the bucket's own).
func sortKey(sortUS int64, tie uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(sortUS))
	binary.BigEndian.PutUint64(k[8:], tie)
	return k
}

// postKey is the place of the record p in feeds and bytime.
func postKey(p *model.Post) []byte { return sortKey(p.SortUS, TieOf(p.URI)) }

func authorKey(did syntax.DID, sortUS int64, tie uint64) []byte {
	k := make([]byte, 0, len(did)+17)
	k = append(k, did...)
	k = append(k, 0)
	return append(k, sortKey(sortUS, tie)...)
}

// Post returns the stored record at uri, or ErrNotFound.
func (t *Tx) Post(uri syntax.ATURI) (*model.Post, error) {
	v := t.tx.Bucket(bucketPosts).Get([]byte(uri))
	if v == nil {
		return nil, ErrNotFound
	}
	var p model.Post
	if err := json.Unmarshal(v, &p); err != nil {
		return nil, fmt.Errorf("decode post %s: %w", uri, err)
	}
	return &p, nil
}

// InFeed reports whether the record at uri is in feed and visible.
func (t *Tx) InFeed(feed string, uri syntax.ATURI) bool {
	p, err := t.Post(uri)
	return err == nil && !p.Hidden && p.InFeed(feed)
}

// Tombstoned reports whether the record at uri was deleted.
func (t *Tx) Tombstoned(uri syntax.ATURI) bool {
	return t.tx.Bucket(bucketTombstones).Get([]byte(uri)) != nil
}

// PutPost stores p in the feeds it lists, or updates it if it is stored
// already (an edit re-decides membership but keeps the place in the feed).
// A record held out of feeds by moderation labels (p.Held) is kept, out of
// those feeds' pages. A record with neither feeds nor held feeds is
// removed. A deleted record is refused with
// ErrDeleted. On return p.SortUS holds the record's place (with TieOf
// its URI), which an edit keeps.
func (t *Tx) PutPost(p *model.Post) error {
	return t.putPost(p, false)
}

// ParkPost is PutPost that keeps the record even when it is in no feed:
// one a change of rules took out (or a queued post it cleared) stays, out
// of every feed, until retention prunes it, so that the next change of
// rules, or a revert, can judge it again. Records that never entered a
// feed are not kept: a change of rules cannot bring those back.
func (t *Tx) ParkPost(p *model.Post) error {
	return t.putPost(p, true)
}

func (t *Tx) putPost(p *model.Post, park bool) error {
	if p.URI == "" || p.Author == "" {
		return errors.New("put post: missing uri or author")
	}
	if t.Tombstoned(p.URI) {
		return ErrDeleted
	}
	old, err := t.Post(p.URI)
	switch {
	case errors.Is(err, ErrNotFound):
		old = nil
	case err != nil:
		return err
	}
	if len(p.Feeds) == 0 && len(p.Held) == 0 && !park {
		if old != nil {
			return t.removePost(old)
		}
		return nil
	}
	if old != nil {
		p.SortUS, p.Seq, p.Hidden = old.SortUS, old.Seq, old.Hidden
		for _, m := range old.Feeds {
			if !old.Hidden && !p.InFeed(m.Feed) {
				if err := t.feedDelete(m.Feed, old); err != nil {
					return err
				}
			}
		}
	} else {
		// Seq is schema 1's; a record kept since has none.
		p.Seq = 0
		p.SortUS = model.SortTime(p.CreatedUS, p.IndexedUS)
		p.Hidden = t.tx.Bucket(bucketAccounts).Get([]byte(p.Author)) != nil
		if err := t.tx.Bucket(bucketAuthors).Put(authorKey(p.Author, p.SortUS, TieOf(p.URI)), []byte(p.URI)); err != nil {
			return fmt.Errorf("put post: %w", err)
		}
		if err := t.tx.Bucket(bucketByTime).Put(postKey(p), []byte(p.URI)); err != nil {
			return fmt.Errorf("put post: %w", err)
		}
	}
	if !p.Hidden {
		for _, m := range p.Feeds {
			if err := t.feedPut(m.Feed, p); err != nil {
				return err
			}
		}
	}
	if len(p.Held) > 0 || (old != nil && len(old.Held) > 0) {
		if err := t.setHeld(p); err != nil {
			return err
		}
	}
	return t.savePost(p)
}

func (t *Tx) savePost(p *model.Post) error {
	v, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode post: %w", err)
	}
	if err := t.tx.Bucket(bucketPosts).Put([]byte(p.URI), v); err != nil {
		return fmt.Errorf("put post: %w", err)
	}
	return nil
}

func (t *Tx) feedPut(feed string, p *model.Post) error {
	b, err := t.tx.Bucket(bucketFeeds).CreateBucketIfNotExists([]byte(feed))
	if err != nil {
		return fmt.Errorf("feed bucket %s: %w", feed, err)
	}
	if err := b.Put(postKey(p), encodeItem(item(p))); err != nil {
		return fmt.Errorf("feed put: %w", err)
	}
	t.feedChanged(feed)
	return nil
}

func (t *Tx) feedDelete(feed string, p *model.Post) error {
	b := t.tx.Bucket(bucketFeeds).Bucket([]byte(feed))
	if b == nil {
		return nil
	}
	if err := b.Delete(postKey(p)); err != nil {
		return err
	}
	t.feedChanged(feed)
	// Removals are counted in the feed bucket's sequence (InFeedNow).
	return b.SetSequence(b.Sequence() + 1)
}

// DeletePost removes the record at uri from every feed and the store. With
// a nonzero deletedUS it leaves a tombstone, so a replayed create of the
// same record is refused; retention prunes tombstones like posts. It
// reports whether the record was stored.
func (t *Tx) DeletePost(uri syntax.ATURI, deletedUS int64) (bool, error) {
	p, err := t.Post(uri)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := t.removePost(p); err != nil {
		return false, err
	}
	if deletedUS > 0 {
		return true, t.PutTombstone(uri, deletedUS)
	}
	return true, nil
}

// PutTombstone records that the record at uri was deleted at deletedUS, so
// that a replayed create of it is refused (ErrDeleted). DeletePost leaves
// one for the records we keep; this is for those we do not.
func (t *Tx) PutTombstone(uri syntax.ATURI, deletedUS int64) error {
	if err := t.tx.Bucket(bucketTombstones).Put([]byte(uri), u64(uint64(deletedUS))); err != nil {
		return fmt.Errorf("tombstone: %w", err)
	}
	return nil
}

func (t *Tx) removePost(p *model.Post) error {
	if !p.Hidden {
		for _, m := range p.Feeds {
			if err := t.feedDelete(m.Feed, p); err != nil {
				return err
			}
		}
	}
	if err := t.tx.Bucket(bucketAuthors).Delete(authorKey(p.Author, p.SortUS, TieOf(p.URI))); err != nil {
		return err
	}
	if err := t.tx.Bucket(bucketByTime).Delete(postKey(p)); err != nil {
		return err
	}
	if err := t.deletePostStats(p.URI); err != nil {
		return err
	}
	// Its engagement goes with it, whatever takes it out: a delete, an
	// edit, its account, retention.
	if err := t.dropEngagement(p.URI); err != nil {
		return err
	}
	if len(p.Held) > 0 {
		if err := t.del(bucketHeld, []byte(p.URI)); err != nil {
			return err
		}
	}
	return t.tx.Bucket(bucketPosts).Delete([]byte(p.URI))
}

// HasAuthorRecords reports whether any record by did is kept. The indexer
// asks it before recording an account status change, so that the status
// of the whole network's accounts does not pile up in the accounts bucket.
func (t *Tx) HasAuthorRecords(did syntax.DID) bool {
	prefix := append([]byte(did), 0)
	k, _ := t.tx.Bucket(bucketAuthors).Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}

// authorPosts returns the URIs of author's records with sort time at or
// after sinceUS, oldest first.
func (t *Tx) authorPosts(author syntax.DID, sinceUS int64) []syntax.ATURI {
	prefix := append([]byte(author), 0)
	var uris []syntax.ATURI
	c := t.tx.Bucket(bucketAuthors).Cursor()
	for k, v := c.Seek(authorKey(author, sinceUS, 0)); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		uris = append(uris, syntax.ATURI(v))
	}
	return uris
}

// AuthorPostsInFeed counts author's visible records in feed with sort time
// at or after sinceUS. The per-author hourly cap uses it. A visible
// member has its entry in the feed's bucket under the same sort key as
// in the authors index, so the count reads no record: it runs for every
// post that goes in, and for every kept post when a change of rules
// judges them again.
func (t *Tx) AuthorPostsInFeed(feed string, author syntax.DID, sinceUS int64) int {
	fb := t.tx.Bucket(bucketFeeds).Bucket([]byte(feed))
	if fb == nil {
		return 0
	}
	prefix := append([]byte(author), 0)
	n := 0
	c := t.tx.Bucket(bucketAuthors).Cursor()
	for k, _ := c.Seek(authorKey(author, sinceUS, 0)); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == len(prefix)+16 && fb.Get(k[len(prefix):]) != nil {
			n++
		}
	}
	return n
}

// SetAccountActive records an account status change. An inactive account's
// records leave every feed until it is active again; a deleted account's
// records are removed for good.
func (t *Tx) SetAccountActive(did syntax.DID, active bool, status string) error {
	accounts := t.tx.Bucket(bucketAccounts)
	if active {
		if accounts.Get([]byte(did)) == nil {
			return nil
		}
		if err := accounts.Delete([]byte(did)); err != nil {
			return err
		}
		return t.setHidden(did, false)
	}
	if status == "" {
		status = "inactive"
	}
	if status == "deleted" {
		for _, uri := range t.authorPosts(did, 0) {
			if _, err := t.DeletePost(uri, 0); err != nil {
				return err
			}
		}
	}
	if err := accounts.Put([]byte(did), []byte(status)); err != nil {
		return err
	}
	return t.setHidden(did, true)
}

// AccountStatus returns the recorded status of an inactive account, or ""
// for an active one.
func (t *Tx) AccountStatus(did syntax.DID) string {
	return string(t.tx.Bucket(bucketAccounts).Get([]byte(did)))
}

func (t *Tx) setHidden(did syntax.DID, hidden bool) error {
	for _, uri := range t.authorPosts(did, 0) {
		p, err := t.Post(uri)
		if err != nil {
			return err
		}
		if p.Hidden == hidden {
			continue
		}
		for _, m := range p.Feeds {
			if hidden {
				err = t.feedDelete(m.Feed, p)
			} else {
				err = t.feedPut(m.Feed, p)
			}
			if err != nil {
				return err
			}
		}
		p.Hidden = hidden
		if err := t.savePost(p); err != nil {
			return err
		}
	}
	return nil
}
