// Package config turns flags, FEEDGEN_* environment variables and the feed
// definitions into one validated Config.
//
// Flags win over the environment, which wins over the defaults; the
// defaults run locally out of the box. An unknown FEEDGEN_* variable is an
// error (it is almost always a typo), and so is any invalid value: the
// error names the variable or flag. Values are parsed here, once: the
// source is an indexer.SourceSpec, DIDs are syntax.DID. Other packages
// never read the environment; cmd/feedgen hands each its part of the
// Config. A default of a part's own setting (retention, lag, pins, the
// backfill window) has its home in that part's package; the flags offer
// it.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/indexer"
)

// EnvPrefix is the prefix of every environment variable feedgen reads.
const EnvPrefix = "FEEDGEN_"

// Config is everything feedgen needs to run.
type Config struct {
	// Listen is the host:port the HTTP server binds.
	Listen string
	// DBPath is the bbolt file.
	DBPath string
	// Hostname is the public host name, possibly with a port.
	Hostname string
	// ServiceDID is the feed generator's DID, the `aud` of service JWTs.
	ServiceDID syntax.DID
	// ServiceEndpoint is the public base URL, as the DID document says.
	ServiceEndpoint string
	// PublisherDID owns the app.bsky.feed.generator records.
	PublisherDID syntax.DID
	// Source says what the indexer follows, parsed.
	Source   indexer.SourceSpec
	LogLevel slog.Level
	// PLCURL is the PLC directory used to resolve did:plc identities.
	PLCURL string
	// HandleResolver, if set, is a PDS or AppView whose
	// com.atproto.identity.resolveHandle resolves handles instead of DNS
	// and the https well-known (a local test network's *.test handles).
	HandleResolver string

	PrivacyPolicyURL  string
	TermsOfServiceURL string

	// MaxLag is how far behind the network the indexer may fall before
	// the health check reports unhealthy.
	MaxLag time.Duration
	// Retention is how long posts stay in the database.
	Retention time.Duration

	// AuthStrict answers 401 to an invalid service JWT instead of
	// serving the request as logged out.
	AuthStrict bool
	// AdminTokens are the named bearer tokens of the admin API, by name.
	AdminTokens []AdminToken
	// AdminURL and AdminToken are how the command-line tools reach a
	// running server's admin API.
	AdminURL   string
	AdminToken string

	// BackfillWindow is how far back an added author's posts are fetched
	// from their PDS; zero disables backfill.
	BackfillWindow time.Duration
	// MaxPins is the most posts a feed may pin.
	MaxPins int
	// AllowPrivateNetworks lets every outbound fetch (DID documents,
	// PDSes) reach loopback, private and reserved addresses: the one
	// switch for local test networks.
	AllowPrivateNetworks bool
	// PublisherHandle is the handle (or DID) that publish and unpublish
	// log in with; "" means PublisherDID.
	PublisherHandle string
	// PublisherPassword is the publisher's app password. It is a secret:
	// never log it or put it in an error.
	PublisherPassword string
	// CurationStore is where curation is kept: CurationLocal or
	// CurationRepo.
	CurationStore string
	// PDSURL is the publisher's PDS; "" finds it through the publisher's
	// DID document.
	PDSURL string
	// Labelers are the labelers followed (com.atproto.label.subscribeLabels);
	// each feed trusts all or some of them.
	Labelers []syntax.DID

	// FeedsFile is where the feed definitions came from ("" = built in).
	FeedsFile string
	Feeds     []Feed
}

