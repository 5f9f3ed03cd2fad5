package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	comatproto "github.com/bluesky-social/indigo/api/atproto"
	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/bluesky-social/indigo/atproto/atclient"
	"github.com/bluesky-social/indigo/atproto/identity"
	"github.com/bluesky-social/indigo/atproto/syntax"
	lexutil "github.com/bluesky-social/indigo/lex/util"
	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"
	"github.com/rivo/uniseg"
	"github.com/urfave/cli/v3"

	"github.com/scpeace/feedgen/config"
	"github.com/scpeace/feedgen/internal/netguard"
)

// generatorCollection is the collection of feed generator records.
const generatorCollection = "app.bsky.feed.generator"

// Limits of the app.bsky.feed.generator lexicon.
const (
	maxDisplayGraphemes = 24
	maxDisplayBytes     = 240
	maxDescGraphemes    = 300
	maxDescBytes        = 3000
	maxAvatarBytes      = 1_000_000
)

// publishTimeout bounds a whole publish or unpublish run, so a PDS that
// stops answering cannot hang a deploy script.
const publishTimeout = 2 * time.Minute

func publishCommand() *cli.Command {
	return &cli.Command{
		Name:      "publish",
		Usage:     "create or update the app.bsky.feed.generator record of every configured feed (or of the RKEYs named)",
		ArgsUsage: "[RKEY...]",
		Description: "Logs in as the publisher (FEEDGEN_PUBLISHER_HANDLE or FEEDGEN_PUBLISHER_DID, with the app password in\n" +
			"FEEDGEN_PUBLISHER_PASSWORD) on its PDS (FEEDGEN_PDS_URL, or the one its DID document names), uploads each\n" +
			"feed's avatar and writes its record. Every record is checked before anything is sent.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Usage: "check and print the records, send nothing"},
		},
		Action: runPublish,
	}
}

func unpublishCommand() *cli.Command {
	return &cli.Command{
		Name:      "unpublish",
		Usage:     "delete the app.bsky.feed.generator record of every configured feed (or of the RKEYs named)",
		ArgsUsage: "[RKEY...]",
		Action:    runUnpublish,
	}
}

// avatarFile is a feed's avatar, read and checked.
type avatarFile struct {
	Path string
	Data []byte
	MIME string
	CID  cid.Cid
}

// feedRecord is the record publish writes for one feed.
type feedRecord struct {
	Feed   config.Feed
	Record bsky.FeedGenerator
	Avatar *avatarFile
}

// selectFeeds returns the feeds named by rkeys, or all of them.
func selectFeeds(cfg *config.Config, rkeys []string) ([]config.Feed, error) {
	if len(rkeys) == 0 {
		return cfg.Feeds, nil
	}
	var out []config.Feed
	for _, k := range rkeys {
		i := slices.IndexFunc(cfg.Feeds, func(f config.Feed) bool { return f.RKey == k })
		if i < 0 {
			return nil, fmt.Errorf("no feed with rkey %q is configured", k)
		}
		out = append(out, cfg.Feeds[i])
	}
	return out, nil
}

