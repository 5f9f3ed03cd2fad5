package model

// RulesVersion is a rules text a curator uploaded for a feed. It overrides
// the rules the feed definition names until a curator reverts to those.
// It is self-contained (the text, its hash, who set it and when), so that
// it can be copied to another instance as it is.
type RulesVersion struct {
	Feed string `json:"feed"`
	// Version numbers uploads; it only grows, across feeds and reverts.
	Version uint64 `json:"version"`
	// Hash is the SHA-256 of Text, in hex.
	Hash  string `json:"hash"`
	Text  string `json:"text"`
	SetBy string `json:"setBy"`
	SetUS int64  `json:"setUs"`
	Note  string `json:"note,omitempty"`
}

// Sources of a feed's rules.
const (
	// RulesUpload is a curator's uploaded version.
	RulesUpload = "upload"
	// RulesDefinition is what the feed definition names: builtin:NAME or
	// a rules file.
	RulesDefinition = "definition"
)

// RulesRef names one version of a feed's rules, for people and the audit
// log.
type RulesRef struct {
	// Source is RulesUpload or RulesDefinition.
	Source string `json:"source"`
	// Version is the upload's version; 0 for the definition's rules.
	Version uint64 `json:"version,omitempty"`
	// Ref is the definition's rules reference (builtin:NAME or a path).
	Ref string `json:"ref,omitempty"`
	// Hash is the SHA-256 of the rules text, in hex.
	Hash string `json:"hash"`
}

// Places a record can have in one feed.
const (
	PlaceIn    = "in"
	PlaceQueue = "queue"
	PlaceOut   = "out"
)

// RulesMove is one record whose place in a feed a rules change moves.
type RulesMove struct {
	URI    string `json:"uri"`
	Author string `json:"author"`
	// Text is the start of the post's text.
	Text string `json:"text,omitempty"`
	// From and To are PlaceIn, PlaceQueue or PlaceOut.
	From string `json:"from"`
	To   string `json:"to"`
	// Score and Reasons are the judgement under the new rules.
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons,omitempty"`
}

// RulesDiff is what a rules change does to the records a feed holds: how
// many were judged, how many move, and some of the moves.
type RulesDiff struct {
	// Held and Queued are how many kept records and review-queue entries
	// were judged.
	Held   int `json:"held"`
	Queued int `json:"queued"`
	// Entered and Left count records that enter and leave the feed
	// (a queued post that is now in has entered).
	Entered int `json:"entered"`
	Left    int `json:"left"`
	// QueueAdded counts posts that join the review queue; QueueRemoved
	// queued posts that leave it clearly out.
	QueueAdded   int `json:"queueAdded"`
	QueueRemoved int `json:"queueRemoved"`
	// Samples are some of the moves of each kind, oldest post first.
	Samples []RulesMove `json:"samples"`
}

// Changed reports whether the change moves anything.
func (d *RulesDiff) Changed() bool {
	return d.Entered+d.Left+d.QueueAdded+d.QueueRemoved > 0
}

// Phases of a re-judge.
const (
	RejudgePosts = "posts"
	RejudgeQueue = "queue"
	RejudgeDone  = "done"
)

// Rejudge is the progress of judging a feed's kept records and review
// queue again after its rules changed. The indexer's writer saves it in
// the transaction of each batch it judges, so that a re-judge cut short
// by a restart goes on where it stopped.
type Rejudge struct {
	Feed string `json:"feed"`
	// Rules are the rules being applied, and From the ones before.
	Rules RulesRef `json:"rules"`
	From  RulesRef `json:"from"`
	Actor string   `json:"actor"`
	// StartedUS and DoneUS say when it began and ended (0 while running).
	StartedUS int64 `json:"startedUs"`
	DoneUS    int64 `json:"doneUs,omitempty"`
	// Phase is RejudgePosts (kept records, oldest first), RejudgeQueue
	// (the review queue, oldest first) or RejudgeDone.
	Phase string `json:"phase"`
	// After is the position of the last record judged in the phase, ""
	// before the first.
	After string `json:"after,omitempty"`
	// Diff is what it did so far.
	Diff RulesDiff `json:"diff"`
}
