package curation_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/internal/testutil"
)

// brokenDirectory fails handle look-ups with err, as the network would.
type brokenDirectory struct {
	identity.Directory
	err error
}

func (d brokenDirectory) LookupHandle(context.Context, syntax.Handle) (*identity.Identity, error) {
	return nil, d.err
}

func withDeps(fn func(*curation.Deps)) envOption {
	return func(_ *curation.Config, _ *curation.Feed, d *curation.Deps) { fn(d) }
}

// A network failure is said to be one, with the host; "not found" only
// when the other side said so; and the server logs what failed.
func TestNetworkFailuresAreNotFacts(t *testing.T) {
	dnsTimeout := fmt.Errorf("%w: %w", identity.ErrHandleResolutionFailed,
		&net.DNSError{Err: "i/o timeout", Name: "_atproto.analyst.example.org", Server: "10.0.0.53:53", IsTimeout: true})
	noDNS := netguard.Diagnose(fmt.Errorf("look up plc.directory: %w", &net.DNSError{Err: "no such host", Name: "plc.directory", IsNotFound: true}))
	for _, tc := range []struct {
		name     string
		lookup   error
		checkDNS error
		code     int
		errName  string
		message  []string
		logged   string
	}{
		{"DNS times out", dnsTimeout, nil, http.StatusBadGateway, "ResolutionFailed",
			[]string{"could not resolve handle analyst.example.org", "network error: DNS lookup of _atproto.analyst.example.org failed: the DNS server did not answer in time (DNS server 10.0.0.53:53)"},
			"handle resolution failed"},
		{"DNS answers nothing for any name", identity.ErrHandleNotFound, noDNS, http.StatusBadGateway, "ResolutionFailed",
			[]string{"DNS does not work from here", "network error: DNS lookup of plc.directory failed: no such host"},
			"DNS does not resolve a name that must exist"},
		{"the handle does not exist", identity.ErrHandleNotFound, nil, http.StatusBadRequest, "HandleNotFound",
			[]string{"handle analyst.example.org does not resolve to an account"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var log testutil.SyncBuffer
			e := newEnv(t, withDeps(func(d *curation.Deps) {
				d.Directory = brokenDirectory{Directory: d.Directory, err: tc.lookup}
				d.Logger = slog.New(slog.NewTextHandler(&log, nil))
				d.CheckDNS = func(context.Context) error { return tc.checkDNS }
			}))
			code, out := e.call("POST", "/admin/authors", tokenAni, map[string]any{"author": "analyst.example.org"})
			if code != tc.code || out["error"] != tc.errName {
				t.Errorf("got %d %v, want %d %s", code, out, tc.code, tc.errName)
			}
			msg, _ := out["message"].(string)
			for _, w := range tc.message {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if tc.logged != "" && !strings.Contains(log.String(), tc.logged) {
				t.Errorf("the server did not log %q: %s", tc.logged, log.String())
			}
			if len(e.tiers()) != 0 {
				t.Error("an author was added")
			}
		})
	}
}

// A PDS that cannot be reached: the change stands, and the backfill's
// failure names the host and says the connection was refused.
func TestBackfillSaysTheNetworkFailed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	e := newEnv(t)
	e.dir.Insert(identity.Identity{DID: "did:plc:farawayfffffffffffffffff", Handle: "faraway.test",
		Services: map[string]identity.ServiceEndpoint{"atproto_pds": {Type: "AtprotoPersonalDataServer", URL: closed}}})
	out := e.ok("POST", "/admin/authors", map[string]any{"author": "faraway.test"})
	be, _ := out["backfillError"].(string)
	if want := "network error: connection to " + strings.TrimPrefix(closed, "http://") + " refused"; !strings.Contains(be, want) {
		t.Errorf("backfillError %q lacks %q", be, want)
	}
	if e.tiers()["did:plc:farawayfffffffffffffffff"] != "expert" {
		t.Error("the author was not added")
	}
}
