package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// yerevanRules let in a post naming Yerevan, and nothing else.
const yerevanRules = "[settings]\nthreshold.in = 2\nthreshold.review = 1\n\n[group places]\nplace 2 Yerevan\n  any: yerevan\n"

func writeRules(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "my.rules")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// classify --diff judges every post with both rules, each with its own
// memory, so an expert's reply follows its root out and back in.
func TestClassifyDiff(t *testing.T) {
	events := rootEvent + "\n" + replyEvent + "\n"
	mine := writeRules(t, yerevanRules)
	out, errOut, err := runCLI(t, events, "classify", "--expert", expertB, "--diff", "builtin:south-caucasus", mine)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want the root and its reply:\n%s", len(lines), out)
	}
	var last struct {
		URI, From, To string
		Old, New      struct{ Reasons []string }
	}
	if err := json.Unmarshal([]byte(lines[1]), &last); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(last.URI, "3m4avt7lk2nf7") || last.From != "in" || last.To != "out" || strings.Join(last.Old.Reasons, " ") != "tier:expert thread:root-in-feed" {
		t.Errorf("the reply: %+v", last)
	}
	if !strings.Contains(errOut, "2 posts; 0 enter the feed, 2 leave it") {
		t.Errorf("summary: %q", errOut)
	}
	if strings.Contains(errOut, "warning") {
		t.Errorf("rules without a self-supporting form got warnings: %q", errOut)
	}
	// A form that is its own context is warned of, on the rules that bring it in.
	warned := writeRules(t, yerevanRules+"event 0 Rally\n  any: big rally\n  with +3 post: rally\n")
	for _, args := range [][]string{{"classify", "--diff", mine, warned}, {"classify", "--rules", warned}} {
		_, errOut, err := runCLI(t, events, args...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(errOut, "1 warning (") || !strings.Contains(errOut, `line 10: with: "rally" is part of "big rally"`) {
			t.Errorf("%v: want the warning, got %q", args, errOut)
		}
	}
	if _, errOut, _ := runCLI(t, events, "classify", "--diff", warned, mine); strings.Contains(errOut, "warning") {
		t.Errorf("the other way round, nothing is brought in: %q", errOut)
	}
	// The other way round, from a file on disk.
	file := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(file, []byte(events), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, err = runCLI(t, "", "classify", "--expert", expertB, "--diff", mine, "builtin:south-caucasus", file)
	if err != nil || strings.Count(out, `"from":"out","to":"in"`) != 2 || !strings.Contains(errOut, "2 enter the feed, 0 leave it") {
		t.Errorf("reverse: %v %s %s", err, out, errOut)
	}
	// The same rules twice: nothing differs.
	out, errOut, _ = runCLI(t, events, "classify", "--diff", mine, mine)
	if out != "" || !strings.Contains(errOut, "2 posts; 0 enter") {
		t.Errorf("same rules: %q %q", out, errOut)
	}
	bad := writeRules(t, "[settings]\nthreshold.in = x\n")
	if _, _, err := runCLI(t, events, "classify", "--diff", "builtin:south-caucasus", bad); err == nil || !strings.Contains(err.Error(), bad+":2:") {
		t.Errorf("bad rules: got %v, want the file and line", err)
	}
	if _, _, err := runCLI(t, events, "classify", "--diff", mine); err == nil || !strings.Contains(err.Error(), "want OLD NEW [FILE]") {
		t.Errorf("one rules: got %v", err)
	}
}

// seedFeed puts a post in the feed that only the built-in rules let in,
// and one in the review queue that only yerevanRules let in.
func seedFeed(t *testing.T, db string) (strong, queued syntax.ATURI) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now().UnixMicro()
	strong = "at://did:plc:aliceaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kstrong2222"
	queued = "at://did:plc:bobbbbbbbbbbbbbbbbbbbbbb/app.bsky.feed.post/3kqueued2222"
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.PutPost(&model.Post{URI: strong, CID: "x", Author: "did:plc:aliceaaaaaaaaaaaaaaaaaaa", IndexedUS: now - 2e6,
			Text: "Pashinyan and Aliyev met in Washington to sign the peace treaty", Langs: []string{"en"},
			Feeds: []model.Membership{{Feed: "sc-peace", Score: 6, Reasons: []string{"person:Pashinyan(+3)"}}}}); err != nil {
			return err
		}
		return tx.PutQueued(&model.Queued{Feed: "sc-peace", Score: 2.5, QueuedUS: now - 1e6, Post: model.Post{URI: queued, CID: "y",
			Author: "did:plc:bobbbbbbbbbbbbbbbbbbbbbb", IndexedUS: now - 1e6, Text: "Yerevan government", Langs: []string{"en"}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	return strong, queued
}

// The rules commands work on the database file and through the server
// alike: a diff changes nothing, an apply moves the posts, a revert puts
// them back, and each change is in the audit log under its actor.
func TestRulesCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "feedgen.db")
	strong, queued := seedFeed(t, db)
	mine := writeRules(t, yerevanRules)
	offline := []string{"FEEDGEN_DB=" + db, "FEEDGEN_ADMIN_URL=http://127.0.0.1:1"}

	out := feedgenRun(t, offline, true, "rules", "diff", mine)
	if !strings.Contains(out, "dry run, nothing changed: 1 kept and 1 queued posts judged: 1 enter the feed, 1 leave it") ||
		!strings.Contains(out, "+ "+string(queued)+" [queue>in]") || !strings.Contains(out, "- "+string(strong)+" [in>out]") {
		t.Errorf("diff: %s", out)
	}
	if out := feedgenRun(t, offline, true, "rules"); !strings.Contains(out, "the definition's builtin:south-caucasus") {
		t.Errorf("show after a diff: %s", out)
	}
	out = feedgenRun(t, offline, true, "rules", "apply", mine, "--note", "summit week")
	if !strings.Contains(out, "-> uploaded version 1") || !strings.Contains(out, "applied: 1 kept and 1 queued posts judged: 1 enter the feed, 1 leave it") {
		t.Errorf("apply: %s", out)
	}

	s := startService(t, localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_ADMIN_TOKENS="+testToken), shutdownBudget)
	online := []string{"FEEDGEN_DB=" + db, "FEEDGEN_ADMIN_URL=http://" + s.Addr(), "FEEDGEN_ADMIN_TOKENS=" + testToken}
	body := skeletonBody(t, s.Addr())
	if !strings.Contains(body, string(queued)) || strings.Contains(body, string(strong)) {
		t.Errorf("served after the offline apply: %s", body)
	}
	out = feedgenRun(t, online, true, "rules", "show")
	if !strings.Contains(out, "uploaded version 1") || !strings.Contains(out, "uploaded by cli:") || !strings.Contains(out, "(summit week)") {
		t.Errorf("show through the server: %s", out)
	}
	if text, _, err := runFeedgenStreams(t, envMap(online), "rules", "show", "--text"); err != nil || text != yerevanRules {
		t.Errorf("show --text: %v %q", err, text)
	}
	out = feedgenRun(t, online, false, "rules", "apply", writeRules(t, "[group g]\nplace 2 Tbilisi\n  nope: tbilisi\n"))
	if !strings.Contains(out, "InvalidRules") || !strings.Contains(out, "uploaded rules:3:") || !strings.Contains(out, "HTTP 400") {
		t.Errorf("bad rules through the server: %s", out)
	}
	var rev struct {
		To      model.RulesRef
		Rejudge model.Rejudge
	}
	feedgenJSON(t, online, &rev, "rules", "revert")
	if rev.To.Source != model.RulesDefinition || rev.Rejudge.Diff.Entered != 1 || rev.Rejudge.Diff.Left != 1 {
		t.Errorf("revert: %+v", rev)
	}
	body = skeletonBody(t, s.Addr())
	if strings.Contains(body, string(queued)) || !strings.Contains(body, string(strong)) {
		t.Errorf("served after the revert: %s", body)
	}
	var audit struct {
		Entries []struct {
			Actor, Action string
			After         struct{ Entered, Left int }
		}
	}
	feedgenJSON(t, online, &audit, "audit")
	if len(audit.Entries) != 2 || audit.Entries[0].Action != "rules.revert" || audit.Entries[0].Actor != "ops" ||
		audit.Entries[1].Action != "rules.set" || !strings.HasPrefix(audit.Entries[1].Actor, "cli:") || audit.Entries[1].After.Entered != 1 {
		t.Errorf("audit: %+v", audit.Entries)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}

// SIGHUP re-reads the feeds file and the rules file it names, and applies
// a change: the feed changes for subscribers, the log and the audit log
// say so, and a rules file that no longer parses changes nothing.
func TestSighupReloadsTheRules(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "feedgen.db")
	strong, queued := seedFeed(t, db)
	rulesFile := filepath.Join(dir, "feed.rules")
	_, text, err := readRules("builtin:south-caucasus")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rulesFile, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	feeds := filepath.Join(dir, "feeds.json")
	// A top feed over the same posts has no rules of its own to reload.
	def := `{"feeds": [{"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "` + rulesFile + `"},
		{"rkey": "sc-peace-top", "displayName": "Top", "membershipOf": "sc-peace", "order": "top"}]}`
	if err := os.WriteFile(feeds, []byte(def), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startService(t, localEnv(t, "FEEDGEN_DB="+db, "FEEDGEN_FEEDS="+feeds, "FEEDGEN_ADMIN_TOKENS="+testToken), shutdownBudget)
	if body := skeletonBody(t, s.Addr()); !strings.Contains(body, string(strong)) {
		t.Fatalf("before: %s", body)
	}
	hup := func() {
		t.Helper()
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
	}
	waitLog := func(msg string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !strings.Contains(s.log.String(), msg) {
			if time.Now().After(deadline) {
				t.Fatalf("no %q in the log", msg)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	// A rules file that does not parse: logged, nothing changes.
	if err := os.WriteFile(rulesFile, []byte("[settings]\nthreshold.in = x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hup()
	waitLog("the feed keeps its rules")
	if body := skeletonBody(t, s.Addr()); !strings.Contains(body, string(strong)) {
		t.Errorf("after a bad reload: %s", body)
	}

	if err := os.WriteFile(rulesFile, []byte(yerevanRules), 0o600); err != nil {
		t.Fatal(err)
	}
	hup()
	waitLog("reload: rules applied")
	body := skeletonBody(t, s.Addr())
	if !strings.Contains(body, string(queued)) || strings.Contains(body, string(strong)) {
		t.Errorf("after SIGHUP: %s", body)
	}
	req, _ := http.NewRequest("GET", "http://"+s.Addr()+"/admin/audit", nil)
	req.Header.Set("Authorization", "Bearer tok-ops-0123456789abcdefghij")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var audit struct {
		Entries []struct {
			Actor, Action string
			After         struct{ Entered, Left int }
		}
	}
	json.NewDecoder(resp.Body).Decode(&audit)
	resp.Body.Close()
	if len(audit.Entries) != 1 || audit.Entries[0].Actor != "sighup" || audit.Entries[0].Action != "rules.reload" || audit.Entries[0].After.Left != 1 {
		t.Errorf("audit: %+v", audit.Entries)
	}
	resp, err = http.Get("http://" + s.Addr() + "/xrpc/_health")
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Checks struct {
			Rules map[string]struct{ Rules string }
		}
	}
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if got := health.Checks.Rules["sc-peace"].Rules; !strings.HasPrefix(got, rulesFile+" (") {
		t.Errorf("health names the rules %q, want the reloaded file", got)
	}
	for _, line := range strings.Split(s.log.String(), "\n") {
		if strings.Contains(line, `"feed":"sc-peace-top"`) && strings.Contains(line, "rules") {
			t.Errorf("the top feed's rules were reloaded: %s", line)
		}
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}
