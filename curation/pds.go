package curation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/netguard"
)

// maxPDSResponse bounds one response from a PDS: a page of 100 records is
// well under it.
const maxPDSResponse = 8 << 20

// pdsClient reads records from the PDS that hosts a repository, found
// through the account's DID document.
type pdsClient struct {
	http *http.Client
	dir  identity.Directory
}

// errRecordNotFound means the PDS has no such record.
var errRecordNotFound = errors.New("record not found")

// endpoint returns the PDS of did.
func (c *pdsClient) endpoint(ctx context.Context, did syntax.DID) (string, error) {
	ident, err := c.dir.LookupDID(ctx, did)
	if errors.Is(err, identity.ErrDIDNotFound) {
		return "", &Error{Kind: KindInvalid, Name: "UnknownDID", Message: fmt.Sprintf("no account has the DID %s", did), Err: err}
	}
	if err != nil {
		return "", upstream("ResolutionFailed", fmt.Sprintf("could not resolve %s", did), err)
	}
	return c.endpointOf(ident)
}

// endpointOf is the PDS an identity names.
func (c *pdsClient) endpointOf(ident *identity.Identity) (string, error) {
	pds := ident.PDSEndpoint()
	u, err := url.Parse(pds)
	if pds == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", upstream("NoPDS", fmt.Sprintf("the DID document of %s names no usable PDS", ident.DID), nil)
	}
	return strings.TrimSuffix(pds, "/"), nil
}

// getBlob reads a blob of repo, of at most max bytes.
func (c *pdsClient) getBlob(ctx context.Context, pds string, repo syntax.DID, cid string, max int64) ([]byte, error) {
	q := url.Values{"did": {repo.String()}, "cid": {cid}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pds+"/xrpc/com.atproto.sync.getBlob?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("getBlob at %s: %w", pds, netguard.Diagnose(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("getBlob at %s: HTTP %d", pds, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("getBlob at %s: %w", pds, netguard.Diagnose(err))
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("getBlob at %s: blob larger than %d bytes", pds, max)
	}
	return b, nil
}

// listedRecord is one record of a com.atproto.repo.listRecords page.
type listedRecord struct {
	URI   string          `json:"uri"`
	CID   string          `json:"cid"`
	Value json.RawMessage `json:"value"`
}

type listRecordsOutput struct {
	Cursor  string         `json:"cursor"`
	Records []listedRecord `json:"records"`
}

// listRecords reads one page of a collection, newest record key first.
func (c *pdsClient) listRecords(ctx context.Context, pds string, repo syntax.DID, collection, cursor string, limit int) (*listRecordsOutput, error) {
	q := url.Values{"repo": {repo.String()}, "collection": {collection}, "limit": {strconv.Itoa(limit)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	var out listRecordsOutput
	if err := c.get(ctx, pds, "com.atproto.repo.listRecords", q, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

type getRecordOutput struct {
	URI   string          `json:"uri"`
	CID   string          `json:"cid"`
	Value json.RawMessage `json:"value"`
}

// getRecord reads one record; errRecordNotFound if the PDS has none.
func (c *pdsClient) getRecord(ctx context.Context, pds string, uri syntax.ATURI) (*getRecordOutput, error) {
	did, err := uri.Authority().AsDID()
	if err != nil {
		return nil, fmt.Errorf("get record %s: %w", uri, err)
	}
	q := url.Values{"repo": {did.String()}, "collection": {uri.Collection().String()}, "rkey": {uri.RecordKey().String()}}
	var out getRecordOutput
	if err := c.get(ctx, pds, "com.atproto.repo.getRecord", q, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// xrpcFailure is an XRPC error answer.
type xrpcFailure struct {
	Status  int
	Name    string `json:"error"`
	Message string `json:"message"`
}

func (e *xrpcFailure) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("HTTP %d %s", e.Status, e.Name)
	}
	return fmt.Sprintf("HTTP %d %s: %s", e.Status, e.Name, e.Message)
}

func (c *pdsClient) get(ctx context.Context, pds, method string, q url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pds+"/xrpc/"+method+"?"+q.Encode(), nil)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s at %s: %w", method, pds, netguard.Diagnose(err))
	}
	defer resp.Body.Close()
	body := io.LimitReader(resp.Body, maxPDSResponse)
	if resp.StatusCode != http.StatusOK {
		f := &xrpcFailure{Status: resp.StatusCode}
		_ = json.NewDecoder(body).Decode(f)
		if f.Name == "RecordNotFound" || (resp.StatusCode == http.StatusNotFound && method == "com.atproto.repo.getRecord") {
			return errRecordNotFound
		}
		return fmt.Errorf("%s at %s: %w", method, pds, f)
	}
	if err := json.NewDecoder(body).Decode(out); err != nil {
		return fmt.Errorf("%s at %s: decode: %w", method, pds, err)
	}
	return nil
}
