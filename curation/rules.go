package curation

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// Rejudger has the indexer's one writer judge a feed's kept records and
// review queue again, a batch at a time, after its rules changed.
// indexer.Inbox is one.
type Rejudger interface {
	Rejudge(ctx context.Context, job *indexer.RejudgeJob) error
}

// Actors of rules changes that no curator makes.
const (
	// ActorSighup reloads the definitions' rules on SIGHUP.
	ActorSighup = "sighup"
	// ActorResume finishes a re-judge a restart cut short.
	ActorResume = "resume"
)

// MaxRulesBytes bounds an uploaded rules text. The built-in rules are
// about 1080 KiB, a third of it comments (names and topic words in 21
// languages, much of it in scripts of two or three bytes a letter); the
// bound leaves them room to grow (768 KiB until issue 11's twenty-first
// round, 896 KiB until its twenty-fourth, 960 KiB until its thirty-first)
// and keeps a parse (about 79 MB for the built-in rules, under 100 MB at
// the bound) inside a small machine's memory.
const MaxRulesBytes = 1280 << 10

// MaxRulesBody bounds the body of a rules upload or dry run: the text as
// JSON, where every line break is escaped to two bytes, and the request's
// other fields. Only the rules routes take more than feedgen.MaxBody
// (TestBuiltinRulesFitAnUpload).
const MaxRulesBody = 2*MaxRulesBytes + 64<<10

// feedRules is what the service knows of one feed's rules. The decider
// holds the parsed rules it applies; this says where they came from.
type feedRules struct {
	// def are the rules the feed definition names, as last loaded (at
	// startup, or by SIGHUP), with their reference and text.
	def     *relevance.Rules
	defRef  string
	defText string
	// upload is the curators' version, which wins while it is set.
	upload *model.RulesVersion
	// uploadErr says why a stored upload could not be applied (it does
	// not parse with this binary): the definition's rules apply.
	uploadErr string
}

// active names the rules the feed applies.
func (r feedRules) active() model.RulesRef {
	if r.upload != nil {
		return model.RulesRef{Source: model.RulesUpload, Version: r.upload.Version, Hash: r.upload.Hash}
	}
	return r.definition()
}

func (r feedRules) definition() model.RulesRef {
	return model.RulesRef{Source: model.RulesDefinition, Ref: r.defRef, Hash: r.def.Hash}
}

// loadRules records each feed's definition rules (what the decider was
// built with) and applies the uploaded versions the store holds. It runs
// in New, before the indexer decides anything.
func (s *Service) loadRules() error {
	s.rules = map[string]*feedRules{}
	for _, f := range s.feeds {
		def := s.decider.Rules(f.ID)
		fr := &feedRules{def: def, defRef: f.Rules, defText: f.RulesText}
		if fr.defRef == "" {
			fr.defRef = def.Name
		}
		s.rules[f.ID] = fr
		var v *model.RulesVersion
		err := s.store.View(func(tx *store.Tx) error {
			var err error
			v, err = tx.RulesVersion(f.ID)
			return err
		})
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return fmt.Errorf("load rules of %s: %w", f.ID, err)
		}
		rules, err := parseRules(fmt.Sprintf("uploaded rules v%d", v.Version), v.Text)
		if err != nil {
			// A newer binary may read rules differently: serve with the
			// definition's rules, say so loudly, and keep the upload for
			// a curator to fix or revert.
			fr.uploadErr = err.Error()
			s.log.Error("uploaded rules do not parse; the feed uses its definition's rules", "feed", f.ID, "version", v.Version, "err", err)
			continue
		}
		if err := s.decider.SetRules(f.ID, relevance.New(rules)); err != nil {
			return err
		}
		fr.upload = v
	}
	return nil
}

func parseRules(name, text string) (*relevance.Rules, error) {
	if len(text) > MaxRulesBytes {
		return nil, invalid("InvalidRules", fmt.Sprintf("the rules text is %d bytes; at most %d", len(text), MaxRulesBytes))
	}
	if strings.TrimSpace(text) == "" {
		return nil, invalid("InvalidRules", "the rules text is empty")
	}
	rules, err := relevance.ParseRules(name, strings.NewReader(text))
	if err != nil {
		return nil, invalid("InvalidRules", err.Error())
	}
	return rules, nil
}

