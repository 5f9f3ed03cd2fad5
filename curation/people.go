package curation

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// Person is an author as curators see them: handle, display name and
// avatar when they are known, the DID alone when not (yet).
type Person struct {
	DID         syntax.DID `json:"did"`
	Handle      string     `json:"handle,omitempty"`
	DisplayName string     `json:"displayName,omitempty"`
	// Avatar is a data: URL of a small JPEG, so that the page loads
	// nothing from elsewhere.
	Avatar string `json:"avatar,omitempty"`
	// ProfileURL opens the profile in the Bluesky web app.
	ProfileURL string `json:"profileUrl"`
}

// Name is how a person is written in one line: "@handle (Display Name)",
// or the DID when nothing better is known.
func (p Person) Name() string {
	switch {
	case p.Handle != "" && p.DisplayName != "":
		return "@" + p.Handle + " (" + p.DisplayName + ")"
	case p.Handle != "":
		return "@" + p.Handle
	case p.DisplayName != "":
		return p.DisplayName + " (" + p.DID.String() + ")"
	}
	return p.DID.String()
}

// Defaults of the people cache.
const (
	// DefaultProfileRefresh is how old a cached profile may be before it
	// is fetched again: handles and names change rarely.
	DefaultProfileRefresh = 24 * time.Hour
	// DefaultProfileRetry is how soon a failed resolution is tried again.
	DefaultProfileRetry = 10 * time.Minute
	// DefaultProfileWorkers is how many profiles are fetched at once.
	DefaultProfileWorkers = 4
	// MaxPeople bounds the DIDs one People call describes.
	MaxPeople = 200
	// avatarMax bounds an avatar blob: the lexicon allows 1,000,000 bytes.
	avatarMax = 2 << 20
)

// people resolves and caches who authors are. Pages ask without waiting
// (what is unknown is queued for the background workers and shown as the
// DID meanwhile); the command line asks and waits a little. Fetches, in
// the background or not, share one bound on concurrency.
type people struct {
	s   *Service
	sem chan struct{}

	mu     sync.Mutex
	queued map[syntax.DID]bool
	queue  chan syntax.DID
}

func newPeople(s *Service) *people {
	return &people{
		s:      s,
		sem:    make(chan struct{}, s.cfg.ProfileWorkers),
		queued: map[syntax.DID]bool{},
		queue:  make(chan syntax.DID, 4*MaxPeople),
	}
}

// People describes dids: what the cache knows at once, and, for those it
// does not know or knows from longer ago than the refresh age, a fresh
// resolution. With wait zero the fresh ones are queued for the background
// and the answer does not wait for the network; otherwise it waits up to
// wait for them. An account that cannot be resolved is its DID alone.
func (s *Service) People(ctx context.Context, dids []syntax.DID, wait time.Duration) map[syntax.DID]Person {
	dids = uniqueDIDs(dids)
	cached := s.cachedProfiles(dids)
	var stale []syntax.DID
	for _, did := range dids {
		if s.people.stale(cached[did]) {
			stale = append(stale, did)
		}
	}
	if len(stale) > 0 {
		if wait <= 0 {
			for _, did := range stale {
				s.people.enqueue(did)
			}
		} else {
			s.people.resolveNow(ctx, stale, wait)
			cached = s.cachedProfiles(dids)
		}
	}
	out := make(map[syntax.DID]Person, len(dids))
	for _, did := range dids {
		out[did] = personOf(did, cached[did])
	}
	return out
}

func uniqueDIDs(dids []syntax.DID) []syntax.DID {
	out := make([]syntax.DID, 0, len(dids))
	seen := map[syntax.DID]bool{}
	for _, d := range dids {
		if d == "" || seen[d] || len(out) >= MaxPeople {
			continue
		}
		seen[d] = true
		out = append(out, d)
	}
	return out
}

// ParseDIDs parses the DIDs of a request, refusing a malformed one.
func ParseDIDs(raw []string) ([]syntax.DID, error) {
	if len(raw) > MaxPeople {
		return nil, invalid("TooManyPeople", fmt.Sprintf("at most %d DIDs at a time", MaxPeople))
	}
	out := make([]syntax.DID, 0, len(raw))
	for _, r := range raw {
		did, err := parseDID(r)
		if err != nil {
			return nil, err
		}
		out = append(out, did)
	}
	return out, nil
}

func personOf(did syntax.DID, p *model.Profile) Person {
	out := Person{DID: did, ProfileURL: "https://bsky.app/profile/" + did.String()}
	if p == nil {
		return out
	}
	out.Handle, out.DisplayName = p.Handle, p.DisplayName
	if len(p.Avatar) > 0 {
		out.Avatar = "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(p.Avatar)
	}
	return out
}

func (s *Service) cachedProfiles(dids []syntax.DID) map[syntax.DID]*model.Profile {
	out := make(map[syntax.DID]*model.Profile, len(dids))
	err := s.store.View(func(tx *store.Tx) error {
		for _, did := range dids {
			p, err := tx.Profile(did)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			out[did] = p
		}
		return nil
	})
	if err != nil {
		// The cache is a nicety: without it, people are their DIDs.
		s.log.Warn("read profiles", "err", err)
	}
	return out
}

// stale says whether p must be fetched (again).
func (pp *people) stale(p *model.Profile) bool {
	if p == nil {
		return true
	}
	age := pp.s.cfg.Now().Sub(time.UnixMicro(p.FetchedUS))
	if p.Error != "" {
		return age >= pp.s.cfg.ProfileRetry
	}
	return age >= pp.s.cfg.ProfileRefresh
}

