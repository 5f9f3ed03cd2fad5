// Package relevance decides whether a post belongs in a feed, and says why.
//
// It is pure: no I/O, no clock, no globals beyond the embedded default rules.
// Everything it needs to know beyond the post itself (the author's curation
// tier, whether a thread root is already in the feed, how many of the
// author's posts entered the feed lately) comes through the small [Env]
// interface, which package membership (the one decision of which feeds a
// post is in) backs with the store and `feedgen classify` backs with a
// [MemoryEnv]. Both call [Classifier.Classify], so a decision seen on the
// command line is the decision the indexer takes.
//
// What counts as relevant is data, not code: a [Rules] file (see
// RELEVANCE.md at the repository root for the format and the reasoning) lists
// concepts (people, places, institutions, topic words) with weights, their
// forms in every language with inflection classes, and the contexts that
// cancel or strengthen them ("Georgia" near "Atlanta"). The default rules for
// South Caucasus Peace are embedded; see [Builtin].
//
// Matching works on folded words: text is NFKD-normalised, combining marks
// are dropped, case is folded so that Turkish and Azerbaijani dotted and
// dotless i match either way (AZƏRBAYCAN, Azərbaycan and azerbaycan are one
// word), and within-word Armenian punctuation is removed. Each post is
// tokenised once and every word costs one or two map look-ups, whatever the
// number of rules.
package relevance
