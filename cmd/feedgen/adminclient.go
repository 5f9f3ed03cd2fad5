package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/store"
)

// adminClient talks to a running server's admin API, so the curators'
// commands work on a deployed instance (e.g. over `fly ssh console`).
type adminClient struct {
	base  string
	token string
	http  *http.Client
	// db is the database file the server said it holds.
	db string
}

func newAdminClient(cfg *config.Config) *adminClient {
	return &adminClient{base: cfg.AdminURL, token: cfg.AdminToken, http: &http.Client{Timeout: 5 * time.Minute}}
}

// noServerError means nothing answers at the admin URL: the connection
// could not be made (refused, no such host, no route, no answer to the
// dial).
type noServerError struct {
	url string
	err error
}

func (e *noServerError) Error() string { return "no server answers at " + e.url + ": " + e.err.Error() }
func (e *noServerError) Unwrap() error { return e.err }

// apiError is an XRPC error returned by the admin API.
type apiError struct {
	Status  int
	Name    string `json:"error"`
	Message string `json:"message"`
	// Hint says what to do about it, when we know.
	Hint string `json:"-"`
}

func (e *apiError) Error() string {
	s := fmt.Sprintf("%s: %s (HTTP %d)", e.Name, e.Message, e.Status)
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// request sends a request to the admin API and returns the response,
// which the caller closes; an error status becomes an *apiError, and a
// connection that cannot be made a *noServerError.
func (a *adminClient) request(ctx context.Context, method, path string, in any) (*http.Response, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, body)
	if err != nil {
		return nil, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	resp, err := a.http.Do(req)
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Op == "dial" {
			return nil, &noServerError{url: a.base, err: netguard.Diagnose(err)}
		}
		return nil, fmt.Errorf("admin API at %s: %w", a.base, netguard.Diagnose(err))
	}
	if db := resp.Header.Get(feedgen.DatabaseHeader); db != "" {
		a.db = db
	}
	if resp.StatusCode >= 300 {
		defer resp.Body.Close()
		e := &apiError{Status: resp.StatusCode}
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(e) != nil || e.Name == "" {
			e.Name, e.Message = http.StatusText(resp.StatusCode), "the server at "+a.base+" is not feedgen's admin API, or failed"
		}
		switch resp.StatusCode {
		case http.StatusUnauthorized:
			e.Hint = "give a token of FEEDGEN_ADMIN_TOKENS with --admin-token or FEEDGEN_ADMIN_TOKEN"
		case http.StatusForbidden:
			if e.Name == "AdminDisabled" {
				e.Hint = "start the server at " + a.base + " with FEEDGEN_ADMIN_TOKENS=name=token (CURATION.md, \"Getting a token\"); " +
					"the commands send the first token, or --admin-token"
			}
		}
		return nil, e
	}
	return resp, nil
}

// do sends in as JSON and decodes the JSON answer into out (if not nil).
func (a *adminClient) do(ctx context.Context, method, path string, in, out any) error {
	resp, err := a.request(ctx, method, path, in)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("decode admin response: %w", err)
	}
	return nil
}

// withServerOrStore runs remote against the running server's admin API,
// or, when no server answers, local against the database file itself,
// but only a file that exists and no other process holds: a command that
// made a new empty database would answer "0 authors" and "not in" about a
// feed it never saw. The first line on the command's error stream names
// the database it used. bbolt's file lock keeps the server and a command
// from ever writing at once.
func withServerOrStore(ctx context.Context, cmd *cli.Command, cfg *config.Config, remote func(*adminClient) error, local func(*store.Store) error) error {
	a := newAdminClient(cfg)
	err := remote(a)
	var ns *noServerError
	if !errors.As(err, &ns) {
		if err == nil {
			db := a.db
			if db == "" {
				db = "(the server did not say)"
			}
			note(cmd, "database %s, through the server at %s", db, cfg.AdminURL)
		}
		return err
	}
	path := cfg.DBPath
	if abs, aerr := filepath.Abs(path); aerr == nil {
		path = abs
	}
	st, oerr := store.Open(cfg.DBPath, store.Options{Timeout: time.Second, MustExist: true})
	switch {
	case errors.Is(oerr, store.ErrNoDatabase):
		return fmt.Errorf("%v, and there is no database file %s to use instead. Start `feedgen serve`, "+
			"point --admin-url (FEEDGEN_ADMIN_URL) at the running server, or give an existing database with --db (FEEDGEN_DB)", ns, path)
	case errors.Is(oerr, store.ErrLocked):
		return fmt.Errorf("%v, and the database %s is held by another process (a feedgen serve on another address?): "+
			"point --admin-url (FEEDGEN_ADMIN_URL) at that server", ns, path)
	case oerr != nil:
		return fmt.Errorf("%v, and the database cannot be opened: %w", ns, oerr)
	}
	defer st.Close()
	note(cmd, "database %s, the file itself (no server answers at %s)", path, cfg.AdminURL)
	return local(st)
}

// note tells the person running a command something about how it ran, on
// the error stream, so that the output itself stays clean for scripts.
func note(cmd *cli.Command, format string, args ...any) {
	fmt.Fprintf(cmd.Root().ErrWriter, "feedgen: "+format+"\n", args...)
}
