// Package curation is how people run a feed without a redeploy: the curated
// author list with its tiers (by hand, from the feed configuration, or from
// a Bluesky list), blocked and pinned posts, the review queue, explanations
// of why a post is or is not in a feed, and the audit log of every change.
//
// One [Service] holds every operation. The admin HTTP API ([Service.Routes]),
// the web page ([Service.PageRoutes]) and the command line (cmd/feedgen,
// through the API or on the database file directly) all call it, so the
// three ways in cannot disagree. Each change is validated in full first
// (DIDs, AT-URIs and bsky.app URLs parsed, handles resolved through the
// injected identity directory), then applied in one store transaction
// together with its audit entry: a change is recorded exactly when it
// happened.
//
// The indexer consults the service inside its write transaction: the
// author tiers, the blocks, the curators' verdicts and the review queue all
// live in the store (see store/curation.go), so a decision and the state it
// read are always consistent. Backfill, when an author is added, fetches
// their recent posts from their PDS and hands them to an [Ingester], which
// sends them through the indexer's own path without touching its stream
// cursor.
package curation
