package netguard_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/internal/netguard"
)

// Each kind of network failure is said as such, with the host, from the
// errors a real request makes.
func TestDiagnoseSaysWhatFailed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()

	tlsSrv := httptest.NewUnstartedServer(http.NotFoundHandler())
	// The client's refusal of the certificate is the point: no log of it.
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsSrv.StartTLS()
	t.Cleanup(tlsSrv.Close)

	stall := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-stall }))
	t.Cleanup(func() { close(stall); slow.Close() })

	get := func(client *http.Client, url string) error {
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
			return errors.New("no error")
		}
		return err
	}
	open := netguard.New(netguard.Options{AllowPrivate: true, Timeout: 10 * time.Second})
	impatient := netguard.New(netguard.Options{AllowPrivate: true, Timeout: 300 * time.Millisecond})
	guarded := netguard.New(netguard.Options{})
	for _, tc := range []struct {
		name string
		err  error
		kind string
		want string
	}{
		{"refused", get(open, "http://"+closed+"/xrpc/x?long=query"), netguard.FailureRefused,
			"network error: connection to " + closed + " refused (nothing listens there)"},
		{"TLS", get(open, tlsSrv.URL), netguard.FailureTLS,
			"network error: TLS with " + strings.TrimPrefix(tlsSrv.URL, "https://") + " failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"},
		{"timeout", get(impatient, slow.URL), netguard.FailureTimeout,
			"network error: " + strings.TrimPrefix(slow.URL, "http://") + " did not answer in time"},
		{"private address", get(guarded, slow.URL), netguard.FailureForbidden,
			"network error: " + strings.TrimPrefix(slow.URL, "http://") + " is on a private or reserved network"},
		{"DNS", fmt.Errorf("wrapped: %w", &net.DNSError{Err: "no such host", Name: "pds.example.org", Server: "10.0.0.53:53", IsNotFound: true}), netguard.FailureDNS,
			"network error: DNS lookup of pds.example.org failed: no such host (DNS server 10.0.0.53:53)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := netguard.AsFailure(tc.err)
			if !ok {
				t.Fatalf("%v: not diagnosed as a network failure", tc.err)
			}
			if f.Kind != tc.kind || !strings.HasPrefix(f.Error(), tc.want) {
				t.Errorf("got %s %q\nwant %s %q", f.Kind, f.Error(), tc.kind, tc.want)
			}
			if !errors.Is(netguard.Diagnose(tc.err), f.Err) {
				t.Error("the diagnosis lost the original error")
			}
		})
	}
	if err := netguard.Diagnose(errors.New("decode: unexpected EOF")); err.Error() != "decode: unexpected EOF" {
		t.Errorf("a non-network error was changed: %v", err)
	}
	if _, ok := netguard.AsFailure(context.Canceled); ok {
		t.Error("a cancelled request is no network failure")
	}
}
