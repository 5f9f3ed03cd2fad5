package curation

import (
	"context"
	"fmt"

	"github.com/scpeace/feedgen/lexicons"
	"github.com/scpeace/feedgen/model"
	"github.com/scpeace/feedgen/store"
)

// ExportResult says what an export wrote.
type ExportResult struct {
	// Records counts the records written, by collection.
	Records map[string]int `json:"records"`
	Total   int            `json:"total"`
}

// Export writes what this database holds of curation as records of the
// publisher's repository, once, to switch a deployment from the local
// curation store to the repo one: blocks, pins, curators' tiers (not
// those the feed configuration gives, which every replica loads itself,
// nor the Bluesky list's), verdicts, and uploaded rules. Record keys are
// derived from their content, so running it twice writes the same records
// again. It needs the publisher's credentials (Deps.Publisher), whichever
// store is in use.
func (s *Service) Export(ctx context.Context) (*ExportResult, error) {
	repo := s.publisher
	if repo == nil {
		return nil, conflict("NoPublisher", "exporting needs the publisher's credentials: set FEEDGEN_PUBLISHER_HANDLE, FEEDGEN_PUBLISHER_PASSWORD and FEEDGEN_PDS_URL")
	}
	var writes []repoWrite
	err := s.store.View(func(tx *store.Tx) error {
		bls, err := tx.Blocks()
		if err != nil {
			return err
		}
		for _, bl := range bls {
			rec := newRecord(lexicons.BlockedPost, bl.By, bl.Note, bl.AtUS)
			rec["subject"] = bl.URI.String()
			writes = append(writes, repoWrite{lexicons.BlockedPost, blockKey(bl.URI), rec})
		}
		all, err := tx.Pins()
		if err != nil {
			return err
		}
		for feed, pins := range all {
			if s.byID[feed] == nil {
				continue
			}
			for _, p := range pins {
				rec := newRecord(lexicons.Pin, p.By, p.Note, p.AtUS)
				rec["feed"], rec["subject"] = feed, p.URI.String()
				writes = append(writes, repoWrite{lexicons.Pin, pinKey(feed, p.URI), rec})
			}
		}
		for _, f := range s.feeds {
			as, err := tx.CuratedAuthors(f.ID)
			if err != nil {
				return err
			}
			for _, a := range as {
				if a.Tier == model.TierNone || a.UpdatedBy == ActorConfig {
					continue
				}
				rec := newRecord(lexicons.Author, a.UpdatedBy, a.Note, a.UpdatedUS)
				rec["feed"], rec["subject"], rec["tier"] = f.ID, a.DID.String(), a.Tier.String()
				writes = append(writes, repoWrite{lexicons.Author, authorKey(f.ID, a.DID), rec})
			}
			if v, err := tx.RulesVersion(f.ID); err == nil {
				rec := newRecord(lexicons.Rules, v.SetBy, v.Note, v.SetUS)
				rec["feed"], rec["version"], rec["text"], rec["hash"] = f.ID, int64(v.Version), v.Text, v.Hash
				writes = append(writes, repoWrite{lexicons.Rules, rulesKey(f.ID), rec})
			} else if err != store.ErrNotFound {
				return err
			}
		}
		vs, err := tx.Verdicts()
		if err != nil {
			return err
		}
		for _, v := range vs {
			if s.byID[v.Feed] == nil {
				continue
			}
			rec := newRecord(lexicons.Verdict, v.By, "", v.AtUS)
			rec["feed"], rec["subject"], rec["verdict"] = v.Feed, v.URI.String(), verdictWord(v.In)
			writes = append(writes, repoWrite{lexicons.Verdict, verdictKey(v.Feed, v.URI), rec})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read curation: %w", err)
	}
	res := &ExportResult{Records: map[string]int{}}
	for _, w := range writes {
		if err := lexicons.Validate(w.collection, w.record); err != nil {
			// Something the local store took that no record can say (a
			// curator name too long was cut already; this is a bug).
			return res, fmt.Errorf("export %s: %w", w.rkey, err)
		}
		ctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
		err := repo.Put(ctx, w.collection, w.rkey, w.record)
		cancel()
		if err != nil {
			return res, upstream("PDSFailed", fmt.Sprintf("could not write to the publisher's repository after %d records; running the export again is safe", res.Total), err)
		}
		res.Records[w.collection]++
		res.Total++
	}
	return res, nil
}
