package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scpeace/feedgen/store"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// feedgenBinary builds the real binary once for the tests that run it as a
// user would.
func feedgenBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "feedgen-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "feedgen")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v", buildErr)
	}
	return binPath
}

// cleanEnv is the test process's environment without FEEDGEN_* variables,
// plus extra.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "FEEDGEN_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// server is a running `feedgen serve`.
type server struct {
	cmd  *exec.Cmd
	addr string
	logs chan string
	done chan error
}

func startServe(t *testing.T, env ...string) *server {
	t.Helper()
	return startServeWith(t, []string{feedgenBinary(t), "serve"}, env...)
}

// startServeWith runs argv (which ends up running feedgen serve) and
// waits until it serves.
func startServeWith(t *testing.T, argv []string, env ...string) *server {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = cleanEnv(env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, logs: make(chan string, 1000), done: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			var rec struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "serving" {
				addr <- rec.Addr
			}
			select {
			case s.logs <- line:
			default:
			}
		}
		close(s.logs)
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case s.addr = <-addr:
	case <-time.After(20 * time.Second):
		t.Fatal("feedgen serve did not start")
	}
	return s
}

func TestServeRunsAndShutsDownGracefully(t *testing.T) {
	db := filepath.Join(t.TempDir(), "feedgen.db")
	s := startServe(t, "FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+db, "FEEDGEN_SOURCE=none")

	resp, err := http.Get("http://" + s.addr + "/xrpc/app.bsky.feed.describeFeedGenerator")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "app.bsky.feed.generator/sc-peace") {
		t.Fatalf("describe: %d %s", resp.StatusCode, body)
	}

	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("feedgen did not stop after SIGTERM")
	}
	var sawStopped bool
	for line := range s.logs {
		sawStopped = sawStopped || strings.Contains(line, `"msg":"stopped"`)
	}
	if !sawStopped {
		t.Error("no 'stopped' log line")
	}
	// The database was closed and released.
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
	} {
		cmd := exec.Command(feedgenBinary(t), "serve")
		cmd.Env = cleanEnv(tc.env, "FEEDGEN_DB="+filepath.Join(t.TempDir(), "x.db"), "FEEDGEN_SOURCE=none")
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("%s: started, want a startup error", tc.env)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("%s: output %q does not name %s", tc.env, out, tc.want)
		}
	}
}

func TestHelpListsSubcommands(t *testing.T) {
	out, err := exec.Command(feedgenBinary(t), "--help").CombinedOutput()
	if err != nil {
		t.Fatalf("--help: %v: %s", err, out)
	}
	for _, want := range []string{"serve", "--listen", "FEEDGEN_SOURCE"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("--help does not mention %s", want)
		}
	}
}

// `serve --source FILE` ingests a recording, then keeps serving it, and
// the health check shows the indexer's state.
func TestServeIngestsAFileThenServes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "feedgen.db")
	devset, _ := filepath.Abs("../../relevance/testdata/devset.jsonl")
	s := startServe(t, "FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+db, "FEEDGEN_SOURCE="+devset,
		// The devset was recorded in 2025; keep it.
		"FEEDGEN_RETENTION=100000h")
	deadline := time.Now().Add(20 * time.Second)
	for {
		body := skeletonBody(t, s.addr)
		if n := strings.Count(body, `"post"`); n >= 50 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the devset's on-topic posts never reached the feed: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	resp, err := http.Get("http://" + s.addr + "/xrpc/_health")
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Status string
		Checks map[string]struct {
			Source string
			Done   bool
			Events int
		}
	}
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	ix := health.Checks["indexer"]
	if resp.StatusCode != 200 || health.Status != "ok" || ix.Source != "file" || !ix.Done || ix.Events != 166 {
		t.Fatalf("health after ingesting the file: %d %+v", resp.StatusCode, health)
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	if err := <-s.done; err != nil {
		t.Fatalf("exit: %v", err)
	}
}

func TestServeRejectsABadSource(t *testing.T) {
	cmd := exec.Command(feedgenBinary(t), "serve")
	cmd.Env = cleanEnv("FEEDGEN_SOURCE=gopher://example.com", "FEEDGEN_DB="+filepath.Join(t.TempDir(), "x.db"))
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "FEEDGEN_SOURCE") {
		t.Fatalf("got %v %s, want a startup error naming FEEDGEN_SOURCE", err, out)
	}
}
