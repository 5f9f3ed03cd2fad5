// Package netguard is feedgen's one outbound HTTP client: every fetch whose
// address or answer comes from someone else's data (a did:web host, a PLC
// document, a PDS endpoint in a DID document, a Bluesky list) goes through
// a client made by New. It bounds what such a fetch can cost us:
//
//   - the address actually dialled, after DNS resolution, must be public:
//     loopback, private, link-local, carrier-grade NAT, reserved and
//     documentation ranges are refused, and so are the IPv6 forms that
//     carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4,
//     Teredo) when the address they carry is refused. A name that
//     resolves, or re-resolves, to an internal address is refused too;
//   - redirects may not leave the host (nor go from https to http);
//   - a response body is cut off at a cap, whatever its Content-Length
//     says, and so are response headers;
//   - every request has a deadline covering the body too, so a server
//     that drips one byte a second holds a connection for a bounded time.
//
// Hosts from our own configuration (the PLC directory, --pds-url) are
// trusted by name and dialled without the address check. The one switch
// for local test networks, where everything lives on 127.0.0.1, is
// Options.AllowPrivate (--allow-private-networks).
package netguard

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"syscall"
	"time"
)

// Errors of the guarded client. They arrive wrapped (in *url.Error, and in
// whatever the caller adds); test with errors.Is.
var (
	// ErrForbidden means the address is on a network that outbound fetches
	// driven by untrusted data may not reach.
	ErrForbidden = errors.New("address on a private or reserved network")
	// ErrBodyTooLarge means a response body went past the client's cap.
	ErrBodyTooLarge = errors.New("response body too large")
	// ErrRedirect means a redirect left the host or downgraded to http.
	ErrRedirect = errors.New("redirect refused")
)

// Caps on response bodies for the kinds of fetch feedgen makes.
const (
	// DIDDocumentMax bounds a DID document (PLC or did:web): real ones
	// are a couple of KB, and the largest PLC documents well under this.
	DIDDocumentMax = 64 << 10
	// PDSResponseMax bounds one XRPC answer from a PDS: a page of 100
	// records with long posts is well under it.
	PDSResponseMax = 8 << 20
)

// Options configure a guarded client. The zero value is usable: it is
// guarded, with a 10s deadline and a 1 MB body cap.
type Options struct {
	// Timeout bounds a whole request, the body included. Default 10s.
	Timeout time.Duration
	// MaxBody is the most bytes of a response body that can be read;
	// reading further fails with ErrBodyTooLarge. Default 1 MB.
	MaxBody int64
	// AllowPrivate turns the address check off, for local test networks
	// (--allow-private-networks). Caps, deadlines and the redirect rule
	// still apply.
	AllowPrivate bool
	// Trusted are "host:port" addresses from our own configuration (the
	// PLC directory, the publisher's PDS), dialled without the check.
	Trusted []string

	// TestHosts maps "host:port" to the address that is really dialled,
	// unchecked, and RootCAs replaces the system's roots. Tests use them
	// to put a hostile server behind a public-looking https name; every
	// other address still goes through the check. Production leaves both
	// unset.
	TestHosts map[string]string
	RootCAs   *x509.CertPool
}

// maxRedirects bounds a chain of same-host redirects.
const maxRedirects = 3

// New returns a guarded client.
func New(opts Options) *http.Client {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 1 << 20
	}
	dialTimeout := min(opts.Timeout, 5*time.Second)
	open := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	guarded := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: control}
	tr := &http.Transport{
		// No proxy from the environment: a proxy would dial for us, and
		// the check would see only the proxy's address.
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if to, ok := opts.TestHosts[addr]; ok {
				return open.DialContext(ctx, network, to)
			}
			if opts.AllowPrivate || slices.Contains(opts.Trusted, addr) {
				return open.DialContext(ctx, network, addr)
			}
			return guarded.DialContext(ctx, network, addr)
		},
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   dialTimeout,
		ResponseHeaderTimeout: opts.Timeout,
		ExpectContinueTimeout: time.Second,
		// net/http's default is 10 MB of headers per response.
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        30 * time.Second,
	}
	if opts.RootCAs != nil {
		tr.TLSClientConfig = &tls.Config{RootCAs: opts.RootCAs}
	}
	return &http.Client{
		Timeout:       opts.Timeout,
		Transport:     &capTransport{next: tr, max: opts.MaxBody},
		CheckRedirect: sameHostRedirect,
	}
}

