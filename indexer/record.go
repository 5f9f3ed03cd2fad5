package indexer

import (
	"encoding/json"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
)

// DecodeRecord turns a record read from its repository (a page of
// com.atproto.repo.listRecords, or getRecord) into the create event the
// stream would have carried, seen at timeUS, with the same checks as the
// stream's records: a curator's backfill goes through the apply step as
// the stream does. A rejection is a *DecodeError naming the reason.
func DecodeRecord(uri, cid string, value json.RawMessage, timeUS int64) (Event, error) {
	u, err := syntax.ParseATURI(uri)
	if err != nil {
		return Event{}, reject(ReasonInvalidRecord, err)
	}
	did, err := u.Authority().AsDID()
	if err != nil {
		return Event{}, reject(ReasonInvalidDID, err)
	}
	c, err := decodeCommit(&jsCommit{Operation: "create", Collection: u.Collection().String(), RKey: u.RecordKey().String(), CID: cid, Record: value})
	if err != nil {
		return Event{}, err
	}
	return Event{Kind: KindCommit, DID: did, TimeUS: timeUS, Commit: c}, nil
}

// Record is the post or repost of a create or update, as the decider
// reads it.
func (e *Event) Record() membership.Record {
	c := e.Commit
	r := membership.Record{URI: e.URI(), Author: e.DID, CID: c.CID.String(), TimeUS: e.TimeUS, Edit: c.Op == OpUpdate, Post: c.Post, Subject: c.Subject}
	switch {
	case c.Post != nil:
		r.CreatedUS = ParseCreated(c.Post.CreatedAt)
	case c.Repost != nil:
		r.CreatedUS = ParseCreated(c.Repost.CreatedAt)
	}
	return r
}

// keptRecord maps a post or repost create or update to the record we
// store, without feeds.
func keptRecord(ev *Event, uri syntax.ATURI) *model.Post {
	c := ev.Commit
	if c.Post != nil {
		return PostRecord(uri, c.CID.String(), ev.DID, ev.TimeUS, c.Post)
	}
	return &model.Post{
		URI:       uri,
		CID:       c.CID.String(),
		Author:    ev.DID,
		Subject:   c.Subject,
		CreatedUS: ParseCreated(c.Repost.CreatedAt),
		IndexedUS: ev.TimeUS,
	}
}

// PostRecord maps a post record seen at indexedUS to what the store keeps
// of it, without feeds: the same whichever way the post arrived.
func PostRecord(uri syntax.ATURI, cid string, author syntax.DID, indexedUS int64, r *bsky.FeedPost) *model.Post {
	p := &model.Post{
		URI:       uri,
		CID:       cid,
		Author:    author,
		CreatedUS: ParseCreated(r.CreatedAt),
		IndexedUS: indexedUS,
		Text:      r.Text,
		Langs:     r.Langs,
	}
	// What else the rules read, so that a change of rules can judge the
	// post again (relevance.FromKept).
	content := relevance.FromRecord(r)
	content.Kept(p)
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
