package main

import (
	"bufio"
	"context"
	"debug/elf"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/feedgen"
	"github.com/scpeace/feedgen/internal/testutil"
	"github.com/scpeace/feedgen/ranking"
	"github.com/scpeace/feedgen/store"
)

// repoRoot is where fly.toml and the Dockerfile live.
const repoRoot = "../.."

// flyConfig is the part of fly.toml that must agree with the code.
type flyConfig struct {
	App           string `toml:"app"`
	PrimaryRegion string `toml:"primary_region"`
	KillSignal    string `toml:"kill_signal"`
	KillTimeout   any    `toml:"kill_timeout"`
	Build         struct{ Dockerfile string }
	Env           map[string]string `toml:"env"`
	Mounts        []struct {
		Source      string `toml:"source"`
		Destination string `toml:"destination"`
	} `toml:"mounts"`
	HTTPService struct {
		InternalPort       int  `toml:"internal_port"`
		ForceHTTPS         bool `toml:"force_https"`
		AutoStopMachines   any  `toml:"auto_stop_machines"`
		MinMachinesRunning int  `toml:"min_machines_running"`
		Checks             []struct {
			Method string `toml:"method"`
			Path   string `toml:"path"`
		} `toml:"checks"`
	} `toml:"http_service"`
	Checks map[string]struct {
		Type   string `toml:"type"`
		Port   int    `toml:"port"`
		Method string `toml:"method"`
		Path   string `toml:"path"`
	} `toml:"checks"`
	Metrics struct {
		Port int    `toml:"port"`
		Path string `toml:"path"`
	} `toml:"metrics"`
	VM []struct {
		Size   string `toml:"size"`
		Memory string `toml:"memory"`
	} `toml:"vm"`
}

func readFly(t *testing.T) flyConfig {
	t.Helper()
	var fc flyConfig
	if _, err := toml.DecodeFile(filepath.Join(repoRoot, "fly.toml"), &fc); err != nil {
		t.Fatalf("fly.toml: %v", err)
	}
	return fc
}

// loadConfig runs config.Load with exactly the FEEDGEN_* variables given,
// as `feedgen serve` would at startup.
// setEnv makes env the only FEEDGEN_* variables of the process, for the
// rest of the test, as a shell would start feedgen.
func setEnv(t *testing.T, env map[string]string) {
	t.Helper()
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "FEEDGEN_") {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	// A test never follows the public labeler (the default): it names
	// its own, or none.
	t.Setenv("FEEDGEN_LABELERS", "none")
	for k, v := range env {
		t.Setenv(k, v)
	}
}

// loadConfig is the configuration `feedgen serve` runs with in env.
func loadConfig(t *testing.T, env map[string]string) *config.Config {
	t.Helper()
	setEnv(t, env)
	var cfg *config.Config
	var loadErr error
	cmd := &cli.Command{Name: "feedgen", Flags: config.Flags(), Commands: []*cli.Command{{Name: "serve",
		Action: func(ctx context.Context, cmd *cli.Command) error { cfg, loadErr = config.Load(cmd); return nil }}}}
	if err := cmd.Run(context.Background(), []string{"feedgen", "serve"}); err != nil {
		t.Fatal(err)
	}
	if loadErr != nil {
		t.Fatalf("the environment does not start feedgen: %v", loadErr)
	}
	return cfg
}

func listenPort(t *testing.T, listen string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(listen)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(p)
	return n
}

// flyDuration reads a fly duration: "30s" or a number of seconds.
func flyDuration(t *testing.T, v any) time.Duration {
	t.Helper()
	switch x := v.(type) {
	case string:
		d, err := time.ParseDuration(x)
		if err != nil {
			t.Fatalf("duration %q: %v", x, err)
		}
		return d
	case int64:
		return time.Duration(x) * time.Second
	}
	t.Fatalf("duration %v (%T) is neither a string nor seconds", v, v)
	return 0
}

