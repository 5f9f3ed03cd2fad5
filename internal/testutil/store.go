// Package testutil holds what the tests of several packages share: a
// store in a temporary directory, a dump of a whole database to compare
// two of them, a fake PDS, the feedgen binary built once and a helper that
// runs it. It imports only the store and the domain types, so that the
// tests of the indexer, the decider, curation and the server can all use
// it (the store's own tests open their stores themselves).
package testutil

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// MustOpen opens a new store in a temporary directory, closed when the
// test ends. It skips fsync: tests do not survive power cuts.
func MustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "feedgen.db"), store.Options{NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Dump is every key and value of the store, nested buckets as
// "bucket/sub/key", for comparing two stores.
func Dump(tb testing.TB, st *store.Store) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := st.View(func(tx *store.Tx) error {
		var walk func(prefix string, b *bolt.Bucket) error
		walk = func(prefix string, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return walk(prefix+string(k)+"/", b.Bucket(k))
				}
				out[prefix+string(k)] = string(v)
				return nil
			})
		}
		return tx.Bolt().ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(string(name)+"/", b)
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// DumpFile is Dump of the database file at path, opened read-only.
func DumpFile(tb testing.TB, path string) map[string]string {
	tb.Helper()
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	return Dump(tb, st)
}

// Diff lists the keys that differ between two dumps, sorted: "only in
// first: k", "only in second: k" or "differs: k".
func Diff(a, b map[string]string) []string {
	var diffs []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			diffs = append(diffs, "only in first: "+k)
		} else if v != w {
			diffs = append(diffs, "differs: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diffs = append(diffs, "only in second: "+k)
		}
	}
	sort.Strings(diffs)
	return diffs
}

// PutPosts stores posts, with the feeds each lists, in one transaction.
func PutPosts(tb testing.TB, st *store.Store, posts ...*model.Post) {
	tb.Helper()
	err := st.Update(context.Background(), func(tx *store.Tx) error {
		for _, p := range posts {
			if err := tx.PutPost(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}
