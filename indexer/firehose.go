package indexer

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/atdata"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"
	"github.com/coder/websocket"
	"github.com/ipfs/go-cid"
	car "github.com/ipld/go-car"
)

// maxFirehoseFrame bounds one firehose frame. Commits are limited to a
// couple of MiB of blocks by the sync protocol; anything larger is skipped.
const maxFirehoseFrame = 5 << 20

// Reasons firehose frames are dropped, beside the shared ones.
const (
	ReasonMalformedFrame = "malformed_frame"
	ReasonMalformedCAR   = "malformed_car"
)

// firehoseSource follows com.atproto.sync.subscribeRepos of one relay or
// PDS, through indigo's event types. Its cursor is the host's sequence
// number. Commit signatures are not verified: we trust the host we chose
// to follow, as a relay's consumers do.
type firehoseSource struct {
	ix  *Indexer
	url string
}

func (f *firehoseSource) run(ctx context.Context, start int64, have bool, out chan<- message) error {
	cfg := &f.ix.cfg
	b := backoff{min: cfg.BackoffMin, max: cfg.BackoffMax}
	host := hostOf(f.url)
	cursor := start
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			f.ix.m.reconnects.WithLabelValues(host).Inc()
		}
		from := int64(-1)
		if have {
			from = cursor
		}
		n, last, err := f.session(ctx, from, out)
		if last > cursor || !have && last > 0 {
			// The highest sequence number seen, not the last.
			cursor, have = last, true
		}
		if n > 0 {
			b.reset()
		}
		if ctx.Err() != nil {
			return nil
		}
		f.ix.conn.down(host, err, cfg.Now())
		wait := b.next()
		f.ix.log.Warn("firehose disconnected", "host", host, "events", n, "err", err, "retry_in", wait)
		if !sleepCtx(ctx, wait) {
			return nil
		}
	}
}

func (f *firehoseSource) session(ctx context.Context, from int64, out chan<- message) (n int, last int64, err error) {
	cfg := &f.ix.cfg
	u := f.url
	if from >= 0 {
		u += "?" + url.Values{"cursor": {strconv.FormatInt(from, 10)}}.Encode()
	}
	w, err := dialWS(ctx, cfg, u, nil)
	if err != nil {
		return 0, 0, err
	}
	defer w.close()
	host := hostOf(f.url)
	f.ix.conn.up(host, cfg.Now())
	f.ix.log.Info("firehose connected", "host", host, "cursor", from)
	for {
		typ, b, tooBig, err := w.readMessage(maxFirehoseFrame)
		if err != nil {
			return n, last, err
		}
		var msgs []message
		switch {
		case tooBig:
			msgs = []message{{drop: ReasonTooLarge}}
		case typ != websocket.MessageBinary:
			msgs = []message{{drop: ReasonMalformedFrame}}
		default:
			var xev *events.XRPCStreamEvent
			if msgs, xev = firehoseFrame(b); xev == nil {
				break
			}
			if xev.Error != nil {
				// The host refuses us (FutureCursor, ConsumerTooSlow,
				// ...): reconnect after a pause.
				if xev.Error.Error == "FutureCursor" {
					f.ix.log.Error("the firehose host says our saved position is ahead of its stream; if it was reset, "+
						"stop feedgen and run `feedgen cursor reset` for this source to follow it from live",
						"host", host, "cursor", from, "source", f.ix.cursorName)
				}
				return n, last, fmt.Errorf("error frame: %s: %s", xev.Error.Error, xev.Error.Message)
			}
			if xev.RepoInfo != nil {
				name, msg := xev.RepoInfo.Name, ""
				if xev.RepoInfo.Message != nil {
					msg = *xev.RepoInfo.Message
				}
				f.ix.log.Warn("firehose info", "name", name, "message", msg)
				continue
			}
		}
		for _, m := range msgs {
			f.ix.admit(&m)
			select {
			case out <- m:
			case <-ctx.Done():
				return n, last, ctx.Err()
			}
			if m.cursor > 0 {
				n++
				last = max(last, m.cursor)
			}
		}
	}
}

// firehoseFrame decodes one binary frame into the messages it carries. It
// returns the frame too, but no messages, for an error or info frame, which
// the session acts on; an unreadable frame is one drop and no frame.
func firehoseFrame(b []byte) ([]message, *events.XRPCStreamEvent) {
	xev := new(events.XRPCStreamEvent)
	if err := xev.Deserialize(bytes.NewReader(b)); err != nil {
		return []message{{drop: ReasonMalformedFrame}}, nil
	}
	if xev.Error != nil || xev.RepoInfo != nil {
		return nil, xev
	}
	return firehoseMessages(xev), xev
}

