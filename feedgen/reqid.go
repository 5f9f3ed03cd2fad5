package feedgen

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync/atomic"
)

// reqIDs names each getFeedSkeleton answer (the lexicon's reqId, at most
// 100 characters), so that the interactions a client sends back about the
// posts of a page can be tied to that page: a random prefix drawn at
// start, unique across restarts and replicas, and a counter. It costs an
// atomic add per page, not a random read.
type reqIDs struct {
	prefix string
	n      atomic.Uint64
}

func newReqIDs() *reqIDs {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return &reqIDs{prefix: hex.EncodeToString(b[:]) + "-"}
}

// next is a request ID never given before: 16 hex digits, a dash and the
// counter in base 36 (at most 30 characters).
func (r *reqIDs) next() string {
	var buf [32]byte
	return string(strconv.AppendUint(append(buf[:0], r.prefix...), r.n.Add(1), 36))
}
