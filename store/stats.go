package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
	bolt "go.etcd.io/bbolt"
)

// The figures' buckets (see the key schema in store.go). All are made on
// first write.
var (
	bucketStatsDaily   = []byte("stats.daily")
	bucketStatsHourly  = []byte("stats.hourly")
	bucketStatsViewers = []byte("stats.viewers")
	bucketStatsSeen    = []byte("stats.seen")
	bucketStatsLag     = []byte("stats.lag")
)

// Day is a UTC day, counted from 1970-01-01.
type Day int32

// DayOf is the UTC day of t.
func DayOf(t time.Time) Day { return Day(t.Unix() / 86400) }

// Time is the day's first instant, UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String is the day as 2006-01-02.
func (d Day) String() string { return d.Time().Format(time.DateOnly) }

// Hour is a UTC hour, counted from 1970-01-01T00:00Z.
type Hour int32

// HourOf is the UTC hour of t.
func HourOf(t time.Time) Hour { return Hour(t.Unix() / 3600) }

// Time is the hour's first instant, UTC.
func (h Hour) Time() time.Time { return time.Unix(int64(h)*3600, 0).UTC() }

// maxMetric bounds a metric's name.
const maxMetric = 64

func statKey(feed string, period int32, metric string) ([]byte, error) {
	if feed == "" || bytes.IndexByte([]byte(feed), 0) >= 0 || len(metric) > maxMetric || bytes.IndexByte([]byte(metric), 0) >= 0 {
		return nil, fmt.Errorf("stat key: bad feed %q or metric %q", feed, metric)
	}
	k := make([]byte, 0, len(feed)+5+len(metric))
	k = append(k, feed...)
	k = append(k, 0)
	k = binary.BigEndian.AppendUint32(k, uint32(period))
	return append(k, metric...), nil
}

func addU64(b *bolt.Bucket, k []byte, n uint64) error {
	var cur uint64
	if v := b.Get(k); len(v) == 8 {
		cur = binary.BigEndian.Uint64(v)
	}
	return b.Put(k, u64(cur+n))
}

// AddDaily adds n to feed's counter metric of day.
func (t *Tx) AddDaily(feed string, day Day, metric string, n uint64) error {
	if n == 0 {
		return nil
	}
	return t.addStat(bucketStatsDaily, feed, int32(day), metric, n)
}

// AddHourly adds n to feed's counter metric of hour.
func (t *Tx) AddHourly(feed string, hour Hour, metric string, n uint64) error {
	if n == 0 {
		return nil
	}
	return t.addStat(bucketStatsHourly, feed, int32(hour), metric, n)
}

func (t *Tx) addStat(name []byte, feed string, period int32, metric string, n uint64) error {
	k, err := statKey(feed, period, metric)
	if err != nil {
		return err
	}
	b, err := t.bucket(name)
	if err != nil {
		return err
	}
	return addU64(b, k, n)
}

// Counters are a feed's counters by period (a Day or an Hour) and metric.
type Counters map[int32]map[string]uint64

