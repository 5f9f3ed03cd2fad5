package curation

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // avatars are JPEG or PNG (app.bsky.actor.profile)

	"golang.org/x/image/draw"
)

// avatarSize is the side of the thumbnails kept, in pixels: twice the
// size the page shows, for sharp screens.
const avatarSize = 64

// maxAvatarPixels bounds the image an avatar blob may decode to: a small
// file can claim enormous dimensions, and decoding would take the memory.
const maxAvatarPixels = 4096 * 4096

// thumbnail makes a size×size JPEG of the middle square of an avatar.
func thumbnail(blob []byte, size int) ([]byte, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(blob))
	if err != nil {
		return nil, fmt.Errorf("avatar: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxAvatarPixels {
		return nil, errors.New("avatar: image too large")
	}
	img, _, err := image.Decode(bytes.NewReader(blob))
	if err != nil {
		return nil, fmt.Errorf("avatar: %w", err)
	}
	b := img.Bounds()
	side := min(b.Dx(), b.Dy())
	src := image.Rect(b.Min.X+(b.Dx()-side)/2, b.Min.Y+(b.Dy()-side)/2, 0, 0)
	src.Max = src.Min.Add(image.Pt(side, side))
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	// White under transparent PNGs: JPEG has no alpha.
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, src, draw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 80}); err != nil {
		return nil, fmt.Errorf("avatar: %w", err)
	}
	return out.Bytes(), nil
}