// firehoseMessages turns one firehose frame into messages. A commit with
// several operations becomes several events; all but the last carry the
// previous sequence number as their cursor, so a batch boundary inside a
// commit resumes at the commit's start rather than after it.
func firehoseMessages(xev *events.XRPCStreamEvent) []message {
	switch {
	case xev.RepoCommit != nil:
		return commitMessages(xev.RepoCommit)
	case xev.RepoAccount != nil:
		a := xev.RepoAccount
		ev, drop := firehoseHeader(a.Did, a.Time, a.Seq)
		if drop != "" {
			return []message{{drop: drop, cursor: a.Seq}}
		}
		ev.Kind = KindAccount
		ev.Account = &Account{Active: a.Active}
		if a.Status != nil {
			ev.Account.Status = *a.Status
		}
		return []message{{ev: ev, cursor: a.Seq}}
	case xev.RepoIdentity != nil:
		id := xev.RepoIdentity
		ev, drop := firehoseHeader(id.Did, id.Time, id.Seq)
		if drop != "" {
			return []message{{drop: drop, cursor: id.Seq}}
		}
		ev.Kind = KindIdentity
		ev.Identity = &Identity{}
		if id.Handle != nil {
			ev.Identity.Handle = *id.Handle
		}
		return []message{{ev: ev, cursor: id.Seq}}
	case xev.RepoSync != nil:
		// A #sync resets a repo to a state we would have to fetch; the
		// posts it may hide are beyond a stream consumer. Move on.
		return []message{{cursor: xev.RepoSync.Seq}}
	}
	return nil
}

func firehoseHeader(did, at string, seq int64) (Event, string) {
	d, err := syntax.ParseDID(did)
	if err != nil {
		return Event{}, ReasonInvalidDID
	}
	t, err := syntax.ParseDatetimeLenient(at)
	if err != nil {
		return Event{}, ReasonInvalidTime
	}
	us := t.Time().UnixMicro()
	if us <= 0 {
		return Event{}, ReasonInvalidTime
	}
	return Event{DID: d, TimeUS: us, Cursor: seq}, ""
}

func commitMessages(c *comatproto.SyncSubscribeRepos_Commit) []message {
	base, drop := firehoseHeader(c.Repo, c.Time, c.Seq)
	if drop != "" {
		return []message{{drop: drop, cursor: c.Seq}}
	}
	if c.TooBig {
		return []message{{drop: ReasonTooBig, cursor: c.Seq}}
	}
	blocks, err := recordBlocks(c)
	if err != nil {
		return []message{{drop: ReasonMalformedCAR, cursor: c.Seq}}
	}
	msgs := make([]message, 0, len(c.Ops))
	for i, op := range c.Ops {
		cursor := c.Seq - 1
		if i == len(c.Ops)-1 {
			cursor = c.Seq
		}
		ev := base
		ev.Kind = KindCommit
		ev.Cursor = cursor
		com, drop := commitOp(c.Rev, op, blocks)
		if drop != "" {
			msgs = append(msgs, message{drop: drop, cursor: cursor})
			continue
		}
		ev.Commit = com
		msgs = append(msgs, message{ev: ev, cursor: cursor})
	}
	if len(msgs) == 0 {
		return []message{{cursor: c.Seq}}
	}
	return msgs
}

// wanted reports whether we decode records of a collection.
func wanted(collection string) bool {
	switch collection {
	case CollectionPost, CollectionRepost, CollectionListItem, CollectionLike, CollectionFollow:
		return true
	}
	return Generic(collection)
}

// recordBlocks reads the commit's CAR and keeps the blocks of the records
// we decode, by CID.
func recordBlocks(c *comatproto.SyncSubscribeRepos_Commit) (map[cid.Cid][]byte, error) {
	need := map[cid.Cid][]byte{}
	for _, op := range c.Ops {
		if op == nil || op.Cid == nil || op.Action == "delete" {
			continue
		}
		coll, _, _ := strings.Cut(op.Path, "/")
		if wanted(coll) {
			need[cid.Cid(*op.Cid)] = nil
		}
	}
	if len(need) == 0 {
		return need, nil
	}
	if !carSectionsFit(c.Blocks) {
		return nil, errors.New("car section longer than the car")
	}
	cr, err := car.NewCarReader(bytes.NewReader(c.Blocks))
	if err != nil {
		return nil, err
	}
	for {
		blk, err := cr.Next()
		if errors.Is(err, io.EOF) {
			return need, nil
		}
		if err != nil {
			return nil, err
		}
		if _, ok := need[blk.Cid()]; ok {
			need[blk.Cid()] = blk.RawData()
		}
	}
}

// carSectionsFit reports whether every section of a CAR declares a length
// that fits in what follows it. go-car allocates a section at its declared
// length, up to 32 MiB, before reading it: a few bytes could cost that.
func carSectionsFit(b []byte) bool {
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return false
		}
		b = b[k+int(n):]
	}
	return true
}

