package curation_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

// yerevanRules are a curator's own rules: a post naming Yerevan is in,
// nothing else is. Under them the strong post leaves the feed and the
// queued one ("Yerevan government") enters it.
const yerevanRules = `# only Yerevan
[settings]
threshold.in = 2
threshold.review = 1

[group places]
place 2 Yerevan
  any: yerevan
`

// queued lists the URIs in the review queue.
func (e *env) queued() []string {
	e.t.Helper()
	out := e.ok("GET", "/admin/queue?limit=500", nil)
	var uris []string
	for _, x := range out["entries"].([]any) {
		uris = append(uris, x.(map[string]any)["post"].(map[string]any)["uri"].(string))
	}
	slices.Sort(uris)
	return uris
}

func num(m map[string]any, path ...string) float64 {
	var v any = m
	for _, k := range path {
		v = v.(map[string]any)[k]
	}
	f, _ := v.(float64)
	return f
}

func str(m map[string]any, path ...string) string {
	var v any = m
	for _, k := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = mm[k]
	}
	s, _ := v.(string)
	return s
}

// samples returns the dry run's or re-judge's moves as "uri from>to".
func samples(diff any) []string {
	var out []string
	for _, x := range diff.(map[string]any)["samples"].([]any) {
		m := x.(map[string]any)
		out = append(out, m["uri"].(string)+" "+m["from"].(string)+">"+m["to"].(string))
	}
	slices.Sort(out)
	return out
}

// A curator previews new rules, applies them, and the feed subscribers
// get changes at once: a post leaves, a queued post enters, new posts are
// judged by the new rules, the audit log says who did it and how much it
// moved; a revert puts everything back.
func TestRulesDiffApplyRevertThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	strong := e.stream(didAlice, textStrong, 0)
	review := e.stream(didBob, textReview, 0)
	e.stream(didCarol, textOff, 0)
	if got := e.feedPosts(); !slices.Equal(got, []string{strong}) {
		t.Fatalf("before: feed %q", got)
	}
	if got := e.queued(); !slices.Equal(got, []string{review}) {
		t.Fatalf("before: queue %q", got)
	}

	// Rules that do not parse are refused with their line, and nothing
	// is written.
	before := e.snapshot()
	bad := strings.Replace(yerevanRules, "threshold.in = 2", "threshold.in = two", 1)
	for _, path := range []string{"/admin/rules/diff", "/admin/rules"} {
		code, out := e.call("POST", path, tokenAni, map[string]any{"rules": bad})
		if code != http.StatusBadRequest || errName(out) != "InvalidRules" || !strings.Contains(str(out, "message"), "uploaded rules:3:") {
			t.Errorf("%s with bad rules: got %d %v, want 400 InvalidRules naming line 3", path, code, out)
		}
	}
	code, out := e.call("POST", "/admin/rules/revert", tokenAni, map[string]any{})
	if code != http.StatusConflict || errName(out) != "NothingToRevert" {
		t.Errorf("revert with no upload: got %d %v", code, out)
	}

	// The dry run says what will move, and writes nothing.
	diff := e.ok("POST", "/admin/rules/diff", map[string]any{"rules": yerevanRules})
	if !slices.Equal(e.snapshot(), before) {
		t.Error("a dry run or a refused change wrote to the database")
	}
	d := diff["diff"].(map[string]any)
	if num(d, "entered") != 1 || num(d, "left") != 1 || num(d, "held") != 1 || num(d, "queued") != 1 {
		t.Errorf("dry run: %v", d)
	}
	wantMoves := []string{review + " queue>in", strong + " in>out"}
	slices.Sort(wantMoves)
	if got := samples(d); !slices.Equal(got, wantMoves) {
		t.Errorf("dry run moves: got %q, want %q", got, wantMoves)
	}
	if str(diff, "from", "source") != "definition" || str(diff, "from", "ref") != "builtin:south-caucasus" {
		t.Errorf("dry run from: %v", diff["from"])
	}

	// Applied: the skeleton changes at once.
	res := e.ok("POST", "/admin/rules", map[string]any{"rules": yerevanRules, "note": "only Yerevan for the summit"})
	if got := e.feedPosts(); !slices.Equal(got, []string{review}) {
		t.Errorf("after: feed %q, want the queued post alone", got)
	}
	if got := e.queued(); len(got) != 0 {
		t.Errorf("after: queue %q, want empty", got)
	}
	if num(res, "to", "version") != 1 || str(res, "to", "source") != "upload" || str(res, "rejudge", "phase") != "done" ||
		num(res, "rejudge", "diff", "entered") != 1 || num(res, "rejudge", "diff", "left") != 1 {
		t.Errorf("apply: %v", res)
	}
	audit := e.ok("GET", "/admin/audit?limit=1", nil)["entries"].([]any)[0].(map[string]any)
	if audit["actor"] != "ani" || audit["action"] != "rules.set" || audit["feed"] != feedID || audit["note"] != "only Yerevan for the summit" ||
		num(audit, "after", "entered") != 1 || num(audit, "after", "left") != 1 || num(audit, "after", "version") != 1 ||
		str(audit, "before", "source") != "definition" || str(audit, "after", "hash") == "" {
		t.Errorf("audit entry: %v", audit)
	}
	show := e.ok("GET", "/admin/rules?text=1", nil)
	if str(show, "active", "source") != "upload" || str(show, "upload", "setBy") != "ani" || show["text"] != yerevanRules || num(show, "in") != 2 {
		t.Errorf("show: %v", show)
	}

	// The stream is judged by the new rules from now on.
	fresh := e.stream(didCarol, "Yerevan at night", 0)
	if got := e.feedPosts(); !slices.Contains(got, fresh) {
		t.Errorf("a new post under the new rules: feed %q", got)
	}
	// Explain names the rules, and judges the post that left from what
	// we keep of it.
	ex := e.ok("GET", "/admin/explain?uri="+strong, nil)
	fe := ex["feeds"].([]any)[0].(map[string]any)
	if fe["in"] != false || !strings.HasPrefix(str(fe, "rules"), "uploaded version 1") || ex["source"] != "store" || fe["judgedNow"] != true {
		t.Errorf("explain of the post that left: %v", ex)
	}

	// The same rules again change nothing and log nothing.
	n := len(e.auditActions())
	if again := e.ok("POST", "/admin/rules", map[string]any{"rules": yerevanRules}); again["unchanged"] != true {
		t.Errorf("same rules again: %v", again)
	}
	if len(e.auditActions()) != n {
		t.Error("an unchanged apply wrote an audit entry")
	}

	// Revert: the post that left comes back, the queued post goes back to
	// the queue.
	rev := e.ok("POST", "/admin/rules/revert", map[string]any{"note": "summit over"})
	if got := e.feedPosts(); !slices.Contains(got, strong) || slices.Contains(got, review) {
		t.Errorf("after revert: feed %q", got)
	}
	if got := e.queued(); !slices.Equal(got, []string{review}) {
		t.Errorf("after revert: queue %q", got)
	}
	if str(rev, "to", "source") != "definition" || num(rev, "rejudge", "diff", "entered") != 1 {
		t.Errorf("revert: %v", rev)
	}
	if acts := e.auditActions(); acts[len(acts)-1] != "ani rules.revert rules" {
		t.Errorf("audit after revert: %q", acts)
	}
}

