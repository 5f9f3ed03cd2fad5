package indexer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// The syntax package checks record keys, CIDs and NSIDs with regular
// expressions, which cost more than the rest of decoding an event. These
// hand-written checks accept exactly what its expressions accept; the
// fuzz target and TestFastSyntaxAgrees hold them to that.

func parseRecordKey(raw string) (syntax.RecordKey, error) {
	if raw == "" || len(raw) > 512 || raw == "." || raw == ".." {
		return syntax.ParseRecordKey(raw)
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !(isAlnum(c) || c == '_' || c == '~' || c == '.' || c == ':' || c == '-') {
			return "", errors.New("recordkey syntax didn't validate")
		}
	}
	return syntax.RecordKey(raw), nil
}

func parseCID(raw string) (syntax.CID, error) {
	if len(raw) < 8 || len(raw) > 256 || strings.HasPrefix(raw, "Qmb") {
		return syntax.ParseCID(raw)
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !(isAlnum(c) || c == '+' || c == '=') {
			return "", errors.New("CID syntax didn't validate")
		}
	}
	return syntax.CID(raw), nil
}

// knownNSIDs are the collections that make up nearly all of the stream;
// they are valid NSIDs, so they skip the check.
var knownNSIDs = map[string]syntax.NSID{
	CollectionPost:                CollectionPost,
	CollectionRepost:              CollectionRepost,
	CollectionListItem:            CollectionListItem,
	"app.bsky.feed.like":          "app.bsky.feed.like",
	"app.bsky.graph.follow":       "app.bsky.graph.follow",
	"app.bsky.graph.block":        "app.bsky.graph.block",
	"app.bsky.actor.profile":      "app.bsky.actor.profile",
	"app.bsky.feed.threadgate":    "app.bsky.feed.threadgate",
	"app.bsky.feed.postgate":      "app.bsky.feed.postgate",
	"app.bsky.graph.list":         "app.bsky.graph.list",
	"app.bsky.feed.generator":     "app.bsky.feed.generator",
	"chat.bsky.actor.declaration": "chat.bsky.actor.declaration",
}

func parseNSID(raw string) (syntax.NSID, error) {
	if n, ok := knownNSIDs[raw]; ok {
		return n, nil
	}
	return syntax.ParseNSID(raw)
}

func isAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// parsePostURI parses the AT-URI of a post. Nearly every one is
// at://did:plc:<24 characters>/app.bsky.feed.post/<rkey>, which is checked
// by hand; anything else goes through the syntax package, which costs tens
// of microseconds.
func parsePostURI(raw string) (syntax.ATURI, error) {
	const prefix, coll = "at://did:plc:", "/" + CollectionPost + "/"
	if len(raw) > len(prefix)+24+len(coll) && raw[:len(prefix)] == prefix && raw[len(prefix)+24:len(prefix)+24+len(coll)] == coll {
		plc := raw[len(prefix) : len(prefix)+24]
		ok := true
		for i := 0; i < len(plc) && ok; i++ {
			ok = isAlnum(plc[i])
		}
		if ok {
			if _, err := parseRecordKey(raw[len(prefix)+24+len(coll):]); err == nil {
				return syntax.ATURI(raw), nil
			}
		}
	}
	u, err := syntax.ParseATURI(raw)
	if err != nil {
		return "", err
	}
	if u.Collection().String() != CollectionPost || u.RecordKey() == "" {
		return "", fmt.Errorf("%q is not a post", raw)
	}
	return u, nil
}
