package auth

import (
	"errors"
	"fmt"
)

// ErrNoToken means the request carried no Authorization header: the viewer is logged out. It is
// not a rejection; callers serve the request anonymously.
var ErrNoToken = errors.New("no service auth token")

// ErrRateLimited is returned by the directory when resolving an issuer would exceed the global
// budget of identity fetches. The token might be fine; we just refuse to find out right now.
var ErrRateLimited = errors.New("identity fetch rate limited")

// Reason is a stable, low-cardinality name for why a token was rejected. It is used as a metric
// label and in logs, so values never change once published.
type Reason string

// Every reason a token can be rejected for.
const (
	// ReasonMalformed: not "Bearer <jwt>", not three base64url JSON segments, a claim of the wrong
	// JSON type, or a signature that is not 64 bytes (a truncated token).
	ReasonMalformed Reason = "malformed"
	// ReasonWrongType: the header typ marks an OAuth access, refresh or DPoP token, which are
	// never service-auth tokens even when signed by the right key.
	ReasonWrongType Reason = "wrong_type"
	// ReasonBadAlgorithm: alg is missing or not ES256/ES256K (none, HS256, RS256, ...).
	ReasonBadAlgorithm Reason = "bad_algorithm"
	// ReasonBadIssuer: iss is missing or not a did:plc / did:web DID.
	ReasonBadIssuer Reason = "bad_issuer"
	// ReasonWrongAudience: aud is not our service DID; typically a token the AppView forwarded
	// after it was minted for the AppView itself.
	ReasonWrongAudience Reason = "wrong_audience"
	// ReasonMissingLXM: the token is not bound to any XRPC method, so it could be replayed
	// against any endpoint of ours.
	ReasonMissingLXM Reason = "missing_lxm"
	// ReasonWrongLXM: the token is bound to another XRPC method.
	ReasonWrongLXM Reason = "wrong_lxm"
	// ReasonMissingExp: a token without expiry would be valid forever.
	ReasonMissingExp Reason = "missing_exp"
	// ReasonExpired: exp is in the past by more than the leeway.
	ReasonExpired Reason = "expired"
	// ReasonExpTooFar: exp is further ahead than Config.MaxLifetime.
	ReasonExpTooFar Reason = "exp_too_far"
	// ReasonFutureIAT: iat is in the future by more than the leeway.
	ReasonFutureIAT Reason = "future_iat"
	// ReasonNotYetValid: nbf is in the future by more than the leeway.
	ReasonNotYetValid Reason = "not_yet_valid"
	// ReasonUnknownIssuer: the issuer DID does not exist.
	ReasonUnknownIssuer Reason = "unknown_issuer"
	// ReasonNoIssuerKey: the issuer's DID document has no usable #atproto signing key.
	ReasonNoIssuerKey Reason = "no_issuer_key"
	// ReasonBadSignature: the signature does not verify against the issuer's key, even after a
	// (rate-limited) re-fetch of the DID document.
	ReasonBadSignature Reason = "bad_signature"
	// ReasonRateLimited: the issuer was not cached and the global identity fetch budget was spent.
	ReasonRateLimited Reason = "rate_limited"
	// ReasonResolutionFailed: the DID document could not be fetched (network, PLC down, ...).
	ReasonResolutionFailed Reason = "resolution_failed"
	// ReasonInvalid: indigo rejected the token for a reason none of the above describes.
	ReasonInvalid Reason = "invalid"
)

// Error is a rejected token. Reason is stable and safe to show; Err carries the detail for logs.
type Error struct {
	Reason Reason
	Err    error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return "service auth: " + string(e.Reason)
	}
	return fmt.Sprintf("service auth: %s: %v", e.Reason, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func reject(r Reason, format string, args ...any) *Error {
	return &Error{Reason: r, Err: fmt.Errorf(format, args...)}
}

// xrpcError is the XRPC error name and message answered in strict mode. Names follow the
// reference implementation (@atproto/xrpc-server verifyJwt), so clients that already
// special-case them keep working; the message never echoes token content.
func (r Reason) xrpcError() (name, message string) {
	switch r {
	case ReasonWrongType:
		return "BadJwtType", "jwt type is not a service auth token"
	case ReasonWrongAudience:
		return "BadJwtAudience", "jwt audience does not match service did"
	case ReasonMissingLXM:
		return "BadJwtLexiconMethod", "missing jwt lexicon method (\"lxm\")"
	case ReasonWrongLXM:
		return "BadJwtLexiconMethod", "bad jwt lexicon method (\"lxm\")"
	case ReasonExpired:
		return "JwtExpired", "jwt expired"
	case ReasonBadSignature:
		return "BadJwtSignature", "jwt signature does not match jwt issuer"
	case ReasonNoIssuerKey:
		return "BadJwtSignature", "jwt issuer has no signing key"
	case ReasonUnknownIssuer:
		return "BadJwtIss", "jwt issuer could not be found"
	case ReasonRateLimited, ReasonResolutionFailed:
		return "AuthenticationRequired", "could not verify jwt issuer right now, try again"
	case ReasonBadAlgorithm:
		return "BadJwt", "jwt algorithm must be ES256 or ES256K"
	case ReasonBadIssuer:
		return "BadJwt", "jwt issuer must be a did:plc or did:web"
	case ReasonMissingExp:
		return "BadJwt", "jwt has no expiry"
	case ReasonExpTooFar:
		return "BadJwt", "jwt expiry too far in the future"
	case ReasonFutureIAT:
		return "BadJwt", "jwt issued in the future"
	case ReasonNotYetValid:
		return "BadJwt", "jwt not valid yet"
	default:
		return "BadJwt", "poorly formatted jwt"
	}
}
