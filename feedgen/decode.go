package feedgen

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// DecodeJSON decodes the JSON body of r into v, for every procedure the
// server takes: sendInteractions and the admin API. The body must be
// declared application/json (parameters such as a charset are fine), hold
// exactly one JSON value, and fit the server's body limit. With strict,
// fields v does not have are refused (our own admin API, where a misspelt
// field must not be silently ignored); without, they are skipped (lexicon
// inputs, which grow new optional fields).
//
// Every failure is an *echo.HTTPError with an XRPC body that does not echo
// the input: 413 PayloadTooLarge for a body past the limit, and 400
// InvalidRequest for anything else, a missing or wrong Content-Type
// included. 400 rather than 415 is what the reference XRPC server answers
// to a wrong encoding, and what CURATION.md promises for bad input.
func DecodeJSON(r *http.Request, v any, strict bool) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
	if err != nil || mt != echo.MIMEApplicationJSON {
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "the body must be JSON, sent with Content-Type: application/json")
	}
	dec := json.NewDecoder(r.Body)
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return xrpcError(http.StatusRequestEntityTooLarge, "PayloadTooLarge", "body is too large")
		}
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "malformed JSON body: "+jsonProblem(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return xrpcError(http.StatusRequestEntityTooLarge, "PayloadTooLarge", "body is too large")
		}
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "malformed JSON body: more than one JSON value")
	}
	return nil
}

// jsonProblem describes a decoding error without echoing the input.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("%s must be %s", te.Field, te.Type)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated JSON"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// A field name the client sent, quoted by encoding/json: short,
		// and what they need to see to fix the request.
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	return "invalid JSON"
}
