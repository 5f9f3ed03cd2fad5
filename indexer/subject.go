package indexer

import (
	"encoding/json"
	"fmt"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Likes are several times the posts of the network, and follows about as
// many again; of each we need two strings, the record's $type and its
// subject. They are read here by hand, in one pass over the record's
// bytes, instead of by encoding/json; a record that is not in the plain
// form the scan expects (an escape in a key or a string it reads, a key
// that differs from one we want only in case, a value of an unexpected
// kind) goes to encoding/json, which has the last word. FuzzSubjectScan
// holds the two to the same answers.

// decodeSubject fills c.Subject (a like) or c.Followed (a follow) from
// the record, with the stream's checks: the record's $type must be its
// collection, and the subject a post's AT-URI or a DID.
func decodeSubject(c *Commit, rec []byte) error {
	coll := c.Collection.String()
	nested := coll == CollectionLike
	typ, subject, ok := scanSubject(rec, nested)
	if !ok {
		var err error
		if typ, subject, err = jsonSubject(rec, nested); err != nil {
			// As for other records: a wrong $type is named as such.
			var head struct {
				Type string `json:"$type"`
			}
			if json.Unmarshal(rec, &head) == nil && head.Type != coll {
				return reject(ReasonRecordMismatch, fmt.Errorf("$type %q in %s", head.Type, coll))
			}
			return reject(ReasonInvalidRecord, err)
		}
	}
	if typ != coll {
		return reject(ReasonRecordMismatch, fmt.Errorf("$type %q in %s", typ, coll))
	}
	return setSubject(c, subject)
}

// setSubject checks and sets the subject of a like or follow commit.
func setSubject(c *Commit, subject string) error {
	if subject == "" {
		return reject(ReasonInvalidRecord, fmt.Errorf("%s without subject", c.Collection))
	}
	if c.Collection == CollectionLike {
		u, err := parsePostURI(subject)
		if err != nil {
			return reject(ReasonInvalidRecord, fmt.Errorf("like subject: %w", err))
		}
		c.Subject = u
		return nil
	}
	did, err := syntax.ParseDID(subject)
	if err != nil {
		return reject(ReasonInvalidRecord, fmt.Errorf("follow subject: %w", err))
	}
	c.Followed = did
	return nil
}

// jsonSubject is scanSubject by encoding/json, for the records the scan
// does not take.
func jsonSubject(rec []byte, nested bool) (typ, subject string, err error) {
	if nested {
		var r struct {
			Type    string `json:"$type"`
			Subject *struct {
				URI string `json:"uri"`
			} `json:"subject"`
		}
		if err := json.Unmarshal(rec, &r); err != nil {
			return "", "", err
		}
		if r.Subject != nil {
			subject = r.Subject.URI
		}
		return r.Type, subject, nil
	}
	var r struct {
		Type    string `json:"$type"`
		Subject string `json:"subject"`
	}
	if err := json.Unmarshal(rec, &r); err != nil {
		return "", "", err
	}
	return r.Type, r.Subject, nil
}

// scanSubject reads a record's $type and its subject: subject.uri when
// nested (a like's strong reference), the subject string otherwise (a
// follow's DID). ok is false when the record is not in the plain form
// fields reads (a repeated or case-folded key among them); then nothing it
// returned counts, and encoding/json decides. It allocates only the two
// strings it returns.
func scanSubject(rec []byte, nested bool) (typ, subject string, ok bool) {
	s := scanner{b: rec}
	ok = s.lit("{") && s.fields(subjectKeys, func(key []byte) (bit int, ok bool) {
		switch string(key) {
		case "$type":
			return 1, s.str(&typ)
		case "subject":
			if nested {
				return 2, s.ref(&subject)
			}
			return 2, s.str(&subject)
		}
		return 0, true
	})
	s.space()
	return typ, subject, ok && s.i == len(s.b)
}

var subjectKeys = [][]byte{[]byte("$type"), []byte("subject")}

// scanner walks JSON by hand for scanSubject. Every method reports false
// for what it does not expect, and never reads past the end.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// lit consumes the literal w if it comes next.
func (s *scanner) lit(w string) bool {
	s.space()
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	return false
}

// plain reads a string of printable ASCII without escapes, and returns
// its bytes. The rest (encoding/json replaces invalid UTF-8, and folds
// some letters of other scripts into ASCII keys) is left to encoding/json.
func (s *scanner) plain() ([]byte, bool) {
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, false
	}
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			v := s.b[s.i+1 : j]
			s.i = j + 1
			return v, true
		case c == '\\' || c < 0x20 || c >= 0x80:
			return nil, false
		}
	}
	return nil, false
}

// str reads a plain string into dst; a null leaves dst alone.
func (s *scanner) str(dst *string) bool {
	if s.lit("null") {
		return true
	}
	v, ok := s.plain()
	if ok {
		*dst = string(v)
	}
	return ok
}

// ref reads a strong reference's uri into dst; a null reference is none.
func (s *scanner) ref(dst *string) bool {
	if s.lit("null") {
		*dst = ""
		return true
	}
	return s.lit("{") && s.fields(refKeys, func(key []byte) (bit int, ok bool) {
		if string(key) == "uri" {
			return 1, s.str(dst)
		}
		return 0, true
	})
}

var refKeys = [][]byte{[]byte("uri")}

// key reads the key of member n of an object whose "{" was read, leaving
// the scanner at its value; end is set at the object's "}".
func (s *scanner) key(n int) (key []byte, end, ok bool) {
	if s.lit("}") {
		return nil, true, true
	}
	if n > 0 && !s.lit(",") {
		return nil, false, false
	}
	key, ok = s.plain()
	if !ok || !s.lit(":") {
		return nil, false, false
	}
	return key, false, true
}

// skip consumes one value of any kind, strings with escapes included.
func (s *scanner) skip() bool {
	s.space()
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '"':
		for j := s.i + 1; j < len(s.b); j++ {
			switch s.b[j] {
			case '\\':
				j++
			case '"':
				s.i = j + 1
				return true
			}
		}
		return false
	case '{':
		s.i++
		for n := 0; ; n++ {
			_, end, ok := s.key(n)
			if !ok {
				return false
			}
			if end {
				return true
			}
			if !s.skip() {
				return false
			}
		}
	case '[':
		s.i++
		if s.lit("]") {
			return true
		}
		for {
			if !s.skip() {
				return false
			}
			switch {
			case s.lit(","):
			case s.lit("]"):
				return true
			default:
				return false
			}
		}
	}
	// A number, true, false or null: up to the next delimiter. Only
	// the shape of what scanSubject reads matters; encoding/json checked
	// the whole event's syntax before the record got here.
	j := s.i
	for j < len(s.b) && !isDelim(s.b[j]) {
		j++
	}
	if j == s.i {
		return false
	}
	s.i = j
	return true
}

func isDelim(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}
