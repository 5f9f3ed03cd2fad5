package feedgen

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"

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
	uri, err := syntax.ParseATURI(raw)
	if err != nil {
		return p, xrpcError(http.StatusBadRequest, "UnknownFeed", "feed is not an AT-URI")
	}
	feed, ok := s.feeds[uri]
	if !ok {
		return p, xrpcError(http.StatusBadRequest, "UnknownFeed", "this service does not offer "+uri.String())
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
		if _, _, err := store.ParseCursor(p.cursor); err != nil {
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
	items, next, err := s.store.FeedPage(store.PageRequest{Feed: p.feed.ID, Cursor: p.cursor, Limit: p.limit})
	if errors.Is(err, store.ErrBadCursor) {
		return xrpcError(http.StatusBadRequest, "InvalidRequest", "malformed cursor")
	}
	if err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError).WithInternal(err)
	}
	out := bsky.FeedGetFeedSkeleton_Output{Feed: make([]*bsky.FeedDefs_SkeletonFeedPost, 0, len(items))}
	for i := range items {
		out.Feed = append(out.Feed, skeletonItem(&items[i]))
	}
	if next != "" {
		out.Cursor = &next
	}
	return c.JSON(http.StatusOK, &out)
}

func skeletonItem(it *store.Item) *bsky.FeedDefs_SkeletonFeedPost {
	sp := &bsky.FeedDefs_SkeletonFeedPost{Post: it.URI.String()}
	if it.Repost != "" {
		sp.Reason = &bsky.FeedDefs_SkeletonFeedPost_Reason{
			FeedDefs_SkeletonReasonRepost: &bsky.FeedDefs_SkeletonReasonRepost{Repost: it.Repost.String()},
		}
	}
	return sp
}