// An uploaded version survives a restart: a new service on the same
// database applies it, and says so.
func TestUploadedRulesSurviveARestart(t *testing.T) {
	e := newEnv(t)
	e.ok("POST", "/admin/rules", map[string]any{"rules": yerevanRules})
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: relevance.New(rules)}}})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := curation.New(curation.Config{Feeds: []curation.Feed{{ID: feedID, URI: feedURI, Rules: "builtin:south-caucasus"}}},
		curation.Deps{Store: e.st, Directory: e.dir, Decider: dec})
	if err != nil {
		t.Fatal(err)
	}
	if got := dec.Rules(feedID); got.Settings.In != 2 || got.Hash == rules.Hash {
		t.Errorf("after a restart the decider applies %s (in %v), want the upload", got.Name, got.Settings.In)
	}
	v, err := svc.Rules(context.Background(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if v.Active.Source != "upload" || v.Active.Version != 1 || v.Definition.Hash != rules.Hash {
		t.Errorf("rules view after a restart: %+v", v)
	}
}

// SIGHUP's reload applies a definition's changed rules to a feed that
// uses them, audited as sighup; a feed with an uploaded version keeps it.
func TestReloadDefinitions(t *testing.T) {
	e := newEnv(t)
	strong := e.stream(didAlice, textStrong, 0)
	review := e.stream(didBob, textReview, 0)
	bad := e.svc.ReloadDefinitions(context.Background(), curation.ActorSighup, []curation.Definition{{Feed: feedID, Ref: "edited.rules", Text: "[settings]\nnope = 1\n"}})
	if len(bad) != 1 || !strings.Contains(bad[0].Err, "edited.rules:2:") || !slices.Equal(e.feedPosts(), []string{strong}) {
		t.Errorf("a definition that does not parse: %+v", bad)
	}
	res := e.svc.ReloadDefinitions(context.Background(), curation.ActorSighup, []curation.Definition{{Feed: feedID, Ref: "edited.rules", Text: yerevanRules}})
	if len(res) != 1 || res[0].Err != "" || res[0].Result == nil || res[0].Result.Rejudge == nil || res[0].Result.Rejudge.Diff.Entered != 1 {
		t.Fatalf("reload: %+v", res)
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{review}) {
		t.Errorf("after reload: feed %q", got)
	}
	if acts := e.auditActions(); acts[len(acts)-1] != "sighup rules.reload rules" {
		t.Errorf("audit: %q", acts)
	}
	again := e.svc.ReloadDefinitions(context.Background(), curation.ActorSighup, []curation.Definition{{Feed: feedID, Ref: "edited.rules", Text: yerevanRules}})
	if again[0].Skipped == "" || again[0].Err != "" {
		t.Errorf("reload of the same text: %+v", again)
	}
	// An upload wins over the definition until a revert, which then
	// takes the reloaded definition.
	text, err := relevance.BuiltinText("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	e.ok("POST", "/admin/rules", map[string]any{"rules": text})
	if got := e.feedPosts(); !slices.Equal(got, []string{strong}) {
		t.Errorf("after uploading the builtin rules: feed %q", got)
	}
	skip := e.svc.ReloadDefinitions(context.Background(), curation.ActorSighup, []curation.Definition{{Feed: feedID, Ref: "edited.rules", Text: yerevanRules}})
	if !strings.Contains(skip[0].Skipped, "uploaded version") || !slices.Equal(e.feedPosts(), []string{strong}) {
		t.Errorf("reload under an upload: %+v", skip)
	}
	e.ok("POST", "/admin/rules/revert", map[string]any{})
	if got := e.feedPosts(); !slices.Equal(got, []string{review}) {
		t.Errorf("revert after the reload: feed %q, want the reloaded definition's", got)
	}
}

// Malformed requests to the rules routes are refused with a 4xx that says
// why, and write nothing.
func TestRulesRoutesRefuseBadInput(t *testing.T) {
	e := newEnv(t)
	e.stream(didAlice, textStrong, 0)
	before := e.snapshot()
	big := "[group g]\nplace 3 X\n  any: " + strings.Repeat("x", curation.MaxRulesBytes) + "\n"
	for _, tc := range []struct {
		name, method, path, token string
		body                      any
		code                      int
		err                       string
	}{
		{"no token", "POST", "/admin/rules", "", map[string]any{"rules": yerevanRules}, 401, ""},
		{"unknown field", "POST", "/admin/rules", tokenAni, map[string]any{"rules": yerevanRules, "force": true}, 400, ""},
		{"not JSON", "POST", "/admin/rules/diff", tokenAni, "rules = yes", 400, ""},
		{"samples", "POST", "/admin/rules/diff", tokenAni, map[string]any{"rules": yerevanRules, "samples": 1000}, 400, "InvalidRequest"},
		{"rules and revert", "POST", "/admin/rules/diff", tokenAni, map[string]any{"rules": yerevanRules, "revert": true}, 400, "InvalidRequest"},
		{"revert through apply", "POST", "/admin/rules", tokenAni, map[string]any{"revert": true}, 400, "InvalidRequest"},
		{"rules to revert", "POST", "/admin/rules/revert", tokenAni, map[string]any{"rules": yerevanRules}, 400, ""},
		{"empty rules", "POST", "/admin/rules", tokenAni, map[string]any{"rules": "  \n"}, 400, "InvalidRules"},
		{"too big", "POST", "/admin/rules", tokenAni, map[string]any{"rules": big}, 400, "InvalidRules"},
		{"unknown feed", "POST", "/admin/rules", tokenAni, map[string]any{"feed": "nope", "rules": yerevanRules}, 400, "UnknownFeed"},
		{"bad text flag", "GET", "/admin/rules?text=yes", tokenAni, nil, 400, "InvalidRequest"},
		{"long note", "POST", "/admin/rules", tokenAni, map[string]any{"rules": yerevanRules, "note": strings.Repeat("n", 5000)}, 400, "InvalidNote"},
	} {
		code, out := e.call(tc.method, tc.path, tc.token, tc.body)
		if code != tc.code || (tc.err != "" && errName(out) != tc.err) {
			t.Errorf("%s: got %d %v, want %d %s", tc.name, code, out, tc.code, tc.err)
		}
	}
	if !slices.Equal(e.snapshot(), before) {
		t.Error("a refused request wrote to the database")
	}
}

// A change of rules that a restart cut short (stored, not yet judged) is
// judged to the end by the next start's Run, with the stored rules.
func TestInterruptedRejudgeResumesAtStart(t *testing.T) {
	e := newEnv(t)
	strong := e.stream(didAlice, textStrong, 0)
	review := e.stream(didBob, textReview, 0)
	err := e.st.Update(context.Background(), func(tx *store.Tx) error {
		v := &model.RulesVersion{Feed: feedID, Hash: "h", Text: yerevanRules, SetBy: "ani"}
		if err := tx.PutRulesVersion(v); err != nil {
			return err
		}
		return tx.PutRejudge(&model.Rejudge{Feed: feedID, Actor: "ani", Phase: model.RejudgePosts,
			Rules: model.RulesRef{Source: model.RulesUpload, Version: v.Version, Hash: v.Hash}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{strong}) {
		t.Fatalf("before the restart: %q", got)
	}
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	dec, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: relevance.New(rules)}}})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := curation.New(curation.Config{Feeds: []curation.Feed{{ID: feedID, URI: feedURI}}},
		curation.Deps{Store: e.st, Directory: e.dir, Decider: dec, Rejudger: e.ing.inbox})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var r *model.Rejudge
		if err := e.st.View(func(tx *store.Tx) (err error) { r, err = tx.Rejudge(feedID); return err }); err != nil {
			t.Fatal(err)
		}
		if r.DoneUS != 0 {
			if r.Diff.Entered != 1 || r.Diff.Left != 1 {
				t.Errorf("resumed re-judge: %+v", r.Diff)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the interrupted re-judge was not resumed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := e.feedPosts(); !slices.Equal(got, []string{review}) {
		t.Errorf("after the resumed re-judge: %q", got)
	}
}

// TestBuiltinRulesFitAnUpload: a curator edits a copy of the built-in
// rules and uploads it whole, so every built-in text must fit the upload
// bound, and the bound itself, sent as JSON, the admin API's body limit.
func TestBuiltinRulesFitAnUpload(t *testing.T) {
	for _, name := range relevance.BuiltinNames() {
		text, err := relevance.BuiltinText(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(text) > curation.MaxRulesBytes {
			t.Errorf("%s: %d bytes, over the upload bound of %d", name, len(text), curation.MaxRulesBytes)
		}
	}
	// The worst JSON a bound-sized text of the rules' own characters
	// makes: every line break escaped.
	text := strings.Repeat("place 2 Armenia\n", curation.MaxRulesBytes/len("place 2 Armenia\n"))
	body, err := json.Marshal(curation.RulesRequest{Feed: "south-caucasus", Rules: text, Note: "a curator's note"})
	if err != nil {
		t.Fatal(err)
	}
	if len(body) > curation.MaxRulesBody {
		t.Errorf("an upload of %d bytes is %d bytes of JSON, over the rules routes' body limit of %d", len(text), len(body), curation.MaxRulesBody)
	}
}

// The dry run and the apply tell the curator of lines that work as written
// but are likely a mistake (a context that is part of its own form, so the
// form counts alone), and only of those the rules in use do not have.
func TestRulesDryRunWarnsOfNewSelfSupport(t *testing.T) {
	e := newEnv(t)
	warned := yerevanRules + "event 0 Rally\n  any: big rally\n  with +3 post: rally\n"
	diff := e.ok("POST", "/admin/rules/diff", map[string]any{"rules": warned})
	ws, _ := diff["warnings"].([]any)
	if len(ws) != 1 {
		t.Fatalf("dry run: want one warning, got %v", diff["warnings"])
	}
	w := ws[0].(map[string]any)
	if num(w, "line") != 11 || !strings.Contains(str(w, "message"), `"rally" is part of "big rally"`) {
		t.Errorf("dry run warning: %v", w)
	}
	res := e.ok("POST", "/admin/rules", map[string]any{"rules": warned})
	if ws, _ := res["warnings"].([]any); len(ws) != 1 {
		t.Errorf("apply: want the same warning, got %v", res["warnings"])
	}
	// An edit of rules that already had it is not told again.
	again := e.ok("POST", "/admin/rules/diff", map[string]any{"rules": "# edited\n" + warned})
	if _, ok := again["warnings"]; ok || again["unchanged"] == true {
		t.Errorf("edit of warned rules: want a diff without warnings, got %v", again)
	}
}
