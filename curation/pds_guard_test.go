package curation

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/netguard"
)

// A DID document that names a PDS on our own network does not get our
// requests there: the service's own client is guarded unless it is given
// one for a local test network.
func TestPDSFetchesStayOffOurNetworks(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	const did = syntax.DID("did:plc:insiderxxxxxxxxxxxxxxxxx")
	dir := identity.NewMockDirectory()
	dir.Insert(identity.Identity{DID: did, Handle: "insider.test", Services: map[string]identity.ServiceEndpoint{
		"atproto_pds": {Type: "AtprotoPersonalDataServer", URL: srv.URL},
	}})
	c := &pdsClient{http: guardedClient(time.Second), dir: dir}
	pds, err := c.endpoint(context.Background(), did)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.listRecords(context.Background(), pds, did, collectionPost, "", 10)
	if !errors.Is(err, netguard.ErrForbidden) {
		t.Errorf("got %v, want ErrForbidden", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback PDS was reached %d times", n)
	}
}
