package indexer

import (
	"bytes"
	"io"
	"testing"

	"github.com/bluesky-social/indigo/atproto/atdata"
	"github.com/bluesky-social/indigo/events"

	"github.com/scpeace/feedgen/lexicons"
)

// genericRec is a record of our own, CBOR-encoded as a PDS would.
type genericRec map[string]any

func (g genericRec) MarshalCBOR(w io.Writer) error {
	b, err := atdata.MarshalCBOR(g)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Curation records reach the RecordHandler decoded, from either source,
// the same; a record whose $type is not its collection is dropped.
func TestCurationRecordsDecodeFromBothSources(t *testing.T) {
	pin := map[string]any{"$type": lexicons.Pin, "feed": "sc-peace", "subject": postURI(did(2), "3kp").String(), "createdAt": "2026-11-29T23:00:00.000Z"}
	frame := commitFrame(t, 9, did(1), testNow, []fhOp{
		{action: "create", path: lexicons.Pin + "/abc", rec: genericRec(pin)},
		{action: "create", path: lexicons.BlockedPost + "/abd", rec: genericRec(pin)},
		{action: "delete", path: lexicons.Pin + "/abc"},
	})
	var xev events.XRPCStreamEvent
	if err := xev.Deserialize(bytes.NewReader(frame)); err != nil {
		t.Fatal(err)
	}
	msgs := firehoseMessages(&xev)
	if len(msgs) != 3 {
		t.Fatalf("got %d messages, want 3", len(msgs))
	}
	if c := msgs[0].ev.Commit; msgs[0].drop != "" || c.Data["subject"] != pin["subject"] || c.Data["feed"] != "sc-peace" {
		t.Errorf("pin from the firehose: got %+v, drop %q", c, msgs[0].drop)
	}
	if msgs[1].drop != ReasonRecordMismatch {
		t.Errorf("a pin in the blocks: drop %q, want %s", msgs[1].drop, ReasonRecordMismatch)
	}
	if c := msgs[2].ev.Commit; msgs[2].drop != "" || c.Op != OpDelete || c.RKey != "abc" {
		t.Errorf("unpin: got %+v, drop %q", c, msgs[2].drop)
	}

	// Jetstream: the same record as JSON, and back.
	ev := msgs[0].ev
	ev.TimeUS, ev.Cursor = testNow.UnixMicro(), testNow.UnixMicro()
	b, err := EncodeJetstream(ev)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeJetstream(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Commit.Data["subject"] != pin["subject"] || got.Commit.Data["$type"] != lexicons.Pin {
		t.Errorf("pin from Jetstream: %+v", got.Commit.Data)
	}
	bad := bytes.Replace(b, []byte(`"$type":"`+lexicons.Pin), []byte(`"$type":"app.bsky.feed.post`), 1)
	if _, err := DecodeJetstream(bad); DropReason(err) != ReasonRecordMismatch {
		t.Errorf("mismatched $type from Jetstream: %v", err)
	}
}
