// Package indexer follows the AT Protocol network and keeps the posts that
// belong in our feeds.
//
// Sources (Jetstream, the relay firehose, a file of recorded Jetstream
// events) all deliver the same Event; a single writer groups events into
// bbolt transactions together with the stream cursor, so a crash loses
// nothing and a replay duplicates nothing.
package indexer
