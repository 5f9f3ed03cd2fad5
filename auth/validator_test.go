package auth

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	atauth "github.com/bluesky-social/indigo/atproto/auth"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/prometheus/client_golang/prometheus"
)

func TestVerify(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Leeway = 10 * time.Second })
	now := f.clock.Now()
	k256 := addIssuer(t, f.dir, "did:plc:k256viewer00000000000000", "ES256K")
	p256 := addIssuer(t, f.dir, "did:plc:p256viewer00000000000000", "ES256")
	webViewer := addIssuer(t, f.dir, "did:web:viewer.example.com", "ES256K")
	otherK256 := newKey(t, "ES256K")
	otherP256 := newKey(t, "ES256")
	stranger := issuer{did: "did:plc:notinthedirectory00000000", priv: newKey(t, "ES256K")}
	keyless := issuer{did: "did:plc:nokeyinthedocument00000000", priv: newKey(t, "ES256K")}
	f.dir.Insert(identity.Identity{DID: keyless.did, Handle: syntax.HandleInvalid})

	lxm := LXMGetFeedSkeleton
	getFeed := syntax.NSID("app.bsky.feed.getFeed")
	indigoSigned := func(iss issuer, aud string, ttl time.Duration, lxm *syntax.NSID) string {
		t.Helper()
		tok, err := atauth.SignServiceAuth(iss.did, aud, ttl, lxm, iss.priv)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	edited := func(iss issuer, alg string, edit func(map[string]any)) string {
		c := claims(iss.did, now)
		edit(c)
		return signToken(t, alg, c, iss.priv)
	}
	valid := indigoSigned(k256, serviceDID.String(), time.Minute, &lxm)
	parts := strings.Split(valid, ".")

	// alg "none": a header and payload with an empty signature.
	none := b64json(t, map[string]any{"alg": "none", "typ": "JWT"}) + "." + b64json(t, claims(k256.did, now)) + "."
	// HS256 keyed with the issuer's public key bytes: the classic algorithm-confusion forgery.
	hs256 := func() string {
		pub, err := k256.priv.PublicKey()
		if err != nil {
			t.Fatal(err)
		}
		signing := b64json(t, map[string]any{"alg": "HS256", "typ": "JWT"}) + "." + b64json(t, claims(k256.did, now))
		mac := hmac.New(sha256.New, pub.Bytes())
		mac.Write([]byte(signing))
		return signing + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	}()
	// A valid token whose payload was changed after signing (another jti).
	tampered := func() string {
		c := claims(k256.did, now)
		c["jti"] = "somethingelse000"
		return parts[0] + "." + b64json(t, c) + "." + parts[2]
	}()

	tests := []struct {
		name   string
		header string
		want   syntax.DID // when the token verifies
		reason Reason     // when it is rejected; "" with want "" means no token
	}{
		{name: "valid ES256K from indigo", header: "Bearer " + valid, want: k256.did},
		{name: "valid ES256 from indigo", header: "Bearer " + indigoSigned(p256, serviceDID.String(), time.Minute, &lxm), want: p256.did},
		{name: "valid did:web viewer", header: "Bearer " + indigoSigned(webViewer, serviceDID.String(), time.Minute, &lxm), want: webViewer.did},
		{name: "scheme is case-insensitive", header: "bearer " + valid, want: k256.did},
		{name: "no token", header: ""},

		{name: "wrong audience (minted for the AppView)", header: "Bearer " + indigoSigned(k256, "did:web:api.bsky.app", time.Minute, &lxm), reason: ReasonWrongAudience},
		{name: "audience with service fragment", header: "Bearer " + indigoSigned(k256, serviceDID.String()+"#bsky_fg", time.Minute, &lxm), reason: ReasonWrongAudience},
		{name: "no audience", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) { delete(c, "aud") }), reason: ReasonWrongAudience},
		{name: "expired", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["iat"] = now.Add(-2 * time.Minute).Unix()
			c["exp"] = now.Add(-time.Minute).Unix()
		}), reason: ReasonExpired},
		{name: "expired within leeway", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["iat"] = now.Add(-time.Minute).Unix()
			c["exp"] = now.Add(-3 * time.Second).Unix()
		}), want: k256.did},
		{name: "exp too far ahead", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["exp"] = now.Add(24 * time.Hour).Unix()
		}), reason: ReasonExpTooFar},
		{name: "exp an hour ahead (PDS maximum)", header: "Bearer " + indigoSigned(k256, serviceDID.String(), time.Hour, &lxm), want: k256.did},
		{name: "future iat", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["iat"] = now.Add(5 * time.Minute).Unix()
			c["exp"] = now.Add(6 * time.Minute).Unix()
		}), reason: ReasonFutureIAT},
		{name: "iat ahead within leeway", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["iat"] = now.Add(3 * time.Second).Unix()
		}), want: k256.did},
		{name: "no iat is allowed", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) { delete(c, "iat") }), want: k256.did},
		{name: "nbf in the future", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["nbf"] = now.Add(time.Minute).Unix()
		}), reason: ReasonNotYetValid},
		{name: "missing exp", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) { delete(c, "exp") }), reason: ReasonMissingExp},
		{name: "exp is a string", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) { c["exp"] = "tomorrow" }), reason: ReasonMalformed},
		{name: "wrong lxm", header: "Bearer " + indigoSigned(k256, serviceDID.String(), time.Minute, &getFeed), reason: ReasonWrongLXM},
		{name: "missing lxm", header: "Bearer " + indigoSigned(k256, serviceDID.String(), time.Minute, nil), reason: ReasonMissingLXM},

		{name: "signed by another key", header: "Bearer " + signToken(t, "ES256K", claims(k256.did, now), otherK256), reason: ReasonBadSignature},
		{name: "signed by another curve", header: "Bearer " + signToken(t, "ES256", claims(k256.did, now), otherP256), reason: ReasonBadSignature},
		{name: "P-256 issuer, forged with secp256k1", header: "Bearer " + signToken(t, "ES256K", claims(p256.did, now), otherK256), reason: ReasonBadSignature},
		{name: "payload changed after signing", header: "Bearer " + tampered, reason: ReasonBadSignature},
		{name: "alg none", header: "Bearer " + none, reason: ReasonBadAlgorithm},
		{name: "HS256 with the public key as secret", header: "Bearer " + hs256, reason: ReasonBadAlgorithm},
		{name: "alg unknown to the jwt library", header: "Bearer " + edited(k256, "XS999", func(map[string]any) {}), reason: ReasonBadAlgorithm},
		{name: "OAuth access token type", header: "Bearer " + signTokenHeader(t, map[string]any{"typ": "at+jwt", "alg": "ES256K"}, claims(k256.did, now), k256.priv), reason: ReasonWrongType},
		{name: "DPoP proof type", header: "Bearer " + signTokenHeader(t, map[string]any{"typ": "application/dpop+jwt", "alg": "ES256K"}, claims(k256.did, now), k256.priv), reason: ReasonWrongType},

		{name: "unknown issuer", header: "Bearer " + edited(stranger, "ES256K", func(map[string]any) {}), reason: ReasonUnknownIssuer},
		{name: "issuer without atproto key", header: "Bearer " + edited(keyless, "ES256K", func(map[string]any) {}), reason: ReasonNoIssuerKey},
		{name: "issuer is did:key", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) {
			c["iss"] = "did:key:zQ3shscXNYZQZSPwegiv7uQZZV5kzATLBRtgJhs7uRY7pfSk4"
		}), reason: ReasonBadIssuer},
		{name: "issuer is a handle", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) { c["iss"] = "alice.bsky.social" }), reason: ReasonBadIssuer},
		{name: "no issuer", header: "Bearer " + edited(k256, "ES256K", func(c map[string]any) { delete(c, "iss") }), reason: ReasonBadIssuer},

		{name: "Bearer missing", header: valid, reason: ReasonMalformed},
		{name: "Basic scheme", header: "Basic dXNlcjpwYXNz", reason: ReasonMalformed},
		{name: "DPoP scheme", header: "DPoP " + valid, reason: ReasonMalformed},
		{name: "Bearer without token", header: "Bearer ", reason: ReasonMalformed},
		{name: "truncated token", header: "Bearer " + valid[:len(valid)-10], reason: ReasonMalformed},
		{name: "signature cut off", header: "Bearer " + parts[0] + "." + parts[1] + ".", reason: ReasonMalformed},
		{name: "two segments", header: "Bearer " + parts[0] + "." + parts[1], reason: ReasonMalformed},
		{name: "four segments", header: "Bearer " + valid + ".x", reason: ReasonMalformed},
		{name: "garbage", header: "Bearer garbage", reason: ReasonMalformed},
		{name: "dots only", header: "Bearer ..", reason: ReasonMalformed},
		{name: "not base64", header: "Bearer !!!.@@@.###", reason: ReasonMalformed},
		{name: "base64 but not JSON", header: "Bearer aGVsbG8.d29ybGQ.c2ln", reason: ReasonMalformed},
		{name: "JSON array payload", header: "Bearer " + parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(`[1,2]`)) + "." + parts[2], reason: ReasonMalformed},
		{name: "huge junk", header: "Bearer " + strings.Repeat("A", 64<<10), reason: ReasonMalformed},
		{name: "two headers combined", header: "Bearer " + valid + ", Bearer " + valid, reason: ReasonMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.v.Verify(context.Background(), tc.header, LXMGetFeedSkeleton)
			switch {
			case tc.want != "":
				if err != nil || got != tc.want {
					t.Fatalf("got (%q, %v), want (%q, nil)", got, err, tc.want)
				}
			case tc.reason == "":
				if !errors.Is(err, ErrNoToken) || got != "" {
					t.Fatalf("got (%q, %v), want ErrNoToken", got, err)
				}
			default:
				var ae *Error
				if !errors.As(err, &ae) {
					t.Fatalf("got (%q, %v), want *Error with reason %s", got, err, tc.reason)
				}
				if ae.Reason != tc.reason {
					t.Errorf("got reason %s (%v), want %s", ae.Reason, err, tc.reason)
				}
				if got != "" {
					t.Errorf("got viewer %q for a rejected token, want none", got)
				}
			}
		})
	}

	// Every call is counted once, by outcome.
	var verified, anonymous, rejected float64
	for _, tc := range tests {
		switch {
		case tc.want != "":
			verified++
		case tc.reason == "":
			anonymous++
		default:
			rejected++
		}
	}
	count := func(result string) float64 {
		return f.counter(t, "feedgen_auth_tokens_total", map[string]string{"lxm": lxm.String(), "result": result})
	}
	sumRejected := 0.0
	for _, r := range []Reason{ReasonMalformed, ReasonWrongType, ReasonBadAlgorithm, ReasonBadIssuer,
		ReasonWrongAudience, ReasonMissingLXM, ReasonWrongLXM, ReasonMissingExp, ReasonExpired,
		ReasonExpTooFar, ReasonFutureIAT, ReasonNotYetValid, ReasonUnknownIssuer, ReasonNoIssuerKey, ReasonBadSignature,
		ReasonRateLimited, ReasonResolutionFailed, ReasonInvalid} {
		sumRejected += f.rejected(t, r)
	}
	if got := count("verified"); got != verified {
		t.Errorf("got %v verified in the metric, want %v", got, verified)
	}
	if got := count("anonymous"); got != anonymous {
		t.Errorf("got %v anonymous in the metric, want %v", got, anonymous)
	}
	if sumRejected != rejected {
		t.Errorf("got %v rejected in the metric, want %v", sumRejected, rejected)
	}
	if got := f.rejected(t, ReasonWrongAudience); got != 3 {
		t.Errorf("got %v wrong_audience rejections, want 3", got)
	}
}

