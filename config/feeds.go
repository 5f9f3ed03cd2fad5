package config

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/rivo/uniseg"

	"github.com/scpeace/feedgen/ranking"
)

//go:embed feeds.default.json
var defaultFeeds []byte

// Feed is one feed this service offers.
type Feed struct {
	// RKey is the record key of the feed's app.bsky.feed.generator record,
	// and the feed's ID inside feedgen.
	RKey        string `json:"rkey"`
	DisplayName string `json:"displayName"`
	Description string `json:"description,omitempty"`
	// Avatar is a PNG or JPEG file published with the feed record.
	Avatar string `json:"avatar,omitempty"`
	// Rules names the relevance rules: "builtin:<name>" or a file path.
	Rules string `json:"rules"`
	// Reposts lets reposts by curated authors into the feed.
	Reposts bool `json:"reposts,omitempty"`
	// List is a Bluesky list whose members are the feed's expert authors.
	List string `json:"list,omitempty"`
	// Authors is the initial curated author list, by tier.
	Authors Authors `json:"authors,omitempty"`
	// AcceptsInteractions declares (in the published record) and
	// enables app.bsky.feed.sendInteractions feedback for this feed:
	// "show less like this" hides a post, then its author, for the
	// viewer who asked.
	AcceptsInteractions bool `json:"acceptsInteractions,omitempty"`
	// Languages says how the viewer's Accept-Language is used:
	// "" (ignored), "prefer" (their languages first) or "only" (their
	// languages plus posts without a language).
	Languages string `json:"languages,omitempty"`
	// ExcludeLabels are the label values that keep a post (or every post
	// of a labelled account) out of the feed. Absent means
	// membership.DefaultExclude; an empty list excludes nothing.
	ExcludeLabels []string `json:"excludeLabels,omitempty"`
	// Labelers are the labelers (of --labelers) whose labels the feed
	// trusts. Absent means all of them; an empty list none.
	Labelers []string `json:"labelers,omitempty"`
	// ModLists are Bluesky moderation lists (app.bsky.graph.list, purpose
	// modlist) whose members are kept out of the feed like blocked authors.
	ModLists []string `json:"modLists,omitempty"`
	// ContentMode is published in the feed record: "video" (or
	// app.bsky.feed.defs#contentModeVideo) tells apps the feed is of
	// videos; "" or "unspecified" any posts. Load writes the full token.
	ContentMode string `json:"contentMode,omitempty"`
	// DescriptionFacets are the links, mentions and tags of the
	// description (app.bsky.richtext.facet), published in the feed record.
	DescriptionFacets []*bsky.RichtextFacet `json:"descriptionFacets,omitempty"`

	// MembershipOf names another feed of the file whose posts this one
	// serves: the same membership, decided once, in another order (a
	// "top" feed beside a newest-first one). Such a feed has no rules,
	// list, authors or reposts of its own; its pins and its viewers'
	// feedback are those of the feed it names.
	MembershipOf string `json:"membershipOf,omitempty"`
	// Order is "latest" (newest first, the default) or "top" (by
	// engagement, decayed by age, among the posts of Window).
	Order string `json:"order,omitempty"`
	// Window and HalfLife tune a top feed (default 72h and 12h): how far
	// back it looks, and how long a post takes to lose half its weight.
	Window   Duration `json:"window,omitempty"`
	HalfLife Duration `json:"halfLife,omitempty"`
	// Weights are what a like, repost, reply and quote count for in a top
	// feed (ranking.DefaultWeights where unset).
	Weights *ranking.Weights `json:"weights,omitempty"`

	// URI is the feed's AT-URI, set by Load from the publisher DID.
	URI syntax.ATURI `json:"-"`
	// Trusted are the labelers whose labels count, set by Load from
	// Labelers and --labelers.
	Trusted []syntax.DID `json:"-"`
}

// Orders of a feed.
const (
	OrderLatest = "latest"
	OrderTop    = "top"
)

// Top reports whether the feed is ordered by engagement.
func (f *Feed) Top() bool { return f.Order == OrderTop }

// Membership is the feed whose posts f serves: MembershipOf, or f itself.
func (f *Feed) Membership() string {
	if f.MembershipOf != "" {
		return f.MembershipOf
	}
	return f.RKey
}

// RankParams are f's top ordering, defaults filled in.
func (f *Feed) RankParams() ranking.Params {
	p := ranking.Params{Window: time.Duration(f.Window), HalfLife: time.Duration(f.HalfLife), Weights: ranking.DefaultWeights}
	if f.Weights != nil {
		p.Weights = *f.Weights
	}
	return p.WithDefaults()
}

// Duration is a time.Duration written as a string in JSON ("72h").
type Duration time.Duration

// UnmarshalJSON reads a Go duration string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a duration is a string such as \"72h\": %w", err)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("duration %q: write it as e.g. \"72h\" or \"90m\"", s)
	}
	*d = Duration(v)
	return nil
}

// MarshalJSON writes the duration as a string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// maxWindow bounds a top feed's window and half-life: ten years.
const maxWindow = 10 * 365 * 24 * time.Hour

// Authors lists curated authors by tier (DIDs).
type Authors struct {
	All     []string `json:"all,omitempty"`
	Expert  []string `json:"expert,omitempty"`
	Blocked []string `json:"blocked,omitempty"`
}

