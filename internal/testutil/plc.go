package testutil

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// FakePLC is a PLC directory on 127.0.0.1 serving the DID documents of
// did:plc accounts whose PDS is pds, each declaring its handle (when it
// is not ""); any other DID is not registered. It returns its URL.
func FakePLC(tb testing.TB, pds string, handles map[string]string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		did := strings.TrimPrefix(r.URL.Path, "/")
		h, ok := handles[did]
		if !ok {
			http.Error(w, `{"message":"DID not registered"}`, http.StatusNotFound)
			return
		}
		doc := map[string]any{
			"@context": []string{"https://www.w3.org/ns/did/v1"},
			"id":       did,
			"service":  []map[string]string{{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}},
		}
		if h != "" {
			doc["alsoKnownAs"] = []string{"at://" + h}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(doc)
	}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// SyncBuffer is a buffer a logger and a test can use at once.
type SyncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Take returns what was written since the last Take, and forgets it.
func (s *SyncBuffer) Take() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.b.String()
	s.b.Reset()
	return out
}
