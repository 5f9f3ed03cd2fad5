package auth

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

const appView = "198.51.100.10" // where real viewers' tokens come from

// randomPLC is a well-formed did:plc that no directory knows.
func randomPLC(r *rand.Rand) syntax.DID {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	b := make([]byte, 24)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return syntax.DID("did:plc:" + string(b))
}

// floodResult is what a simulated minute of flooding did.
type floodResult struct {
	viewers, verified int
	refused           map[Reason]int
	forged            int
	forgedFetches     int
}

// flood runs a simulated attack on f's clock: every 100ms, forgedPerStep tokens with random
// issuers from the attackers' addresses (cycled), then every fifth step one new real viewer
// through the AppView, for steps steps. The attackers go first in each step: the worst case
// for the viewer.
func flood(t *testing.T, f *fixture, attackers []string, forgedPerStep, steps int) floodResult {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	forger := newKey(t, "ES256K")
	res := floodResult{refused: map[Reason]int{}}
	before := f.dir.total()
	next := 0
	// indigo checks iat against the wall clock, which the fake clock leaves behind: sign
	// every token as of the start, valid for the whole simulated run.
	start := f.clock.Now()
	claimsAt := func(iss syntax.DID) map[string]any {
		c := claims(iss, start)
		c["exp"] = start.Add(time.Duration(steps)*100*time.Millisecond + time.Minute).Unix()
		return c
	}
	for step := range steps {
		for range forgedPerStep {
			src := attackers[next%len(attackers)]
			next++
			tok := "Bearer " + signToken(t, "ES256K", claimsAt(randomPLC(r)), forger)
			if _, err := f.v.Verify(WithSource(context.Background(), src), tok, LXMGetFeedSkeleton); err == nil {
				t.Fatal("a forged token verified")
			}
			res.forged++
		}
		if step%5 == 0 {
			viewer := addIssuer(t, f.dir, syntax.DID(fmt.Sprintf("did:plc:realviewer%014d", res.viewers)), "ES256K")
			tok := "Bearer " + signToken(t, "ES256K", claimsAt(viewer.did), viewer.priv)
			res.viewers++
			_, err := f.v.Verify(WithSource(context.Background(), appView), tok, LXMGetFeedSkeleton)
			var ae *Error
			switch {
			case err == nil:
				res.verified++
			case errors.As(err, &ae):
				res.refused[ae.Reason]++
			default:
				t.Fatalf("real viewer: %v", err)
			}
		}
		f.clock.Advance(100 * time.Millisecond)
	}
	res.forgedFetches = f.dir.total() - before - res.verified
	return res
}

func addresses(n int, format string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(format, i/250, i%250+1)
	}
	return out
}

