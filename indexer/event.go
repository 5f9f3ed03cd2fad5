package indexer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Collections the indexer acts on. Everything else is decoded far enough to
// move the cursor and is then ignored.
const (
	CollectionPost     = "app.bsky.feed.post"
	CollectionRepost   = "app.bsky.feed.repost"
	CollectionListItem = "app.bsky.graph.listitem"
	// Likes and follows are read for their subject only: likes (and
	// reposts) of the posts we hold are counted, and experts' likes,
	// reposts and follows are their signals.
	CollectionLike   = "app.bsky.feed.like"
	CollectionFollow = "app.bsky.graph.follow"
)

// MaxEventSize bounds one encoded event. Jetstream frames are a few KiB; a
// post record is capped by the lexicon at well under this, so anything larger
// is garbage or an attack and is dropped before it is parsed.
const MaxEventSize = 1 << 20

// Kind is the kind of a network event.
type Kind uint8

// The kinds of event a source delivers.
const (
	KindCommit Kind = iota + 1
	KindAccount
	KindIdentity
)

func (k Kind) String() string {
	switch k {
	case KindCommit:
		return "commit"
	case KindAccount:
		return "account"
	case KindIdentity:
		return "identity"
	}
	return "unknown"
}

// Op is what a commit did to one record.
type Op uint8

// The record operations.
const (
	OpCreate Op = iota + 1
	OpUpdate
	OpDelete
)

func (o Op) String() string {
	switch o {
	case OpCreate:
		return "create"
	case OpUpdate:
		return "update"
	case OpDelete:
		return "delete"
	}
	return "unknown"
}

// Event is one network event, the same whatever source it came from.
type Event struct {
	Kind Kind
	DID  syntax.DID
	// TimeUS is when the network saw the event, in unix microseconds. It is
	// the post's "indexed at" time, which keeps replays deterministic.
	TimeUS int64
	// Cursor is the source's resume position once this event is handled:
	// Jetstream's time_us, or the firehose sequence number.
	Cursor int64

	Commit   *Commit
	Account  *Account
	Identity *Identity
}

// Commit is one record operation in a repository.
type Commit struct {
	Op         Op
	Rev        string
	Collection syntax.NSID
	RKey       syntax.RecordKey
	CID        syntax.CID // empty for deletes

	// At most one of these is set, for creates and updates of the
	// collections we act on.
	Post     *bsky.FeedPost
	Repost   *bsky.FeedRepost
	ListItem *bsky.GraphListitem
	// Subject is the post a repost or a like names, parsed and checked to
	// be a post's AT-URI.
	Subject syntax.ATURI
	// Followed is the account a follow names.
	Followed syntax.DID
	// Data is the record of a create or update in one of feedgen's own
	// collections (lexicons.Prefix), decoded generically (atdata: the
	// same from JSON or CBOR), for the RecordHandler to validate.
	Data map[string]any
}

// Account is an account status change.
type Account struct {
	Active bool
	// Status says why an inactive account is inactive: "deactivated",
	// "deleted", "takendown", "suspended", ...
	Status string
}

// Identity is a handle or DID document change. We only tolerate it.
type Identity struct {
	Handle string
}

// URI is the AT-URI of the record a commit event touched.
func (e *Event) URI() syntax.ATURI {
	if e.Commit == nil {
		return ""
	}
	return syntax.ATURI("at://" + e.DID.String() + "/" + e.Commit.Collection.String() + "/" + e.Commit.RKey.String())
}

// Reasons a raw event is rejected; they label the dropped-events metric.
const (
	ReasonTooLarge       = "too_large"
	ReasonInvalidUTF8    = "invalid_utf8"
	ReasonMalformedJSON  = "malformed_json"
	ReasonUnknownKind    = "unknown_kind"
	ReasonInvalidDID     = "invalid_did"
	ReasonInvalidTime    = "invalid_time"
	ReasonMissingBody    = "missing_body"
	ReasonInvalidOp      = "invalid_operation"
	ReasonInvalidNSID    = "invalid_collection"
	ReasonInvalidRKey    = "invalid_rkey"
	ReasonInvalidCID     = "invalid_cid"
	ReasonInvalidRecord  = "invalid_record"
	ReasonMissingRecord  = "missing_record"
	ReasonRecordMismatch = "record_type_mismatch"
)

