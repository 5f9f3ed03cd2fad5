package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"golang.org/x/sync/errgroup"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/stats"
	"github.com/scpeace/feedgen/store"
)

// budget is how long each step of the shutdown may take, in the order
// the steps run. A step that overruns is logged and the next one starts
// anyway, so the whole shutdown never takes longer than the total.
// fly.toml's kill_timeout must be at least that, and DEPLOY.md states it
// (tests hold both to it).
type budget struct {
	// Indexer: stop reading the stream and commit the cursor with the
	// batch it covers.
	Indexer time.Duration
	// Background: stop curation's list sync and backfills, and the
	// feedback pruner.
	Background time.Duration
	// HTTP: drain the requests in flight (for nine tenths of it), then
	// cut the rest off.
	HTTP time.Duration
	// Close: close the database (bbolt waits for open transactions).
	Close time.Duration
}

// shutdownBudget is the budget of `feedgen serve`: 25 s in all.
var shutdownBudget = budget{Indexer: 10 * time.Second, Background: 2 * time.Second, HTTP: 10 * time.Second, Close: 3 * time.Second}

// Total is the longest a shutdown takes.
func (b budget) Total() time.Duration { return b.Indexer + b.Background + b.HTTP + b.Close }

// drain is how long the HTTP server drains requests in flight before it
// cuts them off, leaving it the rest of its step to return.
func (b budget) drain() time.Duration { return b.HTTP * 9 / 10 }

// service is `feedgen serve`: Open builds every part over one store, Run
// runs them under one errgroup until a signal or a failure, then stops
// them step by step, each step within its budget, and Close closes the
// database last.
type service struct {
	cfg    *config.Config
	log    *slog.Logger
	budget budget

	store    *store.Store
	core     *core
	server   *feedgen.Server
	recorder *stats.Recorder
	ln       net.Listener

	// hup receives SIGHUP, which reloads the rules (reload.go).
	hup chan os.Signal

	// parts run concurrently; they stop step by step, in steps' order.
	parts []part
	steps []step
}

// part is one concurrent piece of the service.
type part struct {
	name string
	run  func(context.Context) error
	// step is the index in steps of the shutdown step that stops it.
	step int
}

// step is one step of the shutdown: its parts' contexts are cancelled
// together, and they have budget to return.
type step struct {
	name   string
	budget time.Duration
}

// openService opens the database and builds the service: the decider,
// curation, the indexer, the HTTP server with curation's routes, and the
// listener. The configured authors are seeded. On error everything opened
// is closed again.
func openService(ctx context.Context, cfg *config.Config, logger *slog.Logger, b budget) (a *service, err error) {
	st, err := store.Open(cfg.DBPath, store.Options{Logger: logger})
	if err != nil {
		return nil, err
	}
	a = &service{cfg: cfg, log: logger, budget: b, store: st}
	defer func() {
		if err != nil {
			a.Close()
		}
	}()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	validator, err := auth.NewValidator(auth.Config{
		Audience:   cfg.ServiceDID,
		Resolver:   auth.NewResolver(cfg.PLCURL, "feedgen/"+version, didClient(cfg)),
		Strict:     cfg.AuthStrict,
		Registerer: reg,
		Logger:     logger,
	})
	if err != nil {
		return nil, err
	}
	if a.core, err = newCore(cfg, st, logger, coreOptions{source: cfg.Source, backfill: true, registerer: reg, labelers: true}); err != nil {
		return nil, err
	}
	health := map[string]feedgen.Health{}
	if cfg.Source.Kind != indexer.SourceNone {
		health["indexer"] = indexerHealth{ix: a.core.indexer, maxLag: cfg.MaxLag, now: time.Now}
	}
	health["rules"] = rulesHealth{a.core.curation}
	if a.core.curation.RepoMode() {
		health["curation"] = curationHealth{a.core.curation}
	}
	if len(cfg.Labelers) > 0 {
		health["labelers"] = labelersHealth{a.core.indexer}
	}
	engagement := engagementSource(st)
	ranker, err := ranking.New(ranking.Config{Feeds: rankedFeeds(cfg)}, st, engagement, logger, reg)
	if err != nil {
		return nil, err
	}
	served, figFeeds := figureFeeds(cfg)
	a.recorder = stats.NewRecorder(stats.RecorderConfig{Feeds: served, Retention: cfg.Retention, Lag: indexerLag(cfg, a.core.indexer)}, st, logger)
	a.server, err = feedgen.New(serverConfig(cfg, b), feedgen.Deps{Store: st, Logger: logger, Registry: reg, Auth: validator, Health: health,
		Pins: a.core.curation, Ranker: ranker, Readers: a.recorder})
	if err != nil {
		return nil, err
	}
	cur := a.core.curation
	cur.Routes(a.server.Admin())
	stats.NewReporter(stats.ReporterConfig{Feeds: figFeeds}, st, engagement, a.recorder).Routes(a.server.Admin())
	cur.PageRoutes(a.server.Echo())
	if err := cur.Seed(ctx); err != nil {
		return nil, err
	}
	if a.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	a.watchHangups()
	a.steps = []step{{"indexer", b.Indexer}, {"background", b.Background}, {"http", b.HTTP}}
	a.parts = []part{
		{name: "indexer", run: a.core.indexer.Run, step: 0},
		{name: "curation", run: cur.Run, step: 1},
		{name: "rules reload", run: a.runReloads, step: 1},
		// Viewers' feedback expires; the pruner sweeps what nobody reads
		// any more.
		{name: "feedback pruner", run: func(ctx context.Context) error { return a.server.RunInteractionPruner(ctx, time.Hour) }, step: 1},
		// Top feeds rank from snapshots rebuilt every few minutes.
		{name: "ranker", run: ranker.Run, step: 1},
		// Readership figures are written a minute at a time, and once
		// more on Close, after the last request.
		{name: "figures", run: a.recorder.Run, step: 1},
		// Serve drains for b.drain() itself, then cuts the rest off.
		{name: "http", run: func(ctx context.Context) error { return a.server.Serve(ctx, a.ln) }, step: 2},
	}
	return a, nil
}

