package auth

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/internal/netguard/netguardtest"
)

// hostileNet is a did:web host under an attacker's control, reached at public-looking names
// (*.hostile.test over HTTPS) through netguard's test hook, next to a PLC directory of real
// viewers; the validator resolves both through the production resolver and guarded client.
type hostileNet struct {
	v       *Validator
	plc     *httptest.Server
	mu      sync.Mutex
	docs    map[syntax.DID]map[string]any
	hits    atomic.Int64 // requests that reached the loopback target of a redirect
	written atomic.Int64 // body bytes the hostile server managed to send
}

func newHostileNet(t *testing.T, edit func(*Config)) *hostileNet {
	t.Helper()
	h := &hostileNet{docs: map[syntax.DID]map[string]any{}}
	h.plc = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		doc, ok := h.docs[syntax.DID(strings.TrimPrefix(r.URL.Path, "/"))]
		h.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(doc)
	}))
	t.Cleanup(h.plc.Close)
	loopback := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.hits.Add(1)
	}))
	t.Cleanup(loopback.Close)

	stop := make(chan struct{})
	chunk := make([]byte, 32<<10)
	for i := range chunk {
		chunk[i] = ' '
	}
	hostile := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch label := strings.SplitN(r.Host, ".", 2)[0]; {
		case strings.HasPrefix(label, "endless"): // a JSON document that never ends
			w.Write([]byte(`{"id":"`))
			for {
				n, err := w.Write(chunk)
				h.written.Add(int64(n))
				if err != nil {
					return
				}
			}
		case label == "drip": // one byte every 100ms, for ever
			for {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-time.After(100 * time.Millisecond):
				case <-r.Context().Done():
					return
				case <-stop:
					return
				}
			}
		case label == "redirect": // to a service on our own loopback
			http.Redirect(w, r, loopback.URL+"/.well-known/did.json", http.StatusFound)
		case label == "bigheader":
			w.Header().Set("X-Pad", strings.Repeat("x", 1<<20))
			w.WriteHeader(http.StatusOK)
		default:
			http.NotFound(w, r)
		}
	}))
	cert, err := netguardtest.Wildcard("hostile.test")
	if err != nil {
		t.Fatal(err)
	}
	hostile.TLS = &tls.Config{Certificates: []tls.Certificate{cert.TLS}}
	hostile.StartTLS()
	t.Cleanup(func() { close(stop); hostile.CloseClientConnections(); hostile.Close() })

	addr := hostile.Listener.Addr().String()
	testHosts := map[string]string{}
	for _, name := range []string{"endless", "drip", "redirect", "bigheader", "endless1", "endless2", "endless3", "endless4"} {
		testHosts[name+".hostile.test:443"] = addr
	}
	client := netguard.New(netguard.Options{
		Timeout:   2 * time.Second,
		MaxBody:   netguard.DIDDocumentMax,
		Trusted:   []string{netguard.HostPort(h.plc.URL)},
		TestHosts: testHosts,
		RootCAs:   cert.Pool,
	})
	cfg := Config{Audience: serviceDID, Resolver: NewResolver(h.plc.URL, "feedgen-test", client)}
	if edit != nil {
		edit(&cfg)
	}
	v, err := NewValidator(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.v = v
	return h
}

// viewer makes a real account in the PLC directory and returns a token of it.
func (h *hostileNet) viewer(t *testing.T, n int) string {
	t.Helper()
	did := syntax.DID(fmt.Sprintf("did:plc:hostilenetviewer%08d", n))
	priv := newKey(t, "ES256K")
	pub, err := priv.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	h.mu.Lock()
	h.docs[did] = map[string]any{
		"id": did.String(),
		"verificationMethod": []map[string]any{{
			"id": did.String() + "#atproto", "type": "Multikey", "controller": did.String(),
			"publicKeyMultibase": pub.Multibase(),
		}},
	}
	h.mu.Unlock()
	return "Bearer " + signToken(t, "ES256K", claims(did, time.Now()), priv)
}

// forged is a token whose issuer is did:web:<host>.hostile.test.
func forged(t *testing.T, host string) string {
	return "Bearer " + signToken(t, "ES256K", claims(syntax.DID("did:web:"+host+".hostile.test"), time.Now()), newKey(t, "ES256K"))
}

func (h *hostileNet) verify(src, token string) (Reason, error) {
	_, err := h.v.Verify(WithSource(context.Background(), src), token, LXMGetFeedSkeleton)
	var ae *Error
	if errors.As(err, &ae) {
		return ae.Reason, err
	}
	return "", err
}

// One forged token whose did:web issuer streams an endless document used to read it to the
// end of the fetch deadline: gigabytes. The fetch now stops at the 64 KB cap.
func TestDIDWebEndlessDocumentIsCutOff(t *testing.T) {
	h := newHostileNet(t, nil)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	reason, err := h.verify("203.0.113.1", forged(t, "endless"))
	runtime.ReadMemStats(&after)
	if reason != ReasonResolutionFailed || !errors.Is(err, netguard.ErrBodyTooLarge) {
		t.Errorf("got %s (%v), want %s for a body too large", reason, err, ReasonResolutionFailed)
	}
	// Allocations while verifying the token: the capped body, TLS, the handshake. Without
	// the cap this is the whole stream read in 2s, hundreds of megabytes.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("verifying one endless-document token allocated %d bytes, want under 4 MB", alloc)
	}
}

// A did:web host that redirects to our own loopback does not get us there.
func TestDIDWebRedirectToLoopbackIsRefused(t *testing.T) {
	h := newHostileNet(t, nil)
	reason, err := h.verify("203.0.113.1", forged(t, "redirect"))
	if reason != ReasonResolutionFailed || !errors.Is(err, netguard.ErrRedirect) {
		t.Errorf("got %s (%v), want %s for a refused redirect", reason, err, ReasonResolutionFailed)
	}
	if n := h.hits.Load(); n != 0 {
		t.Errorf("the redirect reached our loopback %d times", n)
	}
}

// Oversized response headers are refused, not buffered.
func TestDIDWebHugeHeadersAreRefused(t *testing.T) {
	h := newHostileNet(t, nil)
	if reason, err := h.verify("203.0.113.1", forged(t, "bigheader")); reason != ReasonResolutionFailed {
		t.Errorf("got %s (%v), want %s", reason, err, ReasonResolutionFailed)
	}
}

// While attackers hold fetches open (slow drips) and stream endless documents, real viewers
// keep being verified, and every attacking fetch ends by the deadline.
func TestHostileDIDWebLeavesRealViewersVerified(t *testing.T) {
	h := newHostileNet(t, nil)
	var wg sync.WaitGroup
	reasons := make(chan Reason, 8)
	for i, host := range []string{"drip", "endless1", "endless2", "endless3", "endless4"} {
		wg.Go(func() {
			r, _ := h.verify(fmt.Sprintf("203.0.113.%d", i+1), forged(t, host))
			reasons <- r
		})
	}
	for i := range 10 {
		if r, err := h.verify(appView, h.viewer(t, i)); err != nil {
			t.Errorf("real viewer %d during the attack: %s (%v)", i, r, err)
		}
	}
	wg.Wait()
	close(reasons)
	for r := range reasons {
		if r != ReasonResolutionFailed {
			t.Errorf("an attacking token ended as %s, want %s", r, ReasonResolutionFailed)
		}
	}
}
