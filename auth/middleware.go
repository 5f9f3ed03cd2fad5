package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"
)

type viewerKey struct{}

// ViewerFromContext returns the verified viewer DID that Middleware stored in ctx, if any.
func ViewerFromContext(ctx context.Context) (syntax.DID, bool) {
	did, ok := ctx.Value(viewerKey{}).(syntax.DID)
	return did, ok && did != ""
}

// ViewerFrom returns the verified viewer DID of an echo request, if any. No viewer means the
// request is served logged out, whether it had no token or (in lenient mode) an invalid one.
func ViewerFrom(c echo.Context) (syntax.DID, bool) {
	return ViewerFromContext(c.Request().Context())
}

// xrpcErrorBody is the XRPC error shape: {"error": name, "message": text}.
type xrpcErrorBody struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

// Middleware authenticates the viewer of the route it is mounted on, for the lexicon method
// lxm (LXMGetFeedSkeleton, LXMSendInteractions). A verified viewer is put in the request
// context (read it with ViewerFrom). A request without a token always goes on logged out. A
// request with an invalid token goes on logged out too, unless the Validator is strict: then
// it is answered 401 with an XRPC error naming what is wrong.
func (v *Validator) Middleware(lxm syntax.NSID) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			// Repeated headers are combined as RFC 9110 does; no bearer token survives that, so
			// two Authorization headers are malformed rather than "whichever came first".
			authorization := strings.Join(req.Header.Values(echo.HeaderAuthorization), ", ")
			// Identity fetches are charged to the caller's address: the
			// server's IPExtractor decides what that is behind a proxy.
			did, err := v.Verify(WithSource(req.Context(), c.RealIP()), authorization, lxm)
			var rejected *Error
			switch {
			case err == nil:
				c.SetRequest(req.WithContext(context.WithValue(req.Context(), viewerKey{}, did)))
			case errors.As(err, &rejected) && v.strict:
				name, msg := rejected.Reason.xrpcError()
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer error="invalid_token"`)
				return c.JSON(http.StatusUnauthorized, xrpcErrorBody{Error: name, Message: msg})
			}
			return next(c)
		}
	}
}
