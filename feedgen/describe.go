package feedgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
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
	Status HealthStatus `json:"status"`
	// Reason says why the status is not ok: each part's reason, named.
	Reason  string         `json:"reason,omitempty"`
	Version string         `json:"version"`
	Checks  map[string]any `json:"checks,omitempty"`
}

// checkBody is one part's entry in checks: its status and reason, and its
// details' own fields beside them.
type checkBody struct {
	Status HealthStatus `json:"status"`
	Reason string       `json:"reason,omitempty"`
	// Details is the part's own report; a JSON object's fields are put
	// beside status and reason.
	Details any `json:"-"`
}

func (b checkBody) MarshalJSON() ([]byte, error) {
	head, err := json.Marshal(struct {
		Status HealthStatus `json:"status"`
		Reason string       `json:"reason,omitempty"`
	}{b.Status, b.Reason})
	if err != nil || b.Details == nil {
		return head, err
	}
	d, err := json.Marshal(b.Details)
	if err != nil {
		return nil, err
	}
	d = bytes.TrimSpace(d)
	if len(d) < 2 || d[0] != '{' {
		return json.Marshal(struct {
			Status  HealthStatus    `json:"status"`
			Reason  string          `json:"reason,omitempty"`
			Details json.RawMessage `json:"details"`
		}{b.Status, b.Reason, d})
	}
	if len(d) == 2 { // {}
		return head, nil
	}
	return append(append(head[:len(head)-1], ','), d[1:]...), nil
}

// healthCheck answers with the worst status of the parts: 200 for ok and
// degraded (serving, something to look at), 503 for unhealthy, so a
// platform health check can restart a stuck machine. Anything but ok
// comes with a reason. It never answers 500: details that cannot be
// written as JSON (a time from a broken stream, say) make the answer 503
// with a body that says so, and a check that panics is unhealthy.
func (s *Server) healthCheck(c echo.Context) error {
	out := healthResponse{Status: StatusOK, Version: s.cfg.Version}
	if len(s.health) > 0 {
		out.Checks = make(map[string]any, len(s.health))
	}
	names := make([]string, 0, len(s.health))
	for name := range s.health {
		names = append(names, name)
	}
	sort.Strings(names)
	var reasons []string
	for _, name := range names {
		ch := checkHealth(s.health[name])
		if ch.Status == "" {
			ch.Status = StatusOK
		}
		out.Checks[name] = checkBody{Status: ch.Status, Reason: ch.Reason, Details: ch.Details}
		if ch.Status.rank() > out.Status.rank() {
			out.Status = ch.Status
		}
		if ch.Status != StatusOK && ch.Reason != "" {
			reasons = append(reasons, name+": "+ch.Reason)
		}
	}
	out.Reason = strings.Join(reasons, "; ")
	code := http.StatusOK
	if out.Status == StatusUnhealthy {
		code = http.StatusServiceUnavailable
	}
	body, err := json.Marshal(out)
	if err != nil {
		s.log.Error("health details cannot be written as JSON", "err", err)
		msg := "health details cannot be written as JSON: " + err.Error()
		body, _ = json.Marshal(healthResponse{Status: StatusUnhealthy, Reason: msg, Version: s.cfg.Version,
			Checks: map[string]any{"error": msg}})
		code = http.StatusServiceUnavailable
	}
	return c.JSONBlob(code, body)
}

func checkHealth(h Health) (c Check) {
	defer func() {
		if r := recover(); r != nil {
			c = Check{Status: StatusUnhealthy, Reason: fmt.Sprintf("health check failed: %v", r)}
		}
	}()
	return h.Health()
}
