package feedgen

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

// Limits of app.bsky.feed.getFeedSkeleton's limit parameter.
const (
	DefaultLimit = 50
	MaxLimit     = 100
)

// skeletonParams are the validated parameters of a getFeedSkeleton call.
type skeletonParams struct {
	feed   Feed
	limit  int
	cursor string
	// top is the parsed cursor of a feed served by rank.
	top ranking.Cursor
}

// one returns the single value of a query parameter. A parameter the
// lexicon declares as scalar but given twice is ambiguous, so it is an
// error rather than a guess.
func one(q url.Values, name string) (string, bool, error) {
	vs, ok := q[name]
	if !ok {
		return "", false, nil
	}
	if len(vs) > 1 {
		return "", true, xrpcError(http.StatusBadRequest, "InvalidRequest", name+" must be given once")
	}
	return vs[0], true, nil
}

func (s *Server) parseSkeletonParams(q url.Values) (skeletonParams, error) {
	p := skeletonParams{limit: DefaultLimit}
	raw, ok, err := one(q, "feed")
	if err != nil {
		return p, err
	}
	// A missing or malformed feed is a bad request, as the lexicon's
	// parameter validation makes it in the reference servers; UnknownFeed
	// is for a well-formed AT-URI of a feed this service does not offer.
	if !ok || raw == "" {
		return p, xrpcError(http.StatusBadRequest, "InvalidRequest", "feed is required: the AT-URI of a feed generator record")
	}
	// Our own feeds are matched exactly; only a miss is parsed, to say
	// what is wrong with it.
	feed, ok := s.feeds[syntax.ATURI(raw)]
	if !ok {
		if _, err := syntax.ParseATURI(raw); err != nil {
			return p, xrpcError(http.StatusBadRequest, "InvalidRequest", "feed is not an AT-URI")
		}
		return p, xrpcError(http.StatusBadRequest, "UnknownFeed", "this service does not offer "+raw)
	}
	p.feed = feed

	if raw, ok, err = one(q, "limit"); err != nil {
		return p, err
	} else if ok {
		n, err := strconv.Atoi(raw)
		if err != nil || raw[0] == '+' {
			return p, xrpcError(http.StatusBadRequest, "InvalidRequest", "limit must be an integer")
		}
		if n < 1 || n > MaxLimit {
			return p, xrpcError(http.StatusBadRequest, "InvalidRequest", "limit must be between 1 and 100")
		}
		p.limit = n
	}
	if p.cursor, _, err = one(q, "cursor"); err != nil {
		return p, err
	}
	if p.cursor != "" {
		if p.feed.Top {
			p.top, err = ranking.ParseCursor(p.cursor)
		} else {
			_, err = store.ParseFeedCursor(p.cursor)
		}
		if err != nil {
			return p, xrpcError(http.StatusBadRequest, "InvalidRequest", "malformed cursor")
		}
	}
	return p, nil
}

func (s *Server) getFeedSkeleton(c echo.Context) error {
	// URL.Query drops the pairs it cannot decode: a garbled cursor or
	// limit would be served as if absent (the first page again).
	q, err := url.ParseQuery(c.Request().URL.RawQuery)
	if err != nil {
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "malformed query string")
	}
	p, err := s.parseSkeletonParams(q)
	if err != nil {
		return err
	}
	if s.readers != nil {
		viewer, _ := auth.ViewerFrom(c)
		s.readers.Served(p.feed.ID, viewer)
	}
	req := store.PageRequest{Feed: p.feed.storeID(), Cursor: p.cursor, Limit: p.limit}
	shape := s.shapePage(c.Request().Header, p.feed, s.viewerPrefs(c, p.feed), &req)
	// A newest-first feed's first page that no viewer shaped is the same
	// for everyone: kept encoded until the feed or its pins change.
	// A feed by engagement's is kept with the snapshot it was read from.
	var (
		cacheable bool
		version   uint64
		pins      []string
		snap      *ranking.Snapshot
		snapID    int64
	)
	if p.cursor == "" && req.Skip == nil && !shape.shaped {
		cacheable = true
		if s.pins != nil {
			pins = s.pins.Pins(p.feed.storeID())
		}
		// The version is read before the feed: a commit in between
		// leaves the page kept under an old version, never served.
		version = s.store.FeedVersion(p.feed.storeID())
		if p.feed.Top {
			if snap, err = s.ranker.Current(c.Request().Context(), p.feed.ID); err != nil {
				return echo.NewHTTPError(http.StatusInternalServerError).WithInternal(err)
			}
			snapID = snap.ID
		}
		if pg := s.first.get(firstKey{p.feed.ID, p.limit}, version, snapID, pins); pg != nil {
			shape.finish(c.Response().Header(), nil)
			bp := bufPool.Get().(*[]byte)
			defer bufPool.Put(bp)
			*bp = append((*bp)[:0], pg.head...)
			return s.writeSkeleton(c, bp, pg.etag)
		}
	}
	pinned := s.pinned(p.feed.storeID(), p.cursor, &req)
	var items []store.Item
	next := topCursor
	if p.feed.Top {
		next = ranking.StartCursor
	}
	switch {
	case req.Limit == 0:
	case p.feed.Top:
		items, next, err = s.topPage(c.Request().Context(), p, req, snap)
	default:
		items, next, err = s.store.FeedPage(c.Request().Context(), req)
	}
	if errors.Is(err, store.ErrBadCursor) {
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "malformed cursor")
	}
	if err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError).WithInternal(err)
	}
	items = shape.finish(c.Response().Header(), items)
	fc := feedContext(p.feed)
	entries := make([]skeletonEntry, 0, len(pinned)+len(items))
	for _, u := range pinned {
		entries = append(entries, skeletonEntry{Post: u, Pin: true, FeedContext: fc})
	}
	for i := range items {
		entries = append(entries, skeletonEntry{Post: string(items[i].URI), Repost: string(items[i].Repost), FeedContext: fc})
	}
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	*bp = appendSkeletonHead((*bp)[:0], next, entries)
	etag := ""
	if cacheable {
		etag = s.first.put(firstKey{p.feed.ID, p.limit}, version, snapID, pins, *bp).etag
	}
	return s.writeSkeleton(c, bp, etag)
}

// writeSkeleton answers with the skeleton whose head is in buf, ending
// it with this response's request ID; with an entity tag, a request that
// already holds the page (If-None-Match) gets 304 and no body.
func (s *Server) writeSkeleton(c echo.Context, buf *[]byte, etag string) error {
	h := c.Response().Header()
	if etag != "" {
		h.Set(headerETag, etag)
		if notModified(c.Request(), etag) {
			return c.NoContent(http.StatusNotModified)
		}
	}
	*buf = appendSkeletonTail(*buf, s.reqIDs.next())
	// With its length known the body is not sent chunked.
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(*buf)))
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, *buf)
}
