// Package model holds feedgen's domain types: the post we keep and its
// place in each feed, the author tiers, and what curators decide (curated
// authors, blocks, pins, the review queue, verdicts, the audit log).
//
// It is a leaf: it imports no other package of ours, so that the store
// (which keeps these values), the membership decider (which reads them),
// the indexer (which writes them) and curation (which changes them by
// hand) can all speak of the same things without importing each other.
// Values here carry no behaviour beyond reading themselves; the rules that
// decide membership live in package membership, the keys and buckets that
// keep them in package store.
package model
