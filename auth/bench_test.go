package auth

import (
	"context"
	"testing"
	"time"
)

// BenchmarkVerify measures one Verify on the hot paths: a valid token with its issuer cached,
// a token rejected by the early checks, and a forged signature once the refresh is spent.
func BenchmarkVerify(b *testing.B) {
	f := newFixture(b, nil)
	now := f.clock.Now()
	k256 := addIssuer(b, f.dir, "did:plc:k256viewer00000000000000", "ES256K")
	p256 := addIssuer(b, f.dir, "did:plc:p256viewer00000000000000", "ES256")
	long := func(iss issuer, alg string, edit func(map[string]any)) string {
		c := claims(iss.did, now)
		c["exp"] = now.Add(time.Hour).Unix()
		edit(c)
		return "Bearer " + signToken(b, alg, c, iss.priv)
	}
	forger := issuer{did: k256.did, priv: newKey(b, "ES256K")}
	cases := []struct {
		name, header string
		wantErr      bool
	}{
		{"valid_ES256K", long(k256, "ES256K", func(map[string]any) {}), false},
		{"valid_ES256", long(p256, "ES256", func(map[string]any) {}), false},
		{"wrong_audience", long(k256, "ES256K", func(c map[string]any) { c["aud"] = "did:web:api.bsky.app" }), true},
		{"bad_signature", long(forger, "ES256K", func(map[string]any) {}), true},
		{"no_token", "", true},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				_, err := f.v.Verify(ctx, tc.header, LXMGetFeedSkeleton)
				if (err != nil) != tc.wantErr {
					b.Fatalf("got %v, want error: %v", err, tc.wantErr)
				}
			}
		})
	}
}
