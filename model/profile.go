package model

import "github.com/bluesky-social/indigo/atproto/syntax"

// Profile is who an account is, for people to read: its handle, display
// name and avatar, as last resolved (the identity directory for the
// handle, the account's app.bsky.actor.profile/self record for the rest).
// It is a cache: kept to spare the network, refreshed when old.
type Profile struct {
	DID syntax.DID `json:"did"`
	// Handle is the handle the DID document declares and DNS or HTTPS
	// confirms; "" when it does not verify.
	Handle      string `json:"handle,omitempty"`
	DisplayName string `json:"displayName,omitempty"`
	// Avatar is a small JPEG made from the avatar blob, and AvatarCID the
	// blob it was made from (a new CID means a new avatar).
	Avatar    []byte `json:"avatar,omitempty"`
	AvatarCID string `json:"avatarCid,omitempty"`
	// FetchedUS is when it was last resolved, or tried.
	FetchedUS int64 `json:"fetchedUs"`
	// Error says why the last try failed; what was known before is kept.
	Error string `json:"error,omitempty"`
}
