package main

// Label ingestion in the real binary (-labels): `feedgen serve` follows a
// synthetic labeler (this process: a PLC directory answering for its DID,
// and its com.atproto.label.subscribeLabels stream of signed labels),
// first catching up on a backlog as fast as it can, then live at a set
// rate, with feedgen's RSS sampled throughout; then the same database
// served without a labeler, for the baseline.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/atproto/atcrypto"
	"github.com/bluesky-social/indigo/atproto/labeling"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"
	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const benchLabeler = syntax.DID("did:plc:benchlabelerxxxxxxxxxxxx")

// synthLabeler serves a PLC document for benchLabeler and its label
// stream: frames[0:backlog] at once to a subscriber from cursor 0, then one
// more every 1/rate seconds, signed as they are made.
type synthLabeler struct {
	key    *atcrypto.PrivateKeyK256
	url    string
	held   []string // subjects we hold: posts and authors
	rate   float64
	mu     sync.Mutex
	frames [][]byte
	grown  chan struct{}
	r      *rand.Rand
}

func (s *synthLabeler) label() *comatproto.LabelDefs_Label {
	l := labeling.Label{SourceDID: benchLabeler.String(), CreatedAt: syntax.DatetimeNow().String(), Version: labeling.ATPROTO_LABEL_VERSION, Val: "spam"}
	switch n := s.r.IntN(100); {
	case n < 4:
		// 2% spam on a post we hold, 1% its negation, 1% an account we know.
		l.URI = s.held[s.r.IntN(len(s.held))]
		if n == 2 {
			t := true
			l.Negated = &t
		}
	default:
		l.URI = fmt.Sprintf("at://did:plc:net%021d/app.bsky.feed.post/3knet%08d", s.r.IntN(1_000_000), s.r.IntN(100_000_000))
		l.Val = []string{"porn", "sexual", "spam", "nudity"}[s.r.IntN(4)]
	}
	if err := l.Sign(s.key); err != nil {
		panic(err)
	}
	lex := l.ToLexicon()
	return &lex
}

func (s *synthLabeler) add() {
	var buf bytes.Buffer
	_ = (&events.EventHeader{Op: events.EvtKindMessage, MsgType: "#labels"}).MarshalCBOR(&buf)
	s.mu.Lock()
	seq := int64(len(s.frames) + 1)
	_ = (&comatproto.LabelSubscribeLabels_Labels{Seq: seq, Labels: []*comatproto.LabelDefs_Label{s.label()}}).MarshalCBOR(&buf)
	s.frames = append(s.frames, buf.Bytes())
	close(s.grown)
	s.grown = make(chan struct{})
	s.mu.Unlock()
}

func (s *synthLabeler) count() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return int64(len(s.frames))
}

func (s *synthLabeler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/"+benchLabeler.String() {
		pub, _ := s.key.PublicKey()
		json.NewEncoder(w).Encode(map[string]any{
			"@context": []string{"https://www.w3.org/ns/did/v1"}, "id": benchLabeler, "alsoKnownAs": []string{},
			"verificationMethod": []map[string]string{{"id": benchLabeler.String() + "#atproto_label", "type": "Multikey",
				"controller": benchLabeler.String(), "publicKeyMultibase": pub.Multibase()}},
			"service": []map[string]string{{"id": "#atproto_labeler", "type": "AtprotoLabeler", "serviceEndpoint": s.url}},
		})
		return
	}
	if r.URL.Path != "/xrpc/com.atproto.label.subscribeLabels" {
		http.NotFound(w, r)
		return
	}
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	next, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
	for {
		s.mu.Lock()
		pending, grown := s.frames[min(next, len(s.frames)):], s.grown
		s.mu.Unlock()
		for _, f := range pending {
			if c.Write(r.Context(), websocket.MessageBinary, f) != nil {
				return
			}
			next++
		}
		select {
		case <-r.Context().Done():
			return
		case <-grown:
		}
	}
}