// enqueue queues did for the background workers, once; a full queue
// drops it (the next page that shows it asks again).
func (pp *people) enqueue(did syntax.DID) {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	if pp.queued[did] {
		return
	}
	select {
	case pp.queue <- did:
		pp.queued[did] = true
	default:
	}
}

// run fetches queued profiles until ctx ends, and the fetches it started
// are done.
func (pp *people) run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return
		case did := <-pp.queue:
			select {
			case pp.sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-pp.sem }()
				pp.refresh(ctx, did)
				pp.mu.Lock()
				delete(pp.queued, did)
				pp.mu.Unlock()
			}()
		}
	}
}

// resolveNow fetches dids at once, a few at a time, for up to wait.
func (pp *people) resolveNow(ctx context.Context, dids []syntax.DID, wait time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	var wg sync.WaitGroup
	for _, did := range dids {
		select {
		case pp.sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-pp.sem }()
			pp.refresh(ctx, did)
		}()
	}
	wg.Wait()
}

// refresh resolves did (its identity, profile record and avatar) and
// stores the result. A failure is stored too, with what was known before,
// so that it is tried again after the retry age, not on every page.
func (pp *people) refresh(parent context.Context, did syntax.DID) {
	s := pp.s
	ctx, cancel := context.WithTimeout(parent, s.cfg.FetchTimeout)
	defer cancel()
	var old *model.Profile
	if c := s.cachedProfiles([]syntax.DID{did}); c[did] != nil {
		old = c[did]
	}
	p, err := pp.fetch(ctx, did, old)
	if parent.Err() != nil {
		// The caller stopped waiting, or the service is stopping: that
		// says nothing about the account.
		return
	}
	if err != nil {
		s.log.Info("profile not resolved; shown as its DID", "did", did, "err", err)
		if old != nil {
			kept := *old
			p = &kept
		} else {
			p = &model.Profile{DID: did}
		}
		p.Error = err.Error()
	}
	p.FetchedUS = s.cfg.Now().UnixMicro()
	if err := s.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.PutProfile(p) }); err != nil {
		s.log.Warn("store profile", "did", did, "err", err)
	}
}

// fetch resolves one account. Only the identity is required: a missing
// profile record or avatar leaves those parts empty.
func (pp *people) fetch(ctx context.Context, did syntax.DID, old *model.Profile) (*model.Profile, error) {
	s := pp.s
	ident, err := s.dir.LookupDID(ctx, did)
	if errors.Is(err, identity.ErrDIDNotFound) {
		return nil, fmt.Errorf("no account has the DID %s", did)
	}
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", did, netguard.Diagnose(err))
	}
	p := &model.Profile{DID: did}
	if !ident.Handle.IsInvalidHandle() {
		p.Handle = ident.Handle.String()
	}
	pds, err := s.pds.endpointOf(ident)
	if err != nil {
		return p, nil
	}
	rec, err := s.pds.getRecord(ctx, pds, syntax.ATURI("at://"+did.String()+"/app.bsky.actor.profile/self"))
	if errors.Is(err, errRecordNotFound) {
		return p, nil
	}
	if err != nil {
		if old != nil {
			p.DisplayName, p.Avatar, p.AvatarCID = old.DisplayName, old.Avatar, old.AvatarCID
		}
		s.log.Info("profile record not read", "did", did, "err", err)
		return p, nil
	}
	var prof bsky.ActorProfile
	if err := json.Unmarshal(rec.Value, &prof); err != nil {
		s.log.Info("profile record not decoded", "did", did, "err", err)
		return p, nil
	}
	if prof.DisplayName != nil {
		p.DisplayName = cleanName(*prof.DisplayName)
	}
	if prof.Avatar == nil {
		return p, nil
	}
	cid := prof.Avatar.Ref.String()
	if old != nil && old.AvatarCID == cid && len(old.Avatar) > 0 {
		p.Avatar, p.AvatarCID = old.Avatar, cid
		return p, nil
	}
	blob, err := s.pds.getBlob(ctx, pds, did, cid, avatarMax)
	if err == nil {
		p.Avatar, err = thumbnail(blob, avatarSize)
	}
	if err != nil {
		s.log.Info("avatar not read", "did", did, "cid", cid, "err", err)
		return p, nil
	}
	p.AvatarCID = cid
	return p, nil
}

// maxNameRunes bounds a display name as the lexicon does (64 graphemes;
// runes are close enough for a bound).
const maxNameRunes = 64

// cleanName keeps a display name to one line of printable text, without
// the bidirectional overrides that would make the text around it read
// backwards (a name written right to left needs none).
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return ' '
		case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxNameRunes {
		s = string(r[:maxNameRunes]) + "…"
	}
	return s
}

// authorDIDs are the DIDs named by refs: DIDs themselves, and the
// authorities of AT-URIs; anything else is left out.
func authorDIDs(refs ...string) []syntax.DID {
	var out []syntax.DID
	for _, r := range refs {
		if did, err := syntax.ParseDID(r); err == nil {
			out = append(out, did)
			continue
		}
		if u, err := syntax.ParseATURI(r); err == nil {
			if did, err := u.Authority().AsDID(); err == nil {
				out = append(out, did)
			}
		}
	}
	return slices.Compact(out)
}