// fly.toml names the port, health route, volume and shutdown budget the
// code uses, and its environment starts feedgen.
func TestFlyTOMLMatchesTheCode(t *testing.T) {
	fc := readFly(t)
	if fc.App == "" || fc.PrimaryRegion == "" {
		t.Errorf("app %q, primary_region %q: both are needed", fc.App, fc.PrimaryRegion)
	}
	cfg := loadConfig(t, fc.Env)

	if port := listenPort(t, cfg.Listen); fc.HTTPService.InternalPort != port || fc.Metrics.Port != port {
		t.Errorf("internal_port %d, metrics port %d, but FEEDGEN_LISTEN listens on %d", fc.HTTPService.InternalPort, fc.Metrics.Port, port)
	}
	if host, _, _ := net.SplitHostPort(cfg.Listen); host != "0.0.0.0" && host != "" && host != "::" {
		t.Errorf("FEEDGEN_LISTEN %q: fly's proxy reaches the machine on its private address, so listen on all", cfg.Listen)
	}
	if !fc.HTTPService.ForceHTTPS {
		t.Error("force_https is off: the AppView and did:web need TLS")
	}
	if fc.HTTPService.AutoStopMachines != "off" && fc.HTTPService.AutoStopMachines != false {
		t.Errorf("auto_stop_machines = %v: the indexer must never be stopped for idleness", fc.HTTPService.AutoStopMachines)
	}
	if fc.HTTPService.MinMachinesRunning < 1 {
		t.Errorf("min_machines_running = %d, want at least 1", fc.HTTPService.MinMachinesRunning)
	}
	if len(fc.Mounts) != 1 || fc.Mounts[0].Source == "" {
		t.Fatalf("mounts: got %+v, want one named volume", fc.Mounts)
	}
	dest := filepath.Clean(fc.Mounts[0].Destination)
	if dbDir := filepath.Dir(cfg.DBPath); dbDir != dest && !strings.HasPrefix(dbDir, dest+"/") {
		t.Errorf("FEEDGEN_DB %s is not on the volume mounted at %s", cfg.DBPath, dest)
	}
	if sig := fc.KillSignal; sig != "SIGTERM" && sig != "SIGINT" {
		t.Errorf("kill_signal %q: serve shuts down in order on SIGTERM or SIGINT only", sig)
	}
	if d := flyDuration(t, fc.KillTimeout); d < shutdownBudget.Total() {
		t.Errorf("kill_timeout %s is shorter than the shutdown budget %s", d, shutdownBudget.Total())
	}
	if len(fc.VM) != 1 || fc.VM[0].Memory != "256mb" {
		t.Errorf("vm: got %+v, want one 256mb machine", fc.VM)
	}
	if _, err := os.Stat(filepath.Join(repoRoot, fc.Build.Dockerfile)); err != nil {
		t.Errorf("build.dockerfile: %v", err)
	}

	// The checks and the metrics path are routes the server serves. With
	// a lagging indexer the full health check fails, but the check that
	// steers traffic does not: fly would hold every request back from
	// the only machine otherwise.
	st, err := store.Open(filepath.Join(t.TempDir(), "feedgen.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// get answers the requests in turn on a fresh server, and returns the
	// last answer.
	get := func(h feedgen.Health, method string, paths ...string) *httptest.ResponseRecorder {
		ranker, err := ranking.New(ranking.Config{Feeds: rankedFeeds(cfg)}, st, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		deps := feedgen.Deps{Store: st, Registry: prometheus.NewRegistry(), Health: map[string]feedgen.Health{"indexer": h}, Ranker: ranker}
		srv, err := feedgen.New(serverConfig(cfg, shutdownBudget), deps)
		if err != nil {
			t.Fatal(err)
		}
		var rec *httptest.ResponseRecorder
		for _, p := range paths {
			rec = httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest(method, p, nil))
		}
		return rec
	}
	health, ok := fc.Checks["health"]
	if !ok || health.Type != "http" || health.Port != listenPort(t, cfg.Listen) || health.Path != "/xrpc/_health" {
		t.Errorf("checks.health: got %+v, want an http check of /xrpc/_health on the listen port", health)
	}
	if rec := get(lag(true), health.Method, health.Path); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"status":"ok"`) {
		t.Errorf("checks.health %s: got %d %s", health.Path, rec.Code, rec.Body)
	}
	if rec := get(lag(false), health.Method, health.Path); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("checks.health %s with a lagging indexer: got %d, want 503", health.Path, rec.Code)
	}
	if len(fc.HTTPService.Checks) == 0 {
		t.Fatal("no http_service.checks")
	}
	for _, c := range fc.HTTPService.Checks {
		for _, healthy := range []bool{true, false} {
			if rec := get(lag(healthy), c.Method, c.Path); rec.Code != http.StatusOK {
				t.Errorf("http_service check %s %s (indexer healthy: %v): got %d %s", c.Method, c.Path, healthy, rec.Code, rec.Body)
			}
		}
	}
	if rec := get(lag(true), "GET", "/", fc.Metrics.Path); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "feedgen_http_requests_total") {
		t.Errorf("metrics %s: got %d", fc.Metrics.Path, rec.Code)
	}
}

// lag is an indexer health that is fine or far behind.
type lag bool

func (l lag) Health() feedgen.Check {
	if l {
		return feedgen.Check{Status: feedgen.StatusOK}
	}
	return feedgen.Check{Status: feedgen.StatusUnhealthy, Reason: "far behind"}
}

// dockerfile is the instructions of the Dockerfile, continuation lines
// joined, comments dropped.
type instruction struct {
	op, args string
}

func readDockerfile(t *testing.T) []instruction {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []instruction
	var cur string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			cur += strings.TrimSuffix(line, "\\") + " "
			continue
		}
		cur += line
		op, args, _ := strings.Cut(cur, " ")
		out = append(out, instruction{strings.ToUpper(op), strings.TrimSpace(args)})
		cur = ""
	}
	return out
}

// entrypointUID is the uid deploy/entrypoint.sh drops to.
func entrypointUID(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "deploy/entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^uid=(\d+)$`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal("deploy/entrypoint.sh sets no uid")
	}
	return m[1]
}

// The Dockerfile is multi-stage, builds the binary statically, runs it
// through the entrypoint as the unprivileged user, and agrees with fly.toml.
func TestDockerfileMatchesTheCode(t *testing.T) {
	ins := readDockerfile(t)
	fc := readFly(t)
	var froms []int
	for i, in := range ins {
		if in.op == "FROM" {
			froms = append(froms, i)
		}
	}
	if len(froms) < 2 {
		t.Fatalf("%d stages, want a build stage and a run stage", len(froms))
	}
	build, run := ins[:froms[len(froms)-1]], ins[froms[len(froms)-1]:]
	var buildCmd string
	for _, in := range build {
		if in.op == "RUN" && strings.Contains(in.args, " go build ") {
			buildCmd = in.args
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "-X main.version=", "./cmd/feedgen"} {
		if !strings.Contains(buildCmd, want) {
			t.Errorf("build command %q lacks %s", buildCmd, want)
		}
	}
	copies := map[string]string{} // destination -> source
	env := map[string]string{}
	var entrypoint []string
	var expose, uid string
	for _, in := range run {
		switch in.op {
		case "COPY":
			f := strings.Fields(in.args)
			copies[f[len(f)-1]] = strings.Join(f[:len(f)-1], " ")
		case "ENV":
			for _, kv := range strings.Fields(in.args) {
				if k, v, ok := strings.Cut(kv, "="); ok {
					env[k] = v
				}
			}
		case "ENTRYPOINT":
			if err := json.Unmarshal([]byte(in.args), &entrypoint); err != nil {
				t.Fatalf("ENTRYPOINT is not exec form: %v", err)
			}
		case "EXPOSE":
			expose = in.args
		case "USER":
			t.Errorf("USER %s: the entrypoint must start as root to hand the volume over", in.args)
		case "RUN":
			if m := regexp.MustCompile(`--uid (\d+)`).FindStringSubmatch(in.args); m != nil {
				uid = m[1]
			}
		}
	}
	if len(entrypoint) != 2 {
		t.Fatalf("ENTRYPOINT %v, want [entrypoint script, feedgen binary]", entrypoint)
	}
	if src := copies[entrypoint[0]]; src != "deploy/entrypoint.sh" {
		t.Errorf("ENTRYPOINT %s is not deploy/entrypoint.sh (copied from %q)", entrypoint[0], src)
	}
	if src := copies[entrypoint[1]]; !strings.HasPrefix(src, "--from=") {
		t.Errorf("ENTRYPOINT runs %s, which is not the binary from the build stage", entrypoint[1])
	}
	if fi, err := os.Stat(filepath.Join(repoRoot, "deploy/entrypoint.sh")); err != nil || fi.Mode()&0o111 == 0 {
		t.Errorf("deploy/entrypoint.sh must exist and be executable: %v", err)
	}
	if uid == "" || uid == "0" || uid != entrypointUID(t) {
		t.Errorf("the image's user has uid %q, the entrypoint drops to %q", uid, entrypointUID(t))
	}
	if expose != strconv.Itoa(fc.HTTPService.InternalPort) {
		t.Errorf("EXPOSE %s, fly.toml's internal_port %d", expose, fc.HTTPService.InternalPort)
	}
	if env["FEEDGEN_DB"] != fc.Env["FEEDGEN_DB"] || env["FEEDGEN_LISTEN"] != fc.Env["FEEDGEN_LISTEN"] {
		t.Errorf("image ENV %v disagrees with fly.toml's %v", env, fc.Env)
	}
}

// dockerBuildCommand is the Dockerfile's go build, writing to out.
func dockerBuildCommand(t *testing.T, out string) string {
	t.Helper()
	for _, in := range readDockerfile(t) {
		if in.op == "RUN" && strings.Contains(in.args, " go build ") {
			return strings.Replace(in.args, "/out/feedgen", out, 1)
		}
	}
	t.Fatal("no go build in the Dockerfile")
	return ""
}

// The Dockerfile's own build command gives a static binary: no program
// interpreter and no shared libraries, so it runs on any base image.
func TestDockerBuildIsStatic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary from scratch")
	}
	bin := filepath.Join(t.TempDir(), "feedgen")
	cmd := exec.Command("sh", "-c", dockerBuildCommand(t, bin))
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "VERSION=v9.9.9-test")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary has a %v segment: it is dynamically linked", p.Type)
		}
	}
	if libs, err := f.ImportedLibraries(); err != nil || len(libs) != 0 {
		t.Errorf("the binary needs shared libraries %v (%v)", libs, err)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "v9.9.9-test") {
		t.Errorf("--version: got %q (%v), want the build's VERSION", out, err)
	}
}

