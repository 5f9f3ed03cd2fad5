// Package auth verifies the atproto service-auth JWTs that the AppView forwards with each
// getFeedSkeleton (and sendInteractions) call, and tells the handlers who the viewer is.
//
// The cryptographic verification is indigo's atproto/auth.ServiceAuthValidator: signature
// against the issuer's DID document key, aud, exp (required), iat, nbf, lxm, alg restricted to
// ES256/ES256K. In front of it this package checks the same claims without the network, plus
// what indigo does not: an lxm must be present, exp may be at most MaxLifetime ahead, the typ
// must not be an OAuth/DPoP token, the issuer must be did:plc or did:web, the signature must be
// 64 bytes. That early pass means a token that would fail anyway never causes a DID lookup, and
// gives each rejection a precise Reason. Only a token that indigo then accepts yields a viewer.
//
// Identity look-ups go through a cache, a fetch budget shared fairly between source addresses
// (budget.go: a global cap, a bucket per address, a reserved share for addresses that brought
// real viewers), and a per-issuer limit (Config.RefreshInterval) on the re-fetch indigo does
// after a bad signature, so forged tokens can neither make us hammer the PLC directory nor
// crowd real viewers out. The fetches themselves go through internal/netguard (NewResolver).
//
// A request without a token is a logged-out viewer. A request with an invalid token is also
// served logged out unless Config.Strict, which answers 401 with an XRPC error instead; either
// way the rejection is counted by reason in feedgen_auth_tokens_total.
package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	atauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/golang-jwt/jwt/v5"
	"github.com/prometheus/client_golang/prometheus"
)

// Lexicon methods that the AppView authenticates to us with service auth.
const (
	LXMGetFeedSkeleton  syntax.NSID = "app.bsky.feed.getFeedSkeleton"
	LXMSendInteractions syntax.NSID = "app.bsky.feed.sendInteractions"
)

// Config configures a Validator. Zero values of the optional fields take the defaults noted.
type Config struct {
	// Audience is our service DID (e.g. did:web:feed.example.com): the "did" of our feed
	// generator records, which the AppView puts in aud. Required.
	Audience syntax.DID
	// Resolver fetches DID documents over the network, uncached: the Validator adds its own
	// cache and limits in front of it. NewResolver builds a suitable one. Required.
	Resolver identity.Directory
	// Leeway is the clock skew tolerated on exp, iat and nbf. Default 10s.
	Leeway time.Duration
	// MaxLifetime is how far in the future exp may be. A PDS never mints service tokens for
	// more than an hour, and a longer one would only widen the replay window of a leaked
	// token. Default 1h.
	MaxLifetime time.Duration
	// Strict makes Middleware answer 401 to an invalid token instead of serving it logged out.
	Strict bool
	// Now is the clock for the early claim checks and the rate limiters. Default time.Now.
	// indigo's own checks always read the wall clock, so a token must be valid by both.
	Now func() time.Time

	// CacheSize is how many identities are cached. Default 100,000.
	CacheSize int
	// CacheTTL is how long a resolved identity is trusted. A key rotated away (because it
	// leaked, say) keeps verifying tokens until then, so this is kept short. Default 1h.
	CacheTTL time.Duration
	// ErrTTL is how long a failed resolution (DID not found, PLC error) is remembered, so
	// repeating a token for a bogus issuer costs nothing. Default 2m.
	ErrTTL time.Duration
	// FetchRate and FetchBurst are the global budget of DID document fetches per second, shared
	// by every cache miss and refresh. Defaults 10/s and 50.
	FetchRate  float64
	FetchBurst int
	// SourceRate and SourceBurst are each source address's own budget of fetches, unless it
	// is proven (budget.go). Defaults 1/s and 5.
	SourceRate  float64
	SourceBurst int
	// NewcomerShare and SuspectShare are the shares of the global rate that sources without
	// a record and sources whose fetches led nowhere may use, each class together; the rest
	// is kept for proven sources. Defaults 0.3 and 0.2; together below 1.
	NewcomerShare float64
	SuspectShare  float64
	// SourceHalfLife is how fast a source's record of good and bad fetches fades. Default 10m.
	SourceHalfLife time.Duration
	// Sources is how many source addresses' budgets and proofs are remembered. Default 10,000.
	Sources int
	// RefreshInterval is the minimum time between two re-fetches of one issuer's DID document
	// after a bad signature. Default 1m.
	RefreshInterval time.Duration
	// RefreshIssuers is how many issuers' last refresh times are remembered. Default 10,000.
	RefreshIssuers int

	// Registerer receives the metrics; nil leaves them unregistered.
	Registerer prometheus.Registerer
	// Logger gets one Debug line per rejected token. Default slog.Default().
	Logger *slog.Logger
}