// Flag names. The environment variable of each is FEEDGEN_ and the name
// in upper snake case; both are a contract that scripts and docs rely on.
const (
	FlagListen          = "listen"
	FlagDB              = "db"
	FlagHostname        = "hostname"
	FlagServiceDID      = "service-did"
	FlagServiceEndpoint = "service-endpoint"
	FlagPublisherDID    = "publisher-did"
	FlagSource          = "source"
	FlagLogLevel        = "log-level"
	FlagPLCURL          = "plc-url"
	FlagPrivacyPolicy   = "privacy-policy-url"
	FlagTermsOfService  = "terms-of-service-url"
	FlagMaxLag          = "max-lag"
	FlagRetention       = "retention"
	FlagFeeds           = "feeds"
	FlagAuthStrict      = "auth-strict"
	FlagAdminTokens     = "admin-tokens"
	FlagAdminURL        = "admin-url"
	FlagAdminToken      = "admin-token"
	FlagBackfillWindow  = "backfill-window"
	FlagMaxPins         = "max-pins"
	FlagAllowPrivate    = "allow-private-networks"
	FlagPublisherHandle = "publisher-handle"
	FlagPublisherPass   = "publisher-password"
	FlagPDSURL          = "pds-url"
	FlagHandleResolver  = "handle-resolver"
	FlagLabelers        = "labelers"
	FlagCurationStore   = "curation-store"
)

// Curation stores (--curation-store).
const (
	// CurationLocal keeps curation in the database file: one machine.
	CurationLocal = "local"
	// CurationRepo keeps it as records in the publisher's repository,
	// written through its PDS with the publisher's credentials and read
	// back by every replica from the stream (DEPLOY.md, CURATION.md).
	CurationRepo = "repo"
)

// EnvName is the environment variable of a flag.
func EnvName(flag string) string {
	return EnvPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// Defaults. They run a local service on loopback with the built-in feed,
// following the public Jetstream. A default of a part's own setting has
// its home in that part's package, which uses it when left unset.
const (
	DefaultListen   = "127.0.0.1:3000"
	DefaultDB       = "feedgen.db"
	DefaultHostname = "localhost:3000"
	DefaultSource   = "jetstream"
	DefaultPLCURL   = "https://plc.directory"
	DefaultMaxLag   = indexer.DefaultLagThreshold
	// DefaultRetention is how long posts are kept.
	DefaultRetention = indexer.DefaultRetention
	// DefaultBackfillWindow is a week of an added author's posts.
	DefaultBackfillWindow = curation.DefaultBackfillWindow
	DefaultMaxPins        = curation.DefaultMaxPins
	// MaxMaxPins bounds --max-pins: a feed of pins is no feed.
	MaxMaxPins = 20
)

func str(name, def, usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: name, Value: def, Usage: usage, Sources: cli.EnvVars(EnvName(name))}
}

func dur(name string, def time.Duration, usage string) *cli.DurationFlag {
	return &cli.DurationFlag{Name: name, Value: def, Usage: usage, Sources: cli.EnvVars(EnvName(name))}
}

