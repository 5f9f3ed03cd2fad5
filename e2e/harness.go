// Package e2e runs end-to-end tests against a real AT Protocol network on 127.0.0.1:
// the official PLC directory, PDS and (in Full mode) Bluesky AppView from npm, started by
// network/network.mjs through @atproto/dev-env. Tests act as users with network/client.mjs
// (the official @atproto/api client) and read the PDS firehose like a relay consumer.
//
// The tests run only when FEEDGEN_E2E is set: they need Node 22 and PostgreSQL, which
// network/setup.sh installs on the first run (minutes cold, a second warm). Without it
// `go test ./...` skips them at once. See README.md in this directory.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
)

// EnvVar enables the end-to-end tests when set to anything but "" or "0".
const EnvVar = "FEEDGEN_E2E"

// Password is the password of every account CreateAccount makes.
const Password = "e2e-password"

// How long the harness waits for the slow steps. They are limits for a broken run, not
// expectations: setup takes ~2-3 min cold and ~1 s warm, the network ~1 s (PDS) or ~10 s
// (Full) to start, a client call well under a second.
const (
	setupTimeout = 15 * time.Minute
	readyTimeout = 3 * time.Minute
	callTimeout  = 2 * time.Minute
	stopTimeout  = 30 * time.Second
)

// Mode says which services a Network runs.
type Mode string

const (
	// PDSOnly runs PLC + PDS (dev-env's TestNetworkNoAppView): enough for the firehose,
	// accounts and records. It starts in about a second and needs no PostgreSQL.
	PDSOnly Mode = "pds"
	// Full adds the Bluesky AppView, bsync and ozone (dev-env's TestNetwork) with a
	// PostgreSQL cluster of its own: needed for getFeed, getPosts, getProfile, getList.
	Full Mode = "full"
)

// Network is one running local network. Its URLs use 127.0.0.1; services inside the
// network address each other as localhost, so a did:web the AppView must resolve has to
// be did:web:localhost%3A<port> (see README.md).
type Network struct {
	Mode Mode
	// PLCURL is the PLC directory: GET PLCURL/<did> returns a DID document. Feed
	// generator code resolving did:plc identities must use it instead of plc.directory.
	PLCURL string
	// PDSURL is the PDS's XRPC base; PDSDID its service DID (did:web:localhost).
	PDSURL string
	PDSDID syntax.DID
	// FirehoseURL is the PDS's com.atproto.sync.subscribeRepos websocket (add ?cursor=0
	// to replay from the first event).
	FirehoseURL string
	// AppViewURL and AppViewDID are empty in PDSOnly mode. AppViewDID is the audience of
	// the service-auth tokens the PDS mints when proxying to the AppView.
	AppViewURL string
	AppViewDID syntax.DID
	// PostgresURL is the AppView's database (Full mode only).
	PostgresURL string
	// OzoneURL and OzoneDID are dev-env's Ozone, a labeler (Full mode only). Its DID
	// document names its #atproto_labeler endpoint and #atproto_label key.
	OzoneURL string
	OzoneDID syntax.DID

	controlURL string
	netDir     string
	node       string
	logPath    string

	clientMu sync.Mutex
	client   *clientProc
	clientID int64
}

// Account is a user created on the network's PDS.
type Account struct {
	DID      syntax.DID
	Handle   syntax.Handle
	Password string
}

// Ref points at one version of a record, as createRecord returns it.
type Ref struct {
	URI syntax.ATURI
	CID syntax.CID
}

// LinkCard is an app.bsky.embed.external card.
type LinkCard struct {
	URI, Title, Description string
}

// PostOpts are the optional parts of a post. The zero value is a plain post with no
// langs, as some clients send them.
type PostOpts struct {
	Langs []string
	Tags  []string // the record's own tags field (not #hashtags in the text)
	// ReplyTo makes the post a reply; the root is taken from the parent, as apps do.
	ReplyTo syntax.ATURI
	// Quote embeds the quoted post (app.bsky.embed.record, or recordWithMedia with Link).
	Quote syntax.ATURI
	Link  *LinkCard
	// Facets detects links, mentions and #hashtags in the text, as apps do.
	Facets    bool
	CreatedAt time.Time
}

