package netguard

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"2606:4700::1111", true},
		{"127.0.0.1", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fdaa::3", false},         // fly.io's private network
		{"fe80::1", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"::ffff:127.0.0.1", false},
		{"224.0.0.1", false},
	} {
		if got := Allowed(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.ip, got, tc.want)
		}
	}
}

func TestClientRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	if _, err := Client(time.Second, false).Get(srv.URL); !errors.Is(err, ErrForbidden) {
		t.Fatalf("guarded client reached %s: %v", srv.URL, err)
	}
	resp, err := Client(time.Second, true).Get(srv.URL)
	if err != nil {
		t.Fatalf("client allowed private networks: %v", err)
	}
	resp.Body.Close()
	// The operator's own services (a PLC directory) are trusted by name.
	resp, err = Client(time.Second, false, HostPort(srv.URL)).Get(srv.URL)
	if err != nil {
		t.Fatalf("client trusting %s: %v", HostPort(srv.URL), err)
	}
	resp.Body.Close()
}

func TestHostPort(t *testing.T) {
	for in, want := range map[string]string{
		"https://plc.directory":    "plc.directory:443",
		"http://127.0.0.1:2582":    "127.0.0.1:2582",
		"http://localhost":         "localhost:80",
		"https://[::1]:8443/x?y=z": "[::1]:8443",
	} {
		if got := HostPort(in); got != want {
			t.Errorf("HostPort(%s): got %s, want %s", in, got, want)
		}
	}
}