// The attack of issue 9: a steady stream of forged tokens, each naming a random did:plc
// issuer, used to spend the whole identity budget, and new real viewers were then turned
// away as rate_limited. With the budget shared by source address, every real viewer coming
// through the AppView is verified however the attacker spreads the flood.
func TestForgedIssuerFloodLeavesRealViewersVerified(t *testing.T) {
	for _, tc := range []struct {
		name      string
		attackers []string
		// warm: the AppView brought a new viewer before the flood began.
		warm bool
		// proveAttacker: the attacker first proves its one address with a real account.
		proveAttacker bool
	}{
		{name: "one address, from a cold start", attackers: []string{"203.0.113.66"}},
		{name: "one IPv6 site, cycling through its addresses", attackers: addresses(1000, "2001:db8:66:%x::%x")},
		{name: "a thousand addresses", attackers: addresses(1000, "192.0.%d.%d"), warm: true},
		{name: "an address proven with a real account", attackers: []string{"203.0.113.66"}, warm: true, proveAttacker: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, nil) // the defaults: 10 fetches/s, bursts of 50
			if tc.warm {
				v := addIssuer(t, f.dir, "did:plc:firstviewer00000000000000", "ES256K")
				tok := "Bearer " + signToken(t, "ES256K", claims(v.did, f.clock.Now()), v.priv)
				if _, err := f.v.Verify(WithSource(context.Background(), appView), tok, LXMGetFeedSkeleton); err != nil {
					t.Fatalf("first viewer: %v", err)
				}
			}
			if tc.proveAttacker {
				a := addIssuer(t, f.dir, "did:plc:attackersownaccount000000", "ES256K")
				tok := "Bearer " + signToken(t, "ES256K", claims(a.did, f.clock.Now()), a.priv)
				if _, err := f.v.Verify(WithSource(context.Background(), tc.attackers[0]), tok, LXMGetFeedSkeleton); err != nil {
					t.Fatalf("attacker's own account: %v", err)
				}
			}
			// 100 forged tokens a second for 30 seconds; two new viewers a second.
			res := flood(t, f, tc.attackers, 10, 300)
			t.Logf("%d forged tokens caused %d fetches; %d of %d real viewers verified, refused: %v",
				res.forged, res.forgedFetches, res.verified, res.viewers, res.refused)
			if res.verified != res.viewers {
				t.Errorf("got %d of %d real viewers verified during the flood (refused: %v), want all",
					res.verified, res.viewers, res.refused)
			}
			// The forged tokens never get more than the pools open to them: one
			// address its own bucket, many addresses the newcomers' and suspects'
			// shares (5 of the 10 fetches a second, plus their bursts).
			limit := 5 + 30 + badPerGood + 1 // one address: its burst, 1/s, and what a proof buys
			if len(tc.attackers) > 1 {
				limit = 15 + 10 + 30*5
			}
			if res.forgedFetches > limit {
				t.Errorf("forged tokens caused %d fetches in 30s, want at most %d", res.forgedFetches, limit)
			}
		})
	}
}

// Each address pays for its own tokens' fetches: once its bucket is spent, another address is
// still served in the same second.
func TestEachSourcePaysForItsFetches(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.SourceRate, c.SourceBurst = 1, 3 })
	r := rand.New(rand.NewPCG(3, 4))
	forger := newKey(t, "ES256K")
	now := f.clock.Now()
	reasons := map[Reason]int{}
	for range 20 {
		tok := "Bearer " + signToken(t, "ES256K", claims(randomPLC(r), now), forger)
		_, err := f.v.Verify(WithSource(context.Background(), "203.0.113.5"), tok, LXMGetFeedSkeleton)
		var ae *Error
		if !errors.As(err, &ae) {
			t.Fatalf("forged token: %v", err)
		}
		reasons[ae.Reason]++
	}
	// Its own burst of 3, then nothing until the bucket refills.
	if reasons[ReasonUnknownIssuer] != 3 || reasons[ReasonRateLimited] != 17 {
		t.Errorf("got %v for 20 forged tokens from one address, want 3 unknown_issuer and 17 rate_limited", reasons)
	}
	if got := f.counter(t, "feedgen_auth_budget_refusals_total", map[string]string{"pool": poolSource}); got != 17 {
		t.Errorf("got %v refusals by the source's own bucket, want 17", got)
	}
	// Another address, in the same second, is verified.
	v := addIssuer(t, f.dir, "did:plc:viewer0000000000000000000", "ES256K")
	tok := "Bearer " + signToken(t, "ES256K", claims(v.did, now), v.priv)
	if _, err := f.v.Verify(WithSource(context.Background(), appView), tok, LXMGetFeedSkeleton); err != nil {
		t.Errorf("a viewer from another address: %v", err)
	}
}

func TestNormalizeSource(t *testing.T) {
	for in, want := range map[string]string{
		"203.0.113.5":              "203.0.113.5",
		"::ffff:203.0.113.5":       "203.0.113.5",
		"203.0.113.5:443":          "203.0.113.5",
		"2001:db8:1:2:3:4:5:6":     "2001:db8:1::/48",
		"[2001:db8:1:ffff::1]:443": "2001:db8:1::/48",
		"":                         "",
	} {
		if got := normalizeSource(in); got != want {
			t.Errorf("normalizeSource(%q): got %q, want %q", in, got, want)
		}
	}
}
