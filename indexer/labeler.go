package indexer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/atproto/atcrypto"
	"github.com/bluesky-social/indigo/atproto/labeling"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"
	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Bounds on what a labeler's stream may send. A labeler is anyone with a
// DID document: its frames are read like the relay's, as hostile until
// checked. Real frames carry one label of a few hundred bytes.
const (
	// maxLabelFrame bounds one subscribeLabels frame; a larger one is
	// read through, dropped and counted.
	maxLabelFrame = 256 << 10
	// maxLabelsPerFrame bounds the labels of one frame; a frame with more
	// is dropped whole (its position is kept: it is a frame we read).
	maxLabelsPerFrame = 100
	// Per-label field lengths, in bytes: the lexicon's 128 for a value,
	// and generous room for the rest (a DID is at most 2 KB, an AT-URI we
	// would hold well under 1 KB, a CID and a datetime under 128, an
	// ECDSA signature 64).
	maxLabelVal = 128
	maxLabelURI = 1024
	maxLabelDID = 2048
	maxLabelCID = 128
	maxLabelTS  = 64
	maxLabelSig = 128
)

// Reasons a label, or a labeler's frame, is dropped. They label the
// labels metric beside the outcomes of applying a label.
const (
	ReasonLabelTooLong    = "too_long"
	ReasonLabelSyntax     = "invalid_label"
	ReasonLabelUnsigned   = "unsigned"
	ReasonLabelForeign    = "foreign_src"
	ReasonLabelBadSig     = "bad_signature"
	ReasonLabelSubject    = "unsupported_subject"
	ReasonLabelFrameSize  = "frame_too_large"
	ReasonLabelFrameCount = "too_many_labels"
	ReasonLabelFrame      = "malformed_frame"
	ReasonLabelSeq        = "invalid_seq"
	// ReasonLabelNotHeld: the label is about a record we do not keep or
	// an account we do not know; it is dropped after decoding.
	ReasonLabelNotHeld = "not_held"
)

// Outcomes of a label that was applied.
const (
	labelApplied = "applied"
	labelNegated = "negated"
	labelExpired = "expired"
)

// labelerCursorPrefix precedes a labeler's DID in its saved stream
// position.
const labelerCursorPrefix = "labeler/"

// LabelerCursorName is the name a labeler's stream position is saved under
// (feedgen cursor show lists it).
func LabelerCursorName(did syntax.DID) string { return labelerCursorPrefix + did.String() }

// labelMsg is what a labeler's stream hands the writer: one frame's checked
// labels and the frame's position, applied in one transaction with the
// labeler's cursor.
type labelMsg struct {
	src    *labelerSource
	seq    int64
	labels []model.Label
}

// labelerSource follows one labeler's com.atproto.label.subscribeLabels.
// Its endpoint (#atproto_labeler) and signing key (#atproto_label) come
// from the labeler's DID document, resolved through the directory, and its
// connection goes through the guarded client: the document is the
// labeler's to write. Every label is checked (bounds, syntax, src, the
// signature) before it reaches the writer.
type labelerSource struct {
	ix  *Indexer
	did syntax.DID

	mu sync.Mutex
	// key is the labeler's signing key as last resolved, and keyAt when.
	key   atcrypto.PublicKey
	keyAt time.Time
	st    LabelerStatus
	// downSince is when the labeler was last seen connected (or when we
	// started), for health.
	downSince time.Time
}

// LabelerStatus is one labeler's state for the health endpoint.
type LabelerStatus struct {
	DID       syntax.DID `json:"did"`
	Endpoint  string     `json:"endpoint,omitempty"`
	Connected bool       `json:"connected"`
	// Cursor is the position of the last frame applied.
	Cursor int64 `json:"cursor"`
	// LastLabel is the creation time of the newest label applied, and
	// Lag how long after it that label was committed: large while a
	// stream catches up, near zero when current.
	LastLabel time.Time `json:"lastLabel,omitzero"`
	Lag       float64   `json:"lagSeconds"`
	// Labels counts the labels applied since start.
	Labels int64 `json:"labels"`
	// Error is why the labeler is not connected, if it is not.
	Error   string `json:"error,omitempty"`
	Healthy bool   `json:"healthy"`
}

