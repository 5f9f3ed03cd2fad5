package testutil

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Feedgen builds the feedgen binary once per test binary, for the tests
// that run it as a user would, and returns its path.
func Feedgen(tb testing.TB) string {
	tb.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "feedgen-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "feedgen")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/feedgen")
		cmd.Dir = RepoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if buildErr != nil {
		tb.Fatalf("build feedgen: %v", buildErr)
	}
	return binPath
}

// RepoRoot is the repository's top directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Env is this process's environment without any FEEDGEN_* variable (feedgen
// refuses unknown ones), plus extra ("K=V"). It follows no labeler unless
// extra names one (FEEDGEN_LABELERS): a test never reaches the public
// network, and the default is Bluesky's moderation service.
func Env(extra ...string) []string {
	env := []string{"FEEDGEN_LABELERS=none"}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "FEEDGEN_") {
			env = append(env, kv)
		}
	}
	// exec.Cmd takes the last value of a variable given twice.
	return append(env, extra...)
}

// Proc is a running `feedgen serve`, started by Serve. Its log (JSON lines
// on stderr) goes to a file, shown when the test fails.
type Proc struct {
	Cmd *exec.Cmd
	// Addr is the address it listens on, from its "serving" log line.
	Addr string

	tb      testing.TB
	logPath string
	done    chan error
	exit    error
	exited  bool
}

// Serve runs argv (the binary and "serve", or a wrapper that ends up
// running it) with env added to Env(), and waits until it logs "serving".
// It is killed when the test ends, if still running.
func Serve(tb testing.TB, argv []string, env ...string) *Proc {
	tb.Helper()
	p := &Proc{tb: tb, logPath: filepath.Join(tb.TempDir(), "feedgen.log"), done: make(chan error, 1)}
	p.Cmd = exec.Command(argv[0], argv[1:]...)
	p.Cmd.Env = Env(env...)
	logFile, err := os.Create(p.logPath)
	if err != nil {
		tb.Fatal(err)
	}
	stderr, err := p.Cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := p.Cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(io.TeeReader(stderr, logFile))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "serving" {
				select {
				case addr <- rec.Addr:
				default:
				}
			}
		}
		err := p.Cmd.Wait()
		logFile.Close()
		p.done <- err
	}()
	tb.Cleanup(func() {
		p.Cmd.Process.Kill()
		if tb.Failed() {
			tb.Logf("feedgen log:\n%s", Tail(p.logPath, 60))
		}
	})
	select {
	case p.Addr = <-addr:
	case err := <-p.done:
		tb.Fatalf("feedgen exited at startup: %v\n%s", err, Tail(p.logPath, 20))
	case <-time.After(30 * time.Second):
		tb.Fatal("feedgen did not start")
	}
	return p
}

// Wait waits up to d for the process to exit and returns how it exited.
func (p *Proc) Wait(d time.Duration) error {
	p.tb.Helper()
	if p.exited {
		return p.exit
	}
	select {
	case p.exit = <-p.done:
		p.exited = true
		return p.exit
	case <-time.After(d):
		p.tb.Fatalf("feedgen did not exit within %s", d)
		return nil
	}
}

// Stop sends SIGTERM and waits up to 30 s for a clean exit.
func (p *Proc) Stop() {
	p.tb.Helper()
	if err := p.Cmd.Process.Signal(syscall.SIGTERM); err != nil {
		p.tb.Fatal(err)
	}
	if err := p.Wait(30 * time.Second); err != nil {
		p.tb.Fatalf("feedgen exit after SIGTERM: %v\n%s", err, Tail(p.logPath, 20))
	}
}

// Log is what the process has logged so far.
func (p *Proc) Log() string {
	b, _ := os.ReadFile(p.logPath)
	return string(b)
}

// Tail is the last n lines of the file at path, for a failed test's log.
func Tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
