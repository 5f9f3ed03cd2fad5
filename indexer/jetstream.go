package indexer

import (
	"context"
	"net/url"
	"strconv"

	"github.com/coder/websocket"
)

// jetstreamSource follows Jetstream instances, failing over between them.
// Its cursor is the event's time_us, comparable across instances; every
// (re)connect asks for events from a few seconds before the last one seen,
// and the idempotent writes absorb the repeats.
//
// Jetstream can compress with zstd, but only with a custom dictionary that
// is not published as a library we can take; we ask for plain JSON.
type jetstreamSource struct {
	ix   *Indexer
	urls []string
}

func (j *jetstreamSource) run(ctx context.Context, start int64, have bool, out chan<- message) error {
	cfg := &j.ix.cfg
	b := backoff{min: cfg.BackoffMin, max: cfg.BackoffMax}
	cursor := start
	for i, attempt := 0, 0; ; attempt++ {
		u := j.urls[i%len(j.urls)]
		host := hostOf(u)
		if attempt > 0 {
			j.ix.m.reconnects.WithLabelValues(host).Inc()
		}
		from := int64(-1)
		if have {
			from = max(1, cursor-cfg.Rewind.Microseconds())
		}
		n, last, err := j.session(ctx, u, from, out)
		if last > cursor || !have && last > 0 {
			// The highest position seen, not the last: a stream that
			// went back in time must not make us rewind further.
			cursor, have = last, true
		}
		if n > 0 {
			b.reset()
		} else {
			// Nothing from this host: try the next one.
			i++
		}
		if ctx.Err() != nil {
			return nil
		}
		j.ix.conn.down(host, err, cfg.Now())
		wait := b.next()
		j.ix.log.Warn("jetstream disconnected", "host", host, "events", n, "err", err, "retry_in", wait)
		if !sleepCtx(ctx, wait) {
			return nil
		}
	}
}

// session reads one connection until it fails. It returns how many events
// it delivered and the highest cursor among them.
func (j *jetstreamSource) session(ctx context.Context, base string, from int64, out chan<- message) (n int, last int64, err error) {
	cfg := &j.ix.cfg
	q := url.Values{}
	for _, c := range cfg.Collections {
		q.Add("wantedCollections", c)
	}
	// The server leaves out what we would drop anyway.
	q.Set("maxMessageSizeBytes", strconv.Itoa(MaxEventSize))
	if from > 0 {
		q.Set("cursor", strconv.FormatInt(from, 10))
	}
	w, err := dialWS(ctx, cfg, base+"?"+q.Encode(), nil)
	if err != nil {
		return 0, 0, err
	}
	defer w.close()
	host := hostOf(base)
	j.ix.conn.up(host, cfg.Now())
	j.ix.log.Info("jetstream connected", "host", host, "cursor", from)
	for {
		typ, b, tooBig, err := w.readMessage(MaxEventSize)
		if err != nil {
			return n, last, err
		}
		var m message
		switch {
		case tooBig:
			m.drop = ReasonTooLarge
		case typ != websocket.MessageText:
			m.drop = ReasonBinaryFrame
		default:
			ev, err := DecodeJetstream(b)
			if err != nil {
				m.drop = DropReason(err)
			} else {
				m.ev, m.cursor = ev, ev.Cursor
			}
		}
		j.ix.admit(&m)
		select {
		case out <- m:
		case <-ctx.Done():
			return n, last, ctx.Err()
		}
		if m.drop == "" {
			n++
		}
		last = max(last, m.cursor)
	}
}
