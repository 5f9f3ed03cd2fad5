package store

import (
	"errors"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

var bucketProfiles = []byte("profiles")

// Profile returns the cached profile of did, or ErrNotFound.
func (t *Tx) Profile(did syntax.DID) (*model.Profile, error) {
	var p model.Profile
	ok, err := getJSON(t.tx.Bucket(bucketProfiles), []byte(did), &p)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return &p, nil
}

// PutProfile stores the profile of p.DID, replacing what was there.
func (t *Tx) PutProfile(p *model.Profile) error {
	if p.DID == "" {
		return errors.New("put profile: no DID")
	}
	return t.putJSON(bucketProfiles, []byte(p.DID), p)
}