func (s *labelerSource) status(now time.Time, threshold time.Duration) LabelerStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	st.Healthy = st.Connected || now.Sub(s.downSince) <= threshold
	return st
}

func (s *labelerSource) setConnected(endpoint string, ok bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.Connected || ok {
		s.downSince = s.ix.cfg.Now()
	}
	s.st.Connected = ok
	if endpoint != "" {
		s.st.Endpoint = endpoint
	}
	s.st.Error = ""
	if err != nil && !ok {
		s.st.Error = err.Error()
	}
	g := 0.0
	if ok {
		g = 1
	}
	s.ix.m.labelerConnected.WithLabelValues(s.did.String()).Set(g)
}

// committed records a frame applied by the writer at now.
func (s *labelerSource) committed(m *labelMsg, applied int, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.Cursor = max(s.st.Cursor, m.seq)
	s.st.Labels += int64(applied)
	if n := len(m.labels); n > 0 {
		cts := time.UnixMicro(m.labels[n-1].CreatedUS)
		if cts.After(s.st.LastLabel) {
			s.st.LastLabel = cts.UTC()
		}
		s.st.Lag = max(0, now.Sub(cts).Seconds())
	}
}

func (s *labelerSource) drop(reason string, n int) {
	s.ix.m.labels.WithLabelValues(s.did.String(), reason).Add(float64(n))
}

// run follows the labeler until ctx ends, reconnecting with backoff from
// the highest position applied. A saved position it cannot read stops
// this labeler (never a silent jump to live); the others go on.
func (s *labelerSource) run(ctx context.Context, out chan<- labelMsg) {
	ix := s.ix
	name := LabelerCursorName(s.did)
	cursor, have, err := ix.store.Cursor(name)
	if err != nil {
		err = fmt.Errorf("saved position unusable: %w; run `feedgen --db %s cursor reset %q` with feedgen stopped to follow it from live", err, ix.store.Path(), name)
		ix.log.Error("labeler stopped", "labeler", s.did, "err", err)
		s.setConnected("", false, err)
		return
	}
	s.mu.Lock()
	s.st.Cursor = cursor
	s.mu.Unlock()
	b := backoff{min: ix.cfg.BackoffMin, max: ix.cfg.BackoffMax}
	for attempt := 0; ; attempt++ {
		from := int64(-1)
		if have {
			from = cursor
		}
		n, last, err := s.session(ctx, from, out)
		if last > cursor || !have && last > 0 {
			cursor, have = last, true
		}
		if n > 0 {
			b.reset()
		}
		if ctx.Err() != nil {
			s.setConnected("", false, nil)
			return
		}
		s.setConnected("", false, err)
		wait := b.next()
		ix.m.reconnects.WithLabelValues(s.did.String()).Inc()
		ix.log.Warn("labeler disconnected", "labeler", s.did, "frames", n, "err", err, "retry_in", wait)
		if !sleepCtx(ctx, wait) {
			return
		}
	}
}

// resolve reads the labeler's endpoint and signing key from its DID
// document; refresh asks the directory to forget what it cached first.
func (s *labelerSource) resolve(ctx context.Context, refresh bool) (string, atcrypto.PublicKey, error) {
	dir := s.ix.dir
	if dir == nil {
		return "", nil, errors.New("no identity directory to resolve labelers")
	}
	if refresh {
		_ = dir.Purge(ctx, s.did.AtIdentifier())
	}
	ident, err := dir.LookupDID(ctx, s.did)
	if err != nil {
		return "", nil, fmt.Errorf("resolve %s: %w", s.did, err)
	}
	ep := ident.GetServiceEndpoint("atproto_labeler")
	u, err := url.Parse(ep)
	if ep == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil || u.RawQuery != "" {
		return "", nil, fmt.Errorf("%s has no usable #atproto_labeler service endpoint (%q)", s.did, ep)
	}
	key, err := ident.GetPublicKey("atproto_label")
	if err != nil {
		return "", nil, fmt.Errorf("%s has no #atproto_label key: %w", s.did, err)
	}
	s.mu.Lock()
	s.key, s.keyAt = key, s.ix.cfg.Now()
	s.mu.Unlock()
	return strings.TrimSuffix(ep, "/"), key, nil
}

