package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrainThenClassifyWithTheModel: train writes a model from labelled
// sets (the same one twice), and classify --model judges with it.
func TestTrainThenClassifyWithTheModel(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.model"), filepath.Join(dir, "b.model")
	for _, out := range []string{a, b} {
		_, errOut, err := runCLI(t, "", "train", "--out", out, "--bits", "16", devset, devLabels, seed)
		if err != nil {
			t.Fatalf("train: %v\n%s", err, errOut)
		}
		if !strings.Contains(errOut, "from 2 sets") {
			t.Errorf("train summary %q does not count 2 sets", errOut)
		}
	}
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	if len(x) == 0 || string(x) != string(y) {
		t.Fatalf("two trainings on the same sets wrote %d and %d bytes, not the same model", len(x), len(y))
	}
	out, _, err := runCLI(t, "", "classify", "--model", a, "--labels", devLabels, devset)
	if err != nil {
		t.Fatal(err)
	}
	if p, r := metrics(t, out); p < 0.9 || r < 0.9 {
		t.Errorf("devset with its own model: precision %.3f recall %.3f", p, r)
	}
}

// TestClassifyModelDecidesTheBand: a post the rules score 2.5 enters with a
// model that learnt such posts are in, and stays out with one that learnt
// they are out; the builtin model has no say once --model names another.
func TestClassifyModelDecidesTheBand(t *testing.T) {
	const band = "Azerbaijan faces scrutiny over its gas deals with Europe."
	gas := []string{band, "Azerbaijan gas deals with Europe face scrutiny again.", "More scrutiny for the gas deals Azerbaijan made with Europe."}
	cafe := []string{"Cake and coffee at the river cafe.", "The bakery by the river sells bread and honey.", "Sunday market: cheese, bread, coffee."}
	dir := t.TempDir()
	set := func(name string, gasIn bool) string {
		var posts, labels strings.Builder
		for i, text := range append(append([]string{}, gas...), cafe...) {
			uri := fmt.Sprintf("at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/t%d", i)
			p, _ := json.Marshal(map[string]string{"uri": uri, "text": text})
			l, _ := json.Marshal(map[string]any{"uri": uri, "in": (i < len(gas)) == gasIn})
			posts.Write(append(p, '\n'))
			labels.Write(append(l, '\n'))
		}
		path := filepath.Join(dir, name+".jsonl")
		os.WriteFile(path, []byte(posts.String()), 0o644)
		os.WriteFile(filepath.Join(dir, name+".labels.jsonl"), []byte(labels.String()), 0o644)
		if _, errOut, err := runCLI(t, "", "train", "--out", filepath.Join(dir, name+".model"), "--bits", "14", "--epochs", "20", path); err != nil {
			t.Fatalf("train %s: %v\n%s", name, err, errOut)
		}
		return filepath.Join(dir, name+".model")
	}
	in, out := set("in", true), set("out", false)
	post := `{"text":"` + band + `","langs":["en"]}`
	for _, tt := range []struct {
		model string
		want  string
	}{
		{in, `"in":true,"score":3,`},
		{out, `"in":false,"score":2.5,`},
	} {
		got, _, err := runCLI(t, post, "classify", "--model", tt.model)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, tt.want) || strings.Contains(got, "model:") != (tt.model == in) {
			t.Errorf("--model %s: %s want %s, and a model: reason only when lifted", filepath.Base(tt.model), got, tt.want)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	unlabelled := filepath.Join(dir, "x.jsonl")
	os.WriteFile(unlabelled, []byte(`{"text":"Mirzoyan met Bayramov"}`+"\n"), 0o644)
	junk := filepath.Join(dir, "junk.model")
	os.WriteFile(junk, []byte("not a model"), 0o644)
	noModel := filepath.Join(dir, "plain.rules")
	os.WriteFile(noModel, []byte("[languages]\nen = English\n[group g cap=3]\nplace 3 Zor\n  en: Zor\n"), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--out", filepath.Join(dir, "m")}, "no labelled posts"},
		{[]string{"train", "--out", filepath.Join(dir, "m"), unlabelled}, "labels"},
		{[]string{"train", "--out", filepath.Join(dir, "m"), "--real", devset}, "--real-labels"},
		{[]string{"classify", "--model", junk, devset}, "not a feedgen text model"},
		{[]string{"classify", "--rules", noModel, "--model", junk, devset}, "no bonus.model"},
	} {
		_, _, err := runCLI(t, "", tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one saying %q", tt.args, err, tt.want)
		}
	}
}