// ListPurpose is the purpose of an app.bsky.graph.list.
type ListPurpose string

// List purposes, as client.mjs names them.
const (
	CurateList    ListPurpose = "curate"
	ModList       ListPurpose = "mod"
	ReferenceList ListPurpose = "reference"
)

// FeedQuery is the optional part of a getFeed call.
type FeedQuery struct {
	Limit  int
	Cursor string
}

// ClientError is an error answered by the network (an XRPC error) or by client.mjs.
type ClientError struct {
	// Name is the XRPC error name (e.g. "InvalidRequest", "UnknownFeed") or, for errors
	// of the client itself, a JavaScript error name such as "UsageError".
	Name    string `json:"error"`
	Message string `json:"message"`
	// Status is the HTTP status of the XRPC response, 0 when there was none.
	Status int `json:"status"`
}

func (e *ClientError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("%s (%d): %s", e.Name, e.Status, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Name, e.Message)
}

// Enabled reports whether the end-to-end tests should run.
func Enabled() bool {
	v := os.Getenv(EnvVar)
	return v != "" && v != "0"
}

var (
	setupOnce sync.Once
	setupErr  error
	setupOut  []byte
)

// networkDir is the directory of network.mjs: tests run in the package directory.
func networkDir() (string, error) {
	return filepath.Abs("network")
}

// setup runs network/setup.sh once per test binary. It is idempotent and takes about a
// second when CI's .ci/e2e-setup has already run it.
func setup(t testing.TB) string {
	t.Helper()
	dir, err := networkDir()
	if err != nil {
		t.Fatalf("e2e: %v", err)
	}
	setupOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, "bash", filepath.Join(dir, "setup.sh"))
		cmd.Dir = dir
		cmd.Env = ChildEnv()
		setupOut, setupErr = cmd.CombinedOutput()
	})
	if setupErr != nil {
		t.Fatalf("e2e: network/setup.sh: %v\n%s", setupErr, setupOut)
	}
	return dir
}

// ChildEnv returns the environment for a process a test starts (such as the feedgen
// binary): this process's, minus every FEEDGEN_* variable, plus extra ("K=V").
func ChildEnv(extra ...string) []string { return testutil.Env(extra...) }

// readyLine is what network.mjs prints on stdout once every service is up.
type readyLine struct {
	Mode        string `json:"mode"`
	PLCURL      string `json:"plcUrl"`
	PDSURL      string `json:"pdsUrl"`
	PDSDID      string `json:"pdsDid"`
	FirehoseURL string `json:"firehoseUrl"`
	AppViewURL  string `json:"appviewUrl"`
	AppViewDID  string `json:"appviewDid"`
	OzoneURL    string `json:"ozoneUrl"`
	OzoneDID    string `json:"ozoneDid"`
	PostgresURL string `json:"postgresUrl"`
	PGDir       string `json:"pgDir"`
	ControlURL  string `json:"controlUrl"`
}

const readyPrefix = "FEEDGEN_E2E_READY "

