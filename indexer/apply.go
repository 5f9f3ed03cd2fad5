package indexer

import (
	"errors"
	"fmt"
	"github.com/bluesky-social/indigo/api/bsky"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/store"
)

// Reasons an event that decoded fine is still not acted on. They count in
// the dropped-events metric beside the decoding reasons.
const (
	ReasonTooOld     = "too_old"
	ReasonTombstoned = "tombstoned"
	ReasonTooBig     = "too_big_commit"
)

// apply makes one event's change inside the batch's transaction. Every
// change is idempotent: a replayed event leaves the store as it was.
func (ix *Indexer) apply(tx *store.Tx, m *message) error {
	if m.drop != "" {
		ix.bc.drop(m.drop)
		return nil
	}
	ev := &m.ev
	ix.bc.event(ev)
	switch ev.Kind {
	case KindCommit:
		switch ev.Commit.Collection.String() {
		case CollectionPost:
			return ix.applyPost(tx, ev)
		case CollectionRepost:
			return ix.applyRepost(tx, ev)
		}
		if ix.records != nil {
			if err := ix.records.HandleRecord(tx, ev); err != nil {
				return fmt.Errorf("record handler: %w", err)
			}
		}
	case KindAccount:
		return ix.applyAccount(tx, ev)
	}
	// Identity events: a handle change does not touch what we store.
	return nil
}

func (ix *Indexer) applyPost(tx *store.Tx, ev *Event) error {
	c := ev.Commit
	uri := ev.URI()
	if c.Op == OpDelete {
		return ix.delete(tx, uri, ev.TimeUS)
	}
	if c.Post == nil {
		ix.bc.drop(ReasonMissingRecord)
		return nil
	}
	p := &store.Post{URI: uri, Author: ev.DID, CreatedUS: ParseCreated(c.Post.CreatedAt), IndexedUS: ev.TimeUS}
	return ix.put(tx, ev, p, func() ([]store.Membership, error) { return ix.decider.Decide(tx, ev) })
}

func (ix *Indexer) applyRepost(tx *store.Tx, ev *Event) error {
	c := ev.Commit
	uri := ev.URI()
	if c.Op == OpDelete {
		return ix.delete(tx, uri, ev.TimeUS)
	}
	if c.Repost == nil {
		ix.bc.drop(ReasonMissingRecord)
		return nil
	}
	if c.Repost.Subject == nil {
		ix.bc.drop(ReasonInvalidRecord)
		return nil
	}
	// Nearly every repost is by an author no feed curates: settle those
	// before parsing anything, unless an earlier decision kept the repost.
	if curated, err := ix.curatedAnywhere(tx, ev.DID); err != nil {
		return err
	} else if !curated {
		if _, err := tx.Post(uri); errors.Is(err, store.ErrNotFound) {
			return nil
		}
	}
	subject, err := syntax.ParseATURI(c.Repost.Subject.Uri)
	if err != nil || subject.Collection().String() != CollectionPost || subject.RecordKey() == "" {
		ix.bc.drop(ReasonInvalidRecord)
		return nil
	}
	p := &store.Post{
		URI:       uri,
		CID:       c.CID.String(),
		Author:    ev.DID,
		Subject:   subject,
		CreatedUS: ParseCreated(c.Repost.CreatedAt),
		IndexedUS: ev.TimeUS,
	}
	return ix.put(tx, ev, p, func() ([]store.Membership, error) { return ix.decideRepost(tx, ev.DID, subject) })
}

