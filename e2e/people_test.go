package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/scpeace/feedgen/internal/testutil"
)

// uploadBlob uploads data as the account, as an app does with a picture,
// and returns the blob reference to put in a record.
func uploadBlob(t *testing.T, n *Network, as Account, data []byte, mime string) json.RawMessage {
	t.Helper()
	req, err := http.NewRequest("POST", n.PDSURL+"/xrpc/com.atproto.repo.uploadBlob", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mime)
	req.Header.Set("Authorization", "Bearer "+pdsSession(t, n, as))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Blob json.RawMessage `json:"blob"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 || len(out.Blob) == 0 {
		t.Fatalf("uploadBlob: %d %v", resp.StatusCode, err)
	}
	return out.Blob
}

// avatarPNG is a 200×200 picture, orange.
func avatarPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 200, 200))
	for x := range 200 {
		for y := range 200 {
			img.Set(x, y, color.RGBA{240, 140, 20, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The curators' page shows people, not DIDs, against a real PLC and PDS:
// alice.test, with the display name and avatar of her profile record, in
// the feed and the author list, linked to her profile on bsky.app; an
// account without a profile record by its handle alone. Handles of the
// local network (*.test) resolve through its PDS (--handle-resolver), and
// a curator adds an author by handle.
func TestPageShowsPeopleOfTheNetwork(t *testing.T) {
	n := Start(t, PDSOnly)
	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	blob := uploadBlob(t, n, alice, avatarPNG(t), "image/png")
	n.PutRecord(t, alice, "app.bsky.actor.profile", "self", map[string]any{"displayName": "Alice Aliyeva", "avatar": blob})

	f := startFeedgen(t, n, "FEEDGEN_ADMIN_TOKENS=curator="+curatorToken, "FEEDGEN_HANDLE_RESOLVER="+n.PDSURL)
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool {
		c, _ := f.health()
		return c
	})
	en := PostOpts{Langs: []string{"en"}}
	alicePost := n.Post(t, alice, "Mirzoyan and Bayramov initialled the peace treaty in Washington", en)
	bobPost := n.Post(t, bob, "Pashinyan and Aliyev met in Abu Dhabi to talk about the peace treaty", en)
	n.ProcessAll(t)
	waitFor(t, 30*time.Second, "both posts in the feed", func() bool {
		sk := f.skeleton(f.DID)
		return slices.Contains(sk, alicePost.URI.String()) && slices.Contains(sk, bobPost.URI.String())
	})

	ctx := testutil.Browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	wait := func(what, js string) {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := chromedp.Run(wctx, chromedp.Poll[chromedp.Void](js)); err != nil {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("app").innerText`))
			t.Fatalf("%s: %v\npage:\n%s", what, err, page)
		}
	}
	personJS := func(root, did string) string {
		return fmt.Sprintf(`document.querySelector(%q)`, root+` span.person[data-did="`+did+`"]`)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.Origin+"/curate"),
		chromedp.WaitVisible(css("#token")),
		chromedp.SendKeys(css("#token"), curatorToken),
		chromedp.Click(css("#signin-btn")),
		chromedp.WaitVisible(css(`#feed-list li[data-uri="`+alicePost.URI.String()+`"]`)),
	)
	if err != nil {
		t.Fatalf("sign in and read the feed: %v", err)
	}
	inFeed := personJS(`#feed-list li[data-uri="`+alicePost.URI.String()+`"]`, alice.DID.String())
	wait("alice.test, her name and avatar in the feed", inFeed+`?.querySelector("a")?.textContent === "@alice.test" && `+
		inFeed+`.querySelector(".display-name")?.textContent === "Alice Aliyeva" && `+
		inFeed+`.querySelector("img.avatar")?.src.startsWith("data:image/jpeg;base64,")`)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => { const p = `+inFeed+`;
		return {text: p.innerText, href: p.querySelector("a").href}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if got["href"] != "https://bsky.app/profile/"+alice.DID.String() || !strings.Contains(got["text"], "Alice Aliyeva") {
		t.Errorf("alice in the feed: %v", got)
	}
	bobInFeed := personJS(`#feed-list li[data-uri="`+bobPost.URI.String()+`"]`, bob.DID.String())
	wait("bob.test in the feed", bobInFeed+`?.querySelector("a")?.textContent === "@bob.test"`)

	// A curator adds bob by his handle, which only the local PDS knows.
	err = chromedp.Do(ctx,
		chromedp.Click(css("#nav-authors")),
		chromedp.WaitVisible(css("#author-input")),
		chromedp.SendKeys(css("#author-input"), "bob.test"),
		chromedp.Click(css("#author-add")),
		chromedp.WaitVisible(css(`#authors-table tr[data-did="`+bob.DID.String()+`"]`)),
	)
	if err != nil {
		t.Fatalf("add bob.test: %v", err)
	}
	wait("bob.test in the author list", personJS("#authors-table", bob.DID.String())+`?.querySelector("a")?.textContent === "@bob.test"`)
}
