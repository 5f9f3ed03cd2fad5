package curation

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/netguard"
)

// appHosts are the web app hosts whose post and profile URLs curators
// paste.
var appHosts = map[string]bool{"bsky.app": true, "www.bsky.app": true, "staging.bsky.app": true}

// account is a resolved author: the DID, and what the directory told us.
type account struct {
	DID    syntax.DID
	Handle string
	// Ident is nil when the DID was taken as given because the directory
	// could not be reached.
	Ident *identity.Identity
	// Warning says what could not be checked.
	Warning string
}

// resolveAccount reads a DID, a handle (with or without "@") or a bsky.app
// profile URL and resolves it. A DID the directory does not know is an
// error; a DID it cannot reach right now is taken as given, with a warning.
func (s *Service) resolveAccount(ctx context.Context, ref string) (account, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return account{}, invalid("InvalidActor", "give the author as a DID, a handle or a bsky.app profile URL")
	}
	if u, err := url.Parse(ref); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		parts := strings.Split(strings.Trim(u.Path, "/"), "/")
		if !appHosts[strings.ToLower(u.Host)] || len(parts) < 2 || parts[0] != "profile" {
			return account{}, invalid("InvalidActor", fmt.Sprintf("%q is not a bsky.app profile URL", ref))
		}
		ref = parts[1]
	}
	id, err := syntax.ParseAtIdentifier(strings.TrimPrefix(ref, "@"))
	if err != nil {
		return account{}, invalid("InvalidActor", fmt.Sprintf("%q is neither a DID nor a handle", ref))
	}
	if did, err := id.AsDID(); err == nil {
		return s.lookupDID(ctx, did)
	}
	h, _ := id.AsHandle()
	ident, err := s.dir.LookupHandle(ctx, h)
	if err != nil {
		return account{}, s.handleError(ctx, h, err)
	}
	return account{DID: ident.DID, Handle: h.Normalize().String(), Ident: ident}, nil
}

// handleError says why a handle did not resolve. "Not found" is said only
// when the other side said so: DNS answering "no such name" looks the same
// whether the handle is gone or DNS does not work from here, so a name
// that must exist is looked up too before the handle is called unknown.
func (s *Service) handleError(ctx context.Context, h syntax.Handle, err error) error {
	switch {
	case errors.Is(err, identity.ErrHandleMismatch):
		return &Error{Kind: KindInvalid, Name: "HandleNotFound", Err: err,
			Message: fmt.Sprintf("handle %s points to an account whose DID document names another handle", h)}
	case errors.Is(err, identity.ErrHandleReservedTLD), errors.Is(err, identity.ErrInvalidHandle):
		return &Error{Kind: KindInvalid, Name: "HandleNotFound", Err: err,
			Message: fmt.Sprintf("%s cannot be a handle (a reserved top-level domain)", h)}
	case errors.Is(err, identity.ErrHandleNotFound), errors.Is(err, identity.ErrHandleNotDeclared), errors.Is(err, identity.ErrDIDNotFound):
		if s.checkDNS != nil {
			if derr := s.checkDNS(ctx); derr != nil {
				s.log.Warn("handle not found, and DNS does not resolve a name that must exist", "handle", h, "err", err, "dns", derr)
				return upstream("ResolutionFailed", fmt.Sprintf("could not resolve handle %s: DNS knows neither it nor a name that must exist, "+
					"so DNS does not work from here", h), derr)
			}
		}
		return &Error{Kind: KindInvalid, Name: "HandleNotFound", Err: err,
			Message: fmt.Sprintf("handle %s does not resolve to an account (DNS and https://%s/.well-known/atproto-did say there is none)", h, h)}
	}
	s.log.Warn("handle resolution failed", "handle", h, "err", err)
	return upstream("ResolutionFailed", fmt.Sprintf("could not resolve handle %s (try again, or give the DID)", h), err)
}

func (s *Service) lookupDID(ctx context.Context, did syntax.DID) (account, error) {
	ident, err := s.dir.LookupDID(ctx, did)
	if errors.Is(err, identity.ErrDIDNotFound) {
		return account{}, &Error{Kind: KindInvalid, Name: "UnknownDID", Message: fmt.Sprintf("no account has the DID %s", did), Err: err}
	}
	if err != nil {
		err = netguard.Diagnose(err)
		s.log.Warn("DID not resolved; taking it as given", "did", did, "err", err)
		return account{DID: did, Warning: "the DID could not be resolved right now (" + err.Error() + "); it was taken as given"}, nil
	}
	a := account{DID: did, Ident: ident}
	if !ident.Handle.IsInvalidHandle() {
		a.Handle = ident.Handle.String()
	}
	return a, nil
}

// parseDID parses a DID given where only a DID will do (removing an
// author, who may no longer resolve).
func parseDID(ref string) (syntax.DID, error) {
	did, err := syntax.ParseDID(strings.TrimSpace(ref))
	if err != nil {
		return "", invalid("InvalidDID", fmt.Sprintf("%q is not a DID", ref))
	}
	return did, nil
}

// resolvePost reads a post's AT-URI or bsky.app URL and returns the AT-URI
// with the author as a DID (resolving a handle if the reference used one).
func (s *Service) resolvePost(ctx context.Context, ref string) (syntax.ATURI, error) {
	ref = strings.TrimSpace(ref)
	var authority, rkey string
	switch {
	case strings.HasPrefix(ref, "at://"):
		u, err := syntax.ParseATURI(ref)
		if err != nil {
			return "", invalid("InvalidURI", fmt.Sprintf("%q is not a valid AT-URI", ref))
		}
		if u.Collection().String() != collectionPost || u.RecordKey() == "" {
			return "", invalid("InvalidURI", fmt.Sprintf("%q is not a post (at://<did>/app.bsky.feed.post/<rkey>)", ref))
		}
		authority, rkey = u.Authority().String(), u.RecordKey().String()
	case strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "http://"):
		u, err := url.Parse(ref)
		if err != nil || !appHosts[strings.ToLower(u.Host)] {
			return "", invalid("InvalidURI", fmt.Sprintf("%q is not a bsky.app post URL", ref))
		}
		parts := strings.Split(strings.Trim(u.Path, "/"), "/")
		if len(parts) != 4 || parts[0] != "profile" || parts[2] != "post" {
			return "", invalid("InvalidURI", fmt.Sprintf("%q is not a bsky.app post URL (https://bsky.app/profile/<handle>/post/<id>)", ref))
		}
		authority, rkey = parts[1], parts[3]
	default:
		return "", invalid("InvalidURI", "give the post as an at:// URI or a https://bsky.app/profile/.../post/... URL")
	}
	if _, err := syntax.ParseRecordKey(rkey); err != nil {
		return "", invalid("InvalidURI", fmt.Sprintf("%q is not a valid record key", rkey))
	}
	id, err := syntax.ParseAtIdentifier(authority)
	if err != nil {
		return "", invalid("InvalidURI", fmt.Sprintf("%q names neither a DID nor a handle", authority))
	}
	did, err := id.AsDID()
	if err != nil {
		a, rerr := s.resolveAccount(ctx, authority)
		if rerr != nil {
			return "", rerr
		}
		did = a.DID
	}
	return postURI(did, rkey), nil
}

func postURI(did syntax.DID, rkey string) syntax.ATURI {
	return syntax.ATURI("at://" + did.String() + "/" + collectionPost + "/" + rkey)
}
