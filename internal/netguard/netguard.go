// Package netguard keeps outbound requests whose address comes from
// someone else's data (a PDS endpoint in a DID document, a did:web host)
// away from this machine's own networks: loopback, private, link-local and
// carrier-grade NAT addresses, and the cloud metadata endpoints among them.
//
// The check runs on the address actually dialled, after DNS resolution,
// so a name that resolves (or re-resolves) to an internal address is
// refused too.
package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"syscall"
	"time"
)

// ErrForbidden means the address is on a network that outbound fetches
// driven by untrusted data may not reach.
var ErrForbidden = errors.New("address on a private network")

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// Allowed reports whether outbound fetches may dial ip.
func Allowed(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsValid() && !(ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() || cgnat.Contains(ip))
}

func control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("netguard: %q: %w", address, err)
	}
	if !Allowed(ap.Addr()) {
		return fmt.Errorf("netguard: %s: %w", ap.Addr(), ErrForbidden)
	}
	return nil
}

// Client is an HTTP client with timeout whose connections may reach only
// public addresses, unless allowPrivate (local test networks). The hosts
// in trusted ("host:port", e.g. the operator's own PLC directory) are
// dialled without the check: they come from our configuration, not from
// someone else's data.
func Client(timeout time.Duration, allowPrivate bool, trusted ...string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	open := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	guarded := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: control}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if allowPrivate || slices.Contains(trusted, addr) {
			return open.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
	return &http.Client{Timeout: timeout, Transport: tr}
}

// HostPort is the "host:port" a client dials for an http(s) URL, the form
// Client's trusted list takes.
func HostPort(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "http" {
		return net.JoinHostPort(u.Hostname(), "80")
	}
	return net.JoinHostPort(u.Hostname(), "443")
}
