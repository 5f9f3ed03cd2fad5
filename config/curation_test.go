package config

import (
	"strings"
	"testing"
	"time"
)

func TestCurationSettings(t *testing.T) {
	cfg, err := load(t, nil, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BackfillWindow != 7*24*time.Hour || cfg.MaxPins != 5 {
		t.Errorf("defaults: backfill %s, max pins %d; want 168h, 5", cfg.BackfillWindow, cfg.MaxPins)
	}
	cfg, err = load(t, map[string]string{"FEEDGEN_BACKFILL_WINDOW": "0s", "FEEDGEN_MAX_PINS": "3"}, "serve")
	if err != nil || cfg.BackfillWindow != 0 || cfg.MaxPins != 3 {
		t.Errorf("from the environment: got %+v %v", cfg, err)
	}
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"window longer than retention", map[string]string{"FEEDGEN_BACKFILL_WINDOW": "1000h"}, "FEEDGEN_BACKFILL_WINDOW"},
		{"negative window", map[string]string{"FEEDGEN_BACKFILL_WINDOW": "-1h"}, "FEEDGEN_BACKFILL_WINDOW"},
		{"no pins", map[string]string{"FEEDGEN_MAX_PINS": "0"}, "FEEDGEN_MAX_PINS"},
		{"too many pins", map[string]string{"FEEDGEN_MAX_PINS": "21"}, "FEEDGEN_MAX_PINS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := load(t, tt.env, "serve"); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error naming %s", err, tt.want)
			}
		})
	}
}