// put decides and stores a created or edited record. An edit of a record
// we do not have is decided afresh, like a create.
func (ix *Indexer) put(tx *store.Tx, ev *Event, p *store.Post, decide func() ([]store.Membership, error)) error {
	if tx.Tombstoned(p.URI) {
		ix.bc.drop(ReasonTombstoned)
		return nil
	}
	old, err := tx.Post(p.URI)
	switch {
	case errors.Is(err, store.ErrNotFound):
		old = nil
	case err != nil:
		return err
	}
	if old == nil && store.SortTime(p.CreatedUS, p.IndexedUS) < ix.cfg.Now().Add(-ix.cfg.Retention).UnixMicro() {
		// Retention would prune it at once: do not let it in.
		ix.bc.drop(ReasonTooOld)
		return nil
	}
	feeds, err := decide()
	if err != nil {
		return fmt.Errorf("decide %s: %w", p.URI, err)
	}
	if len(feeds) == 0 && old == nil {
		return nil
	}
	if p.Subject == "" {
		// Fill in the rest only for the few posts that are kept.
		p = postFromEvent(ev)
	}
	p.Feeds = feeds
	put := tx.PutPost
	if p.Subject != "" {
		put = tx.PutRepost
	}
	if err := put(p); err != nil {
		if errors.Is(err, store.ErrDeleted) {
			ix.bc.drop(ReasonTombstoned)
			return nil
		}
		return fmt.Errorf("put %s: %w", p.URI, err)
	}
	for _, f := range feeds {
		if old == nil || !old.InFeed(f.Feed) {
			ix.bc.added(f.Feed)
		}
	}
	if old != nil && len(feeds) == 0 {
		ix.bc.removed(causeEdit)
	}
	return nil
}

func (ix *Indexer) delete(tx *store.Tx, uri syntax.ATURI, atUS int64) error {
	// Only a record we keep leaves a tombstone; deletes of the rest of
	// the network's posts cost nothing. A deleted post takes the reposts
	// that brought it into a feed along.
	removed, reposts, err := tx.DeletePostAndReposts(uri, atUS)
	if err != nil {
		return fmt.Errorf("delete %s: %w", uri, err)
	}
	if removed {
		ix.bc.removed(causeDelete)
	}
	for range reposts {
		ix.bc.removed(causeSubjectDeleted)
	}
	// A post waiting for a curator's verdict is gone too.
	if _, err := tx.DropQueued(uri, atUS); err != nil {
		return fmt.Errorf("delete %s from review queues: %w", uri, err)
	}
	return nil
}

// curatedAnywhere reports whether the author has a tier in a feed that
// takes reposts.
func (ix *Indexer) curatedAnywhere(tx *store.Tx, author syntax.DID) (bool, error) {
	if ix.authors == nil {
		return false, nil
	}
	for _, f := range ix.cfg.Feeds {
		if !f.Reposts {
			continue
		}
		tier, err := ix.authors.AuthorTier(tx, f.ID, author)
		if err != nil {
			return false, fmt.Errorf("author tier: %w", err)
		}
		if tier != TierNone {
			return true, nil
		}
	}
	return false, nil
}

// decideRepost lets a repost into the feeds that take reposts: always for
// an author of tier all, and for an expert when the post reposted is
// itself in the feed (the repost then lifts it to the top with the
// expert's name on it).
func (ix *Indexer) decideRepost(tx *store.Tx, reposter syntax.DID, subject syntax.ATURI) ([]store.Membership, error) {
	// A post a curator blocked stays out of every feed, reposted or not.
	if ix.authors == nil || tx.Tombstoned(subject) || tx.Blocked(subject) {
		return nil, nil
	}
	var out []store.Membership
	for _, f := range ix.cfg.Feeds {
		if !f.Reposts {
			continue
		}
		tier, err := ix.authors.AuthorTier(tx, f.ID, reposter)
		if err != nil {
			return nil, fmt.Errorf("author tier: %w", err)
		}
		switch {
		case tier == TierAll:
			out = append(out, store.Membership{Feed: f.ID, Score: 1, Reasons: []string{"repost", "author:all"}})
		case tier == TierExpert && tx.InFeed(f.ID, subject):
			out = append(out, store.Membership{Feed: f.ID, Score: 1, Reasons: []string{"repost", "author:expert", "subject-in-feed"}})
		}
	}
	return out, nil
}

// applyAccount hides an inactive account's records and shows them again
// when it is back; a deleted account's records go for good. The status of
// accounts we keep nothing from is not recorded: that would grow the
// database by every deactivation on the network, and an inactive account
// publishes nothing we could receive.
func (ix *Indexer) applyAccount(tx *store.Tx, ev *Event) error {
	a := ev.Account
	if !a.Active && !tx.HasAuthorRecords(ev.DID) && tx.AccountStatus(ev.DID) == "" {
		return nil
	}
	if !a.Active {
		ix.bc.removed(causeAccount)
	}
	if err := tx.SetAccountActive(ev.DID, a.Active, a.Status); err != nil {
		return fmt.Errorf("account %s: %w", ev.DID, err)
	}
	return nil
}

