package indexer

import (
	"github.com/scpeace/feedgen/store"
)

// Reasons an event is dropped because of what the stream says about time
// and position. A buggy or compromised relay must not be able to store a
// cursor the store would later refuse, or a time nothing can print.
const (
	// ReasonFutureTime: the event's time is further ahead of our clock
	// than Config.MaxFuture.
	ReasonFutureTime = "future_time"
	// ReasonBadCursor: the event's stream position is negative, beyond
	// store.MaxCursor, or (Jetstream, whose cursor is a time) in the
	// future.
	ReasonBadCursor = "invalid_cursor"
)

// admit bounds a message before it leaves its source: an event from too
// far in the future is dropped, and a position that could not be stored
// (or, for Jetstream, lies in the future) is forgotten, with its event
// dropped. Dropped messages are counted as bad input by the writer, and
// their position, when it is forgotten, moves nothing: neither the saved
// cursor nor the one a reconnect asks for.
func (ix *Indexer) admit(m *message) {
	limit := ix.cfg.Now().Add(ix.cfg.MaxFuture).UnixMicro()
	if m.drop == "" && m.ev.TimeUS > limit {
		m.drop = ReasonFutureTime
	}
	if m.cursor < 0 || m.cursor > store.MaxCursor || (ix.cursorIsTime && m.cursor > limit) {
		m.cursor = 0
		if m.drop == "" {
			m.drop = ReasonBadCursor
		}
	}
	if m.drop != "" {
		m.ev = Event{}
	}
}
