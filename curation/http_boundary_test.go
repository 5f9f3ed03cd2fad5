package curation_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/feedgen"
)

// A curator's request body over the limit is 413 even when it is sent
// chunked, without a length: it used to be taken for malformed JSON (400).
func TestAdminOversizedChunkedBodyIs413(t *testing.T) {
	e := newEnv(t)
	big := `{"author":"` + strings.Repeat("a", 2<<20) + `"}`
	for _, body := range []io.Reader{strings.NewReader(big), io.MultiReader(strings.NewReader(big))} {
		req := httptest.NewRequest("POST", "/admin/blocks", body)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tokenAni)
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "PayloadTooLarge") {
			t.Errorf("length %d: got %d %s, want 413 PayloadTooLarge", req.ContentLength, rec.Code, rec.Body)
		}
	}
}

// A rules upload is the one admin request larger than the server's body
// limit: a text past feedgen.MaxBody reaches the rules' own checks (here,
// their parser's) and is not refused for its size; past the rules routes'
// own limit it is 413, announced or chunked, and another admin route keeps
// the server's limit.
func TestRulesUploadsTakeLargerBodies(t *testing.T) {
	e := newEnv(t)
	post := func(path string, body io.Reader) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", path, body)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tokenAni)
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		return rec
	}
	// Over 1 MiB of JSON, within the rules bound: an unknown concept kind
	// line repeated, which the parser refuses by its line.
	text := strings.Repeat("# a curator's long comment about the rules below\\n", (feedgen.MaxBody/50)+100)
	body := `{"feed":"` + feedID + `","rules":"` + text + `nonsense line\\n"}`
	if len(body) <= feedgen.MaxBody || len(body) > curation.MaxRulesBody {
		t.Fatalf("body of %d bytes: not between the limits", len(body))
	}
	for _, path := range []string{"/admin/rules/diff", "/admin/rules"} {
		rec := post(path, strings.NewReader(body))
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "InvalidRules") {
			t.Errorf("%s with %d bytes: got %d %s, want 400 InvalidRules from the parser", path, len(body), rec.Code, rec.Body)
		}
	}
	huge := `{"feed":"` + feedID + `","rules":"` + strings.Repeat("a", curation.MaxRulesBody) + `"}`
	for _, r := range []io.Reader{strings.NewReader(huge), io.MultiReader(strings.NewReader(huge))} {
		if rec := post("/admin/rules/diff", r); rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("rules body of %d bytes: got %d, want 413", len(huge), rec.Code)
		}
	}
	blocks := `{"author":"` + strings.Repeat("a", feedgen.MaxBody) + `"}`
	if rec := post("/admin/blocks", strings.NewReader(blocks)); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("blocks body of %d bytes: got %d, want 413", len(blocks), rec.Code)
	}
}
