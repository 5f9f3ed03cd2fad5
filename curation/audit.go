package curation

import (
	"context"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// AuditRequest selects a page of the audit log, newest first. Empty
// filters match everything.
type AuditRequest struct {
	Feed   string
	Target string
	Actor  string
	Cursor string
	Limit  int
}

// AuditPage is one page of the audit log.
type AuditPage struct {
	Entries []model.AuditEntry `json:"entries"`
	// Cursor continues the page; "" on the last.
	Cursor string `json:"cursor,omitempty"`
}

// People are the DIDs the page's entries name: authors changed, the
// authors of posts changed, and list owners who acted.
func (p *AuditPage) People() []syntax.DID {
	var refs []string
	for _, e := range p.Entries {
		refs = append(refs, e.Target)
		if owner, ok := strings.CutPrefix(e.Actor, "list:"); ok {
			refs = append(refs, owner)
		}
	}
	return authorDIDs(refs...)
}

// Audit reads the audit log: who changed what, when, with the entry as it
// was before and after.
func (s *Service) Audit(ctx context.Context, req AuditRequest) (*AuditPage, error) {
	limit, err := checkLimit(req.Limit, 100)
	if err != nil {
		return nil, err
	}
	f := store.AuditFilter{Actor: strings.TrimSpace(req.Actor), Target: strings.TrimSpace(req.Target)}
	if req.Feed != "" {
		fd, err := s.feed(req.Feed)
		if err != nil {
			return nil, err
		}
		f.Feed = fd.ID
	}
	if f.Target != "" && (strings.HasPrefix(f.Target, "https://") || strings.HasPrefix(f.Target, "at://")) {
		// A post may be named by its bsky.app URL.
		if uri, err := s.resolvePost(ctx, f.Target); err == nil {
			f.Target = uri.String()
		}
	}
	if req.Cursor != "" {
		if _, _, err := store.ParseCursor(req.Cursor); err != nil {
			return nil, invalid("InvalidCursor", "malformed cursor")
		}
	}
	page := &AuditPage{}
	err = s.store.View(func(tx *store.Tx) error {
		var err error
		page.Entries, page.Cursor, err = tx.AuditPage(f, req.Cursor, limit, 0)
		return err
	})
	if page.Entries == nil {
		page.Entries = []model.AuditEntry{}
	}
	return page, err
}