// Addr is the address the server listens on.
func (a *service) Addr() string { return a.ln.Addr().String() }

// Run serves until ctx is cancelled or a part fails, then stops the parts
// step by step (the indexer first, so the cursor is committed; HTTP last,
// so requests in flight can finish). It returns the first part's error,
// or an error naming the parts that overran their step's budget.
func (a *service) Run(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	cancels := make([]context.CancelFunc, len(a.parts))
	dones := make([]chan struct{}, len(a.parts))
	for i, p := range a.parts {
		// Each part has a context of its own, cancelled in its step
		// below, not all at once by the signal.
		pctx, cancel := context.WithCancel(context.Background())
		cancels[i], dones[i] = cancel, make(chan struct{})
		g.Go(func() error {
			defer close(dones[i])
			if err := p.run(pctx); err != nil {
				a.log.Error("stopped", "part", p.name, "err", err)
				// Parts name themselves in their errors ("indexer: ...");
				// say it once.
				if strings.HasPrefix(err.Error(), p.name+": ") {
					return err
				}
				return fmt.Errorf("%s: %w", p.name, err)
			}
			return nil
		})
	}
	a.log.Info("serving", "addr", a.Addr(), "service_did", a.cfg.ServiceDID, "feeds", len(a.cfg.Feeds), "db", a.cfg.DBPath, "source", a.cfg.Source.String())
	<-gctx.Done()
	a.log.Info("shutting down")
	var overran []string
	for si, st := range a.steps {
		deadline := time.NewTimer(st.budget)
		expired := false
		for i, p := range a.parts {
			if p.step == si {
				cancels[i]()
			}
		}
		for i, p := range a.parts {
			if p.step != si {
				continue
			}
			stopped := false
			if expired {
				// The step's time is spent: a part not done yet is late.
				select {
				case <-dones[i]:
					stopped = true
				default:
				}
			} else {
				select {
				case <-dones[i]:
					stopped = true
				case <-deadline.C:
					expired = true
				}
			}
			if !stopped {
				a.log.Error("shutdown step overran its budget; going on", "step", st.name, "part", p.name, "budget", st.budget)
				overran = append(overran, p.name)
			}
		}
		deadline.Stop()
	}
	if len(overran) > 0 {
		// A part that never returns must not hold the process: Wait
		// would.
		return fmt.Errorf("shutdown: %v did not stop in time", overran)
	}
	return g.Wait()
}

// Close closes the database within its budget, and the listener if Run
// never served it. A transaction left open by a part that did not stop
// would hold Close for ever; past the budget it is given up on (the
// process is about to exit, and bbolt's file is consistent at every
// commit).
func (a *service) Close() error {
	if a.ln != nil {
		a.ln.Close()
	}
	if a.hup != nil {
		signal.Stop(a.hup)
	}
	done := make(chan error, 1)
	go func() {
		if a.recorder != nil {
			// The readership counted since the last flush, requests
			// drained by the HTTP step included.
			ctx, cancel := context.WithTimeout(context.Background(), a.budget.Close/2)
			if err := a.recorder.Flush(ctx); err != nil {
				a.log.Error("readership figures", "err", err)
			}
			cancel()
		}
		done <- a.store.Close()
	}()
	t := time.NewTimer(a.budget.Close)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		a.log.Error("shutdown step overran its budget; going on", "step", "close", "part", "database", "budget", a.budget.Close)
		return errors.New("shutdown: the database did not close in time")
	}
}

// indexerLag is how the figures sample the indexer's lag: not at all when
// nothing is indexed, nor once a file source is read to its end.
func indexerLag(cfg *config.Config, ix *indexer.Indexer) func() (time.Duration, bool) {
	if cfg.Source.Kind == indexer.SourceNone {
		return nil
	}
	return func() (time.Duration, bool) {
		st := ix.Status()
		if st.Done {
			return 0, false
		}
		return time.Duration(st.Lag * float64(time.Second)), true
	}
}