// Flags are feedgen's options, made afresh: a flag keeps the state of the
// run that parsed it, so each command gets its own. Every command that
// loads the Config takes them all, because Load reads them all and the
// FEEDGEN_* environment is shared by every command (on a server, the
// curators' commands must agree with the service about the database, the
// feeds and the admin URL). Only the options named in shown are listed in
// the command's help; the others are still read, mostly from the
// environment. With no names, every option is listed.
func Flags(shown ...string) []cli.Flag {
	all := []cli.Flag{
		str(FlagListen, DefaultListen, "host:port the HTTP server listens on"),
		str(FlagDB, DefaultDB, "path of the bbolt database file"),
		str(FlagHostname, DefaultHostname, "public host name of this service, may carry a port (localhost:3000)"),
		str(FlagServiceDID, "", "service DID (default did:web:<hostname>, a port's ':' written %3A)"),
		str(FlagServiceEndpoint, "", "public base URL (default https://<hostname>)"),
		str(FlagPublisherDID, "", "DID of the account that publishes the feed records (default: the service DID)"),
		str(FlagSource, DefaultSource, "what to index: jetstream, ws(s):// Jetstream or subscribeRepos URLs, a file of Jetstream events, or none"),
		str(FlagLogLevel, "info", "log level: debug, info, warn or error"),
		str(FlagPLCURL, DefaultPLCURL, "PLC directory for resolving did:plc identities"),
		str(FlagHandleResolver, "", "resolve handles with com.atproto.identity.resolveHandle at this PDS or AppView instead of DNS and https (a local test network's *.test handles)"),
		str(FlagPrivacyPolicy, "", "privacy policy URL shown by describeFeedGenerator"),
		str(FlagTermsOfService, "", "terms of service URL shown by describeFeedGenerator"),
		dur(FlagMaxLag, DefaultMaxLag, "/xrpc/_health says unhealthy (503) when the indexer is further behind than this"),
		dur(FlagRetention, DefaultRetention, "how long posts are kept"),
		str(FlagFeeds, "", "JSON file of feed definitions (default: the built-in South Caucasus Peace feed)"),
		str(FlagAdminTokens, "", "admin API tokens, name=token pairs separated by commas (names go in the audit log)"),
		str(FlagAdminURL, "", "admin API of the running server (default http://<listen>)"),
		str(FlagAdminToken, "", "token sent to the admin API (default: the first of --admin-tokens)"),
		dur(FlagBackfillWindow, DefaultBackfillWindow, "how far back an added author's posts are fetched from their PDS (0 disables backfill)"),
		&cli.IntFlag{Name: FlagMaxPins, Value: DefaultMaxPins, Usage: "most posts a feed may pin", Sources: cli.EnvVars(EnvName(FlagMaxPins))},
		str(FlagPublisherHandle, "", "handle (or DID) that publish, unpublish and --curation-store repo log in with (default: the publisher DID)"),
		str(FlagPublisherPass, "", "app password of the publisher, for publish, unpublish and --curation-store repo (set it in the environment, not on the command line)"),
		str(FlagPDSURL, "", "the publisher's PDS, e.g. http://localhost:2583 (default: found through the publisher's DID document)"),
		str(FlagCurationStore, CurationLocal, "where curation is kept: local (this database) or repo (records in the publisher's repository, shared by every replica; needs the publisher's handle, app password and PDS)"),
		str(FlagLabelers, DefaultLabelers[0].String(), "labelers whose labels keep posts out, comma-separated DIDs (default: Bluesky's moderation service), or none"),
		&cli.BoolFlag{Name: FlagAllowPrivate, Usage: "let outbound fetches (identity documents, PDSes) reach loopback, private and reserved addresses (local test networks only)", Sources: cli.EnvVars(EnvName(FlagAllowPrivate))},
		&cli.BoolFlag{Name: FlagAuthStrict, Usage: "answer 401 to an invalid service JWT instead of serving it logged out", Sources: cli.EnvVars(EnvName(FlagAuthStrict))},
	}
	if len(shown) == 0 {
		return all
	}
	show := map[string]bool{}
	for _, n := range shown {
		show[n] = true
	}
	for _, f := range all {
		if show[f.Names()[0]] {
			continue
		}
		switch f := f.(type) {
		case *cli.StringFlag:
			f.Hidden = true
		case *cli.DurationFlag:
			f.Hidden = true
		case *cli.IntFlag:
			f.Hidden = true
		case *cli.BoolFlag:
			f.Hidden = true
		}
	}
	return all
}

// The options each kind of command lists in its help.
var (
	// ServeOptions are the server's: serve lists them all.
	ServeOptions = []string{FlagListen, FlagDB, FlagHostname, FlagServiceDID, FlagServiceEndpoint, FlagPublisherDID,
		FlagSource, FlagLogLevel, FlagPLCURL, FlagHandleResolver, FlagPrivacyPolicy, FlagTermsOfService, FlagMaxLag,
		FlagRetention, FlagFeeds, FlagAdminTokens, FlagBackfillWindow, FlagMaxPins, FlagAllowPrivate, FlagAuthStrict,
		FlagCurationStore, FlagPublisherHandle, FlagPublisherPass, FlagPDSURL}
	// ClientOptions are what the curators' commands and backup need to
	// find the data: the running server, or the database file.
	ClientOptions = []string{FlagAdminURL, FlagAdminToken, FlagDB}
	// ReplayOptions are replay's.
	ReplayOptions = []string{FlagDB, FlagFeeds, FlagRetention, FlagLogLevel}
	// PublishOptions are publish's and unpublish's.
	PublishOptions = []string{FlagHostname, FlagServiceDID, FlagServiceEndpoint, FlagPublisherDID, FlagPublisherHandle,
		FlagPublisherPass, FlagPDSURL, FlagPLCURL, FlagFeeds, FlagAllowPrivate}
	// RepoOptions are the commands' on curation in the publisher's
	// repository (rebuild, curation export): the running server or the
	// database file, and the publisher's credentials.
	RepoOptions = []string{FlagAdminURL, FlagAdminToken, FlagDB, FlagCurationStore, FlagPublisherDID, FlagPublisherHandle,
		FlagPublisherPass, FlagPDSURL, FlagPLCURL, FlagAllowPrivate}
	// StoreOptions are for commands on the database file alone.
	StoreOptions = []string{FlagDB}
)

