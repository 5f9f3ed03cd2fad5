package main

import (
	"context"
	"os"
	"os/signal"
	"reflect"
	"syscall"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/feedgen"
)

// watchHangups makes SIGHUP reload the rules: from now until stop, a
// hangup is queued for runReloads instead of ending the process.
func (a *service) watchHangups() {
	a.hup = make(chan os.Signal, 1)
	signal.Notify(a.hup, syscall.SIGHUP)
}

// runReloads reloads the rules on each SIGHUP until ctx ends.
func (a *service) runReloads(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-a.hup:
			a.log.Info("SIGHUP: reloading the feeds' rules")
			a.reloadRules(ctx)
		}
	}
}

// reloadRules is what SIGHUP does: it reads the feed definitions again
// (the --feeds file, when there is one) and the rules each names, and has
// curation apply the rules of every feed whose text changed and that uses
// its definition's rules: a dry run, logged, then the feed judged again,
// audited as "sighup". A feed with an uploaded version keeps it. A feeds
// file or rules file that does not load changes nothing for the feeds it
// concerns. Other changes to the feeds file need a restart; they are
// logged.
func (a *service) reloadRules(ctx context.Context) []curation.ReloadResult {
	feeds := a.cfg.Feeds
	if a.cfg.FeedsFile != "" {
		fresh, err := a.cfg.LoadFeeds()
		if err != nil {
			a.log.Error("reload: the feeds file does not load; no rules change", "file", a.cfg.FeedsFile, "err", err)
			return nil
		}
		feeds = rulesOf(a, fresh)
	}
	var defs []curation.Definition
	var out []curation.ReloadResult
	for _, f := range feeds {
		if f.MembershipOf != "" {
			// Its posts are decided by the rules of the feed it names.
			continue
		}
		_, text, err := readRules(f.Rules)
		if err != nil {
			a.log.Error("reload: the rules do not load; the feed keeps its rules", "feed", f.RKey, "rules", f.Rules, "err", err)
			out = append(out, curation.ReloadResult{Feed: f.RKey, Err: err.Error()})
			continue
		}
		defs = append(defs, curation.Definition{Feed: f.RKey, Ref: f.Rules, Text: text})
	}
	for _, r := range a.core.curation.ReloadDefinitions(ctx, curation.ActorSighup, defs) {
		switch {
		case r.Err != "":
		case r.Skipped != "":
			a.log.Info("reload: rules unchanged", "feed", r.Feed, "why", r.Skipped)
		case r.Result != nil && r.Result.Rejudge != nil:
			d := r.Result.Rejudge.Diff
			a.log.Info("reload: rules applied", "feed", r.Feed, "entered", d.Entered, "left", d.Left, "queue_added", d.QueueAdded, "queue_removed", d.QueueRemoved)
		}
		out = append(out, r)
	}
	return out
}

// rulesOf returns the running feeds with the rules the fresh definitions
// give them, and logs what else changed in the file: only the rules
// change without a restart.
func rulesOf(a *service, fresh []config.Feed) []config.Feed {
	byKey := map[string]config.Feed{}
	for _, f := range fresh {
		byKey[f.RKey] = f
	}
	feeds := make([]config.Feed, 0, len(a.cfg.Feeds))
	for _, f := range a.cfg.Feeds {
		nf, ok := byKey[f.RKey]
		delete(byKey, f.RKey)
		if !ok {
			a.log.Warn("reload: a feed left the feeds file; it is served until a restart", "feed", f.RKey)
			feeds = append(feeds, f)
			continue
		}
		old := f
		old.Rules, old.URI, nf.URI = nf.Rules, "", ""
		if !reflect.DeepEqual(old, nf) {
			a.log.Warn("reload: a feed's definition changed beyond its rules; those changes need a restart", "feed", f.RKey)
		}
		f.Rules = nf.Rules
		feeds = append(feeds, f)
	}
	for k := range byKey {
		a.log.Warn("reload: a new feed in the feeds file needs a restart", "feed", k)
	}
	return feeds
}

// rulesHealth shows each feed's rules on /xrpc/_health: which apply, and
// whether a feed is being judged again. It never makes the service
// unhealthy: a feed serves with some rules whatever happened.
type rulesHealth struct{ cur *curation.Service }

func (h rulesHealth) Health() feedgen.Check {
	return feedgen.Check{Status: feedgen.StatusOK, Details: h.cur.RulesStatus()}
}
