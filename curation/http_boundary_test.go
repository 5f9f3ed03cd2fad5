package curation_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