// EnvNames are the environment variables feedgen reads, sorted.
func EnvNames() []string {
	var names []string
	for _, f := range Flags() {
		if ev, ok := f.(interface{ GetEnvVars() []string }); ok {
			names = append(names, ev.GetEnvVars()...)
		}
	}
	sort.Strings(names)
	return names
}

// CheckEnv fails on any FEEDGEN_* variable in environ that feedgen does
// not read: it is almost always a typo. Every command reads the same
// variables, so one that only serve uses is no error elsewhere.
func CheckEnv(environ []string) error {
	names := EnvNames()
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	var unknown []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, EnvPrefix) && !known[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return fmt.Errorf("unknown environment variable %s (known: %s)", strings.Join(unknown, ", "), strings.Join(names, " "))
}

// Load builds and validates the Config from a command's flags (which
// urfave/cli has already merged with the environment).
func Load(cmd *cli.Command) (*Config, error) {
	if err := CheckEnv(os.Environ()); err != nil {
		return nil, err
	}
	cfg := &Config{
		Listen:               cmd.String(FlagListen),
		DBPath:               cmd.String(FlagDB),
		Hostname:             cmd.String(FlagHostname),
		ServiceEndpoint:      cmd.String(FlagServiceEndpoint),
		PLCURL:               cmd.String(FlagPLCURL),
		PrivacyPolicyURL:     cmd.String(FlagPrivacyPolicy),
		TermsOfServiceURL:    cmd.String(FlagTermsOfService),
		MaxLag:               cmd.Duration(FlagMaxLag),
		Retention:            cmd.Duration(FlagRetention),
		FeedsFile:            cmd.String(FlagFeeds),
		AuthStrict:           cmd.Bool(FlagAuthStrict),
		AllowPrivateNetworks: cmd.Bool(FlagAllowPrivate),
		BackfillWindow:       cmd.Duration(FlagBackfillWindow),
		MaxPins:              cmd.Int(FlagMaxPins),
	}
	bad := func(flag string, err error) error {
		return fmt.Errorf("--%s (%s): %w", flag, EnvName(flag), err)
	}
	if err := checkListen(cfg.Listen); err != nil {
		return nil, bad(FlagListen, err)
	}
	if strings.TrimSpace(cfg.DBPath) == "" {
		return nil, bad(FlagDB, errors.New("must not be empty"))
	}
	if err := checkHostname(cfg.Hostname); err != nil {
		return nil, bad(FlagHostname, err)
	}
	var err error
	if s := cmd.String(FlagServiceDID); s != "" {
		did, err := syntax.ParseDID(s)
		if err != nil {
			return nil, bad(FlagServiceDID, err)
		}
		cfg.ServiceDID = did
	} else {
		cfg.ServiceDID = WebDID(cfg.Hostname)
	}
	if cfg.ServiceEndpoint == "" {
		cfg.ServiceEndpoint = "https://" + cfg.Hostname
	} else if err := checkBaseURL(cfg.ServiceEndpoint); err != nil {
		return nil, bad(FlagServiceEndpoint, err)
	}
	cfg.ServiceEndpoint = strings.TrimSuffix(cfg.ServiceEndpoint, "/")
	if s := cmd.String(FlagPublisherDID); s != "" {
		did, err := syntax.ParseDID(s)
		if err != nil {
			return nil, bad(FlagPublisherDID, err)
		}
		cfg.PublisherDID = did
	} else {
		cfg.PublisherDID = cfg.ServiceDID
	}
	if src := strings.TrimSpace(cmd.String(FlagSource)); src == "" {
		return nil, bad(FlagSource, errors.New("must not be empty (use none to serve without indexing)"))
	} else if cfg.Source, err = indexer.ParseSource(src); err != nil {
		return nil, bad(FlagSource, err)
	}
	lvl, err := parseLevel(cmd.String(FlagLogLevel))
	if err != nil {
		return nil, bad(FlagLogLevel, err)
	}
	cfg.LogLevel = lvl
	if err := checkBaseURL(cfg.PLCURL); err != nil {
		return nil, bad(FlagPLCURL, err)
	}
	cfg.HandleResolver = strings.TrimSuffix(cmd.String(FlagHandleResolver), "/")
	if cfg.HandleResolver != "" {
		if err := checkBaseURL(cfg.HandleResolver); err != nil {
			return nil, bad(FlagHandleResolver, err)
		}
	}
	for _, f := range []string{FlagPrivacyPolicy, FlagTermsOfService} {
		if v := cmd.String(f); v != "" {
			if err := checkURL(v); err != nil {
				return nil, bad(f, err)
			}
		}
	}
	if cfg.MaxLag <= 0 {
		return nil, bad(FlagMaxLag, errors.New("must be positive"))
	}
	if cfg.Retention < time.Hour {
		return nil, bad(FlagRetention, errors.New("must be at least 1h"))
	}
	if cfg.BackfillWindow < 0 || cfg.BackfillWindow > cfg.Retention {
		return nil, bad(FlagBackfillWindow, errors.New("must be between 0 and --retention"))
	}
	if cfg.MaxPins < 1 || cfg.MaxPins > MaxMaxPins {
		return nil, bad(FlagMaxPins, fmt.Errorf("must be between 1 and %d", MaxMaxPins))
	}
	if cfg.AdminTokens, err = ParseAdminTokens(cmd.String(FlagAdminTokens)); err != nil {
		return nil, bad(FlagAdminTokens, err)
	}
	cfg.AdminToken = cmd.String(FlagAdminToken)
	if cfg.AdminToken == "" && len(cfg.AdminTokens) > 0 {
		cfg.AdminToken = cfg.AdminTokens[0].Token
	}
	cfg.AdminURL = strings.TrimSuffix(cmd.String(FlagAdminURL), "/")
	if cfg.AdminURL == "" {
		cfg.AdminURL = "http://" + localAddr(cfg.Listen)
	} else if err := checkBaseURL(cfg.AdminURL); err != nil {
		return nil, bad(FlagAdminURL, err)
	}
	cfg.PublisherHandle = strings.TrimSpace(cmd.String(FlagPublisherHandle))
	if cfg.PublisherHandle != "" {
		if _, err := syntax.ParseAtIdentifier(cfg.PublisherHandle); err != nil {
			return nil, bad(FlagPublisherHandle, errors.New("must be a handle or a DID"))
		}
	}
	cfg.PublisherPassword = cmd.String(FlagPublisherPass)
	cfg.PDSURL = strings.TrimSuffix(cmd.String(FlagPDSURL), "/")
	if cfg.PDSURL != "" {
		if err := checkBaseURL(cfg.PDSURL); err != nil {
			return nil, bad(FlagPDSURL, err)
		}
	}
	switch cfg.CurationStore = strings.TrimSpace(cmd.String(FlagCurationStore)); cfg.CurationStore {
	case CurationLocal:
	case CurationRepo:
		if cfg.PublisherPassword == "" {
			return nil, bad(FlagCurationStore, fmt.Errorf("repo needs the publisher's app password in %s, to write the curation records", EnvName(FlagPublisherPass)))
		}
	default:
		return nil, bad(FlagCurationStore, fmt.Errorf("%q: want %s or %s", cfg.CurationStore, CurationLocal, CurationRepo))
	}
	if cfg.Labelers, err = ParseLabelers(cmd.String(FlagLabelers)); err != nil {
		return nil, bad(FlagLabelers, err)
	}
	if cfg.Feeds, err = cfg.LoadFeeds(); err != nil {
		return nil, bad(FlagFeeds, err)
	}
	return cfg, nil
}

