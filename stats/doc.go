// Package stats keeps the figures curators read on the dashboard, in
// `feedgen stats` and from GET /admin/stats: what enters each feed per day
// and why (the kind of entry, the language), the review queue's in and
// out, who reads the feed without keeping who (requests per hour, distinct
// viewers per day, "show more", "show less", impressions), the indexer's
// lag over the last day, and the period's most engaging posts and authors.
//
// The figures are counted where they happen, cheaply: the indexer adds
// what a batch let in to the day's counters in the batch's own
// transaction (names and kinds are here: [Entered], [MetricQueued], ...),
// curation adds its verdicts in theirs, and the feed server tells a
// [Recorder] of each request and interaction, which counts in memory and
// writes a minute at a time. A [Reporter] reads them back into a [Report].
// The counters live in the store's stats.* buckets; the Recorder prunes
// them by age, and the store drops a post's impressions with the post.
package stats
