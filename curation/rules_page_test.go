package curation_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A curator previews new rules on the page, sees which posts would move,
// applies them, and the feed changes for subscribers; the page then says
// which rules are in force and offers the revert.
func TestRulesTabInBrowser(t *testing.T) {
	e := newEnv(t)
	strong := e.stream(didAlice, textStrong, 0)
	review := e.stream(didBob, textReview, 0)
	srv := httptest.NewServer(e.srv)
	t.Cleanup(srv.Close)
	ctx := browser(t)
	type css = chromedp.CSS
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}
	waitText := func(sel, want string) {
		t.Helper()
		q, _ := json.Marshal(want)
		s, _ := json.Marshal(sel)
		sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		if _, err := chromedp.Run(sctx, chromedp.Poll[chromedp.Void](`(document.querySelector(`+string(s)+`)||{textContent:""}).textContent.includes(`+string(q)+`)`)); err != nil {
			t.Fatalf("%s never said %q; status %q", sel, want, text("#status"))
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/curate"),
		chromedp.WaitVisible(css("#token")),
		chromedp.SendKeys(css("#token"), tokenAni),
		chromedp.Click(css("#signin-btn")),
		chromedp.WaitVisible(css("#app")),
		chromedp.Click(css("#nav-rules")),
		chromedp.WaitVisible(css("#rules-text")),
	)
	if err != nil {
		t.Fatalf("open the rules tab: %v", err)
	}
	waitText("#rules-current", "the definition's builtin:south-caucasus")

	// Rules that do not parse: the status names the line; nothing changes.
	err = chromedp.Do(ctx,
		chromedp.SetValue(css("#rules-text"), "[settings]\nthreshold.in = x\n"),
		chromedp.Click(css("#rules-preview")))
	if err != nil {
		t.Fatal(err)
	}
	waitText("#status", "uploaded rules:2:")

	err = chromedp.Do(ctx,
		chromedp.SetValue(css("#rules-text"), yerevanRules+"event 0 Rally\n  any: big rally\n  with +3 post: rally\n"),
		chromedp.Click(css("#rules-preview")))
	if err != nil {
		t.Fatal(err)
	}
	waitText("#rules-counts", "1 enter the feed, 1 leave it")
	// The parser's warning about a form that is its own context.
	waitText("#rules-warnings", `line 11: with: "rally" is part of "big rally"`)
	for _, uri := range []string{strong, review} {
		if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#rules-diff li[data-uri="`+uri+`"]').length`)); err != nil || n != 1 {
			t.Errorf("the preview does not list %s (%d, %v)", uri, n, err)
		}
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{strong}) {
		t.Errorf("the preview changed the feed: %q", got)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(css("#rules-note"), "summit"),
		chromedp.Click(css("#rules-apply")))
	if err != nil {
		t.Fatal(err)
	}
	waitText("#status", "Rules applied: uploaded version 1")
	waitText("#rules-current", "Uploaded by ani")
	if got := e.feedPosts(); !slices.Equal(got, []string{review}) {
		t.Errorf("after applying on the page: feed %q", got)
	}
	if visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById("rules-revert").hidden`)); err != nil || !visible {
		t.Errorf("no revert offered under an upload (%v)", err)
	}
	if acts := e.auditActions(); len(acts) != 1 || !strings.HasPrefix(acts[0], "ani rules.set") {
		t.Errorf("audit: %q", acts)
	}
}
