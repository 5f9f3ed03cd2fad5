package netguard

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// Failure is a failed network operation said plainly: what went wrong on
// the network and with which host. People read "HandleNotFound" or "no
// server" as a fact about the world; a DNS failure or a refused connection
// is a fact about the network, and the message must say which.
type Failure struct {
	// Kind is one of the Failure* constants.
	Kind string
	// Host is the host (and port, when known) that could not be reached.
	Host string
	// Detail adds what the library said, when it says more than Kind.
	Detail string
	Err    error
}

// Kinds of Failure.
const (
	FailureDNS         = "DNS"
	FailureTimeout     = "timeout"
	FailureRefused     = "refused"
	FailureReset       = "reset"
	FailureUnreachable = "unreachable"
	FailureTLS         = "TLS"
	FailureForbidden   = "forbidden"
)

func (f *Failure) Error() string {
	host := f.Host
	if host == "" {
		host = "the server"
	}
	var s string
	switch f.Kind {
	case FailureDNS:
		s = "DNS lookup of " + host + " failed"
	case FailureTimeout:
		s = host + " did not answer in time"
	case FailureRefused:
		s = "connection to " + host + " refused (nothing listens there)"
	case FailureReset:
		s = "connection to " + host + " reset"
	case FailureUnreachable:
		s = "no route to " + host
	case FailureTLS:
		s = "TLS with " + host + " failed"
	case FailureForbidden:
		s = host + " is on a private or reserved network, which outbound fetches may not reach (--allow-private-networks is for local test networks)"
	default:
		s = "talking to " + host + " failed"
	}
	if f.Detail != "" {
		s += ": " + f.Detail
	}
	return "network error: " + s
}

func (f *Failure) Unwrap() error { return f.Err }

// Diagnose returns err as a *Failure when it is a network failure (DNS,
// timeout, refused or reset connection, no route, TLS, an address the
// guard refused), naming the host; other errors are returned as they are.
func Diagnose(err error) error {
	if f, ok := AsFailure(err); ok {
		return f
	}
	return err
}

// AsFailure finds or makes the *Failure that err is, if it is one.
func AsFailure(err error) (*Failure, bool) {
	if err == nil {
		return nil, false
	}
	var f *Failure
	if errors.As(err, &f) {
		return f, true
	}
	f = &Failure{Err: err, Host: hostOf(err)}
	var dnsErr *net.DNSError
	var certInvalid x509.CertificateInvalidError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var verifyErr *tls.CertificateVerificationError
	var recordErr tls.RecordHeaderError
	var alert tls.AlertError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		f.Kind = FailureDNS
		if dnsErr.Name != "" {
			f.Host = dnsErr.Name
		}
		switch {
		case dnsErr.IsNotFound:
			f.Detail = "no such host"
		case dnsErr.IsTimeout:
			f.Detail = "the DNS server did not answer in time"
		default:
			f.Detail = dnsErr.Err
		}
		if dnsErr.Server != "" {
			f.Detail += " (DNS server " + dnsErr.Server + ")"
		}
	case errors.Is(err, ErrForbidden):
		f.Kind = FailureForbidden
	case errors.Is(err, syscall.ECONNREFUSED):
		f.Kind = FailureRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		f.Kind = FailureReset
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		f.Kind = FailureUnreachable
	case errors.As(err, &certInvalid), errors.As(err, &unknownCA), errors.As(err, &hostErr),
		errors.As(err, &verifyErr), errors.As(err, &recordErr), errors.As(err, &alert):
		f.Kind = FailureTLS
		f.Detail = tlsDetail(err)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		f.Kind = FailureTimeout
	default:
		return nil, false
	}
	return f, true
}

// tlsDetail is the innermost message of a TLS failure ("x509: certificate
// signed by unknown authority").
func tlsDetail(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "tls: "); i >= 0 {
		return msg[i:]
	}
	if i := strings.Index(msg, "x509: "); i >= 0 {
		return msg[i:]
	}
	return msg
}

// hostOf finds the host an error is about: the URL of a request, or the
// address of a connection.
func hostOf(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Addr != nil {
		return oe.Addr.String()
	}
	return ""
}

// CheckDNS looks host up, to tell "this name does not exist" from "DNS does
// not work here": a name that must exist (the PLC directory's) that does
// not resolve either means the latter. It returns nil for an IP address.
func CheckDNS(ctx context.Context, host string) error {
	if host == "" || net.ParseIP(host) != nil {
		return nil
	}
	if _, err := net.DefaultResolver.LookupHost(ctx, host); err != nil {
		return Diagnose(fmt.Errorf("look up %s: %w", host, err))
	}
	return nil
}