// feedRulesOf returns a copy of what the service knows of feed's rules.
func (s *Service) feedRulesOf(feed string) feedRules {
	s.rulesStateMu.RLock()
	defer s.rulesStateMu.RUnlock()
	return *s.rules[feed]
}

// RulesView is a feed's rules as curators see them.
type RulesView struct {
	Feed string `json:"feed"`
	// Active are the rules the feed applies: the uploaded version while
	// there is one, else the definition's.
	Active model.RulesRef `json:"active"`
	// Definition are the rules the feed definition names, as last loaded.
	Definition model.RulesRef `json:"definition"`
	// Upload is the uploaded version, without its text.
	Upload *model.RulesVersion `json:"upload,omitempty"`
	// UploadError says why the stored upload is not applied.
	UploadError string `json:"uploadError,omitempty"`
	// In, Review and Expert are the active rules' thresholds.
	In     float64 `json:"in"`
	Review float64 `json:"review"`
	Expert float64 `json:"expert"`
	// Rejudge is the last re-judge after a change: how far it got, and
	// what it moved.
	Rejudge *model.Rejudge `json:"rejudge,omitempty"`
	// Text is the active rules' text, when asked for.
	Text string `json:"text,omitempty"`
}

// Rules describes feed's rules: which apply, where they come from, and
// the last re-judge. withText adds the active rules' text.
func (s *Service) Rules(ctx context.Context, feedID string, withText bool) (*RulesView, error) {
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	fr := s.feedRulesOf(f.ID)
	st := s.decider.Rules(f.ID).Settings
	v := &RulesView{Feed: f.ID, Active: fr.active(), Definition: fr.definition(), UploadError: fr.uploadErr,
		In: st.In, Review: st.Review, Expert: st.Expert}
	if fr.upload != nil {
		u := *fr.upload
		u.Text = ""
		v.Upload = &u
		if withText {
			v.Text = fr.upload.Text
		}
	} else if withText {
		v.Text = fr.defText
	}
	err = s.store.View(func(tx *store.Tx) error {
		r, err := tx.Rejudge(f.ID)
		if err == nil {
			v.Rejudge = r
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		return nil
	})
	return v, err
}

// rulesLabel names a feed's active rules in one phrase, for explain and
// logs.
func rulesLabel(r model.RulesRef) string {
	h := r.Hash
	if len(h) > 12 {
		h = h[:12]
	}
	if r.Source == model.RulesUpload {
		return fmt.Sprintf("uploaded version %d (%s)", r.Version, h)
	}
	return fmt.Sprintf("%s (%s)", r.Ref, h)
}

// RulesRequest asks for a change of a feed's rules, or a dry run of one:
// a new rules text, or (Revert) back to the definition's rules.
type RulesRequest struct {
	Feed string `json:"feed,omitempty"`
	// Rules is the whole text of the new rules (RELEVANCE.md).
	Rules  string `json:"rules,omitempty"`
	Revert bool   `json:"revert,omitempty"`
	Note   string `json:"note,omitempty"`
	// Samples is how many moves of each kind the answer lists
	// (indexer.DefaultRejudgeSamples; at most 100).
	Samples int `json:"samples,omitempty"`
}

// RulesResult is what a change of rules would do (a dry run) or did.
type RulesResult struct {
	Feed string         `json:"feed"`
	From model.RulesRef `json:"from"`
	// To are the new rules; an upload gets its version when applied.
	To model.RulesRef `json:"to"`
	// Unchanged is set when the new rules are the ones in use: nothing
	// was judged and nothing changed.
	Unchanged bool `json:"unchanged,omitempty"`
	// Diff is the dry run: what the change moves. Applying records its
	// counts in the audit log.
	Diff *model.RulesDiff `json:"diff,omitempty"`
	// Rejudge is, for an applied change, what judging the feed again
	// did, or how far it got.
	Rejudge *model.Rejudge `json:"rejudge,omitempty"`
	// Warnings are what the parser noticed in the new rules and the rules
	// in use do not have: lines that work as written but are likely not
	// what their author meant (relevance.Rules.Warnings).
	Warnings []relevance.Warning `json:"warnings,omitempty"`
}

// candidate is a parsed change of rules.
type candidate struct {
	f     *Feed
	rules *relevance.Rules
	to    model.RulesRef
	// upload is the version to store; nil for the definition's rules.
	upload *model.RulesVersion
	note   string
	// reload, if set, is a definition's rules loaded again: once applied
	// they are the feed's definition rules.
	reload *Definition
}

// prepare checks a request and parses its rules.
func (s *Service) prepare(req RulesRequest) (*candidate, error) {
	f, err := s.feed(req.Feed)
	if err != nil {
		return nil, err
	}
	if req.Samples < 0 || req.Samples > 100 {
		return nil, invalid("InvalidRequest", "samples must be between 0 and 100")
	}
	if err := checkNote(&req.Note); err != nil {
		return nil, err
	}
	fr := s.feedRulesOf(f.ID)
	c := &candidate{f: f, note: strings.TrimSpace(req.Note)}
	switch {
	case req.Revert && req.Rules != "":
		return nil, invalid("InvalidRequest", "give new rules or revert, not both")
	case req.Revert:
		if fr.upload == nil && fr.uploadErr == "" {
			return nil, conflict("NothingToRevert", fmt.Sprintf("%s already uses its definition's rules (%s)", f.ID, fr.defRef))
		}
		c.rules, c.to = fr.def, fr.definition()
	default:
		rules, err := parseRules("uploaded rules", req.Rules)
		if err != nil {
			return nil, err
		}
		c.rules = rules
		c.upload = &model.RulesVersion{Feed: f.ID, Hash: rules.Hash, Text: req.Rules, Note: c.note}
		c.to = model.RulesRef{Source: model.RulesUpload, Hash: rules.Hash}
	}
	return c, nil
}

// dryRun judges the feed's records with c's rules and writes nothing.
func (s *Service) dryRun(ctx context.Context, c *candidate, samples int) (*model.RulesDiff, error) {
	dec, err := s.decider.WithRules(c.f.ID, relevance.New(c.rules))
	if err != nil {
		return nil, err
	}
	d, err := indexer.DryRun(ctx, s.store, dec, c.f.ID, samples, s.nowUS())
	if err != nil {
		return nil, fmt.Errorf("dry run: %w", err)
	}
	return d, nil
}

// DiffRules says what a change of rules would do, and changes nothing:
// which kept posts and queued posts would enter or leave the feed or its
// review queue. Rules that do not parse are refused with the parser's
// line-numbered message.
func (s *Service) DiffRules(ctx context.Context, req RulesRequest) (*RulesResult, error) {
	c, err := s.prepare(req)
	if err != nil {
		return nil, err
	}
	from := s.feedRulesOf(c.f.ID).active()
	res := &RulesResult{Feed: c.f.ID, From: from, To: c.to}
	if c.to.Hash == from.Hash && c.to.Source == from.Source {
		res.Unchanged = true
		return res, nil
	}
	res.Warnings = c.rules.NewWarnings(s.decider.Rules(c.f.ID))
	if res.Diff, err = s.dryRun(ctx, c, req.Samples); err != nil {
		return nil, err
	}
	return res, nil
}

// ApplyRules makes an uploaded rules text the feed's rules, or (Revert)
// goes back to the definition's. It runs the dry run first, stores the
// change with an audit entry (who, the versions before and after, and how
// many posts the dry run moves), swaps the decider's rules, and has the
// indexer's writer judge the feed's kept posts and review queue again; it
// returns when that is done. Rules that do not parse change nothing.
func (s *Service) ApplyRules(ctx context.Context, actor string, req RulesRequest) (*RulesResult, error) {
	if err := checkActor(actor); err != nil {
		return nil, err
	}
	c, err := s.prepare(req)
	if err != nil {
		return nil, err
	}
	if !s.rulesMu.TryLock() {
		return nil, conflict("RulesBusy", "another change of rules is being applied; try again when it is done (feedgen rules show)")
	}
	defer s.rulesMu.Unlock()
	action := "rules.set"
	if req.Revert {
		action = "rules.revert"
	}
	if s.repo != nil {
		if from := s.feedRulesOf(c.f.ID).active(); c.to.Hash != from.Hash || c.to.Source != from.Source {
			if err := s.publish(ctx, rulesWrite(actor, c, from)); err != nil {
				return nil, err
			}
		}
	}
	return s.change(ctx, actor, action, c, req.Samples)
}

// rulesWrite is the record of a change of rules: the feed's rules record,
// or its delete for a revert to the definition's rules.
func rulesWrite(actor string, c *candidate, from model.RulesRef) repoWrite {
	if c.upload == nil {
		return repoWrite{collection: lexicons.Rules, rkey: rulesKey(c.f.ID)}
	}
	version := int64(1)
	if from.Source == model.RulesUpload {
		version = int64(from.Version) + 1
	}
	rec := newRecord(lexicons.Rules, actor, c.note, time.Now().UnixMicro())
	rec["feed"], rec["version"], rec["text"], rec["hash"] = c.f.ID, version, c.upload.Text, c.upload.Hash
	return repoWrite{lexicons.Rules, rulesKey(c.f.ID), rec}
}

// applyRulesRecord applies a feed's rules record from the publisher's
// repository (text "" for a delete: the definition's rules), in the
// background: judging the feed again goes through the indexer's writer,
// which is the one that delivered the record. Rules already in use change
// nothing, so the record coming back to the replica that took the change
// is a no-op, and one that does not take the rules lock: a curator's next
// change on that replica is not refused as busy because of it.
func (s *Service) applyRulesRecord(feed, actor, text, hash, note string) {
	if s.rulesInUse(feed, text, hash) {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		s.rulesMu.Lock()
		defer s.rulesMu.Unlock()
		// Again under the lock: a change may have landed while this waited.
		if s.rulesInUse(feed, text, hash) {
			return
		}
		req := RulesRequest{Feed: feed, Rules: text, Note: note, Revert: text == ""}
		c, err := s.prepare(req)
		if err != nil {
			s.log.Error("rules record from the publisher's repository not applied", "feed", feed, "err", err)
			return
		}
		action := "rules.set"
		if req.Revert {
			action = "rules.revert"
		}
		if _, err := s.change(ctx, actor, action, c, 0); err != nil {
			s.log.Error("rules record from the publisher's repository not applied", "feed", feed, "err", err)
			return
		}
		s.log.Info("rules applied from the publisher's repository", "feed", feed, "hash", c.to.Hash)
	}()
}

// rulesInUse says whether a rules record (text "" for its delete, which
// means the definition's rules) asks for what the feed already applies.
func (s *Service) rulesInUse(feed, text, hash string) bool {
	fr := s.feedRulesOf(feed)
	if text == "" {
		return fr.upload == nil
	}
	from := fr.active()
	return from.Source == model.RulesUpload && from.Hash == hash
}

// change applies c; the caller holds rulesMu.
func (s *Service) change(ctx context.Context, actor, action string, c *candidate, samples int) (*RulesResult, error) {
	if s.rejudge == nil {
		return nil, conflict("RulesUnavailable", "a change of rules needs the indexer to judge the feed again; it is not wired here")
	}
	f := c.f
	fr := s.feedRulesOf(f.ID)
	from := fr.active()
	res := &RulesResult{Feed: f.ID, From: from, To: c.to}
	if c.to.Hash == from.Hash && c.to.Source == from.Source && fr.uploadErr == "" {
		res.Unchanged = true
		if c.reload != nil {
			// The same rules under another name (the feeds file moved
			// them): nothing to judge, but the name is the new one.
			s.rulesStateMu.Lock()
			s.rules[f.ID].defRef, s.rules[f.ID].defText = c.reload.Ref, c.reload.Text
			s.rulesStateMu.Unlock()
		}
		return res, nil
	}
	diff, err := s.dryRun(ctx, c, samples)
	if err != nil {
		return nil, err
	}
	res.Diff = diff
	res.Warnings = c.rules.NewWarnings(s.decider.Rules(c.f.ID))
	state := &model.Rejudge{Feed: f.ID, From: from, Actor: actor, StartedUS: s.nowUS(), Phase: model.RejudgePosts}
	err = s.update(ctx, func(tx *store.Tx) error {
		if c.upload != nil {
			c.upload.SetBy, c.upload.SetUS = actor, s.nowUS()
			if err := tx.PutRulesVersion(c.upload); err != nil {
				return err
			}
			c.to.Version = c.upload.Version
		} else if err := tx.DeleteRulesVersion(f.ID); err != nil {
			return err
		}
		state.Rules = c.to
		if err := tx.PutRejudge(state); err != nil {
			return err
		}
		return s.audit(tx, change{Actor: actor, Action: action, Feed: f.ID, Target: "rules", Before: from,
			After: rulesAudit{RulesRef: c.to, Held: diff.Held, Queued: diff.Queued, Entered: diff.Entered, Left: diff.Left,
				QueueAdded: diff.QueueAdded, QueueRemoved: diff.QueueRemoved}, Note: c.note})
	})
	if err != nil {
		return nil, err
	}
	res.To = c.to
	// From here on every decision reads the new rules, and the stored
	// change says so after a restart.
	if err := s.decider.SetRules(f.ID, relevance.New(c.rules)); err != nil {
		return nil, err
	}
	s.rulesStateMu.Lock()
	cur := s.rules[f.ID]
	cur.upload, cur.uploadErr = nil, ""
	if c.upload != nil {
		u := *c.upload
		cur.upload = &u
	}
	if c.reload != nil {
		cur.def, cur.defRef, cur.defText = c.rules, c.reload.Ref, c.reload.Text
	}
	s.rulesStateMu.Unlock()
	s.log.Info("rules changed; judging the feed again", "feed", f.ID, "actor", actor, "from", rulesLabel(from), "to", rulesLabel(c.to),
		"entered", diff.Entered, "left", diff.Left, "queue_added", diff.QueueAdded, "queue_removed", diff.QueueRemoved)
	// The change stands whatever happens to the caller: judge to the end.
	res.Rejudge, err = s.runRejudge(context.WithoutCancel(ctx), state, samples)
	return res, err
}

// rulesAudit is the audit entry's After of a change of rules: the new
// rules and the size of the dry run's diff.
type rulesAudit struct {
	model.RulesRef
	Held         int `json:"held"`
	Queued       int `json:"queued"`
	Entered      int `json:"entered"`
	Left         int `json:"left"`
	QueueAdded   int `json:"queueAdded"`
	QueueRemoved int `json:"queueRemoved"`
}

// runRejudge has the writer judge the feed again from where state stands
// to the end, a batch per transaction, and returns the final state.
func (s *Service) runRejudge(ctx context.Context, state *model.Rejudge, samples int) (*model.Rejudge, error) {
	job := &indexer.RejudgeJob{Decider: s.decider, State: state, Samples: samples}
	for job.State.Phase != model.RejudgeDone {
		if err := s.rejudge.Rejudge(ctx, job); err != nil {
			if errors.Is(err, indexer.ErrNotRunning) {
				return job.State, unavailable("Stopping", "the service is stopping: the change stands, and judging the feed again goes on at the next start")
			}
			return job.State, fmt.Errorf("judge %s again: %w", state.Feed, err)
		}
	}
	d := job.State.Diff
	s.log.Info("feed judged again", "feed", state.Feed, "held", d.Held, "queued", d.Queued, "entered", d.Entered, "left", d.Left,
		"queue_added", d.QueueAdded, "queue_removed", d.QueueRemoved)
	return job.State, nil
}

// resumeRejudges finishes the re-judges a restart cut short. The decider
// already applies the stored rules.
func (s *Service) resumeRejudges(ctx context.Context) {
	if s.rejudge == nil {
		return
	}
	s.rulesMu.Lock()
	defer s.rulesMu.Unlock()
	var pending []model.Rejudge
	err := s.store.View(func(tx *store.Tx) error {
		all, err := tx.Rejudges()
		for _, r := range all {
			if r.DoneUS == 0 && s.byID[r.Feed] != nil {
				pending = append(pending, r)
			}
		}
		return err
	})
	if err != nil {
		s.log.Error("read unfinished re-judges", "err", err)
		return
	}
	for i := range pending {
		r := &pending[i]
		s.log.Info("judging a feed again after a restart cut it short", "feed", r.Feed, "rules", rulesLabel(r.Rules), "actor", r.Actor)
		if _, err := s.runRejudge(ctx, r, 0); err != nil {
			if e, ok := AsError(err); ok && e.Kind == KindUnavailable || ctx.Err() != nil {
				s.log.Info("judging the feed again stopped with the service; it goes on at the next start", "feed", r.Feed)
			} else {
				s.log.Error("judge the feed again", "feed", r.Feed, "err", err)
			}
			return
		}
	}
}

// Definition is a feed definition's rules as loaded from its reference.
type Definition struct {
	Feed string
	// Ref is builtin:NAME or a rules file path; Text its text.
	Ref  string
	Text string
}

// ReloadResult says what a reload did to one feed.
type ReloadResult struct {
	Feed string `json:"feed"`
	// Skipped says why the feed's rules did not change.
	Skipped string       `json:"skipped,omitempty"`
	Result  *RulesResult `json:"result,omitempty"`
	Err     string       `json:"error,omitempty"`
}

// ReloadDefinitions takes the feed definitions' rules as loaded again
// (SIGHUP): each feed that uses its definition's rules and whose text
// changed gets them as ApplyRules would give an upload, logged and
// audited as actor. A feed with an uploaded version keeps it (the upload
// wins until a revert, which then takes the reloaded rules). A text that
// does not parse changes nothing for its feed.
func (s *Service) ReloadDefinitions(ctx context.Context, actor string, defs []Definition) []ReloadResult {
	s.rulesMu.Lock()
	defer s.rulesMu.Unlock()
	var out []ReloadResult
	for _, d := range defs {
		r := ReloadResult{Feed: d.Feed}
		f := s.byID[d.Feed]
		if f == nil {
			r.Err = "no such feed here"
			out = append(out, r)
			continue
		}
		rules, err := parseRules(d.Ref, d.Text)
		if err != nil {
			r.Err = err.Error()
			if e, ok := AsError(err); ok {
				r.Err = e.Message
			}
			s.log.Error("reload rules: the feed keeps its rules", "feed", f.ID, "ref", d.Ref, "err", r.Err)
			out = append(out, r)
			continue
		}
		s.rulesStateMu.Lock()
		fr := s.rules[f.ID]
		upload := fr.upload
		if upload != nil {
			// The upload wins; a revert will take these.
			if fr.def.Hash != rules.Hash {
				s.log.Warn("reload rules: the definition's rules changed, but the feed uses an uploaded version; a revert applies them", "feed", f.ID, "ref", d.Ref, "version", upload.Version)
			}
			fr.def, fr.defRef, fr.defText = rules, d.Ref, d.Text
		}
		s.rulesStateMu.Unlock()
		switch {
		case upload != nil:
			r.Skipped = fmt.Sprintf("the uploaded version %d wins over the definition's rules until a curator reverts", upload.Version)
		default:
			c := &candidate{f: f, rules: rules, to: model.RulesRef{Source: model.RulesDefinition, Ref: d.Ref, Hash: rules.Hash}, reload: &d}
			res, err := s.change(ctx, actor, "rules.reload", c, 0)
			r.Result = res
			if err != nil {
				r.Err = err.Error()
				s.log.Error("reload rules", "feed", f.ID, "err", err)
			} else if res.Unchanged {
				r.Skipped = "the rules did not change"
			}
		}
		out = append(out, r)
	}
	return out
}

// RulesStatus is one feed's rules in brief, for the health check.
type RulesStatus struct {
	// Rules names the rules in force: an uploaded version or the
	// definition's, with the start of their hash.
	Rules string `json:"rules"`
	// UploadError says why a stored upload is not applied.
	UploadError string `json:"uploadError,omitempty"`
	// Rejudging is set while the feed is being judged again after a
	// change: how far it got.
	Rejudging string `json:"rejudging,omitempty"`
}

// RulesStatus says which rules each feed applies, and whether one is
// being judged again.
func (s *Service) RulesStatus() map[string]RulesStatus {
	out := make(map[string]RulesStatus, len(s.feeds))
	for _, f := range s.feeds {
		fr := s.feedRulesOf(f.ID)
		out[f.ID] = RulesStatus{Rules: rulesLabel(fr.active()), UploadError: fr.uploadErr}
	}
	_ = s.store.View(func(tx *store.Tx) error {
		all, err := tx.Rejudges()
		for _, r := range all {
			if st, ok := out[r.Feed]; ok && r.DoneUS == 0 {
				st.Rejudging = fmt.Sprintf("%s: %d kept and %d queued posts judged", r.Phase, r.Diff.Held, r.Diff.Queued)
				out[r.Feed] = st
			}
		}
		return err
	})
	return out
}
