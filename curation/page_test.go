package curation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func TestPageHeaders(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/curate", "/curate/app.js", "/curate/rules.js", "/curate/app.css"} {
		req := httptest.NewRequest("GET", path, nil)
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		csp := rec.Header().Get("Content-Security-Policy")
		if rec.Code != http.StatusOK || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") ||
			strings.Contains(csp, "unsafe") || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: got %d, CSP %q", path, rec.Code, csp)
		}
	}
	// The page works without anything from elsewhere.
	page := httptest.NewRecorder()
	e.srv.ServeHTTP(page, httptest.NewRequest("GET", "/curate", nil))
	for _, bad := range []string{"http://", "https://", "<script>"} {
		if strings.Contains(page.Body.String(), bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
}

// chromium finds the browser. CI installs it (.ci/browser-setup); only
// where BROWSER_TESTS=optional may the browser tests be skipped.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("BROWSER_TESTS") == "optional" {
		t.Skip("chromium is not installed and BROWSER_TESTS=optional: skipping the browser test (run .ci/browser-setup to install it)")
	}
	t.Fatal("chromium is not installed: run .ci/browser-setup (or set BROWSER_TESTS=optional to skip the browser tests)")
	return ""
}

// browser starts a headless Chromium with a fresh profile. The flags keep
// it from calling home, which a closed network refuses slowly.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	// Any uncaught script error fails the test.
	err := chromedp.Listen(ctx, func(ev any) {
		if ex, ok := ev.(*runtime.EventExceptionThrown); ok {
			d := ex.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			t.Errorf("script error on the page at %s:%d: %s", d.URL, d.LineNumber, msg)
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

func sel(attr, value string) string { return fmt.Sprintf(`[%s="%s"]`, attr, value) }

// A curator signs in, adds an author (whose recent posts appear), blocks a
// post and sees it leave the feed, in a real browser against the real
// server.
func TestCuratorPageInBrowser(t *testing.T) {
	e := newEnv(t)
	bad := e.stream(didBob, textStrong, 3*time.Hour)
	evil := `<img src=x onerror="document.title='pwned'"> Pashinyan and Aliyev <script>document.title='pwned'</script> treaty`
	xss := e.stream(didCarol, evil, 2*time.Hour)
	weak := e.publish(didAlice, textWeak, time.Hour)
	srv := httptest.NewServer(e.srv)
	t.Cleanup(srv.Close)
	ctx := browser(t)

	postLi := func(uri string) chromedp.CSS { return chromedp.CSS("#feed-list li" + sel("data-uri", uri)) }
	text := func(css string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
		if err != nil {
			t.Fatalf("read %s: %v", css, err)
		}
		return v
	}
	type css = chromedp.CSS
	// The page says what it did once the change is made and the view
	// reloaded.
	waitStatus := func(want string) {
		t.Helper()
		q, _ := json.Marshal(want)
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if _, err := chromedp.Run(sctx, chromedp.Poll[chromedp.Void](`document.getElementById("status").textContent.includes(`+string(q)+`)`)); err != nil {
			t.Fatalf("status never said %q; it says %q", want, text("#status"))
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/curate"),
		chromedp.WaitVisible(css("#token")),
		chromedp.SendKeys(css("#token"), tokenAni),
		chromedp.Click(css("#signin-btn")),
		chromedp.WaitVisible(css("#app")),
		// The feed as subscribers see it, with each post's text.
		chromedp.WaitVisible(postLi(bad)),
		chromedp.WaitVisible(postLi(xss)),
	)
	if err != nil {
		t.Fatalf("sign in and read the feed: %v", err)
	}
	if actor := text("#actor"); actor != "ani" {
		t.Errorf("signed in as %q, want ani", actor)
	}
	xssText := text("#feed-list li" + sel("data-uri", xss) + " .text")
	made, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#feed-list img, #feed-list script").length`))
	if err != nil {
		t.Fatal(err)
	}
	if xssText != evil || made != 0 {
		t.Errorf("post text shown as %q with %d elements made of it; want the text as written and none", xssText, made)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(css("#nav-authors")),
		chromedp.WaitVisible(css("#author-input")),
		chromedp.SendKeys(css("#author-input"), "alice.test"),
		chromedp.SetValue(css("#author-tier"), "expert"),
		chromedp.SendKeys(css("#author-note"), "analyst in Tbilisi"),
		chromedp.Click(css("#author-add")),
		chromedp.WaitVisible(css("#authors-table tr"+sel("data-did", didAlice))),
	)
	if err != nil {
		t.Fatalf("add an author: %v", err)
	}
	waitStatus("@alice.test is now expert")
	if status := text("#status"); !strings.Contains(status, "1 in the feed") {
		t.Errorf("status after adding: %q", status)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(css("#nav-feed")),
		// Her backfilled post is in the feed at once.
		chromedp.WaitVisible(postLi(weak)),
		chromedp.Click(css("#feed-list li"+sel("data-uri", bad)+" button.block")),
		chromedp.WaitNotPresent(postLi(bad)),
	)
	if err != nil {
		t.Fatalf("block a post: %v", err)
	}
	waitStatus("Blocked: left 1 feed(s).")
	if title, err := chromedp.Run(ctx, chromedp.Title()); err != nil || title == "pwned" {
		t.Errorf("title %q (%v): a post's text ran as script", title, err)
	}
	// Subscribers no longer get it either.
	if got := e.feedPosts(); slices.Contains(got, bad) || !slices.Contains(got, weak) {
		t.Errorf("getFeedSkeleton after the page's changes: %v", got)
	}
	want := []string{"ani author.add " + didAlice, "ani block " + bad}
	if got := e.auditActions(); !slices.Equal(got, want) {
		t.Errorf("audit: got %v, want %v", got, want)
	}
}
