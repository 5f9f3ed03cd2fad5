package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/user"
	"time"

	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/curation"
	"github.com/scpeace/feedgen/indexer"
	"github.com/scpeace/feedgen/internal/directory"
	"github.com/scpeace/feedgen/internal/netguard"
	"github.com/scpeace/feedgen/store"
)

// newDirectory resolves handles and DID documents for curation: through
// the configured PLC directory, cached, since curators ask about the same
// few accounts again and again; a DID document names its own did:web host
// and PDS, and someone else's data must not steer our requests into our
// own networks (didClient). --handle-resolver sends handles to a service
// of our own configuration instead of DNS.
func newDirectory(cfg *config.Config) identity.Directory {
	return directory.New(directory.Config{
		PLCURL:         cfg.PLCURL,
		HTTPClient:     didClient(cfg),
		HandleResolver: cfg.HandleResolver,
		ResolverClient: pdsClient(cfg, 10*time.Second, netguard.HostPort(cfg.HandleResolver)),
		UserAgent:      "feedgen/" + version,
	})
}

// localActor names whoever runs a command on the database file directly,
// for the audit log (through the admin API, the token's name is used).
func localActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "cli:" + u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return "cli:" + u
	}
	return "cli"
}

// curate runs a curation command: remote against the running server's
// admin API, or, when no server answers, local against a curation service
// on the database file. Both end in the same curation.Service method.
func curate(ctx context.Context, cmd *cli.Command, remote func(*adminClient) error, local func(svc *curation.Service, actor string) error) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	return withServerOrStore(ctx, cmd, cfg, remote, func(st *store.Store) error {
		logger := slog.New(slog.NewTextHandler(cmd.Root().ErrWriter, &slog.HandlerOptions{Level: slog.LevelWarn, ReplaceAttr: readableAttr}))
		c, err := newCore(cfg, st, logger, coreOptions{source: indexer.SourceSpec{Kind: indexer.SourceNone}, backfill: true})
		if err != nil {
			return err
		}
		return c.withWriter(ctx, func() error { return local(c.curation, localActor()) })
	})
}

// postOp is a curation operation on one post (block, pin, ...).
type postOp[T any] func(*curation.Service, context.Context, string, curation.PostRequest) (T, error)

// curatePost runs op on the post the command names (with its --feed and
// --note, where it has them): through the admin API at path, or on the
// database file.
func curatePost[T any](ctx context.Context, cmd *cli.Command, path string, op postOp[T]) (T, error) {
	var res T
	uri, err := oneArg(cmd, "the post")
	if err != nil {
		return res, err
	}
	req := curation.PostRequest{Feed: cmd.String("feed"), URI: uri, Note: cmd.String("note")}
	err = curate(ctx, cmd,
		func(a *adminClient) error { return a.do(ctx, http.MethodPost, path, req, &res) },
		func(svc *curation.Service, actor string) (err error) {
			res, err = op(svc, ctx, actor, req)
			return err
		})
	return res, err
}

// Flags the curation commands share. Each command gets its own: a flag
// keeps the state of the run that parsed it.
func feedFlag() cli.Flag {
	return &cli.StringFlag{Name: "feed", Usage: "feed `RKEY` (default: the only feed)"}
}

func jsonFlag() cli.Flag { return &cli.BoolFlag{Name: "json", Usage: "print the result as JSON"} }

func noteFlag() cli.Flag {
	return &cli.StringFlag{Name: "note", Usage: "a note for the audit log and the curators"}
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// output prints v as JSON with --json, else as text.
func output(cmd *cli.Command, v any, text func(io.Writer)) error {
	w := cmd.Root().Writer
	if cmd.Bool("json") {
		return printJSON(w, v)
	}
	text(w)
	return nil
}

// oneArg returns the single argument a command takes.
func oneArg(cmd *cli.Command, what string) (string, error) {
	if cmd.Args().Len() != 1 {
		return "", fmt.Errorf("%s: want exactly one argument, %s", cmd.FullName(), what)
	}
	return cmd.Args().First(), nil
}

// peopleWait is how long a command waits for the authors it names to be
// resolved: unlike the page, it has no later to show them in.
const peopleWait = 5 * time.Second

// people says who dids are, through the server or the service; an author
// not resolved in time, or at all, is their DID.
type people map[syntax.DID]curation.Person

func remotePeople(ctx context.Context, a *adminClient, dids []syntax.DID) people {
	if len(dids) == 0 {
		return nil
	}
	q := url.Values{"wait": {peopleWait.String()}}
	for _, d := range dids[:min(len(dids), curation.MaxPeople)] {
		q.Add("did", d.String())
	}
	var out struct {
		People people `json:"people"`
	}
	// Names are a nicety: a server that cannot say leaves the DIDs.
	if err := a.do(ctx, http.MethodGet, "/admin/people?"+q.Encode(), nil, &out); err != nil {
		return nil
	}
	return out.People
}

func localPeople(ctx context.Context, svc *curation.Service, dids []syntax.DID) people {
	return svc.People(ctx, dids, peopleWait)
}

// name is how did is written: "@handle (Display Name)", or the DID.
func (p people) name(did syntax.DID) string {
	if q, ok := p[did]; ok {
		return q.Name()
	}
	return did.String()
}

// named is the name followed by the DID, for lines where the DID is what
// another command takes; the DID alone when nothing better is known.
func (p people) named(did syntax.DID) string {
	if n := p.name(did); n != did.String() {
		return n + " " + did.String()
	}
	return did.String()
}

func usTime(us int64) string {
	if us <= 0 {
		return "-"
	}
	return time.UnixMicro(us).UTC().Format("2006-01-02 15:04Z")
}
