package netguard

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"1.1.1.1", true},
		{"2606:4700::1111", true},
		{"64:ff9b::808:808", true},     // NAT64 of 8.8.8.8
		{"2002:808:808::1", true},      // 6to4 of 8.8.8.8
		{"::ffff:8.8.8.8", true},       // IPv4-mapped public
		{"198.17.255.255", true},       // just below the benchmarking range
		{"198.20.0.1", true},           // just above it
		{"239.255.255.255", false},     // multicast
		{"127.0.0.1", false},           //
		{"127.1.2.3", false},           // all of 127/8
		{"::1", false},                 //
		{"10.1.2.3", false},            //
		{"172.16.0.1", false},          //
		{"192.168.1.1", false},         //
		{"169.254.169.254", false},     // cloud metadata
		{"fd00:ec2::254", false},       // AWS metadata over IPv6
		{"fdaa::3", false},             // fly.io's private network
		{"fe80::1", false},             //
		{"fe80::1%eth0", false},        // with a zone
		{"100.64.0.1", false},          // carrier-grade NAT
		{"0.0.0.0", false},             //
		{"0.1.2.3", false},             // 0.0.0.0/8 reaches the local host
		{"::", false},                  //
		{"::ffff:127.0.0.1", false},    // IPv4-mapped loopback
		{"::127.0.0.1", false},         // IPv4-compatible loopback
		{"::8.8.8.8", false},           // IPv4-compatible: deprecated, never dialled
		{"::ffff:0:7f00:1", false},     // IPv4-translated loopback
		{"64:ff9b::7f00:1", false},     // NAT64 of 127.0.0.1
		{"64:ff9b::a9fe:a9fe", false},  // NAT64 of the metadata address
		{"64:ff9b:1::1", false},        // local-use NAT64
		{"2002:7f00:1::1", false},      // 6to4 of 127.0.0.1
		{"2002:a00:1::1", false},       // 6to4 of 10.0.0.1
		{"2001:0:4136:e378::1", false}, // Teredo
		{"2001:db8::1", false},         // documentation
		{"198.18.0.1", false},          // benchmarking
		{"198.19.255.254", false},      //
		{"240.0.0.1", false},           // reserved
		{"255.255.255.255", false},     // broadcast
		{"192.0.0.8", false},           // IETF protocol assignments
		{"192.0.2.1", false},           // TEST-NET-1
		{"203.0.113.9", false},         // TEST-NET-3
		{"224.0.0.1", false},           // multicast
		{"ff02::1", false},             //
		{"fec0::1", false},             // site-local
	} {
		if got := Allowed(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.ip, got, tc.want)
		}
	}
}

func TestClientRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	if _, err := New(Options{Timeout: time.Second}).Get(srv.URL); !errors.Is(err, ErrForbidden) {
		t.Fatalf("guarded client reached %s: %v", srv.URL, err)
	}
	resp, err := New(Options{Timeout: time.Second, AllowPrivate: true}).Get(srv.URL)
	if err != nil {
		t.Fatalf("client allowed private networks: %v", err)
	}
	resp.Body.Close()
	// The operator's own services (a PLC directory) are trusted by name.
	resp, err = New(Options{Timeout: time.Second, Trusted: []string{HostPort(srv.URL)}}).Get(srv.URL)
	if err != nil {
		t.Fatalf("client trusting %s: %v", HostPort(srv.URL), err)
	}
	resp.Body.Close()
}

// The address forms that reach this machine are refused at dial time,
// whatever way they are written in a URL.
func TestClientRefusesTranslatedLoopback(t *testing.T) {
	c := New(Options{Timeout: time.Second})
	for _, host := range []string{"0.0.0.0", "[::127.0.0.1]", "[::ffff:127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::1]"} {
		_, err := c.Get("http://" + host + ":1/")
		if !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: got %v, want ErrForbidden", host, err)
		}
	}
}

