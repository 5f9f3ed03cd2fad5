package main

import (
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