// Start runs a network in the given mode for the rest of the test, or skips the test
// when FEEDGEN_E2E is unset. Everything it started is stopped by t.Cleanup, on failure
// too; if the test binary itself dies, the network sees its stdin close and stops.
// Each call starts its own network on free ports, so tests are independent.
func Start(t testing.TB, mode Mode) *Network {
	t.Helper()
	if !Enabled() {
		t.Skipf("end-to-end test: set %s=1 to run it (needs Node 22 from npm and PostgreSQL; see e2e/README.md)", EnvVar)
	}
	if mode != PDSOnly && mode != Full {
		t.Fatalf("e2e: unknown mode %q", mode)
	}
	dir := setup(t)
	tmp := t.TempDir()
	n := &Network{
		Mode:    mode,
		netDir:  dir,
		node:    filepath.Join(dir, ".runtime", "bin", "node"),
		logPath: filepath.Join(tmp, "network.log"),
	}
	// O_APPEND: node, our stdout copier and client.mjs all write to this file.
	logFile, err := os.OpenFile(n.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatalf("e2e: %v", err)
	}
	workDir := filepath.Join(tmp, "work")

	cmd := exec.Command(n.node, "network.mjs", opt("mode", string(mode)), "--watch-stdin", opt("work-dir", workDir))
	cmd.Dir = dir
	cmd.Env = ChildEnv()
	cmd.Stderr = logFile
	// Its own process group, so that a last-resort kill reaches PostgreSQL as well, and
	// a Ctrl-C meant for `go test` does not hit the network before the cleanup does.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 5 * time.Second
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatalf("e2e: %v", err)
	}
	pr, pw := io.Pipe()
	cmd.Stdout = pw

	ready := make(chan readyLine, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(logFile, line)
			if rest, ok := strings.CutPrefix(line, readyPrefix); ok {
				var r readyLine
				if err := json.Unmarshal([]byte(rest), &r); err == nil {
					ready <- r
				} else {
					fmt.Fprintf(logFile, "e2e: bad READY line: %v\n", err)
				}
			}
		}
		_, _ = io.Copy(io.Discard, pr)
	}()

	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("e2e: start %s: %v", n.node, err)
	}
	// exited is closed when the process is gone; exitErr is set before that.
	exited := make(chan struct{})
	var exitErr error
	go func() {
		exitErr = cmd.Wait()
		pw.Close()
		close(exited)
	}()

	var pgDir string
	t.Cleanup(func() {
		n.closeClient()
		// Asking first lets the network stop its services and PostgreSQL in order.
		stdin.Close()
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(stopTimeout):
			t.Logf("e2e: network did not stop in %v, killing its process group", stopTimeout)
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		// A network that was killed cannot remove its PostgreSQL cluster itself.
		if pgDir != "" {
			_ = os.RemoveAll(pgDir)
		}
		logFile.Close()
		if t.Failed() {
			t.Logf("e2e: network log (%s), last lines:\n%s", n.logPath, testutil.Tail(n.logPath, 80))
		}
	})

	select {
	case r := <-ready:
		pgDir = r.PGDir
		n.PLCURL = r.PLCURL
		n.PDSURL = r.PDSURL
		n.FirehoseURL = r.FirehoseURL
		n.AppViewURL = r.AppViewURL
		n.PostgresURL = r.PostgresURL
		n.controlURL = r.ControlURL
		if n.PDSDID, err = syntax.ParseDID(r.PDSDID); err != nil {
			t.Fatalf("e2e: PDS DID: %v", err)
		}
		if r.AppViewDID != "" {
			if n.AppViewDID, err = syntax.ParseDID(r.AppViewDID); err != nil {
				t.Fatalf("e2e: AppView DID: %v", err)
			}
		}
		n.OzoneURL = r.OzoneURL
		if r.OzoneDID != "" {
			if n.OzoneDID, err = syntax.ParseDID(r.OzoneDID); err != nil {
				t.Fatalf("e2e: Ozone DID: %v", err)
			}
		}
	case <-exited:
		t.Fatalf("e2e: network exited before it was ready: %v", exitErr)
	case <-time.After(readyTimeout):
		t.Fatalf("e2e: network not ready after %v", readyTimeout)
	}
	t.Logf("e2e: %s network ready in %v: PDS %s, AppView %s", mode, time.Since(t0).Round(100*time.Millisecond), n.PDSURL, n.AppViewURL)
	return n
}

// tail returns the last n lines of a file, for failure messages.

// LogPath is the file that collects the network's output (kept until the test ends,
// printed on failure).
func (n *Network) LogPath() string { return n.logPath }

