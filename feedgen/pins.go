package feedgen

import (
	"math"
	"slices"

	"github.com/scpeace/feedgen/store"
)

// Pinner gives the pinned post URIs of a feed, in the order to serve
// them. It is called for every first page, so it must answer from memory;
// the returned slice is not modified.
type Pinner interface {
	Pins(feed string) []string
}

// topCursor ends a first page that pins filled: the position above every
// item, so the next page starts at the newest.
var topCursor = (&store.Item{SortUS: math.MaxInt64, Tie: math.MaxUint64}).Cursor()

// pinned returns the pins that lead this page: the feed's pins on the
// first page, as many as the limit holds, and none later. Pins count
// toward the limit, and the scan skips them on every page (besides what
// it skipped already), so no pinned post shows twice. Pins are the
// curators' choice: neither a viewer's hidden posts nor their languages
// filter them.
func (s *Server) pinned(feed, cursor string, req *store.PageRequest) []string {
	if s.pins == nil {
		return nil
	}
	pins := s.pins.Pins(feed)
	if len(pins) == 0 {
		return nil
	}
	if prev := req.Skip; prev != nil {
		req.Skip = func(it *store.Item) bool { return slices.Contains(pins, string(it.URI)) || prev(it) }
	} else {
		req.Skip = func(it *store.Item) bool { return slices.Contains(pins, string(it.URI)) }
	}
	if cursor != "" {
		return nil
	}
	n := min(len(pins), req.Limit)
	req.Limit -= n
	return pins[:n]
}
