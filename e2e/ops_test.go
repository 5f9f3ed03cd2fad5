package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
)

// pdsSession logs in to the network's PDS as an account, as a client app
// would, and returns its access token.
func pdsSession(t *testing.T, n *Network, as Account) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"identifier": as.Handle.String(), "password": as.Password})
	resp, err := http.Post(n.PDSURL+"/xrpc/com.atproto.server.createSession", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ AccessJwt string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 || out.AccessJwt == "" {
		t.Fatalf("createSession as %s: %d %v", as.Handle, resp.StatusCode, err)
	}
	return out.AccessJwt
}

// pdsCall sends an XRPC request to the PDS with the session token and the
// extra headers, and returns the status and body.
func pdsCall(t *testing.T, n *Network, method, path, token string, body any, hdr map[string]string) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, n.PDSURL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+token)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// TestPublishedFeedThroughTheAppView runs what an operator and a viewer do,
// against a real PLC, PDS and AppView: `feedgen publish` writes the feed
// record (avatar, acceptsInteractions) with the publisher's password;
// the AppView finds the service through its did:web and calls it; a
// viewer's getFeed through the PDS carries their languages to us and our
// feedContext back; "show less" sent through the PDS's service proxy
// hides the post for that viewer only.
func TestPublishedFeedThroughTheAppView(t *testing.T) {
	n := Start(t, Full)
	alice := n.CreateAccount(t, "alice") // publishes the feed
	bob := n.CreateAccount(t, "bob")     // writes posts
	carol := n.CreateAccount(t, "carol") // reads the feed

	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	for i := range 32 {
		img.Set(i, i, color.RGBA{10, 120, 200, 255})
	}
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, img)
	if err := os.WriteFile(filepath.Join(dir, "avatar.png"), pngBuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	feeds := filepath.Join(dir, "feeds.json")
	os.WriteFile(feeds, []byte(`{"feeds": [{"rkey": "sc-peace", "displayName": "South Caucasus Peace",
		"description": "Peace process of Armenia, Azerbaijan and Georgia.", "avatar": "avatar.png",
		"rules": "builtin:south-caucasus", "acceptsInteractions": true, "languages": "prefer"},
		{"rkey": "sc-peace-top", "displayName": "South Caucasus Peace Top", "membershipOf": "sc-peace", "order": "top",
		"acceptsInteractions": true, "languages": "prefer"}]}`), 0o644)

	f := startFeedgen(t, n, "FEEDGEN_PUBLISHER_DID="+alice.DID.String(), "FEEDGEN_FEEDS="+feeds)
	waitFor(t, 30*time.Second, "the indexer to connect to the PDS firehose", func() bool {
		c, _ := f.health()
		return c
	})

	// The operator publishes.
	publish := exec.Command(feedgenBinary(t), "publish")
	publish.Env = ChildEnv(
		"FEEDGEN_HOSTNAME=localhost:"+fmt.Sprint(f.port),
		"FEEDGEN_SERVICE_ENDPOINT="+f.Origin,
		"FEEDGEN_PUBLISHER_DID="+alice.DID.String(),
		"FEEDGEN_PUBLISHER_HANDLE="+alice.Handle.String(),
		"FEEDGEN_PUBLISHER_PASSWORD="+alice.Password,
		"FEEDGEN_PDS_URL="+n.PDSURL,
		"FEEDGEN_FEEDS="+feeds,
		"FEEDGEN_DB="+filepath.Join(dir, "unused.db"),
	)
	out, err := publish.CombinedOutput()
	feedURI := f.feedURI(alice.DID)
	topURI := syntax.ATURI(strings.TrimSuffix(feedURI.String(), "sc-peace") + "sc-peace-top")
	if err != nil || !strings.Contains(string(out), "created "+feedURI.String()) || !strings.Contains(string(out), "created "+topURI.String()) {
		t.Fatalf("feedgen publish: %v\n%s", err, out)
	}
	n.ProcessAll(t)

	// The AppView's view of the published feed.
	resp, err := http.Get(n.AppViewURL + "/xrpc/app.bsky.feed.getFeedGenerator?feed=" + url.QueryEscape(feedURI.String()))
	if err != nil {
		t.Fatal(err)
	}
	var gen bsky.FeedGetFeedGenerator_Output
	json.NewDecoder(resp.Body).Decode(&gen)
	resp.Body.Close()
	if gen.View == nil || gen.View.Did != f.DID.String() || gen.View.AcceptsInteractions == nil || !*gen.View.AcceptsInteractions ||
		gen.View.Avatar == nil || gen.View.DisplayName != "South Caucasus Peace" || !gen.IsOnline || !gen.IsValid {
		t.Fatalf("getFeedGenerator: got %+v (view %+v)", gen, gen.View)
	}

	// Posts: Georgian first, then two English ones, all on topic.
	georgian := n.Post(t, bob, "ქართული ოცნება ოპოზიციის ლიდერებს დაპატიმრებით ემუქრება", PostOpts{Langs: []string{"ka"}})
	english := n.Post(t, bob, "Pashinyan and Aliyev initialled the peace agreement in Washington; the border commissions meet next month", PostOpts{Langs: []string{"en"}})
	hidden := n.Post(t, bob, "Mirzoyan and Bayramov met in Abu Dhabi to discuss the delimitation of the Armenia–Azerbaijan border", PostOpts{Langs: []string{"en"}})
	n.ProcessAll(t)
	waitFor(t, 20*time.Second, "the posts in the feed", func() bool {
		return len(f.skeleton(alice.DID)) == 3
	})

	carolToken := pdsSession(t, n, carol)
	getFeedOf := func(feed syntax.ATURI, token string, lang string) *bsky.FeedGetFeed_Output {
		t.Helper()
		hdr := map[string]string{}
		if lang != "" {
			hdr["Accept-Language"] = lang
		}
		code, body := pdsCall(t, n, "GET", "/xrpc/app.bsky.feed.getFeed?limit=10&feed="+url.QueryEscape(feed.String()), token, nil, hdr)
		if code != 200 {
			t.Fatalf("getFeed: %d %s", code, body)
		}
		var out bsky.FeedGetFeed_Output
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatal(err)
		}
		return &out
	}
	getFeed := func(token string, lang string) *bsky.FeedGetFeed_Output { return getFeedOf(feedURI, token, lang) }
	uris := func(out *bsky.FeedGetFeed_Output) []string {
		var u []string
		for _, it := range out.Feed {
			u = append(u, it.Post.Uri)
		}
		return u
	}

	// Newest first without languages; the viewer's language first with them.
	plain := getFeed(carolToken, "")
	if want := []string{hidden.URI.String(), english.URI.String(), georgian.URI.String()}; !slices.Equal(uris(plain), want) {
		t.Errorf("getFeed: got %v, want %v", uris(plain), want)
	}
	if got := uris(getFeed(carolToken, "ka")); len(got) != 3 || got[0] != georgian.URI.String() {
		t.Errorf("getFeed with Accept-Language ka: got %v, want the Georgian post first", got)
	}
	for _, it := range plain.Feed {
		if it.FeedContext == nil || *it.FeedContext != "sc-peace" {
			t.Errorf("item %s: feedContext %v, want sc-peace", it.Post.Uri, it.FeedContext)
		}
	}

	// The same posts by engagement, through the AppView.
	if got := uris(getFeedOf(topURI, carolToken, "")); len(got) != 3 || !slices.Contains(got, georgian.URI.String()) {
		t.Errorf("getFeed of the top feed: got %v, want the three posts", got)
	}

	// "Show less" through the PDS's service proxy, as the Bluesky app sends it.
	less, ctx := "app.bsky.feed.defs#requestLess", "sc-peace"
	item := hidden.URI.String()
	code, body := pdsCall(t, n, "POST", "/xrpc/app.bsky.feed.sendInteractions", carolToken,
		bsky.FeedSendInteractions_Input{Interactions: []*bsky.FeedDefs_Interaction{{Item: &item, Event: &less, FeedContext: &ctx}}},
		map[string]string{"Atproto-Proxy": f.DID.String() + "#bsky_fg"})
	if code != 200 {
		t.Fatalf("sendInteractions through the PDS: %d %s", code, body)
	}
	if got := uris(getFeed(carolToken, "")); slices.Contains(got, hidden.URI.String()) || len(got) != 2 {
		t.Errorf("carol after show-less: got %v, want the post gone", got)
	}
	if got := uris(getFeedOf(topURI, carolToken, "")); slices.Contains(got, hidden.URI.String()) || len(got) != 2 {
		t.Errorf("carol's top feed after show-less in the newest-first one: got %v, want the post gone", got)
	}
	if got := uris(getFeed(pdsSession(t, n, bob), "")); !slices.Contains(got, hidden.URI.String()) {
		t.Errorf("bob sees carol's hidden post gone too: %v", got)
	}
}