// verify checks a label's signature against the labeler's key. A failure
// re-reads the key, at most once a minute, in case the labeler rotated it:
// a forged label costs one verification, not a fetch.
func (s *labelerSource) verify(ctx context.Context, l *labeling.Label) error {
	s.mu.Lock()
	key, at := s.key, s.keyAt
	s.mu.Unlock()
	err := l.VerifySignature(key)
	if err == nil || s.ix.cfg.Now().Sub(at) < time.Minute {
		return err
	}
	if _, key, rerr := s.resolve(ctx, true); rerr == nil {
		return l.VerifySignature(key)
	}
	return err
}

// session reads one connection until it fails. It returns how many frames
// it delivered and the highest position among them.
func (s *labelerSource) session(ctx context.Context, from int64, out chan<- labelMsg) (n int, last int64, err error) {
	ix := s.ix
	ep, _, err := s.resolve(ctx, false)
	if err != nil {
		return 0, 0, err
	}
	u := "ws" + strings.TrimPrefix(ep, "http") + "/xrpc/com.atproto.label.subscribeLabels"
	if from >= 0 {
		u += "?" + url.Values{"cursor": {strconv.FormatInt(from, 10)}}.Encode()
	}
	w, err := dialWS(ctx, &ix.cfg, u, ix.labelerClient)
	if err != nil {
		return 0, 0, err
	}
	defer w.close()
	s.setConnected(ep, true, nil)
	ix.log.Info("labeler connected", "labeler", s.did, "endpoint", ep, "cursor", from)
	for {
		typ, b, tooBig, err := w.readMessage(maxLabelFrame)
		if err != nil {
			return n, last, err
		}
		switch {
		case tooBig:
			s.drop(ReasonLabelFrameSize, 1)
			continue
		case typ != websocket.MessageBinary:
			s.drop(ReasonLabelFrame, 1)
			continue
		}
		var xev events.XRPCStreamEvent
		if err := xev.Deserialize(bytes.NewReader(b)); err != nil {
			s.drop(ReasonLabelFrame, 1)
			continue
		}
		switch {
		case xev.Error != nil:
			if xev.Error.Error == "FutureCursor" {
				ix.log.Error("the labeler says our saved position is ahead of its stream; if it was reset, stop feedgen and run "+
					"`feedgen cursor reset` for it to follow it from live", "labeler", s.did, "cursor", from, "source", LabelerCursorName(s.did))
			}
			return n, last, fmt.Errorf("error frame: %s: %s", xev.Error.Error, xev.Error.Message)
		case xev.RepoInfo != nil:
			// #info (OutdatedCursor: the labeler cannot go back that far).
			msg := ""
			if xev.RepoInfo.Message != nil {
				msg = *xev.RepoInfo.Message
			}
			ix.log.Warn("labeler info", "labeler", s.did, "name", xev.RepoInfo.Name, "message", msg)
			continue
		case xev.LabelLabels == nil:
			s.drop(ReasonLabelFrame, 1)
			continue
		}
		m, ok := s.frame(ctx, xev.LabelLabels)
		if !ok {
			continue
		}
		select {
		case out <- m:
		case <-ctx.Done():
			return n, last, ctx.Err()
		}
		n++
		last = max(last, m.seq)
	}
}

// frame checks one #labels frame. A frame without a usable position is
// dropped whole; otherwise the labels that pass go on, with the position.
func (s *labelerSource) frame(ctx context.Context, f *comatproto.LabelSubscribeLabels_Labels) (labelMsg, bool) {
	if f.Seq <= 0 || f.Seq > store.MaxCursor {
		s.drop(ReasonLabelSeq, 1)
		return labelMsg{}, false
	}
	m := labelMsg{src: s, seq: f.Seq}
	if len(f.Labels) > maxLabelsPerFrame {
		s.drop(ReasonLabelFrameCount, 1)
		return m, true
	}
	for _, raw := range f.Labels {
		l, reason := checkLabel(raw, s.did, func(l *labeling.Label) error { return s.verify(ctx, l) })
		if reason != "" {
			s.drop(reason, 1)
			continue
		}
		m.labels = append(m.labels, l)
	}
	return m, true
}

