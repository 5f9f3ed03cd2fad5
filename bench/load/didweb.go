package main

// The did:web attack of issue 9, measured: a forged service token whose
// issuer is did:web:<attacker's host> makes the auth resolver fetch that
// host's DID document, and the attacker's server streams an endless one.
//
//	go run ./bench/load -didweb              # the service as built
//	go run ./bench/load -didweb -unguarded   # the resolver as it was: plain client, no cap
//
// The victim is a child process running feedgen's HTTP server with real
// service auth (auth.NewValidator over auth.NewResolver and the guarded
// client of internal/netguard), whose did:web fetches of *.hostile.test
// reach the attacker's TLS server in this process (netguard's test hook;
// everything else is checked as in production). The parent samples the
// child's RSS every 10 ms while it sends one forged token, then four at
// once, and prints the growth over the idle baseline.

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/atproto/atcrypto"
	iauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/scpeace/feedgen/auth"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/internal/netguard/netguardtest"
	"github.com/scpeace/feedgen/store"
)

const (
	victimDID  = "did:web:feed.test"
	victimFeed = "at://did:web:feed.test/app.bsky.feed.generator/sc-peace"
)

// hostileTLS starts a server for *.hostile.test that streams an endless
// JSON document, and writes the certificate its clients must trust to
// caFile.
func hostileTLS(caFile string) (addr string, err error) {
	cert, err := netguardtest.Wildcard("hostile.test")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(caFile, cert.PEM, 0o600); err != nil {
		return "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	chunk := []byte(strings.Repeat(" ", 64<<10))
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id":"`))
			for {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}),
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert.TLS}},
		ErrorLog:  log.New(discard{}, "", 0),
	}
	go srv.ServeTLS(ln, "", "")
	return ln.Addr().String(), nil
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// runDIDWebVictim is the child: feedgen's server with real service auth,
// whose did:web fetches of *.hostile.test go to hostile.
func runDIDWebVictim(listen, hostile, caFile string, unguarded bool) error {
	pemBytes, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemBytes) {
		return fmt.Errorf("no certificate in %s", caFile)
	}
	hosts := map[string]string{}
	for i := range 16 {
		hosts[fmt.Sprintf("endless%d.hostile.test:443", i)] = hostile
	}
	var client *http.Client
	if unguarded {
		// The resolver as it was before issue 9: http.Client{Timeout:
		// 10s} over the default transport, reaching the attacker's host.
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = &tls.Config{RootCAs: pool}
		d := &net.Dialer{}
		tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			if to, ok := hosts[addr]; ok {
				addr = to
			}
			return d.DialContext(ctx, network, addr)
		}
		client = &http.Client{Timeout: 10 * time.Second, Transport: tr}
	} else {
		client = netguard.New(netguard.Options{Timeout: 10 * time.Second, MaxBody: netguard.DIDDocumentMax,
			TestHosts: hosts, RootCAs: pool})
	}
	dir, err := os.MkdirTemp("", "feedgen-didweb")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "feedgen.db"), store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	reg := prometheus.NewRegistry()
	quiet := slog.New(slog.DiscardHandler)
	v, err := auth.NewValidator(auth.Config{Audience: victimDID, Resolver: auth.NewResolver("https://plc.invalid", "feedgen-load", client),
		Registerer: reg, Logger: quiet})
	if err != nil {
		return err
	}
	srv, err := feedgen.New(feedgen.Config{ServiceDID: victimDID, Hostname: "feed.test",
		Feeds: []feedgen.Feed{{ID: "sc-peace", URI: victimFeed}}}, feedgen.Deps{Store: st, Registry: reg, Auth: v, Logger: quiet})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	fmt.Println("ready")
	return srv.Serve(context.Background(), ln)
}

// forgedSkeletonRequest is a getFeedSkeleton call with a token whose
// issuer is did:web:<host>.
func forgedSkeletonRequest(addr, host string) (*http.Request, error) {
	priv, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		return nil, err
	}
	lxm := syntax.NSID("app.bsky.feed.getFeedSkeleton")
	tok, err := iauth.SignServiceAuth(syntax.DID("did:web:"+host), victimDID, time.Minute, &lxm, priv)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest("GET", "http://"+addr+"/xrpc/app.bsky.feed.getFeedSkeleton?feed="+url.QueryEscape(victimFeed), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return req, nil
}

// runDIDWeb is the parent: it starts the attacker and the victim, and
// measures the victim's RSS through the attack.
func runDIDWeb(unguarded bool, maxTokens int) error {
	dir, err := os.MkdirTemp("", "feedgen-didweb")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	caFile := filepath.Join(dir, "ca.pem")
	hostile, err := hostileTLS(caFile)
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	addr := freeAddr()
	args := []string{"-didweb-victim", addr, "-hostile", hostile, "-ca", caFile}
	if unguarded {
		args = append(args, "-unguarded")
	}
	child := exec.Command(self, args...)
	child.Stderr = os.Stderr
	out, err := child.StdoutPipe()
	if err != nil {
		return err
	}
	if err := child.Start(); err != nil {
		return err
	}
	defer child.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || strings.TrimSpace(line) != "ready" {
		return fmt.Errorf("victim did not start: %q %v", line, err)
	}
	pid := child.Process.Pid
	time.Sleep(time.Second)
	base, _ := memory(pid)

	mode := "guarded (netguard, 64 KB cap)"
	if unguarded {
		mode = "unguarded (the resolver before issue 9)"
	}
	fmt.Printf("victim: %s; idle RSS %d MB\n\n| forged tokens at once | wall time | peak RSS | growth over idle |\n|---|---|---|---|\n", mode, base>>10)
	next := 0
	for _, n := range []int{1, 4} {
		if n > maxTokens {
			break
		}
		var reqs []*http.Request
		for range n {
			req, err := forgedSkeletonRequest(addr, fmt.Sprintf("endless%d.hostile.test", next))
			if err != nil {
				return err
			}
			next++
			reqs = append(reqs, req)
		}
		before, _ := memory(pid)
		peak := before
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			t := time.NewTicker(10 * time.Millisecond)
			defer t.Stop()
			for {
				if rss, _ := memory(pid); rss > peak {
					peak = rss
				}
				select {
				case <-stop:
					return
				case <-t.C:
				}
			}
		}()
		start := time.Now()
		var wg sync.WaitGroup
		for _, req := range reqs {
			wg.Go(func() {
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					log.Printf("request: %v", err)
					return
				}
				resp.Body.Close()
			})
		}
		wg.Wait()
		took := time.Since(start)
		close(stop)
		<-sampled
		fmt.Printf("| %d | %s | %d MB | %d MB |\n", n, took.Round(time.Millisecond), peak>>10, (peak-base)>>10)
		time.Sleep(time.Second)
	}
	return nil
}
