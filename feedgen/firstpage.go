package feedgen

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

const (
	headerETag        = "ETag"
	headerIfNoneMatch = "If-None-Match"
)

// firstPages keeps the first page of each feed encoded, per limit a
// client asked for, so that the page most requests ask for is a
// map look-up and a copy. A page is kept with the feed's version
// (store.FeedVersion) read before the feed was, and the pins it was made
// with; it serves while both are still the feed's. Every commit that
// changes a feed (a post in or out, a block, an account gone, retention)
// moves the version on before the commit returns, so the next request
// after it reads the feed again: no page is older than the last commit.
// A feed by engagement's page is kept with the ranking snapshot it was
// read from too, and replaced with the snapshot.
//
// Only pages no viewer shaped are kept: a viewer who asked to see less of
// something, or whose languages filter or order the page, is served by
// the ordinary path. Memory is bounded by feeds x 100 limits x one page
// (at most about 20 KB), a few MB at worst; in practice clients use one
// or two limits.
type firstPages struct {
	mu    sync.RWMutex
	pages map[firstKey]*firstPage
	// etags are the prefix of this process, so that a tag is never
	// reused after a restart, and a counter.
	etagPrefix string
	n          atomic.Uint64
}

type firstKey struct {
	feed  string
	limit int
}

type firstPage struct {
	version uint64
	// snap is the ranking snapshot of a feed by engagement (its ID).
	snap int64
	pins []string
	// head is the response body up to the reqId: `{"cursor":…,"feed":[…]`.
	head []byte
	// etag is a weak entity tag naming this page's content.
	etag string
}

func newFirstPages() *firstPages {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return &firstPages{pages: map[firstKey]*firstPage{}, etagPrefix: `W/"` + hex.EncodeToString(b[:]) + "-"}
}

// get returns the kept page of key if it was made at version, from
// snapshot snap (0 for a newest-first feed), with pins.
func (f *firstPages) get(key firstKey, version uint64, snap int64, pins []string) *firstPage {
	f.mu.RLock()
	pg := f.pages[key]
	f.mu.RUnlock()
	if pg == nil || pg.version != version || pg.snap != snap || !slices.Equal(pg.pins, pins) {
		return nil
	}
	return pg
}

// put keeps a page of key read at version from snapshot snap with pins,
// and returns it.
func (f *firstPages) put(key firstKey, version uint64, snap int64, pins []string, head []byte) *firstPage {
	pg := &firstPage{
		version: version,
		snap:    snap,
		pins:    slices.Clone(pins),
		head:    slices.Clone(head),
		etag:    f.etagPrefix + strconv.FormatUint(f.n.Add(1), 36) + `"`,
	}
	f.mu.Lock()
	if old := f.pages[key]; old == nil || old.version < version || old.version == version && old.snap <= snap {
		f.pages[key] = pg
	}
	f.mu.Unlock()
	return pg
}

// notModified reports whether the request's If-None-Match names etag
// (RFC 9110 section 13.1.2: weak comparison, a list, or "*").
func notModified(r *http.Request, etag string) bool {
	inm := r.Header.Get(headerIfNoneMatch)
	if inm == "" {
		return false
	}
	weak := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == weak {
			return true
		}
	}
	return false
}
