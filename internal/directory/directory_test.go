package directory_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/directory"
	"github.com/scpeace/feedgen/internal/testutil"
)

// plc serves DID documents declaring the given handles.
func plc(t *testing.T, pds string, handles map[string]string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		did := strings.TrimPrefix(r.URL.Path, "/")
		h, ok := handles[did]
		if !ok {
			http.Error(w, `{"message":"DID not registered"}`, http.StatusNotFound)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{
			"@context": []string{"https://www.w3.org/ns/did/v1"}, "id": did, "alsoKnownAs": []string{"at://" + h},
			"service": []map[string]string{{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// With a handle resolver, handles of a local network resolve through it,
// and count only when the DID document declares them too.
func TestHandlesThroughAService(t *testing.T) {
	const alice, mallory = "did:plc:aliceaaaaaaaaaaaaaaaaaaa", "did:plc:mallorymmmmmmmmmmmmmmmmm"
	pds := testutil.NewFakePDS(t)
	pds.AddAccount(alice, "alice.test", "pw")
	// mallory's PDS says she is bob.test; her DID document says so too,
	// but bob.test resolves to nobody.
	pds.AddAccount(mallory, "mallory.test", "pw")
	dir := directory.New(directory.Config{
		PLCURL:         plc(t, pds.URL, map[string]string{alice: "alice.test", mallory: "bob.test"}),
		HTTPClient:     http.DefaultClient,
		HandleResolver: pds.URL,
	})
	ctx := context.Background()

	ident, err := dir.LookupDID(ctx, alice)
	if err != nil || ident.Handle != "alice.test" {
		t.Errorf("LookupDID(alice): %v %v, want alice.test", ident, err)
	}
	ident, err = dir.LookupHandle(ctx, "alice.test")
	if err != nil || ident.DID != alice {
		t.Errorf("LookupHandle(alice.test): %v %v", ident, err)
	}
	ident, err = dir.LookupDID(ctx, mallory)
	if err != nil || ident.Handle != syntax.HandleInvalid {
		t.Errorf("LookupDID(mallory): handle %v (%v), want it unverified", ident, err)
	}
	if _, err := dir.LookupHandle(ctx, "mallory.test"); !errors.Is(err, identity.ErrHandleMismatch) {
		t.Errorf("LookupHandle(mallory.test): %v, want a mismatch", err)
	}
	if _, err := dir.LookupHandle(ctx, "nobody.test"); !errors.Is(err, identity.ErrHandleNotFound) {
		t.Errorf("LookupHandle(nobody.test): %v, want not found", err)
	}
}