// The claims a token fails on are checked before any DID lookup, so a token that will be
// rejected anyway (the common wrong-audience case included) costs no network at all.
func TestClaimFailuresNeverResolveTheIssuer(t *testing.T) {
	f := newFixture(t, nil)
	now := f.clock.Now()
	viewer := addIssuer(t, f.dir, "did:plc:viewer0000000000000000000", "ES256K")
	forge := func(edit func(map[string]any)) string {
		c := claims(viewer.did, now)
		edit(c)
		return "Bearer " + signToken(t, "ES256K", c, viewer.priv)
	}
	headers := []string{
		forge(func(c map[string]any) { c["aud"] = "did:web:api.bsky.app" }),
		forge(func(c map[string]any) { c["lxm"] = "app.bsky.feed.getFeed" }),
		forge(func(c map[string]any) { delete(c, "lxm") }),
		forge(func(c map[string]any) { c["exp"] = now.Add(-time.Hour).Unix() }),
		forge(func(c map[string]any) { delete(c, "exp") }),
		forge(func(c map[string]any) { c["iat"] = now.Add(time.Hour).Unix() }),
		"Bearer " + signTokenHeader(t, map[string]any{"alg": "HS256"}, claims(viewer.did, now), viewer.priv),
	}
	for range 50 {
		for _, h := range headers {
			if _, err := f.v.Verify(context.Background(), h, LXMGetFeedSkeleton); err == nil {
				t.Fatalf("got a viewer for %q, want a rejection", h)
			}
		}
	}
	if got := f.dir.total(); got != 0 {
		t.Errorf("got %d DID fetches, want 0", got)
	}
}