func (c *Config) setDefaults() {
	if c.Leeway == 0 {
		c.Leeway = 10 * time.Second
	}
	if c.MaxLifetime == 0 {
		c.MaxLifetime = time.Hour
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.CacheSize == 0 {
		c.CacheSize = 100_000
	}
	if c.CacheTTL == 0 {
		c.CacheTTL = time.Hour
	}
	if c.ErrTTL == 0 {
		c.ErrTTL = 2 * time.Minute
	}
	if c.FetchRate == 0 {
		c.FetchRate = 10
	}
	if c.FetchBurst == 0 {
		c.FetchBurst = 50
	}
	if c.SourceRate == 0 {
		c.SourceRate = 1
	}
	if c.SourceBurst == 0 {
		c.SourceBurst = 5
	}
	if c.NewcomerShare == 0 {
		c.NewcomerShare = 0.3
	}
	if c.SuspectShare == 0 {
		c.SuspectShare = 0.2
	}
	if c.SourceHalfLife == 0 {
		c.SourceHalfLife = 10 * time.Minute
	}
	if c.Sources == 0 {
		c.Sources = 10_000
	}
	if c.RefreshInterval == 0 {
		c.RefreshInterval = time.Minute
	}
	if c.RefreshIssuers == 0 {
		c.RefreshIssuers = 10_000
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// Validator verifies service-auth tokens for one service DID. It is safe for concurrent use;
// create one per process and share it between routes.
type Validator struct {
	audience syntax.DID
	leeway   time.Duration
	maxLife  time.Duration
	strict   bool
	now      func() time.Time
	log      *slog.Logger
	metrics  *metrics
	dir      *limitedDirectory
	indigo   *atauth.ServiceAuthValidator
	// parser decodes tokens for the early checks only: it never verifies anything.
	parser *jwt.Parser
}

// NewValidator checks cfg, fills in defaults and registers the metrics.
func NewValidator(cfg Config) (*Validator, error) {
	if cfg.Audience == "" {
		return nil, errors.New("auth config: audience (service DID) is required")
	}
	if _, err := syntax.ParseDID(cfg.Audience.String()); err != nil {
		return nil, fmt.Errorf("auth config: audience: %w", err)
	}
	if cfg.Resolver == nil {
		return nil, errors.New("auth config: resolver is required")
	}
	if cfg.Leeway < 0 || cfg.MaxLifetime < 0 || cfg.CacheSize < 0 || cfg.CacheTTL < 0 || cfg.ErrTTL < 0 ||
		cfg.FetchRate < 0 || cfg.FetchBurst < 0 || cfg.RefreshInterval < 0 || cfg.RefreshIssuers < 0 ||
		cfg.SourceRate < 0 || cfg.SourceBurst < 0 || cfg.SourceHalfLife < 0 || cfg.Sources < 0 {
		return nil, errors.New("auth config: durations, sizes and rates must not be negative")
	}
	if cfg.NewcomerShare < 0 || cfg.SuspectShare < 0 || cfg.NewcomerShare+cfg.SuspectShare >= 1 {
		return nil, errors.New("auth config: the newcomer and suspect shares must not be negative, and together below 1")
	}
	cfg.setDefaults()
	m, err := newMetrics(cfg.Registerer)
	if err != nil {
		return nil, err
	}
	dir, err := newLimitedDirectory(cfg, m)
	if err != nil {
		return nil, err
	}
	return &Validator{
		audience: cfg.Audience,
		leeway:   cfg.Leeway,
		maxLife:  cfg.MaxLifetime,
		strict:   cfg.Strict,
		now:      cfg.Now,
		log:      cfg.Logger,
		metrics:  m,
		dir:      dir,
		indigo: &atauth.ServiceAuthValidator{
			Audience:        cfg.Audience.String(),
			Dir:             dir,
			TimestampLeeway: cfg.Leeway,
		},
		parser: jwt.NewParser(jwt.WithoutClaimsValidation()),
	}, nil
}

// Verify checks an Authorization header value for a call to the lexicon method lxm.
//
// It returns the viewer's DID only for a fully verified token. An empty header gives
// ErrNoToken (a logged-out viewer); any other failure is an *Error carrying the Reason. Every
// call is counted in feedgen_auth_tokens_total.
//
// Identity fetches are charged to the source address in ctx (WithSource); a token that
// verifies after a fetch counts for its source, one that fails after a fetch against it
// (budget.go).
func (v *Validator) Verify(ctx context.Context, authorization string, lxm syntax.NSID) (syntax.DID, error) {
	ctx, note := withFetchNote(ctx)
	did, err := v.verify(ctx, authorization, lxm)
	var rejected *Error
	switch {
	case err == nil:
		v.metrics.tokens.WithLabelValues(lxm.String(), "verified", "").Inc()
		if note.fetched {
			v.dir.gate.budget.outcome(sourceFrom(ctx), true)
		}
		return did, nil
	case errors.Is(err, ErrNoToken):
		v.metrics.tokens.WithLabelValues(lxm.String(), "anonymous", "").Inc()
		return "", err
	case errors.As(err, &rejected):
	default:
		rejected = &Error{Reason: ReasonInvalid, Err: err}
	}
	if note.fetched {
		v.dir.gate.budget.outcome(sourceFrom(ctx), false)
	}
	v.metrics.tokens.WithLabelValues(lxm.String(), "rejected", string(rejected.Reason)).Inc()
	v.log.DebugContext(ctx, "service auth token rejected", "lxm", lxm, "reason", rejected.Reason, "err", rejected.Err)
	return "", rejected
}

func (v *Validator) verify(ctx context.Context, authorization string, lxm syntax.NSID) (syntax.DID, error) {
	if authorization == "" {
		return "", ErrNoToken
	}
	token, err := bearerToken(authorization)
	if err != nil {
		return "", err
	}
	if err := v.precheck(token, lxm); err != nil {
		return "", err
	}
	did, err := v.indigo.Validate(ctx, token, &lxm)
	if err != nil {
		return "", classify(err)
	}
	return did, nil
}

// bearerToken takes the token out of "Bearer <token>". The scheme is case-insensitive
// (RFC 9110); anything else, DPoP and Basic included, is malformed for service auth.
func bearerToken(authorization string) (string, error) {
	scheme, token, ok := strings.Cut(authorization, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", reject(ReasonMalformed, "authorization header is not \"Bearer <token>\"")
	}
	token = strings.TrimSpace(token)
	if token == "" {
		return "", reject(ReasonMalformed, "empty bearer token")
	}
	return token, nil
}

// serviceClaims mirrors the claims indigo reads, decoded here without verification.
type serviceClaims struct {
	jwt.RegisteredClaims
	LXM string `json:"lxm,omitempty"`
}

// rejectedTypes are JWT typ values that are never service-auth tokens, as in the reference
// implementation (@atproto/xrpc-server): an OAuth access token (RFC 9068), the @atproto
// refresh token, a DPoP proof (RFC 9449). Each may be signed by a key we would otherwise trust.
var rejectedTypes = []string{"at+jwt", "refresh+jwt", "dpop+jwt"}

// precheck rejects, without any network, every token indigo would reject on its claims, plus
// the gaps indigo leaves open. It decides nothing in favour of a token: indigo still verifies
// all of it.
func (v *Validator) precheck(token string, lxm syntax.NSID) *Error {
	var c serviceClaims
	t, _, err := v.parser.ParseUnverified(token, &c)
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return &Error{Reason: ReasonMalformed, Err: err}
	case err != nil:
		// Header and claims decoded, but alg is missing or unknown to the jwt library.
		return &Error{Reason: ReasonBadAlgorithm, Err: err}
	}

	if typ, ok := t.Header["typ"].(string); ok {
		typ = strings.TrimPrefix(strings.ToLower(typ), "application/")
		if slices.Contains(rejectedTypes, typ) {
			return reject(ReasonWrongType, "typ %q is not a service auth token", typ)
		}
	}
	// Before indigo sees it: indigo reports a disallowed alg as a bad signature, and its answer
	// to a bad signature is to purge the issuer from the cache and fetch it again.
	if alg := t.Method.Alg(); alg != "ES256" && alg != "ES256K" {
		return reject(ReasonBadAlgorithm, "alg %q is not ES256 or ES256K", alg)
	}
	// Both atproto curves sign 64 bytes (r||s). Anything else is truncated or padded, and
	// would otherwise also trigger the purge-and-retry.
	if n := len(t.Signature); n != 64 {
		return reject(ReasonMalformed, "signature is %d bytes, want 64", n)
	}

	iss, err := syntax.ParseDID(c.Issuer)
	if err != nil {
		return reject(ReasonBadIssuer, "iss: %w", err)
	}
	if m := iss.Method(); m != "plc" && m != "web" {
		return reject(ReasonBadIssuer, "iss method %q is not plc or web", m)
	}
	if !slices.Contains(c.Audience, v.audience.String()) {
		return reject(ReasonWrongAudience, "aud %q, want %q", []string(c.Audience), v.audience)
	}
	if c.LXM == "" {
		return reject(ReasonMissingLXM, "no lxm, want %q", lxm)
	}
	if c.LXM != lxm.String() {
		return reject(ReasonWrongLXM, "lxm %q, want %q", c.LXM, lxm)
	}

	now := v.now()
	if c.ExpiresAt == nil {
		return reject(ReasonMissingExp, "no exp")
	}
	if !now.Before(c.ExpiresAt.Add(v.leeway)) {
		return reject(ReasonExpired, "expired at %s", c.ExpiresAt.UTC().Format(time.RFC3339))
	}
	if c.ExpiresAt.After(now.Add(v.maxLife + v.leeway)) {
		return reject(ReasonExpTooFar, "expires at %s, more than %s ahead", c.ExpiresAt.UTC().Format(time.RFC3339), v.maxLife)
	}
	if c.IssuedAt != nil && now.Before(c.IssuedAt.Add(-v.leeway)) {
		return reject(ReasonFutureIAT, "issued at %s, in the future", c.IssuedAt.UTC().Format(time.RFC3339))
	}
	if c.NotBefore != nil && now.Before(c.NotBefore.Add(-v.leeway)) {
		return reject(ReasonNotYetValid, "not valid before %s", c.NotBefore.UTC().Format(time.RFC3339))
	}
	return nil
}

// classify maps an error from indigo's Validate to a Reason. After precheck, the claim errors
// only happen when the wall clock and Config.Now disagree; the rest are about the issuer's key.
func classify(err error) *Error {
	var r Reason
	switch {
	case errors.Is(err, ErrRateLimited):
		r = ReasonRateLimited
	case errors.Is(err, identity.ErrDIDNotFound):
		r = ReasonUnknownIssuer
	case errors.Is(err, jwt.ErrTokenUnverifiable) && errors.Is(err, jwt.ErrTokenInvalidIssuer):
		// indigo wraps every resolution failure in ErrTokenInvalidIssuer inside the key func.
		r = ReasonResolutionFailed
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		// The DID resolved but its document has no usable #atproto key.
		r = ReasonNoIssuerKey
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		r = ReasonBadSignature
	case errors.Is(err, jwt.ErrTokenMalformed):
		r = ReasonMalformed
	case errors.Is(err, jwt.ErrTokenExpired):
		r = ReasonExpired
	case errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		r = ReasonFutureIAT
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		r = ReasonNotYetValid
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		r = ReasonWrongAudience
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		r = ReasonMissingExp
	case errors.Is(err, jwt.ErrTokenInvalidClaims):
		// Last: every claim error wraps this; alone it is indigo's lxm mismatch.
		r = ReasonWrongLXM
	default:
		r = ReasonInvalid
	}
	return &Error{Reason: r, Err: err}
}
