package indexer

import (
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Interactions: likes, reposts, replies and quotes of the posts we hold
// are counted (their engagement), and the experts' likes, reposts and
// follows are kept as their signals (see package membership). Both go
// through the store's index of interaction records, so that a delete,
// which names only the record, finds what to undo, and a replayed create
// counts once. Everything else of the network's like and follow volume
// costs two B-tree look-ups and no write: whether the subject is a post we
// hold, and whether the author is an expert.

// Causes of removal by a change of signals, labelling the posts-removed
// metric beside the others.
const (
	// causeSignal is a post that left when an expert's like, repost or
	// follow that let it in was withdrawn.
	causeSignal = "signal"
)

// applyInteraction applies a like or a follow.
func (s *Step) applyInteraction(tx *store.Tx, ev *Event, t *Tally) error {
	c := ev.Commit
	if c.Op == OpDelete {
		return s.undoInteractions(tx, ev.URI(), t)
	}
	switch {
	case c.Collection == CollectionLike && c.Subject != "":
		return s.keepSubject(tx, ev, store.InteractionLike, t)
	case c.Collection == CollectionFollow && c.Followed != "":
		return s.keepFollow(tx, ev, t)
	}
	t.drop(ReasonMissingRecord)
	return nil
}

// keepSubject keeps a like or repost (kind) of the post c.Subject: counted
// if we hold the post, a signal if its author is an expert, and then the
// post is decided again; dropped otherwise, which is nearly always.
func (s *Step) keepSubject(tx *store.Tx, ev *Event, kind store.Interaction, t *Tally) error {
	c := ev.Commit
	held := tx.HasPost(c.Subject)
	expert, err := s.Decider.Expert(tx, ev.DID)
	if err != nil {
		return fmt.Errorf("%s %s: %w", kind, ev.URI(), err)
	}
	if !held && !expert {
		return nil
	}
	uri := ev.URI()
	added, err := tx.PutInteraction(uri, store.IRecord{Kind: kind, Subject: string(c.Subject), AtUS: ev.TimeUS, Counted: held, Signal: expert})
	if err != nil {
		return fmt.Errorf("%s %s: %w", kind, uri, err)
	}
	if !added {
		return nil
	}
	t.interaction(kind, held, expert, 1)
	if expert {
		return s.redecide(tx, c.Subject, t)
	}
	return nil
}

// keepFollow keeps an expert's follow; when it makes the followed account
// a community author of some feed, the account's posts are decided again.
func (s *Step) keepFollow(tx *store.Tx, ev *Event, t *Tally) error {
	c := ev.Commit
	expert, err := s.Decider.Expert(tx, ev.DID)
	if err != nil || !expert {
		return err
	}
	before, err := s.Decider.Community(tx, c.Followed)
	if err != nil {
		return err
	}
	uri := ev.URI()
	added, err := tx.PutInteraction(uri, store.IRecord{Kind: store.InteractionFollow, Subject: c.Followed.String(), AtUS: ev.TimeUS, Signal: true})
	if err != nil {
		return fmt.Errorf("follow %s: %w", uri, err)
	}
	if !added {
		return nil
	}
	t.interaction(store.InteractionFollow, false, true, 1)
	return s.communityChanged(tx, c.Followed, before, t)
}

// communityChanged decides did's posts again if the feeds in which it is
// a community author are not those of before.
func (s *Step) communityChanged(tx *store.Tx, did syntax.DID, before []string, t *Tally) error {
	after, err := s.Decider.Community(tx, did)
	if err != nil {
		return err
	}
	if slices.Equal(before, after) {
		return nil
	}
	return s.redecideAuthor(tx, did, t)
}

// countPost counts a created post in the engagement of the post it
// replies to and the post it quotes, when we hold them. Only creates
// count: an edit does not move a reply.
func (s *Step) countPost(tx *store.Tx, ev *Event, t *Tally) error {
	p := ev.Commit.Post
	if p == nil || ev.Commit.Op != OpCreate {
		return nil
	}
	var uri syntax.ATURI
	for _, it := range [...]struct {
		kind    store.Interaction
		subject string
	}{{store.InteractionReply, replyParent(p)}, {store.InteractionQuote, quoted(p)}} {
		if it.subject == "" {
			continue
		}
		subject, err := parsePostURI(it.subject)
		if err != nil || !tx.HasPost(subject) {
			continue
		}
		if uri == "" {
			uri = ev.URI()
			if tx.Tombstoned(uri) {
				// A replay of a post deleted since.
				return nil
			}
		}
		added, err := tx.PutInteraction(uri, store.IRecord{Kind: it.kind, Subject: string(subject), AtUS: ev.TimeUS, Counted: true})
		if err != nil {
			return fmt.Errorf("%s %s: %w", it.kind, uri, err)
		}
		if added {
			t.interaction(it.kind, true, false, 1)
		}
	}
	return nil
}

func replyParent(p *bsky.FeedPost) string {
	if p.Reply != nil && p.Reply.Parent != nil {
		return p.Reply.Parent.Uri
	}
	return ""
}

func quoted(p *bsky.FeedPost) string {
	switch e := p.Embed; {
	case e == nil:
	case e.EmbedRecord != nil && e.EmbedRecord.Record != nil:
		return e.EmbedRecord.Record.Uri
	case e.EmbedRecordWithMedia != nil && e.EmbedRecordWithMedia.Record != nil && e.EmbedRecordWithMedia.Record.Record != nil:
		return e.EmbedRecordWithMedia.Record.Record.Uri
	}
	return ""
}

// undoInteractions forgets what was kept of a deleted record (an unlike,
// an unrepost, an unfollow, a deleted reply or quote), and decides again
// what a withdrawn signal had let in.
func (s *Step) undoInteractions(tx *store.Tx, uri syntax.ATURI, t *Tally) error {
	var before []string
	var followed syntax.DID
	if uri.Collection() == CollectionFollow {
		// An unfollow may end a community author: what they were before
		// is read first.
		recs, err := tx.Interactions(uri)
		if err != nil {
			return fmt.Errorf("undo %s: %w", uri, err)
		}
		for _, r := range recs {
			if r.Kind == store.InteractionFollow {
				followed = syntax.DID(r.Subject)
				if before, err = s.Decider.Community(tx, followed); err != nil {
					return err
				}
			}
		}
	}
	recs, err := tx.DeleteInteraction(uri)
	if err != nil {
		return fmt.Errorf("undo %s: %w", uri, err)
	}
	for _, r := range recs {
		t.interaction(r.Kind, r.Counted, r.Signal, -1)
		if !r.Signal {
			continue
		}
		if r.Kind == store.InteractionFollow {
			if err := s.communityChanged(tx, followed, before, t); err != nil {
				return err
			}
			continue
		}
		if err := s.redecide(tx, syntax.ATURI(r.Subject), t); err != nil {
			return err
		}
	}
	return nil
}

// redecide decides the post at uri again, after its signals changed: from
// what we keep of it, held or waiting in a review queue, through the
// same apply step as a post from the stream. A post we hold neither way
// has nothing to decide yet: an endorsement waits for it, and counts when
// it arrives.
func (s *Step) redecide(tx *store.Tx, uri syntax.ATURI, t *Tally) error {
	p, err := tx.Post(uri)
	switch {
	case errors.Is(err, store.ErrNotFound):
		p = nil
	case err != nil:
		return err
	}
	if p == nil {
		feeds, err := tx.QueueFeeds()
		if err != nil {
			return err
		}
		for _, f := range feeds {
			q, err := tx.QueuedPost(f, uri)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			p = &q.Post
			break
		}
	}
	if p == nil || p.Subject != "" {
		// Nothing to decide, or a repost (the signals are about posts).
		return nil
	}
	// From what the store keeps of the post, as a change of rules judges
	// it again: the same content the rules read of the record.
	kept := func() *model.Post {
		c := *p
		c.Feeds, c.Held = nil, nil
		return &c
	}
	return s.decideRecord(tx, membership.KeptRecord(p), kept, t, causeSignal)
}

// redecideAuthor decides again every post of did we hold or have queued.
func (s *Step) redecideAuthor(tx *store.Tx, did syntax.DID, t *Tally) error {
	var uris []syntax.ATURI
	for _, uri := range tx.AuthorRecords(did, 0) {
		if uri.Collection() == CollectionPost {
			uris = append(uris, uri)
		}
	}
	feeds, err := tx.QueueFeeds()
	if err != nil {
		return err
	}
	for _, f := range feeds {
		for cursor := ""; ; {
			page, next, err := tx.QueuePage(f, cursor, 500)
			if err != nil {
				return err
			}
			for i := range page {
				if page[i].Post.Author == did && !slices.Contains(uris, page[i].Post.URI) {
					uris = append(uris, page[i].Post.URI)
				}
			}
			if next == "" {
				break
			}
			cursor = next
		}
	}
	for _, uri := range uris {
		if err := s.redecide(tx, uri, t); err != nil {
			return err
		}
	}
	return nil
}
