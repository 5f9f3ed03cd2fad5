package directory_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/directory"
	"github.com/scpeace/feedgen/internal/testutil"
)

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
		PLCURL:         testutil.FakePLC(t, pds.URL, map[string]string{alice: "alice.test", mallory: "bob.test"}),
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
