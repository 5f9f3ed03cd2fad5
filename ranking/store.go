package ranking

import (
	"context"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/store"
)

// StoreEngagement reads the engagement counts the indexer keeps in the
// store (likes, reposts, replies and quotes of the posts it holds), in one
// read transaction for a whole window.
func StoreEngagement(st *store.Store) EngagementSource { return storeEngagement{st} }

type storeEngagement struct{ st *store.Store }

func (s storeEngagement) Engagement(ctx context.Context, uris []syntax.ATURI, out []Counts) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.st.View(func(tx *store.Tx) error {
		for i, u := range uris {
			e, _ := tx.Engagement(u)
			out[i] = Counts{Likes: int64(e.Likes), Reposts: int64(e.Reposts), Replies: int64(e.Replies), Quotes: int64(e.Quotes)}
		}
		return nil
	})
}
