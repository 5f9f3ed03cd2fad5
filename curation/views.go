package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// MaxPostViews bounds the posts one Posts call describes: a skeleton page.
const MaxPostViews = 100

// PostView is what curators see of one post of a feed page.
type PostView struct {
	URI    syntax.ATURI `json:"uri"`
	Author syntax.DID   `json:"author"`
	Handle string       `json:"handle,omitempty"`
	// Subject is the reposted post, when URI is a repost.
	Subject   syntax.ATURI `json:"subject,omitempty"`
	Text      string       `json:"text,omitempty"`
	CreatedAt string       `json:"createdAt,omitempty"`
	Langs     []string     `json:"langs,omitempty"`
	// Stored is false for a post we do not keep (a pin from elsewhere).
	Stored  bool       `json:"stored"`
	In      bool       `json:"in"`
	Score   float64    `json:"score"`
	Reasons []string   `json:"reasons"`
	Tier    model.Tier `json:"tier,omitempty"`
	Pinned  bool       `json:"pinned"`
	Blocked bool       `json:"blocked"`
	// AppURL opens the post in the Bluesky web app.
	AppURL string `json:"appUrl"`
}

// Posts describes posts (and reposts) of a feed page for the curators'
// page: text, author and handle, time, the feed's reasons, the author's
// tier, pin and block. Handles come from the people cache; an author not
// known yet is queued, and shown by DID meanwhile.
func (s *Service) Posts(ctx context.Context, feedID string, refs []string) ([]PostView, error) {
	f, err := s.feed(feedID)
	if err != nil {
		return nil, err
	}
	if len(refs) > MaxPostViews {
		return nil, invalid("TooManyPosts", fmt.Sprintf("at most %d posts at a time", MaxPostViews))
	}
	uris := make([]syntax.ATURI, len(refs))
	for i, r := range refs {
		u, err := syntax.ParseATURI(r)
		if err != nil || u.RecordKey() == "" {
			return nil, invalid("InvalidURI", fmt.Sprintf("%q is not a record AT-URI", r))
		}
		if _, err := u.Authority().AsDID(); err != nil {
			return nil, invalid("InvalidURI", fmt.Sprintf("%q must name its author by DID", r))
		}
		uris[i] = u
	}
	out := make([]PostView, len(uris))
	pinned := s.Pins(f.ID)
	err = s.store.View(func(tx *store.Tx) error {
		for i, uri := range uris {
			v := &out[i]
			v.URI, v.Reasons = uri, []string{}
			v.Author, _ = uri.Authority().AsDID()
			v.Pinned = slices.Contains(pinned, string(uri))
			v.Blocked = tx.Blocked(uri)
			v.AppURL = appURL(uri)
			p, err := tx.Post(uri)
			if errors.Is(err, store.ErrNotFound) {
				p = nil
			} else if err != nil {
				return err
			}
			if p != nil {
				v.Stored, v.Subject, v.Text, v.Langs = true, p.Subject, p.Text, p.Langs
				v.CreatedAt = usTime(p.CreatedUS)
				for _, m := range p.Feeds {
					if m.Feed == f.ID {
						v.In, v.Score, v.Reasons = !p.Hidden, m.Score, m.Reasons
					}
				}
			}
			if a, err := tx.CuratedAuthor(f.ID, v.Author); err == nil {
				v.Tier, v.Handle = a.EffectiveTier(), a.Handle
			} else if !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Handles come from the people cache, never from the network while
	// the page waits.
	dids := make([]syntax.DID, len(out))
	for i := range out {
		dids[i] = out[i].Author
	}
	known := s.People(ctx, dids, 0)
	for i := range out {
		if h := known[out[i].Author].Handle; h != "" {
			out[i].Handle = h
		}
	}
	return out, nil
}

// appURL is the bsky.app address of a post (or of its author's profile for
// other records).
func appURL(uri syntax.ATURI) string {
	if uri.Collection().String() == collectionPost {
		return "https://bsky.app/profile/" + uri.Authority().String() + "/post/" + uri.RecordKey().String()
	}
	return "https://bsky.app/profile/" + uri.Authority().String()
}
