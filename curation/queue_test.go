package curation_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/indexer"
)

func TestReviewQueueApproveAndReject(t *testing.T) {
	e := newEnv(t)
	older := e.stream(didCarol, textStrong, 5*time.Hour)
	maybe := e.stream(didBob, textReview, 4*time.Hour)
	newer := e.stream(didCarol, textStrong+" again", 3*time.Hour)
	nope := e.stream(didEve, textReview+" today", 2*time.Hour)
	e.stream(didEve, textOff, time.Hour)

	if got := e.feedPosts(); !slices.Equal(got, []string{newer, older}) {
		t.Fatalf("feed %v, want only the clear posts", got)
	}
	q := e.ok("GET", "/admin/queue", nil)
	entries := q["entries"].([]any)
	if q["total"] != 2.0 || len(entries) != 2 {
		t.Fatalf("queue: got %v, want the two review-band posts", q)
	}
	first := entries[0].(map[string]any)
	post := first["post"].(map[string]any)
	// A curator judges from the queue alone: text, author, reasons.
	if post["uri"] != nope || post["text"] != textReview+" today" || post["author"] != didEve || first["score"] != 2.5 ||
		!slices.Contains(anyStrings(first["reasons"]), "place:Yerevan(+2)") {
		t.Errorf("newest entry: got %v", first)
	}

	// Approved, the post goes in at the place its time gives it.
	e.ok("POST", "/admin/queue/approve", map[string]any{"uri": maybe, "note": "on topic"})
	if got := e.feedPosts(); !slices.Equal(got, []string{newer, maybe, older}) {
		t.Errorf("after approve: feed %v", got)
	}
	// Rejected, it leaves the queue.
	e.ok("POST", "/admin/queue/reject", map[string]any{"uri": appURL(nope)})
	if q := e.ok("GET", "/admin/queue", nil); q["total"] != 0.0 {
		t.Errorf("queue after verdicts: %v", q)
	}
	// Replays and edits keep both verdicts.
	e.replay(maybe)
	e.replay(nope)
	if got := e.feedPosts(); !slices.Equal(got, []string{newer, maybe, older}) {
		t.Errorf("after replay: feed %v", got)
	}
	if q := e.ok("GET", "/admin/queue", nil); q["total"] != 0.0 {
		t.Errorf("queue after replay: %v", q)
	}
	ex := e.ok("GET", "/admin/explain?uri="+maybe, nil)
	fe := ex["feeds"].([]any)[0].(map[string]any)
	if fe["in"] != true || !slices.Contains(anyStrings(fe["reasons"]), "review:approved") {
		t.Errorf("explain approved: %v", fe)
	}
	want := []string{"ani queue.approve " + maybe, "ani queue.reject " + nope}
	if got := e.auditActions(); !slices.Equal(got, want) {
		t.Errorf("audit: got %v, want %v", got, want)
	}

	before := e.snapshot()
	for _, tt := range []struct {
		name    string
		path    string
		body    map[string]any
		want    int
		wantErr string
	}{
		{"approve what is not queued", "/admin/queue/approve", map[string]any{"uri": older}, 404, "NotQueued"},
		{"reject twice", "/admin/queue/reject", map[string]any{"uri": nope}, 404, "NotQueued"},
		{"approve a malformed URI", "/admin/queue/approve", map[string]any{"uri": "at://x"}, 400, "InvalidURI"},
		{"approve and block the author", "/admin/queue/approve", map[string]any{"uri": nope, "addAuthor": "blocked"}, 400, "InvalidTier"},
		{"reject and add the author", "/admin/queue/reject", map[string]any{"uri": nope, "addAuthor": "expert"}, 400, "InvalidRequest"},
	} {
		code, out := e.call("POST", tt.path, tokenAni, tt.body)
		if code != tt.want || errName(out) != tt.wantErr {
			t.Errorf("%s: got %d %v, want %d %s", tt.name, code, out, tt.want, tt.wantErr)
		}
	}
	code, out := e.call("GET", "/admin/queue?limit=0", tokenAni, nil)
	if code != 400 {
		t.Errorf("limit=0: got %d %v, want 400", code, out)
	}
	if code, out := e.call("GET", "/admin/queue?cursor=nope", tokenAni, nil); code != 400 || errName(out) != "InvalidCursor" {
		t.Errorf("bad cursor: got %d %v, want 400 InvalidCursor", code, out)
	}
	if !bytes.Equal(before, e.snapshot()) {
		t.Error("a rejected request changed the database")
	}
}

