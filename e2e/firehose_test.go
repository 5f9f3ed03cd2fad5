package e2e

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/repo"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/bluesky-social/indigo/events"
	"github.com/bluesky-social/indigo/events/schedulers/sequential"
	lexutil "github.com/bluesky-social/indigo/lex/util"
	"github.com/gorilla/websocket"
)

// firehoseOp is one record operation seen on the firehose, with the record decoded.
type firehoseOp struct {
	Seq    int64
	Action string // create, update, delete
	URI    syntax.ATURI
	CID    string // "" for deletes
	Record any    // *bsky.FeedPost, *bsky.GraphList, ...; nil for deletes
}

// readFirehose replays subscribeRepos from cursor 0 until the event with sequence number
// last, the way a relay consumer reads it: indigo's events.HandleRepoStream, then each
// commit's CAR is checked against its ops (repo.VerifyCommitMessage) and the records are
// read from it.
func readFirehose(t *testing.T, url string, last int64) []firehoseOp {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	conn, _, err := websocket.DefaultDialer.DialContext(ctx, url+"?cursor=0", nil)
	if err != nil {
		t.Fatalf("dial firehose: %v", err)
	}
	defer conn.Close()

	var ops []firehoseOp
	var seen int64
	var decodeErr error
	cb := &events.RepoStreamCallbacks{
		RepoCommit: func(evt *comatproto.SyncSubscribeRepos_Commit) error {
			seen = evt.Seq
			defer func() {
				if seen >= last {
					cancel()
				}
			}()
			r, err := repo.VerifyCommitMessage(ctx, evt)
			if err != nil {
				decodeErr = errors.Join(decodeErr, fmt.Errorf("seq %d: %w", evt.Seq, err))
				return nil
			}
			for _, op := range evt.Ops {
				coll, rkey, ok := strings.Cut(op.Path, "/")
				if !ok {
					decodeErr = errors.Join(decodeErr, fmt.Errorf("seq %d: bad path %q", evt.Seq, op.Path))
					continue
				}
				o := firehoseOp{Seq: evt.Seq, Action: op.Action, URI: syntax.ATURI("at://" + evt.Repo + "/" + op.Path)}
				if op.Action != "delete" {
					raw, c, err := r.GetRecordBytes(ctx, syntax.NSID(coll), syntax.RecordKey(rkey))
					if err != nil {
						decodeErr = errors.Join(decodeErr, fmt.Errorf("seq %d %s: %w", evt.Seq, op.Path, err))
						continue
					}
					o.CID = c.String()
					if o.Record, err = lexutil.CborDecodeValue(raw); err != nil {
						decodeErr = errors.Join(decodeErr, fmt.Errorf("seq %d %s: %w", evt.Seq, op.Path, err))
						continue
					}
				}
				ops = append(ops, o)
			}
			return nil
		},
		RepoIdentity: func(evt *comatproto.SyncSubscribeRepos_Identity) error { seen = evt.Seq; return nil },
		RepoAccount:  func(evt *comatproto.SyncSubscribeRepos_Account) error { seen = evt.Seq; return nil },
		RepoSync:     func(evt *comatproto.SyncSubscribeRepos_Sync) error { seen = evt.Seq; return nil },
	}
	sched := sequential.NewScheduler("e2e-firehose", cb.EventHandler)
	logger := slog.New(slog.DiscardHandler)
	err = events.HandleRepoStream(ctx, conn, sched, logger)
	if seen < last {
		t.Fatalf("firehose ended at seq %d before seq %d: %v", seen, last, err)
	}
	if decodeErr != nil {
		t.Errorf("firehose records: %v", decodeErr)
	}
	return ops
}

