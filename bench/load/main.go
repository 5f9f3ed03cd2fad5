// Command load measures feedgen's getFeedSkeleton over loopback: it seeds a
// database of a million posts, starts the real feedgen binary on it, and
// drives it with concurrent keep-alive clients, first page and deep page;
// then it does the same against a bare echo server that returns a constant
// 50-item skeleton, the ceiling that serving is compared with. It prints
// requests/s, p50, p99 and feedgen's RSS as a Markdown table.
//
//	go build -o /tmp/feedgen ./cmd/feedgen && go run ./bench/load -bin /tmp/feedgen
//
// With -didweb it measures instead the memory a forged token with a hostile
// did:web issuer costs (didweb.go); with -labels, what following a labeler
// costs (labels.go).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/labstack/echo/v4"

	"github.com/scpeace/feedgen/internal/synth"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

const (
	publisher = "did:plc:loadtestpublisherxxxxxxx"
	feedID    = "sc-peace"
	feedURI   = "at://" + publisher + "/app.bsky.feed.generator/" + feedID
	topURI    = "at://" + publisher + "/app.bsky.feed.generator/sc-peace-top"
)

// topFeedsFile writes the feed definitions of the load test: the built-in
// feed and, over its posts, a top feed whose window reaches back to the
// seeded posts (from 2023).
func topFeedsFile() (string, error) {
	f, err := os.CreateTemp("", "feedgen-load-feeds-*.json")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.WriteString(`{"feeds": [
  {"rkey": "sc-peace", "displayName": "South Caucasus Peace", "rules": "builtin:south-caucasus", "reposts": true, "acceptsInteractions": true},
  {"rkey": "sc-peace-top", "displayName": "South Caucasus Peace Top", "membershipOf": "sc-peace", "order": "top",
   "window": "87000h", "halfLife": "12h", "acceptsInteractions": true}]}`)
	return f.Name(), err
}

// pagesDown follows n pages of target and returns the cursor after them.
func pagesDown(target string, n int) (string, error) {
	cursor := ""
	for range n {
		u := target
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, err := http.Get(u)
		if err != nil {
			return "", err
		}
		var out struct{ Cursor string }
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || out.Cursor == "" {
			return "", fmt.Errorf("page of %s: %v (status %d)", u, err, resp.StatusCode)
		}
		cursor = out.Cursor
	}
	return cursor, nil
}