// The early checks read Config.Now; a token valid by the wall clock but expired by ours is
// rejected, so the clock we are given is honoured and not silently ignored.
func TestConfiguredClockIsUsed(t *testing.T) {
	f := newFixture(t, nil)
	viewer := addIssuer(t, f.dir, "did:plc:viewer0000000000000000000", "ES256K")
	lxm := LXMGetFeedSkeleton
	tok, err := atauth.SignServiceAuth(viewer.did, serviceDID.String(), time.Minute, &lxm, viewer.priv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.v.Verify(context.Background(), "Bearer "+tok, lxm); err != nil {
		t.Fatalf("got %v before advancing the clock, want the token accepted", err)
	}
	f.clock.Advance(2 * time.Minute)
	_, err = f.v.Verify(context.Background(), "Bearer "+tok, lxm)
	var ae *Error
	if !errors.As(err, &ae) || ae.Reason != ReasonExpired {
		t.Fatalf("got %v after the clock passed exp, want reason %s", err, ReasonExpired)
	}
}

// sendInteractions is authenticated the same way, and its tokens do not open getFeedSkeleton.
func TestLXMIsPerRoute(t *testing.T) {
	f := newFixture(t, nil)
	viewer := addIssuer(t, f.dir, "did:plc:viewer0000000000000000000", "ES256")
	lxm := LXMSendInteractions
	tok, err := atauth.SignServiceAuth(viewer.did, serviceDID.String(), time.Minute, &lxm, viewer.priv)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := f.v.Verify(context.Background(), "Bearer "+tok, LXMSendInteractions); err != nil || got != viewer.did {
		t.Errorf("sendInteractions: got (%q, %v), want (%q, nil)", got, err, viewer.did)
	}
	_, err = f.v.Verify(context.Background(), "Bearer "+tok, LXMGetFeedSkeleton)
	var ae *Error
	if !errors.As(err, &ae) || ae.Reason != ReasonWrongLXM {
		t.Errorf("getFeedSkeleton: got %v, want reason %s", err, ReasonWrongLXM)
	}
}

func TestNewValidatorConfig(t *testing.T) {
	dir := newCountingDirectory()
	tests := []struct {
		name    string
		cfg     Config
		wantErr bool
	}{
		{name: "minimal", cfg: Config{Audience: serviceDID, Resolver: dir}},
		{name: "no audience", cfg: Config{Resolver: dir}, wantErr: true},
		{name: "audience not a DID", cfg: Config{Audience: "feed.example.com", Resolver: dir}, wantErr: true},
		{name: "no resolver", cfg: Config{Audience: serviceDID}, wantErr: true},
		{name: "negative leeway", cfg: Config{Audience: serviceDID, Resolver: dir, Leeway: -time.Second}, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewValidator(tc.cfg)
			if (err != nil) != tc.wantErr {
				t.Errorf("got error %v, want error: %v", err, tc.wantErr)
			}
		})
	}

	reg := prometheus.NewRegistry()
	if _, err := NewValidator(Config{Audience: serviceDID, Resolver: dir, Registerer: reg}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewValidator(Config{Audience: serviceDID, Resolver: dir, Registerer: reg}); err == nil {
		t.Error("got no error registering a second Validator's metrics on the same registry, want one")
	}
}