// LoadFeeds reads the feed definitions of c's feeds file (or the built-in
// ones) and completes them as Load does: their AT-URIs, and the moderation
// defaults that depend on the labelers followed. A reload reads them again
// with it.
func (c *Config) LoadFeeds() ([]Feed, error) {
	feeds, err := readFeeds(c.FeedsFile)
	if err != nil {
		return nil, err
	}
	if err := resolveModeration(feeds, c.Labelers); err != nil {
		return nil, err
	}
	for i := range feeds {
		feeds[i].URI = FeedURI(c.PublisherDID, feeds[i].RKey)
	}
	return feeds, nil
}

// WebDID is the did:web of a host name; a port's colon is percent-encoded
// as the did:web method requires.
func WebDID(hostname string) syntax.DID {
	return syntax.DID("did:web:" + strings.ReplaceAll(hostname, ":", "%3A"))
}

// WebDIDHost returns the host name a did:web names, and false for other
// DIDs or did:web with a path.
func WebDIDHost(did syntax.DID) (string, bool) {
	rest, ok := strings.CutPrefix(did.String(), "did:web:")
	if !ok || strings.Contains(rest, ":") {
		return "", false
	}
	return strings.ReplaceAll(rest, "%3A", ":"), true
}

// FeedURI is the AT-URI of a feed generator record.
func FeedURI(publisher syntax.DID, rkey string) syntax.ATURI {
	return syntax.ATURI("at://" + publisher.String() + "/app.bsky.feed.generator/" + rkey)
}

