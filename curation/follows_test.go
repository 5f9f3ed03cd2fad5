package curation_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/store"
)

// follow writes a follow record of subject into did's repository on the
// fake PDS, and returns its record key.
func (e *env) follow(did, subject string, n int) string {
	rkey := syntax.NewTIDFromTime(e.clock().Add(-time.Duration(n)*time.Minute), uint(n)).String()
	e.pds.Put(did, "app.bsky.graph.follow", rkey, map[string]any{"$type": "app.bsky.graph.follow", "subject": subject, "createdAt": e.clock().Format(time.RFC3339)})
	return rkey
}

func (e *env) follows(did string) map[string]syntax.DID {
	e.t.Helper()
	var got map[string]syntax.DID
	e.st.View(func(tx *store.Tx) error {
		var err error
		got, err = tx.Follows(syntax.DID(did))
		return err
	})
	return got
}

func (e *env) feedVerdict(uri string) map[string]any {
	e.t.Helper()
	x := e.ok("GET", "/admin/explain?uri="+url.QueryEscape(uri), nil)
	return x["feeds"].([]any)[0].(map[string]any)
}

// An expert's follows are read from their PDS when they are added, and
// three experts following an unlisted author make a community author.
func TestExpertFollowsAreBackfilledAndMakeCommunityAuthors(t *testing.T) {
	e := newEnv(t)
	for i, expert := range []string{didAlice, didBob, didCarol} {
		e.follow(expert, didEve, 10*i+1)
		e.follow(expert, didOwner, 10*i+2)
	}
	carolFollowsEve := e.pds.Records(didCarol, "app.bsky.graph.follow")
	e.follow(didEve, didOwner, 50) // an unlisted author's follows are never read
	queued := e.stream(didEve, textReview, 4*time.Hour)
	weakBefore := e.stream(didEve, textWeak, 3*time.Hour) // 2: out for a stranger
	if got := e.feedPosts(); len(got) != 0 {
		t.Fatalf("before: feed %v, want empty", got)
	}

	for _, expert := range []string{didAlice, didBob} {
		out := e.ok("POST", "/admin/authors", map[string]any{"author": expert, "tier": "expert"})
		fs := out["backfill"].(map[string]any)["follows"].(map[string]any)
		if fs["expert"] != true || fs["follows"] != 2.0 || fs["added"] != 2.0 {
			t.Errorf("follows sync of %s: got %v, want both follows kept", expert, fs)
		}
	}
	if fe := e.feedVerdict(queued); fe["in"] != false || fe["expertFollowers"] != 2.0 || fe["community"] == true {
		t.Fatalf("two experts follow eve: got %v, want still queued, not a community author", fe)
	}

	e.ok("POST", "/admin/authors", map[string]any{"author": didCarol, "tier": "all"})
	// The third expert's follow makes eve a community author: her queued
	// post is decided again, and is in.
	fe := e.feedVerdict(queued)
	if fe["in"] != true || !slices.Contains(anyStrings(fe["reasons"]), "community:followed-by(3)") || fe["community"] != true || fe["need"] != 2.0 {
		t.Fatalf("the queued post: got %v, want in as a community author's (needs 2)", fe)
	}
	if why := fe["why"].(string); !strings.Contains(why, "a community (followed by 3 of the feed's experts) author's post needs 2") {
		t.Errorf("why %q", why)
	}
	weak := e.stream(didEve, textWeak+" again", time.Hour)
	if got := e.feedPosts(); !slices.Equal(got, []string{weak, queued}) {
		t.Fatalf("feed %v, want eve's new weak post and the queued one (the weak post seen before stays out: %s)", got, weakBefore)
	}
	if got := e.follows(didEve); len(got) != 0 {
		t.Errorf("an unlisted author's follows were kept: %v", got)
	}

	// Carol unfollows eve, in a Bluesky app: the stream's delete.
	var rkey string
	for k, r := range carolFollowsEve {
		if strings.Contains(string(r.Value), didEve) {
			rkey = k
		}
	}
	e.ingest(indexer.Event{Kind: indexer.KindCommit, DID: didCarol, TimeUS: e.clock().UnixMicro(), Commit: &indexer.Commit{
		Op: indexer.OpDelete, Collection: "app.bsky.graph.follow", RKey: syntax.RecordKey(rkey)}})
	if got := e.feedPosts(); len(got) != 0 {
		t.Fatalf("after the unfollow: feed %v, want empty", got)
	}
	if fe := e.feedVerdict(queued); fe["queued"] != true {
		t.Errorf("the review-band post: got %v, want back in the queue", fe)
	}

	// Bob is no expert any more: his follows are forgotten.
	out := e.ok("POST", "/admin/authors/remove", map[string]any{"author": didBob})
	fs := out["backfill"].(map[string]any)["follows"].(map[string]any)
	if fs["expert"] != false || fs["removed"] != 2.0 || len(e.follows(didBob)) != 0 {
		t.Errorf("follows of a former expert: got %v, %v kept", fs, e.follows(didBob))
	}
	if got := e.follows(didAlice); len(got) != 2 {
		t.Errorf("alice's follows: got %v, want 2 kept", got)
	}
}

// An expert's like lets a post of the review band in; explain says whose.
func TestExplainAnEndorsement(t *testing.T) {
	e := newEnv(t)
	e.ok("POST", "/admin/authors", map[string]any{"author": didAlice, "tier": "expert"})
	queued := e.stream(didOwner, textReview, time.Hour)
	like := indexer.Event{Kind: indexer.KindCommit, DID: didAlice, TimeUS: e.clock().UnixMicro(), Commit: &indexer.Commit{
		Op: indexer.OpCreate, Collection: indexer.CollectionLike, RKey: "3kliked", CID: testCID, Subject: syntax.ATURI(queued)}}
	e.ingest(like)
	fe := e.feedVerdict(queued)
	if fe["in"] != true || !slices.Contains(anyStrings(fe["endorsers"]), didAlice) || !strings.Contains(fe["why"].(string), "the expert "+didAlice+" liked or reposted it") {
		t.Fatalf("got %v, want in on alice's like", fe)
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{queued}) {
		t.Errorf("feed %v", got)
	}
	x := e.ok("GET", "/admin/explain?uri="+url.QueryEscape(queued), nil)
	if eng, _ := x["engagement"].(map[string]any); eng == nil || eng["likes"] != 0.0 {
		t.Errorf("engagement: got %v, want zero likes (the like that let it in came before it was held)", x["engagement"])
	}
}
