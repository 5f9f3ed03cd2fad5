package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/store"
)

// closedURL is an admin URL where nothing listens (port 1 refuses).
const closedURL = "http://127.0.0.1:1"

// The commands that read the database never make one: with no server at
// the admin URL and no file, each refuses, says which URL it tried and
// which file it would have used, and leaves no file behind.
func TestCommandsNeverCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "feedgen.db")
	env := localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_URL="+closedURL)
	post := "at://did:plc:bobbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.post/3kbobpost222"
	for _, args := range [][]string{
		{"authors", "list"},
		{"authors", "add", "did:plc:aliceaaaaaaaaaaaaaaaaaaa"},
		{"explain", post},
		{"queue"},
		{"audit"},
		{"block"},
		{"pin", post},
		{"lists", "sync"},
		{"backup", filepath.Join(dir, "copy.db")},
		{"cursor", "show"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, err := runFeedgen(t, env, args...)
			if err == nil {
				t.Fatalf("succeeded without a server or a database: %s", out)
			}
			msg := err.Error()
			if args[0] != "cursor" && (!strings.Contains(msg, closedURL) || !strings.Contains(msg, "refused")) {
				t.Errorf("the error does not say which URL refused: %s", msg)
			}
			if !strings.Contains(msg, db) && !strings.Contains(msg, "feedgen.db") {
				t.Errorf("the error does not name the database file: %s", msg)
			}
			for _, f := range []string{db, filepath.Join(dir, "copy.db")} {
				if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s was created", f)
				}
			}
		})
	}
}

// Without a server, a command uses the database file only if it exists and
// no other process holds it, and says so in its first line; through a
// server, it names the server's database.
func TestCommandsSayWhichDatabaseTheyRead(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "feedgen.db")
	seedStore(t, db, 3)
	env := localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_URL="+closedURL, "FEEDGEN_ADMIN_TOKENS="+testToken)

	// Held by another process (here: this one): refused, with the reason.
	held, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = runFeedgen(t, env, "authors", "list")
	held.Close()
	if err == nil || !strings.Contains(err.Error(), "held by another process") || !strings.Contains(err.Error(), "--admin-url") {
		t.Fatalf("with the file locked: got %v, want a refusal that points at --admin-url", err)
	}

	stdout, stderr, err := runFeedgenStreams(t, env, "authors", "list")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(stderr, "\n")
	if want := "feedgen: database " + db + ", the file itself (no server answers at " + closedURL + ")"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	if !strings.Contains(stdout, "0 author(s)") {
		t.Errorf("output: %q", stdout)
	}

	_, stderr, err = runFeedgenStreams(t, env, "cursor", "show")
	if first, _, _ := strings.Cut(stderr, "\n"); err != nil || first != "feedgen: database "+db {
		t.Errorf("cursor show: first line %q (%v)", first, err)
	}

	s := startService(t, localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_TOKENS="+testToken), shutdownBudget)
	online := localEnv(t, "FEEDGEN_DB=/nowhere/else.db", "FEEDGEN_ADMIN_URL=http://"+s.Addr(), "FEEDGEN_ADMIN_TOKENS="+testToken)
	_, stderr, err = runFeedgenStreams(t, online, "audit")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ = strings.Cut(stderr, "\n")
	if want := "feedgen: database " + db + ", through the server at http://" + s.Addr(); first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}