// cborNestsWithin reports whether the CBOR item at the start of b nests
// its arrays and maps at most limit deep. It reads heads only; what it
// cannot read, or DAG-CBOR forbids (indefinite lengths), is refused. The
// generic decoder spends kilobytes on each level: a record of nothing but
// nesting would hold the stream for seconds.
func cborNestsWithin(b []byte, limit int) bool {
	left := []uint64{1} // items still to read at each open level
	for len(left) > 0 {
		top := len(left) - 1
		if left[top] == 0 {
			left = left[:top]
			continue
		}
		left[top]--
		if len(b) == 0 {
			return false
		}
		major, info := b[0]>>5, b[0]&0x1f
		b = b[1:]
		arg := uint64(info)
		if info >= 24 {
			if info > 27 {
				return false
			}
			n := 1 << (info - 24)
			if len(b) < n {
				return false
			}
			arg = 0
			for _, c := range b[:n] {
				arg = arg<<8 | uint64(c)
			}
			b = b[n:]
		}
		switch major {
		case 2, 3: // byte and text strings
			if arg > uint64(len(b)) {
				return false
			}
			b = b[arg:]
		case 4, 5: // arrays and maps
			if top >= limit {
				return false
			}
			if major == 5 {
				if arg > uint64(len(b)) {
					return false
				}
				arg *= 2
			}
			left = append(left, arg)
		case 6: // a tag, then its item
			left[top]++
		}
	}
	return true
}

func commitOp(rev string, op *comatproto.SyncSubscribeRepos_RepoOp, blocks map[cid.Cid][]byte) (*Commit, string) {
	if op == nil {
		return nil, ReasonInvalidOp
	}
	c := &Commit{Rev: rev}
	switch op.Action {
	case "create":
		c.Op = OpCreate
	case "update":
		c.Op = OpUpdate
	case "delete":
		c.Op = OpDelete
	default:
		return nil, ReasonInvalidOp
	}
	coll, rkey, ok := strings.Cut(op.Path, "/")
	if !ok {
		return nil, ReasonInvalidRKey
	}
	nsid, err := syntax.ParseNSID(coll)
	if err != nil {
		return nil, ReasonInvalidNSID
	}
	rk, err := syntax.ParseRecordKey(rkey)
	if err != nil {
		return nil, ReasonInvalidRKey
	}
	c.Collection, c.RKey = nsid, rk
	if c.Op == OpDelete {
		return c, ""
	}
	if op.Cid == nil {
		return nil, ReasonInvalidCID
	}
	cs, err := syntax.ParseCID(cid.Cid(*op.Cid).String())
	if err != nil {
		return nil, ReasonInvalidCID
	}
	c.CID = cs
	if !wanted(coll) {
		return c, ""
	}
	raw := blocks[cid.Cid(*op.Cid)]
	if raw == nil {
		return nil, ReasonMissingRecord
	}
	if Generic(coll) {
		if !cborNestsWithin(raw, atdata.MAX_CBOR_NESTED_LEVELS) {
			return nil, ReasonInvalidRecord
		}
		if err := decodeGenericCBOR(c, raw); err != nil {
			return nil, DropReason(err)
		}
		return c, ""
	}
	r := bytes.NewReader(raw)
	var typ, subject string
	switch coll {
	case CollectionPost:
		c.Post = new(bsky.FeedPost)
		err, typ = c.Post.UnmarshalCBOR(r), c.Post.LexiconTypeID
	case CollectionRepost:
		c.Repost = new(bsky.FeedRepost)
		err, typ = c.Repost.UnmarshalCBOR(r), c.Repost.LexiconTypeID
	case CollectionListItem:
		c.ListItem = new(bsky.GraphListitem)
		err, typ = c.ListItem.UnmarshalCBOR(r), c.ListItem.LexiconTypeID
	case CollectionLike:
		var l bsky.FeedLike
		err, typ = l.UnmarshalCBOR(r), l.LexiconTypeID
		if l.Subject != nil {
			subject = l.Subject.Uri
		}
	case CollectionFollow:
		var f bsky.GraphFollow
		err, typ, subject = f.UnmarshalCBOR(r), f.LexiconTypeID, f.Subject
	}
	if err != nil {
		return nil, ReasonInvalidRecord
	}
	if typ != coll {
		return nil, ReasonRecordMismatch
	}
	if coll == CollectionLike || coll == CollectionFollow {
		if err := setSubject(c, subject); err != nil {
			return nil, DropReason(err)
		}
		return c, ""
	}
	if err := finishRecord(c); err != nil {
		return nil, DropReason(err)
	}
	return c, ""
}
