package auth

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	atauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"
)

// newServer mounts the middleware the way the feedgen server will, with a handler that says
// who it thinks the viewer is.
func newServer(f *fixture) (*echo.Echo, *int) {
	e := echo.New()
	calls := new(int)
	handler := func(c echo.Context) error {
		*calls++
		if did, ok := ViewerFrom(c); ok {
			return c.String(http.StatusOK, did.String())
		}
		return c.String(http.StatusOK, "anonymous")
	}
	e.GET("/xrpc/app.bsky.feed.getFeedSkeleton", handler, f.v.Middleware(LXMGetFeedSkeleton))
	e.POST("/xrpc/app.bsky.feed.sendInteractions", handler, f.v.Middleware(LXMSendInteractions))
	return e, calls
}

func TestMiddleware(t *testing.T) {
	for _, strict := range []bool{false, true} {
		name := "lenient"
		if strict {
			name = "strict"
		}
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, func(c *Config) { c.Strict = strict })
			srv, calls := newServer(f)
			now := f.clock.Now()
			viewer := addIssuer(t, f.dir, "did:plc:viewer0000000000000000000", "ES256K")
			sign := func(lxm syntax.NSID, aud string) string {
				tok, err := atauth.SignServiceAuth(viewer.did, aud, time.Minute, &lxm, viewer.priv)
				if err != nil {
					t.Fatal(err)
				}
				return "Bearer " + tok
			}
			expired := claims(viewer.did, now)
			expired["exp"] = now.Add(-time.Hour).Unix()
			feed := "/xrpc/app.bsky.feed.getFeedSkeleton?feed=at://did:web:feed.example.com/app.bsky.feed.generator/scpeace"
			interactions := "/xrpc/app.bsky.feed.sendInteractions"

			type want struct {
				status  int
				body    string // handler output, for 200
				xrpcErr string // error name, for 401
			}
			// In lenient mode every invalid token is served logged out; strict answers 401.
			invalid := func(xrpcErr string) want {
				if strict {
					return want{status: http.StatusUnauthorized, xrpcErr: xrpcErr}
				}
				return want{status: http.StatusOK, body: "anonymous"}
			}
			tests := []struct {
				name    string
				method  string
				path    string
				headers []string
				want    want
			}{
				{name: "valid token", method: http.MethodGet, path: feed,
					headers: []string{sign(LXMGetFeedSkeleton, serviceDID.String())},
					want:    want{status: http.StatusOK, body: viewer.did.String()}},
				{name: "valid sendInteractions token", method: http.MethodPost, path: interactions,
					headers: []string{sign(LXMSendInteractions, serviceDID.String())},
					want:    want{status: http.StatusOK, body: viewer.did.String()}},
				{name: "no token", method: http.MethodGet, path: feed,
					want: want{status: http.StatusOK, body: "anonymous"}},
				{name: "token minted for the AppView", method: http.MethodGet, path: feed,
					headers: []string{sign(LXMGetFeedSkeleton, "did:web:api.bsky.app")},
					want:    invalid("BadJwtAudience")},
				{name: "getFeedSkeleton token on sendInteractions", method: http.MethodPost, path: interactions,
					headers: []string{sign(LXMGetFeedSkeleton, serviceDID.String())},
					want:    invalid("BadJwtLexiconMethod")},
				{name: "expired", method: http.MethodGet, path: feed,
					headers: []string{"Bearer " + signToken(t, "ES256K", expired, viewer.priv)},
					want:    invalid("JwtExpired")},
				{name: "forged signature", method: http.MethodGet, path: feed,
					headers: []string{"Bearer " + signToken(t, "ES256K", claims(viewer.did, now), newKey(t, "ES256K"))},
					want:    invalid("BadJwtSignature")},
				{name: "garbage", method: http.MethodGet, path: feed,
					headers: []string{"Bearer \x00\xff{not a jwt"},
					want:    invalid("BadJwt")},
				{name: "two Authorization headers", method: http.MethodGet, path: feed,
					headers: []string{sign(LXMGetFeedSkeleton, serviceDID.String()), sign(LXMGetFeedSkeleton, serviceDID.String())},
					want:    invalid("BadJwt")},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					before := *calls
					req := httptest.NewRequest(tc.method, tc.path, nil)
					for _, h := range tc.headers {
						req.Header.Add(echo.HeaderAuthorization, h)
					}
					rec := httptest.NewRecorder()
					srv.ServeHTTP(rec, req)

					if rec.Code != tc.want.status {
						t.Fatalf("got status %d (%s), want %d", rec.Code, rec.Body, tc.want.status)
					}
					if tc.want.status == http.StatusOK {
						if got := rec.Body.String(); got != tc.want.body {
							t.Errorf("got viewer %q, want %q", got, tc.want.body)
						}
						return
					}
					if *calls != before {
						t.Error("got the handler called for a rejected token, want it skipped")
					}
					if got := rec.Header().Get(echo.HeaderContentType); got != echo.MIMEApplicationJSON {
						t.Errorf("got Content-Type %q, want %q", got, echo.MIMEApplicationJSON)
					}
					var body map[string]string
					if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
						t.Fatalf("got body %q, want XRPC error JSON: %v", rec.Body, err)
					}
					if body["error"] != tc.want.xrpcErr || body["message"] == "" {
						t.Errorf("got %v, want error %q and a message", body, tc.want.xrpcErr)
					}
				})
			}

			// Both modes count rejections by reason.
			if got := f.rejected(t, ReasonWrongAudience); got != 1 {
				t.Errorf("got %v wrong_audience rejections in the metric, want 1", got)
			}
			if got := f.rejected(t, ReasonBadSignature); got != 1 {
				t.Errorf("got %v bad_signature rejections in the metric, want 1", got)
			}
			verified := f.counter(t, "feedgen_auth_tokens_total", map[string]string{"result": "verified"})
			if verified != 2 {
				t.Errorf("got %v verified in the metric, want 2", verified)
			}
		})
	}
}