func (s *Store) counters(name []byte, feed string, from, to int32) (Counters, error) {
	out := Counters{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(name)
		if b == nil {
			return nil
		}
		start, err := statKey(feed, from, "")
		if err != nil {
			return err
		}
		prefix := append([]byte(feed), 0)
		c := b.Cursor()
		for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			rest := k[len(prefix):]
			if len(rest) < 4 || len(v) != 8 {
				continue
			}
			p := int32(binary.BigEndian.Uint32(rest))
			if p > to {
				break
			}
			m := out[p]
			if m == nil {
				m = map[string]uint64{}
				out[p] = m
			}
			m[string(rest[4:])] = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	return out, err
}

// Daily returns feed's daily counters of the days from..to (inclusive).
func (s *Store) Daily(feed string, from, to Day) (Counters, error) {
	return s.counters(bucketStatsDaily, feed, int32(from), int32(to))
}

// Hourly returns feed's hourly counters of the hours from..to (inclusive).
func (s *Store) Hourly(feed string, from, to Hour) (Counters, error) {
	return s.counters(bucketStatsHourly, feed, int32(from), int32(to))
}

// Sketch returns the stored sketch of feed's viewers of day (a copy), or
// nil.
func (t *Tx) Sketch(feed string, day Day) []byte {
	b := t.tx.Bucket(bucketStatsViewers)
	if b == nil {
		return nil
	}
	k, err := statKey(feed, int32(day), "")
	if err != nil {
		return nil
	}
	if v := b.Get(k); v != nil {
		return bytes.Clone(v)
	}
	return nil
}

// PutSketch stores the sketch of feed's viewers of day.
func (t *Tx) PutSketch(feed string, day Day, sketch []byte) error {
	k, err := statKey(feed, int32(day), "")
	if err != nil {
		return err
	}
	b, err := t.bucket(bucketStatsViewers)
	if err != nil {
		return err
	}
	return b.Put(k, sketch)
}

// SketchKey names one stored sketch.
type SketchKey struct {
	Feed string
	Day  Day
}

// Sketches lists the stored sketches.
func (t *Tx) Sketches() []SketchKey {
	b := t.tx.Bucket(bucketStatsViewers)
	if b == nil {
		return nil
	}
	var out []SketchKey
	_ = b.ForEach(func(k, _ []byte) error {
		if i := bytes.IndexByte(k, 0); i > 0 && len(k) == i+5 {
			out = append(out, SketchKey{Feed: string(k[:i]), Day: Day(binary.BigEndian.Uint32(k[i+1:]))})
		}
		return nil
	})
	return out
}

// DeleteSketch forgets the sketch of feed's viewers of day.
func (t *Tx) DeleteSketch(feed string, day Day) error {
	k, err := statKey(feed, int32(day), "")
	if err != nil {
		return err
	}
	return t.del(bucketStatsViewers, k)
}

func seenKey(uri syntax.ATURI, feed string) []byte {
	k := make([]byte, 0, len(uri)+1+len(feed))
	k = append(k, uri...)
	k = append(k, 0)
	return append(k, feed...)
}

// AddImpressions adds n to the times the post at uri was seen in feed.
// Only a post the store keeps is counted; it reports whether it was.
func (t *Tx) AddImpressions(feed string, uri syntax.ATURI, n uint64) (bool, error) {
	if n == 0 || t.tx.Bucket(bucketPosts).Get([]byte(uri)) == nil {
		return false, nil
	}
	b, err := t.bucket(bucketStatsSeen)
	if err != nil {
		return false, err
	}
	return true, addU64(b, seenKey(uri, feed), n)
}

// Impressions returns how many times each of uris was seen in feed.
func (t *Tx) Impressions(feed string, uri syntax.ATURI) uint64 {
	b := t.tx.Bucket(bucketStatsSeen)
	if b == nil {
		return 0
	}
	if v := b.Get(seenKey(uri, feed)); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

// deletePostStats forgets a removed post's impressions.
func (t *Tx) deletePostStats(uri syntax.ATURI) error {
	b := t.tx.Bucket(bucketStatsSeen)
	if b == nil {
		return nil
	}
	prefix := append([]byte(uri), 0)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// LagSample is the indexer's lag at one moment.
type LagSample struct {
	AtUS int64
	Lag  time.Duration
}

// PutLagSample records the indexer's lag at atUS.
func (t *Tx) PutLagSample(atUS int64, lag time.Duration) error {
	if atUS <= 0 {
		return errors.New("lag sample: bad time")
	}
	b, err := t.bucket(bucketStatsLag)
	if err != nil {
		return err
	}
	return b.Put(u64(uint64(atUS)), u64(uint64(max(lag, 0).Milliseconds())))
}

// LagSamples returns the lag samples taken at or after sinceUS, oldest
// first.
func (s *Store) LagSamples(sinceUS int64) ([]LagSample, error) {
	var out []LagSample
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStatsLag)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Seek(u64(uint64(max(sinceUS, 0)))); k != nil; k, v = c.Next() {
			if len(k) == 8 && len(v) == 8 {
				out = append(out, LagSample{AtUS: int64(binary.BigEndian.Uint64(k)), Lag: time.Duration(binary.BigEndian.Uint64(v)) * time.Millisecond})
			}
		}
		return nil
	})
	return out, err
}

// PruneStats removes the daily and hourly counters of the days before
// day and the lag samples taken before lagUS, and reports how many keys
// went. Viewer sketches are the stats package's to fold and delete.
func (s *Store) PruneStats(ctx context.Context, day Day, lagUS int64) (int, error) {
	n := 0
	err := s.Update(ctx, func(tx *Tx) error {
		old := func(name []byte, cut func(k []byte) bool) error {
			b := tx.tx.Bucket(name)
			if b == nil {
				return nil
			}
			var keys [][]byte
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if cut(k) {
					keys = append(keys, bytes.Clone(k))
				}
			}
			for _, k := range keys {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			n += len(keys)
			return nil
		}
		period := func(before int32) func(k []byte) bool {
			return func(k []byte) bool {
				i := bytes.IndexByte(k, 0)
				return i < 0 || len(k) < i+5 || int32(binary.BigEndian.Uint32(k[i+1:])) < before
			}
		}
		if err := old(bucketStatsDaily, period(int32(day))); err != nil {
			return err
		}
		if err := old(bucketStatsHourly, period(int32(day)*24)); err != nil {
			return err
		}
		return old(bucketStatsLag, func(k []byte) bool {
			return len(k) != 8 || int64(binary.BigEndian.Uint64(k)) < lagUS
		})
	})
	if err != nil {
		return 0, fmt.Errorf("prune stats: %w", err)
	}
	return n, nil
}
