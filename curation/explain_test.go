package curation_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/indexer"
)

func TestExplain(t *testing.T) {
	e := newEnv(t)
	in := e.stream(didCarol, textStrong, 5*time.Hour)
	queued := e.stream(didEve, textReview, 4*time.Hour)
	out := e.stream(didEve, textWeak, 3*time.Hour)
	blocked := e.stream(didCarol, textStrong+" now", 2*time.Hour)
	e.ok("POST", "/admin/blocks", map[string]any{"uri": blocked, "note": "duplicate"})
	pinned := e.stream(didCarol, "Georgian Dream government passes law", time.Hour)
	e.ok("POST", "/admin/pins", map[string]any{"uri": pinned})
	e.ok("POST", "/admin/authors", map[string]any{"author": didBob, "tier": "blocked"})
	byBlocked := e.publish(didBob, textStrong, time.Hour)
	deleted := "at://" + didEve + "/app.bsky.feed.post/3kzzzzzzzzzz2"

	tests := []struct {
		name    string
		ref     string
		in      bool
		why     string
		reason  string
		source  string
		judged  bool
		handle  string
		pinned  bool
		blocked bool
	}{
		{"in, with its stored reasons", in, true, "in the feed: score 7.5, an unlisted author's post needs 3", "person:Pashinyan(+3)", "store", false, "carol.test", false, false},
		{"by bsky.app URL with a handle", "https://bsky.app/profile/carol.test/post/" + in[len(in)-13:], true, "in the feed", "person:Aliyev(+2.5)", "store", false, "carol.test", false, false},
		{"waiting for review", queued, false, "waiting in the review queue: score 2.5", "place:Yerevan(+2)", "queue", false, "eve.test", false, false},
		{"out, judged now from the PDS", out, false, "not in the feed: judged now, score 2 is below the 3 an unlisted author's post needs", "place:Tbilisi(+2)", "pds", true, "eve.test", false, false},
		{"blocked", blocked, false, "blocked by ani on", "", "store", false, "carol.test", false, true},
		{"pinned", pinned, true, "; pinned: served first on the feed's first page", "institution:Georgian Dream(+3)", "store", false, "carol.test", true, false},
		{"author blocked", byBlocked, false, "its author is blocked in this feed", "", "", false, "bob.test", false, false},
		{"deleted from the PDS", deleted, false, "not in the feed; the post could not be fetched to say why: the post does not exist", "", "", false, "eve.test", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := e.ok("GET", "/admin/explain?uri="+url.QueryEscape(tt.ref), nil)
			fe := x["feeds"].([]any)[0].(map[string]any)
			why, _ := fe["why"].(string)
			if fe["in"] != tt.in || !strings.Contains(why, tt.why) {
				t.Errorf("got in=%v why %q, want in=%v why containing %q", fe["in"], why, tt.in, tt.why)
			}
			if tt.reason != "" && !slices.Contains(anyStrings(fe["reasons"]), tt.reason) {
				t.Errorf("reasons %v, want %s among them", fe["reasons"], tt.reason)
			}
			if x["source"] != tt.source || (fe["judgedNow"] == true) != tt.judged || x["handle"] != tt.handle {
				t.Errorf("source %v judged %v handle %v, want %q %v %q", x["source"], fe["judgedNow"], x["handle"], tt.source, tt.judged, tt.handle)
			}
			if fe["pinned"] != tt.pinned || (x["blocked"] != nil) != tt.blocked {
				t.Errorf("pinned %v blocked %v, want %v %v", fe["pinned"], x["blocked"], tt.pinned, tt.blocked)
			}
		})
	}
	// A post its author could get in only now (added after it was seen)
	// says how to bring it in.
	e.ok("POST", "/admin/authors", map[string]any{"author": didEve, "tier": "expert", "noBackfill": true})
	x := e.ok("GET", "/admin/explain?uri="+out, nil)
	why := x["feeds"].([]any)[0].(map[string]any)["why"].(string)
	if !strings.Contains(why, "judged now it would go in") || !strings.Contains(why, "backfill") {
		t.Errorf("why %q, want it to say a backfill brings it in", why)
	}
	// An inactive account's posts are kept but out.
	e.ingest(indexer.Event{Kind: indexer.KindAccount, DID: didCarol, TimeUS: e.clock().UnixMicro(), Account: &indexer.Account{Status: "deactivated"}})
	x = e.ok("GET", "/admin/explain?uri="+in, nil)
	fe := x["feeds"].([]any)[0].(map[string]any)
	if fe["in"] != false || x["hidden"] != true || !strings.Contains(fe["why"].(string), "account is inactive") {
		t.Errorf("inactive author: got %v, hidden %v", fe, x["hidden"])
	}
}
