package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// ErrDeleted means a record was deleted by its author: a replayed create
// must not bring it back.
var ErrDeleted = errors.New("record was deleted")

// Membership is a post's place in one feed and why it is there.
type Membership struct {
	Feed    string   `json:"feed"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons,omitempty"`
}

// Post is a record we keep: a post, or a repost (Subject set) that a feed
// serves with a repost reason.
type Post struct {
	URI    syntax.ATURI `json:"uri"`
	CID    string       `json:"cid"`
	Author syntax.DID   `json:"author"`
	// Subject is the reposted post, for reposts.
	Subject syntax.ATURI `json:"subject,omitempty"`

	CreatedUS int64 `json:"createdUs"`
	IndexedUS int64 `json:"indexedUs"`
	// SortUS and Seq are set by the store when the record is first put and
	// never change, so a post keeps its place when it is edited.
	SortUS int64  `json:"sortUs"`
	Seq    uint64 `json:"seq"`

	Text        string       `json:"text,omitempty"`
	Langs       []string     `json:"langs,omitempty"`
	ReplyRoot   syntax.ATURI `json:"replyRoot,omitempty"`
	ReplyParent syntax.ATURI `json:"replyParent,omitempty"`

	Feeds []Membership `json:"feeds"`
	// Hidden is set while the author's account is inactive.
	Hidden bool `json:"hidden,omitempty"`
}

// InFeed reports whether the post is a member of feed.
func (p *Post) InFeed(feed string) bool {
	return p.membership(feed) != nil
}

func (p *Post) membership(feed string) *Membership {
	for i := range p.Feeds {
		if p.Feeds[i].Feed == feed {
			return &p.Feeds[i]
		}
	}
	return nil
}

// SortTime is the AppView's rule: the earlier of the record's own claim and
// the time we saw it, so a post dated in the future cannot sit on top.
func SortTime(createdUS, indexedUS int64) int64 {
	if createdUS > 0 && createdUS < indexedUS {
		return createdUS
	}
	return indexedUS
}

func (p *Post) item() Item {
	it := Item{URI: p.URI, Langs: p.Langs, SortUS: p.SortUS, Seq: p.Seq}
	if p.Subject != "" {
		it.URI, it.Repost = p.Subject, p.URI
	}
	return it
}

func sortKey(sortUS int64, seq uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(sortUS))
	binary.BigEndian.PutUint64(k[8:], seq)
	return k
}

func authorKey(did syntax.DID, sortUS int64, seq uint64) []byte {
	k := make([]byte, 0, len(did)+17)
	k = append(k, did...)
	k = append(k, 0)
	return append(k, sortKey(sortUS, seq)...)
}

// Post returns the stored record at uri, or ErrNotFound.
func (t *Tx) Post(uri syntax.ATURI) (*Post, error) {
	v := t.tx.Bucket(bucketPosts).Get([]byte(uri))
	if v == nil {
		return nil, ErrNotFound
	}
	var p Post
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
// A record with no feeds is removed. A deleted record is refused with
// ErrDeleted. On return p.SortUS and p.Seq hold the record's place.
func (t *Tx) PutPost(p *Post) error {
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
	if len(p.Feeds) == 0 {
		if old != nil {
			return t.removePost(old)
		}
		return nil
	}
	posts := t.tx.Bucket(bucketPosts)
	if old != nil {
		p.SortUS, p.Seq, p.Hidden = old.SortUS, old.Seq, old.Hidden
		for _, m := range old.Feeds {
			if !old.Hidden && !p.InFeed(m.Feed) {
				if err := t.feedDelete(m.Feed, old.SortUS, old.Seq); err != nil {
					return err
				}
			}
		}
	} else {
		seq, err := posts.NextSequence()
		if err != nil {
			return fmt.Errorf("put post: %w", err)
		}
		p.Seq = seq
		p.SortUS = SortTime(p.CreatedUS, p.IndexedUS)
		p.Hidden = t.tx.Bucket(bucketAccounts).Get([]byte(p.Author)) != nil
		if err := t.tx.Bucket(bucketAuthors).Put(authorKey(p.Author, p.SortUS, p.Seq), []byte(p.URI)); err != nil {
			return fmt.Errorf("put post: %w", err)
		}
		if err := t.tx.Bucket(bucketByTime).Put(sortKey(p.SortUS, p.Seq), []byte(p.URI)); err != nil {
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
	return t.savePost(p)
}

func (t *Tx) savePost(p *Post) error {
	v, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode post: %w", err)
	}
	if err := t.tx.Bucket(bucketPosts).Put([]byte(p.URI), v); err != nil {
		return fmt.Errorf("put post: %w", err)
	}
	return nil
}

func (t *Tx) feedPut(feed string, p *Post) error {
	b, err := t.tx.Bucket(bucketFeeds).CreateBucketIfNotExists([]byte(feed))
	if err != nil {
		return fmt.Errorf("feed bucket %s: %w", feed, err)
	}
	if err := b.Put(sortKey(p.SortUS, p.Seq), encodeItem(p.item())); err != nil {
		return fmt.Errorf("feed put: %w", err)
	}
	return nil
}

func (t *Tx) feedDelete(feed string, sortUS int64, seq uint64) error {
	b := t.tx.Bucket(bucketFeeds).Bucket([]byte(feed))
	if b == nil {
		return nil
	}
	return b.Delete(sortKey(sortUS, seq))
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
		if err := t.tx.Bucket(bucketTombstones).Put([]byte(uri), u64(uint64(deletedUS))); err != nil {
			return true, fmt.Errorf("tombstone: %w", err)
		}
	}
	return true, nil
}

func (t *Tx) removePost(p *Post) error {
	if !p.Hidden {
		for _, m := range p.Feeds {
			if err := t.feedDelete(m.Feed, p.SortUS, p.Seq); err != nil {
				return err
			}
		}
	}
	if err := t.tx.Bucket(bucketAuthors).Delete(authorKey(p.Author, p.SortUS, p.Seq)); err != nil {
		return err
	}
	if err := t.tx.Bucket(bucketByTime).Delete(sortKey(p.SortUS, p.Seq)); err != nil {
		return err
	}
	return t.tx.Bucket(bucketPosts).Delete([]byte(p.URI))
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
// at or after sinceUS. The per-author hourly cap uses it.
func (t *Tx) AuthorPostsInFeed(feed string, author syntax.DID, sinceUS int64) int {
	n := 0
	for _, uri := range t.authorPosts(author, sinceUS) {
		if t.InFeed(feed, uri) {
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
				err = t.feedDelete(m.Feed, p.SortUS, p.Seq)
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
