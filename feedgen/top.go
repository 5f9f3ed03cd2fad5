package feedgen

import (
	"context"

	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

// topPage reads one page of a feed served by rank: the entries of a
// ranking snapshot from where the cursor continues (see ranking.Ranker's
// Resume), dropping what req.Skip drops (pins, what the viewer asked less
// of, languages they do not read) and what has left the feed since the
// snapshot was built, until req.Limit items or a scan of req.MaxScan
// entries (50 times the limit). The cursor names the snapshot and the last
// entry looked at, as a newest-first page's names its last key.
// A first page is read from first, the snapshot the caller looked up.
func (s *Server) topPage(ctx context.Context, p skeletonParams, req store.PageRequest, first *ranking.Snapshot) ([]store.Item, string, error) {
	snap := first
	start := 0
	var err error
	if p.cursor == "" {
		if snap == nil {
			snap, err = s.ranker.Current(ctx, p.feed.ID)
		}
	} else {
		snap, start, err = s.ranker.Resume(ctx, p.feed.ID, p.top)
	}
	if err != nil {
		return nil, "", err
	}
	maxScan := req.MaxScan
	if maxScan <= 0 {
		maxScan = 50 * req.Limit
	}
	items := make([]store.Item, 0, req.Limit)
	next := ""
	err = s.store.InFeedNow(req.Feed, snap.Mark.Removals, func(has func(int64, uint64) bool) {
		scanned, last := 0, -1
		for i := start; i < len(snap.Entries); i++ {
			if len(items) == req.Limit || scanned == maxScan {
				next = snap.CursorAfter(last)
				return
			}
			scanned++
			last = i
			// Skip reads the snapshot's own item: a copy would escape
			// to the heap, one allocation an entry.
			it := &snap.Entries[i].Item
			if req.Skip != nil && req.Skip(it) {
				continue
			}
			if !has(it.SortUS, it.Tie) {
				continue
			}
			items = append(items, *it)
		}
	})
	return items, next, err
}