// AdminToken is a named admin API token.
type AdminToken struct {
	Name  string
	Token string
}

// MinAdminTokenLen is the shortest admin token accepted: 128 bits of
// base64 or hex, so guessing is hopeless.
const MinAdminTokenLen = 22

// ParseAdminTokens reads "name=token,name=token". Errors never echo a
// token.
func ParseAdminTokens(s string) ([]AdminToken, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []AdminToken
	seen := map[string]bool{}
	for i, pair := range strings.Split(s, ",") {
		name, tok, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok || name == "" || tok == "" {
			return nil, fmt.Errorf("entry %d: want name=token", i+1)
		}
		for _, r := range name {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-@", r)) {
				return nil, fmt.Errorf("entry %d: name %q may only hold letters, digits and . _ - @", i+1, name)
			}
		}
		if len(tok) < MinAdminTokenLen {
			return nil, fmt.Errorf("entry %d (%s): token is shorter than %d characters", i+1, name, MinAdminTokenLen)
		}
		if seen[name] {
			return nil, fmt.Errorf("entry %d: name %q used twice", i+1, name)
		}
		seen[name] = true
		out = append(out, AdminToken{Name: name, Token: tok})
	}
	return out, nil
}

// localAddr is the address a local client dials to reach a server
// listening on listen: a wildcard host means loopback.
func localAddr(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

func checkListen(s string) error {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		return fmt.Errorf("%q is not host:port: %w", s, err)
	}
	if host != "" && net.ParseIP(host) == nil {
		if err := checkHost(host); err != nil {
			return fmt.Errorf("%q: %w", s, err)
		}
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q: port must be a number from 0 to 65535", s)
	}
	return nil
}

func checkHostname(s string) error {
	if s == "" {
		return errors.New("must not be empty")
	}
	host, port := s, ""
	if h, p, err := net.SplitHostPort(s); err == nil {
		host, port = h, p
	}
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%q: port must be a number from 1 to 65535", s)
		}
	}
	return checkHost(host)
}

// checkHost accepts DNS names (letters, digits, hyphens, dots) as did:web
// needs them; IP literals cannot be did:web hosts served over TLS.
func checkHost(h string) error {
	if h == "" || len(h) > 253 {
		return fmt.Errorf("%q is not a host name", h)
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return fmt.Errorf("%q is not a host name", h)
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return fmt.Errorf("%q is not a host name", h)
			}
		}
	}
	return nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", s)
	}
	return nil
}

func checkBaseURL(s string) error {
	if err := checkURL(s); err != nil {
		return err
	}
	u, _ := url.Parse(s)
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q must be a base URL without path or query", s)
	}
	return nil
}

func parseLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, fmt.Errorf("%q is not one of debug, info, warn, error", s)
}
