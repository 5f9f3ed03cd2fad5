package indexer

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// SourceKind says where events come from.
type SourceKind uint8

// The kinds of source.
const (
	// SourceNone reads nothing: a server that only serves what is stored.
	SourceNone SourceKind = iota
	// SourceJetstream reads JSON events from one or more Jetstream
	// instances, failing over between them in order.
	SourceJetstream
	// SourceFirehose reads com.atproto.sync.subscribeRepos (CBOR frames
	// with CAR blocks) from a relay or a PDS.
	SourceFirehose
	// SourceFile reads a file of Jetstream events, one JSON object per
	// line, and stops at its end.
	SourceFile
)

func (k SourceKind) String() string {
	switch k {
	case SourceNone:
		return "none"
	case SourceJetstream:
		return "jetstream"
	case SourceFirehose:
		return "firehose"
	case SourceFile:
		return "file"
	}
	return "unknown"
}

// PublicJetstreams are the Bluesky-operated Jetstream instances the
// indexer uses by default, in failover order.
var PublicJetstreams = []string{
	"wss://jetstream1.us-east.bsky.network/subscribe",
	"wss://jetstream2.us-east.bsky.network/subscribe",
	"wss://jetstream1.us-west.bsky.network/subscribe",
	"wss://jetstream2.us-west.bsky.network/subscribe",
}

const (
	jetstreamPath = "/subscribe"
	firehosePath  = "/xrpc/com.atproto.sync.subscribeRepos"
)

// SourceSpec is a parsed source string.
type SourceSpec struct {
	Kind SourceKind
	// URLs are the Jetstream instances in failover order, or the one
	// firehose endpoint.
	URLs []string
	// Path is the events file of a file source.
	Path string
}

// String is the spec in the grammar ParseSource reads.
func (s SourceSpec) String() string {
	switch s.Kind {
	case SourceNone:
		return "none"
	case SourceFile:
		return "file://" + s.Path
	}
	return strings.Join(s.URLs, ",")
}

// Finite reports whether the source ends by itself (a file) rather than
// following the network until stopped.
func (s SourceSpec) Finite() bool { return s.Kind == SourceFile }

// ParseSource reads a source string (the --source flag, FEEDGEN_SOURCE):
//
//	""  or "jetstream"       the public Jetstream instances, with failover
//	"none"                    no source; serve what is stored
//	"wss://h1/subscribe,ws://h2:6008/subscribe"
//	                          these Jetstream instances, failover in order
//	"wss://relay.example/xrpc/com.atproto.sync.subscribeRepos"
//	                          one relay or PDS firehose (sequence numbers
//	                          are per host, so there is no failover list)
//	"file:///data/events.jsonl", "./events.jsonl", "/data/events.jsonl"
//	                          a file of Jetstream events, one per line
//
// A bare file path must contain a "/" or a "." so that a mistyped keyword
// is an error rather than a missing file. URLs carry no query string: the
// indexer sets the query (collections, cursor) itself.
func ParseSource(s string) (SourceSpec, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "jetstream":
		return SourceSpec{Kind: SourceJetstream, URLs: append([]string(nil), PublicJetstreams...)}, nil
	case "none":
		return SourceSpec{Kind: SourceNone}, nil
	}
	if strings.HasPrefix(s, "file://") {
		p := strings.TrimPrefix(s, "file://")
		if p == "" {
			return SourceSpec{}, errors.New("source: file:// needs a path")
		}
		return SourceSpec{Kind: SourceFile, Path: filepath.Clean(p)}, nil
	}
	if !strings.Contains(s, "://") {
		if !strings.ContainsAny(s, "/.") {
			return SourceSpec{}, fmt.Errorf("source %q: not a keyword (jetstream, none), URL or file path (a path needs a / or a .)", s)
		}
		return SourceSpec{Kind: SourceFile, Path: filepath.Clean(s)}, nil
	}
	var spec SourceSpec
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		u, err := url.Parse(part)
		if err != nil {
			return SourceSpec{}, fmt.Errorf("source %q: %w", part, err)
		}
		if u.Scheme != "ws" && u.Scheme != "wss" {
			return SourceSpec{}, fmt.Errorf("source %q: scheme must be ws or wss", part)
		}
		if u.Host == "" {
			return SourceSpec{}, fmt.Errorf("source %q: no host", part)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return SourceSpec{}, fmt.Errorf("source %q: no query, fragment or user info, please: the indexer sets the query", part)
		}
		var kind SourceKind
		switch u.Path {
		case jetstreamPath:
			kind = SourceJetstream
		case firehosePath:
			kind = SourceFirehose
		default:
			return SourceSpec{}, fmt.Errorf("source %q: path must be %s (Jetstream) or %s (firehose)", part, jetstreamPath, firehosePath)
		}
		if spec.Kind != SourceNone && spec.Kind != kind {
			return SourceSpec{}, fmt.Errorf("source %q: mixes Jetstream and firehose URLs", s)
		}
		spec.Kind = kind
		spec.URLs = append(spec.URLs, u.String())
	}
	if spec.Kind == SourceFirehose && len(spec.URLs) > 1 {
		return SourceSpec{}, fmt.Errorf("source %q: one firehose URL only (sequence numbers are per host)", s)
	}
	return spec, nil
}

// cursorName is the key the stream cursor is saved under. Jetstream
// instances share one (time_us is comparable across them); a firehose's
// sequence numbers belong to its host; a file's offsets to that file.
func (s SourceSpec) cursorName() (string, error) {
	switch s.Kind {
	case SourceJetstream:
		return "jetstream", nil
	case SourceFirehose:
		u, err := url.Parse(s.URLs[0])
		if err != nil {
			return "", err
		}
		return "firehose/" + u.Host, nil
	case SourceFile:
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			return "", fmt.Errorf("source file: %w", err)
		}
		return "file/" + abs, nil
	}
	return "", errors.New("source none has no cursor")
}

// Message is what a source hands the writer: one decoded event, or the
// reason one was dropped. Cursor is the resume position once it is handled
// (0 when a dropped event's position is unknown).
type message struct {
	ev     Event
	drop   string
	cursor int64
}

// source delivers messages in stream order until ctx ends. A finite source
// returns nil at its end; a network source reconnects by itself and only
// returns when ctx ends or the cursor cannot be used.
type source interface {
	run(ctx context.Context, start int64, haveStart bool, out chan<- message) error
}