// DecodeError says why an event was dropped. Reason is one of the Reason*
// constants.
type DecodeError struct {
	Reason string
	Err    error
}

func (e *DecodeError) Error() string {
	if e.Err == nil {
		return "decode event: " + e.Reason
	}
	return "decode event: " + e.Reason + ": " + e.Err.Error()
}

func (e *DecodeError) Unwrap() error { return e.Err }

func reject(reason string, err error) error { return &DecodeError{Reason: reason, Err: err} }

// DropReason returns the metric label for an error from a decoder, or "" if
// the error is not a decoding error.
func DropReason(err error) string {
	var de *DecodeError
	if errors.As(err, &de) {
		return de.Reason
	}
	return ""
}

// jsEvent is the Jetstream wire format.
type jsEvent struct {
	DID      string      `json:"did"`
	TimeUS   int64       `json:"time_us"`
	Kind     string      `json:"kind"`
	Commit   *jsCommit   `json:"commit,omitempty"`
	Account  *jsAccount  `json:"account,omitempty"`
	Identity *jsIdentity `json:"identity,omitempty"`
}

type jsCommit struct {
	Rev        string          `json:"rev"`
	Operation  string          `json:"operation"`
	Collection string          `json:"collection"`
	RKey       string          `json:"rkey"`
	Record     json.RawMessage `json:"record,omitempty"`
	CID        string          `json:"cid,omitempty"`
}

type jsAccount struct {
	Active bool   `json:"active"`
	DID    string `json:"did,omitempty"`
	Seq    int64  `json:"seq,omitempty"`
	Status string `json:"status,omitempty"`
	Time   string `json:"time,omitempty"`
}

type jsIdentity struct {
	DID    string `json:"did,omitempty"`
	Handle string `json:"handle,omitempty"`
	Seq    int64  `json:"seq,omitempty"`
	Time   string `json:"time,omitempty"`
}

// DecodeJetstream decodes one Jetstream event (one JSON object, as sent on
// the socket or written one per line in a recording). Every rejection is a
// *DecodeError naming the reason; the caller counts it and moves on.
func DecodeJetstream(b []byte) (Event, error) {
	if len(b) > MaxEventSize {
		return Event{}, reject(ReasonTooLarge, fmt.Errorf("%d bytes", len(b)))
	}
	// encoding/json would quietly replace invalid UTF-8 with U+FFFD; a
	// post that was mangled on the way is not one we want to judge.
	if !utf8.Valid(b) {
		return Event{}, reject(ReasonInvalidUTF8, nil)
	}
	var raw jsEvent
	if err := decodeEnvelope(b, &raw); err != nil {
		return Event{}, reject(ReasonMalformedJSON, err)
	}
	did, err := syntax.ParseDID(raw.DID)
	if err != nil {
		return Event{}, reject(ReasonInvalidDID, err)
	}
	if raw.TimeUS <= 0 {
		return Event{}, reject(ReasonInvalidTime, fmt.Errorf("time_us %d", raw.TimeUS))
	}
	ev := Event{DID: did, TimeUS: raw.TimeUS, Cursor: raw.TimeUS}
	switch raw.Kind {
	case "commit":
		if raw.Commit == nil {
			return Event{}, reject(ReasonMissingBody, errors.New("commit"))
		}
		c, err := decodeCommit(raw.Commit)
		if err != nil {
			return Event{}, err
		}
		ev.Kind, ev.Commit = KindCommit, c
	case "account":
		if raw.Account == nil {
			return Event{}, reject(ReasonMissingBody, errors.New("account"))
		}
		ev.Kind = KindAccount
		ev.Account = &Account{Active: raw.Account.Active, Status: raw.Account.Status}
	case "identity":
		ev.Kind = KindIdentity
		ev.Identity = &Identity{}
		if raw.Identity != nil {
			ev.Identity.Handle = raw.Identity.Handle
		}
	default:
		return Event{}, reject(ReasonUnknownKind, fmt.Errorf("%q", raw.Kind))
	}
	return ev, nil
}

