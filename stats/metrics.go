package stats

import (
	"strings"

	"github.com/scpeace/feedgen/membership"
	"github.com/scpeace/feedgen/model"
)

// Names of the daily counters (store.Tx.AddDaily). Those about what enters
// a feed are kept per membership feed (the feed whose rules decide), the
// readership ones per served feed.
const (
	// MetricEnteredPrefix + a kind of entry (membership.Kinds): records
	// that entered the feed that day by that path.
	MetricEnteredPrefix = "in/"
	// MetricLangPrefix + a language: posts (reposts aside) that entered
	// the feed that day, by their first language.
	MetricLangPrefix = "lang/"
	// MetricQueued: posts that entered the review queue.
	MetricQueued = "queue/in"
	// MetricUnqueuedPrefix + why: posts that left the review queue.
	MetricUnqueuedPrefix = "queue/out/"

	// MetricRequests (hourly): getFeedSkeleton requests.
	MetricRequests = "req"
	// MetricViewers: distinct viewers, once their day is over (the
	// current day's are in a sketch).
	MetricViewers = "viewers"
	// MetricLess and MetricMore: "show less" and "show more" requests.
	MetricLess = "less"
	MetricMore = "more"
	// MetricSeen: items the AppView reported as seen (interactionSeen).
	MetricSeen = "seen"
)

// Why a post left the review queue.
const (
	OutApproved = "approved"
	OutRejected = "rejected"
	// OutAdmitted: decided in without a curator (its thread entered, its
	// author was listed, an expert endorsed it).
	OutAdmitted = "admitted"
	// OutGone: deleted by its author, or edited out of the review band.
	OutGone = "gone"
	// OutOverflow: pushed out of a full queue.
	OutOverflow = "overflow"
)

// OutReasons lists why posts leave the queue, in the order shown.
var OutReasons = []string{OutApproved, OutRejected, OutAdmitted, OutGone, OutOverflow}

// NoLanguage is the language of a post that declares none, and
// OtherLanguage of one that declares something that is not a language
// code.
const (
	NoLanguage    = "none"
	OtherLanguage = "other"
)

// Language is the figure's language of a post: the base of its first
// language tag, lower case ("en" of "en-US"), if that is two or three
// letters; the tags are the author's client's to set, so nothing else is
// taken as a name.
func Language(langs []string) string {
	if len(langs) == 0 {
		return NoLanguage
	}
	base, _, _ := strings.Cut(langs[0], "-")
	if len(base) < 2 || len(base) > 3 {
		return OtherLanguage
	}
	b := []byte(base)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		default:
			return OtherLanguage
		}
	}
	return string(b)
}

// Entered are the counters a record entering a feed adds to: its kind of
// entry, and for a post its language.
func Entered(m model.Membership, langs []string, repost bool) []string {
	out := []string{MetricEnteredPrefix + membership.EntryKind(m)}
	if !repost {
		out = append(out, MetricLangPrefix+Language(langs))
	}
	return out
}
