// Package feedgen is the HTTP face of the service: the XRPC methods the
// Bluesky AppView calls (getFeedSkeleton, describeFeedGenerator,
// sendInteractions), the did:web document, health, metrics, and the admin
// route group that curation mounts its API on. It owns serving pages
// (fitted to the viewer's feedback and languages) and the viewers'
// feedback; it reads the feeds the indexer writes and never imports it.
//
// Every error a client can cause is a 4xx with an XRPC body
// {"error": "...", "message": "..."}; a 5xx means a bug or a broken disk,
// and is logged. Request bodies, here and in the admin API, are read by
// one decoder, [DecodeJSON].
package feedgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

// Feed is a feed this service offers.
type Feed struct {
	// ID is the feed's record key, and its name in the store.
	ID  string
	URI syntax.ATURI
	// AcceptsInteractions takes the viewers' feedback through
	// sendInteractions and applies it when serving them.
	AcceptsInteractions bool
	// Languages says how the viewer's Accept-Language is used.
	Languages LanguageMode
	// Store is the feed whose posts this one serves, its membership: ""
	// means its own. A feed ordered by engagement shares the posts of a
	// newest-first one this way, with its pins and its viewers'
	// feedback.
	Store string
	// Top serves the feed by engagement, from Deps.Ranker's snapshots.
	Top bool
}

// storeID is the feed whose posts, pins and feedback f serves.
func (f Feed) storeID() string {
	if f.Store != "" {
		return f.Store
	}
	return f.ID
}

// Config is what the server needs to know about itself.
type Config struct {
	ServiceDID syntax.DID
	// ServiceEndpoint is the public base URL put in the DID document.
	ServiceEndpoint string
	// Hostname is the public host (with port, if any); did.json is
	// served when ServiceDID is did:web of exactly this host.
	Hostname string
	Feeds    []Feed

	PrivacyPolicyURL  string
	TermsOfServiceURL string

	// AdminTokens guard the admin API; none disables it.
	AdminTokens []AdminToken

	Version string
	// ShutdownTimeout bounds the drain of in-flight requests.
	ShutdownTimeout time.Duration
	// Interactions is what viewers' feedback does; zero takes defaults.
	Interactions InteractionPolicy
}

// DefaultShutdownTimeout is how long Serve drains requests in flight when
// Config.ShutdownTimeout is zero.
const DefaultShutdownTimeout = 10 * time.Second

// Health reports on a part of the service for /xrpc/_health.
type Health interface {
	// Health says how the part is doing.
	Health() Check
}

// HealthStatus is how a part of the service is doing.
type HealthStatus string

// The health statuses, from best to worst.
const (
	// StatusOK: working as it should.
	StatusOK HealthStatus = "ok"
	// StatusRebuilding: serving, but still reading state from the
	// network (a replica on an empty database reading the curation
	// records and backfilling): the feed is not complete yet. Answered
	// with 200.
	StatusRebuilding HealthStatus = "rebuilding"
	// StatusDegraded: serving, but something is wrong that may mend by
	// itself (the indexer reconnecting to the network): worth a look,
	// not a restart. Answered with 200.
	StatusDegraded HealthStatus = "degraded"
	// StatusUnhealthy: the service is not doing its job (the feed is
	// too far behind). Answered with 503, so that a platform check can
	// act.
	StatusUnhealthy HealthStatus = "unhealthy"
)

func (s HealthStatus) rank() int {
	switch s {
	case StatusOK:
		return 0
	case StatusRebuilding:
		return 1
	case StatusDegraded:
		return 2
	}
	return 3
}

// Check is one part's health: its status, why it is not ok (a sentence
// for the person reading the body), and details to show as they are.
type Check struct {
	Status  HealthStatus
	Reason  string
	Details any
}

// Server is the HTTP server.
type Server struct {
	cfg    Config
	store  *store.Store
	log    *slog.Logger
	echo   *echo.Echo
	feeds  map[syntax.ATURI]Feed
	health map[string]Health
	admin  *echo.Group
	pins   Pinner
	ranker *ranking.Ranker
	// readers counts requests and interactions for the readership
	// figures; nil counts nothing.
	readers Readership
	// methods maps each XRPC method we serve to its HTTP method, so a
	// call with the wrong HTTP method gets a precise error.
	methods map[string]string
	ia      *interactions
	reqIDs  *reqIDs
	first   *firstPages
	now     func() time.Time
}

// Deps are what the server is built on.
type Deps struct {
	Store  *store.Store
	Logger *slog.Logger
	// Registry receives the HTTP metrics and is served on /metrics.
	Registry *prometheus.Registry
	// Health checks by name, shown on /xrpc/_health.
	Health map[string]Health
	// Auth checks the viewer's service JWT on the methods the AppView
	// calls for a viewer. Nil serves every request as logged out.
	Auth *auth.Validator
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Pins, if set, gives each feed's pinned posts, served first on its
	// first page.
	Pins Pinner
	// Ranker serves the feeds marked Top; it must rank each of them.
	Ranker *ranking.Ranker
	// Readers, if set, is told of every skeleton request and interaction,
	// for the readership figures.
	Readers Readership
}

