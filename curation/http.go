package curation

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/labstack/echo/v4"

	"github.com/scpeace/feedgen/feedgen"
)

// Routes mounts the curation API on the admin group of the feed server
// (feedgen.Server.Admin), which has already checked the bearer token and
// named the actor. Reads are GET with query parameters; changes are POST
// with a JSON body. Errors are XRPC bodies {"error", "message"}: 400 for
// bad input, 404 for a reference to nothing curation holds, 409 for a
// change the state refuses, 502 when a PDS or the identity directory
// failed. A failed request changes nothing.
//
//	GET  /feeds                     the curated feeds and their thresholds
//	GET  /authors?feed=             the author list
//	POST /authors                   {feed, author, tier, note, noBackfill} add or change
//	POST /authors/remove            {feed, author, noBackfill}
//	GET  /blocks                    blocked posts
//	POST /blocks                    {uri, note}     block a post everywhere
//	POST /blocks/remove             {uri, note}     unblock
//	GET  /pins?feed=                a feed's pins
//	POST /pins                      {feed, uri, note}
//	POST /pins/remove               {feed, uri, note}
//	GET  /explain?uri=              why a post is or is not in each feed
//	GET  /queue?feed=&cursor=&limit=
//	POST /queue/approve             {feed, uri, addAuthor, note}
//	POST /queue/reject              {feed, uri, note}
//	GET  /audit?feed=&target=&actor=&cursor=&limit=
//	POST /lists/sync                {feed}          read the Bluesky list now
//	POST /backfill                  {author}        fetch an author's recent posts now
//	GET  /posts?feed=&uri=...       posts of a feed page, for the web page
//	GET  /rules?feed=&text=1        the feed's rules: which apply, the last re-judge
//	POST /rules/diff                {feed, rules | revert, samples} what a change would move
//	POST /rules                     {feed, rules, note, samples} upload and apply new rules
//	POST /rules/revert              {feed, note, samples} back to the definition's rules
//	GET  /people?did=...&wait=      who authors are: handle, display name, avatar
//
// Answers that name authors (authors, posts, queue, audit, explain, blocks,
// pins) carry "people": DID -> {did, handle, displayName, avatar,
// profileUrl}, from the cache without waiting; those not known yet are
// fetched in the background, and /people gives them later.
func (s *Service) Routes(g *echo.Group) {
	g.GET("/feeds", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]any{"feeds": s.Feeds(), "actor": feedgen.ActorFrom(c)})
	})
	g.GET("/authors", func(c echo.Context) error {
		feed := c.QueryParam("feed")
		as, err := s.Authors(c.Request().Context(), feed)
		if err != nil {
			return httpError(err)
		}
		if as == nil {
			as = []Author{}
		}
		dids := make([]syntax.DID, len(as))
		for i := range as {
			dids[i] = as[i].DID
		}
		return c.JSON(http.StatusOK, map[string]any{"authors": as, "people": s.People(c.Request().Context(), dids, 0)})
	})
	g.POST("/authors", func(c echo.Context) error {
		var req AddAuthorRequest
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := s.AddAuthor(c.Request().Context(), feedgen.ActorFrom(c), req)
		return respond(c, res, err)
	})
	g.POST("/authors/remove", func(c echo.Context) error {
		var req RemoveAuthorRequest
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := s.RemoveAuthor(c.Request().Context(), feedgen.ActorFrom(c), req)
		return respond(c, res, err)
	})
	g.GET("/blocks", func(c echo.Context) error {
		bs, err := s.Blocks(c.Request().Context())
		if err != nil {
			return httpError(err)
		}
		var refs []string
		for _, b := range bs {
			refs = append(refs, string(b.URI))
		}
		return c.JSON(http.StatusOK, map[string]any{"blocks": nonNil(bs), "people": s.People(c.Request().Context(), authorDIDs(refs...), 0)})
	})
	g.POST("/blocks", postHandler(s.Block))
	g.POST("/blocks/remove", postHandler(s.Unblock))
	g.GET("/pins", func(c echo.Context) error {
		ps, err := s.PinList(c.Request().Context(), c.QueryParam("feed"))
		if err != nil {
			return httpError(err)
		}
		var refs []string
		for _, p := range ps {
			refs = append(refs, string(p.URI))
		}
		return c.JSON(http.StatusOK, map[string]any{"pins": ps, "people": s.People(c.Request().Context(), authorDIDs(refs...), 0)})
	})
	g.POST("/pins", postHandler(s.Pin))
	g.POST("/pins/remove", postHandler(s.Unpin))
	g.GET("/explain", func(c echo.Context) error {
		res, err := s.Explain(c.Request().Context(), c.QueryParam("uri"))
		if err != nil {
			return httpError(err)
		}
		return c.JSON(http.StatusOK, explainAnswer{res, s.People(c.Request().Context(), []syntax.DID{res.Author}, 0)})
	})
	g.GET("/queue", func(c echo.Context) error {
		limit, err := intParam(c, "limit")
		if err != nil {
			return err
		}
		res, err := s.Queue(c.Request().Context(), c.QueryParam("feed"), c.QueryParam("cursor"), limit)
		if err != nil {
			return httpError(err)
		}
		return c.JSON(http.StatusOK, queueAnswer{res, s.People(c.Request().Context(), res.Authors(), 0)})
	})
	g.POST("/queue/approve", verdictHandler(s.Approve))
	g.POST("/queue/reject", verdictHandler(s.Reject))
	g.GET("/audit", func(c echo.Context) error {
		limit, err := intParam(c, "limit")
		if err != nil {
			return err
		}
		res, err := s.Audit(c.Request().Context(), AuditRequest{
			Feed: c.QueryParam("feed"), Target: c.QueryParam("target"), Actor: c.QueryParam("actor"),
			Cursor: c.QueryParam("cursor"), Limit: limit,
		})
		if err != nil {
			return httpError(err)
		}
		return c.JSON(http.StatusOK, auditAnswer{res, s.People(c.Request().Context(), res.People(), 0)})
	})
	g.POST("/lists/sync", func(c echo.Context) error {
		var req struct {
			Feed string `json:"feed"`
		}
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := s.SyncList(c.Request().Context(), feedgen.ActorFrom(c), req.Feed)
		return respond(c, res, err)
	})
	// The repo curation store: read everything back from the
	// publisher's repository now, and write local state there once.
	g.GET("/rebuild", func(c echo.Context) error {
		return c.JSON(http.StatusOK, s.Rebuilding())
	})
	g.POST("/rebuild", func(c echo.Context) error {
		res, err := s.Rebuild(c.Request().Context())
		return respond(c, res, err)
	})
	g.POST("/curation/export", func(c echo.Context) error {
		res, err := s.Export(c.Request().Context())
		return respond(c, res, err)
	})
	g.POST("/backfill", func(c echo.Context) error {
		var req struct {
			Author string `json:"author"`
		}
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := s.Backfill(c.Request().Context(), feedgen.ActorFrom(c), req.Author)
		return respond(c, res, err)
	})
	g.GET("/rules", func(c echo.Context) error {
		withText := false
		switch c.QueryParam("text") {
		case "", "0", "false":
		case "1", "true":
			withText = true
		default:
			return xrpc(http.StatusBadRequest, "InvalidRequest", "text must be 1 or 0")
		}
		res, err := s.Rules(c.Request().Context(), c.QueryParam("feed"), withText)
		return respond(c, res, err)
	})
	g.POST("/rules/diff", func(c echo.Context) error {
		var req RulesRequest
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := s.DiffRules(c.Request().Context(), req)
		return respond(c, res, err)
	}, feedgen.LargeBody(MaxRulesBody))
	g.POST("/rules", func(c echo.Context) error {
		var req RulesRequest
		if err := bind(c, &req); err != nil {
			return err
		}
		if req.Revert {
			return xrpc(http.StatusBadRequest, "InvalidRequest", "to revert, POST /admin/rules/revert")
		}
		res, err := s.ApplyRules(c.Request().Context(), feedgen.ActorFrom(c), req)
		return respond(c, res, err)
	}, feedgen.LargeBody(MaxRulesBody))
	g.POST("/rules/revert", func(c echo.Context) error {
		var req struct {
			Feed    string `json:"feed"`
			Note    string `json:"note"`
			Samples int    `json:"samples"`
		}
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := s.ApplyRules(c.Request().Context(), feedgen.ActorFrom(c), RulesRequest{Feed: req.Feed, Note: req.Note, Samples: req.Samples, Revert: true})
		return respond(c, res, err)
	})
	g.GET("/posts", func(c echo.Context) error {
		ps, err := s.Posts(c.Request().Context(), c.QueryParam("feed"), c.QueryParams()["uri"])
		if err != nil {
			return httpError(err)
		}
		var dids []syntax.DID
		for _, p := range ps {
			dids = append(dids, p.Author)
		}
		return c.JSON(http.StatusOK, map[string]any{"posts": nonNil(ps), "people": s.People(c.Request().Context(), dids, 0)})
	})
	g.GET("/people", func(c echo.Context) error {
		dids, err := ParseDIDs(c.QueryParams()["did"])
		if err != nil {
			return httpError(err)
		}
		var wait time.Duration
		if raw := c.QueryParam("wait"); raw != "" {
			if wait, err = time.ParseDuration(raw); err != nil || wait < 0 {
				return xrpc(http.StatusBadRequest, "InvalidRequest", "wait must be a duration such as 5s")
			}
			wait = min(wait, MaxPeopleWait)
		}
		return c.JSON(http.StatusOK, map[string]any{"people": s.People(c.Request().Context(), dids, wait)})
	})
}

