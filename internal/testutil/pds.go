package testutil

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
)

// FakePDS is a PDS on 127.0.0.1 answering the XRPC methods feedgen calls,
// as the reference PDS does: anyone may read records (listRecords, newest
// record key first, and getRecord); an account logged in with its
// password (createSession) may upload blobs and put and delete records in
// its own repository, with compare-and-swap on a record's CID. It resolves
// its accounts' handles (resolveHandle) and serves blobs (getBlob).
type FakePDS struct {
	// URL is the PDS's base URL.
	URL string

	mu       sync.Mutex
	repos    map[string]map[string]map[string]StoredRecord // DID -> collection -> rkey
	accounts map[string]fakeAccount                        // DID -> account
	blobs    map[string]string                             // CID -> content type
	blobData map[string][]byte                             // CID -> bytes
	calls    []string
	puts     []map[string]json.RawMessage
	failing  bool
}

// StoredRecord is a record the fake holds.
type StoredRecord struct {
	CID   string
	Value json.RawMessage
}

type fakeAccount struct{ handle, password string }

// NewFakePDS starts a fake PDS, stopped when the test ends.
func NewFakePDS(tb testing.TB) *FakePDS {
	p := &FakePDS{repos: map[string]map[string]map[string]StoredRecord{}, accounts: map[string]fakeAccount{}, blobs: map[string]string{}, blobData: map[string][]byte{}}
	srv := httptest.NewServer(http.HandlerFunc(p.serve))
	tb.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

// RawCID is the CID of data as a raw block.
func RawCID(data []byte) string {
	c, err := cid.NewPrefixV1(cid.Raw, multihash.SHA2_256).Sum(data)
	if err != nil {
		panic(err)
	}
	return c.String()
}

// AddAccount lets did log in with handle (or its DID) and password.
func (p *FakePDS) AddAccount(did, handle, password string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.accounts[did] = fakeAccount{handle, password}
}

// Put stores a record (value marshalled as JSON) and returns its CID.
func (p *FakePDS) Put(did, collection, rkey string, value any) string {
	b, err := json.Marshal(value)
	if err != nil {
		panic(err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.put(did, collection, rkey, b)
}

func (p *FakePDS) put(did, collection, rkey string, value json.RawMessage) string {
	if p.repos[did] == nil {
		p.repos[did] = map[string]map[string]StoredRecord{}
	}
	if p.repos[did][collection] == nil {
		p.repos[did][collection] = map[string]StoredRecord{}
	}
	c := RawCID(value)
	p.repos[did][collection][rkey] = StoredRecord{CID: c, Value: value}
	return c
}

// Delete removes a record.
func (p *FakePDS) Delete(did, collection, rkey string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.repos[did][collection], rkey)
}

// Records returns a copy of a collection's records, by record key.
func (p *FakePDS) Records(did, collection string) map[string]StoredRecord {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]StoredRecord{}
	for k, v := range p.repos[did][collection] {
		out[k] = v
	}
	return out
}

// PutBlob stores a blob, as an upload by its owner would, and returns its
// CID; com.atproto.sync.getBlob serves it.
func (p *FakePDS) PutBlob(data []byte, contentType string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := RawCID(data)
	p.blobs[c], p.blobData[c] = contentType, data
	return c
}

// Blob returns the content type of an uploaded blob, "" if none has the
// CID.
func (p *FakePDS) Blob(cid string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.blobs[cid]
}

// SetFailing makes every call fail with 503 until it is set back.
func (p *FakePDS) SetFailing(f bool) {
	p.mu.Lock()
	p.failing = f
	p.mu.Unlock()
}

// Calls returns the XRPC methods called so far, in order.
func (p *FakePDS) Calls() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.calls)
}

// CallCount is how many times method was called.
func (p *FakePDS) CallCount(method string) int {
	n := 0
	for _, c := range p.Calls() {
		if c == method {
			n++
		}
	}
	return n
}

// Puts returns the bodies of the putRecord calls so far.
func (p *FakePDS) Puts() []map[string]json.RawMessage {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.puts)
}

// XRPCError writes an XRPC error response.
func XRPCError(w http.ResponseWriter, code int, name, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": name, "message": msg})
}