// backup keeps an existing file unless told otherwise.
func TestBackupRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "feedgen.db")
	seedStore(t, db, 3)
	dst := filepath.Join(dir, "yesterday.db")
	if err := os.WriteFile(dst, []byte("yesterday's backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_URL="+closedURL)
	_, err := runFeedgen(t, env, "backup", dst)
	if err == nil || !strings.Contains(err.Error(), "exists") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("backup over a file: got %v, want a refusal naming --force", err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "yesterday's backup" {
		t.Fatal("the refused backup changed the file")
	}
	if out, err := runFeedgen(t, env, "backup", "--force", dst); err != nil {
		t.Fatalf("backup --force: %v: %s", err, out)
	}
	st, err := store.Open(dst, store.Options{ReadOnly: true, MustExist: true})
	if err != nil {
		t.Fatalf("backup --force did not write a database: %v", err)
	}
	st.Close()
}

// runBinary runs the real feedgen binary, as a person at a terminal
// would, and returns its two streams and exit status.
func runBinary(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(testutil.Feedgen(t), args...)
	cmd.Env = testutil.Env(env...)
	cmd.Dir = t.TempDir()
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// A mistake on the command line costs one line that says what and where to
// look, not the usage text and the error twice.
func TestBadFlagIsOneLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--max-lag", "soon"}, `invalid value "soon" for flag -max-lag`},
		{[]string{"authors", "list", "--no-such-flag"}, "no-such-flag"},
		{[]string{"classify", "--labels"}, "labels"},
		{[]string{"serv"}, `no command "serv"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout, stderr, code := runBinary(t, nil, tc.args...)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("printed on its output: %q", stdout)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "feedgen: ") || !strings.Contains(lines[0], tc.want) ||
				!strings.Contains(lines[0], "--help)") {
				t.Errorf("error output:\n%s\nwant one line with %q and a hint to --help", stderr, tc.want)
			}
		})
	}
}

// A failure is said once: no part's name twice in a row, no JSON for a
// person at a terminal.
func TestStartupErrorSaidOnce(t *testing.T) {
	_, stderr, code := runBinary(t, []string{"FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_SOURCE=./recorded.jsonl"}, "serve")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := "feedgen: --source (FEEDGEN_SOURCE): stat recorded.jsonl: no such file or directory\n"
	if stderr != want {
		t.Errorf("got %q, want %q", stderr, want)
	}
}

// doubledPrefix finds "x: x:" in an error message.
func doubledPrefix(msg string) string {
	parts := strings.Split(msg, ": ")
	for i := 1; i < len(parts); i++ {
		if parts[i] == parts[i-1] {
			return parts[i]
		}
	}
	return ""
}

// Each command's help lists the options it uses, and the server's options
// only under serve.
func TestHelpShowsEachCommandsOwnOptions(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		want, not []string
	}{
		// The repo curation store writes with the publisher's credentials.
		{[]string{"serve"}, []string{"--listen", "--source", "--max-lag", "--admin-tokens", "--db", "--curation-store", "--publisher-password"}, []string{"--admin-url"}},
		{[]string{"rebuild"}, []string{"--admin-url", "--db", "--curation-store", "--publisher-password"}, []string{"--listen", "--source"}},
		{[]string{"classify"}, []string{"--labels", "--rules"}, []string{"--listen", "--publisher-password", "--db", "FEEDGEN_"}},
		{[]string{"authors", "list"}, []string{"--admin-url", "--admin-token", "--db", "--feed"}, []string{"--listen", "--source", "--publisher-password", "--max-lag"}},
		{[]string{"queue", "approve"}, []string{"--add-author", "--admin-url"}, []string{"--limit", "--source"}},
		{[]string{"backup"}, []string{"--force", "--admin-url", "--db"}, []string{"--source", "--retention"}},
		{[]string{"publish"}, []string{"--publisher-password", "--pds-url"}, []string{"--listen", "--source", "--admin-url"}},
		{[]string{"cursor", "reset"}, []string{"--db"}, []string{"--listen", "--admin-url"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, err := runFeedgen(t, nil, append(tc.args, "--help")...)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w+" ") {
					t.Errorf("does not list %s:\n%s", w, out)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out, n) {
					t.Errorf("lists %s:\n%s", n, out)
				}
			}
		})
	}
	// An option a command keeps out of its help still works there: the
	// curators' commands find the server from FEEDGEN_LISTEN, as the
	// service does.
	_, err := runFeedgen(t, localEnv(t, "FEEDGEN_DB="+filepath.Join(t.TempDir(), "none.db")), "authors", "list", "--listen", "127.0.0.1:1")
	if err == nil || !strings.Contains(err.Error(), closedURL) {
		t.Errorf("authors list --listen 127.0.0.1:1: got %v, want it to try %s", err, closedURL)
	}
}
