package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"syscall"
	"time"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/store"
)

// adminClient talks to a running server's admin API, so the curators'
// commands work on a deployed instance (e.g. over `fly ssh console`).
type adminClient struct {
	base  string
	token string
	http  *http.Client
}

func newAdminClient(cfg *config.Config) *adminClient {
	return &adminClient{base: cfg.AdminURL, token: cfg.AdminToken, http: &http.Client{Timeout: 5 * time.Minute}}
}

// errNoServer means nothing answers at the admin URL.
var errNoServer = errors.New("no server answers")

// apiError is an XRPC error returned by the admin API.
type apiError struct {
	Status  int
	Name    string `json:"error"`
	Message string `json:"message"`
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%s: %s (HTTP %d)", e.Name, e.Message, e.Status)
}

// request sends a request to the admin API and returns the response,
// which the caller closes; an error status becomes an *apiError.
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
		if errors.Is(err, syscall.ECONNREFUSED) {
			return nil, fmt.Errorf("%s: %w", a.base, errNoServer)
		}
		return nil, fmt.Errorf("admin API %s: %w", a.base, err)
	}
	if resp.StatusCode >= 300 {
		defer resp.Body.Close()
		e := &apiError{Status: resp.StatusCode}
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(e) != nil || e.Name == "" {
			e.Name, e.Message = http.StatusText(resp.StatusCode), "unexpected response from "+a.base
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
// or, when no server answers, local against the database file itself.
// bbolt's file lock keeps the two from ever writing at once.
func withServerOrStore(ctx context.Context, cfg *config.Config, remote func(*adminClient) error, local func(*store.Store) error) error {
	err := remote(newAdminClient(cfg))
	if !errors.Is(err, errNoServer) {
		return err
	}
	st, oerr := store.Open(cfg.DBPath, store.Options{Timeout: 2 * time.Second})
	if oerr != nil {
		return fmt.Errorf("no server at %s, and the database cannot be opened: %w", cfg.AdminURL, oerr)
	}
	defer st.Close()
	return local(st)
}
