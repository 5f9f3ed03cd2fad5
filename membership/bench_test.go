package membership_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/relevance"
	"github.com/scpeace/feedgen/store"
)

const feedID = "sc-peace"

// Texts with known scores under the built-in rules: strong is in for
// anyone, weak only for a listed author.
const (
	textStrong = "Pashinyan and Aliyev met in Washington to sign the peace treaty"
	textWeak   = "Lovely day in Tbilisi"
)

// BenchmarkDecide is the indexer's per-post cost of the decision: the
// relevance rules plus the store look-ups around them (the block, the
// author's tier, a verdict), in one write transaction as the indexer's
// batch has it. The store holds 500 curated authors, 200 blocks and 200
// verdicts. "classify-only" is the relevance decision alone, with tiers
// from a map.
func BenchmarkDecide(b *testing.B) {
	st := testutil.MustOpen(b)
	rules, err := relevance.Builtin("south-caucasus")
	if err != nil {
		b.Fatal(err)
	}
	c := relevance.New(rules)
	d, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: c, Reposts: true}}})
	if err != nil {
		b.Fatal(err)
	}
	expert := syntax.DID("did:plc:expert0000000000000000000")
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		for i := range 500 {
			did := syntax.DID(fmt.Sprintf("did:plc:curated%017d", i))
			if i == 0 {
				did = expert
			}
			if err := tx.PutCuratedAuthor(&model.CuratedAuthor{Feed: feedID, DID: did, Tier: model.TierExpert, AddedBy: "bench"}); err != nil {
				return err
			}
		}
		for i := range 200 {
			uri := syntax.ATURI(fmt.Sprintf("at://did:plc:blocked%017d/app.bsky.feed.post/3k%010d", i, i))
			if err := tx.PutBlock(&model.Block{URI: uri, By: "bench"}); err != nil {
				return err
			}
			if err := tx.PutVerdict(&model.Verdict{Feed: feedID, URI: uri, By: "bench"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	event := func(author syntax.DID, text string) membership.Record {
		return membership.Record{
			URI: syntax.ATURI("at://" + author.String() + "/app.bsky.feed.post/3kbenchpost22"), Author: author, TimeUS: now.UnixMicro(), CreatedUS: now.UnixMicro(),
			Post: &bsky.FeedPost{Text: text, Langs: []string{"en"}, CreatedAt: now.Format(time.RFC3339)},
		}
	}
	stranger := syntax.DID("did:plc:stranger000000000000000000")
	cases := []struct {
		name string
		ev   membership.Record
	}{
		{"unlisted-off-topic", event(stranger, "Had a lovely lunch with friends today, the weather was great and the pasta even better")},
		{"unlisted-on-topic", event(stranger, textStrong)},
		{"expert-weak", event(expert, textWeak)},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			err := st.Update(context.Background(), func(tx *store.Tx) error {
				for b.Loop() {
					if _, err := d.Decide(tx, tc.ev); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		})
	}
	// The same decisions under the default moderation policy, with 1,000
	// labels kept (on other posts and accounts): a post that is in reads
	// its own and its author's labels, two seeks.
	labeler := syntax.DID("did:plc:labeler0000000000000000000")
	dm, err := membership.New(membership.Config{Feeds: []membership.Feed{{ID: feedID, Classifier: c, Reposts: true,
		Moderation: membership.Policy{Exclude: membership.DefaultExclude, Labelers: []syntax.DID{labeler}}}}})
	if err != nil {
		b.Fatal(err)
	}
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		for i := range 1000 {
			subject := fmt.Sprintf("did:plc:labelled%016d", i)
			if i%2 == 0 {
				subject = fmt.Sprintf("at://did:plc:labelled%016d/app.bsky.feed.post/3kl", i)
			}
			if err := tx.PutLabel(&model.Label{Src: labeler, URI: subject, Val: "spam"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range cases {
		b.Run("policy/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			err := st.Update(context.Background(), func(tx *store.Tx) error {
				for b.Loop() {
					if _, err := dm.Decide(tx, tc.ev); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		})
	}
	b.Run("classify-only/unlisted-off-topic", func(b *testing.B) {
		env := relevance.NewMemoryEnv()
		env.SetTier(expert, model.TierExpert)
		ev := cases[0].ev
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Classify(env, relevance.Input{URI: ev.URI, Author: ev.Author, Time: now, Post: relevance.FromRecord(ev.Post)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
