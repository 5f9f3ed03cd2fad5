package testutil

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/atproto/atcrypto"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/labeling"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"
	"github.com/coder/websocket"
)

// Labeler is a labeler for tests: a com.atproto.label.subscribeLabels
// server on 127.0.0.1 that signs its labels with its own key and serves
// them as Ozone does: without a cursor only what is emitted from then on,
// with one everything after it, then live; a cursor past its newest
// frame is answered with a FutureCursor error frame.
type Labeler struct {
	DID syntax.DID
	Key *atcrypto.PrivateKeyK256
	// URL is the labeler's service endpoint (http://127.0.0.1:port).
	URL string

	mu      sync.Mutex
	frames  [][]byte // frame i has seq i+1
	changed chan struct{}
	conns   int
}

// NewLabeler starts a labeler with a fresh key, stopped when the test
// ends.
func NewLabeler(tb testing.TB, did syntax.DID) *Labeler {
	tb.Helper()
	key, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		tb.Fatal(err)
	}
	l := &Labeler{DID: did, Key: key, changed: make(chan struct{})}
	srv := httptest.NewServer(http.HandlerFunc(l.serve))
	tb.Cleanup(srv.Close)
	l.URL = srv.URL
	return l
}

// Identity is the labeler's identity as its DID document declares it: the
// #atproto_labeler endpoint and the #atproto_label key.
func (l *Labeler) Identity() identity.Identity {
	pub, _ := l.Key.PublicKey()
	return LabelerIdentity(l.DID, l.URL, pub)
}

// LabelerIdentity is an identity with a labeler's endpoint and key.
func LabelerIdentity(did syntax.DID, endpoint string, key atcrypto.PublicKey) identity.Identity {
	return identity.Identity{
		DID:      did,
		Handle:   syntax.HandleInvalid,
		Keys:     map[string]identity.VerificationMethod{"atproto_label": {Type: "Multikey", PublicKeyMultibase: key.Multibase()}},
		Services: map[string]identity.ServiceEndpoint{"atproto_labeler": {Type: "AtprotoLabeler", URL: endpoint}},
	}
}

// LabelOpts are the optional parts of a label.
type LabelOpts struct {
	Neg bool
	CID string
	Exp time.Time
	// Src is the label's src; the labeler's DID when empty.
	Src syntax.DID
	// SignWith signs with another key (a forgery); Unsigned leaves the
	// signature out.
	SignWith atcrypto.PrivateKey
	Unsigned bool
}

// Label makes a label of the labeler on uri (an AT-URI or a DID), signed
// with its key unless opts say otherwise.
func (l *Labeler) Label(tb testing.TB, uri, val string, opts LabelOpts) *comatproto.LabelDefs_Label {
	tb.Helper()
	src := opts.Src
	if src == "" {
		src = l.DID
	}
	lb := labeling.Label{URI: uri, Val: val, SourceDID: src.String(), CreatedAt: syntax.DatetimeNow().String(), Version: labeling.ATPROTO_LABEL_VERSION}
	if opts.Neg {
		t := true
		lb.Negated = &t
	}
	if opts.CID != "" {
		lb.CID = &opts.CID
	}
	if !opts.Exp.IsZero() {
		s := opts.Exp.UTC().Format(syntax.AtprotoDatetimeLayout)
		lb.ExpiresAt = &s
	}
	if !opts.Unsigned {
		var key atcrypto.PrivateKey = l.Key
		if opts.SignWith != nil {
			key = opts.SignWith
		}
		if err := lb.Sign(key); err != nil {
			tb.Fatal(err)
		}
	}
	lex := lb.ToLexicon()
	return &lex
}

// Emit sends one #labels frame with the labels to every subscriber, and
// returns its sequence number.
func (l *Labeler) Emit(tb testing.TB, labels ...*comatproto.LabelDefs_Label) int64 {
	tb.Helper()
	l.mu.Lock()
	seq := int64(len(l.frames) + 1)
	l.mu.Unlock()
	return l.EmitFrame(LabelsFrame(tb, seq, labels...))
}

// EmitFrame sends a frame as it is (a hostile one, say) at the next
// sequence number.
func (l *Labeler) EmitFrame(frame []byte) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.frames = append(l.frames, frame)
	close(l.changed)
	l.changed = make(chan struct{})
	return int64(len(l.frames))
}

// Connections counts the subscriptions made so far.
func (l *Labeler) Connections() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.conns
}

// LabelsFrame encodes a #labels frame.
func LabelsFrame(tb testing.TB, seq int64, labels ...*comatproto.LabelDefs_Label) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := (&events.EventHeader{Op: events.EvtKindMessage, MsgType: "#labels"}).MarshalCBOR(&buf); err != nil {
		tb.Fatal(err)
	}
	if labels == nil {
		labels = []*comatproto.LabelDefs_Label{}
	}
	if err := (&comatproto.LabelSubscribeLabels_Labels{Seq: seq, Labels: labels}).MarshalCBOR(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func errorFrame(name, msg string) []byte {
	var buf bytes.Buffer
	_ = (&events.EventHeader{Op: events.EvtKindErrorFrame}).MarshalCBOR(&buf)
	_ = (&events.ErrorFrame{Error: name, Message: msg}).MarshalCBOR(&buf)
	return buf.Bytes()
}

func (l *Labeler) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/xrpc/com.atproto.label.subscribeLabels" {
		http.NotFound(w, r)
		return
	}
	// "From then on" starts before the handshake's answer: a client that
	// has its answer and then sees a label emitted must be sent it.
	l.mu.Lock()
	next := len(l.frames) // index of the next frame to send
	l.mu.Unlock()
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx := r.Context()
	l.mu.Lock()
	l.conns++
	l.mu.Unlock()
	if s := r.URL.Query().Get("cursor"); s != "" {
		cursor, err := strconv.Atoi(s)
		l.mu.Lock()
		n := len(l.frames)
		l.mu.Unlock()
		if err != nil || cursor > n {
			c.Write(ctx, websocket.MessageBinary, errorFrame("FutureCursor", "cursor in the future"))
			c.Close(websocket.StatusNormalClosure, "")
			return
		}
		next = max(cursor, 0)
	}
	for {
		l.mu.Lock()
		pending := l.frames[next:]
		changed := l.changed
		l.mu.Unlock()
		for _, f := range pending {
			wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := c.Write(wctx, websocket.MessageBinary, f)
			cancel()
			if err != nil {
				return
			}
			next++
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
	}
}