// The entrypoint, started as root on a root-owned volume holding a
// root-owned (restored) database, hands both to uid 65532 and runs
// feedgen as that user, which then serves from the database.
func TestEntrypointHandsTheVolumeToTheUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, as the container starts")
	}
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Skip("setpriv (util-linux) is not installed")
	}
	uid := entrypointUID(t)
	script, _ := filepath.Abs(filepath.Join(repoRoot, "deploy/entrypoint.sh"))
	base := t.TempDir()
	// The user must be able to reach the volume, as it can reach /data.
	for _, d := range []string{base, filepath.Dir(base)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(base, "data")
	db := filepath.Join(data, "feedgen.db")
	if err := os.Mkdir(data, 0o755); err != nil { // root's, as fly mounts it
		t.Fatal(err)
	}
	seedStore(t, db, 3) // root-owned, as after a restore through fly ssh
	if err := os.Chmod(db, 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command("sh", script, "sh", "-c", `id -u; id -g; id -G; touch "$FEEDGEN_DB.probe"`)
	cmd.Env = append(os.Environ(), "FEEDGEN_DB="+db)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("entrypoint: %v\n%s", err, out)
	}
	if got, want := strings.Fields(string(out)), []string{uid, uid, uid}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ran as uid, gid, groups %v, want %v", got, want)
	}
	for _, p := range []string{data, db, db + ".probe"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st := fi.Sys().(*syscall.Stat_t); strconv.Itoa(int(st.Uid)) != uid || strconv.Itoa(int(st.Gid)) != uid {
			t.Errorf("%s is owned by %d:%d, want %s:%s", p, st.Uid, st.Gid, uid, uid)
		}
	}

	// The real binary, through the entrypoint, serves the restored feed.
	bin := filepath.Join(base, "feedgen")
	b, err := os.ReadFile(testutil.Feedgen(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	s := testutil.Serve(t, []string{"sh", script, bin, "serve"},
		"FEEDGEN_LISTEN=127.0.0.1:0", "FEEDGEN_DB="+db, "FEEDGEN_SOURCE=none")
	if got := skeletonBody(t, s.Addr); strings.Count(got, `"post"`) != 3 {
		t.Errorf("restored feed not served: %s", got)
	}
	s.Stop()

	// Started as another user, the entrypoint changes nothing and runs
	// the command as that user.
	cmd = exec.Command("setpriv", "--reuid=65533", "--regid=65533", "--clear-groups", "sh", script, "sh", "-c", "id -u")
	cmd.Env = append(os.Environ(), "FEEDGEN_DB="+db)
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "65533" {
		t.Errorf("as uid 65533: got %q, %v", out, err)
	}
}

// fly.toml's comments send the operator to DEPLOY.md's steps by number and
// title; both must name the same step, so that renumbering DEPLOY.md cannot
// leave a comment pointing at the wrong one.
func TestFlyTOMLPointsToTheRightSteps(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(repoRoot, "fly.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// Comments, joined into one text: a reference may wrap.
	var comments []string
	for _, line := range strings.Split(string(raw), "\n") {
		if _, c, ok := strings.Cut(line, "#"); ok {
			comments = append(comments, strings.TrimSpace(c))
		}
	}
	text := strings.Join(comments, " ")
	deploy, err := os.ReadFile(filepath.Join(repoRoot, "DEPLOY.md"))
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^## (\d+)\. (.+)$`).FindAllStringSubmatch(string(deploy), -1) {
		headings[m[1]] = m[2]
	}
	refs := regexp.MustCompile(`DEPLOY\.md, step (\d+)(?:, "([^"]+)")?`).FindAllStringSubmatch(text, -1)
	if len(refs) < 5 {
		t.Fatalf("found %d references to DEPLOY.md's steps in fly.toml, want the five it makes", len(refs))
	}
	for _, r := range refs {
		step, title := r[1], r[2]
		switch h, ok := headings[step]; {
		case title == "":
			t.Errorf("%q names no title: write DEPLOY.md, step %s, \"<its title>\"", r[0], step)
		case !ok:
			t.Errorf("%q: DEPLOY.md has no step %s", r[0], step)
		case !strings.HasPrefix(h, title):
			t.Errorf("%q: step %s of DEPLOY.md is %q", r[0], step, h)
		}
	}
}

// The README's build command makes a binary where its next command runs
// it: not `-o feedgen`, which in this repository names the feedgen/
// package directory (Go then puts the binary inside it), and in a place
// git ignores.
func TestREADMEBuildsWhereItRuns(t *testing.T) {
	ignore, err := os.ReadFile(filepath.Join(repoRoot, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"README.md", "DEPLOY.md"} {
		raw, err := os.ReadFile(filepath.Join(repoRoot, doc))
		if err != nil {
			t.Fatal(err)
		}
		builds := regexp.MustCompile("go build -o (\\S+) \\./cmd/feedgen").FindAllStringSubmatch(string(raw), -1)
		if len(builds) == 0 {
			t.Errorf("%s says nowhere how to build the binary", doc)
		}
		for _, b := range builds {
			out := b[1]
			if fi, err := os.Stat(filepath.Join(repoRoot, out)); err == nil && fi.IsDir() {
				t.Errorf("%s: go build -o %s writes into the directory %s/", doc, out, out)
			}
			dir, _, ok := strings.Cut(out, "/")
			if !ok || !strings.Contains(string(ignore), "/"+dir+"/") {
				t.Errorf("%s: the binary %s is not in a directory .gitignore names", doc, out)
			}
			if doc == "README.md" && !strings.Contains(string(raw), out+" serve") {
				t.Errorf("README.md builds %s but does not run `%s serve`", out, out)
			}
		}
	}
}
