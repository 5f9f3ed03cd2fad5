// Package indexer follows the AT Protocol network and keeps the posts that
// belong in our feeds.
//
// Sources (Jetstream, the relay firehose, a file of recorded Jetstream
// events) all deliver the same Event; a single writer groups events into
// bbolt transactions together with the stream cursor, so a crash loses
// nothing and a replay duplicates nothing.
//
// The stream is not trusted to be right: every message passes one check
// (bounds.go) before it leaves its source, so an event from the future or a
// position the store could not keep is counted as bad input and never
// saved, and a reconnect resumes from the highest position seen.
package indexer
