package curation

import (
	"errors"
	"net/http"
)

// Kind is the class of a curation error; it decides the HTTP status.
type Kind uint8

// The kinds of error an operation returns to its caller.
const (
	// KindInvalid is bad input: a malformed DID or URI, a handle that does
	// not resolve, an unknown feed or tier (400).
	KindInvalid Kind = iota + 1
	// KindNotFound is a well-formed reference to nothing curation holds:
	// an author not on the list, a post not blocked, pinned or queued (404).
	KindNotFound
	// KindConflict is a change the current state refuses: too many pins,
	// pinning a blocked post (409).
	KindConflict
	// KindUpstream is a failure of someone else's server: the identity
	// directory or a PDS (502).
	KindUpstream
	// KindUnavailable is a part of the service that is not running (the
	// indexer, while the service stops) (503).
	KindUnavailable
)

// Error is a failure the caller can act on. Name is a stable XRPC-style
// error name ("UnknownDID", "InvalidURI", ...), Message says what to do.
// Nothing was changed when an operation returns one.
type Error struct {
	Kind    Kind
	Name    string
	Message string
	Err     error
}

func (e *Error) Error() string { return e.Name + ": " + e.Message }

func (e *Error) Unwrap() error { return e.Err }

// Status is the HTTP status of the error.
func (e *Error) Status() int {
	switch e.Kind {
	case KindInvalid:
		return http.StatusBadRequest
	case KindNotFound:
		return http.StatusNotFound
	case KindConflict:
		return http.StatusConflict
	case KindUpstream:
		return http.StatusBadGateway
	case KindUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func invalid(name, msg string) *Error  { return &Error{Kind: KindInvalid, Name: name, Message: msg} }
func notFound(name, msg string) *Error { return &Error{Kind: KindNotFound, Name: name, Message: msg} }
func conflict(name, msg string) *Error { return &Error{Kind: KindConflict, Name: name, Message: msg} }

func unavailable(name, msg string) *Error {
	return &Error{Kind: KindUnavailable, Name: name, Message: msg}
}

func upstream(name, msg string, err error) *Error {
	return &Error{Kind: KindUpstream, Name: name, Message: msg, Err: err}
}

// AsError returns the *Error in err's chain, if any.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
