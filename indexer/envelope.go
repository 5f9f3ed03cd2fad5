package indexer

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Likes and follows are most of what Jetstream sends, and encoding/json
// into jsEvent was most of what reading one cost. scanEnvelope reads the
// plain form of a commit event (what Jetstream writes: ASCII keys and
// strings without escapes, time_us an integer, each key once) by hand;
// anything else (an account or identity event, an escape, a repeated key,
// a key that differs from ours only in case, a number in another form)
// goes to encoding/json, which has the last word. Only text that
// json.Valid accepts reaches it, so it reads structure, not syntax.
// FuzzEnvelopeScan holds the two to the same answers.

// Keys of the envelope and of its commit, as bits, to see a repeat.
const (
	envDID = 1 << iota
	envTime
	envKind
	envCommit
)

const (
	comRev = 1 << iota
	comOp
	comColl
	comRKey
	comRecord
	comCID
)

var envKeys = [][]byte{[]byte("did"), []byte("time_us"), []byte("kind"), []byte("commit"), []byte("account"), []byte("identity")}

var commitKeys = [][]byte{[]byte("rev"), []byte("operation"), []byte("collection"), []byte("rkey"), []byte("record"), []byte("cid")}

// scanEnvelope reads b into raw as json.Unmarshal would, or reports false
// when b is not in the plain form it reads; then raw means nothing.
func scanEnvelope(b []byte, raw *jsEvent) bool {
	s := scanner{b: b}
	ok := s.lit("{") && s.fields(envKeys, func(key []byte) (bit int, ok bool) {
		switch string(key) {
		case "did":
			return envDID, s.str(&raw.DID)
		case "time_us":
			return envTime, s.int64(&raw.TimeUS)
		case "kind":
			return envKind, s.str(&raw.Kind)
		case "commit":
			return envCommit, s.commit(&raw.Commit)
		}
		return 0, true
	})
	s.space()
	return ok && s.i == len(s.b)
}

// commit reads the commit object into *dst; null leaves none.
func (s *scanner) commit(dst **jsCommit) bool {
	if s.lit("null") {
		*dst = nil
		return true
	}
	c := new(jsCommit)
	*dst = c
	return s.lit("{") && s.fields(commitKeys, func(key []byte) (bit int, ok bool) {
		switch string(key) {
		case "rev":
			return comRev, s.str(&c.Rev)
		case "operation":
			return comOp, s.str(&c.Operation)
		case "collection":
			return comColl, s.str(&c.Collection)
		case "rkey":
			return comRKey, s.str(&c.RKey)
		case "cid":
			return comCID, s.str(&c.CID)
		case "record":
			s.space()
			start := s.i
			if !s.skip() {
				return comRecord, false
			}
			// encoding/json keeps a copy of the value's bytes.
			c.Record = bytes.Clone(s.b[start:s.i])
			return comRecord, true
		}
		return 0, true
	})
}

// fields reads the members of an object whose "{" was read, up to its "}".
// read reads the value of a key it knows and returns its bit, or returns
// bit 0 having read nothing; such a value is skipped, unless its key is
// one of known in another case (encoding/json would take it for that
// field). A key read twice is refused, as is anything read refuses.
func (s *scanner) fields(known [][]byte, read func(key []byte) (bit int, ok bool)) bool {
	seen := 0
	for n := 0; ; n++ {
		key, end, ok := s.key(n)
		switch {
		case !ok:
			return false
		case end:
			return true
		}
		bit, ok := read(key)
		if ok && bit == 0 {
			ok = !foldsTo(key, known) && s.skip()
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

// int64 reads an integer written as digits, as encoding/json reads one
// into an int64; null leaves dst alone. A fraction, an exponent or a
// value out of range is left to encoding/json.
func (s *scanner) int64(dst *int64) bool {
	if s.lit("null") {
		return true
	}
	s.space()
	j := s.i
	if j < len(s.b) && s.b[j] == '-' {
		j++
	}
	for j < len(s.b) && s.b[j] >= '0' && s.b[j] <= '9' {
		j++
	}
	if j < len(s.b) && !isDelim(s.b[j]) {
		return false
	}
	v, err := strconv.ParseInt(string(s.b[s.i:j]), 10, 64)
	if err != nil {
		return false
	}
	*dst, s.i = v, j
	return true
}

// foldsTo says whether key is one of keys in another case: encoding/json
// would take it for that field.
func foldsTo(key []byte, keys [][]byte) bool {
	for _, k := range keys {
		if bytes.EqualFold(key, k) {
			return true
		}
	}
	return false
}

// decodeEnvelope is json.Unmarshal into jsEvent, by hand when it can be.
func decodeEnvelope(b []byte, raw *jsEvent) error {
	if json.Valid(b) && scanEnvelope(b, raw) {
		return nil
	}
	*raw = jsEvent{}
	return json.Unmarshal(b, raw)
}