// ProcessAll waits until the network has caught up with everything written so far: the
// PDS's background queue is drained and, in Full mode, the AppView has indexed every
// event the PDS emitted. It returns the PDS firehose's newest sequence number.
func (n *Network) ProcessAll(t testing.TB) int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.controlURL+"/process-all", nil)
	if err != nil {
		t.Fatalf("e2e: process-all: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("e2e: process-all: %v", err)
	}
	defer resp.Body.Close()
	var out struct {
		LastSeq int64  `json:"lastSeq"`
		Message string `json:"message"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("e2e: process-all: status %d, %q, decode: %v", resp.StatusCode, out.Message, err)
	}
	return out.LastSeq
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago, for a server a
// test starts (e.g. feedgen, whose did:web must then be did:web:localhost%3A<port>).
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("e2e: free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// ---------------------------------------------------------------- client.mjs

// clientProc is a long-running `node client.mjs serve`: one node start for all calls.
type clientProc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan []byte
	quit   chan struct{} // closed when nobody will read lines any more
	exited chan struct{}
}

func (n *Network) startClient() (*clientProc, error) {
	cmd := exec.Command(n.node, "client.mjs", "serve")
	cmd.Dir = n.netDir
	cmd.Env = ChildEnv()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 5 * time.Second
	logFile, err := os.OpenFile(n.logPath, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, err
	}
	cmd.Stderr = logFile
	stdin, err := cmd.StdinPipe()
	if err != nil {
		logFile.Close()
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		logFile.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	c := &clientProc{cmd: cmd, stdin: stdin, lines: make(chan []byte), quit: make(chan struct{}), exited: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
		for sc.Scan() {
			select {
			case c.lines <- bytes.Clone(sc.Bytes()):
			case <-c.quit:
			}
		}
		_ = cmd.Wait()
		logFile.Close()
		close(c.exited)
	}()
	return c, nil
}

func (n *Network) closeClient() {
	n.clientMu.Lock()
	defer n.clientMu.Unlock()
	if n.client == nil {
		return
	}
	c := n.client
	n.client = nil
	close(c.quit)
	c.stdin.Close()
	select {
	case <-c.exited:
	case <-time.After(5 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.exited
	}
}

// Client runs one client.mjs command (see the list at the top of network/client.mjs)
// and decodes its JSON result into out (which may be nil). --pds and --appview are
// added. A failure answered by the network or the client is a *ClientError.
func (n *Network) Client(ctx context.Context, out any, args ...string) error {
	args = append(args, opt("pds", n.PDSURL))
	if n.AppViewURL != "" {
		args = append(args, opt("appview", n.AppViewURL))
	}
	n.clientMu.Lock()
	defer n.clientMu.Unlock()
	if n.client == nil {
		c, err := n.startClient()
		if err != nil {
			return fmt.Errorf("start client.mjs: %w", err)
		}
		n.client = c
	}
	c := n.client
	n.clientID++
	id := n.clientID
	req, err := json.Marshal(struct {
		ID   int64    `json:"id"`
		Args []string `json:"args"`
	}{id, args})
	if err != nil {
		return err
	}
	if _, err := c.stdin.Write(append(req, '\n')); err != nil {
		return fmt.Errorf("client.mjs: write: %w", err)
	}
	for {
		select {
		case line := <-c.lines:
			var resp struct {
				ID     int64           `json:"id"`
				OK     bool            `json:"ok"`
				Result json.RawMessage `json:"result"`
				Error  *ClientError    `json:"error"`
			}
			if json.Unmarshal(line, &resp) != nil || resp.ID != id {
				continue // not an answer of ours: something a library printed
			}
			if !resp.OK {
				if resp.Error == nil {
					return errors.New("client.mjs: failed without an error")
				}
				return resp.Error
			}
			if out == nil {
				return nil
			}
			if err := json.Unmarshal(resp.Result, out); err != nil {
				return fmt.Errorf("client.mjs %s: decode result: %w", args[0], err)
			}
			return nil
		case <-c.exited:
			close(c.quit)
			n.client = nil
			return fmt.Errorf("client.mjs exited during %s (see %s)", args[0], n.logPath)
		case <-ctx.Done():
			// The answer may still come; a fresh process for the next call is simpler
			// than matching it up later.
			close(c.quit)
			_ = c.cmd.Process.Kill()
			n.client = nil
			return fmt.Errorf("client.mjs %s: %w", args[0], ctx.Err())
		}
	}
}

// call runs a client command as t's step and fails t on error.
func (n *Network) call(t testing.TB, out any, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	if err := n.Client(ctx, out, args...); err != nil {
		t.Fatalf("e2e: %s: %v", args[0], err)
	}
}

// opt is "--name=value": node's parseArgs refuses "--name", "-value" as ambiguous, and
// post texts may well start with a dash.
func opt(name, value string) string { return "--" + name + "=" + value }

func asArgs(a Account) []string {
	return []string{opt("handle", a.Handle.String()), opt("password", a.Password)}
}

// readerArgs reads as the user through the PDS, or anonymously from the AppView.
func readerArgs(as *Account) []string {
	if as == nil {
		return nil
	}
	return asArgs(*as)
}

// refResult is client.mjs's {uri, cid} answer.
type refResult struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}

func (r refResult) ref(t testing.TB) Ref {
	t.Helper()
	uri, err := syntax.ParseATURI(r.URI)
	if err != nil {
		t.Fatalf("e2e: record uri: %v", err)
	}
	cid, err := syntax.ParseCID(r.CID)
	if err != nil {
		t.Fatalf("e2e: record cid: %v", err)
	}
	return Ref{URI: uri, CID: cid}
}

// CreateAccount creates an account with Password. A name without a dot gets the PDS's
// ".test" domain ("alice" becomes alice.test); the first label needs 3+ characters.
func (n *Network) CreateAccount(t testing.TB, name string) Account {
	t.Helper()
	if !strings.Contains(name, ".") {
		name += ".test"
	}
	var out struct {
		DID    string `json:"did"`
		Handle string `json:"handle"`
	}
	n.call(t, &out, "create-account", opt("handle", name), opt("password", Password))
	did, err := syntax.ParseDID(out.DID)
	if err != nil {
		t.Fatalf("e2e: create-account: %v", err)
	}
	h, err := syntax.ParseHandle(out.Handle)
	if err != nil {
		t.Fatalf("e2e: create-account: %v", err)
	}
	return Account{DID: did, Handle: h, Password: Password}
}

// Post creates an app.bsky.feed.post as the account.
func (n *Network) Post(t testing.TB, as Account, text string, opts PostOpts) Ref {
	t.Helper()
	args := append([]string{"post", opt("text", text)}, asArgs(as)...)
	for _, l := range opts.Langs {
		args = append(args, opt("lang", l))
	}
	for _, tag := range opts.Tags {
		args = append(args, opt("tag", tag))
	}
	if opts.ReplyTo != "" {
		args = append(args, opt("reply-to", opts.ReplyTo.String()))
	}
	if opts.Quote != "" {
		args = append(args, opt("quote", opts.Quote.String()))
	}
	if opts.Link != nil {
		args = append(args, opt("link", opts.Link.URI), opt("link-title", opts.Link.Title), opt("link-description", opts.Link.Description))
	}
	if opts.Facets {
		args = append(args, "--facets")
	}
	if !opts.CreatedAt.IsZero() {
		args = append(args, opt("created-at", opts.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")))
	}
	var out refResult
	n.call(t, &out, args...)
	return out.ref(t)
}

// Delete deletes one of the account's records (a post, a list item, a list...).
func (n *Network) Delete(t testing.TB, as Account, uri syntax.ATURI) {
	t.Helper()
	n.call(t, nil, append([]string{"delete", opt("uri", uri.String())}, asArgs(as)...)...)
}

// Like likes a post as the account.
func (n *Network) Like(t testing.TB, as Account, post syntax.ATURI) Ref {
	t.Helper()
	var out refResult
	n.call(t, &out, append([]string{"like", opt("uri", post.String())}, asArgs(as)...)...)
	return out.ref(t)
}

// Repost reposts a post as the account.
func (n *Network) Repost(t testing.TB, as Account, post syntax.ATURI) Ref {
	t.Helper()
	var out refResult
	n.call(t, &out, append([]string{"repost", opt("uri", post.String())}, asArgs(as)...)...)
	return out.ref(t)
}

// Follow makes the account follow subject.
func (n *Network) Follow(t testing.TB, as Account, subject syntax.DID) Ref {
	t.Helper()
	var out refResult
	n.call(t, &out, append([]string{"follow", opt("subject", subject.String())}, asArgs(as)...)...)
	return out.ref(t)
}

// CreateList creates an app.bsky.graph.list of the given purpose ("" is CurateList).
func (n *Network) CreateList(t testing.TB, as Account, name string, purpose ListPurpose, description string) Ref {
	t.Helper()
	if purpose == "" {
		purpose = CurateList
	}
	args := append([]string{"create-list", opt("name", name), opt("purpose", string(purpose)), opt("description", description)}, asArgs(as)...)
	var out refResult
	n.call(t, &out, args...)
	return out.ref(t)
}

// UpdateList renames a list and replaces its description (putRecord: an update op on
// the firehose, same URI, new CID).
func (n *Network) UpdateList(t testing.TB, as Account, list syntax.ATURI, name, description string) Ref {
	t.Helper()
	args := append([]string{"update-list", opt("uri", list.String()), opt("name", name), opt("description", description)}, asArgs(as)...)
	var out refResult
	n.call(t, &out, args...)
	return out.ref(t)
}

// AddListItem puts subject on the list (an app.bsky.graph.listitem record); remove it
// again with Delete on the returned URI.
func (n *Network) AddListItem(t testing.TB, as Account, list syntax.ATURI, subject syntax.DID) Ref {
	t.Helper()
	var out refResult
	n.call(t, &out, append([]string{"add-list-item", opt("list", list.String()), opt("subject", subject.String())}, asArgs(as)...)...)
	return out.ref(t)
}

// PutRecord creates or replaces the account's record collection/rkey (putRecord); the
// record's $type defaults to the collection. It is how a test writes records the other
// helpers do not know, such as an app.bsky.feed.generator record.
func (n *Network) PutRecord(t testing.TB, as Account, collection syntax.NSID, rkey syntax.RecordKey, record any) Ref {
	t.Helper()
	b, err := json.Marshal(record)
	if err != nil {
		t.Fatalf("e2e: put-record: %v", err)
	}
	var out refResult
	args := append([]string{"put-record", opt("collection", collection.String()), opt("rkey", rkey.String()), opt("record", string(b))}, asArgs(as)...)
	n.call(t, &out, args...)
	return out.ref(t)
}

// TryGetFeed calls app.bsky.feed.getFeed. With an account it goes through the PDS as a
// logged-in app does: the PDS mints a service-auth JWT (iss the user, aud the feed
// generator's DID) and proxies to the AppView, which forwards it to the feed generator.
// With nil it asks the AppView anonymously (the feed generator gets no Authorization).
func (n *Network) TryGetFeed(ctx context.Context, as *Account, feed syntax.ATURI, q FeedQuery) (*bsky.FeedGetFeed_Output, error) {
	args := append([]string{"get-feed", opt("feed", feed.String())}, readerArgs(as)...)
	if q.Limit > 0 {
		args = append(args, opt("limit", fmt.Sprint(q.Limit)))
	}
	if q.Cursor != "" {
		args = append(args, opt("cursor", q.Cursor))
	}
	var out bsky.FeedGetFeed_Output
	if err := n.Client(ctx, &out, args...); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetFeed is TryGetFeed that fails the test on error.
func (n *Network) GetFeed(t testing.TB, as *Account, feed syntax.ATURI, q FeedQuery) *bsky.FeedGetFeed_Output {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), callTimeout)
	defer cancel()
	out, err := n.TryGetFeed(ctx, as, feed, q)
	if err != nil {
		t.Fatalf("e2e: getFeed %s: %v", feed, err)
	}
	return out
}

// GetPosts hydrates post URIs through the AppView (as the account via the PDS, or
// anonymously with nil). Unknown and deleted posts are left out, as the AppView does.
func (n *Network) GetPosts(t testing.TB, as *Account, uris ...syntax.ATURI) []*bsky.FeedDefs_PostView {
	t.Helper()
	args := append([]string{"get-posts"}, readerArgs(as)...)
	for _, u := range uris {
		args = append(args, opt("uri", u.String()))
	}
	var out bsky.FeedGetPosts_Output
	n.call(t, &out, args...)
	return out.Posts
}

// GetProfile asks the AppView for an actor's profile (a DID or a handle).
func (n *Network) GetProfile(t testing.TB, as *Account, actor string) *bsky.ActorDefs_ProfileViewDetailed {
	t.Helper()
	var out bsky.ActorDefs_ProfileViewDetailed
	n.call(t, &out, append([]string{"get-profile", opt("actor", actor)}, readerArgs(as)...)...)
	return &out
}

// GetList asks the AppView for a list and its items.
func (n *Network) GetList(t testing.TB, as *Account, list syntax.ATURI) *bsky.GraphGetList_Output {
	t.Helper()
	var out bsky.GraphGetList_Output
	n.call(t, &out, append([]string{"get-list", opt("list", list.String()), opt("limit", "100")}, readerArgs(as)...)...)
	return &out
}

// Moderator is dev-env's Ozone service account (mod-authority.test), an admin of the
// network's Ozone (Full mode only).
var Moderator = Account{Handle: "mod-authority.test", Password: "hunter2"}

// LabelOpts say what a moderator's label event does: label values to add and to negate,
// on a record (URI, with CID; the record's current CID when empty) or on an account
// (Account).
type LabelOpts struct {
	URI     syntax.ATURI
	CID     syntax.CID
	Account syntax.DID
	Add     []string
	Negate  []string
}

// Label emits a label event through Ozone as the moderator (tools.ozone.moderation.emitEvent
// with a modEventLabel, proxied by the PDS): Ozone signs the labels and publishes them on
// its com.atproto.label.subscribeLabels stream.
func (n *Network) Label(t testing.TB, o LabelOpts) {
	t.Helper()
	if n.OzoneDID == "" {
		t.Fatal("e2e: Label needs the Full network's Ozone")
	}
	args := []string{"label", opt("labeler", n.OzoneDID.String())}
	switch {
	case o.Account != "":
		args = append(args, opt("subject", o.Account.String()))
	default:
		args = append(args, opt("uri", o.URI.String()))
		if o.CID != "" {
			args = append(args, opt("cid", o.CID.String()))
		}
	}
	for _, v := range o.Add {
		args = append(args, opt("add", v))
	}
	for _, v := range o.Negate {
		args = append(args, opt("negate", v))
	}
	var out struct{ ID int64 }
	n.call(t, &out, append(args, asArgs(Moderator)...)...)
}

// CreateLabelerDID registers a did:plc on the network's PLC whose document names a
// labeler at endpoint signing with labelKey (a did:key): a labeler of the test's own.
func (n *Network) CreateLabelerDID(t testing.TB, endpoint, labelKey string) syntax.DID {
	t.Helper()
	var out struct{ DID string }
	n.call(t, &out, "create-labeler-did", opt("plc", n.PLCURL), opt("endpoint", endpoint), opt("label-key", labelKey))
	did, err := syntax.ParseDID(out.DID)
	if err != nil {
		t.Fatalf("e2e: create-labeler-did: %v", err)
	}
	return did
}
