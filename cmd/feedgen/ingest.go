package main

import (
	"log/slog"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/store"
)

// localIngester is where a command run on the database file sends the
// posts it backfills. It is nil until the indexer's Ingest is wired here;
// backfill then reports itself unavailable.
func localIngester(cfg *config.Config, st *store.Store, logger *slog.Logger) curation.Ingester {
	return nil
}