// sameHostRedirect follows a few redirects on the same host and scheme
// (or http to https); one to another host could be steered anywhere, and
// net/http would forward the request's headers there.
func sameHostRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrRedirect, maxRedirects)
	}
	from := via[0].URL
	if !sameHost(from, req.URL) {
		return fmt.Errorf("%w: %s to another host (%s)", ErrRedirect, from.Host, req.URL.Host)
	}
	if from.Scheme == "https" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: https to %s", ErrRedirect, req.URL.Scheme)
	}
	return nil
}

func sameHost(a, b *url.URL) bool {
	return a.Hostname() == b.Hostname() && portOf(a) == portOf(b)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "http" {
		return "80"
	}
	return "443"
}

// capTransport cuts every response body off at max bytes.
type capTransport struct {
	next http.RoundTripper
	max  int64
}

func (t *capTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		// A websocket (a labeler's stream): the body is the connection
		// itself, which must stay writable. The reader of its frames
		// bounds them, as the indexer does for every stream; the address
		// check has been made at the dial all the same.
		return resp, nil
	}
	if resp.ContentLength > t.max {
		resp.Body.Close()
		return nil, fmt.Errorf("%w: %d bytes announced, at most %d read", ErrBodyTooLarge, resp.ContentLength, t.max)
	}
	resp.Body = &capBody{rc: resp.Body, left: t.max, max: t.max}
	return resp, nil
}

// capBody reads at most max bytes; one byte more is ErrBodyTooLarge. The
// caller's io.ReadAll or json.Decoder stops there, and so does a drain
// with io.Copy(io.Discard, body).
type capBody struct {
	rc   io.ReadCloser
	left int64
	max  int64
	err  error
}

func (b *capBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	if int64(n) > b.left {
		b.err = fmt.Errorf("%w: more than %d bytes", ErrBodyTooLarge, b.max)
		return int(b.left), b.err
	}
	b.left -= int64(n)
	return n, err
}

func (b *capBody) Close() error { return b.rc.Close() }

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

// Refused ranges beyond what netip's predicates name (loopback, private,
// link-local, multicast, unspecified).
var (
	refused4 = prefixes(
		"0.0.0.0/8",       // "this network": 0.x.y.z reaches the local host on Linux
		"100.64.0.0/10",   // carrier-grade NAT
		"192.0.0.0/24",    // IETF protocol assignments (DS-Lite, NAT64 discovery, ...)
		"192.0.2.0/24",    // TEST-NET-1
		"192.88.99.0/24",  // 6to4 relay anycast
		"198.18.0.0/15",   // benchmarking, used inside some clouds' networks
		"198.51.100.0/24", // TEST-NET-2
		"203.0.113.0/24",  // TEST-NET-3
		"240.0.0.0/4",     // reserved, and 255.255.255.255 broadcast
	)
	refused6 = prefixes(
		"::/96",           // IPv4-compatible (deprecated): ::127.0.0.1
		"::ffff:0:0:0/96", // IPv4-translated (RFC 2765)
		"64:ff9b:1::/48",  // NAT64 for local use (RFC 8215)
		"100::/64",        // discard-only
		"2001::/23",       // IETF protocol assignments, Teredo among them
		"2001:db8::/32",   // documentation
		"3fff::/20",       // documentation (RFC 9637)
		"5f00::/16",       // segment routing SIDs
		"fec0::/10",       // site-local (deprecated)
	)
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// Allowed reports whether outbound fetches may dial ip: a public unicast
// address, or an IPv6 address that carries one (NAT64, 6to4).
func Allowed(ip netip.Addr) bool {
	ip = ip.Unmap().WithZone("")
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() {
		return false
	}
	if ip.Is4() {
		return !containsAny(refused4, ip)
	}
	if containsAny(refused6, ip) {
		return false
	}
	// The translated forms reach the IPv4 address they carry: judge that.
	b := ip.As16()
	switch {
	case nat64.Contains(ip):
		return Allowed(netip.AddrFrom4([4]byte(b[12:16])))
	case sixToFour.Contains(ip):
		return Allowed(netip.AddrFrom4([4]byte(b[2:6])))
	}
	return true
}

func containsAny(ps []netip.Prefix, ip netip.Addr) bool {
	for _, p := range ps {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// HostPort is the "host:port" a client dials for an http(s) URL, the form
// Options.Trusted takes; "" for a URL without a host.
func HostPort(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return net.JoinHostPort(u.Hostname(), portOf(u))
}