type feedsFile struct {
	Feeds []Feed `json:"feeds"`
}

// readFeeds reads feed definitions from path, or the built-in South
// Caucasus Peace feeds when path is "". Config.LoadFeeds completes them.
func readFeeds(path string) ([]Feed, error) {
	data, name := defaultFeeds, "built-in feeds"
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		data, name = b, path
	}
	feeds, err := ParseFeeds(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return feeds, nil
}

// ParseFeeds decodes and checks feed definitions. Unknown fields are
// errors, so a misspelt option is not silently ignored.
func ParseFeeds(data []byte) ([]Feed, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f feedsFile
	if err := dec.Decode(&f); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := bytes.Count(data[:se.Offset], []byte("\n")) + 1
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		return nil, err
	}
	if len(f.Feeds) == 0 {
		return nil, errors.New("no feeds defined")
	}
	seen := map[string]bool{}
	for i := range f.Feeds {
		fd := &f.Feeds[i]
		if err := fd.check(); err != nil {
			return nil, fmt.Errorf("feed %d (%q): %w", i+1, fd.RKey, err)
		}
		if seen[fd.RKey] {
			return nil, fmt.Errorf("feed %d: rkey %q defined twice", i+1, fd.RKey)
		}
		seen[fd.RKey] = true
	}
	// A feed may share the posts of one that decides its own.
	for i := range f.Feeds {
		fd := &f.Feeds[i]
		if fd.MembershipOf == "" {
			continue
		}
		j := slices.IndexFunc(f.Feeds, func(o Feed) bool { return o.RKey == fd.MembershipOf })
		switch {
		case fd.MembershipOf == fd.RKey:
			return nil, fmt.Errorf("feed %d (%q): membershipOf names the feed itself", i+1, fd.RKey)
		case j < 0:
			return nil, fmt.Errorf("feed %d (%q): membershipOf %q is not a feed of this file", i+1, fd.RKey, fd.MembershipOf)
		case f.Feeds[j].MembershipOf != "":
			return nil, fmt.Errorf("feed %d (%q): membershipOf %q, which shares another feed's posts itself: name %q",
				i+1, fd.RKey, fd.MembershipOf, f.Feeds[j].MembershipOf)
		}
	}
	return f.Feeds, nil
}

func (f *Feed) check() error {
	if _, err := syntax.ParseRecordKey(f.RKey); err != nil || f.RKey == "self" {
		return fmt.Errorf("rkey %q is not a valid record key", f.RKey)
	}
	if n := uniseg.GraphemeClusterCount(f.DisplayName); n == 0 || n > 24 || len(f.DisplayName) > 240 {
		return fmt.Errorf("displayName must be 1 to 24 graphemes, is %d", n)
	}
	if n := uniseg.GraphemeClusterCount(f.Description); n > 300 || len(f.Description) > 3000 {
		return fmt.Errorf("description must be at most 300 graphemes, is %d", n)
	}
	if f.MembershipOf != "" {
		// The membership is decided by the feed named: rules, authors,
		// the list and reposts are set there, once.
		if f.Rules != "" || f.List != "" || f.Reposts || len(f.Authors.All)+len(f.Authors.Expert)+len(f.Authors.Blocked) > 0 {
			return fmt.Errorf("a feed with membershipOf takes its posts from %q: set rules, list, authors and reposts there", f.MembershipOf)
		}
	} else if strings.TrimSpace(f.Rules) == "" {
		return errors.New("rules must name builtin:<name> or a rules file")
	}
	switch f.Order {
	case "", OrderLatest:
		if f.Window != 0 || f.HalfLife != 0 || f.Weights != nil {
			return errors.New(`window, halfLife and weights go with "order": "top"`)
		}
	case OrderTop:
		for name, d := range map[string]Duration{"window": f.Window, "halfLife": f.HalfLife} {
			if d < 0 || time.Duration(d) > maxWindow || (d != 0 && time.Duration(d) < time.Minute) {
				return fmt.Errorf("%s %s must be between 1m and %s", name, time.Duration(d), maxWindow)
			}
		}
	default:
		return fmt.Errorf("order %q must be \"latest\" or \"top\"", f.Order)
	}
	if f.List != "" {
		u, err := syntax.ParseATURI(f.List)
		if err != nil || u.Collection() != "app.bsky.graph.list" || u.RecordKey() == "" {
			return fmt.Errorf("list %q is not an at://<did>/app.bsky.graph.list/<rkey> URI", f.List)
		}
		if _, err := u.Authority().AsDID(); err != nil {
			return fmt.Errorf("list %q must name its owner by DID", f.List)
		}
	}
	for tier, dids := range map[string][]string{"all": f.Authors.All, "expert": f.Authors.Expert, "blocked": f.Authors.Blocked} {
		for _, d := range dids {
			if _, err := syntax.ParseDID(d); err != nil {
				return fmt.Errorf("authors.%s: %q is not a DID", tier, d)
			}
		}
	}
	switch f.Languages {
	case "", "prefer", "only":
	default:
		return fmt.Errorf("languages %q must be \"\", \"prefer\" or \"only\"", f.Languages)
	}
	return f.checkModeration()
}
