package main

import (
	"time"

	"github.com/scpeace/feedgen/feedgen"
)

// The shutdown budget of `feedgen serve`, from SIGTERM to exit. fly.io
// kills the machine kill_timeout after SIGTERM, so fly.toml's kill_timeout
// must be at least shutdownBudget (a test holds it to that).
const (
	// indexerStopTimeout bounds the indexer's stop: it stops reading and
	// commits its cursor with the data it covers.
	indexerStopTimeout = 10 * time.Second
	// httpDrainTimeout bounds the drain of requests in flight.
	httpDrainTimeout = feedgen.DefaultShutdownTimeout
	// shutdownBudget is the two, one after the other, and a margin to
	// close the database and flush the logs.
	shutdownBudget = indexerStopTimeout + httpDrainTimeout + 2*time.Second
)
