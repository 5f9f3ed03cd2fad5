package indexer

import (
	"context"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// DryRun judges feed's kept records and review queue with dec as a
// re-judge would (Inbox.Rejudge), and writes nothing: it says what a
// change of rules would move. It reads in short read transactions of a
// batch each; what the re-judge would write is kept in memory instead,
// so that later records see the earlier ones' new places (a reply its
// thread's root, an author's hourly cap) as they will after the change.
// samples is how many moves of each kind to keep (DefaultRejudgeSamples
// when 0); nowUS is the time a post joining the queue would be queued at.
func DryRun(ctx context.Context, st *store.Store, dec FeedDecider, feed string, samples int, nowUS int64) (*model.RulesDiff, error) {
	if samples <= 0 {
		samples = DefaultRejudgeSamples
	}
	ov := &overlay{posts: map[syntax.ATURI]*model.Post{}, byAuthor: map[syntax.DID][]syntax.ATURI{}, queue: map[syntax.ATURI]*model.Queued{}}
	state := &model.Rejudge{Feed: feed, Phase: model.RejudgePosts}
	r := &rejudger{dec: dec, feed: feed, samples: samples, nowUS: nowUS, diff: &state.Diff}
	for state.Phase != model.RejudgeDone {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		err := st.View(func(tx *store.Tx) error {
			ov.Tx = tx
			return r.step(tx, ov, state, DefaultRejudgeBatch)
		})
		ov.Tx = nil
		if err != nil {
			return nil, err
		}
	}
	if state.Diff.Samples == nil {
		state.Diff.Samples = []model.RulesMove{}
	}
	return &state.Diff, nil
}

// overlay is a dry run's view: a read transaction with the records and
// queue entries the re-judge would have written so far laid over it.
type overlay struct {
	*store.Tx
	// posts are the records the re-judge would have written, as written.
	posts    map[syntax.ATURI]*model.Post
	byAuthor map[syntax.DID][]syntax.ATURI
	// queue are the feed's queue entries it would have written; nil for
	// one it would have taken off.
	queue map[syntax.ATURI]*model.Queued
}

// Post implements membership.State.
func (o *overlay) Post(uri syntax.ATURI) (*model.Post, error) {
	if p := o.posts[uri]; p != nil {
		return p, nil
	}
	return o.Tx.Post(uri)
}

// InFeed implements membership.State.
func (o *overlay) InFeed(feed string, uri syntax.ATURI) bool {
	if p := o.posts[uri]; p != nil {
		return !p.Hidden && p.InFeed(feed)
	}
	return o.Tx.InFeed(feed, uri)
}

// AuthorPostsInFeed implements membership.State: the stored count,
// corrected for the author's records the re-judge would have moved.
func (o *overlay) AuthorPostsInFeed(feed string, author syntax.DID, sinceUS int64) int {
	n := o.Tx.AuthorPostsInFeed(feed, author, sinceUS)
	for _, uri := range o.byAuthor[author] {
		p := o.posts[uri]
		if p.SortUS < sinceUS {
			continue
		}
		if o.Tx.InFeed(feed, uri) {
			n--
		}
		if !p.Hidden && p.InFeed(feed) {
			n++
		}
	}
	return n
}

func (o *overlay) Queued(feed string, uri syntax.ATURI) (*model.Queued, error) {
	if q, ok := o.queue[uri]; ok {
		return q, nil
	}
	return txTarget{o.Tx}.Queued(feed, uri)
}

func (o *overlay) Keep(p *model.Post) error {
	if o.Tx.Tombstoned(p.URI) {
		return store.ErrDeleted
	}
	cp := *p
	if old := o.posts[p.URI]; old == nil {
		if kept, err := o.Tx.Post(p.URI); err == nil {
			cp.SortUS, cp.Seq, cp.Hidden = kept.SortUS, kept.Seq, kept.Hidden
		} else {
			cp.SortUS = model.SortTime(p.CreatedUS, p.IndexedUS)
		}
		o.byAuthor[p.Author] = append(o.byAuthor[p.Author], p.URI)
	} else {
		cp.SortUS, cp.Seq, cp.Hidden = old.SortUS, old.Seq, old.Hidden
	}
	o.posts[p.URI] = &cp
	return nil
}

func (o *overlay) Enqueue(q *model.Queued, _ int) error {
	cp := *q
	o.queue[q.Post.URI] = &cp
	return nil
}

func (o *overlay) Dequeue(_ string, uri syntax.ATURI) error {
	o.queue[uri] = nil
	return nil
}