func (p *FakePDS) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	method := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	p.calls = append(p.calls, method)
	if p.failing {
		XRPCError(w, http.StatusServiceUnavailable, "Unavailable", "down for maintenance")
		return
	}
	q := r.URL.Query()
	// The account a write acts for, from its session token.
	actor := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer access-")
	if _, ok := p.accounts[actor]; !ok {
		actor = ""
	}
	switch method {
	case "com.atproto.repo.listRecords":
		p.listRecords(w, q)
		return
	case "com.atproto.repo.getRecord":
		rec, ok := p.repos[q.Get("repo")][q.Get("collection")][q.Get("rkey")]
		if !ok {
			XRPCError(w, 400, "RecordNotFound", "Could not locate record")
			return
		}
		writeJSON(w, map[string]any{"uri": "at://" + q.Get("repo") + "/" + q.Get("collection") + "/" + q.Get("rkey"), "cid": rec.CID, "value": rec.Value})
		return
	case "com.atproto.identity.resolveHandle":
		for did, a := range p.accounts {
			if a.handle == q.Get("handle") {
				writeJSON(w, map[string]string{"did": did})
				return
			}
		}
		XRPCError(w, 400, "InvalidRequest", "Unable to resolve handle")
		return
	case "com.atproto.sync.getBlob":
		data, ok := p.blobData[q.Get("cid")]
		if !ok {
			XRPCError(w, 400, "BlobNotFound", "Blob not found")
			return
		}
		w.Header().Set("Content-Type", p.blobs[q.Get("cid")])
		w.Write(data)
		return
	case "com.atproto.server.createSession":
		var in struct{ Identifier, Password string }
		json.NewDecoder(r.Body).Decode(&in)
		for did, a := range p.accounts {
			if (in.Identifier == did || in.Identifier == a.handle) && in.Password == a.password {
				writeJSON(w, map[string]any{"accessJwt": "access-" + did, "refreshJwt": "refresh", "handle": a.handle, "did": did, "active": true})
				return
			}
		}
		XRPCError(w, 401, "AuthenticationRequired", "Invalid identifier or password")
		return
	}
	if actor == "" {
		XRPCError(w, 401, "AuthenticationRequired", "bad token")
		return
	}
	switch method {
	case "com.atproto.repo.uploadBlob":
		data, _ := io.ReadAll(r.Body)
		c := RawCID(data)
		p.blobs[c], p.blobData[c] = r.Header.Get("Content-Type"), data
		writeJSON(w, map[string]any{"blob": map[string]any{"$type": "blob", "ref": map[string]string{"$link": c}, "mimeType": r.Header.Get("Content-Type"), "size": len(data)}})
	case "com.atproto.repo.putRecord":
		p.putRecord(w, r, actor)
	case "com.atproto.repo.deleteRecord":
		var in struct{ Repo, Collection, Rkey string }
		json.NewDecoder(r.Body).Decode(&in)
		if in.Repo != actor {
			XRPCError(w, 403, "InvalidRequest", "not your repo")
			return
		}
		delete(p.repos[in.Repo][in.Collection], in.Rkey)
		w.Write([]byte("{}"))
	default:
		XRPCError(w, 404, "MethodNotImplemented", method)
	}
}

func (p *FakePDS) listRecords(w http.ResponseWriter, q map[string][]string) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	limit := 50
	if l := get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 100 {
			XRPCError(w, 400, "InvalidRequest", "bad limit")
			return
		}
		limit = n
	}
	recs := p.repos[get("repo")][get("collection")]
	rkeys := make([]string, 0, len(recs))
	for k := range recs {
		if c := get("cursor"); c == "" || k < c {
			rkeys = append(rkeys, k)
		}
	}
	// Newest record key first, as a PDS lists by default.
	slices.Sort(rkeys)
	slices.Reverse(rkeys)
	if len(rkeys) > limit {
		rkeys = rkeys[:limit]
	}
	type rec struct {
		URI   string          `json:"uri"`
		CID   string          `json:"cid"`
		Value json.RawMessage `json:"value"`
	}
	out := struct {
		Cursor  string `json:"cursor,omitempty"`
		Records []rec  `json:"records"`
	}{Records: []rec{}}
	for _, k := range rkeys {
		out.Records = append(out.Records, rec{URI: "at://" + get("repo") + "/" + get("collection") + "/" + k, CID: recs[k].CID, Value: recs[k].Value})
	}
	if len(rkeys) > 0 {
		out.Cursor = rkeys[len(rkeys)-1]
	}
	writeJSON(w, out)
}

func (p *FakePDS) putRecord(w http.ResponseWriter, r *http.Request, actor string) {
	var in map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		XRPCError(w, 400, "InvalidRequest", err.Error())
		return
	}
	p.puts = append(p.puts, in)
	var repo, collection, rkey string
	json.Unmarshal(in["repo"], &repo)
	json.Unmarshal(in["collection"], &collection)
	json.Unmarshal(in["rkey"], &rkey)
	if repo != actor {
		XRPCError(w, 403, "InvalidRequest", "not your repo")
		return
	}
	cur, exists := p.repos[repo][collection][rkey]
	if swap, ok := in["swapRecord"]; ok {
		var want *string
		json.Unmarshal(swap, &want)
		if (want == nil && exists) || (want != nil && (!exists || *want != cur.CID)) {
			XRPCError(w, 400, "InvalidSwap", "Record was at "+cur.CID)
			return
		}
	}
	var rec struct {
		Avatar *struct {
			Ref struct {
				Link string `json:"$link"`
			} `json:"ref"`
		} `json:"avatar"`
	}
	json.Unmarshal(in["record"], &rec)
	if rec.Avatar != nil && p.blobs[rec.Avatar.Ref.Link] == "" {
		XRPCError(w, 400, "InvalidRequest", "Could not find blob: "+rec.Avatar.Ref.Link)
		return
	}
	c := p.put(repo, collection, rkey, in["record"])
	writeJSON(w, map[string]string{"uri": "at://" + repo + "/" + collection + "/" + rkey, "cid": c})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
