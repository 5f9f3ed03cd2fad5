package membership

import (
	"fmt"
	"strings"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/model"
)

// The experts' own signals. An expert is an author of tier all or expert
// in a feed (by a curator's hand or through the feed's Bluesky list); the
// indexer keeps only their likes, reposts and follows (asking Expert), and
// the decider reads them through State, judging each by who is an expert
// in the feed now:
//
//   - a like or repost by one of a feed's experts endorses the post: a
//     post in the feed's review band that no curator has judged is in,
//     with the reason "endorsed:<expert DID>" (Decide);
//   - an unlisted author whom enough of the feed's experts follow (the
//     rules' community.experts) is a community author, whose posts need
//     the rules' threshold.community rather than threshold.in (the
//     relevance rules ask ExpertFollowers).

// ReasonEndorsed, followed by the expert's DID, marks a post from the
// review band that an expert liked or reposted.
const ReasonEndorsed = "endorsed:"

// reasonCommunity is the prefix of the relevance rules' reason for a
// community author's post.
const reasonCommunity = "community:"

// OnSignals reports whether some of the memberships hold because of the
// experts' signals (an endorsement, a community author): those are the
// ones to decide again when a signal is withdrawn.
func OnSignals(feeds []model.Membership) bool {
	for _, m := range feeds {
		for _, r := range m.Reasons {
			if strings.HasPrefix(r, ReasonEndorsed) || strings.HasPrefix(r, reasonCommunity) {
				return true
			}
		}
	}
	return false
}

// Expert reports whether did is an expert (tier all or expert) in some
// feed: the indexer keeps only experts' likes, reposts and follows. Every
// like and follow of the network asks it, so it costs one look-up per feed
// and nothing more for everyone else.
func (d *Decider) Expert(st State, did syntax.DID) (bool, error) {
	fs := d.set.Load()
	for i := range fs.feeds {
		tier, err := st.AuthorTier(fs.feeds[i].ID, did)
		if err != nil {
			return false, fmt.Errorf("tier of %s: %w", did, err)
		}
		if tier.Curated() {
			return true, nil
		}
	}
	return false, nil
}

// Endorsers returns the feed's experts who like or repost the post at uri,
// earliest first.
func (d *Decider) Endorsers(st State, feed string, uri syntax.ATURI) ([]syntax.DID, error) {
	return endorsers(st, feed, uri)
}

func endorsers(st State, feed string, uri syntax.ATURI) ([]syntax.DID, error) {
	dids, err := st.Endorsements(uri)
	if err != nil {
		return nil, fmt.Errorf("endorsements of %s: %w", uri, err)
	}
	return experts(st, feed, dids)
}

// ExpertFollowers counts the feed's experts who follow did.
func (d *Decider) ExpertFollowers(st State, feed string, did syntax.DID) (int, error) {
	return expertFollowers(st, feed, did)
}

func expertFollowers(st State, feed string, did syntax.DID) (int, error) {
	dids, err := st.Followers(did)
	if err != nil {
		return 0, fmt.Errorf("followers of %s: %w", did, err)
	}
	ex, err := experts(st, feed, dids)
	return len(ex), err
}

// experts keeps those of dids who are experts in feed.
func experts(st State, feed string, dids []syntax.DID) ([]syntax.DID, error) {
	out := dids[:0:0]
	for _, did := range dids {
		tier, err := st.AuthorTier(feed, did)
		if err != nil {
			return nil, fmt.Errorf("tier of %s: %w", did, err)
		}
		if tier.Curated() {
			out = append(out, did)
		}
	}
	return out, nil
}

// Community returns the feeds in which did is a community author: not
// listed, and followed by at least the rules' community.experts of the
// feed's experts. The indexer compares it before and after a follow
// changes, and decides the author's posts again when it does.
func (d *Decider) Community(st State, did syntax.DID) ([]string, error) {
	var out []string
	fs := d.set.Load()
	for i := range fs.feeds {
		f := &fs.feeds[i]
		need := f.Classifier.Rules().Settings.CommunityExperts
		if need <= 0 {
			continue
		}
		tier, err := st.AuthorTier(f.ID, did)
		if err != nil {
			return nil, fmt.Errorf("tier of %s: %w", did, err)
		}
		if tier != 0 {
			continue
		}
		n, err := expertFollowers(st, f.ID, did)
		if err != nil {
			return nil, err
		}
		if n >= need {
			out = append(out, f.ID)
		}
	}
	return out, nil
}

// ExpertFollowers implements relevance.Env.
func (e *feedEnv) ExpertFollowers(author syntax.DID) (int, error) {
	return expertFollowers(e.st, e.feed, author)
}