// A public-looking server (reached through TestHosts) that redirects to
// loopback does not get us there; a redirect on its own host is followed.
func TestClientRedirects(t *testing.T) {
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the redirect reached %s", r.URL)
	}))
	defer inner.Close()
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loopback":
			http.Redirect(w, r, inner.URL+"/secret", http.StatusFound)
		case "/other-name":
			http.Redirect(w, r, "http://metadata.example.net/latest/", http.StatusFound)
		case "/same":
			http.Redirect(w, r, "/final", http.StatusMovedPermanently)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/final":
			io.WriteString(w, "ok")
		}
	}))
	defer outer.Close()
	c := New(Options{Timeout: 2 * time.Second, TestHosts: map[string]string{"public.example.com:80": HostPort(outer.URL)}})
	for _, path := range []string{"/loopback", "/other-name", "/loop"} {
		if _, err := c.Get("http://public.example.com" + path); !errors.Is(err, ErrRedirect) {
			t.Errorf("%s: got %v, want ErrRedirect", path, err)
		}
	}
	resp, err := c.Get("http://public.example.com/same")
	if err != nil {
		t.Fatalf("same-host redirect: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "ok" {
		t.Errorf("same-host redirect: got %q, want ok", b)
	}
}

// endless writes zeros until the client goes away, and counts them.
func endless(written *int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 32<<10)
		for {
			n, err := w.Write(buf)
			*written += int64(n)
			if err != nil {
				return
			}
		}
	}
}

func TestClientCapsBodies(t *testing.T) {
	var written int64
	srv := httptest.NewServer(endless(&written))
	defer srv.Close()
	c := New(Options{Timeout: 5 * time.Second, MaxBody: DIDDocumentMax, AllowPrivate: true})
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, ErrBodyTooLarge) {
		t.Fatalf("endless body: got %v, want ErrBodyTooLarge", err)
	}
	if len(b) != DIDDocumentMax {
		t.Errorf("read %d bytes of an endless body, want the cap %d", len(b), DIDDocumentMax)
	}

	// A body of exactly the cap is whole; one byte more is refused, and
	// so is a Content-Length over the cap before any byte is read.
	for _, tc := range []struct {
		size    int
		chunked bool
		wantErr bool
	}{{DIDDocumentMax, false, false}, {DIDDocumentMax, true, false}, {DIDDocumentMax + 1, true, true}, {DIDDocumentMax + 1, false, true}} {
		t.Run(fmt.Sprintf("%d-chunked=%v", tc.size, tc.chunked), func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !tc.chunked {
					w.Header().Set("Content-Length", fmt.Sprint(tc.size))
				}
				io.WriteString(w, strings.Repeat("x", tc.size))
			}))
			defer srv.Close()
			resp, err := c.Get(srv.URL)
			if err == nil {
				_, err = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
			if got := errors.Is(err, ErrBodyTooLarge); got != tc.wantErr {
				t.Errorf("got %v, want too large %v", err, tc.wantErr)
			}
		})
	}
}

// A server that drips its answer is cut off by the deadline, the body
// included.
func TestClientDeadlineCoversTheBody(t *testing.T) {
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := w.Write([]byte("{")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	defer close(stop)
	c := New(Options{Timeout: 300 * time.Millisecond, AllowPrivate: true})
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	done := make(chan error, 1)
	go func() { _, err := io.ReadAll(resp.Body); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a dripping body was read to the end, want a deadline error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a dripping body held the client past its deadline")
	}
}

func TestHostPort(t *testing.T) {
	for in, want := range map[string]string{
		"https://plc.directory":    "plc.directory:443",
		"http://127.0.0.1:2582":    "127.0.0.1:2582",
		"http://localhost":         "localhost:80",
		"https://[::1]:8443/x?y=z": "[::1]:8443",
		"not a url":                "",
	} {
		if got := HostPort(in); got != want {
			t.Errorf("HostPort(%s): got %s, want %s", in, got, want)
		}
	}
}

// A websocket (a labeler's stream, whose address comes from a DID
// document) goes through the guarded client: loopback is refused unless
// allowed, and an allowed connection stays open past the client's
// deadline, its frames unbounded by the body cap.
func TestClientCarriesWebsockets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		time.Sleep(300 * time.Millisecond)
		c.Write(r.Context(), websocket.MessageBinary, make([]byte, 4096))
	}))
	defer srv.Close()
	u := "ws" + strings.TrimPrefix(srv.URL, "http")
	ctx := t.Context()
	if _, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{HTTPClient: New(Options{Timeout: time.Second})}); !errors.Is(err, ErrForbidden) {
		t.Fatalf("guarded client dialled %s: %v", u, err)
	}
	c, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{HTTPClient: New(Options{Timeout: 100 * time.Millisecond, MaxBody: 1024, AllowPrivate: true})})
	if err != nil {
		t.Fatalf("websocket through the client: %v", err)
	}
	defer c.CloseNow()
	_, b, err := c.Read(ctx)
	if err != nil || len(b) != 4096 {
		t.Fatalf("read after the deadline: %d bytes, %v", len(b), err)
	}
}
