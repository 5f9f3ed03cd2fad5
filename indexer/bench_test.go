package indexer

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/coder/websocket"

	"github.com/scpeace/feedgen/internal/synth"
	"github.com/scpeace/feedgen/store"
)

var (
	benchEvents = flag.Int("bench-events", 200000, "events in the synthetic recording the benchmarks ingest")
	benchFile   = flag.String("bench-file", "", "recording to benchmark with instead of a synthetic one")
	benchMix    = flag.String("bench-mix", "posts", "the synthetic recording's traffic: posts, or network (with likes and follows)")
)

var (
	benchOnce  sync.Once
	benchPath  string
	benchLines [][]byte
)

// benchRecording writes (once per process) a synthetic recording, and
// returns its path and lines.
func benchRecording(b *testing.B) (string, [][]byte) {
	benchOnce.Do(func() {
		benchPath = *benchFile
		if benchPath == "" {
			dir, err := os.MkdirTemp("", "feedgen-bench")
			if err != nil {
				b.Fatal(err)
			}
			benchPath = filepath.Join(dir, "events.jsonl")
			f, err := os.Create(benchPath)
			if err != nil {
				b.Fatal(err)
			}
			mix := synth.MixPosts
			if *benchMix == "network" {
				mix = synth.MixNetwork
			}
			err = synth.Write(f, synth.Config{Seed: 1, Events: *benchEvents, Start: time.Now().Add(-time.Hour), Mix: mix})
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
		}
		data, err := os.ReadFile(benchPath)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, MaxEventSize+2)
		for sc.Scan() {
			benchLines = append(benchLines, append([]byte(nil), sc.Bytes()...))
		}
	})
	return benchPath, benchLines
}

// BenchmarkDecode is the ceiling: decoding the recording's lines and
// nothing else. One op is one event.
func BenchmarkDecode(b *testing.B) {
	_, lines := benchRecording(b)
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	b.SetBytes(size / int64(len(lines)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := DecodeJetstream(lines[i%len(lines)]); err != nil && DropReason(err) == "" {
			b.Fatal(err)
		}
	}
}

func benchIndexer(b *testing.B, st *store.Store, spec SourceSpec) *Indexer {
	// The synthetic experts are listed in the store, so that their likes,
	// reposts and follows are kept as the service would keep them.
	curate(b, st, synthTiers())
	ix, err := New(Config{
		Source:        spec,
		PruneInterval: -1,
		BatchSize:     5000,
	}, Deps{Store: st, Decider: keywordDecider{feed: testFeed, tiers: synthTiers()}})
	if err != nil {
		b.Fatal(err)
	}
	return ix
}

func benchReport(b *testing.B, n int64, elapsed time.Duration, st *store.Store) {
	b.ReportMetric(float64(n)/elapsed.Seconds(), "events/s")
	b.ReportMetric(float64(st.FeedLen(testFeed)), "feed-items")
	b.ReportMetric(float64(st.Size())/(1<<20), "db-MiB")
}

// BenchmarkReplayFile ingests the whole recording from its file into a
// fresh bbolt file, end to end (read, decode, decide, write, fsync). One op
// is one full replay; events/s is the figure to compare with Decode.
func BenchmarkReplayFile(b *testing.B) {
	path, lines := benchRecording(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix := benchIndexer(b, st, SourceSpec{Kind: SourceFile, Path: path})
		b.StartTimer()
		t0 := time.Now()
		if err := ix.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(t0)
		b.StopTimer()
		if got := ix.Status().Events; got != int64(len(lines)) {
			b.Fatalf("handled %d events, want %d", got, len(lines))
		}
		benchReport(b, int64(len(lines)), elapsed, st)
		st.Close()
	}
}

// BenchmarkReplayWebsocket sends the recording over a local websocket, as
// a Jetstream instance would, and ingests it end to end.
func BenchmarkReplayWebsocket(b *testing.B) {
	_, lines := benchRecording(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{CompressionMode: websocket.CompressionDisabled})
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx := c.CloseRead(r.Context())
		for _, l := range lines {
			if err := c.Write(ctx, websocket.MessageText, l); err != nil {
				return
			}
		}
		<-ctx.Done()
	}))
	defer srv.Close()
	u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/subscribe"
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix := benchIndexer(b, st, SourceSpec{Kind: SourceJetstream, URLs: []string{u}})
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		b.StartTimer()
		t0 := time.Now()
		go func() { errc <- ix.Run(ctx) }()
		for ix.Status().Events+ix.pending.Load() < int64(len(lines)) {
			time.Sleep(time.Millisecond)
		}
		cancel()
		if err := <-errc; err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(t0)
		b.StopTimer()
		benchReport(b, int64(len(lines)), elapsed, st)
		st.Close()
	}
}

// BenchmarkVisibility measures how long a post takes from leaving a local
// Jetstream socket to being served in the feed, while the socket also
// carries background chatter at about the whole network's rate (2000
// events/s). It reports the median and the worst of 50 posts.
func BenchmarkVisibility(b *testing.B) {
	const probes = 50
	bg := newEvb()
	sentc := make(chan feedProbe, probes)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx := c.CloseRead(r.Context())
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			// Two chatter events a millisecond, and every 40ms a probe.
			for range 2 {
				line, _ := EncodeJetstream(bg.post(did(i%1000+10), "3kc"+strconv.Itoa(i), "chatter"))
				c.Write(ctx, websocket.MessageText, line)
			}
			if i%40 == 0 && i/40 < probes {
				ev := bg.post(did(1), "3kp"+strconv.Itoa(i), "Armenia probe")
				ev.TimeUS = time.Now().UnixMicro()
				ev.Commit.Post.CreatedAt = time.Now().UTC().Format(time.RFC3339Nano)
				line, _ := EncodeJetstream(ev)
				sentc <- feedProbe{ev.URI(), time.Now()}
				c.Write(ctx, websocket.MessageText, line)
			}
		}
	}))
	defer srv.Close()
	u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/subscribe"
	for i := 0; i < b.N; i++ {
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix, err := New(Config{Source: SourceSpec{Kind: SourceJetstream, URLs: []string{u}}, PruneInterval: -1},
			Deps{Store: st, Decider: keywordDecider{feed: testFeed}})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() { errc <- ix.Run(ctx) }()
		lat := waitForProbes(st, sentc, probes)
		cancel()
		<-errc
		reportLatency(b, lat)
		st.Close()
	}
}

// feedProbe is a post sent to the indexer at a time, for the benchmarks
// of how soon a post enters the feed.
type feedProbe struct {
	uri  syntax.ATURI
	sent time.Time
}

// waitForProbes waits until each of n probes is in testFeed, polling the
// store every millisecond, and returns how long each took.
func waitForProbes(st *store.Store, sentc <-chan feedProbe, n int) []time.Duration {
	var lat []time.Duration
	for len(lat) < n {
		p := <-sentc
		for {
			in := false
			st.View(func(tx *store.Tx) error { in = tx.InFeed(testFeed, p.uri); return nil })
			if in {
				lat = append(lat, time.Since(p.sent))
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	return lat
}

// reportLatency reports the median and the worst of lat.
func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Milliseconds()), "max-ms")
}