func decodeCommit(raw *jsCommit) (*Commit, error) {
	c := &Commit{Rev: raw.Rev}
	switch raw.Operation {
	case "create":
		c.Op = OpCreate
	case "update":
		c.Op = OpUpdate
	case "delete":
		c.Op = OpDelete
	default:
		return nil, reject(ReasonInvalidOp, fmt.Errorf("%q", raw.Operation))
	}
	nsid, err := parseNSID(raw.Collection)
	if err != nil {
		return nil, reject(ReasonInvalidNSID, err)
	}
	c.Collection = nsid
	rkey, err := parseRecordKey(raw.RKey)
	if err != nil {
		return nil, reject(ReasonInvalidRKey, err)
	}
	c.RKey = rkey
	if c.Op == OpDelete {
		return c, nil
	}
	cid, err := parseCID(raw.CID)
	if err != nil {
		return nil, reject(ReasonInvalidCID, err)
	}
	c.CID = cid
	if err := decodeRecord(c, raw.Record); err != nil {
		return nil, err
	}
	return c, nil
}

// decodeRecord fills the typed record of a create or update for the
// collections we act on, and leaves others alone.
func decodeRecord(c *Commit, rec json.RawMessage) error {
	var target any
	switch c.Collection.String() {
	case CollectionPost:
		c.Post = new(bsky.FeedPost)
		target = c.Post
	case CollectionRepost:
		c.Repost = new(bsky.FeedRepost)
		target = c.Repost
	case CollectionListItem:
		c.ListItem = new(bsky.GraphListitem)
		target = c.ListItem
	case CollectionLike, CollectionFollow:
	default:
		if !Generic(c.Collection.String()) {
			return nil
		}
	}
	rec = bytes.TrimSpace(rec)
	if len(rec) == 0 || bytes.Equal(rec, []byte("null")) {
		return reject(ReasonMissingRecord, nil)
	}
	if Generic(c.Collection.String()) {
		return decodeGeneric(c, rec)
	}
	if target == nil {
		return decodeSubject(c, rec)
	}
	// One pass decodes the record and its $type together; only when it
	// fails is the record read again to tell a wrong type from a broken
	// body.
	if err := json.Unmarshal(rec, target); err == nil {
		if got := recordType(c); got != c.Collection.String() {
			return reject(ReasonRecordMismatch, fmt.Errorf("$type %q in %s", got, c.Collection))
		}
		return finishRecord(c)
	} else {
		var head struct {
			Type string `json:"$type"`
		}
		if herr := json.Unmarshal(rec, &head); herr != nil {
			return reject(ReasonInvalidRecord, herr)
		}
		if head.Type != c.Collection.String() {
			return reject(ReasonRecordMismatch, fmt.Errorf("$type %q in %s", head.Type, c.Collection))
		}
		return reject(ReasonInvalidRecord, err)
	}
}

// finishRecord settles a decoded record, from either stream: a post's
// unions of no type we know are none, and a repost's subject is parsed.
func finishRecord(c *Commit) error {
	if c.Post != nil {
		clearEmptyUnions(c.Post)
	}
	return checkRepost(c)
}

// clearEmptyUnions drops a post's embed, media, labels or facet features
// whose $type is missing or one we do not know: the decoder leaves them as
// a union with no member, which carries nothing we read and which neither
// JSON nor CBOR can write again (a recording of the stream would fail on
// it).
func clearEmptyUnions(p *bsky.FeedPost) {
	if e := p.Embed; e != nil {
		if m := e.EmbedRecordWithMedia; m != nil && m.Media != nil &&
			m.Media.EmbedImages == nil && m.Media.EmbedVideo == nil && m.Media.EmbedGallery == nil && m.Media.EmbedExternal == nil {
			m.Media = nil
		}
		if e.EmbedImages == nil && e.EmbedVideo == nil && e.EmbedGallery == nil && e.EmbedExternal == nil &&
			e.EmbedRecord == nil && e.EmbedRecordWithMedia == nil {
			p.Embed = nil
		}
	}
	if l := p.Labels; l != nil && l.LabelDefs_SelfLabels == nil {
		p.Labels = nil
	}
	for _, f := range p.Facets {
		if f == nil {
			continue
		}
		kept := f.Features[:0]
		for _, ft := range f.Features {
			if ft != nil && (ft.RichtextFacet_Mention != nil || ft.RichtextFacet_Link != nil || ft.RichtextFacet_Tag != nil) {
				kept = append(kept, ft)
			}
		}
		f.Features = kept
	}
}

