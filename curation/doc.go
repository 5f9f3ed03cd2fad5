// Package curation is how people run a feed without a redeploy: the curated
// author list with its tiers (by hand, from the feed configuration, from a
// Bluesky list of experts, or kept out by the feed's moderation lists),
// blocked and pinned posts, the review queue, explanations of why a post is
// or is not in a feed (the labels that hold it out included), and the audit
// log of every change.
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
// Curation records what curators decide; it does not decide membership.
// The author tiers, blocks, verdicts and the review queue live in the
// store, where package membership's decider reads them inside the
// indexer's write transaction, so a decision and the state it read are
// always consistent; explain shows that decider's judgement. The service
// takes the stream's list items from the indexer ([Service.HandleRecord]).
// Backfill, when an author is added, fetches their recent posts from their
// PDS, decodes them with the stream's own checks (indexer.DecodeRecord)
// and hands them to an [Ingester] (the indexer's Inbox), so that they go
// through the one writer and the one decision without touching the stream
// cursor.
package curation
