package main

import (
	"net/http"
	"time"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/internal/netguard"
)

// The outbound HTTP clients. Every fetch feedgen makes because of
// someone else's data (a token's issuer, a DID document's PDS, a Bluesky
// list) goes through internal/netguard: public addresses only unless
// --allow-private-networks, no redirects off the host, capped bodies and
// deadlines. Hosts from our own configuration are trusted by name.

// didClient fetches DID documents: from the PLC directory (trusted) and
// did:web hosts (anyone's).
func didClient(cfg *config.Config) *http.Client {
	return netguard.New(netguard.Options{
		Timeout:      10 * time.Second,
		MaxBody:      netguard.DIDDocumentMax,
		AllowPrivate: cfg.AllowPrivateNetworks,
		Trusted:      []string{netguard.HostPort(cfg.PLCURL)},
	})
}

// pdsClient reads records from PDSes named by DID documents, for list
// sync, backfill and the curators' look-ups; trusted are our own.
func pdsClient(cfg *config.Config, timeout time.Duration, trusted ...string) *http.Client {
	return netguard.New(netguard.Options{
		Timeout:      timeout,
		MaxBody:      netguard.PDSResponseMax,
		AllowPrivate: cfg.AllowPrivateNetworks,
		Trusted:      trusted,
	})
}

// labelerClient dials the labelers' streams, at the endpoints their DID
// documents name (anyone's). The deadline bounds the handshake; the stream
// itself is watched by the indexer.
func labelerClient(cfg *config.Config) *http.Client {
	return netguard.New(netguard.Options{
		Timeout:      10 * time.Second,
		MaxBody:      64 << 10,
		AllowPrivate: cfg.AllowPrivateNetworks,
	})
}