// TestFirehoseCarriesPostsListsAndDeletes proves the harness against the real PDS: what
// the helpers write is what a firehose consumer (our indexer) will read, with the same
// URIs and CIDs, including deletes and list edits.
func TestFirehoseCarriesPostsListsAndDeletes(t *testing.T) {
	n := Start(t, PDSOnly)
	alice := n.CreateAccount(t, "alice")
	bob := n.CreateAccount(t, "bob")

	onTopic := n.Post(t, alice, "Pashinyan and Aliyev initialled the peace agreement in Washington", PostOpts{Langs: []string{"en"}})
	// The leading dashes check that texts reach client.mjs intact (its parser would take
	// a bare "--- ..." argument for an option).
	offTopic := n.Post(t, bob, "--- Lunch today was excellent, nothing to do with politics", PostOpts{Langs: []string{"en"}})
	doomed := n.Post(t, bob, "Ереван и Баку: этот пост будет удалён", PostOpts{Langs: []string{"ru"}})
	reply := n.Post(t, bob, "The ratification still has to pass both parliaments", PostOpts{
		Langs: []string{"en"}, ReplyTo: onTopic.URI,
		Link: &LinkCard{URI: "https://example.com/peace", Title: "Peace text", Description: "What was signed"},
	})
	n.Delete(t, bob, doomed.URI)

	list := n.CreateList(t, alice, "South Caucasus voices", CurateList, "first name")
	bobItem := n.AddListItem(t, alice, list.URI, bob.DID)
	aliceItem := n.AddListItem(t, alice, list.URI, alice.DID)
	renamed := n.UpdateList(t, alice, list.URI, "South Caucasus peace voices", "second name")
	n.Delete(t, alice, aliceItem.URI)

	last := n.ProcessAll(t)
	ops := readFirehose(t, n.FirehoseURL, last)

	find := func(action string, uri syntax.ATURI) *firehoseOp {
		for i := range ops {
			if ops[i].Action == action && ops[i].URI == uri {
				return &ops[i]
			}
		}
		return nil
	}

	posts := []struct {
		name     string
		ref      Ref
		text     string
		langs    []string
		replyTo  syntax.ATURI
		linkCard string
	}{
		{name: "on-topic", ref: onTopic, text: "Pashinyan and Aliyev initialled the peace agreement in Washington", langs: []string{"en"}},
		{name: "off-topic", ref: offTopic, text: "--- Lunch today was excellent, nothing to do with politics", langs: []string{"en"}},
		{name: "deleted later", ref: doomed, text: "Ереван и Баку: этот пост будет удалён", langs: []string{"ru"}},
		{name: "reply with link card", ref: reply, text: "The ratification still has to pass both parliaments", langs: []string{"en"}, replyTo: onTopic.URI, linkCard: "https://example.com/peace"},
	}
	for _, tt := range posts {
		t.Run("create "+tt.name, func(t *testing.T) {
			op := find("create", tt.ref.URI)
			if op == nil {
				t.Fatalf("no create of %s on the firehose", tt.ref.URI)
			}
			if op.CID != tt.ref.CID.String() {
				t.Errorf("got cid %s, want %s", op.CID, tt.ref.CID)
			}
			post, ok := op.Record.(*bsky.FeedPost)
			if !ok {
				t.Fatalf("got record %T, want *bsky.FeedPost", op.Record)
			}
			if post.Text != tt.text {
				t.Errorf("got text %q, want %q", post.Text, tt.text)
			}
			if !slices.Equal(post.Langs, tt.langs) {
				t.Errorf("got langs %v, want %v", post.Langs, tt.langs)
			}
			var gotParent, gotRoot string
			if post.Reply != nil {
				gotParent, gotRoot = post.Reply.Parent.Uri, post.Reply.Root.Uri
			}
			if gotParent != string(tt.replyTo) || gotRoot != string(tt.replyTo) {
				t.Errorf("got reply parent %q root %q, want both %q", gotParent, gotRoot, tt.replyTo)
			}
			var gotLink string
			if post.Embed != nil && post.Embed.EmbedExternal != nil {
				gotLink = post.Embed.EmbedExternal.External.Uri
			}
			if gotLink != tt.linkCard {
				t.Errorf("got link card %q, want %q", gotLink, tt.linkCard)
			}
		})
	}

	t.Run("delete", func(t *testing.T) {
		del := find("delete", doomed.URI)
		if del == nil {
			t.Fatalf("no delete of %s on the firehose", doomed.URI)
		}
		if c := find("create", doomed.URI); c != nil && c.Seq >= del.Seq {
			t.Errorf("delete at seq %d does not follow its create at seq %d", del.Seq, c.Seq)
		}
		for _, kept := range []Ref{onTopic, offTopic, reply} {
			if find("delete", kept.URI) != nil {
				t.Errorf("%s deleted, want kept", kept.URI)
			}
		}
	})

	t.Run("list create and rename", func(t *testing.T) {
		c := find("create", list.URI)
		if c == nil {
			t.Fatalf("no create of %s", list.URI)
		}
		u := find("update", list.URI)
		if u == nil {
			t.Fatalf("no update of %s", list.URI)
		}
		if u.CID != renamed.CID.String() {
			t.Errorf("got update cid %s, want %s", u.CID, renamed.CID)
		}
		got, ok := u.Record.(*bsky.GraphList)
		if !ok {
			t.Fatalf("got record %T, want *bsky.GraphList", u.Record)
		}
		if got.Name != "South Caucasus peace voices" || got.Purpose == nil || *got.Purpose != "app.bsky.graph.defs#curatelist" {
			t.Errorf("got name %q purpose %v, want %q curatelist", got.Name, got.Purpose, "South Caucasus peace voices")
		}
	})

	t.Run("list items", func(t *testing.T) {
		items := []struct {
			name    string
			ref     Ref
			subject syntax.DID
			deleted bool
		}{
			{name: "bob stays", ref: bobItem, subject: bob.DID},
			{name: "alice removed", ref: aliceItem, subject: alice.DID, deleted: true},
		}
		for _, tt := range items {
			c := find("create", tt.ref.URI)
			if c == nil {
				t.Errorf("%s: no create of %s", tt.name, tt.ref.URI)
				continue
			}
			item, ok := c.Record.(*bsky.GraphListitem)
			if !ok {
				t.Errorf("%s: got record %T, want *bsky.GraphListitem", tt.name, c.Record)
				continue
			}
			if item.List != list.URI.String() || item.Subject != tt.subject.String() {
				t.Errorf("%s: got list %s subject %s, want %s %s", tt.name, item.List, item.Subject, list.URI, tt.subject)
			}
			if got := find("delete", tt.ref.URI) != nil; got != tt.deleted {
				t.Errorf("%s: got deleted %v, want %v", tt.name, got, tt.deleted)
			}
		}
	})
}
