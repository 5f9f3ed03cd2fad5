package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"
)

const viewer = syntax.DID("did:plc:viewerxxxxxxxxxxxxxxxxxx")

func TestViewerPrefsRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		p    ViewerPrefs
	}{
		{"less only", ViewerPrefs{LessPosts: []Mark{{"at://did:plc:a/app.bsky.feed.post/1", 5}}}},
		{"all three", ViewerPrefs{
			LessPosts:   []Mark{{"at://did:plc:a/app.bsky.feed.post/1", 1}, {"at://did:plc:b/app.bsky.feed.post/2", 1 << 50}},
			MorePosts:   []Mark{{"at://did:plc:c/app.bsky.feed.post/3", 7}},
			LessAuthors: []Mark{{"did:plc:a", 9}},
		}},
		{"non-ascii subject", ViewerPrefs{MorePosts: []Mark{{"at://did:web:xn--80ak6aa92e.com/app.bsky.feed.post/ü", 0}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodePrefs(encodePrefs(&tt.p))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.p) {
				t.Errorf("got %+v, want %+v", *got, tt.p)
			}
		})
	}
}

func TestCorruptViewerPrefsAreRefused(t *testing.T) {
	good := encodePrefs(&ViewerPrefs{LessPosts: []Mark{{"at://did:plc:a/app.bsky.feed.post/1", 5}}})
	tests := []struct {
		name string
		v    []byte
	}{
		{"empty", nil},
		{"unknown version", append([]byte{9}, good[1:]...)},
		{"truncated", good[:len(good)-3]},
		{"trailing bytes", append(append([]byte(nil), good...), 0)},
		{"huge count", []byte{prefsVersion, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		{"length past end", []byte{prefsVersion, 1, 5, 200, 'a'}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodePrefs(tt.v); !errors.Is(err, ErrCorruptPrefs) {
				t.Errorf("got %v, want ErrCorruptPrefs", err)
			}
		})
	}
}

func FuzzDecodePrefs(f *testing.F) {
	f.Add(encodePrefs(&ViewerPrefs{LessPosts: []Mark{{"at://x", 1}}, LessAuthors: []Mark{{"did:plc:a", 2}}}))
	f.Add([]byte{prefsVersion, 0, 0, 0})
	f.Fuzz(func(t *testing.T, v []byte) {
		p, err := decodePrefs(v)
		if err != nil {
			return
		}
		again, err := decodePrefs(encodePrefs(p))
		if err != nil || !reflect.DeepEqual(again, p) {
			t.Fatalf("re-encoding %x changed it: %+v, %v", v, again, err)
		}
	})
}

func TestPutAndReadViewerPrefs(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	// Nothing stored yet, not even the bucket.
	p, err := s.ViewerPrefs(context.Background(), viewer, "sc-peace")
	if err != nil || !p.Empty() {
		t.Fatalf("fresh store: got %+v, %v; want empty prefs", p, err)
	}
	want := &ViewerPrefs{LessPosts: []Mark{{"at://did:plc:a/app.bsky.feed.post/1", 5}}}
	if err := s.Update(ctx, func(tx *Tx) error { return tx.PutViewerPrefs(viewer, "sc-peace", want) }); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.ViewerPrefs(context.Background(), viewer, "sc-peace"); !reflect.DeepEqual(p, want) {
		t.Errorf("read back: got %+v, want %+v", p, want)
	}
	if p, _ := s.ViewerPrefs(context.Background(), viewer, "other"); !p.Empty() {
		t.Errorf("prefs leak into another feed: %+v", p)
	}
	if p, _ := s.ViewerPrefs(context.Background(), "did:plc:someoneelsexxxxxxxxxxxxx", "sc-peace"); !p.Empty() {
		t.Errorf("prefs leak to another viewer: %+v", p)
	}
	// Taking everything back leaves no record behind.
	if err := s.Update(ctx, func(tx *Tx) error { return tx.PutViewerPrefs(viewer, "sc-peace", &ViewerPrefs{}) }); err != nil {
		t.Fatal(err)
	}
	if n := s.CountViewerPrefs(); n != 0 {
		t.Errorf("after emptying: %d records, want 0", n)
	}
}

func TestCorruptStoredPrefsServeAsEmpty(t *testing.T) {
	s := mustOpen(t)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketViewerPrefs)
		if err != nil {
			return err
		}
		return b.Put(prefsKey(viewer, "sc-peace"), []byte{7, 7, 7})
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.ViewerPrefs(context.Background(), viewer, "sc-peace")
	if !errors.Is(err, ErrCorruptPrefs) || p == nil || !p.Empty() {
		t.Fatalf("got %+v, %v; want empty prefs and ErrCorruptPrefs", p, err)
	}
}

// Pruning visits every record across many batches, rewrites those it
// trims, deletes those left empty and those nobody can decode, and leaves
// the rest byte for byte.
func TestPruneViewerPrefs(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	const n = 23
	err := s.Update(ctx, func(tx *Tx) error {
		for i := range n {
			v := syntax.DID(fmt.Sprintf("did:plc:viewer%018d", i))
			p := &ViewerPrefs{LessPosts: []Mark{{"at://old", 100}}}
			if i%2 == 0 {
				p.LessPosts = append(p.LessPosts, Mark{"at://new", 900})
			}
			if err := tx.PutViewerPrefs(v, "sc-peace", p); err != nil {
				return err
			}
		}
		return tx.tx.Bucket(bucketViewerPrefs).Put(prefsKey("did:plc:brokenxxxxxxxxxxxxxxxxxx", "sc-peace"), []byte{0})
	})
	if err != nil {
		t.Fatal(err)
	}
	dropOld := func(p *ViewerPrefs) {
		var keep []Mark
		for _, m := range p.LessPosts {
			if m.AtUS >= 500 {
				keep = append(keep, m)
			}
		}
		p.LessPosts = keep
	}
	rewritten, deleted, err := s.PruneViewerPrefs(ctx, dropOld, 4)
	if err != nil {
		t.Fatal(err)
	}
	if rewritten != 12 || deleted != 11+1 {
		t.Errorf("got %d rewritten, %d deleted; want 12 and 12", rewritten, deleted)
	}
	if got := s.CountViewerPrefs(); got != 12 {
		t.Errorf("%d records left, want 12", got)
	}
	p, _ := s.ViewerPrefs(context.Background(), "did:plc:viewer000000000000000000", "sc-peace")
	if want := []Mark{{"at://new", 900}}; !reflect.DeepEqual(p.LessPosts, want) {
		t.Errorf("kept marks: got %+v, want %+v", p.LessPosts, want)
	}
	// A second pass has nothing left to do.
	if rewritten, deleted, err := s.PruneViewerPrefs(ctx, dropOld, 4); err != nil || rewritten+deleted != 0 {
		t.Errorf("second pass: %d rewritten, %d deleted, %v; want nothing", rewritten, deleted, err)
	}
}
