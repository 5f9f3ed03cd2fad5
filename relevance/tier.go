package relevance

import "fmt"

// Tier is an author's curation tier. The zero value is an author who is not
// listed.
type Tier uint8

// The curation tiers.
const (
	// TierNone is an unlisted author: their posts need a strong signal.
	TierNone Tier = iota
	// TierAll is a regional newsroom: every top-level post is in; replies
	// are judged as an expert's.
	TierAll
	// TierExpert needs only a weak topic signal, and their replies in a
	// thread whose root is in the feed stay with it.
	TierExpert
	// TierBlocked never enters the feed.
	TierBlocked
)

var tierNames = [...]string{TierNone: "none", TierAll: "all", TierExpert: "expert", TierBlocked: "blocked"}

// String returns the tier's name: "none", "all", "expert" or "blocked".
func (t Tier) String() string {
	if int(t) < len(tierNames) {
		return tierNames[t]
	}
	return fmt.Sprintf("tier(%d)", uint8(t))
}

// ParseTier parses a tier name; "" and "none" are TierNone.
func ParseTier(s string) (Tier, error) {
	if s == "" {
		return TierNone, nil
	}
	for t, n := range tierNames {
		if n == s {
			return Tier(t), nil
		}
	}
	return TierNone, fmt.Errorf("unknown tier %q (want all, expert, blocked or none)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (t Tier) MarshalText() ([]byte, error) {
	if int(t) >= len(tierNames) {
		return nil, fmt.Errorf("invalid tier %d", uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Tier) UnmarshalText(b []byte) error {
	v, err := ParseTier(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
