package auth

import (
	"log/slog"
	"os"
	"testing"
)

// TestMain quiets indigo's default-logger Info line ("purging directory and retrying ...")
// that every forged token in these tests would print; warnings and errors still show.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(m.Run())
}
