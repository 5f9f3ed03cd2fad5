package indexer

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// fileSource reads a file of Jetstream events, one JSON object per line.
// Its cursor is the byte offset of the next unread line, so a replay that
// was killed resumes at exactly the line it had not committed.
type fileSource struct {
	path string
	// admit bounds each message, as for the network sources.
	admit func(*message)
}

// ErrCursorMismatch means a saved file offset cannot belong to the file:
// it is past the end, or not at the start of a line.
var ErrCursorMismatch = errors.New("saved offset does not fit the file")

func (f *fileSource) run(ctx context.Context, start int64, have bool, out chan<- message) error {
	fh, err := os.Open(f.path)
	if err != nil {
		return fmt.Errorf("source file: %w", err)
	}
	defer fh.Close()
	off := int64(0)
	if have && start > 0 {
		if err := checkLineStart(fh, start); err != nil {
			return fmt.Errorf("source file %s: %w", f.path, err)
		}
		off = start
	}
	if _, err := fh.Seek(off, io.SeekStart); err != nil {
		return fmt.Errorf("source file: %w", err)
	}
	r := bufio.NewReaderSize(fh, MaxEventSize+2)
	send := func(m message) error {
		select {
		case out <- m:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// Longer than any event may be: skip to the end of the line.
			n := int64(len(line))
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = r.ReadSlice('\n')
				n += int64(len(line))
			}
			off += n
			if err != nil && !errors.Is(err, io.EOF) {
				return fmt.Errorf("source file: %w", err)
			}
			if serr := send(message{drop: ReasonTooLarge, cursor: off}); serr != nil {
				return nil
			}
			if err != nil {
				return nil
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("source file: %w", err)
		}
		off += int64(len(line))
		// The last line may lack its newline; it is a line all the same.
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			m := message{cursor: off}
			ev, derr := DecodeJetstream(trimmed)
			if derr != nil {
				m.drop = DropReason(derr)
			} else {
				m.ev = ev
				m.ev.Cursor = off
			}
			if f.admit != nil {
				f.admit(&m)
			}
			if serr := send(m); serr != nil {
				return nil
			}
		}
		if err != nil {
			return nil // io.EOF: the whole file is read
		}
	}
}

// checkLineStart verifies that off can be this file's resume offset: not
// past its end, and just after a newline.
func checkLineStart(fh *os.File, off int64) error {
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	if off > st.Size() {
		return fmt.Errorf("%w: offset %d, file has %d bytes", ErrCursorMismatch, off, st.Size())
	}
	var b [1]byte
	if _, err := fh.ReadAt(b[:], off-1); err != nil {
		return err
	}
	if b[0] != '\n' && off != st.Size() {
		return fmt.Errorf("%w: offset %d is not at a line start", ErrCursorMismatch, off)
	}
	return nil
}
