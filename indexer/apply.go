package indexer

import (
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

// Decider decides which feeds a post or repost belongs in:
// membership.Decider, the one place that does. The interface is here so
// that a benchmark can measure the indexer without the relevance rules.
//
// Decide is called inside the write transaction, so reads through st
// (thread roots, an author's recent posts for a cap) see the earlier
// events of the same batch. An edit is decided again, and so is a post
// replayed after a reconnect: a cap must not count the post itself.
// Returning an error stops the indexer, so return one only for storage
// failures.
type Decider interface {
	Decide(st membership.State, r membership.Record) (membership.Outcome, error)
	// Expert reports whether did is an expert in some feed: only
	// experts' likes, reposts and follows are kept as signals.
	Expert(st membership.State, did syntax.DID) (bool, error)
	// Community returns the feeds in which did is a community author;
	// when an expert's follow changes it, did's posts are decided again.
	Community(st membership.State, did syntax.DID) ([]string, error)
}

// RecordHandler receives commits to collections other than posts and
// reposts (list items, for curation) inside the write transaction.
type RecordHandler interface {
	HandleRecord(tx *store.Tx, ev *Event) error
}

// Reasons an event that decoded fine is still not acted on. They count in
// the dropped-events metric beside the decoding reasons.
const (
	ReasonTooOld     = "too_old"
	ReasonTombstoned = "tombstoned"
	ReasonTooBig     = "too_big_commit"
)

// Step is what Apply needs besides the events: who decides, who takes the
// other records, and how old a new record may be.
type Step struct {
	Decider Decider
	// Records, if set, receives list-item and other non-post commits.
	Records RecordHandler
	// MinSortUS is the retention cutoff: a record we do not have whose
	// sort time is earlier would be pruned at once, so it is not let in.
	MinSortUS int64
}

// Apply is the one apply step: every network event that changes what we
// keep, from the stream or from a curator's backfill, goes through it,
// inside the caller's write transaction. Posts and reposts are decided by
// step.Decider and the outcome written (the record in its feeds, the
// review queue); deletes take records (and the reposts of a post) out and
// leave tombstones; likes, reposts, replies and quotes of the posts we hold
// are counted, and experts' likes, reposts and follows kept as their
// signals, a change of which decides its post (or its followed author's
// posts) again (interactions.go); account status changes hide and show an
// author's records; other records go to step.Records. Every change is idempotent:
// a replayed event leaves the store as it was. What Apply did is added to
// t, to be published once tx commits.
func Apply(tx *store.Tx, batch []Event, step Step, t *Tally) error {
	for i := range batch {
		if err := step.apply(tx, &batch[i], t); err != nil {
			return err
		}
	}
	return nil
}

func (s *Step) apply(tx *store.Tx, ev *Event, t *Tally) error {
	t.event(ev)
	switch ev.Kind {
	case KindCommit:
		switch ev.Commit.Collection.String() {
		case CollectionPost, CollectionRepost:
			if err := s.applyRecord(tx, ev, t); err != nil {
				return err
			}
			return s.applyEngagement(tx, ev, t)
		case CollectionLike, CollectionFollow:
			return s.applyInteraction(tx, ev, t)
		}
		if s.Records != nil {
			if err := s.Records.HandleRecord(tx, ev); err != nil {
				return fmt.Errorf("record handler: %w", err)
			}
		}
	case KindAccount:
		return applyAccount(tx, ev, t)
	}
	// Identity events: a handle change does not touch what we store.
	return nil
}

// applyRecord decides and writes a created, edited or deleted post or
// repost. An edit of a record we do not have is decided afresh, like a
// create.
func (s *Step) applyRecord(tx *store.Tx, ev *Event, t *Tally) error {
	c := ev.Commit
	if c.Op == OpDelete {
		return deleteRecord(tx, ev.URI(), ev.TimeUS, t)
	}
	if c.Post == nil && c.Repost == nil {
		t.drop(ReasonMissingRecord)
		return nil
	}
	return s.decideEvent(tx, ev, t, causeEdit)
}

// applyEngagement counts what a post or repost does to the posts we hold
// (a reply, a quote, a repost; an expert's repost is also an endorsement),
// or undoes it when the record is deleted.
func (s *Step) applyEngagement(tx *store.Tx, ev *Event, t *Tally) error {
	c := ev.Commit
	switch {
	case c.Op == OpDelete:
		return s.undoInteractions(tx, ev.URI(), t)
	case c.Repost != nil && c.Subject != "" && c.Op == OpCreate && !tx.Tombstoned(ev.URI()):
		return s.keepSubject(tx, ev, store.InteractionRepost, t)
	case c.Post != nil:
		return s.countPost(tx, ev, t)
	}
	return nil
}

// decideEvent decides the post or repost an event creates or edits and
// writes the outcome, keeping what the event carries of it.
func (s *Step) decideEvent(tx *store.Tx, ev *Event, t *Tally, cause string) error {
	r := ev.Record()
	return s.decideRecord(tx, r, func() *model.Post { return keptRecord(ev, r.URI) }, t, cause)
}

// decideRecord decides a post or repost being created or edited (or
// decided again, after its signals changed) and writes the outcome; kept
// makes the record to store, without feeds. A record that leaves every
// feed is counted as removed for cause.
func (s *Step) decideRecord(tx *store.Tx, r membership.Record, kept func() *model.Post, t *Tally, cause string) error {
	uri := r.URI
	if tx.Tombstoned(uri) {
		t.drop(ReasonTombstoned)
		return nil
	}
	old, err := tx.Post(uri)
	switch {
	case errors.Is(err, store.ErrNotFound):
		old = nil
	case err != nil:
		return err
	}
	if old == nil && model.SortTime(r.CreatedUS, r.TimeUS) < s.MinSortUS {
		// Retention would prune it at once: do not let it in.
		t.drop(ReasonTooOld)
		return nil
	}
	out, err := s.Decider.Decide(tx, r)
	if err != nil {
		return fmt.Errorf("decide %s: %w", uri, err)
	}
	if err := writeQueue(tx, r, kept, &out, t); err != nil {
		return fmt.Errorf("review queue of %s: %w", uri, err)
	}
	if len(out.Feeds) == 0 && len(out.Held) == 0 && old == nil {
		return nil
	}
	// The rest of the record is filled in only for the few that are kept.
	p := kept()
	p.Feeds, p.Held = out.Feeds, out.Held
	put := tx.PutPost
	if p.Subject != "" {
		put = tx.PutRepost
	}
	if err := put(p); err != nil {
		if errors.Is(err, store.ErrDeleted) {
			t.drop(ReasonTombstoned)
			return nil
		}
		return fmt.Errorf("put %s: %w", uri, err)
	}
	for _, f := range out.Feeds {
		if old == nil || !old.InFeed(f.Feed) {
			t.added(f.Feed)
			for _, m := range stats.Entered(f, p.Langs, p.Subject != "") {
				t.figure(f.Feed, m)
			}
		}
	}
	if old != nil && len(old.Feeds) > 0 && len(out.Feeds) == 0 {
		t.removed(cause)
	}
	return nil
}

// writeQueue carries out what a decision asks of the review queues.
func writeQueue(tx *store.Tx, r membership.Record, kept func() *model.Post, out *membership.Outcome, t *Tally) error {
	uri := r.URI
	for _, feed := range out.Unqueue {
		ok, err := tx.DeleteQueued(feed, uri)
		if err != nil {
			return err
		}
		if ok {
			why := stats.OutGone
			if slices.ContainsFunc(out.Feeds, func(m model.Membership) bool { return m.Feed == feed }) {
				why = stats.OutAdmitted
			}
			t.figure(feed, stats.MetricUnqueuedPrefix+why)
		}
	}
	if len(out.Queue) == 0 {
		return nil
	}
	p := kept()
	for _, m := range out.Queue {
		q := &model.Queued{Feed: m.Feed, Post: *p, Score: m.Score, Reasons: m.Reasons, QueuedUS: r.TimeUS}
		n := tx.QueueLen(m.Feed)
		if err := tx.PutQueued(q); err != nil {
			return err
		}
		if tx.QueueLen(m.Feed) > n {
			t.figure(m.Feed, stats.MetricQueued)
		}
		trimmed, err := tx.TrimQueue(m.Feed, out.QueueMax)
		if err != nil {
			return err
		}
		for range trimmed {
			t.figure(m.Feed, stats.MetricUnqueuedPrefix+stats.OutOverflow)
		}
	}
	return nil
}

// deleteRecord takes a deleted record out of every feed and queue. Only a
// record we keep, or one waiting in a review queue, leaves a tombstone, so
// that neither a replayed create nor a curator's approval brings it back;
// deletes of the rest of the network's posts cost nothing. A deleted post
// takes the reposts that brought it into a feed along.
func deleteRecord(tx *store.Tx, uri syntax.ATURI, atUS int64, t *Tally) error {
	removed, reposts, err := tx.DeletePostAndReposts(uri, atUS)
	if err != nil {
		return fmt.Errorf("delete %s: %w", uri, err)
	}
	if removed {
		t.removed(causeDelete)
	}
	for range reposts {
		t.removed(causeSubjectDeleted)
	}
	feeds, err := tx.QueueFeeds()
	if err != nil {
		return fmt.Errorf("delete %s from review queues: %w", uri, err)
	}
	queued := false
	for _, feed := range feeds {
		ok, err := tx.DeleteQueued(feed, uri)
		if err != nil {
			return fmt.Errorf("delete %s from review queues: %w", uri, err)
		}
		if ok {
			t.figure(feed, stats.MetricUnqueuedPrefix+stats.OutGone)
		}
		queued = queued || ok
	}
	if queued && !removed && atUS > 0 {
		return tx.PutTombstone(uri, atUS)
	}
	return nil
}

// applyAccount hides an inactive account's records and shows them again
// when it is back; a deleted account's records go for good. The status of
// accounts we keep nothing from is not recorded: that would grow the
// database by every deactivation on the network, and an inactive account
// publishes nothing we could receive.
func applyAccount(tx *store.Tx, ev *Event, t *Tally) error {
	a := ev.Account
	if !a.Active && !tx.HasAuthorRecords(ev.DID) && tx.AccountStatus(ev.DID) == "" {
		return nil
	}
	if !a.Active {
		t.removed(causeAccount)
	}
	if err := tx.SetAccountActive(ev.DID, a.Active, a.Status); err != nil {
		return fmt.Errorf("account %s: %w", ev.DID, err)
	}
	return nil
}

// Causes of removal, labelling the posts-removed metric.
const (
	causeDelete  = "delete"
	causeEdit    = "edit"
	causeAccount = "account"
	// causeSubjectDeleted is a repost removed with the post it reposted.
	causeSubjectDeleted = "subject_deleted"
	// causeLabel is a record a moderation label took out of a feed (it
	// is kept, held out).
	causeLabel = "label"
)

// Tally counts what Apply did, to be published as metrics once the
// transaction commits, so that a rolled-back batch that is retried is not
// counted twice. The zero value is ready to use.
type Tally struct {
	kinds   [4][4]float64
	drops   map[string]float64
	adds    map[string]float64
	removes map[string]float64
	// inter counts the interactions kept and undone, by kind and change.
	inter [store.InteractionFollow + 1][numChanges]float64
	// figures are the daily counters (package stats) the batch adds to,
	// by feed and metric: written in the batch's own transaction.
	figures map[[2]string]uint64
	// labels counts labels by labeler and outcome.
	labels map[[2]string]float64
}

// Changes of a kept interaction, labelling the interactions metric.
const (
	changeCounted = iota
	changeUncounted
	changeSignal
	changeWithdrawn
	numChanges
)

var changeNames = [numChanges]string{"counted", "uncounted", "signal", "withdrawn"}

// Interactions is how many interactions of kind were counted (or, with
// signal, kept as an expert's signal) in the batch, less those undone.
func (t *Tally) Interactions(kind store.Interaction, signal bool) float64 {
	if signal {
		return t.inter[kind][changeSignal] - t.inter[kind][changeWithdrawn]
	}
	return t.inter[kind][changeCounted] - t.inter[kind][changeUncounted]
}

func (t *Tally) interaction(kind store.Interaction, counted, signal bool, delta int) {
	if int(kind) >= len(t.inter) {
		return
	}
	if counted {
		t.inter[kind][changeCounted+b2i(delta < 0)]++
	}
	if signal {
		t.inter[kind][changeSignal+b2i(delta < 0)]++
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Figure is what the batch added to feed's daily counter metric.
func (t *Tally) Figure(feed, metric string) uint64 { return t.figures[[2]string{feed, metric}] }

func (t *Tally) figure(feed, metric string) {
	if t.figures == nil {
		t.figures = map[[2]string]uint64{}
	}
	t.figures[[2]string{feed, metric}]++
}

// writeFigures adds the batch's figures to day's counters, in the batch's
// transaction, so that they count exactly what it committed.
func (t *Tally) writeFigures(tx *store.Tx, day store.Day) error {
	for k, n := range t.figures {
		if err := tx.AddDaily(k[0], day, k[1], n); err != nil {
			return fmt.Errorf("figures: %w", err)
		}
	}
	return nil
}

// Dropped is how many events were dropped for reason.
func (t *Tally) Dropped(reason string) float64 { return t.drops[reason] }

// Added is how many records entered feed.
func (t *Tally) Added(feed string) float64 { return t.adds[feed] }

// Removed is how many records left the store for cause.
func (t *Tally) Removed(cause string) float64 { return t.removes[cause] }

func (t *Tally) reset() {
	t.kinds = [4][4]float64{}
	t.inter = [len(t.inter)][numChanges]float64{}
	clear(t.drops)
	clear(t.adds)
	clear(t.removes)
	clear(t.figures)
	clear(t.labels)
}

func (t *Tally) event(ev *Event) {
	var op Op
	if ev.Kind == KindCommit {
		op = ev.Commit.Op
	}
	if int(ev.Kind) < len(t.kinds) && int(op) < len(t.kinds[0]) {
		t.kinds[ev.Kind][op]++
	}
}

func count(m *map[string]float64, k string) {
	if *m == nil {
		*m = map[string]float64{}
	}
	(*m)[k]++
}

func (t *Tally) drop(reason string)   { count(&t.drops, reason) }
func (t *Tally) added(feed string)    { count(&t.adds, feed) }
func (t *Tally) removed(cause string) { count(&t.removes, cause) }

func (t *Tally) label(src, outcome string) {
	if t.labels == nil {
		t.labels = map[[2]string]float64{}
	}
	t.labels[[2]string{src, outcome}]++
}

// Labels is how many labels of labeler src had outcome (applied,
// negated, expired, not_held).
func (t *Tally) Labels(src, outcome string) float64 { return t.labels[[2]string{src, outcome}] }
