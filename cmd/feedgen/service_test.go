package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/scpeace/feedgen/store"
)

// Shutdown keeps its budget even when a part hangs: an indexer that
// ignores its context, or a request that never returns while it holds a
// read transaction open (which also holds the database's close). Each
// step that overruns is logged and the next one runs; the service returns
// within the sum of its steps, and says it did not stop cleanly.
func TestShutdownKeepsItsBudgetWhenAPartHangs(t *testing.T) {
	b := budget{Indexer: 400 * time.Millisecond, Background: 200 * time.Millisecond, HTTP: 400 * time.Millisecond, Close: 300 * time.Millisecond}
	tests := []struct {
		name string
		// hang makes a part of s hang until release is closed, and
		// returns once it does.
		hang    func(s *service, release <-chan struct{})
		overran []string
		// released says the database is closed despite the hang.
		released bool
	}{
		{
			name: "the indexer ignores its context",
			hang: func(s *service, release <-chan struct{}) {
				s.parts[0].run = func(context.Context) error { <-release; return nil }
			},
			overran:  []string{`"step":"indexer","part":"indexer"`},
			released: true,
		},
		{
			name: "a request never returns",
			hang: func(s *service, release <-chan struct{}) {
				entered := make(chan struct{})
				s.server.Echo().GET("/hang", func(c echo.Context) error {
					return s.store.View(func(*store.Tx) error { close(entered); <-release; return nil })
				})
				go func() {
					// Run is not serving yet: dial until it is.
					for {
						resp, err := http.Get("http://" + s.Addr() + "/hang")
						if err == nil {
							resp.Body.Close()
							return
						}
						select {
						case <-release:
							return
						case <-time.After(5 * time.Millisecond):
						}
					}
				}()
				// A part of the first step that returns only once the
				// request holds its transaction: the shutdown cannot
				// begin before the hang does.
				s.parts = append(s.parts, part{name: "waits for the hung request", step: 0, run: func(context.Context) error { <-entered; return nil }})
			},
			overran: []string{`"step":"close","part":"database"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			defer close(release)
			env := localEnv(t)
			s := startService(t, env, b, func(s *service) { tt.hang(s, release) })
			waitServing(t, s)
			t0 := time.Now()
			err := s.stop()
			took := time.Since(t0)
			if took > b.Total()+time.Second {
				t.Errorf("shutdown took %s, over its budget of %s", took, b.Total())
			}
			if err == nil {
				t.Error("a part hung, yet the service says it stopped cleanly")
			}
			logs := s.log.String()
			for _, want := range tt.overran {
				if !regexp.MustCompile(`"msg":"shutdown step overran its budget; going on".*` + regexp.QuoteMeta(want)).MatchString(logs) {
					t.Errorf("no log line of the overrun %s in:\n%s", want, logs)
				}
			}
			if tt.released {
				st, err := store.Open(env["FEEDGEN_DB"], store.Options{Timeout: time.Second})
				if err != nil {
					t.Fatalf("database not released: %v", err)
				}
				st.Close()
			}
		})
	}
}

// waitServing waits until the service answers.
func waitServing(t *testing.T, s *running) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if strings.Contains(s.log.String(), `"msg":"serving"`) {
			return
		}
	}
	t.Fatal("the service never served")
}

// The budget fly.toml and DEPLOY.md promise is the one the code keeps.
func TestDeployDocStatesTheShutdownBudget(t *testing.T) {
	doc, err := os.ReadFile(repoRoot + "/DEPLOY.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	b := shutdownBudget
	for _, want := range []string{
		fmt.Sprintf("commits its cursor with the batch it covers (%d s)", int(b.Indexer.Seconds())),
		fmt.Sprintf("background backfills stop, and so does the feedback pruner (%d s)", int(b.Background.Seconds())),
		fmt.Sprintf("drains the requests in flight for %d s and cuts off the rest (%d s in all)", int(b.drain().Seconds()), int(b.HTTP.Seconds())),
		fmt.Sprintf("the database is closed (%d s)", int(b.Close.Seconds())),
		fmt.Sprintf("takes at most %d s", int(b.Total().Seconds())),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("DEPLOY.md does not say %q", want)
		}
	}
}
