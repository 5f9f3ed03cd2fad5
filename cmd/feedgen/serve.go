package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:   "serve",
		Usage:  "run the feed server and the indexer",
		Action: runServe,
	}
}

// runServe is `feedgen serve`: open, run until SIGINT or SIGTERM, close.
func runServe(ctx context.Context, cmd *cli.Command) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	if cfg.Source.Kind == indexer.SourceFile {
		// Found out now, not once the database is open and the server
		// listening.
		if _, err := os.Stat(cfg.Source.Path); err != nil {
			return fmt.Errorf("--%s (%s): %w", config.FlagSource, config.EnvName(config.FlagSource), err)
		}
	}
	logger := newLogger(os.Stderr, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := openService(ctx, cfg, logger, shutdownBudget)
	if err != nil {
		return err
	}
	err = errors.Join(a.Run(ctx), a.Close())
	if err != nil {
		return err
	}
	logger.Info("stopped")
	return nil
}

// indexerHealth shows the indexer's state on /xrpc/_health: unhealthy
// past --max-lag, degraded while it is not connected (the feed is served,
// but goes stale), each with the reason in words.
type indexerHealth struct {
	ix     *indexer.Indexer
	maxLag time.Duration
	now    func() time.Time
}

func (h indexerHealth) Health() feedgen.Check {
	return indexerCheck(h.ix.Status(), h.maxLag, h.now())
}

func indexerCheck(s indexer.Status, maxLag time.Duration, now time.Time) feedgen.Check {
	c := feedgen.Check{Status: feedgen.StatusOK, Details: s}
	lag := time.Duration(s.Lag * float64(time.Second)).Round(time.Second)
	away := ""
	switch s.State {
	case "connecting":
		away = fmt.Sprintf("connecting to %s since %s (%s)", orDash(s.Host), s.Since.Format(time.RFC3339), now.Sub(s.Since).Round(time.Second))
	case "reconnecting":
		// Since counts from the first failure; the host is the one tried
		// last (Jetstream fails over between instances).
		away = fmt.Sprintf("disconnected since %s (%s), reconnecting; last tried %s", s.Since.Format(time.RFC3339), now.Sub(s.Since).Round(time.Second), s.Host)
		if s.LastError != "" {
			away += ": " + s.LastError
		}
	}
	switch {
	case !s.Healthy:
		c.Status = feedgen.StatusUnhealthy
		c.Reason = fmt.Sprintf("%s behind the network, more than --max-lag %s", lag, maxLag)
		if s.LastEvent.IsZero() {
			c.Reason = fmt.Sprintf("no event in the %s since start, more than --max-lag %s", lag, maxLag)
		}
		if away != "" {
			c.Reason += "; " + away
		}
	case away != "":
		c.Status, c.Reason = feedgen.StatusDegraded, away
	}
	return c
}

// labelersHealth shows each labeler's connection and lag on
// /xrpc/_health: degraded once one has been unreachable for longer than
// --max-lag, since the feeds then let through what it labels. Not
// unhealthy: the feed still serves, and a restart would not bring a
// labeler back.
type labelersHealth struct{ ix *indexer.Indexer }

func (h labelersHealth) Health() feedgen.Check {
	ls := h.ix.Labelers()
	c := feedgen.Check{Status: feedgen.StatusOK, Details: ls}
	var down []string
	for _, l := range ls {
		if !l.Healthy {
			why := l.DID.String()
			if l.Error != "" {
				why += ": " + l.Error
			}
			down = append(down, why)
		}
	}
	if len(down) > 0 {
		c.Status = feedgen.StatusDegraded
		c.Reason = "labeler unreachable for longer than --max-lag, its labels are not applied: " + strings.Join(down, "; ")
	}
	return c
}

func serverConfig(cfg *config.Config, b budget) feedgen.Config {
	sc := feedgen.Config{
		ServiceDID:        cfg.ServiceDID,
		ServiceEndpoint:   cfg.ServiceEndpoint,
		Hostname:          cfg.Hostname,
		PrivacyPolicyURL:  cfg.PrivacyPolicyURL,
		TermsOfServiceURL: cfg.TermsOfServiceURL,
		Version:           version,
		ShutdownTimeout:   b.drain(),
	}
	for _, t := range cfg.AdminTokens {
		sc.AdminTokens = append(sc.AdminTokens, feedgen.AdminToken{Name: t.Name, Token: t.Token})
	}
	for _, f := range cfg.Feeds {
		sc.Feeds = append(sc.Feeds, feedgen.Feed{ID: f.RKey, URI: f.URI,
			AcceptsInteractions: f.AcceptsInteractions, Languages: feedgen.LanguageMode(f.Languages),
			Store: f.MembershipOf, Top: f.Top()})
	}
	return sc
}

// rankedFeeds are the feeds served by engagement, for the ranker.
func rankedFeeds(cfg *config.Config) []ranking.Feed {
	var out []ranking.Feed
	for _, f := range cfg.Feeds {
		if f.Top() {
			out = append(out, ranking.Feed{ID: f.RKey, Store: f.Membership(), Params: f.RankParams()})
		}
	}
	return out
}

// figureFeeds are every served feed with its membership, for the figures.
func figureFeeds(cfg *config.Config) (served []string, all []stats.Feed) {
	for _, f := range cfg.Feeds {
		served = append(served, f.RKey)
		all = append(all, stats.Feed{ID: f.RKey, Membership: f.Membership()})
	}
	return served, all
}

// engagementSource is where rankings and figures read engagement counts:
// the likes, reposts, replies and quotes the indexer counts in the store.
func engagementSource(st *store.Store) ranking.EngagementSource { return ranking.StoreEngagement(st) }
