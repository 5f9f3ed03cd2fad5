package stats

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// Routes mounts the figures on the admin group of the feed server, which
// has already checked the bearer token:
//
//	GET /stats?feed=&days=   a feed's figures (Report) as JSON; days 1..90, default 7
//
// An unknown feed or a bad days is a 400 with an XRPC error body.
func (r *Reporter) Routes(g *echo.Group) {
	g.GET("/stats", func(c echo.Context) error {
		days := 0
		if raw := c.QueryParam("days"); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil || n < 1 || n > MaxDays {
				return badRequest("days must be a whole number from 1 to " + strconv.Itoa(MaxDays))
			}
			days = n
		}
		rep, err := r.Report(c.Request().Context(), c.QueryParam("feed"), days)
		if errors.Is(err, ErrUnknownFeed) {
			return badRequest(err.Error())
		}
		if err != nil {
			return echo.NewHTTPError(http.StatusInternalServerError).WithInternal(err)
		}
		return c.JSON(http.StatusOK, rep)
	})
}

// badRequest is a 400 whose message the feed server's error handler writes
// as {"error": "InvalidRequest", "message": ...}.
func badRequest(msg string) error {
	return echo.NewHTTPError(http.StatusBadRequest, msg)
}
