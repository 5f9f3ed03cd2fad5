// Package indexer follows the AT Protocol network and writes what it means
// for our feeds into the store. It owns three things:
//
//   - the sources: Jetstream (with failover), a relay or PDS firehose, and
//     a file of recorded Jetstream events; each delivers the same Event,
//     decoded by a pure function (DecodeJetstream, the firehose's commit
//     decoding, DecodeRecord for a record read from its repository) that
//     drops what is malformed with a counted reason. The stream is not
//     trusted to be right: every message passes one check (bounds.go)
//     before it leaves its source, so an event from the future or a
//     position the store could not keep is counted as bad input and never
//     saved, and a reconnect resumes from the highest position seen;
//   - the one apply step, Apply: every event that changes what we keep,
//     from the stream or from a curator's backfill, goes through it. It
//     asks the Decider (package membership) which feeds a post or repost
//     belongs in and writes the outcome, takes deleted records out, counts
//     the likes, reposts, replies and quotes of the posts we hold, keeps
//     the experts' likes, reposts and follows (and decides again what
//     they change), hides and shows inactive accounts, and hands other
//     records (list items) to a RecordHandler (curation);
//   - the one writer: Run's goroutine groups the source's events into
//     bbolt transactions together with the stream cursor, so a crash loses
//     nothing and a replay duplicates nothing, and applies the batches an
//     Inbox brings (backfills) between them, so there is never a second
//     writer. It also prunes records past the retention age.
//
// The indexer never decides membership itself and never imports curation
// or the feed server.
package indexer