// seedHeldPosts writes a database with posts in the feed, and returns the
// subjects a label can hold: those posts and their authors.
func seedHeldPosts(path string, posts, authors int) ([]string, error) {
	st, err := store.Open(path, store.Options{NoSync: true})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var held []string
	err = st.Update(context.Background(), func(tx *store.Tx) error {
		for i := range posts {
			a := syntax.DID(fmt.Sprintf("did:plc:held%020d", i%authors))
			uri := syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kheld%07d", a, i))
			us := time.Now().Add(-time.Duration(i) * time.Second).UnixMicro()
			p := &model.Post{URI: uri, CID: "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a", Author: a, CreatedUS: us, IndexedUS: us,
				Text: "Armenia", Feeds: []model.Membership{{Feed: feedID, Score: 3}}}
			if err := tx.PutPost(p); err != nil {
				return err
			}
			held = append(held, uri.String())
			if i < authors {
				held = append(held, a.String())
			}
		}
		// From the labeler's first frame on.
		return tx.SetCursor("labeler/"+benchLabeler.String(), 0)
	})
	return held, err
}

// runLabels measures `feedgen serve` following the synthetic labeler: a
// backlog of n labels as fast as it goes, then rate labels/s for dur.
func runLabels(bin string, n int, rate float64, dur time.Duration) error {
	dir, err := os.MkdirTemp("", "feedgen-labels")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "feedgen.db")
	held, err := seedHeldPosts(db, 2000, 400)
	if err != nil {
		return err
	}
	key, err := atcrypto.GeneratePrivateKeyK256()
	if err != nil {
		return err
	}
	lab := &synthLabeler{key: key, held: held, rate: rate, grown: make(chan struct{}), r: rand.New(rand.NewPCG(1, 2))}
	srv := httptest.NewServer(lab)
	defer srv.Close()
	lab.url = srv.URL
	for range n {
		lab.add()
	}
	env := []string{"FEEDGEN_LABELERS=" + benchLabeler.String(), "FEEDGEN_PLC_URL=" + srv.URL, "FEEDGEN_ALLOW_PRIVATE_NETWORKS=true"}

	fmt.Printf("| phase | labels | time | labels/s | feedgen RSS at end | peak RSS (sampled) |\n|---|---|---|---|---|---|\n")
	// Baseline: the same database, no labeler.
	base, _, err := startFeedgen(bin, db, "FEEDGEN_LABELERS=none")
	if err != nil {
		return err
	}
	peak := sampleRSS(base.Process.Pid, 5*time.Second)
	rss, _ := memory(base.Process.Pid)
	base.Process.Kill()
	base.Wait()
	fmt.Printf("| no labeler, idle | 0 | 5s | | %d MB | %d MB |\n", rss>>10, peak>>10)

	fg, addr, err := startFeedgen(bin, db, env...)
	if err != nil {
		return err
	}
	defer fg.Process.Kill()
	var peakRSS atomic.Int64
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if r, _ := memory(fg.Process.Pid); r > peakRSS.Load() {
				peakRSS.Store(r)
			}
		}
	}()
	defer close(stop)
	cursor := func() int64 {
		resp, err := http.Get("http://" + addr + "/xrpc/_health")
		if err != nil {
			return 0
		}
		defer resp.Body.Close()
		var h struct {
			Checks struct{ Labelers []struct{ Cursor int64 } }
		}
		json.NewDecoder(resp.Body).Decode(&h)
		if len(h.Checks.Labelers) == 0 {
			return 0
		}
		return h.Checks.Labelers[0].Cursor
	}
	t0 := time.Now()
	for cursor() < int64(n) {
		time.Sleep(20 * time.Millisecond)
	}
	el := time.Since(t0)
	rss, _ = memory(fg.Process.Pid)
	fmt.Printf("| backlog, as fast as it goes | %d | %s | %.0f | %d MB | %d MB |\n", n, el.Round(10*time.Millisecond), float64(n)/el.Seconds(), rss>>10, peakRSS.Load()>>10)

	// Live at the rate.
	peakRSS.Store(0)
	t0 = time.Now()
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	for time.Since(t0) < dur {
		<-tick.C
		lab.add()
	}
	tick.Stop()
	want := lab.count()
	for cursor() < want {
		time.Sleep(20 * time.Millisecond)
	}
	rss, _ = memory(fg.Process.Pid)
	fmt.Printf("| live at %.1f labels/s | %d | %s | %.1f | %d MB | %d MB |\n", rate, want-int64(n), dur, float64(want-int64(n))/dur.Seconds(), rss>>10, peakRSS.Load()>>10)
	return nil
}

// sampleRSS samples a process's RSS every 50 ms for d and returns the peak.
func sampleRSS(pid int, d time.Duration) int64 {
	var peak int64
	for t0 := time.Now(); time.Since(t0) < d; time.Sleep(50 * time.Millisecond) {
		if r, _ := memory(pid); r > peak {
			peak = r
		}
	}
	return peak
}
