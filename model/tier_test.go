package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTier(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want Tier
	}{{"", TierNone}, {"none", TierNone}, {"all", TierAll}, {"expert", TierExpert}, {"blocked", TierBlocked}} {
		got, err := ParseTier(tt.s)
		if err != nil || got != tt.want {
			t.Errorf("ParseTier(%q) = %v, %v; want %v", tt.s, got, err, tt.want)
		}
		var u Tier
		b, _ := tt.want.MarshalText()
		if err := u.UnmarshalText(b); err != nil || u != tt.want {
			t.Errorf("text round trip of %v: got %v, %v", tt.want, u, err)
		}
	}
	if _, err := ParseTier("vip"); err == nil {
		t.Error(`ParseTier("vip"): got no error`)
	}
}

// A curated author is stored with its tier by name, and an author listed
// only through the Bluesky list has none: the stored JSON leaves it out.
func TestCuratedAuthorTierJSON(t *testing.T) {
	for _, tt := range []struct {
		a    CuratedAuthor
		want string
		eff  Tier
	}{
		{CuratedAuthor{Tier: TierAll}, `"tier":"all"`, TierAll},
		{CuratedAuthor{ListItems: []string{"3k"}}, ``, TierExpert},
		{CuratedAuthor{Tier: TierBlocked, ListItems: []string{"3k"}}, `"tier":"blocked"`, TierBlocked},
		{CuratedAuthor{Tier: TierAll, ListItems: []string{"3k"}}, `"tier":"all"`, TierAll},
		{CuratedAuthor{}, ``, TierNone},
	} {
		tt.a.Feed, tt.a.DID = "sc-peace", "did:plc:aliceaaaaaaaaaaaaaaaaaaa"
		b, err := json.Marshal(tt.a)
		if err != nil {
			t.Fatal(err)
		}
		var back CuratedAuthor
		if err := json.Unmarshal(b, &back); err != nil || back.Tier != tt.a.Tier {
			t.Errorf("round trip of %s: got %v, %v", b, back.Tier, err)
		}
		if got := string(b); (tt.want == "") != !contains(got, `"tier"`) || (tt.want != "" && !contains(got, tt.want)) {
			t.Errorf("%+v: got %s, want %s in it", tt.a, got, tt.want)
		}
		if got := tt.a.EffectiveTier(); got != tt.eff {
			t.Errorf("%+v: effective tier %v, want %v", tt.a, got, tt.eff)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
