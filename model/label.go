package model

import (
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Label is a moderation label from a labeler we follow, as we keep it: who
// said it, about what (a record, or a whole account), what, and until when.
// Labels arrive through com.atproto.label.subscribeLabels, their signatures
// checked; the feeds' policies (package membership) say which values keep
// a post out.
type Label struct {
	// Src is the labeler.
	Src syntax.DID `json:"src"`
	// URI is the subject: a record's AT-URI, or an account's DID.
	URI string `json:"uri"`
	// CID, when set, limits a record label to that version of the record.
	CID string `json:"cid,omitempty"`
	Val string `json:"val"`
	// Neg marks a negation: it takes the label (Src, URI, Val) away.
	Neg bool `json:"neg,omitempty"`
	// CreatedUS is the label's own time (cts).
	CreatedUS int64 `json:"cts"`
	// ExpiresUS is when the label stops counting (exp); 0 is never.
	ExpiresUS int64 `json:"exp,omitempty"`
}

// Account returns the labelled account for an account label (its subject
// is a DID), and false for a record label.
func (l *Label) Account() (syntax.DID, bool) {
	if !strings.HasPrefix(l.URI, "did:") {
		return "", false
	}
	return syntax.DID(l.URI), true
}

// ActiveAt reports whether the label counts at nowUS: it has not expired.
func (l *Label) ActiveAt(nowUS int64) bool { return l.ExpiresUS == 0 || nowUS < l.ExpiresUS }

// Reason is how decisions, explain and the curators' page name the label:
// "label:spam by did:plc:…".
func (l *Label) Reason() string { return LabelReason(l.Val, l.Src) }

// LabelReason is the reason a label of value val by src gives.
func LabelReason(val string, src syntax.DID) string { return "label:" + val + " by " + src.String() }
