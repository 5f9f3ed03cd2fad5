package curation_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/curation"
)

// background runs the service's background work (list sync, backfills,
// profiles) until the test ends.
func (e *env) background() {
	e.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- e.svc.Run(ctx) }()
	e.t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			e.t.Errorf("Run: %v", err)
		}
	})
}

// pngImage is a w×h PNG, red on the left half and blue on the right.
func pngImage(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			c := color.RGBA{200, 20, 20, 255}
			if x >= w/2 {
				c = color.RGBA{20, 20, 200, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// setProfile writes did's app.bsky.actor.profile/self, with an avatar
// when one is given.
func (e *env) setProfile(did, name string, avatar []byte) {
	rec := map[string]any{"$type": "app.bsky.actor.profile", "displayName": name}
	if avatar != nil {
		c := e.pds.PutBlob(avatar, "image/png")
		rec["avatar"] = map[string]any{"$type": "blob", "ref": map[string]string{"$link": c}, "mimeType": "image/png", "size": len(avatar)}
	}
	e.pds.Put(did, "app.bsky.actor.profile", "self", rec)
}

type person struct {
	DID         string
	Handle      string
	DisplayName string
	Avatar      string
	ProfileURL  string
}

// people asks the admin API who dids are.
func (e *env) people(wait string, dids ...string) map[string]person {
	e.t.Helper()
	q := url.Values{"did": dids}
	if wait != "" {
		q.Set("wait", wait)
	}
	out := e.ok("GET", "/admin/people?"+q.Encode(), nil)
	m := map[string]person{}
	for did, v := range out["people"].(map[string]any) {
		p := v.(map[string]any)
		str := func(k string) string { s, _ := p[k].(string); return s }
		m[did] = person{DID: str("did"), Handle: str("handle"), DisplayName: str("displayName"), Avatar: str("avatar"), ProfileURL: str("profileUrl")}
	}
	return m
}

// waitPerson polls until did is known by its handle.
func (e *env) waitPerson(did string) person {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		p := e.people("", did)[did]
		if p.Handle != "" {
			return p
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("%s was never resolved: %+v", did, p)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// decodeAvatar checks a data: URL holds a square JPEG and returns it.
func decodeAvatar(t *testing.T, dataURL string) image.Image {
	t.Helper()
	b64, ok := strings.CutPrefix(dataURL, "data:image/jpeg;base64,")
	if !ok {
		t.Fatalf("avatar %.40q is not a JPEG data URL", dataURL)
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Who an author is comes from the identity directory (the handle) and
// their profile record (display name, avatar): unknown at first, and shown
// as the DID, then known without anybody waiting for the network.
func TestPeopleResolvedInTheBackground(t *testing.T) {
	e := newEnv(t)
	e.setProfile(didAlice, "Alice Aliyeva", pngImage(t, 300, 200))
	e.background()

	first := e.people("", didAlice)[didAlice]
	if first.DID != didAlice || first.ProfileURL != "https://bsky.app/profile/"+didAlice {
		t.Errorf("first answer: %+v", first)
	}
	p := e.waitPerson(didAlice)
	if p.Handle != "alice.test" || p.DisplayName != "Alice Aliyeva" {
		t.Errorf("got %+v", p)
	}
	img := decodeAvatar(t, p.Avatar)
	if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 64 {
		t.Errorf("avatar is %v, want 64×64", b)
	}
	// The middle square of the picture: red on the left, blue on the right.
	if r, _, bl, _ := img.At(8, 32).RGBA(); r < bl {
		t.Error("the left of the avatar is not red")
	}
	if r, _, bl, _ := img.At(56, 32).RGBA(); bl < r {
		t.Error("the right of the avatar is not blue")
	}

	// Every answer that names authors says who they are.
	e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert"})
	authors := e.ok("GET", "/admin/authors", nil)
	if got := authors["people"].(map[string]any)[didAlice].(map[string]any)["handle"]; got != "alice.test" {
		t.Errorf("authors: people[alice].handle = %v", got)
	}
	audit := e.ok("GET", "/admin/audit", nil)
	if got := audit["people"].(map[string]any)[didAlice].(map[string]any)["displayName"]; got != "Alice Aliyeva" {
		t.Errorf("audit: people[alice].displayName = %v", got)
	}
	uri := e.stream(didAlice, textStrong, time.Hour)
	ex := e.ok("GET", "/admin/explain?uri="+url.QueryEscape(uri), nil)
	if _, ok := ex["people"].(map[string]any)[didAlice]; !ok {
		t.Errorf("explain names no people: %v", ex["people"])
	}
	posts := e.ok("GET", "/admin/posts?feed="+feedID+"&uri="+url.QueryEscape(uri), nil)
	if h := posts["posts"].([]any)[0].(map[string]any)["handle"]; h != "alice.test" {
		t.Errorf("posts: handle %v", h)
	}
}

// countingDirectory counts the look-ups of DIDs, and can hold them until
// released.
type countingDirectory struct {
	identity.Directory
	lookups atomic.Int32
	hold    chan struct{}
}

func (d *countingDirectory) LookupDID(ctx context.Context, did syntax.DID) (*identity.Identity, error) {
	d.lookups.Add(1)
	if d.hold != nil {
		select {
		case <-d.hold:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return d.Directory.LookupDID(ctx, did)
}

// The cache is used until it is old: a profile is fetched again after the
// refresh age (an unchanged avatar is not fetched again), a failed one
// after the retry age, and an account that cannot be resolved is its DID.
func TestPeopleCacheAges(t *testing.T) {
	var dir *countingDirectory
	e := newEnv(t, withDeps(func(d *curation.Deps) {
		dir = &countingDirectory{Directory: d.Directory}
		d.Directory = dir
	}))
	e.setProfile(didAlice, "Alice", pngImage(t, 100, 100))
	e.background()
	e.waitPerson(didAlice)
	blobs := e.pds.CallCount("com.atproto.sync.getBlob")
	lookups := dir.lookups.Load()

	// A new name, the same avatar blob.
	e.setProfileKeepingAvatar(didAlice, "Alice Aliyeva")
	e.advance(curation.DefaultProfileRefresh - time.Minute)
	if p := e.people("", didAlice)[didAlice]; p.DisplayName != "Alice" || dir.lookups.Load() != lookups {
		t.Errorf("within the refresh age: %+v, %d look-ups (was %d)", p, dir.lookups.Load(), lookups)
	}
	e.advance(2 * time.Minute)
	deadline := time.Now().Add(10 * time.Second)
	for e.people("", didAlice)[didAlice].DisplayName != "Alice Aliyeva" {
		if time.Now().After(deadline) {
			t.Fatal("the new name never showed after the refresh age")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if p := e.people("", didAlice)[didAlice]; p.Avatar == "" || e.pds.CallCount("com.atproto.sync.getBlob") != blobs {
		t.Errorf("the unchanged avatar was lost or fetched again: %d getBlob calls, was %d", e.pds.CallCount("com.atproto.sync.getBlob"), blobs)
	}

	// The ghost has no account: shown as its DID, tried again only after
	// the retry age.
	ghost := e.people("2s", didGhost)[didGhost]
	if ghost.DID != didGhost || ghost.Handle != "" || ghost.DisplayName != "" {
		t.Errorf("ghost: %+v", ghost)
	}
	before := dir.lookups.Load()
	e.people("2s", didGhost)
	if dir.lookups.Load() != before {
		t.Error("a failed resolution was tried again at once")
	}
	e.advance(curation.DefaultProfileRetry + time.Second)
	e.people("2s", didGhost)
	if dir.lookups.Load() != before+1 {
		t.Errorf("not tried again after the retry age: %d look-ups, want %d", dir.lookups.Load(), before+1)
	}
}

// setProfileKeepingAvatar changes the display name, keeping the avatar.
func (e *env) setProfileKeepingAvatar(did, name string) {
	var rec map[string]any
	raw := e.pds.Records(did, "app.bsky.actor.profile")["self"].Value
	if err := json.Unmarshal(raw, &rec); err != nil {
		e.t.Fatal(err)
	}
	rec["displayName"] = name
	e.pds.Put(did, "app.bsky.actor.profile", "self", rec)
}

// A page never waits for the network: with the directory stuck, the
// answer comes at once with the DIDs alone.
func TestPeopleNeverBlockThePage(t *testing.T) {
	dir := &countingDirectory{hold: make(chan struct{})}
	e := newEnv(t, withDeps(func(d *curation.Deps) {
		dir.Directory = d.Directory
		d.Directory = dir
	}))
	e.background()
	t.Cleanup(func() { close(dir.hold) })
	e.stream(didBob, textStrong, time.Hour)
	uri := e.stream(didCarol, textStrong, 2*time.Hour)
	done := make(chan map[string]any, 1)
	go func() {
		done <- e.ok("GET", "/admin/posts?feed="+feedID+"&uri="+url.QueryEscape(uri), nil)
	}()
	select {
	case out := <-done:
		p := out["people"].(map[string]any)[didCarol].(map[string]any)
		if p["did"] != didCarol || p["handle"] != nil {
			t.Errorf("with the directory stuck: %v", p)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the page waited for the identity directory")
	}
}

// What strangers put in their profile stays harmless: a name is one line
// of bounded length that reverses nothing around it; an avatar that is no image, or claims enormous
// dimensions, is left out and the rest is shown.
func TestPeopleHostileProfiles(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("Ա", 300)
	e.setProfile(didBob, "Bob\n\u202eevil\x00 name", []byte("not an image at all"))
	e.setProfile(didCarol, long, bombPNG(t))
	e.background()
	bob := e.waitPerson(didBob)
	if bob.DisplayName != "Bob evil name" {
		t.Errorf("bob's name: %q", bob.DisplayName)
	}
	if bob.Avatar != "" {
		t.Error("a blob that is no image became an avatar")
	}
	carol := e.waitPerson(didCarol)
	if n := len([]rune(carol.DisplayName)); n > 65 {
		t.Errorf("carol's name is %d runes", n)
	}
	if carol.Avatar != "" {
		t.Error("a decompression bomb became an avatar")
	}
}

// bombPNG is a small PNG that claims to be 100,000 pixels square.
func bombPNG(t *testing.T) []byte {
	b := pngImage(t, 2, 2)
	// IHDR's width and height are the 4+4 bytes after "IHDR".
	i := bytes.Index(b, []byte("IHDR")) + 4
	copy(b[i:], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	return b
}
