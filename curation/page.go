package curation

import (
	"embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// PagePath is where the curators' web page is served.
const PagePath = "/curate"

//go:embed web
var webFS embed.FS

// pageCSP allows only this server's own script, style and API: post text
// is written by strangers, and even if some of it slipped past the page's
// escaping, no inline script or foreign origin would run or be reached.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

// PageRoutes serves the curators' web page on e (outside the admin group:
// the page itself holds no data; it asks for the token and sends it to the
// admin API, keeping it in the tab's sessionStorage). The assets are
// embedded in the binary; nothing is loaded from elsewhere.
func (s *Service) PageRoutes(e *echo.Echo) {
	e.GET(PagePath, asset("web/index.html", "text/html; charset=utf-8"))
	e.GET(PagePath+"/", func(c echo.Context) error {
		return c.Redirect(http.StatusMovedPermanently, PagePath)
	})
	e.GET(PagePath+"/app.js", asset("web/app.js", "text/javascript; charset=utf-8"))
	e.GET(PagePath+"/charts.js", asset("web/charts.js", "text/javascript; charset=utf-8"))
	e.GET(PagePath+"/rules.js", asset("web/rules.js", "text/javascript; charset=utf-8"))
	e.GET(PagePath+"/app.css", asset("web/app.css", "text/css; charset=utf-8"))
}

func asset(name, contentType string) echo.HandlerFunc {
	body, err := webFS.ReadFile(name)
	if err != nil {
		panic("curation: missing embedded asset " + name)
	}
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		return c.Blob(http.StatusOK, contentType, body)
	}
}
