package feedgen

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestAdminTokens(t *testing.T) {
	cfg := testConfig()
	cfg.AdminTokens = []AdminToken{{Name: "ani", Token: "tok-ani-0123456789abcdefghij"}, {Name: "giorgi", Token: "tok-giorgi-0123456789abcdefg"}}
	f := newFixture(t, cfg, nil)
	tests := []struct {
		name   string
		header []string
		status int
		error  string
		actor  string
	}{
		{"no header", nil, 401, "AuthenticationRequired", ""},
		{"basic scheme", []string{"Basic dG9rLWFuaQ=="}, 401, "AuthenticationRequired", ""},
		{"empty bearer", []string{"Bearer "}, 401, "AuthenticationRequired", ""},
		{"wrong token", []string{"Bearer tok-ani-0123456789abcdefghiX"}, 401, "InvalidToken", ""},
		{"prefix of a token", []string{"Bearer tok-ani"}, 401, "InvalidToken", ""},
		{"two headers", []string{"Bearer tok-ani-0123456789abcdefghij", "Bearer tok-giorgi-0123456789abcdefg"}, 401, "AuthenticationRequired", ""},
		{"ani", []string{"Bearer tok-ani-0123456789abcdefghij"}, 200, "", "ani"},
		{"giorgi, lower-case scheme", []string{"bearer tok-giorgi-0123456789abcdefg"}, 200, "", "giorgi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/admin/whoami", nil)
			for _, h := range tt.header {
				req.Header.Add("Authorization", h)
			}
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			var body struct{ Error, Actor string }
			json.Unmarshal(rec.Body.Bytes(), &body)
			if rec.Code != tt.status || body.Error != tt.error || body.Actor != tt.actor {
				t.Errorf("got %d %q actor %q, want %d %q actor %q", rec.Code, body.Error, body.Actor, tt.status, tt.error, tt.actor)
			}
		})
	}
	// Unknown admin routes are guarded too: nothing about them leaks.
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, httptest.NewRequest("GET", "/admin/secret-thing", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("unknown admin route without token: got %d, want 401", rec.Code)
	}
}

func TestAdminDisabledWithoutTokens(t *testing.T) {
	f := newFixture(t, testConfig(), nil)
	req := httptest.NewRequest("GET", "/admin/whoami", nil)
	req.Header.Set("Authorization", "Bearer anything-at-all-0123456789")
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("got %d %s, want 403", rec.Code, rec.Body)
	}
}
