package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The repo curation store's commands refuse what cannot work, saying
// what to do: a store name that does not exist, the repo store without
// the publisher's password, a rebuild with curation kept locally, and an
// export with nowhere to write.
func TestRepoStoreCommandsRefuseClearly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "feedgen.db")
	seedStore(t, db, 1)
	base := []string{"FEEDGEN_DB=" + db, "FEEDGEN_ADMIN_URL=" + closedURL}
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want []string
	}{
		{"unknown store", []string{"FEEDGEN_CURATION_STORE=cloud"}, []string{"rebuild"}, []string{"FEEDGEN_CURATION_STORE", `"cloud"`, "local or repo"}},
		{"repo without a password", []string{"FEEDGEN_CURATION_STORE=repo"}, []string{"rebuild"}, []string{"FEEDGEN_PUBLISHER_PASSWORD"}},
		{"rebuild of the local store", nil, []string{"rebuild"}, []string{"LocalStore", "no repository to rebuild from"}},
		{"export without a destination", nil, []string{"curation", "export"}, []string{"--to-repo"}},
		{"export without credentials", nil, []string{"curation", "export", "--to-repo"}, []string{"NoPublisher", "FEEDGEN_PUBLISHER_PASSWORD"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runFeedgen(t, localEnv(t, append(base, tc.env...)...), tc.args...)
			if err == nil {
				t.Fatalf("succeeded: %s", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %s", err, w)
				}
			}
		})
	}
}
