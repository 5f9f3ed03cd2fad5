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
	if !ok || raw == "" {
		return p, xrpcError(http.StatusBadRequest, "UnknownFeed", "feed is required: the AT-URI of a feed generator record")
	}
	// Our own feeds are matched exactly; only a miss is parsed, to say
	// what is wrong with it.
	feed, ok := s.feeds[syntax.ATURI(raw)]
	if !ok {
		if _, err := syntax.ParseATURI(raw); err != nil {
			return p, xrpcError(http.StatusBadRequest, "UnknownFeed", "feed is not an AT-URI")
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
	p, err := s.parseSkeletonParams(c.Request().URL.Query())
	if err != nil {
		return err
	}
	if s.readers != nil {
		viewer, _ := auth.ViewerFrom(c)
		s.readers.Served(p.feed.ID, viewer)
	}
	req := store.PageRequest{Feed: p.feed.storeID(), Cursor: p.cursor, Limit: p.limit}
	shape := s.shapePage(c.Request().Header, p.feed, s.viewerPrefs(c, p.feed), &req)
	pinned := s.pinned(p.feed.storeID(), p.cursor, &req)
	var items []store.Item
	next := topCursor
	if p.feed.Top {
		next = ranking.StartCursor
	}
	switch {
	case req.Limit == 0:
	case p.feed.Top:
		items, next, err = s.topPage(c.Request().Context(), p, req)
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
	*bp = appendSkeleton((*bp)[:0], next, entries, s.reqIDs.next())
	err = c.Blob(http.StatusOK, echo.MIMEApplicationJSON, *bp)
	bufPool.Put(bp)
	return err
}
