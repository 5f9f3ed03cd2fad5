// Package directory builds the identity directory of the curators' tools:
// indigo's, cached, resolving DIDs through the PLC directory or did:web and
// handles through DNS and https, or, for a local test network whose
// handles no DNS knows (*.test), through a PDS or AppView's
// com.atproto.identity.resolveHandle, verified both ways as indigo does.
package directory

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Config says where identities are resolved.
type Config struct {
	// PLCURL is the PLC directory.
	PLCURL string
	// HTTPClient fetches DID documents (and handles' https well-known):
	// a guarded client, since did:web hosts come from others' data.
	HTTPClient *http.Client
	// HandleResolver, if set, is the base URL of a service whose
	// com.atproto.identity.resolveHandle resolves handles, and
	// ResolverClient the client that reaches it (our own configuration:
	// trusted).
	HandleResolver string
	ResolverClient *http.Client
	UserAgent      string
}

// New returns the directory, cached: curators ask about the same few
// accounts again and again.
func New(cfg Config) identity.Directory {
	base := &identity.BaseDirectory{PLCURL: cfg.PLCURL, UserAgent: cfg.UserAgent}
	if cfg.HTTPClient != nil {
		base.HTTPClient = *cfg.HTTPClient
	}
	var dir identity.Directory = base
	if cfg.HandleResolver != "" {
		hc := cfg.ResolverClient
		if hc == nil {
			hc = &http.Client{Timeout: 10 * time.Second}
		}
		dir = &serviceHandles{base: base, url: cfg.HandleResolver, http: hc, userAgent: cfg.UserAgent}
	}
	return identity.NewCacheDirectory(dir, 10_000, 6*time.Hour, 2*time.Minute, 10*time.Minute)
}

// serviceHandles resolves DIDs as base does and handles through a
// service's resolveHandle; a handle counts only when the DID's document
// declares it too, as with DNS.
type serviceHandles struct {
	base      *identity.BaseDirectory
	url       string
	http      *http.Client
	userAgent string
}

// resolveHandle asks the service which DID handle names.
func (d *serviceHandles) resolveHandle(ctx context.Context, h syntax.Handle) (syntax.DID, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		d.url+"/xrpc/com.atproto.identity.resolveHandle?"+url.Values{"handle": {h.String()}}.Encode(), nil)
	if err != nil {
		return "", err
	}
	if d.userAgent != "" {
		req.Header.Set("User-Agent", d.userAgent)
	}
	resp, err := d.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("%w: %w", identity.ErrHandleResolutionFailed, err)
	}
	defer resp.Body.Close()
	body := io.LimitReader(resp.Body, 64<<10)
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.NewDecoder(body).Decode(&e)
		// The reference PDS answers 400 "Unable to resolve handle" for
		// one it does not know.
		if resp.StatusCode == http.StatusBadRequest || resp.StatusCode == http.StatusNotFound {
			return "", fmt.Errorf("%w: %s at %s: %s", identity.ErrHandleNotFound, h, d.url, e.Message)
		}
		return "", fmt.Errorf("%w: %s: HTTP %d %s", identity.ErrHandleResolutionFailed, d.url, resp.StatusCode, e.Error)
	}
	var out struct {
		DID string `json:"did"`
	}
	if err := json.NewDecoder(body).Decode(&out); err != nil {
		return "", fmt.Errorf("%w: %s: %w", identity.ErrHandleResolutionFailed, d.url, err)
	}
	did, err := syntax.ParseDID(out.DID)
	if err != nil {
		return "", fmt.Errorf("%w: %s answered %q", identity.ErrHandleResolutionFailed, d.url, out.DID)
	}
	return did, nil
}

func (d *serviceHandles) LookupHandle(ctx context.Context, h syntax.Handle) (*identity.Identity, error) {
	h = h.Normalize()
	did, err := d.resolveHandle(ctx, h)
	if err != nil {
		return nil, err
	}
	doc, err := d.base.ResolveDID(ctx, did)
	if err != nil {
		return nil, err
	}
	ident := identity.ParseIdentity(doc)
	declared, err := ident.DeclaredHandle()
	if err != nil {
		return nil, fmt.Errorf("could not verify handle/DID match: %w", err)
	}
	if declared != h {
		return nil, fmt.Errorf("%w: %s != %s", identity.ErrHandleMismatch, declared, h)
	}
	ident.Handle = declared
	return &ident, nil
}

func (d *serviceHandles) LookupDID(ctx context.Context, did syntax.DID) (*identity.Identity, error) {
	doc, err := d.base.ResolveDID(ctx, did)
	if err != nil {
		return nil, err
	}
	ident := identity.ParseIdentity(doc)
	ident.Handle = syntax.HandleInvalid
	declared, err := ident.DeclaredHandle()
	if errors.Is(err, identity.ErrHandleNotDeclared) {
		return &ident, nil
	}
	if err != nil {
		return nil, fmt.Errorf("could not parse handle from DID document: %w", err)
	}
	resolved, err := d.resolveHandle(ctx, declared)
	switch {
	case errors.Is(err, identity.ErrHandleNotFound), errors.Is(err, identity.ErrHandleResolutionFailed):
	case err != nil:
		return nil, err
	case resolved == did:
		ident.Handle = declared
	}
	return &ident, nil
}

func (d *serviceHandles) Lookup(ctx context.Context, a syntax.AtIdentifier) (*identity.Identity, error) {
	if h, err := a.AsHandle(); err == nil {
		return d.LookupHandle(ctx, h)
	}
	if did, err := a.AsDID(); err == nil {
		return d.LookupDID(ctx, did)
	}
	return nil, errors.New("at-identifier neither a handle nor a DID")
}

// Purge is a no-op: the cache in front of it does the caching.
func (d *serviceHandles) Purge(context.Context, syntax.AtIdentifier) error { return nil }
