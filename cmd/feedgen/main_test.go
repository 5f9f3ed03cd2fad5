package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/store"
)

// running is `feedgen serve` run in this process: the service, and its
// log.
type running struct {
	*service
	log  *testutil.SyncBuffer
	stop func() error
	// exited is closed when Run returns by itself or is stopped; err is
	// what it returned.
	exited chan struct{}
	err    error
}

// startService opens and runs the service as `feedgen serve` would with
// env (FEEDGEN_* variables), within budget b, until the test ends or stop
// is called; prepare, if given, may change the service before it runs.
// stop returns what Run and Close returned.
func startService(t *testing.T, env map[string]string, b budget, prepare ...func(*service)) *running {
	t.Helper()
	cfg := loadConfig(t, env)
	logs := &testutil.SyncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx, cancel := context.WithCancel(context.Background())
	s, err := openService(ctx, cfg, logger, b)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	for _, p := range prepare {
		p(s)
	}
	r := &running{service: s, log: logs, exited: make(chan struct{})}
	go func() {
		r.err = s.Run(ctx)
		close(r.exited)
	}()
	var once sync.Once
	var stopErr error
	r.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case <-r.exited:
				stopErr = r.err
			case <-time.After(b.Total() + 10*time.Second):
				t.Fatalf("Run did not return within %s after its context ended", b.Total()+10*time.Second)
			}
			if err := s.Close(); err != nil && stopErr == nil {
				stopErr = err
			}
		})
		return stopErr
	}
	t.Cleanup(func() {
		r.stop()
		if t.Failed() {
			t.Logf("log:\n%s", logs)
		}
	})
	return r
}

// localEnv is the environment of a local test service on its own port and
// database, with no source.
func localEnv(t *testing.T, extra ...string) map[string]string {
	env := map[string]string{"FEEDGEN_LISTEN": "127.0.0.1:0", "FEEDGEN_DB": filepath.Join(t.TempDir(), "feedgen.db"), "FEEDGEN_SOURCE": "none"}
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	return env
}

// runFeedgen runs the command line in this process with exactly the
// FEEDGEN_* variables given, and returns what it printed (the error stream
// first, as a terminal shows its notes before the output), and its error.
func runFeedgen(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	stdout, stderr, err := runFeedgenStreams(t, env, args...)
	return stderr + stdout, err
}

// runFeedgenStreams is runFeedgen with the output and the error stream
// apart.
func runFeedgenStreams(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	setEnv(t, env)
	var out, errOut bytes.Buffer
	cmd := app()
	cmd.Writer, cmd.ErrWriter = &out, &errOut
	err = cmd.Run(context.Background(), append([]string{"feedgen"}, args...))
	return out.String(), errOut.String(), err
}

// The real binary stops in order on SIGTERM, says so, and releases the
// database. (The one test of a signal; the others run the service in
// process.)
func TestServeRunsAndShutsDownGracefully(t *testing.T) {
	db := filepath.Join(t.TempDir(), "feedgen.db")
	p := testutil.Serve(t, []string{testutil.Feedgen(t), "serve"}, "FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+db, "FEEDGEN_SOURCE=none")

	resp, err := http.Get("http://" + p.Addr + "/xrpc/app.bsky.feed.describeFeedGenerator")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "app.bsky.feed.generator/sc-peace") {
		t.Fatalf("describe: %d %s", resp.StatusCode, body)
	}
	p.Stop()
	if !strings.Contains(p.Log(), `"msg":"stopped"`) {
		t.Error("no 'stopped' log line")
	}
	st, err := store.Open(db, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("database not released: %v", err)
	}
	st.Close()
}

func TestStartupErrorsNameTheVariable(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want string
	}{
		{"FEEDGEN_LISTN=127.0.0.1:0", "FEEDGEN_LISTN"},
		{"FEEDGEN_HOSTNAME=not a host", "FEEDGEN_HOSTNAME"},
		{"FEEDGEN_SOURCE=gopher://example.com", "FEEDGEN_SOURCE"},
	} {
		_, err := runFeedgen(t, localEnv(t, tc.env), "serve")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want a startup error naming %s", tc.env, err, tc.want)
		}
	}
}

func TestHelpListsSubcommands(t *testing.T) {
	out, err := runFeedgen(t, nil, "--help")
	if err != nil {
		t.Fatalf("--help: %v: %s", err, out)
	}
	for _, want := range []string{"serve", "classify", "authors", "backup", "FEEDGEN_"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help does not mention %s", want)
		}
	}
	out, err = runFeedgen(t, nil, "serve", "--help")
	if err != nil {
		t.Fatalf("serve --help: %v: %s", err, out)
	}
	for _, want := range []string{"--listen", "FEEDGEN_SOURCE", "--max-lag", "--admin-tokens"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --help does not mention %s", want)
		}
	}
}

// `serve --source FILE` ingests a recording, then keeps serving it, and
// the health check shows the indexer's state.
func TestServeIngestsAFileThenServes(t *testing.T) {
	devset, _ := filepath.Abs("../../relevance/testdata/devset.jsonl")
	s := startService(t, localEnv(t, "FEEDGEN_SOURCE="+devset,
		// The devset was recorded in 2025; keep it.
		"FEEDGEN_RETENTION=100000h"), shutdownBudget)
	deadline := time.Now().Add(20 * time.Second)
	for {
		body := skeletonBody(t, s.Addr())
		if n := strings.Count(body, `"post"`); n >= 50 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the devset's on-topic posts never reached the feed: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var health struct {
		Status string
		Checks map[string]struct {
			Source string
			Done   bool
			Events int
		}
	}
	var resp *http.Response
	// The posts show as soon as their batch commits, a moment before the
	// indexer counts it and sees the file's end.
	for {
		var err error
		resp, err = http.Get("http://" + s.Addr() + "/xrpc/_health")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&health)
		resp.Body.Close()
		if health.Checks["indexer"].Done || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	ix := health.Checks["indexer"]
	if resp.StatusCode != 200 || health.Status != "ok" || ix.Source != "file" || !ix.Done || ix.Events != 166 {
		t.Fatalf("health after ingesting the file: %d %+v", resp.StatusCode, health)
	}
	if err := s.stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
}