// buildRecords makes and checks the record of each feed. It reads the
// avatars but touches no network; every problem of every feed is
// reported at once.
func buildRecords(cfg *config.Config, feeds []config.Feed, now time.Time) ([]feedRecord, error) {
	var errs []error
	var out []feedRecord
	for _, f := range feeds {
		rec, err := buildRecord(cfg, f, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("feed %s: %w", f.RKey, err))
			continue
		}
		out = append(out, rec)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func buildRecord(cfg *config.Config, f config.Feed, now time.Time) (feedRecord, error) {
	fr := feedRecord{Feed: f}
	if _, err := syntax.ParseRecordKey(f.RKey); err != nil {
		return fr, fmt.Errorf("rkey: %w", err)
	}
	if _, err := syntax.ParseDID(cfg.ServiceDID.String()); err != nil {
		return fr, fmt.Errorf("service DID: %w", err)
	}
	name := strings.TrimSpace(f.DisplayName)
	if n := uniseg.GraphemeClusterCount(name); n == 0 || n > maxDisplayGraphemes || len(name) > maxDisplayBytes {
		return fr, fmt.Errorf("displayName must be 1 to %d graphemes and %d bytes, is %d graphemes and %d bytes", maxDisplayGraphemes, maxDisplayBytes, n, len(name))
	}
	if n := uniseg.GraphemeClusterCount(f.Description); n > maxDescGraphemes || len(f.Description) > maxDescBytes {
		return fr, fmt.Errorf("description must be at most %d graphemes and %d bytes, is %d graphemes and %d bytes", maxDescGraphemes, maxDescBytes, n, len(f.Description))
	}
	fr.Record = bsky.FeedGenerator{
		LexiconTypeID: generatorCollection,
		Did:           cfg.ServiceDID.String(),
		DisplayName:   name,
		CreatedAt:     now.UTC().Format(syntax.AtprotoDatetimeLayout),
	}
	if f.Description != "" {
		d := f.Description
		fr.Record.Description = &d
	}
	if f.AcceptsInteractions {
		yes := true
		fr.Record.AcceptsInteractions = &yes
	}
	if f.ContentMode != "" {
		m := f.ContentMode
		fr.Record.ContentMode = &m
	}
	// Checked against the description when the definitions were loaded.
	fr.Record.DescriptionFacets = f.DescriptionFacets
	if f.Avatar != "" {
		path := f.Avatar
		// A relative avatar sits beside the feeds file that names it.
		if !filepath.IsAbs(path) && cfg.FeedsFile != "" {
			path = filepath.Join(filepath.Dir(cfg.FeedsFile), path)
		}
		av, err := readAvatar(path)
		if err != nil {
			return fr, err
		}
		fr.Avatar = av
		fr.Record.Avatar = &lexutil.LexBlob{Ref: lexutil.LexLink(av.CID), MimeType: av.MIME, Size: int64(len(av.Data))}
	}
	return fr, nil
}

// readAvatar reads an avatar and checks it is a PNG or JPEG (by its
// bytes, not its name) of at most 1 MB, as the lexicon requires.
func readAvatar(path string) (*avatarFile, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("avatar: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("avatar %s is not a file", path)
	}
	if fi.Size() > maxAvatarBytes {
		return nil, fmt.Errorf("avatar %s is %d bytes, the limit is %d", path, fi.Size(), maxAvatarBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("avatar: %w", err)
	}
	if len(data) > maxAvatarBytes {
		return nil, fmt.Errorf("avatar %s is %d bytes, the limit is %d", path, len(data), maxAvatarBytes)
	}
	mt := http.DetectContentType(data)
	if mt != "image/png" && mt != "image/jpeg" {
		return nil, fmt.Errorf("avatar %s must be a PNG or JPEG image, is %s", path, mt)
	}
	// The blob's CID is that of its raw bytes, so a publish can tell an
	// unchanged avatar without uploading it again.
	c, err := cid.NewPrefixV1(cid.Raw, multihash.SHA2_256).Sum(data)
	if err != nil {
		return nil, fmt.Errorf("avatar CID: %w", err)
	}
	return &avatarFile{Path: path, Data: data, MIME: mt, CID: c}, nil
}

// login opens a session on the publisher's PDS and checks it is the
// account whose DID the served feed URIs name.
func login(ctx context.Context, cfg *config.Config) (*atclient.APIClient, error) {
	if cfg.PublisherPassword == "" {
		return nil, fmt.Errorf("set %s to an app password of the publisher (Settings > Privacy and security > App passwords)", config.EnvName(config.FlagPublisherPass))
	}
	who := cfg.PublisherHandle
	if who == "" {
		who = cfg.PublisherDID.String()
	}
	host := cfg.PDSURL
	if host == "" {
		id, err := syntax.ParseAtIdentifier(who)
		if err != nil {
			return nil, fmt.Errorf("publisher %q: %w", who, err)
		}
		dir := &identity.BaseDirectory{PLCURL: cfg.PLCURL, SkipHandleVerification: true, UserAgent: "feedgen/" + version,
			HTTPClient: *didClient(cfg)}
		ident, err := dir.Lookup(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("find the PDS of %s (or set %s): %w", who, config.EnvName(config.FlagPDSURL), netguard.Diagnose(err))
		}
		if host = ident.PDSEndpoint(); host == "" {
			return nil, fmt.Errorf("the DID document of %s names no PDS; set %s", who, config.EnvName(config.FlagPDSURL))
		}
	}
	// The PDS named by --pds-url is ours; one found in a DID document goes
	// through the address check like any other.
	var trusted []string
	if cfg.PDSURL != "" {
		trusted = append(trusted, netguard.HostPort(cfg.PDSURL))
	}
	c := atclient.NewAPIClient(host)
	c.Client = pdsClient(cfg, time.Minute, trusted...)
	c.Headers.Set("User-Agent", "feedgen/"+version)
	// atclient.LoginWithPasswordHost would log in through
	// http.DefaultClient; this is the same call on our client.
	var sess comatproto.ServerCreateSession_Output
	in := comatproto.ServerCreateSession_Input{Identifier: who, Password: cfg.PublisherPassword}
	if err := c.Post(ctx, "com.atproto.server.createSession", &in, &sess); err != nil {
		return nil, fmt.Errorf("log in to %s as %s: %w", host, who, netguard.Diagnose(err))
	}
	did, err := syntax.ParseDID(sess.Did)
	if err != nil {
		return nil, fmt.Errorf("log in to %s as %s: the PDS answered DID %q: %w", host, who, sess.Did, err)
	}
	c.Auth = &atclient.PasswordAuth{Session: atclient.PasswordSessionData{
		AccessToken: sess.AccessJwt, RefreshToken: sess.RefreshJwt, AccountDID: did, Host: c.Host,
	}}
	c.AccountDID = &did
	if *c.AccountDID != cfg.PublisherDID {
		return nil, fmt.Errorf("logged in as %s, but the feeds are served as records of %s: set %s=%s so the feed URIs match",
			*c.AccountDID, cfg.PublisherDID, config.EnvName(config.FlagPublisherDID), *c.AccountDID)
	}
	return c, nil
}

func runPublish(ctx context.Context, cmd *cli.Command) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	feeds, err := selectFeeds(cfg, cmd.Args().Slice())
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	records, err := buildRecords(cfg, feeds, time.Now())
	if err != nil {
		return fmt.Errorf("publish: nothing sent: %w", err)
	}
	out := cmd.Root().Writer
	if cmd.Bool("dry-run") {
		return printRecords(out, cfg, records)
	}
	ctx, cancel := context.WithTimeout(ctx, publishTimeout)
	defer cancel()
	c, err := login(ctx, cfg)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	for _, fr := range records {
		what, err := publishOne(ctx, c, cfg, fr)
		if err != nil {
			return fmt.Errorf("publish %s: %w", fr.Feed.RKey, err)
		}
		fmt.Fprintf(out, "%s %s\n", what, fr.Feed.URI)
	}
	printFeedURIs(out, cfg, records)
	return nil
}

// publishOne writes one feed's record unless it is already as wanted,
// and says what it did. An update keeps the record's createdAt and swaps
// against the CID it read, so a concurrent edit is not overwritten.
func publishOne(ctx context.Context, c *atclient.APIClient, cfg *config.Config, fr feedRecord) (string, error) {
	repo := cfg.PublisherDID.String()
	var swap *string
	var old *bsky.FeedGenerator
	got, err := comatproto.RepoGetRecord(ctx, c, "", generatorCollection, repo, fr.Feed.RKey)
	var apiErr *atclient.APIError
	switch {
	case err == nil:
		swap = got.Cid
		if got.Value != nil {
			old, _ = got.Value.Val.(*bsky.FeedGenerator)
		}
	case errors.As(err, &apiErr) && apiErr.Name == "RecordNotFound":
		// A create: a null swapRecord asks the PDS to refuse if the
		// record appeared meanwhile.
	default:
		return "", fmt.Errorf("read the current record: %w", netguard.Diagnose(err))
	}
	rec := fr.Record
	if old != nil && old.CreatedAt != "" {
		rec.CreatedAt = old.CreatedAt
	}
	if fr.Avatar != nil {
		sameAvatar := old != nil && old.Avatar != nil && cid.Cid(old.Avatar.Ref).Equals(fr.Avatar.CID) && old.Avatar.MimeType == fr.Avatar.MIME
		if sameAvatar {
			rec.Avatar = old.Avatar
		} else {
			blob, err := uploadBlob(ctx, c, fr.Avatar)
			if err != nil {
				return "", err
			}
			rec.Avatar = blob
		}
	}
	if old != nil && sameRecord(old, &rec) {
		return "unchanged", nil
	}
	_, err = comatproto.RepoPutRecord(ctx, c, &comatproto.RepoPutRecord_Input{
		Collection: generatorCollection,
		Repo:       repo,
		Rkey:       fr.Feed.RKey,
		Record:     &lexutil.LexiconTypeDecoder{Val: &rec},
		SwapRecord: swap,
	})
	if err != nil {
		return "", fmt.Errorf("write the record: %w", netguard.Diagnose(err))
	}
	if old == nil {
		return "created", nil
	}
	return "updated", nil
}

// uploadBlob uploads an avatar with its own content type (indigo's
// RepoUploadBlob sends */*, which leaves the PDS to guess).
func uploadBlob(ctx context.Context, c *atclient.APIClient, av *avatarFile) (*lexutil.LexBlob, error) {
	req := atclient.NewAPIRequest(atclient.MethodProcedure, "com.atproto.repo.uploadBlob", bytes.NewReader(av.Data))
	req.Headers.Set("Content-Type", av.MIME)
	req.Headers.Set("Accept", "application/json")
	resp, err := c.Do(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("upload avatar: %w", netguard.Diagnose(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var eb atclient.ErrorBody
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&eb) != nil {
			return nil, fmt.Errorf("upload avatar: %w", &atclient.APIError{StatusCode: resp.StatusCode})
		}
		return nil, fmt.Errorf("upload avatar: %w", eb.APIError(resp.StatusCode))
	}
	var out comatproto.RepoUploadBlob_Output
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Blob == nil {
		return nil, fmt.Errorf("upload avatar: unexpected answer (%v)", err)
	}
	if !cid.Cid(out.Blob.Ref).Equals(av.CID) {
		return nil, fmt.Errorf("upload avatar: the PDS stored %s, the file is %s", cid.Cid(out.Blob.Ref), av.CID)
	}
	return out.Blob, nil
}

// sameRecord compares two records as JSON, which is how they are sent.
func sameRecord(a, b *bsky.FeedGenerator) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func runUnpublish(ctx context.Context, cmd *cli.Command) error {
	cfg, err := config.Load(cmd)
	if err != nil {
		return err
	}
	feeds, err := selectFeeds(cfg, cmd.Args().Slice())
	if err != nil {
		return fmt.Errorf("unpublish: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, publishTimeout)
	defer cancel()
	c, err := login(ctx, cfg)
	if err != nil {
		return fmt.Errorf("unpublish: %w", err)
	}
	out := cmd.Root().Writer
	for _, f := range feeds {
		_, err := comatproto.RepoDeleteRecord(ctx, c, &comatproto.RepoDeleteRecord_Input{
			Collection: generatorCollection,
			Repo:       cfg.PublisherDID.String(),
			Rkey:       f.RKey,
		})
		if err != nil {
			return fmt.Errorf("unpublish %s: %w", f.RKey, err)
		}
		fmt.Fprintf(out, "removed %s\n", f.URI)
	}
	return nil
}

// printRecords shows what publish would send, the avatar as its file.
func printRecords(w io.Writer, cfg *config.Config, records []feedRecord) error {
	for _, fr := range records {
		rec := map[string]any{}
		b, err := json.Marshal(&fr.Record)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return err
		}
		if fr.Avatar != nil {
			rec["avatar"] = map[string]any{"file": fr.Avatar.Path, "mimeType": fr.Avatar.MIME, "size": len(fr.Avatar.Data), "cid": fr.Avatar.CID.String()}
		}
		b, err = json.MarshalIndent(map[string]any{"uri": fr.Feed.URI, "record": rec}, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\n", b)
	}
	fmt.Fprintln(w, "dry run: nothing sent")
	printFeedURIs(w, cfg, records)
	return nil
}

func printFeedURIs(w io.Writer, cfg *config.Config, records []feedRecord) {
	fmt.Fprintln(w, "feeds:")
	for _, fr := range records {
		fmt.Fprintf(w, "  %s\n  https://bsky.app/profile/%s/feed/%s\n", fr.Feed.URI, cfg.PublisherDID, fr.Feed.RKey)
	}
}
