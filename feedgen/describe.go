package feedgen

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/labstack/echo/v4"
)

func (s *Server) describeFeedGenerator(c echo.Context) error {
	out := bsky.FeedDescribeFeedGenerator_Output{
		Did:   s.cfg.ServiceDID.String(),
		Feeds: make([]*bsky.FeedDescribeFeedGenerator_Feed, 0, len(s.cfg.Feeds)),
	}
	for _, f := range s.cfg.Feeds {
		out.Feeds = append(out.Feeds, &bsky.FeedDescribeFeedGenerator_Feed{Uri: f.URI.String()})
	}
	if s.cfg.PrivacyPolicyURL != "" || s.cfg.TermsOfServiceURL != "" {
		out.Links = &bsky.FeedDescribeFeedGenerator_Links{}
		if s.cfg.PrivacyPolicyURL != "" {
			out.Links.PrivacyPolicy = &s.cfg.PrivacyPolicyURL
		}
		if s.cfg.TermsOfServiceURL != "" {
			out.Links.TermsOfService = &s.cfg.TermsOfServiceURL
		}
	}
	return c.JSON(http.StatusOK, &out)
}

// DIDDocument is the did:web document of the service.
type DIDDocument struct {
	Context []string     `json:"@context"`
	ID      string       `json:"id"`
	Service []DIDService `json:"service"`
}

// DIDService is one service entry of a DID document.
type DIDService struct {
	ID              string `json:"id"`
	Type            string `json:"type"`
	ServiceEndpoint string `json:"serviceEndpoint"`
}

// didDocument serves the did:web document when the service DID is
// did:web of our own host name; any other DID is resolved elsewhere
// (PLC), so claiming a document here would be wrong.
func (s *Server) didDocument(c echo.Context) error {
	want := "did:web:" + strings.ReplaceAll(s.cfg.Hostname, ":", "%3A")
	if s.cfg.ServiceDID.String() != want {
		return xrpcError(http.StatusNotFound, "NotFound", "this service's DID is not a did:web of this host")
	}
	return c.JSON(http.StatusOK, DIDDocument{
		Context: []string{"https://www.w3.org/ns/did/v1"},
		ID:      want,
		Service: []DIDService{{ID: "#bsky_fg", Type: "BskyFeedGenerator", ServiceEndpoint: s.cfg.ServiceEndpoint}},
	})
}

type healthResponse struct {
	Status  string         `json:"status"`
	Version string         `json:"version"`
	Checks  map[string]any `json:"checks,omitempty"`
}

// healthCheck answers 200 when every part is healthy and 503 otherwise, so
// a platform health check can restart a stuck machine. It never answers
// 500: details that cannot be written as JSON (a time from a broken stream,
// say) make the answer 503 with a body that says so, and a check that
// panics is unhealthy.
func (s *Server) healthCheck(c echo.Context) error {
	out := healthResponse{Status: "ok", Version: s.cfg.Version}
	code := http.StatusOK
	if len(s.health) > 0 {
		out.Checks = make(map[string]any, len(s.health))
	}
	for name, h := range s.health {
		ok, details := checkHealth(h)
		out.Checks[name] = details
		if !ok {
			out.Status, code = "unhealthy", http.StatusServiceUnavailable
		}
	}
	body, err := json.Marshal(out)
	if err != nil {
		s.log.Error("health details cannot be written as JSON", "err", err)
		body, _ = json.Marshal(healthResponse{Status: "unhealthy", Version: s.cfg.Version,
			Checks: map[string]any{"error": "health details cannot be written as JSON: " + err.Error()}})
		code = http.StatusServiceUnavailable
	}
	return c.JSONBlob(code, body)
}

func checkHealth(h Health) (ok bool, details any) {
	defer func() {
		if r := recover(); r != nil {
			ok, details = false, map[string]string{"error": fmt.Sprintf("health check failed: %v", r)}
		}
	}()
	return h.Health()
}
