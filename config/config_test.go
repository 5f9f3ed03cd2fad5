package config

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/indexer"
)

// load runs a command with the global flags, as cmd/feedgen does, and
// returns what Load made of args and env.
func load(t *testing.T, env map[string]string, args ...string) (*Config, error) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, EnvPrefix) {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	var cfg *Config
	var loadErr error
	cmd := &cli.Command{
		Name:  "feedgen",
		Flags: Flags(),
		Commands: []*cli.Command{{
			Name: "serve",
			Action: func(ctx context.Context, cmd *cli.Command) error {
				cfg, loadErr = Load(cmd)
				return nil
			},
		}},
	}
	if err := cmd.Run(context.Background(), append([]string{"feedgen"}, args...)); err != nil {
		return nil, err
	}
	return cfg, loadErr
}

func TestDefaultsRunLocally(t *testing.T) {
	cfg, err := load(t, nil, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != "127.0.0.1:3000" || cfg.DBPath != "feedgen.db" || cfg.Source.Kind != indexer.SourceJetstream || len(cfg.Source.URLs) != len(indexer.PublicJetstreams) {
		t.Errorf("defaults: got %+v", cfg)
	}
	if cfg.ServiceDID != "did:web:localhost%3A3000" || cfg.PublisherDID != cfg.ServiceDID {
		t.Errorf("service DID: got %s / publisher %s", cfg.ServiceDID, cfg.PublisherDID)
	}
	if cfg.ServiceEndpoint != "https://localhost:3000" {
		t.Errorf("endpoint: got %s", cfg.ServiceEndpoint)
	}
	// The built-in feed, and the week's top of the same posts.
	if len(cfg.Feeds) != 2 || cfg.Feeds[0].DisplayName != "South Caucasus Peace" || cfg.Feeds[1].Membership() != "sc-peace" || !cfg.Feeds[1].Top() {
		t.Fatalf("built-in feeds: got %+v", cfg.Feeds)
	}
	if got, want := cfg.Feeds[0].URI.String(), "at://did:web:localhost%3A3000/app.bsky.feed.generator/sc-peace"; got != want {
		t.Errorf("feed URI: got %s, want %s", got, want)
	}
	if cfg.Retention != 30*24*time.Hour {
		t.Errorf("retention: got %s", cfg.Retention)
	}
}

func TestFlagsWinOverEnvironment(t *testing.T) {
	env := map[string]string{
		"FEEDGEN_LISTEN":   "0.0.0.0:8080",
		"FEEDGEN_HOSTNAME": "feeds.example.com",
		"FEEDGEN_DB":       "/data/env.db",
	}
	cfg, err := load(t, env, "--listen", "127.0.0.1:9999", "serve")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != "127.0.0.1:9999" {
		t.Errorf("flag should win: got %s", cfg.Listen)
	}
	if cfg.DBPath != "/data/env.db" || cfg.ServiceDID != "did:web:feeds.example.com" || cfg.ServiceEndpoint != "https://feeds.example.com" {
		t.Errorf("environment should apply: got %+v", cfg)
	}
	// Flags after the subcommand work too.
	cfg, err = load(t, env, "serve", "--db", "flag.db")
	if err != nil || cfg.DBPath != "flag.db" {
		t.Fatalf("flag after subcommand: got %v, %v", cfg, err)
	}
}

func TestExplicitDIDs(t *testing.T) {
	cfg, err := load(t, map[string]string{
		"FEEDGEN_SERVICE_DID":      "did:plc:servicexxxxxxxxxxxxxxxxx",
		"FEEDGEN_PUBLISHER_DID":    "did:plc:publisherxxxxxxxxxxxxxxx",
		"FEEDGEN_SERVICE_ENDPOINT": "http://localhost:3000/",
	}, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ServiceDID != "did:plc:servicexxxxxxxxxxxxxxxxx" || cfg.ServiceEndpoint != "http://localhost:3000" {
		t.Errorf("got %s %s", cfg.ServiceDID, cfg.ServiceEndpoint)
	}
	if got := cfg.Feeds[0].URI.String(); got != "at://did:plc:publisherxxxxxxxxxxxxxxx/app.bsky.feed.generator/sc-peace" {
		t.Errorf("feed URI must use the publisher DID: got %s", got)
	}
}

func TestInvalidValuesNameTheVariable(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"unknown variable", map[string]string{"FEEDGEN_LISTN": "x"}, nil, "FEEDGEN_LISTN"},
		{"bad listen", map[string]string{"FEEDGEN_LISTEN": "nonsense"}, nil, "FEEDGEN_LISTEN"},
		{"bad port", map[string]string{"FEEDGEN_LISTEN": ":99999"}, nil, "FEEDGEN_LISTEN"},
		{"bad listen flag", nil, []string{"--listen", "x"}, "--listen"},
		{"bad hostname", map[string]string{"FEEDGEN_HOSTNAME": "bad host!"}, nil, "FEEDGEN_HOSTNAME"},
		{"hostname with path", map[string]string{"FEEDGEN_HOSTNAME": "example.com/feed"}, nil, "FEEDGEN_HOSTNAME"},
		{"bad service did", map[string]string{"FEEDGEN_SERVICE_DID": "web:example.com"}, nil, "FEEDGEN_SERVICE_DID"},
		{"bad publisher did", map[string]string{"FEEDGEN_PUBLISHER_DID": "alice.bsky.social"}, nil, "FEEDGEN_PUBLISHER_DID"},
		{"endpoint with path", map[string]string{"FEEDGEN_SERVICE_ENDPOINT": "https://example.com/feeds"}, nil, "FEEDGEN_SERVICE_ENDPOINT"},
		{"endpoint not http", map[string]string{"FEEDGEN_SERVICE_ENDPOINT": "ftp://example.com"}, nil, "FEEDGEN_SERVICE_ENDPOINT"},
		{"log level", map[string]string{"FEEDGEN_LOG_LEVEL": "loud"}, nil, "FEEDGEN_LOG_LEVEL"},
		{"max lag", map[string]string{"FEEDGEN_MAX_LAG": "-1s"}, nil, "FEEDGEN_MAX_LAG"},
		{"retention", map[string]string{"FEEDGEN_RETENTION": "1m"}, nil, "FEEDGEN_RETENTION"},
		{"empty db", map[string]string{"FEEDGEN_DB": " "}, nil, "FEEDGEN_DB"},
		{"privacy url", map[string]string{"FEEDGEN_PRIVACY_POLICY_URL": "not a url"}, nil, "FEEDGEN_PRIVACY_POLICY_URL"},
		{"missing feeds file", map[string]string{"FEEDGEN_FEEDS": "/nonexistent/feeds.json"}, nil, "FEEDGEN_FEEDS"},
		{"bad source", map[string]string{"FEEDGEN_SOURCE": "gopher://example.com"}, nil, "FEEDGEN_SOURCE"},
		{"empty source", map[string]string{"FEEDGEN_SOURCE": " "}, nil, "FEEDGEN_SOURCE"},
		{"misspelt source", nil, []string{"--source", "jetstrem"}, "--source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.env, append(tt.args, "serve")...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error naming %s", err, tt.want)
			}
		})
	}
}