// New builds the server and its routes.
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Store == nil || deps.Registry == nil {
		return nil, errors.New("feedgen: store and registry are required")
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	s := &Server{
		cfg:     cfg,
		store:   deps.Store,
		log:     deps.Logger,
		feeds:   make(map[syntax.ATURI]Feed, len(cfg.Feeds)),
		health:  deps.Health,
		pins:    deps.Pins,
		ranker:  deps.Ranker,
		readers: deps.Readers,
		methods: map[string]string{},
		now:     deps.Now,
		reqIDs:  newReqIDs(),
		first:   newFirstPages(),
	}
	for _, f := range cfg.Feeds {
		if f.Top && !deps.Ranker.Ranks(f.ID) {
			return nil, fmt.Errorf("feedgen: feed %s is ordered by engagement, but no ranker ranks it", f.ID)
		}
		s.feeds[f.URI] = f
	}

	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.errorHandler
	// The caller's address, for charging identity fetches to it (auth's
	// budget): the connection's peer, or behind a proxy on a private or
	// loopback address (fly.io's), the nearest address the proxy saw in
	// X-Forwarded-For. Without an extractor echo would believe whatever
	// X-Forwarded-For a client sends.
	e.IPExtractor = echo.ExtractIPFromXFFHeader()
	m, err := newHTTPMetrics(deps.Registry)
	if err != nil {
		return nil, err
	}
	e.Use(m.middleware)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			s.log.Error("panic in handler", "path", c.Path(), "err", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(bodyLimit(MaxBody))
	e.Pre(headAsGet)

	s.echo = e
	var skeletonAuth []echo.MiddlewareFunc
	if deps.Auth != nil {
		skeletonAuth = append(skeletonAuth, deps.Auth.Middleware(auth.LXMGetFeedSkeleton))
	}
	s.XRPC(http.MethodGet, "app.bsky.feed.getFeedSkeleton", s.getFeedSkeleton, skeletonAuth...)
	if err := s.routeInteractions(cfg, deps); err != nil {
		return nil, err
	}
	s.XRPC(http.MethodGet, "app.bsky.feed.describeFeedGenerator", s.describeFeedGenerator)
	e.GET("/.well-known/did.json", s.didDocument)
	e.GET("/xrpc/_health", s.healthCheck)
	e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(deps.Registry, promhttp.HandlerOpts{})))
	e.GET("/", s.index)
	dbPath := deps.Store.Path()
	if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	s.admin = e.Group(AdminPrefix, adminAuth(cfg.AdminTokens), func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set(DatabaseHeader, dbPath)
			return next(c)
		}
	})
	s.admin.GET("/whoami", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"actor": ActorFrom(c), "version": s.cfg.Version})
	})
	s.admin.GET("/backup", s.backup)
	// An XRPC method we do not offer is answered like any other unknown
	// route, with an XRPC error body, and never a 5xx.
	e.Any("/xrpc/:method", s.unknownMethod)
	return s, nil
}

// MaxBody bounds a request body (sendInteractions, the admin API). A
// route that takes more (a rules upload) raises it with LargeBody.
const MaxBody = 1 << 20

// bodyLimit bounds every request body to limit bytes: a read past it, or
// the first read of a body whose Content-Length says it is longer, fails
// with *http.MaxBytesError, which DecodeJSON answers with 413 (chunked
// bodies announce no length). echo's own BodyLimit reports the former as
// an error of its own that handlers decoding JSON took for a malformed
// body (400). Nothing is read here, so a route's own middleware (the admin
// API's token check) answers first, and LargeBody can still raise the
// bound for its route.
func bodyLimit(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			req.Body = &limitedBody{body: req.Body, w: c.Response(), length: req.ContentLength, limit: limit}
			return next(c)
		}
	}
}

// LargeBody raises the body bound to limit for the routes it is given to
// (a rules upload is larger than any other request), before the handler
// reads. It only ever raises it.
func LargeBody(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if lb, ok := c.Request().Body.(*limitedBody); ok && lb.r == nil && limit > lb.limit {
				lb.limit = limit
			}
			return next(c)
		}
	}
}

// limitedBody is a request body bounded on its first read, so that the
// bound can be chosen per route after routing.
type limitedBody struct {
	body   io.ReadCloser
	w      http.ResponseWriter
	length int64
	limit  int64
	r      io.ReadCloser // http.MaxBytesReader, from the first read on
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.r == nil {
		if b.length > b.limit {
			return 0, &http.MaxBytesError{Limit: b.limit}
		}
		b.r = http.MaxBytesReader(b.w, b.body, b.limit)
	}
	return b.r.Read(p)
}

func (b *limitedBody) Close() error { return b.body.Close() }