// checkLabel turns one label from labeler src's stream into what we keep,
// or says why it is dropped: too long, malformed, from another labeler
// (src is not the stream's labeler), unsigned, badly signed (verify), or
// about something that is neither a record nor an account.
func checkLabel(raw *comatproto.LabelDefs_Label, src syntax.DID, verify func(*labeling.Label) error) (model.Label, string) {
	if raw == nil {
		return model.Label{}, ReasonLabelSyntax
	}
	long := func(p *string, n int) bool { return p != nil && len(*p) > n }
	if len(raw.Src) > maxLabelDID || len(raw.Uri) > maxLabelURI || len(raw.Val) > maxLabelVal || long(raw.Cid, maxLabelCID) ||
		len(raw.Cts) > maxLabelTS || long(raw.Exp, maxLabelTS) || len(raw.Sig) > maxLabelSig {
		return model.Label{}, ReasonLabelTooLong
	}
	l := labeling.FromLexicon(raw)
	if err := l.VerifySyntax(); err != nil {
		return model.Label{}, ReasonLabelSyntax
	}
	if l.SourceDID != src.String() {
		return model.Label{}, ReasonLabelForeign
	}
	if len(l.Sig) == 0 {
		return model.Label{}, ReasonLabelUnsigned
	}
	if err := verify(&l); err != nil {
		return model.Label{}, ReasonLabelBadSig
	}
	subject, ok := labelSubject(l.URI)
	if !ok {
		return model.Label{}, ReasonLabelSubject
	}
	out := model.Label{Src: src, URI: subject, Val: l.Val, Neg: l.Negated != nil && *l.Negated}
	if l.CID != nil {
		out.CID = *l.CID
	}
	// VerifySyntax parsed both times.
	cts, _ := syntax.ParseDatetime(l.CreatedAt)
	out.CreatedUS = cts.Time().UnixMicro()
	if l.ExpiresAt != nil {
		exp, _ := syntax.ParseDatetime(*l.ExpiresAt)
		out.ExpiresUS = max(1, exp.Time().UnixMicro())
	}
	return out, ""
}

// labelSubject is what a label is about, as we key it: an account's DID
// (written "did:…" or "at://did:…"), or a record's AT-URI.
func labelSubject(uri string) (string, bool) {
	if strings.HasPrefix(uri, "did:") {
		did, err := syntax.ParseDID(uri)
		return did.String(), err == nil
	}
	u, err := syntax.ParseATURI(uri)
	if err != nil {
		return "", false
	}
	did, err := u.Authority().AsDID()
	if err != nil {
		return "", false
	}
	if u.Collection() == "" {
		return did.String(), u.RecordKey() == ""
	}
	if u.RecordKey() == "" {
		return "", false
	}
	return "at://" + did.String() + "/" + u.Collection().String() + "/" + u.RecordKey().String(), true
}

// Labelers reports each followed labeler's state, in configuration order.
func (ix *Indexer) Labelers() []LabelerStatus {
	now := ix.cfg.Now()
	out := make([]LabelerStatus, len(ix.labelers))
	for i, s := range ix.labelers {
		out[i] = s.status(now, ix.cfg.LagThreshold)
	}
	return out
}

// newLabelers makes a source per labeler.
func newLabelers(ix *Indexer, dids []syntax.DID) ([]*labelerSource, error) {
	if len(dids) > 0 && ix.dir == nil {
		return nil, errors.New("indexer: labelers need an identity directory")
	}
	var out []*labelerSource
	seen := map[syntax.DID]bool{}
	for _, did := range dids {
		if seen[did] {
			continue
		}
		seen[did] = true
		s := &labelerSource{ix: ix, did: did, downSince: ix.cfg.Now()}
		s.st.DID = did
		out = append(out, s)
	}
	return out, nil
}
