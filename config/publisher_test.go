package config

import (
	"strings"
	"testing"
)

func TestPublisherSettings(t *testing.T) {
	cfg, err := load(t, map[string]string{
		"FEEDGEN_PUBLISHER_HANDLE":   "alice.test",
		"FEEDGEN_PUBLISHER_PASSWORD": "abcd-efgh-ijkl-mnop",
		"FEEDGEN_PDS_URL":            "http://localhost:2583/",
	}, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PublisherHandle != "alice.test" || cfg.PublisherPassword != "abcd-efgh-ijkl-mnop" || cfg.PDSURL != "http://localhost:2583" {
		t.Errorf("got handle %q, PDS %q", cfg.PublisherHandle, cfg.PDSURL)
	}
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"handle not a handle", map[string]string{"FEEDGEN_PUBLISHER_HANDLE": "alice at example"}, "FEEDGEN_PUBLISHER_HANDLE"},
		{"pds with a path", map[string]string{"FEEDGEN_PDS_URL": "https://pds.example.com/xrpc"}, "FEEDGEN_PDS_URL"},
		{"pds not http", map[string]string{"FEEDGEN_PDS_URL": "pds.example.com"}, "FEEDGEN_PDS_URL"},
	} {
		_, err := load(t, tc.env, "serve")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error naming %s", tc.name, err, tc.want)
		}
	}
	// A bad password is never echoed: there is no check that could.
	if _, err := load(t, map[string]string{"FEEDGEN_PUBLISHER_PASSWORD": "x y z", "FEEDGEN_LISTEN": "bad"}, "serve"); err == nil || strings.Contains(err.Error(), "x y z") {
		t.Errorf("got %v", err)
	}
}
