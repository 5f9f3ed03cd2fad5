package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
)

const (
	pubDID      = "did:plc:publisherxxxxxxxxxxxxxxx"
	pubHandle   = "alice.test"
	pubPassword = "abcd-efgh-ijkl-mnop"
)

// publisherPDS is the fake PDS with the publisher's account on it.
type publisherPDS struct{ *testutil.FakePDS }

func newFakePDS(t *testing.T, did string) *publisherPDS {
	p := testutil.NewFakePDS(t)
	p.AddAccount(did, pubHandle, pubPassword)
	return &publisherPDS{p}
}

// generators are the publisher's feed generator records, by record key.
func (f *publisherPDS) generators() map[string]testutil.StoredRecord {
	return f.Records(pubDID, "app.bsky.feed.generator")
}

// record returns the stored record of rkey as a map.
func (f *publisherPDS) record(t *testing.T, rkey string) map[string]any {
	t.Helper()
	rec, ok := f.generators()[rkey]
	if !ok {
		t.Fatalf("no record %s", rkey)
	}
	var m map[string]any
	if err := json.Unmarshal(rec.Value, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func writePNG(t *testing.T, path string, size int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for i := range size {
		img.Set(i, i, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const peaceDesc = "Politics, diplomacy and the peace process of Armenia, Azerbaijan and Georgia."

// feedsFile writes a feeds file with a feed taking interactions and
// carrying an avatar, and a plain one.
func feedsFile(t *testing.T, dir, desc, avatar string) string {
	t.Helper()
	feeds := fmt.Sprintf(`{"feeds": [
		{"rkey": "sc-peace", "displayName": "South Caucasus Peace", "description": %q, "avatar": %q,
		 "rules": "builtin:south-caucasus", "acceptsInteractions": true},
		{"rkey": "sc-digest", "displayName": "Kavkaz Digest 🕊️🇦🇲🇦🇿🇬🇪", "rules": "builtin:south-caucasus"}]}`, desc, avatar)
	path := filepath.Join(dir, "feeds.json")
	if err := os.WriteFile(path, []byte(feeds), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func publishEnv(dir, pds, feeds string) map[string]string {
	return map[string]string{
		"FEEDGEN_DB":                 filepath.Join(dir, "feedgen.db"),
		"FEEDGEN_HOSTNAME":           "localhost:3999",
		"FEEDGEN_FEEDS":              feeds,
		"FEEDGEN_PUBLISHER_DID":      pubDID,
		"FEEDGEN_PUBLISHER_HANDLE":   pubHandle,
		"FEEDGEN_PUBLISHER_PASSWORD": pubPassword,
		"FEEDGEN_PDS_URL":            pds,
	}
}

// publish writes each record exactly as the lexicon says; run again, it
// updates what changed (keeping createdAt, swapping on the CID it read,
// not uploading the same avatar twice) and leaves the rest alone.
func TestPublishCreatesThenUpdates(t *testing.T) {
	dir := t.TempDir()
	pds := newFakePDS(t, pubDID)
	avatar := writePNG(t, filepath.Join(dir, "avatar.png"), 64)
	env := publishEnv(dir, pds.URL, feedsFile(t, dir, peaceDesc, "avatar.png"))

	out, err := runFeedgen(t, env, "publish")
	if err != nil {
		t.Fatalf("publish: %v\n%s", err, out)
	}
	for _, want := range []string{
		"created at://" + pubDID + "/app.bsky.feed.generator/sc-peace",
		"created at://" + pubDID + "/app.bsky.feed.generator/sc-digest",
		"https://bsky.app/profile/" + pubDID + "/feed/sc-peace",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := pds.Calls()[0]; got != "com.atproto.server.createSession" {
		t.Errorf("first call: got %s, want createSession", got)
	}

	peace := pds.record(t, "sc-peace")
	created, err := syntax.ParseDatetime(peace["createdAt"].(string))
	if err != nil || time.Since(created.Time()) > time.Minute {
		t.Errorf("createdAt %v: %v", peace["createdAt"], err)
	}
	delete(peace, "createdAt")
	want := map[string]any{
		"$type":               "app.bsky.feed.generator",
		"did":                 "did:web:localhost%3A3999",
		"displayName":         "South Caucasus Peace",
		"description":         peaceDesc,
		"acceptsInteractions": true,
		"avatar": map[string]any{"$type": "blob", "ref": map[string]any{"$link": testutil.RawCID(avatar)},
			"mimeType": "image/png", "size": float64(len(avatar))},
	}
	if !reflect.DeepEqual(peace, want) {
		t.Errorf("sc-peace record:\n got %v\nwant %v", peace, want)
	}
	if ct := pds.Blob(testutil.RawCID(avatar)); ct != "image/png" {
		t.Errorf("avatar uploaded as %q, want image/png", ct)
	}
	digest := pds.record(t, "sc-digest")
	delete(digest, "createdAt")
	if want := map[string]any{"$type": "app.bsky.feed.generator", "did": "did:web:localhost%3A3999",
		"displayName": "Kavkaz Digest 🕊️🇦🇲🇦🇿🇬🇪"}; !reflect.DeepEqual(digest, want) {
		t.Errorf("sc-digest record:\n got %v\nwant %v", digest, want)
	}

	// Change one description and publish again.
	cidBefore := pds.generators()["sc-peace"].CID
	createdBefore := pds.record(t, "sc-peace")["createdAt"]
	feedsFile(t, dir, peaceDesc+" Curated.", "avatar.png")
	out, err = runFeedgen(t, env, "publish")
	if err != nil {
		t.Fatalf("second publish: %v\n%s", err, out)
	}
	if !strings.Contains(out, "updated at://"+pubDID+"/app.bsky.feed.generator/sc-peace") ||
		!strings.Contains(out, "unchanged at://"+pubDID+"/app.bsky.feed.generator/sc-digest") {
		t.Errorf("second publish output:\n%s", out)
	}
	peace = pds.record(t, "sc-peace")
	if peace["description"] != peaceDesc+" Curated." || peace["createdAt"] != createdBefore {
		t.Errorf("updated record: description %q, createdAt %v (was %v)", peace["description"], peace["createdAt"], createdBefore)
	}
	last := pds.Puts()[len(pds.Puts())-1]
	if string(last["swapRecord"]) != `"`+cidBefore+`"` {
		t.Errorf("update swapped on %s, want the CID read, %s", last["swapRecord"], cidBefore)
	}
	if n := pds.CallCount("com.atproto.repo.uploadBlob"); n != 1 {
		t.Errorf("the unchanged avatar was uploaded %d times, want once", n)
	}
	if n := pds.CallCount("com.atproto.repo.putRecord"); n != 3 {
		t.Errorf("%d putRecord calls, want 3 (two creates, one update)", n)
	}

	// Unpublish one feed, then the rest.
	if out, err := runFeedgen(t, env, "unpublish", "sc-digest"); err != nil || !strings.Contains(out, "removed at://"+pubDID+"/app.bsky.feed.generator/sc-digest") {
		t.Fatalf("unpublish sc-digest: %v\n%s", err, out)
	}
	if _, ok := pds.generators()["sc-digest"]; ok {
		t.Error("sc-digest still published")
	}
	if _, ok := pds.generators()["sc-peace"]; !ok {
		t.Error("unpublishing sc-digest removed sc-peace")
	}
	if out, err := runFeedgen(t, env, "unpublish"); err != nil {
		t.Fatalf("unpublish: %v\n%s", err, out)
	}
	if len(pds.generators()) != 0 {
		t.Errorf("records left after unpublish: %v", pds.generators())
	}
}

// Nothing is sent when any record is invalid, not even the valid ones.
func TestPublishRefusesInvalidRecordsBeforeSending(t *testing.T) {
	tests := []struct {
		name   string
		avatar func(t *testing.T, dir string) string
		feeds  string
		want   string
	}{
		{name: "avatar over 1 MB", want: "1000000", avatar: func(t *testing.T, dir string) string {
			data := writePNG(t, filepath.Join(dir, "big.png"), 8)
			data = append(data, make([]byte, 1_000_001-len(data))...)
			os.WriteFile(filepath.Join(dir, "big.png"), data, 0o644)
			return "big.png"
		}},
		{name: "avatar is a GIF", want: "image/gif", avatar: func(t *testing.T, dir string) string {
			os.WriteFile(filepath.Join(dir, "a.png"), []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), 0o644)
			return "a.png"
		}},
		{name: "avatar is missing", want: "no such file", avatar: func(t *testing.T, dir string) string { return "nowhere.png" }},
		{name: "avatar is a directory", want: "not a file", avatar: func(t *testing.T, dir string) string { return "." }},
		{name: "display name of 25 graphemes", want: "displayName",
			feeds: `{"feeds": [{"rkey": "ok", "displayName": "fine", "rules": "x"}, {"rkey": "long", "displayName": "` + strings.Repeat("🇦🇲", 25) + `", "rules": "x"}]}`},
		{name: "description over 300 graphemes", want: "description",
			feeds: `{"feeds": [{"rkey": "desc", "displayName": "fine", "description": "` + strings.Repeat("ა", 301) + `", "rules": "x"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			pds := newFakePDS(t, pubDID)
			var feeds string
			if tt.feeds != "" {
				feeds = filepath.Join(dir, "feeds.json")
				os.WriteFile(feeds, []byte(tt.feeds), 0o644)
			} else {
				feeds = feedsFile(t, dir, peaceDesc, tt.avatar(t, dir))
			}
			out, err := runFeedgen(t, publishEnv(dir, pds.URL, feeds), "publish")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v (output %q), want an error about %s", err, out, tt.want)
			}
			if calls := pds.Calls(); len(calls) != 0 {
				t.Errorf("sent %v before refusing", calls)
			}
		})
	}
}

func TestPublishLoginProblems(t *testing.T) {
	dir := t.TempDir()
	pds := newFakePDS(t, pubDID)
	feeds := feedsFile(t, dir, peaceDesc, "")

	env := publishEnv(dir, pds.URL, feeds)
	env["FEEDGEN_PUBLISHER_PASSWORD"] = "wrong-pass-word-1234"
	_, err := runFeedgen(t, env, "publish")
	if err == nil || !strings.Contains(err.Error(), "AuthenticationRequired") {
		t.Errorf("wrong password: got %v, want AuthenticationRequired", err)
	} else if strings.Contains(err.Error(), "wrong-pass-word-1234") {
		t.Errorf("the error shows the password: %v", err)
	}

	env = publishEnv(dir, pds.URL, feeds)
	delete(env, "FEEDGEN_PUBLISHER_PASSWORD")
	if _, err := runFeedgen(t, env, "publish"); err == nil || !strings.Contains(err.Error(), "FEEDGEN_PUBLISHER_PASSWORD") {
		t.Errorf("no password: got %v, want it to name FEEDGEN_PUBLISHER_PASSWORD", err)
	}

	// The account logged in is not the one the served feed URIs name.
	env = publishEnv(dir, pds.URL, feeds)
	env["FEEDGEN_PUBLISHER_DID"] = "did:plc:someoneelsexxxxxxxxxxxxx"
	if _, err := runFeedgen(t, env, "publish"); err == nil || !strings.Contains(err.Error(), "FEEDGEN_PUBLISHER_DID="+pubDID) {
		t.Errorf("other account: got %v, want a hint to set FEEDGEN_PUBLISHER_DID", err)
	}
	if n := pds.CallCount("com.atproto.repo.putRecord") + pds.CallCount("com.atproto.repo.uploadBlob"); n != 0 {
		t.Errorf("%d writes after failed logins", n)
	}

	if _, err := runFeedgen(t, publishEnv(dir, pds.URL, feeds), "publish", "no-such-feed"); err == nil || !strings.Contains(err.Error(), "no-such-feed") {
		t.Errorf("unknown rkey: got %v", err)
	}
}

// Without a PDS URL, the PDS is the one the publisher's DID document (from
// the PLC directory) names.
func TestPublishFindsThePDSThroughPLC(t *testing.T) {
	dir := t.TempDir()
	pds := newFakePDS(t, pubDID)
	plc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/"+pubDID {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{
			"id": pubDID, "alsoKnownAs": []string{"at://" + pubHandle},
			"service": []map[string]string{{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds.URL}},
		})
	}))
	defer plc.Close()
	env := publishEnv(dir, "", feedsFile(t, dir, peaceDesc, ""))
	delete(env, "FEEDGEN_PDS_URL")
	delete(env, "FEEDGEN_PUBLISHER_HANDLE")
	env["FEEDGEN_PLC_URL"] = plc.URL
	// A PDS found in a DID document is reached only on a public address,
	// unless the operator says this is a local test network.
	if _, err := runFeedgen(t, env, "publish"); err == nil || !strings.Contains(err.Error(), "private or reserved network") {
		t.Fatalf("publish to a loopback PDS named by a DID document: got %v, want a refusal", err)
	}
	if len(pds.generators()) != 0 {
		t.Fatalf("got %d records through a refused PDS", len(pds.generators()))
	}
	env["FEEDGEN_ALLOW_PRIVATE_NETWORKS"] = "true"
	if out, err := runFeedgen(t, env, "publish"); err != nil {
		t.Fatalf("publish: %v\n%s", err, out)
	}
	if len(pds.generators()) != 2 {
		t.Errorf("got %d records, want 2", len(pds.generators()))
	}
}

func TestPublishDryRun(t *testing.T) {
	dir := t.TempDir()
	pds := newFakePDS(t, pubDID)
	avatar := writePNG(t, filepath.Join(dir, "avatar.png"), 16)
	env := publishEnv(dir, pds.URL, feedsFile(t, dir, peaceDesc, "avatar.png"))
	delete(env, "FEEDGEN_PUBLISHER_PASSWORD")
	out, err := runFeedgen(t, env, "publish", "--dry-run")
	if err != nil {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	for _, want := range []string{`"displayName": "South Caucasus Peace"`, `"acceptsInteractions": true`, `"did": "did:web:localhost%3A3999"`,
		`"cid": "` + testutil.RawCID(avatar) + `"`, "nothing sent", "at://" + pubDID + "/app.bsky.feed.generator/sc-digest"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %s:\n%s", want, out)
		}
	}
	if calls := pds.Calls(); len(calls) != 0 {
		t.Errorf("dry run sent %v", calls)
	}
}

// The password never shows in help, even when it is set.
func TestHelpDoesNotShowThePassword(t *testing.T) {
	out, err := runFeedgen(t, map[string]string{"FEEDGEN_PUBLISHER_PASSWORD": pubPassword}, "publish", "--help")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, pubPassword) {
		t.Errorf("--help shows the password:\n%s", out)
	}
	if !strings.Contains(out, "publish") || !strings.Contains(out, "FEEDGEN_PUBLISHER_PASSWORD") {
		t.Errorf("publish --help does not list its password variable:\n%s", out)
	}
}

// A feed definition's contentMode and descriptionFacets are published in
// the record as the lexicon names them.
func TestPublishContentModeAndFacets(t *testing.T) {
	dir := t.TempDir()
	pds := newFakePDS(t, pubDID)
	desc := "Videos from Armenia, see https://example.com/about"
	start := strings.Index(desc, "https://")
	feeds := fmt.Sprintf(`{"feeds": [{"rkey": "sc-video", "displayName": "Caucasus Video", "description": %q,
		"rules": "builtin:south-caucasus", "contentMode": "video",
		"descriptionFacets": [{"index": {"byteStart": %d, "byteEnd": %d},
			"features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/about"}]}]}]}`, desc, start, len(desc))
	path := filepath.Join(dir, "feeds.json")
	if err := os.WriteFile(path, []byte(feeds), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := runFeedgen(t, publishEnv(dir, pds.URL, path), "publish"); err != nil {
		t.Fatalf("publish: %v\n%s", err, out)
	}
	rec := pds.record(t, "sc-video")
	if rec["contentMode"] != "app.bsky.feed.defs#contentModeVideo" {
		t.Errorf("contentMode: %v", rec["contentMode"])
	}
	facets, _ := rec["descriptionFacets"].([]any)
	want := []any{map[string]any{"index": map[string]any{"byteStart": float64(start), "byteEnd": float64(len(desc))},
		"features": []any{map[string]any{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/about"}}}}
	if !reflect.DeepEqual(facets, want) {
		t.Errorf("descriptionFacets:\n got %v\nwant %v", facets, want)
	}
}
