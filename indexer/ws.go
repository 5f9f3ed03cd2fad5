package indexer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/internal/netguard"
)

// Errors that end a connection and make the source connect again.
var (
	// ErrStalled means no message arrived within the stall timeout.
	ErrStalled = errors.New("stream stalled")
	// ErrPing means the server did not answer a ping in time.
	ErrPing = errors.New("ping unanswered")
)

// ReasonBinaryFrame drops a Jetstream frame that is not text (a compressed
// frame we did not ask for).
const ReasonBinaryFrame = "unexpected_binary_frame"

// backoff is exponential with jitter: each wait is drawn between half and
// all of min·2ⁿ, capped at max, so many clients that lost the same server
// do not come back in step.
type backoff struct {
	min, max time.Duration
	n        int
}

func (b *backoff) next() time.Duration {
	d := b.min
	for i := 0; i < b.n && d < b.max; i++ {
		d *= 2
	}
	d = min(d, b.max)
	b.n++
	return d/2 + rand.N(d/2+1)
}

func (b *backoff) reset() { b.n = 0 }

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// wsConn is one websocket connection with a stall detector and pings: a
// read that sees nothing for StallTimeout, or a ping that goes unanswered,
// closes it, and the read returns the cause.
type wsConn struct {
	c      *websocket.Conn
	ctx    context.Context
	stop   context.CancelCauseFunc
	lastNS atomic.Int64
	done   chan struct{}
	buf    []byte
}

// dialWS connects to u; a nil client is net/http's default, for the
// streams of our own configuration.
func dialWS(ctx context.Context, cfg *Config, u string, client *http.Client) (*wsConn, error) {
	dctx, cancel := context.WithTimeout(ctx, cfg.DialTimeout)
	defer cancel()
	c, resp, err := websocket.Dial(dctx, u, &websocket.DialOptions{
		HTTPHeader: http.Header{"User-Agent": []string{cfg.UserAgent}},
		HTTPClient: client,
	})
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("dial %s: %s: %w", hostOf(u), resp.Status, err)
		}
		// Say what failed on the network (DNS, refused, timeout, TLS)
		// and where, not the whole URL with its query.
		return nil, fmt.Errorf("dial: %w", netguard.Diagnose(err))
	}
	// Sizes are bounded by readMessage, which skips what is too large
	// instead of tearing down the connection (the same frame would come
	// again after the reconnect).
	c.SetReadLimit(-1)
	w := &wsConn{c: c, done: make(chan struct{})}
	w.ctx, w.stop = context.WithCancelCause(ctx)
	w.lastNS.Store(time.Now().UnixNano())
	go w.watch(cfg.StallTimeout, cfg.PingInterval)
	return w, nil
}

func (w *wsConn) watch(stall, ping time.Duration) {
	defer close(w.done)
	tick := min(stall/4, time.Second)
	t := time.NewTicker(tick)
	defer t.Stop()
	lastPing := time.Now()
	for {
		select {
		case <-w.ctx.Done():
			return
		case now := <-t.C:
			if now.Sub(time.Unix(0, w.lastNS.Load())) > stall {
				w.stop(ErrStalled)
				return
			}
			if now.Sub(lastPing) >= ping {
				lastPing = now
				// Ping waits for the pong, which the reading goroutine
				// receives; do it aside so stalls are still checked.
				go func() {
					pctx, cancel := context.WithTimeout(w.ctx, min(ping, 10*time.Second))
					defer cancel()
					if err := w.c.Ping(pctx); err != nil && w.ctx.Err() == nil {
						w.stop(fmt.Errorf("%w: %v", ErrPing, err))
					}
				}()
			}
		}
	}
}

// readMessage reads the next message into a reused buffer. A message over
// limit is read to its end and thrown away, reported by tooBig.
func (w *wsConn) readMessage(limit int) (typ websocket.MessageType, msg []byte, tooBig bool, err error) {
	typ, r, err := w.c.Reader(w.ctx)
	if err != nil {
		if cause := context.Cause(w.ctx); cause != nil {
			return 0, nil, false, cause
		}
		return 0, nil, false, err
	}
	w.lastNS.Store(time.Now().UnixNano())
	buf := w.buf[:0]
	for len(buf) <= limit {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), limit+1)])
		buf = buf[:len(buf)+n]
		w.lastNS.Store(time.Now().UnixNano())
		if err == io.EOF {
			w.buf = buf
			return typ, buf, false, nil
		}
		if err != nil {
			if cause := context.Cause(w.ctx); cause != nil {
				return 0, nil, false, cause
			}
			return 0, nil, false, err
		}
	}
	w.buf = buf[:0]
	if _, err := io.Copy(io.Discard, r); err != nil {
		return 0, nil, false, err
	}
	return typ, nil, true, nil
}

func (w *wsConn) close() {
	w.stop(nil)
	w.c.CloseNow()
	<-w.done
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Host
}