// postFromEvent maps a post create or update to the record we store.
func postFromEvent(ev *Event) *store.Post {
	return PostRecord(ev.URI(), ev.Commit.CID.String(), ev.DID, ev.TimeUS, ev.Commit.Post)
}

// PostRecord maps a post record seen at indexedUS to what the store keeps
// of it, without feeds. Curation's backfill and review queue use it too, so
// a post looks the same whichever way it arrived.
func PostRecord(uri syntax.ATURI, cid string, author syntax.DID, indexedUS int64, r *bsky.FeedPost) *store.Post {
	p := &store.Post{
		URI:       uri,
		CID:       cid,
		Author:    author,
		CreatedUS: ParseCreated(r.CreatedAt),
		IndexedUS: indexedUS,
		Text:      r.Text,
		Langs:     r.Langs,
	}
	if r.Reply != nil {
		if r.Reply.Root != nil {
			if u, err := syntax.ParseATURI(r.Reply.Root.Uri); err == nil {
				p.ReplyRoot = u
			}
		}
		if r.Reply.Parent != nil {
			if u, err := syntax.ParseATURI(r.Reply.Parent.Uri); err == nil {
				p.ReplyParent = u
			}
		}
	}
	return p
}

// ParseCreated reads a record's createdAt; an unparseable one is 0, which
// makes the store sort the post by the time we saw it.
func ParseCreated(s string) int64 {
	if s == "" {
		return 0
	}
	// Nearly every client writes RFC 3339; the lenient parser is for the
	// rest.
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UnixMicro()
	}
	dt, err := syntax.ParseDatetimeLenient(s)
	if err != nil {
		return 0
	}
	return dt.Time().UnixMicro()
}

// Causes of removal, labelling the posts-removed metric.
const (
	causeDelete  = "delete"
	causeEdit    = "edit"
	causeAccount = "account"
	// causeSubjectDeleted is a repost removed with the post it reposted.
	causeSubjectDeleted = "subject_deleted"
)

// batchCounts gathers metric increments while a batch is applied and
// publishes them only once it is committed, so a rolled-back batch that is
// retried is not counted twice. It avoids a labelled-metric look-up per
// event.
type batchCounts struct {
	m       *metrics
	kinds   [4][4]float64
	kindCtr [4][4]prometheus.Counter
	drops   map[string]float64
	adds    map[string]float64
	removes map[string]float64
}

func (b *batchCounts) init(m *metrics) {
	b.m = m
	for k := KindCommit; k <= KindIdentity; k++ {
		for o := Op(0); o <= OpDelete; o++ {
			op := o.String()
			if k != KindCommit {
				if o != 0 {
					continue
				}
				op = ""
			} else if o == 0 {
				continue
			}
			b.kindCtr[k][o] = m.events.WithLabelValues(k.String(), op)
		}
	}
	b.drops = map[string]float64{}
	b.adds = map[string]float64{}
	b.removes = map[string]float64{}
}

func (b *batchCounts) reset() {
	b.kinds = [4][4]float64{}
	clear(b.drops)
	clear(b.adds)
	clear(b.removes)
}

func (b *batchCounts) event(ev *Event) {
	var op Op
	if ev.Kind == KindCommit {
		op = ev.Commit.Op
	}
	if int(ev.Kind) < len(b.kinds) && int(op) < len(b.kinds[0]) {
		b.kinds[ev.Kind][op]++
	}
}

func (b *batchCounts) drop(reason string)   { b.drops[reason]++ }
func (b *batchCounts) added(feed string)    { b.adds[feed]++ }
func (b *batchCounts) removed(cause string) { b.removes[cause]++ }

func (b *batchCounts) publish() {
	for k := range b.kinds {
		for o, n := range b.kinds[k] {
			if n > 0 && b.kindCtr[k][o] != nil {
				b.kindCtr[k][o].Add(n)
			}
		}
	}
	for r, n := range b.drops {
		b.m.dropped.WithLabelValues(r).Add(n)
	}
	for f, n := range b.adds {
		b.m.postsAdded.WithLabelValues(f).Add(n)
	}
	for c, n := range b.removes {
		b.m.postsRemoved.WithLabelValues(c).Add(n)
	}
}
