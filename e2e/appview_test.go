package e2e

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// TestAppViewHydratesAccountsPostsAndLists proves the Full network: what users write on
// the PDS reaches the AppView over the firehose and comes back hydrated, through the PDS
// for a logged-in user and anonymously from the AppView. getFeed's error path is here too,
// since our feed's own tests will depend on telling its errors apart.
func TestAppViewHydratesAccountsPostsAndLists(t *testing.T) {
	n := Start(t, Full)
	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")
	post := n.Post(t, alice, "Armenia and Azerbaijan agree on the border commission", PostOpts{Langs: []string{"en"}, Facets: true})
	gone := n.Post(t, bob, "This post will be deleted shortly", PostOpts{Langs: []string{"en"}})
	n.Delete(t, bob, gone.URI)
	list := n.CreateList(t, alice, "Peace watchers", CurateList, "")
	item := n.AddListItem(t, alice, list.URI, bob.DID)
	n.UpdateList(t, alice, list.URI, "Peace watchers 2", "renamed")
	n.ProcessAll(t)

	t.Run("profile through the PDS", func(t *testing.T) {
		p := n.GetProfile(t, &bob, alice.Handle.String())
		if p.Did != alice.DID.String() || p.Handle != alice.Handle.String() {
			t.Errorf("got %s %s, want %s %s", p.Did, p.Handle, alice.DID, alice.Handle)
		}
	})

	t.Run("posts", func(t *testing.T) {
		readers := []struct {
			name string
			as   *Account
		}{
			{name: "as bob through the PDS", as: &bob},
			{name: "anonymous at the AppView", as: nil},
		}
		for _, tt := range readers {
			t.Run(tt.name, func(t *testing.T) {
				got := n.GetPosts(t, tt.as, post.URI, gone.URI)
				if len(got) != 1 {
					t.Fatalf("got %d posts, want 1 (the deleted one dropped)", len(got))
				}
				p := got[0]
				if p.Uri != post.URI.String() || p.Cid != post.CID.String() || p.Author.Did != alice.DID.String() {
					t.Errorf("got %s %s by %s, want %s %s by %s", p.Uri, p.Cid, p.Author.Did, post.URI, post.CID, alice.DID)
				}
				b, err := json.Marshal(p.Record)
				if err != nil {
					t.Fatal(err)
				}
				var rec struct {
					Text  string   `json:"text"`
					Langs []string `json:"langs"`
				}
				if err := json.Unmarshal(b, &rec); err != nil {
					t.Fatal(err)
				}
				if rec.Text != "Armenia and Azerbaijan agree on the border commission" || len(rec.Langs) != 1 || rec.Langs[0] != "en" {
					t.Errorf("got record %s, want the post's text and langs [en]", b)
				}
			})
		}
	})

	t.Run("list after edit", func(t *testing.T) {
		l := n.GetList(t, nil, list.URI)
		if l.List.Name != "Peace watchers 2" {
			t.Errorf("got name %q, want %q", l.List.Name, "Peace watchers 2")
		}
		if len(l.Items) != 1 || l.Items[0].Uri != item.URI.String() || l.Items[0].Subject.Did != bob.DID.String() {
			t.Errorf("got items %+v, want one: %s -> %s", l.Items, item.URI, bob.DID)
		}
	})

	// The two paths fail differently: the PDS looks the feed record up itself (to learn
	// the feed generator's DID, the audience of the token it mints) before proxying.
	t.Run("getFeed of an unknown feed", func(t *testing.T) {
		feed := syntax.ATURI("at://" + alice.DID.String() + "/app.bsky.feed.generator/nothing-here")
		cases := []struct {
			name       string
			as         *Account
			wantName   string
			wantStatus int
		}{
			{name: "as bob through the PDS", as: &bob, wantName: "RecordNotFound", wantStatus: http.StatusBadRequest},
			{name: "anonymous at the AppView", as: nil, wantName: "InvalidRequest", wantStatus: http.StatusBadRequest},
		}
		for _, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				_, err := n.TryGetFeed(t.Context(), tt.as, feed, FeedQuery{Limit: 10})
				var ce *ClientError
				if !errors.As(err, &ce) {
					t.Fatalf("got error %v, want a *ClientError", err)
				}
				if ce.Status != tt.wantStatus || ce.Name != tt.wantName {
					t.Errorf("got %v, want %s (%d)", ce, tt.wantName, tt.wantStatus)
				}
			})
		}
	})

	t.Run("AppView DID in the PLC directory", func(t *testing.T) {
		resp, err := http.Get(n.PLCURL + "/" + n.AppViewDID.String())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var doc struct {
			ID      string `json:"id"`
			Service []struct {
				ID   string `json:"id"`
				Type string `json:"type"`
			} `json:"service"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
			t.Fatalf("status %d: %v", resp.StatusCode, err)
		}
		found := false
		for _, s := range doc.Service {
			found = found || (s.ID == "#bsky_appview" && s.Type == "BskyAppView")
		}
		if doc.ID != n.AppViewDID.String() || !found {
			t.Errorf("got %+v, want %s with a #bsky_appview service", doc, n.AppViewDID)
		}
	})
}
