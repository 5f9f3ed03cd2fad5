package curation

import (
	"context"
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/atproto/atclient"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Repo is the feed publisher's repository, where the repo curation store
// keeps what curators do, as records of feedgen's own lexicons
// (package lexicons). Every replica reads them back from the stream.
type Repo interface {
	// DID is the publisher's: only its records are applied.
	DID() syntax.DID
	// Put creates or replaces a record.
	Put(ctx context.Context, collection, rkey string, record map[string]any) error
	// Delete removes a record; one that is not there is no error.
	Delete(ctx context.Context, collection, rkey string) error
	// List calls fn with every record of a collection.
	List(ctx context.Context, collection string, fn func(rkey string, value json.RawMessage) error) error
}

// Login opens a session on the publisher's PDS (cmd/feedgen's, which
// publish uses too).
type Login func(ctx context.Context) (*atclient.APIClient, error)

// RepoClient is the Repo on the publisher's PDS, through the XRPC repo
// methods. It logs in when first used, and again when the session is
// refused.
type RepoClient struct {
	did   syntax.DID
	login Login

	mu     sync.Mutex
	client *atclient.APIClient
}

// NewRepoClient is the repository of did, reached by logging in.
func NewRepoClient(did syntax.DID, login Login) *RepoClient {
	return &RepoClient{did: did, login: login}
}

// DID implements Repo.
func (r *RepoClient) DID() syntax.DID { return r.did }

func (r *RepoClient) session(ctx context.Context, fresh bool) (*atclient.APIClient, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.client != nil && !fresh {
		return r.client, nil
	}
	c, err := r.login(ctx)
	if err != nil {
		return nil, err
	}
	r.client = c
	return c, nil
}

// call runs fn with a session, and once more with a new one if the PDS
// refused the old one (an expired or revoked session).
func (r *RepoClient) call(ctx context.Context, fn func(c *atclient.APIClient) error) error {
	c, err := r.session(ctx, false)
	if err != nil {
		return err
	}
	err = fn(c)
	var ae *atclient.APIError
	if errors.As(err, &ae) && (ae.StatusCode == 401 || ae.Name == "ExpiredToken" || ae.Name == "InvalidToken") {
		if c, err = r.session(ctx, true); err != nil {
			return err
		}
		err = fn(c)
	}
	return err
}

// Put implements Repo with com.atproto.repo.putRecord.
func (r *RepoClient) Put(ctx context.Context, collection, rkey string, record map[string]any) error {
	body := map[string]any{"repo": r.did.String(), "collection": collection, "rkey": rkey, "record": record, "validate": false}
	return r.call(ctx, func(c *atclient.APIClient) error {
		return c.Post(ctx, "com.atproto.repo.putRecord", body, nil)
	})
}

// Delete implements Repo with com.atproto.repo.deleteRecord.
func (r *RepoClient) Delete(ctx context.Context, collection, rkey string) error {
	body := map[string]any{"repo": r.did.String(), "collection": collection, "rkey": rkey}
	return r.call(ctx, func(c *atclient.APIClient) error {
		return c.Post(ctx, "com.atproto.repo.deleteRecord", body, nil)
	})
}

// List implements Repo with com.atproto.repo.listRecords, a page of 100
// at a time.
func (r *RepoClient) List(ctx context.Context, collection string, fn func(rkey string, value json.RawMessage) error) error {
	cursor := ""
	for pages := 0; pages < 10000; pages++ {
		var out listRecordsOutput
		params := map[string]any{"repo": r.did.String(), "collection": collection, "limit": 100}
		if cursor != "" {
			params["cursor"] = cursor
		}
		if err := r.call(ctx, func(c *atclient.APIClient) error {
			return c.Get(ctx, "com.atproto.repo.listRecords", params, &out)
		}); err != nil {
			return err
		}
		for _, rec := range out.Records {
			u, err := syntax.ParseATURI(rec.URI)
			if err != nil {
				return fmt.Errorf("listRecords: record URI %q: %w", rec.URI, err)
			}
			if err := fn(u.RecordKey().String(), rec.Value); err != nil {
				return err
			}
		}
		if out.Cursor == "" || len(out.Records) == 0 || out.Cursor == cursor {
			return nil
		}
		cursor = out.Cursor
	}
	return fmt.Errorf("listRecords %s: too many pages", collection)
}

// recordKey derives the key of a curation record from what it is about
// (a feed and a DID or post URI), so that a curator's action, replayed,
// writes the same record, and a delete names it without reading it. A
// post's AT-URI has characters a record key cannot, so it is hashed:
// 26 base32 characters of SHA-256.
func recordKey(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h[:16]))
}

// Record keys of each kind of record.
func authorKey(feed string, did syntax.DID) string { return recordKey("author", feed, did.String()) }
func blockKey(uri syntax.ATURI) string             { return recordKey("block", uri.String()) }
func pinKey(feed string, uri syntax.ATURI) string  { return recordKey("pin", feed, uri.String()) }
func verdictKey(feed string, uri syntax.ATURI) string {
	return recordKey("verdict", feed, uri.String())
}
func rulesKey(feed string) string { return feed }
func recordTime(us int64) string {
	return time.UnixMicro(us).UTC().Format("2006-01-02T15:04:05.000000Z")
}

// newRecord is a curation record of collection with the fields every one
// has.
func newRecord(collection, actor, note string, atUS int64) map[string]any {
	m := map[string]any{"$type": collection, "createdAt": recordTime(atUS)}
	if actor != "" {
		m["curator"] = truncate(actor, 200)
	}
	if note = strings.TrimSpace(note); note != "" {
		m["note"] = note
	}
	return m
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// repoWrite is one change to the publisher's repository: a put, or a
// delete when record is nil.
type repoWrite struct {
	collection, rkey string
	record           map[string]any
}

// publish writes the changes to the publisher's repository, in order, in
// the repo curation store; in the local one it does nothing. It runs
// before the change is applied here: if the PDS cannot take it, the
// action fails with a 502 (PDSFailed) and nothing was applied, so what
// this replica shows never runs ahead of what the others will see.
func (s *Service) publish(ctx context.Context, writes ...repoWrite) error {
	if s.repo == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	for _, w := range writes {
		var err error
		if w.record == nil {
			err = s.repo.Delete(ctx, w.collection, w.rkey)
		} else {
			err = s.repo.Put(ctx, w.collection, w.rkey, w.record)
		}
		if err != nil {
			s.metrics.writeFailed()
			return upstream("PDSFailed", fmt.Sprintf("could not write the change to the publisher's repository (%s); nothing was changed, try again", w.collection), err)
		}
	}
	return nil
}

// appliedAlready reports whether err, from applying a change this
// replica has just written to the repository, only says that the change
// is here already: the record came back through the stream, and was
// applied, before the curator's own transaction ran.
func (s *Service) appliedAlready(err error) bool {
	if s.repo == nil || err == nil {
		return false
	}
	e, ok := AsError(err)
	return ok && (e.Kind == KindNotFound || e.Name == "OnBlueskyList")
}

// RepoMode reports whether curation is kept in the publisher's
// repository.
func (s *Service) RepoMode() bool { return s.repo != nil }
