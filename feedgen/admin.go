package feedgen

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// AdminPrefix is where the curators' and operators' API lives.
const AdminPrefix = "/admin"

// AdminToken is one named bearer token of the admin API. The name is who
// acted, in the audit log.
type AdminToken struct {
	Name  string
	Token string
}

type adminKey struct {
	name string
	hash [32]byte
}

const actorKey = "feedgen.admin.actor"

// DatabaseHeader names, on every authorised admin answer, the database
// file the server holds, so that the command-line tools can say which one
// they read.
const DatabaseHeader = "Feedgen-Database"

// Admin returns the route group of the admin API; every route in it needs
// one of the configured tokens. With no tokens configured the admin API
// refuses everything.
func (s *Server) Admin() *echo.Group {
	return s.admin
}

// ActorFrom returns the name of the admin token that authorised the
// request.
func ActorFrom(c echo.Context) string {
	name, _ := c.Get(actorKey).(string)
	return name
}

// backup streams a consistent copy of the database (bbolt's WriteTo in a
// read transaction) while ingest and serving go on.
func (s *Server) backup(c echo.Context) error {
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "application/octet-stream")
	w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="feedgen.db"`)
	_, err := s.store.Backup(w, func(size int64) {
		w.Header().Set(echo.HeaderContentLength, strconv.FormatInt(size, 10))
		w.WriteHeader(http.StatusOK)
	})
	if err != nil {
		// The status is sent; the short body tells the client.
		s.log.Error("backup failed", "actor", ActorFrom(c), "err", err)
		return nil
	}
	s.log.Info("backup sent", "actor", ActorFrom(c))
	return nil
}

// adminAuth checks the bearer token. Tokens are compared as SHA-256
// digests in constant time, against every configured token, so neither
// timing nor length tells an attacker how close a guess was.
func adminAuth(tokens []AdminToken) echo.MiddlewareFunc {
	keys := make([]adminKey, len(tokens))
	for i, t := range tokens {
		keys[i] = adminKey{name: t.Name, hash: sha256.Sum256([]byte(t.Token))}
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if len(keys) == 0 {
				return xrpcError(http.StatusForbidden, "AdminDisabled", "the admin API is disabled: set FEEDGEN_ADMIN_TOKENS")
			}
			h := c.Request().Header.Values(echo.HeaderAuthorization)
			if len(h) == 0 {
				return xrpcError(http.StatusUnauthorized, "AuthenticationRequired", "admin token required: Authorization: Bearer <token>")
			}
			scheme, tok, ok := strings.Cut(h[0], " ")
			if len(h) > 1 || !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
				return xrpcError(http.StatusUnauthorized, "AuthenticationRequired", "admin token required: Authorization: Bearer <token>")
			}
			got := sha256.Sum256([]byte(tok))
			actor := ""
			for _, k := range keys {
				if subtle.ConstantTimeCompare(got[:], k.hash[:]) == 1 {
					actor = k.name
				}
			}
			if actor == "" {
				return xrpcError(http.StatusUnauthorized, "InvalidToken", "admin token not recognised")
			}
			c.Set(actorKey, actor)
			return next(c)
		}
	}
}