func TestUnparsableDurationFailsAtStartup(t *testing.T) {
	if _, err := load(t, map[string]string{"FEEDGEN_MAX_LAG": "soon"}, "serve"); err == nil || !strings.Contains(err.Error(), "FEEDGEN_MAX_LAG") {
		t.Fatalf("got %v, want an error naming FEEDGEN_MAX_LAG", err)
	}
}

func TestFeedDefinitions(t *testing.T) {
	good := `{"feeds":[{"rkey":"tbilisi","displayName":"Tbilisi Protests","rules":"/etc/feedgen/tbilisi.rules",
		"authors":{"expert":["did:plc:expertxxxxxxxxxxxxxxxxxx"]},"languages":"prefer","reposts":true,
		"list":"at://did:plc:curatorxxxxxxxxxxxxxxxxx/app.bsky.graph.list/3kexperts"}]}`
	feeds, err := ParseFeeds([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if feeds[0].RKey != "tbilisi" || !feeds[0].Reposts || feeds[0].Authors.Expert[0] != "did:plc:expertxxxxxxxxxxxxxxxxxx" {
		t.Errorf("got %+v", feeds[0])
	}
	tests := []struct{ name, in, want string }{
		{"syntax", "{\n\"feeds\": [\n{,}]}", "line 3"},
		{"unknown field", `{"feeds":[{"rkey":"a","displayName":"A","rules":"x","colour":"red"}]}`, "colour"},
		{"no feeds", `{"feeds":[]}`, "no feeds"},
		{"bad rkey", `{"feeds":[{"rkey":"a/b","displayName":"A","rules":"x"}]}`, "rkey"},
		{"duplicate", `{"feeds":[{"rkey":"a","displayName":"A","rules":"x"},{"rkey":"a","displayName":"B","rules":"x"}]}`, "twice"},
		{"long name", `{"feeds":[{"rkey":"a","displayName":"` + strings.Repeat("ა", 25) + `","rules":"x"}]}`, "24 graphemes"},
		{"no name", `{"feeds":[{"rkey":"a","rules":"x"}]}`, "displayName"},
		{"no rules", `{"feeds":[{"rkey":"a","displayName":"A"}]}`, "rules"},
		{"bad author", `{"feeds":[{"rkey":"a","displayName":"A","rules":"x","authors":{"all":["bob"]}}]}`, "authors.all"},
		{"bad list", `{"feeds":[{"rkey":"a","displayName":"A","rules":"x","list":"at://did:plc:x/app.bsky.feed.post/1"}]}`, "list"},
		{"bad languages", `{"feeds":[{"rkey":"a","displayName":"A","rules":"x","languages":"all"}]}`, "languages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFeeds([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
	// 24 Georgian letters are 24 graphemes, though 72 bytes.
	if _, err := ParseFeeds([]byte(`{"feeds":[{"rkey":"a","displayName":"` + strings.Repeat("ა", 24) + `","rules":"x"}]}`)); err != nil {
		t.Errorf("24 graphemes should fit: %v", err)
	}
}

func TestFeedsFileFromEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.json")
	os.WriteFile(path, []byte(`{"feeds":[{"rkey":"one","displayName":"One","rules":"builtin:south-caucasus"},{"rkey":"two","displayName":"Two","rules":"builtin:south-caucasus"}]}`), 0o600)
	cfg, err := load(t, map[string]string{"FEEDGEN_FEEDS": path}, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Feeds) != 2 || cfg.Feeds[1].URI != "at://did:web:localhost%3A3000/app.bsky.feed.generator/two" {
		t.Fatalf("got %+v", cfg.Feeds)
	}
	os.WriteFile(path, []byte(`{"feeds":[{"rkey":"one"`), 0o600)
	if _, err := load(t, map[string]string{"FEEDGEN_FEEDS": path}, "serve"); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("broken feeds file: got %v, want an error naming %s", err, path)
	}
}

func TestWebDID(t *testing.T) {
	for _, tc := range []struct{ host, did string }{
		{"feeds.example.com", "did:web:feeds.example.com"},
		{"localhost:3000", "did:web:localhost%3A3000"},
	} {
		if got := WebDID(tc.host); string(got) != tc.did {
			t.Errorf("WebDID(%s): got %s, want %s", tc.host, got, tc.did)
		}
		if got, ok := WebDIDHost(WebDID(tc.host)); !ok || got != tc.host {
			t.Errorf("WebDIDHost round trip: got %s %v", got, ok)
		}
	}
}

func TestAdminTokens(t *testing.T) {
	got, err := ParseAdminTokens(" ani=tok-ani-0123456789abcdefghij , giorgi@newsroom=tok-giorgi-0123456789abcdefg")
	if err != nil || len(got) != 2 || got[0].Name != "ani" || got[1].Name != "giorgi@newsroom" || got[1].Token != "tok-giorgi-0123456789abcdefg" {
		t.Fatalf("got %+v, %v", got, err)
	}
	for _, bad := range []string{"ani", "=tok-0123456789abcdefghijkl", "ani=short", "a b=tok-0123456789abcdefghijkl",
		"ani=tok-0123456789abcdefghijkl,ani=tok-9876543210abcdefghijkl"} {
		_, err := ParseAdminTokens(bad)
		if err == nil {
			t.Errorf("%q: accepted", bad)
		} else if strings.Contains(err.Error(), "tok-") {
			t.Errorf("%q: error leaks the token: %v", bad, err)
		}
	}
	if _, err := load(t, map[string]string{"FEEDGEN_ADMIN_TOKENS": "ani=short"}, "serve"); err == nil || !strings.Contains(err.Error(), "FEEDGEN_ADMIN_TOKENS") {
		t.Errorf("bad tokens at startup: got %v", err)
	}
}
