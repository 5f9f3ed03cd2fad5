package config

import (
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/ranking"
)

// One set of rules backs a newest-first feed and a top feed: the second
// names the first's membership and says how it ranks.
func TestTopFeedDefinitions(t *testing.T) {
	good := `{"feeds":[
		{"rkey":"sc-peace","displayName":"South Caucasus Peace","rules":"builtin:south-caucasus","reposts":true},
		{"rkey":"sc-peace-top","displayName":"Top","membershipOf":"sc-peace","order":"top","window":"168h","halfLife":"36h",
		 "weights":{"likes":0.5},"acceptsInteractions":true}]}`
	feeds, err := ParseFeeds([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	latest, top := feeds[0], feeds[1]
	if latest.Top() || latest.Membership() != "sc-peace" || !top.Top() || top.Membership() != "sc-peace" {
		t.Errorf("orders and memberships: %+v %+v", latest, top)
	}
	want := ranking.Params{Window: 168 * time.Hour, HalfLife: 36 * time.Hour, Weights: ranking.Weights{Likes: 0.5, Replies: 2, Reposts: 3, Quotes: 3}}
	if got := top.RankParams(); got != want {
		t.Errorf("params: got %+v, want %+v", got, want)
	}
	def, _ := ParseFeeds([]byte(`{"feeds":[{"rkey":"a","displayName":"A","rules":"x","order":"top"}]}`))
	if got := def[0].RankParams(); got.Window != ranking.DefaultWindow || got.HalfLife != ranking.DefaultHalfLife || got.Weights != ranking.DefaultWeights {
		t.Errorf("defaults: %+v", got)
	}

	feed := func(extra string) string {
		return `{"feeds":[{"rkey":"a","displayName":"A","rules":"x"},{"rkey":"b","displayName":"B"` + extra + `}]}`
	}
	tests := []struct{ name, in, want string }{
		{"unknown order", feed(`,"rules":"x","order":"hot"`), `order "hot"`},
		{"window without top", feed(`,"rules":"x","window":"72h"`), "order"},
		{"bad duration", feed(`,"rules":"x","order":"top","window":"3 days"`), `"72h"`},
		{"number duration", feed(`,"rules":"x","order":"top","halfLife":12`), "duration"},
		{"tiny window", feed(`,"rules":"x","order":"top","window":"1s"`), "window"},
		{"negative half-life", feed(`,"rules":"x","order":"top","halfLife":"-1h"`), "halfLife"},
		{"negative weight", feed(`,"rules":"x","order":"top","weights":{"likes":-1}`), "weights.likes"},
		{"unknown weight", feed(`,"rules":"x","order":"top","weights":{"hearts":1}`), "hearts"},
		{"membership of nothing", feed(`,"membershipOf":"zzz","order":"top"`), `"zzz" is not a feed`},
		{"membership of itself", feed(`,"membershipOf":"b"`), "itself"},
		{"membership with rules", feed(`,"membershipOf":"a","rules":"x"`), "set rules"},
		{"membership with authors", feed(`,"membershipOf":"a","authors":{"expert":["did:plc:x"]}`), "set rules"},
		{"chained membership", `{"feeds":[{"rkey":"a","displayName":"A","rules":"x"},{"rkey":"b","displayName":"B","membershipOf":"a"},
			{"rkey":"c","displayName":"C","membershipOf":"b"}]}`, `name "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFeeds([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}