// checkRepost parses a repost's subject: a repost of anything but a post
// is not one we can serve.
func checkRepost(c *Commit) error {
	if c.Repost == nil {
		return nil
	}
	if c.Repost.Subject == nil {
		return reject(ReasonInvalidRecord, errors.New("repost without subject"))
	}
	u, err := parsePostURI(c.Repost.Subject.Uri)
	if err != nil {
		return reject(ReasonInvalidRecord, fmt.Errorf("repost subject: %w", err))
	}
	c.Subject = u
	return nil
}

func recordType(c *Commit) string {
	switch {
	case c.Post != nil:
		return c.Post.LexiconTypeID
	case c.Repost != nil:
		return c.Repost.LexiconTypeID
	case c.ListItem != nil:
		return c.ListItem.LexiconTypeID
	}
	return ""
}

// EncodeJetstream writes an event in the Jetstream wire format, the inverse
// of DecodeJetstream. Recordings and test fixtures are made with it.
func EncodeJetstream(ev Event) ([]byte, error) {
	raw := jsEvent{DID: ev.DID.String(), TimeUS: ev.TimeUS, Kind: ev.Kind.String()}
	switch ev.Kind {
	case KindCommit:
		if ev.Commit == nil {
			return nil, errors.New("encode event: commit without body")
		}
		c := ev.Commit
		jc := &jsCommit{Rev: c.Rev, Operation: c.Op.String(), Collection: c.Collection.String(), RKey: c.RKey.String()}
		if c.Op != OpDelete {
			jc.CID = c.CID.String()
			var rec any
			switch {
			case c.Post != nil:
				c.Post.LexiconTypeID = CollectionPost
				rec = c.Post
			case c.Repost != nil:
				c.Repost.LexiconTypeID = CollectionRepost
				rec = c.Repost
			case c.ListItem != nil:
				c.ListItem.LexiconTypeID = CollectionListItem
				rec = c.ListItem
			case c.Collection == CollectionLike && c.Subject != "":
				// The commit keeps no CID of the liked post; the
				// decoder does not read it.
				rec = &bsky.FeedLike{LexiconTypeID: CollectionLike, CreatedAt: createdAt(ev.TimeUS),
					Subject: &comatproto.RepoStrongRef{Uri: c.Subject.String(), Cid: placeholderCID}}
			case c.Data != nil:
				rec = c.Data
			case c.Collection == CollectionFollow && c.Followed != "":
				rec = &bsky.GraphFollow{LexiconTypeID: CollectionFollow, CreatedAt: createdAt(ev.TimeUS), Subject: c.Followed.String()}
			}
			if rec != nil {
				b, err := json.Marshal(rec)
				if err != nil {
					return nil, fmt.Errorf("encode event: %w", err)
				}
				jc.Record = b
			}
		}
		raw.Commit = jc
	case KindAccount:
		if ev.Account == nil {
			return nil, errors.New("encode event: account without body")
		}
		raw.Account = &jsAccount{Active: ev.Account.Active, DID: ev.DID.String(), Status: ev.Account.Status}
	case KindIdentity:
		raw.Identity = &jsIdentity{DID: ev.DID.String()}
		if ev.Identity != nil {
			raw.Identity.Handle = ev.Identity.Handle
		}
	default:
		return nil, fmt.Errorf("encode event: unknown kind %d", ev.Kind)
	}
	return json.Marshal(raw)
}

// placeholderCID stands for the CID of a liked post in the likes
// EncodeJetstream writes.
const placeholderCID = "bafyreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

func createdAt(us int64) string {
	return time.UnixMicro(us).UTC().Format("2006-01-02T15:04:05.000Z")
}
