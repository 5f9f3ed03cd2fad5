package curation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/scpeace/feedgen/internal/testutil"
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

// browser is a headless Chromium for the page tests.
func browser(t *testing.T) context.Context { return testutil.Browser(t) }

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
	made, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#feed-list .text img, #feed-list .text script, #feed-list script").length`))
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

// The page shows people, not DIDs: in the feed, the authors, the queue,
// the audit log and explain, each author is their avatar, display name and
// @handle, linked to their profile on bsky.app; one who cannot be resolved
// is their DID, and the page does not wait for them.
func TestPageShowsPeople(t *testing.T) {
	e := newEnv(t)
	e.setProfile(didBob, "Bob Bagratyan", pngImage(t, 120, 120))
	e.setProfile(didAlice, "Alice Aliyeva", nil)
	// carol has no profile record: her handle alone.
	e.background()
	bobPost := e.stream(didBob, textStrong, time.Hour)
	ghostPost := e.stream(didGhost, textStrong, 2*time.Hour)
	e.stream(didCarol, textReview, 3*time.Hour)
	e.ok("POST", "/admin/authors", map[string]any{"author": "alice.test", "tier": "expert", "noBackfill": true})
	srv := httptest.NewServer(e.srv)
	t.Cleanup(srv.Close)
	ctx := browser(t)
	type css = chromedp.CSS
	wait := func(what, js string) {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if _, err := chromedp.Run(wctx, chromedp.Poll[chromedp.Void](js)); err != nil {
			html, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("app").innerText`))
			t.Fatalf("%s: %v\npage:\n%s", what, err, html)
		}
	}
	// personIn finds the person shown for did under root.
	personIn := func(root, did string) string {
		return fmt.Sprintf(`document.querySelector(%q)`, root+" span.person"+sel("data-did", did))
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/curate"),
		chromedp.WaitVisible(css("#token")),
		chromedp.SendKeys(css("#token"), tokenAni),
		chromedp.Click(css("#signin-btn")),
		chromedp.WaitVisible(css("#feed-list li"+sel("data-uri", bobPost))),
	)
	if err != nil {
		t.Fatal(err)
	}
	bob := personIn("#feed-list li"+sel("data-uri", bobPost), didBob)
	wait("bob's name, handle and avatar in the feed", bob+`?.querySelector(".display-name")?.textContent === "Bob Bagratyan"`)
	link, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => { const a = `+bob+`.querySelector("a");
		return {text: a.textContent, href: a.href, target: a.target, img: `+bob+`.querySelector("img.avatar").src.slice(0, 23)}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if link["text"] != "@bob.test" || link["href"] != "https://bsky.app/profile/"+didBob || link["target"] != "_blank" || link["img"] != "data:image/jpeg;base64," {
		t.Errorf("bob in the feed: %v", link)
	}
	post, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(`+fmt.Sprintf("%q", "#feed-list li"+sel("data-uri", bobPost))+` + " .actions a").href`))
	if err != nil || post != "https://bsky.app/profile/"+didBob+"/post/"+strings.TrimPrefix(bobPost, "at://"+didBob+"/app.bsky.feed.post/") {
		t.Errorf("the post's link: %q %v", post, err)
	}
	ghost, err := chromedp.Run(ctx, chromedp.Evaluate[string](personIn("#feed-list li"+sel("data-uri", ghostPost), didGhost)+`.textContent`))
	if err != nil || ghost != didGhost {
		t.Errorf("the ghost is shown as %q (%v), want the DID alone", ghost, err)
	}

	err = chromedp.Do(ctx, chromedp.Click(css("#nav-authors")), chromedp.WaitVisible(css("#authors-table tr"+sel("data-did", didAlice))))
	if err != nil {
		t.Fatal(err)
	}
	wait("alice in the authors", personIn("#authors-table", didAlice)+`?.textContent.includes("Alice Aliyeva@alice.test")`)

	err = chromedp.Do(ctx, chromedp.Click(css("#nav-queue")), chromedp.WaitVisible(css("#queue-list li.post")))
	if err != nil {
		t.Fatal(err)
	}
	wait("carol in the queue", personIn("#queue-list", didCarol)+`?.querySelector("a")?.textContent === "@carol.test"`)

	err = chromedp.Do(ctx, chromedp.Click(css("#nav-audit")), chromedp.WaitVisible(css("#audit-table tbody tr")))
	if err != nil {
		t.Fatal(err)
	}
	wait("alice in the audit log", personIn("#audit-table", didAlice)+`?.textContent.includes("@alice.test")`)

	err = chromedp.Do(ctx,
		chromedp.Click(css("#nav-explain")),
		chromedp.WaitVisible(css("#explain-input")),
		chromedp.SendKeys(css("#explain-input"), bobPost),
		chromedp.Click(css("#explain-btn")),
		chromedp.WaitVisible(css("#explain-result .feed-verdict")),
	)
	if err != nil {
		t.Fatal(err)
	}
	wait("bob in explain", personIn("#explain-result", didBob)+`?.textContent.includes("Bob Bagratyan@bob.test")`)
}