func main() {
	bin := flag.String("bin", "", "feedgen binary to measure (required)")
	posts := flag.Int("posts", 1_000_000, "posts in the seeded database")
	dbPath := flag.String("db", filepath.Join(os.TempDir(), "feedgen-load-v2.db"), "database file (reused when it holds -posts posts)")
	dur := flag.Duration("duration", 10*time.Second, "how long each target is driven")
	conc := flag.Int("c", 16, "concurrent clients")
	limit := flag.Int("limit", 50, "page size")
	rounds := flag.Int("rounds", 3, "rounds of turns between the targets")
	warmup := flag.Duration("warmup", 2*time.Second, "warm-up before each measurement")
	ceiling := flag.String("ceiling-listen", "", "internal: serve the constant ceiling handler on this address")
	ingest := flag.Int("ingest", 0, "instead: measure memory while `serve` ingests this many synthetic events and serves load")
	mixName := flag.String("mix", "posts", "with -ingest or -write: the synthetic traffic, posts (a subscription without likes and follows) or network (likes, follows and the rest in the network's proportions)")
	write := flag.String("write", "", "instead: write -events synthetic events (seed 1, ending now) to this file and exit, for `feedgen replay`")
	events := flag.Int("events", 1_000_000, "with -write: how many events")
	didweb := flag.Bool("didweb", false, "instead: measure memory under forged tokens whose did:web issuer streams an endless document (didweb.go)")
	unguarded := flag.Bool("unguarded", false, "with -didweb: resolve as before issue 9, with a plain client and no body cap")
	maxTokens := flag.Int("max-tokens", 4, "with -didweb: stop after the round of this many tokens at once (1 or 4)")
	labels := flag.Int("labels", 0, "instead: measure `serve` following a synthetic labeler: a backlog of this many labels, then -label-rate for -label-duration (labels.go)")
	labelRate := flag.Float64("label-rate", 5, "with -labels: labels per second of the live phase")
	labelDur := flag.Duration("label-duration", 30*time.Second, "with -labels: how long the live phase runs")
	victim := flag.String("didweb-victim", "", "internal: run the -didweb victim on this address")
	hostile := flag.String("hostile", "", "internal: the -didweb attacker's address")
	caFile := flag.String("ca", "", "internal: the -didweb attacker's certificate")
	flag.Parse()
	if *ceiling != "" {
		serveCeiling(*ceiling, *limit)
		return
	}
	if *victim != "" {
		if err := runDIDWebVictim(*victim, *hostile, *caFile, *unguarded); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *didweb {
		if err := runDIDWeb(*unguarded, *maxTokens); err != nil {
			log.Fatal(err)
		}
		return
	}
	var mix synth.Mix
	switch *mixName {
	case "posts":
	case "network":
		mix = synth.MixNetwork
	default:
		log.Fatalf("-mix %q: want posts or network", *mixName)
	}
	if *write != "" {
		if err := writeEvents(*write, *events, mix); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *bin == "" {
		log.Fatal("-bin is required")
	}
	if *labels > 0 {
		if err := runLabels(*bin, *labels, *labelRate, *labelDur); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *ingest > 0 {
		if err := runIngest(*bin, *ingest, *conc, *limit, mix); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := seed(*dbPath, *posts); err != nil {
		log.Fatal(err)
	}
	deepCursor, err := cursorAt(*dbPath, *posts*9/10)
	if err != nil {
		log.Fatal(err)
	}

	feeds, err := topFeedsFile()
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(feeds)
	fg, addr, err := startFeedgen(*bin, *dbPath, "FEEDGEN_FEEDS="+feeds)
	if err != nil {
		log.Fatal(err)
	}
	defer fg.Process.Kill()
	first := fmt.Sprintf("http://%s/xrpc/app.bsky.feed.getFeedSkeleton?feed=%s&limit=%d", addr, url.QueryEscape(feedURI), *limit)
	deep := first + "&cursor=" + url.QueryEscape(deepCursor)
	top := fmt.Sprintf("http://%s/xrpc/app.bsky.feed.getFeedSkeleton?feed=%s&limit=%d", addr, url.QueryEscape(topURI), *limit)
	topCursor, err := pagesDown(top, 9)
	if err != nil {
		log.Fatal(err)
	}
	topDeep := top + "&cursor=" + url.QueryEscape(topCursor)

	// The ceiling runs beside feedgen, and the targets take turns, round
	// after round, so that each ratio is of rates measured under the same
	// load on the machine.
	self, _ := os.Executable()
	ceilAddr := freeAddr()
	cl := exec.Command(self, "-ceiling-listen", ceilAddr, "-limit", fmt.Sprint(*limit))
	cl.Stderr = os.Stderr
	if err := cl.Start(); err != nil {
		log.Fatal(err)
	}
	defer cl.Process.Kill()
	ceilURL := "http://" + ceilAddr + "/xrpc/app.bsky.feed.getFeedSkeleton"
	waitUp(ceilURL)
	targets := []struct{ name, url string }{
		{fmt.Sprintf("ceiling: echo, constant %d-item skeleton", *limit), ceilURL},
		{"feedgen first page", first}, {"feedgen deep page (90% down)", deep},
		{"feedgen top: first page", top}, {"feedgen top: page 10", topDeep}}
	rps := make([][]float64, len(targets))
	fmt.Printf("load average before: %s\n\n", loadavg())
	fmt.Printf("| round | target | concurrency | requests/s | p50 | p99 | feedgen RSS after (peak) |\n|---|---|---|---|---|---|---|\n")
	for round := 1; round <= *rounds; round++ {
		for i, tc := range targets {
			r := driveWarm(tc.url, *conc, *warmup, *dur)
			rps[i] = append(rps[i], r.rps)
			mem := ""
			if i > 0 {
				rss, hwm := memory(fg.Process.Pid)
				mem = fmt.Sprintf("%d MB (%d MB)", rss>>10, hwm>>10)
			}
			fmt.Printf("| %d | %s | %d | %.0f | %s | %s | %s |\n", round, tc.name, *conc, r.rps, r.p50, r.p99, mem)
		}
	}
	fmt.Printf("\nload average after: %s\n\n| target | median requests/s | median of the rounds' ratios to the ceiling | each round's |\n|---|---|---|---|\n", loadavg())
	for i, tc := range targets {
		var ratios []float64
		var each []string
		for r := range rps[i] {
			ratios = append(ratios, rps[i][r]/rps[0][r])
			each = append(each, fmt.Sprintf("%.2f", rps[i][r]/rps[0][r]))
		}
		fmt.Printf("| %s | %.0f | %.2f | %s |\n", tc.name, median(rps[i]), median(ratios), strings.Join(each, ", "))
	}
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// seed writes n posts (three per second, so many share a timestamp) unless
// the file already holds them. A file of an older schema is migrated
// first, and the time that took is printed.
func seed(path string, n int) error {
	if _, err := os.Stat(path); err == nil {
		start := time.Now()
		if st, err := store.Open(path, store.Options{NoSync: true}); err == nil {
			have := st.FeedLen(feedID)
			st.Close()
			log.Printf("opened %s in %s", path, time.Since(start).Round(time.Millisecond))
			if have == n {
				return nil
			}
		}
	}
	os.Remove(path)
	st, err := store.Open(path, store.Options{NoSync: true})
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	for i := 0; i < n; i += 20_000 {
		err := st.Update(context.Background(), func(tx *store.Tx) error {
			for j := i; j < i+20_000 && j < n; j++ {
				did := fmt.Sprintf("did:plc:author%017d", j%997)
				ts := int64(1_700_000_000_000_000) + int64(j/3)*1_000_000
				p := &model.Post{
					URI:    syntax.ATURI(fmt.Sprintf("at://%s/app.bsky.feed.post/3kp%010d", did, j)),
					CID:    "bafyreidhi6lpekgnw3mswwlyvxteujhdq4lohuqr5jdmyok5vriqfyaj5a",
					Author: syntax.DID(did), CreatedUS: ts, IndexedUS: ts,
					Text: "a post for the load test", Langs: []string{"en"},
					Feeds: []model.Membership{{Feed: feedID, Score: 1, Reasons: []string{"load"}}},
				}
				if err := tx.PutPost(p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	log.Printf("seeded %d posts in %s", n, time.Since(start).Round(time.Second))
	return nil
}

// cursorAt returns the cursor after the n-th newest post.
func cursorAt(path string, n int) (string, error) {
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer st.Close()
	cursor := ""
	for n > 0 {
		step := min(n, 100)
		_, next, err := st.FeedPage(context.Background(), store.PageRequest{Feed: feedID, Limit: step, Cursor: cursor})
		if err != nil {
			return "", err
		}
		cursor, n = next, n-step
	}
	return cursor, nil
}

func startFeedgen(bin, db string, env ...string) (*exec.Cmd, string, error) {
	cmd := exec.Command(bin, "serve")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "FEEDGEN_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	// No labeler unless env names one: a measurement never reaches the
	// public network.
	cmd.Env = append(cmd.Env, "FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+db, "FEEDGEN_SOURCE=none",
		"FEEDGEN_PUBLISHER_DID="+publisher, "FEEDGEN_LABELERS=none")
	cmd.Env = append(cmd.Env, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "serving" {
				addr <- rec.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		return cmd, a, nil
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		return nil, "", fmt.Errorf("feedgen did not start")
	}
}

type result struct {
	rps      float64
	p50, p99 time.Duration
}

// drive runs conc keep-alive clients against target: two seconds of
// warm-up, then dur of measurement.
func drive(target string, conc int, dur time.Duration) result {
	return driveWarm(target, conc, 2*time.Second, dur)
}

// driveWarm is drive with a warm-up of its own length.
func driveWarm(target string, conc int, warm, dur time.Duration) result {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}}
	run := func(d time.Duration, record bool) ([]time.Duration, int) {
		var mu sync.Mutex
		var all []time.Duration
		n := 0
		deadline := time.Now().Add(d)
		var wg sync.WaitGroup
		for range conc {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var lat []time.Duration
				for time.Now().Before(deadline) {
					t0 := time.Now()
					resp, err := client.Get(target)
					if err != nil {
						log.Fatal(err)
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						log.Fatalf("%s: status %d", target, resp.StatusCode)
					}
					lat = append(lat, time.Since(t0))
				}
				mu.Lock()
				n += len(lat)
				if record {
					all = append(all, lat...)
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		return all, n
	}
	if warm > 0 {
		run(warm, false)
	}
	lat, n := run(dur, true)
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[int(float64(len(lat)-1)*p)].Round(time.Microsecond) }
	return result{rps: float64(n) / dur.Seconds(), p50: pct(0.50), p99: pct(0.99)}
}

// memory returns a process's resident and peak resident set in KiB.
func memory(pid int) (rss, hwm int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		var v int64
		if _, err := fmt.Sscanf(line, "VmRSS: %d kB", &v); err == nil {
			rss = v
		}
		if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &v); err == nil {
			hwm = v
		}
	}
	return rss, hwm
}

// serveCeiling serves the yardstick: a constant skeleton of the size of
// feedgen's pages of the seeded feed (the same URIs, its feedContext on
// each item, a cursor and a reqId of the same lengths), encoded on every
// request.
func serveCeiling(addr string, limit int) {
	out := bsky.FeedGetFeedSkeleton_Output{}
	fc := feedID
	for i := range limit {
		out.Feed = append(out.Feed, &bsky.FeedDefs_SkeletonFeedPost{
			Post:        fmt.Sprintf("at://did:plc:author%017d/app.bsky.feed.post/3kp%010d", i%997, i),
			FeedContext: &fc,
		})
	}
	cursor, reqID := "1700000000000000-0123456789abcdef", "0123456789abcdef-1a2b"
	out.Cursor, out.ReqId = &cursor, &reqID
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/xrpc/app.bsky.feed.getFeedSkeleton", func(c echo.Context) error { return c.JSON(http.StatusOK, &out) })
	log.Fatal(e.Start(addr))
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitUp(u string) {
	for range 100 {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	log.Fatalf("%s did not come up", u)
}

// runIngest measures the whole service at once: `feedgen serve` ingesting
// n synthetic events from a file as fast as it can while conc clients read
// the feed's first page, with RSS sampled every 50 ms.
func runIngest(bin string, n, conc, limit int, mix synth.Mix) error {
	dir, err := os.MkdirTemp("", "feedgen-ingest")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	events := filepath.Join(dir, "events.jsonl")
	if err := writeEvents(events, n, mix); err != nil {
		return err
	}
	fg, addr, err := startFeedgen(bin, filepath.Join(dir, "feedgen.db"), "FEEDGEN_SOURCE="+events)
	if err != nil {
		return err
	}
	defer fg.Process.Kill()
	t0 := time.Now()

	var peakRSS int64
	stop := make(chan struct{})
	var samplerDone sync.WaitGroup
	samplerDone.Add(1)
	go func() {
		defer samplerDone.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if rss, _ := memory(fg.Process.Pid); rss > peakRSS {
				peakRSS = rss
			}
		}
	}()

	target := fmt.Sprintf("http://%s/xrpc/app.bsky.feed.getFeedSkeleton?feed=%s&limit=%d", addr, url.QueryEscape(feedURI), limit)
	var lat []time.Duration
	var latMu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc}}
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				select {
				case <-done:
					latMu.Lock()
					lat = append(lat, mine...)
					latMu.Unlock()
					return
				default:
				}
				t := time.Now()
				resp, err := client.Get(target)
				if err != nil {
					log.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					log.Fatalf("%s: status %d", target, resp.StatusCode)
				}
				mine = append(mine, time.Since(t))
			}
		}()
	}
	var st struct {
		Checks struct {
			Indexer struct {
				Done   bool
				Events int64
			}
		}
	}
	for {
		time.Sleep(200 * time.Millisecond)
		resp, err := http.Get("http://" + addr + "/xrpc/_health")
		if err != nil {
			return err
		}
		json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		if st.Checks.Indexer.Done {
			break
		}
	}
	elapsed := time.Since(t0)
	close(done)
	wg.Wait()
	close(stop)
	samplerDone.Wait()
	_, hwm := memory(fg.Process.Pid)
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[int(float64(len(lat)-1)*p)].Round(time.Microsecond) }
	fmt.Printf("| events | ingest time | events/s | skeleton requests/s meanwhile | p50 | p99 | peak RSS (VmHWM) |\n|---|---|---|---|---|---|---|\n")
	fmt.Printf("| %d | %s | %.0f | %.0f | %s | %s | %d MB (sampled peak %d MB) |\n", st.Checks.Indexer.Events, elapsed.Round(100*time.Millisecond),
		float64(st.Checks.Indexer.Events)/elapsed.Seconds(), float64(len(lat))/elapsed.Seconds(), pct(0.5), pct(0.99), hwm>>10, peakRSS>>10)
	return nil
}

// writeEvents writes n synthetic events of mix, seed 1, recent enough that
// retention keeps them all.
func writeEvents(path string, n int, mix synth.Mix) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	start := time.Now().Add(-time.Duration(n/2000+60) * time.Second)
	if err := synth.Write(f, synth.Config{Seed: 1, Events: n, Start: start, Mix: mix}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