// headAsGet serves HEAD on every GET route, as HTTP requires: the request
// is routed as a GET (echo routes the request it was handed, so its method
// is changed in place, and put back before net/http finishes the answer)
// and headWriter keeps the body from being sent. A HEAD on a route without
// GET is answered as such a GET would be: 405, or 400 for an XRPC
// procedure.
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Method != http.MethodHead {
			return next(c)
		}
		req.Method = http.MethodGet
		defer func() { req.Method = http.MethodHead }()
		c.Set(headKey, true)
		c.Response().Writer = headWriter{c.Response().Writer}
		return next(c)
	}
}

const headKey = "feedgen.head"

// requestMethod is the method the client used: HEAD for a HEAD routed as
// a GET.
func requestMethod(c echo.Context) string {
	if head, _ := c.Get(headKey).(bool); head {
		return http.MethodHead
	}
	return c.Request().Method
}

// headWriter sends headers and status but no body.
type headWriter struct{ http.ResponseWriter }

func (w headWriter) Write(b []byte) (int, error) { return len(b), nil }

func (w headWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// XRPC routes an XRPC method: GET for queries, POST for procedures.
// Middleware (service auth, admin tokens) may be added per route.
func (s *Server) XRPC(httpMethod, nsid string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
	s.methods[nsid] = httpMethod
	s.echo.Add(httpMethod, "/xrpc/"+nsid, h, m...)
}

// Echo gives other packages' routes (curation, interactions) a place on
// the same server.
func (s *Server) Echo() *echo.Echo { return s.echo }

// ServeHTTP serves one request; tests drive the server through it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Serve answers requests on ln until ctx is cancelled, then drains the
// requests in flight for at most ShutdownTimeout.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // backups stream through admin routes
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("http shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http: %w", err)
	}
	return nil
}

// XRPCError is the body of every error response.
type XRPCError struct {
	Error   string `json:"error"`
	Message string `json:"message,omitempty"`
}

// xrpcError makes an echo error whose body is an XRPC error.
func xrpcError(code int, name, msg string) *echo.HTTPError {
	return echo.NewHTTPError(code, XRPCError{Error: name, Message: msg})
}

func (s *Server) errorHandler(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	body := XRPCError{Error: "InternalServerError", Message: "internal server error"}
	code := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code = he.Code
		switch m := he.Message.(type) {
		case XRPCError:
			body = m
		case string:
			body = XRPCError{Error: errorName(code), Message: m}
		default:
			body = XRPCError{Error: errorName(code), Message: http.StatusText(code)}
		}
	}
	if code >= 500 {
		// Say what failed, once: the answer's error and message, and the
		// cause behind them. A failure of someone else's server (502)
		// is a warning; our own (500) an error.
		attrs := []any{"method", c.Request().Method, "path", c.Request().URL.Path, "status", code}
		cause := err
		if he != nil {
			if code != http.StatusInternalServerError {
				attrs = append(attrs, "error", body.Error, "message", body.Message)
			}
			cause = he.Internal
		}
		if cause != nil {
			attrs = append(attrs, "err", cause)
		}
		level := slog.LevelError
		if code != http.StatusInternalServerError {
			level = slog.LevelWarn
		}
		s.log.Log(c.Request().Context(), level, "request failed", attrs...)
		if code == http.StatusInternalServerError {
			body = XRPCError{Error: "InternalServerError", Message: "internal server error"}
		}
	}
	if requestMethod(c) == http.MethodHead {
		err = c.NoContent(code)
	} else {
		err = c.JSON(code, body)
	}
	if err != nil {
		s.log.Debug("write error response", "err", err)
	}
}

// errorName is the XRPC error name for a status when a handler gave none.
func errorName(code int) string {
	switch code {
	case http.StatusBadRequest:
		return "InvalidRequest"
	case http.StatusUnauthorized:
		return "AuthenticationRequired"
	case http.StatusForbidden:
		return "Forbidden"
	case http.StatusNotFound:
		return "NotFound"
	case http.StatusMethodNotAllowed:
		return "MethodNotAllowed"
	case http.StatusRequestEntityTooLarge:
		return "PayloadTooLarge"
	case http.StatusTooManyRequests:
		return "RateLimitExceeded"
	}
	if code >= 500 {
		return "InternalServerError"
	}
	return "InvalidRequest"
}

func (s *Server) unknownMethod(c echo.Context) error {
	method := c.Param("method")
	if want, ok := s.methods[method]; ok {
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "incorrect HTTP method "+requestMethod(c)+": "+method+" takes "+want)
	}
	if _, err := syntax.ParseNSID(method); err != nil {
		return xrpcError(http.StatusNotFound, "NotFound", "not an XRPC method name")
	}
	// The XRPC spec would answer 501; a request we cannot serve is the
	// client's mistake here, and our rule is that only our own faults
	// are 5xx.
	return xrpcError(http.StatusNotFound, "MethodNotImplemented", "method not implemented: "+method)
}

func (s *Server) index(c echo.Context) error {
	return c.String(http.StatusOK, "feedgen: a Bluesky feed generator. Feeds are served at /xrpc/app.bsky.feed.getFeedSkeleton; see /xrpc/app.bsky.feed.describeFeedGenerator.\n")
}
