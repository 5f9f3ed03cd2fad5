package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/indexer"
)

type healthBody struct {
	Code   int
	Status string
	Reason string
	Checks struct {
		Indexer struct {
			Status    string
			Reason    string
			State     string
			Connected bool
			LastError string
			Since     time.Time
		}
	}
}

func readHealth(t *testing.T, addr string) healthBody {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/xrpc/_health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var h healthBody
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	h.Code = resp.StatusCode
	return h
}

// closedPort is a port on 127.0.0.1 where nothing listens.
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// While the stream cannot be reached the service says "degraded" (still
// 200: it serves what it has), names the host and the error and since
// when; past --max-lag it says "unhealthy" with 503, and why.
func TestHealthFollowsTheConnection(t *testing.T) {
	port := closedPort(t)
	src := fmt.Sprintf("ws://127.0.0.1:%d/subscribe", port)
	host := fmt.Sprintf("127.0.0.1:%d", port)
	reconnecting := func(s *running) healthBody {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); ; {
			h := readHealth(t, s.Addr())
			if h.Checks.Indexer.State == "reconnecting" {
				return h
			}
			if time.Now().After(deadline) {
				t.Fatalf("the indexer never said it was reconnecting: %+v", h)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	s := startService(t, localEnv(t, "FEEDGEN_SOURCE="+src, "FEEDGEN_MAX_LAG=1h"), shutdownBudget)
	h := reconnecting(s)
	if h.Code != 200 || h.Status != "degraded" || h.Checks.Indexer.Status != "degraded" {
		t.Errorf("while reconnecting: got %d %q, want 200 degraded", h.Code, h.Status)
	}
	if !strings.Contains(h.Reason, "indexer: disconnected since ") || !strings.Contains(h.Reason, "last tried "+host+": ") || !strings.Contains(h.Reason, "refused") {
		t.Errorf("reason %q: want the host, since when, and the refused connection", h.Reason)
	}
	if !strings.Contains(h.Checks.Indexer.LastError, "network error: connection to "+host+" refused") || h.Checks.Indexer.Since.IsZero() {
		t.Errorf("indexer details: %+v", h.Checks.Indexer)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	s = startService(t, localEnv(t, "FEEDGEN_SOURCE="+src, "FEEDGEN_MAX_LAG=1s"), shutdownBudget)
	reconnecting(s)
	for deadline := time.Now().Add(10 * time.Second); h.Status != "unhealthy"; h = readHealth(t, s.Addr()) {
		if time.Now().After(deadline) {
			t.Fatalf("never unhealthy past --max-lag: %+v", h)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if h.Code != 503 || !strings.Contains(h.Reason, "more than --max-lag 1s") || !strings.Contains(h.Reason, "refused") {
		t.Errorf("past --max-lag: got %d %q", h.Code, h.Reason)
	}
}

// The words of each state, from the indexer's status.
func TestIndexerCheck(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 42, 0, time.UTC)
	since := now.Add(-42 * time.Second)
	for _, tc := range []struct {
		name   string
		s      indexer.Status
		status feedgen.HealthStatus
		reason string
	}{
		{"connected", indexer.Status{State: "connected", Connected: true, Healthy: true, Lag: 0.4}, feedgen.StatusOK, ""},
		{"file done", indexer.Status{State: "done", Healthy: true}, feedgen.StatusOK, ""},
		{"connecting", indexer.Status{State: "connecting", Host: "jetstream1.us-east.bsky.network", Since: since, Healthy: true},
			feedgen.StatusDegraded, "connecting to jetstream1.us-east.bsky.network since 2026-03-01T12:00:00Z (42s)"},
		{"reconnecting", indexer.Status{State: "reconnecting", Host: "jetstream2.us-east.bsky.network", Since: since, Healthy: true,
			LastError: "dial: network error: DNS lookup of jetstream2.us-east.bsky.network failed: no such host"},
			feedgen.StatusDegraded, "disconnected since 2026-03-01T12:00:00Z (42s), reconnecting; last tried jetstream2.us-east.bsky.network: " +
				"dial: network error: DNS lookup of jetstream2.us-east.bsky.network failed: no such host"},
		{"behind", indexer.Status{State: "connected", Connected: true, Lag: 421, LastEvent: now.Add(-421 * time.Second)},
			feedgen.StatusUnhealthy, "7m1s behind the network, more than --max-lag 5m0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := indexerCheck(tc.s, 5*time.Minute, now)
			if c.Status != tc.status || c.Reason != tc.reason {
				t.Errorf("got %s %q\nwant %s %q", c.Status, c.Reason, tc.status, tc.reason)
			}
		})
	}
}
