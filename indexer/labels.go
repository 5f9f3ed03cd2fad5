package indexer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Moderator decides again which feeds a kept record's moderation labels
// hold it out of: membership.Decider. It only moves memberships between
// the record's Feeds and Held; the relevance decision stands.
type Moderator interface {
	Moderate(st membership.State, p *model.Post) (bool, error)
}

// expireBatch bounds the labels one sweep expires in a transaction.
const expireBatch = 1000

// applyLabels keeps or forgets the labels of one frame, inside the
// writer's transaction, and notes the subjects whose records must be
// decided again. A label about a record we do not keep, or an account we
// do not know, is dropped: it could change nothing we serve, and keeping
// the whole network's labels would grow the database without end. A
// negation, or a label that has expired already, forgets the label.
func applyLabels(tx *store.Tx, m *labelMsg, nowUS int64, touched map[string]bool, t *Tally) (applied int, err error) {
	src := m.src.did.String()
	for i := range m.labels {
		l := &m.labels[i]
		if !labelTargetKept(tx, l) {
			t.label(src, ReasonLabelNotHeld)
			continue
		}
		if l.Neg || !l.ActiveAt(nowUS) {
			gone, err := tx.DeleteLabel(l.URI, l.Src, l.Val)
			if err != nil {
				return applied, fmt.Errorf("forget label %s on %s: %w", l.Val, l.URI, err)
			}
			outcome := labelNegated
			if !l.Neg {
				outcome = labelExpired
			}
			t.label(src, outcome)
			if gone {
				touched[l.URI] = true
			}
			applied++
			continue
		}
		if err := tx.PutLabel(l); err != nil {
			return applied, fmt.Errorf("keep label %s on %s: %w", l.Val, l.URI, err)
		}
		t.label(src, labelApplied)
		touched[l.URI] = true
		applied++
	}
	return applied, nil
}

// labelTargetKept reports whether a label's subject is one we keep: a
// record in the store (in a feed or held out of one), or an account with
// a kept record or listed in a feed.
func labelTargetKept(tx *store.Tx, l *model.Label) bool {
	if did, ok := l.Account(); ok {
		return tx.KnownAuthor(did)
	}
	_, err := tx.Post(syntax.ATURI(l.URI))
	return err == nil
}

// remoderate decides again, through the Moderator, every kept record the
// labels of subjects bear on: a record and the reposts of it, or every
// record of an account and the reposts of its posts. Each record is
// written back only if its memberships moved.
func remoderate(tx *store.Tx, mod Moderator, subjects map[string]bool, t *Tally) error {
	if mod == nil || len(subjects) == 0 {
		return nil
	}
	done := map[syntax.ATURI]bool{}
	var visit func(uri syntax.ATURI) error
	visit = func(uri syntax.ATURI) error {
		if done[uri] {
			return nil
		}
		done[uri] = true
		p, err := tx.Post(uri)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := moderateRecord(tx, mod, p, t); err != nil {
			return err
		}
		if p.Subject != "" {
			return nil
		}
		for _, r := range tx.Reposts(uri) {
			if err := visit(r); err != nil {
				return err
			}
		}
		return nil
	}
	for s := range subjects {
		var uris []syntax.ATURI
		if strings.HasPrefix(s, "did:") {
			uris = tx.AuthorRecords(syntax.DID(s), 0)
		} else {
			uris = []syntax.ATURI{syntax.ATURI(s)}
		}
		for _, uri := range uris {
			if err := visit(uri); err != nil {
				return fmt.Errorf("moderate %s: %w", uri, err)
			}
		}
	}
	return nil
}

// moderateRecord writes p back if its labels moved it into or out of a
// feed.
func moderateRecord(tx *store.Tx, mod Moderator, p *model.Post, t *Tally) error {
	was := make(map[string]bool, len(p.Feeds))
	for _, m := range p.Feeds {
		was[m.Feed] = true
	}
	changed, err := mod.Moderate(tx, p)
	if err != nil || !changed {
		return err
	}
	put := tx.PutPost
	if p.Subject != "" {
		put = tx.PutRepost
	}
	if err := put(p); err != nil {
		return err
	}
	for _, m := range p.Feeds {
		if !was[m.Feed] {
			t.added(m.Feed)
		}
		delete(was, m.Feed)
	}
	if len(was) > 0 {
		t.removed(causeLabel)
	}
	return nil
}

// expireLabels forgets the labels that expired by nowUS and decides again
// what they held.
func expireLabels(tx *store.Tx, mod Moderator, nowUS int64, t *Tally) error {
	ls, err := tx.ExpiredLabels(nowUS, expireBatch)
	if err != nil {
		return err
	}
	touched := make(map[string]bool, len(ls))
	for i := range ls {
		touched[ls[i].URI] = true
		t.label(ls[i].Src.String(), labelExpired)
	}
	return remoderate(tx, mod, touched, t)
}

// reconcile decides again every record a label bears on or holds out, at
// start: the labelers or the feeds' policies may have changed while we
// were stopped (a labeler no longer followed must not hold anything out).
func reconcile(tx *store.Tx, mod Moderator, t *Tally) error {
	subjects := map[string]bool{}
	for _, s := range tx.LabelSubjects() {
		subjects[s] = true
	}
	for _, uri := range tx.HeldRecords() {
		subjects[uri.String()] = true
	}
	return remoderate(tx, mod, subjects, t)
}
