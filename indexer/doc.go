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
//   - the labelers (labeler.go): each labeler followed through its own
//     com.atproto.label.subscribeLabels connection, its endpoint and
//     signing key read from its DID document through the guarded client;
//     every label is checked (bounds, syntax, src, signature) before it
//     leaves its source, and applied (labels.go) only if it is about a
//     record we keep or an account we know; the records it bears on are
//     then decided again through the Decider's Moderate;
//   - the one writer: Run's goroutine groups the source's events into
//     bbolt transactions together with the stream cursor, so a crash loses
//     nothing and a replay duplicates nothing, and applies the batches an
//     Inbox brings (backfills) and the labelers' frames (each with its
//     labeler's position) between them, so there is never a second
//     writer. It sweeps labels as they expire, decides again at start what
//     labels hold out, and prunes records past the retention age.
//
// The indexer never decides membership itself and never imports curation
// or the feed server.
package indexer
