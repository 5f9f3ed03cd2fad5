package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/membership"
)

const (
	labelerA = "did:plc:labeleraaaaaaaaaaaaaaaaa"
	labelerB = "did:plc:labelerbbbbbbbbbbbbbbbbb"
	modList  = "at://did:plc:ownerooooooooooooooooooo/app.bsky.graph.list/3kmods"
)

func feedsAt(t *testing.T, feeds string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "feeds.json")
	if err := os.WriteFile(p, []byte(feeds), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// By default the feeds follow Bluesky's moderation service and exclude the
// default labels; none follows nobody; a feed trusts all labelers unless it
// names some.
func TestLabelers(t *testing.T) {
	cfg, err := load(t, nil, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.Labelers, DefaultLabelers) || !slices.Equal(cfg.Feeds[0].Trusted, DefaultLabelers) {
		t.Errorf("default labelers: %v, feed trusts %v", cfg.Labelers, cfg.Feeds[0].Trusted)
	}
	if !slices.Equal(cfg.Feeds[0].ExcludeLabels, membership.DefaultExclude) {
		t.Errorf("default exclusions: %v", cfg.Feeds[0].ExcludeLabels)
	}
	cfg, err = load(t, map[string]string{"FEEDGEN_LABELERS": "none"}, "serve")
	if err != nil || len(cfg.Labelers) != 0 || len(cfg.Feeds[0].Trusted) != 0 {
		t.Fatalf("none: %v %v", cfg, err)
	}
	feeds := feedsAt(t, `{"feeds": [
		{"rkey": "a", "displayName": "A", "rules": "builtin:south-caucasus", "labelers": ["`+labelerB+`"], "excludeLabels": ["spam", "!hide"]},
		{"rkey": "b", "displayName": "B", "rules": "builtin:south-caucasus", "excludeLabels": []}]}`)
	cfg, err = load(t, map[string]string{"FEEDGEN_LABELERS": labelerA + "," + labelerB, "FEEDGEN_FEEDS": feeds}, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Feeds[0].Trusted; !slices.Equal(got, []syntax.DID{labelerB}) {
		t.Errorf("feed a trusts %v", got)
	}
	if got := cfg.Feeds[1]; !slices.Equal(got.Trusted, []syntax.DID{labelerA, labelerB}) || len(got.ExcludeLabels) != 0 || got.ExcludeLabels == nil {
		t.Errorf("feed b: trusts %v, excludes %v (want nothing, on purpose)", got.Trusted, got.ExcludeLabels)
	}
}

func TestModerationFieldsAreChecked(t *testing.T) {
	for _, tt := range []struct {
		name, env, feed, want string
	}{
		{"a labeler that is not a DID", "nope", ``, "--labelers"},
		{"a labeler twice", labelerA + "," + labelerA, ``, "twice"},
		{"a feed trusting a labeler not followed", labelerA, `"labelers": ["` + labelerB + `"]`, "does not follow"},
		{"a label value in capitals", labelerA, `"excludeLabels": ["Spam"]`, "not a label value"},
		{"a mod list that is not a list", labelerA, `"modLists": ["at://did:plc:x/app.bsky.feed.post/1"]`, "modLists"},
		{"a mod list that is the experts' list", labelerA, `"list": "` + modList + `", "modLists": ["` + modList + `"]`, "also the feed's list"},
		{"an unknown content mode", labelerA, `"contentMode": "audio"`, "contentMode"},
		{"a facet past the description", labelerA, `"description": "short", "descriptionFacets": [{"index": {"byteStart": 0, "byteEnd": 99}, "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "x"}]}]`, "not inside the description"},
		{"a facet without features", labelerA, `"description": "short", "descriptionFacets": [{"index": {"byteStart": 0, "byteEnd": 5}, "features": []}]`, "feature"},
		{"a facet of an unknown type", labelerA, `"description": "short", "descriptionFacets": [{"index": {"byteStart": 0, "byteEnd": 5}, "features": [{"$type": "x.y#z"}]}]`, "$type"},
		{"a link facet to javascript", labelerA, `"description": "short", "descriptionFacets": [{"index": {"byteStart": 0, "byteEnd": 5}, "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "javascript:alert(1)"}]}]`, "not an http"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			feed := `{"rkey": "a", "displayName": "A", "rules": "builtin:south-caucasus"`
			if tt.feed != "" {
				feed += ", " + tt.feed
			}
			env := map[string]string{"FEEDGEN_LABELERS": tt.env, "FEEDGEN_FEEDS": feedsAt(t, `{"feeds": [`+feed+`}]}`)}
			_, err := load(t, env, "serve")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error about %q", err, tt.want)
			}
		})
	}
}

func TestContentModeIsWrittenInFull(t *testing.T) {
	for in, want := range map[string]string{"video": ContentModeVideo, ContentModeVideo: ContentModeVideo, "unspecified": ContentModeUnspecified, "": ""} {
		feeds, err := ParseFeeds([]byte(`{"feeds": [{"rkey": "a", "displayName": "A", "rules": "builtin:x", "contentMode": "` + in + `"}]}`))
		if err != nil || feeds[0].ContentMode != want {
			t.Errorf("%q: got %q %v, want %q", in, feeds[0].ContentMode, err, want)
		}
	}
}