// MaxPeopleWait bounds how long GET /people?wait= waits for profiles.
const MaxPeopleWait = 10 * time.Second

// Answers with "people" beside the result: who the authors it names are.
type (
	explainAnswer struct {
		*Explanation
		People map[syntax.DID]Person `json:"people"`
	}
	queueAnswer struct {
		*QueuePage
		People map[syntax.DID]Person `json:"people"`
	}
	auditAnswer struct {
		*AuditPage
		People map[syntax.DID]Person `json:"people"`
	}
)

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// respond answers with v as JSON, or with the error.
func respond(c echo.Context, v any, err error) error {
	if err != nil {
		return httpError(err)
	}
	return c.JSON(http.StatusOK, v)
}

func postHandler[T any](op func(ctx context.Context, actor string, req PostRequest) (T, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		var req PostRequest
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := op(c.Request().Context(), feedgen.ActorFrom(c), req)
		return respond(c, res, err)
	}
}

func verdictHandler(op func(ctx context.Context, actor string, req VerdictRequest) (*VerdictResult, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		var req VerdictRequest
		if err := bind(c, &req); err != nil {
			return err
		}
		res, err := op(c.Request().Context(), feedgen.ActorFrom(c), req)
		return respond(c, res, err)
	}
}

func xrpc(code int, name, msg string) *echo.HTTPError {
	return echo.NewHTTPError(code, feedgen.XRPCError{Error: name, Message: msg})
}

// httpError maps an operation's error to its HTTP answer. Only failures
// that are not the caller's (the store, a bug) become a 500.
func httpError(err error) error {
	if e, ok := AsError(err); ok {
		he := xrpc(e.Status(), e.Name, e.Message)
		if e.Err != nil {
			he = he.WithInternal(e.Err)
		}
		return he
	}
	return echo.NewHTTPError(http.StatusInternalServerError).WithInternal(err)
}

// bind decodes a JSON body strictly (feedgen.DecodeJSON): one object, no
// unknown fields, so a misspelt field is an error rather than silently
// ignored.
func bind(c echo.Context, v any) error {
	return feedgen.DecodeJSON(c.Request(), v, true)
}

func intParam(c echo.Context, name string) (int, error) {
	raw := c.QueryParam(name)
	if raw == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		return 0, xrpc(http.StatusBadRequest, "InvalidRequest", name+" must be a positive integer")
	}
	return n, nil
}
