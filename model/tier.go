package model

import "fmt"

// Tier is how far a feed trusts an author. The zero value is an author who
// is not listed.
type Tier uint8

// The author tiers.
const (
	// TierNone is an unlisted author: their posts need a strong signal,
	// and their reposts never enter.
	TierNone Tier = iota
	// TierAll is a regional newsroom: every top-level post is in; replies
	// are judged as an expert's; every repost enters a feed that takes
	// reposts.
	TierAll
	// TierExpert needs only a weak topic signal, their replies in a
	// thread whose root is in the feed stay with it, and their reposts of
	// posts already in the feed enter it.
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

// Listed reports whether the author is on the feed's list, in any tier.
func (t Tier) Listed() bool { return t != TierNone }

// Curated reports whether the author is trusted on the topic: tier all or
// expert.
func (t Tier) Curated() bool { return t == TierAll || t == TierExpert }

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

// MarshalText implements encoding.TextMarshaler. Stored records and the
// admin API carry tiers by name.
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
