package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The log reads as people write: a wait of "30.1s", not 30132616734; the
// Jetstream URL as its host and path, not 600 characters of query.
func TestLogIsReadable(t *testing.T) {
	var buf bytes.Buffer
	long := "wss://jetstream1.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost" +
		"&wantedCollections=app.bsky.graph.listitem&maxMessageSizeBytes=1048576&cursor=1764450000000000"
	err := fmt.Errorf("dial: failed to WebSocket dial: failed to send handshake request: Get %q: dial tcp: lookup jetstream1.us-east.bsky.network: no such host", long)
	newLogger(&buf, 0).Warn("jetstream disconnected", "retry_in", 30132616734*time.Nanosecond, "err", err,
		"took", 1500*time.Microsecond, "url", long, "plain", "https://plc.directory")
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	for k, want := range map[string]any{
		"retry_in": "30.1s",
		"took":     "1.5ms",
		"url":      "jetstream1.us-east.bsky.network/subscribe",
		"plain":    "https://plc.directory",
		"err": `dial: failed to WebSocket dial: failed to send handshake request: Get "jetstream1.us-east.bsky.network/subscribe": ` +
			"dial tcp: lookup jetstream1.us-east.bsky.network: no such host",
	} {
		if rec[k] != want {
			t.Errorf("%s: got %v, want %v", k, rec[k], want)
		}
	}
	if strings.Contains(buf.String(), "wantedCollections") {
		t.Errorf("the query is still there: %s", buf.String())
	}
}
