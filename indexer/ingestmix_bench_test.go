package indexer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"

	"github.com/scpeace/feedgen/internal/synth"
	"github.com/scpeace/feedgen/store"
)

// BenchmarkIngestMix is the measurement issues 11 and 13 ask for: ingest
// of the network's mix with likes and follows (synth.MixNetwork), through
// the real path (file → DecodeJetstream → apply → bbolt commit with fsync),
// beside the JSON-decode ceiling measured on the same lines in the same
// iteration, and then the same recording less its likes and follows, which
// is what Jetstream delivers when they are not in wantedCollections. The
// store starts as the service's would with signals on: the synthetic
// experts curated and their follow graph backfilled (-bench-expert-follows
// each); the held posts are those the recording's on-topic posts and the
// curated authors' reposts put in the feed (a few hundred).
//
// Metrics, per variant: events/s of ingest; ceiling-events/s, encoding/json
// decoding each line into the Jetstream event struct and nothing else
// (timed once before the ingest and once after); %ceiling, the one over
// the other; decode-events/s, DecodeJetstream alone (the record and the
// subject scan included); the same four per second of the process's CPU
// time (events/cpu-s, ..., %ceiling-cpu), which the other jobs on a shared
// machine disturb far less than wall time; ns/net-event and
// cpu-ns/net-event, the ingest's wall and CPU time over the events of the
// whole network recording, so that the two variants compare the cost of
// following the same stretch of network; events, the variant's lines;
// peak-RSS-MiB (VmHWM, reset before the ingest) and peak-heap-MiB (heap
// objects, sampled every 5 ms) of the process while ingesting; held, the
// posts held at the end. BENCHMARKS.md ("Likes and follows in the stream")
// has the figures and the command.
func BenchmarkIngestMix(b *testing.B) {
	network, posts := mixRecordings(b)
	for _, v := range []struct {
		name string
		rec  mixRecording
	}{{"network", network}, {"posts-only", posts}} {
		b.Run(v.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ingestMixOnce(b, v.rec, network.events)
			}
		})
	}
}

var benchExpertFollows = flag.Int("bench-expert-follows", 1000, "BenchmarkIngestMix: follows of each synthetic expert backfilled into the store before the ingest")

type mixRecording struct {
	path   string
	events int
}