func TestApproveAndAddAuthorBackfills(t *testing.T) {
	e := newEnv(t)
	earlier := e.publish(didBob, textWeak, 30*time.Hour)
	maybe := e.stream(didBob, textReview, time.Hour)
	out := e.ok("POST", "/admin/queue/approve", map[string]any{"uri": maybe, "addAuthor": "expert"})
	a := out["author"].(map[string]any)["author"].(map[string]any)
	if a["did"] != didBob || a["effectiveTier"] != "expert" || a["handle"] != "bob.test" {
		t.Errorf("author: got %v", a)
	}
	// Bob's weak post from yesterday qualifies now that he is an expert.
	if got := e.feedPosts(); !slices.Equal(got, []string{maybe, earlier}) {
		t.Errorf("feed %v, want the approved post and the backfilled one", got)
	}
	want := []string{"ani queue.approve " + maybe, "ani author.add " + didBob}
	if got := e.auditActions(); !slices.Equal(got, want) {
		t.Errorf("audit: got %v, want %v", got, want)
	}
}

func TestQueuePaging(t *testing.T) {
	e := newEnv(t)
	var want []string
	for i := range 7 {
		want = append(want, e.stream(didEve, textReview+" "+string(rune('a'+i)), time.Duration(10-i)*time.Minute))
		e.advance(time.Second)
	}
	slices.Reverse(want)
	var got []string
	cursor := ""
	for range 10 {
		q := e.ok("GET", "/admin/queue?limit=3&cursor="+cursor, nil)
		for _, x := range q["entries"].([]any) {
			got = append(got, x.(map[string]any)["post"].(map[string]any)["uri"].(string))
		}
		c, _ := q["cursor"].(string)
		if c == "" {
			break
		}
		cursor = c
	}
	if !slices.Equal(got, want) {
		t.Errorf("paged queue:\n%v\nwant newest first\n%v", got, want)
	}
}

// A post its author deletes while it waits for a verdict leaves the queue,
// and neither a replay of its create nor an approval brings it back.
func TestDeletedPostLeavesTheQueue(t *testing.T) {
	e := newEnv(t)
	maybe := e.stream(didBob, textReview, 4*time.Hour)
	if q := e.ok("GET", "/admin/queue", nil); q["total"] != 1.0 {
		t.Fatalf("queue: got %v, want the review-band post", q)
	}
	u := syntax.ATURI(maybe)
	e.ingest(indexer.Event{Kind: indexer.KindCommit, DID: syntax.DID(didBob), TimeUS: e.clock().UnixMicro(),
		Commit: &indexer.Commit{Op: indexer.OpDelete, Collection: u.Collection(), RKey: u.RecordKey()}})
	if q := e.ok("GET", "/admin/queue", nil); q["total"] != 0.0 {
		t.Fatalf("queue after the author deleted the post: %v", q)
	}
	e.replay(maybe)
	if q := e.ok("GET", "/admin/queue", nil); q["total"] != 0.0 {
		t.Fatalf("a replayed create queued the deleted post again: %v", q)
	}
	if code, out := e.call("POST", "/admin/queue/approve", tokenAni, map[string]any{"uri": maybe}); code != 404 || errName(out) != "NotQueued" {
		t.Fatalf("approving a deleted post: got %d %v, want 404 NotQueued", code, out)
	}
	if got := e.feedPosts(); slices.Contains(got, maybe) {
		t.Fatalf("the deleted post is in the feed: %v", got)
	}
}