// mixRecordings writes the network mix (or takes -bench-file) and the same
// lines less likes and follows into the benchmark's temporary directory.
func mixRecordings(b *testing.B) (network, posts mixRecording) {
	dir := b.TempDir()
	network.path = *benchFile
	if network.path == "" {
		network.path = filepath.Join(dir, "network.jsonl")
		f, err := os.Create(network.path)
		if err != nil {
			b.Fatal(err)
		}
		// Ending about now, so that retention keeps every event.
		start := time.Now().Add(-time.Duration(*benchEvents/2000+60) * time.Second)
		err = synth.Write(f, synth.Config{Seed: 1, Events: *benchEvents, Start: start, Mix: synth.MixNetwork})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	posts.path = filepath.Join(dir, "posts-only.jsonl")
	var err error
	network.events, posts.events, err = withoutLikesAndFollows(network.path, posts.path)
	if err != nil {
		b.Fatal(err)
	}
	return network, posts
}

// withoutLikesAndFollows copies the lines of in to out but for likes and
// follows, as Jetstream filters them by wantedCollections.
func withoutLikesAndFollows(in, out string) (all, kept int, err error) {
	src, err := os.Open(in)
	if err != nil {
		return 0, 0, err
	}
	defer src.Close()
	dst, err := os.Create(out)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(dst, 1<<16)
	err = eachLine(src, func(line []byte) error {
		all++
		var head struct {
			Commit *struct {
				Collection string `json:"collection"`
			} `json:"commit"`
		}
		if json.Unmarshal(line, &head) == nil && head.Commit != nil &&
			(head.Commit.Collection == CollectionLike || head.Commit.Collection == CollectionFollow) {
			return nil
		}
		kept++
		w.Write(line)
		return w.WriteByte('\n')
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return all, kept, err
}

// eachLine calls fn with every non-empty line of r, read as the file
// source reads them.
func eachLine(r io.Reader, fn func([]byte) error) error {
	br := bufio.NewReaderSize(r, MaxEventSize+2)
	for {
		line, err := br.ReadSlice('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if l := bytes.TrimSpace(line); len(l) > 0 {
			if ferr := fn(l); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			return nil
		}
	}
}

// decodePass runs decode over every line of path, and returns the wall
// time and the process's CPU time it took (cpuTime: on the shared machine
// wall time swings with the other jobs' load).
func decodePass(b *testing.B, path string, decode func([]byte) error) (wall, cpu time.Duration) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	t0, c0 := time.Now(), cpuTime()
	err = eachLine(f, decode)
	wall, cpu = time.Since(t0), cpuTime()-c0
	if err != nil {
		b.Fatal(err)
	}
	return wall, cpu
}

// jsonCeiling is the ceiling: encoding/json into the wire struct, nothing
// else.
func jsonCeiling(line []byte) error {
	var raw jsEvent
	return json.Unmarshal(line, &raw)
}

func fullDecode(line []byte) error {
	if _, err := DecodeJetstream(line); err != nil && DropReason(err) == "" {
		return err
	}
	return nil
}

func ingestMixOnce(b *testing.B, rec mixRecording, networkEvents int) {
	b.StopTimer()
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ix := benchIndexer(b, st, SourceSpec{Kind: SourceFile, Path: rec.path})
	backfillExpertFollows(b, st, *benchExpertFollows)

	// The ceiling is timed before and after the ingest, and the two
	// passes are taken together, so that a change of the machine's load
	// during the iteration weighs on both sides of the ratio.
	ceilWall, ceilCPU := decodePass(b, rec.path, jsonCeiling)
	decWall, decCPU := decodePass(b, rec.path, fullDecode)

	runtime.GC()
	debug.FreeOSMemory()
	baseRSS := procStatus("VmRSS")
	resetPeakRSS()
	peakHeap, stop := sampleHeap()
	b.StartTimer()
	t0, c0 := time.Now(), cpuTime()
	if err := ix.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
	elapsed, spent := time.Since(t0), cpuTime()-c0
	b.StopTimer()
	stop()
	if got := ix.Status().Events; got != int64(rec.events) {
		b.Fatalf("handled %d events, want %d", got, rec.events)
	}
	w, c := decodePass(b, rec.path, jsonCeiling)
	ceilWall, ceilCPU = ceilWall+w, ceilCPU+c
	perSec := func(n int, d time.Duration) float64 { return float64(n) / d.Seconds() }
	rate, rateCPU := perSec(rec.events, elapsed), perSec(rec.events, spent)
	ceiling, ceilingCPU := perSec(2*rec.events, ceilWall), perSec(2*rec.events, ceilCPU)
	decode, decodeCPU := perSec(rec.events, decWall), perSec(rec.events, decCPU)
	b.ReportMetric(rate, "events/s")
	b.ReportMetric(ceiling, "ceiling-events/s")
	b.ReportMetric(100*rate/ceiling, "%ceiling")
	b.ReportMetric(decode, "decode-events/s")
	b.ReportMetric(rateCPU, "events/cpu-s")
	b.ReportMetric(ceilingCPU, "ceiling-events/cpu-s")
	b.ReportMetric(100*rateCPU/ceilingCPU, "%ceiling-cpu")
	b.ReportMetric(decodeCPU, "decode-events/cpu-s")
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(networkEvents), "ns/net-event")
	b.ReportMetric(float64(spent.Nanoseconds())/float64(networkEvents), "cpu-ns/net-event")
	b.ReportMetric(float64(rec.events), "events")
	b.ReportMetric(float64(baseRSS)/(1<<20), "base-RSS-MiB")
	b.ReportMetric(float64(procStatus("VmHWM"))/(1<<20), "peak-RSS-MiB")
	b.ReportMetric(float64(*peakHeap)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(st.FeedLen(testFeed)), "held")
	b.ReportMetric(float64(st.Size())/(1<<20), "db-MiB")
}

// backfillExpertFollows gives each synthetic expert n follows, as the
// backfill does when an expert is added: accounts drawn as the synthetic
// stream draws its authors (a few popular, most rare), so that some are
// followed by several experts and are community authors.
func backfillExpertFollows(b *testing.B, st *store.Store, n int) {
	r := rand.New(rand.NewPCG(7, 7))
	at := time.Now().Add(-24 * time.Hour).UnixMicro()
	// One transaction an expert, as the backfill commits them.
	for e := 0; e < synth.TierAll+synth.Experts; e++ {
		err := st.Update(context.Background(), func(tx *store.Tx) error {
			expert := synth.Author(e)
			seen := map[int]bool{}
			for clock := uint(0); len(seen) < n; clock++ {
				a := int(50000 * r.Float64() * r.Float64())
				if a == e || seen[a] {
					continue
				}
				seen[a] = true
				at++
				uri := syntax.ATURI(fmt.Sprintf("at://%s/%s/%s", expert, CollectionFollow, syntax.NewTID(at, clock%1024)))
				if _, err := tx.PutInteraction(uri, store.IRecord{Kind: store.InteractionFollow, Subject: synth.Author(a).String(), AtUS: at, Signal: true}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// sampleHeap samples the bytes of heap objects every 5 ms until stop is
// called, and keeps the largest.
func sampleHeap() (peak *uint64, stop func()) {
	peak = new(uint64)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []rtmetrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			rtmetrics.Read(s)
			if v := s[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return peak, func() { close(done); wg.Wait() }
}

// resetPeakRSS resets the kernel's high-water mark of this process's RSS
// (Linux; elsewhere procStatus reports 0).
func resetPeakRSS() {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// procStatus reads a size (VmRSS, VmHWM) of this process from
// /proc/self/status, in bytes; 0 where there is none.
func procStatus(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		var kb int64
		if _, err := fmt.Sscanf(line, field+": %d kB", &kb); err == nil {
			return kb << 10
		}
	}
	return 0
}
