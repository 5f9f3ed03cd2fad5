package relevance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"
)

// A TextModel is a logistic regression over hashed words, word pairs and
// letter n-grams of a post's text, trained on the labelled sets. The rules
// consult it in one place only: a post whose rules score reaches
// model.from but not threshold.in, and that the model puts at model.min or
// more, gets bonus.model (see [Settings]). It never lets in a post the
// rules found nothing in, and never keeps out one they let in.
//
// Features: each word (lower-cased, letters and digits), each pair of
// neighbouring words, and the 3- to 5-letter pieces of each word with its
// edges marked, hashed with FNV-1a into 2^bits weights. A feature counts as
// often as it occurs. Weights are kept as int8 with one scale.
type TextModel struct {
	bits  uint8
	bias  float32
	scale float32
	w     []int8
}

// modelMagic starts a model file (after gzip).
const modelMagic = "feedgen-textmodel 1\n"

// Prob is the model's probability that the post is in.
func (m *TextModel) Prob(p *Post) float64 {
	var sum int64
	mask := uint32(1)<<m.bits - 1
	modelFeatures(p, func(h uint32) { sum += int64(m.w[h&mask]) })
	return sigmoid(float64(m.bias) + float64(m.scale)*float64(sum))
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// modelFeatures calls f with the hash of every feature of what a reader
// sees of the post: its text, link card title and description, alt texts
// and the quoted post's text. Fields are read apart: no word pair spans
// two of them.
func modelFeatures(p *Post, f func(uint32)) {
	var words []string
	field := func(s string) {
		words = modelWords(s, words[:0])
		for i, w := range words {
			f(fnvString(fnvString(fnvOffset, "w:"), w))
			if i > 0 {
				h := fnvString(fnvString(fnvOffset, "b:"), words[i-1])
				f(fnvString(fnvString(h, " "), w))
			}
			letterGrams(w, f)
		}
	}
	var post func(p *Post, depth int)
	post = func(p *Post, depth int) {
		field(p.Text)
		if l := p.Link; l != nil {
			field(l.Title)
			field(l.Description)
		}
		for _, a := range p.ImageAlts {
			field(a)
		}
		if p.Quoted != nil && depth == 0 {
			post(p.Quoted, 1)
		}
	}
	post(p, 0)
}

// modelWords appends the lower-cased runs of letters and digits of s.
func modelWords(s string, out []string) []string {
	s = strings.ToLower(s)
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// letterGrams hashes the 3- to 5-rune pieces of "<w>".
func letterGrams(w string, f func(uint32)) {
	var buf [64]int // rune start offsets of "<" + w + ">", when short enough
	padded := "<" + w + ">"
	starts := buf[:0]
	for i := range padded {
		starts = append(starts, i)
	}
	starts = append(starts, len(padded))
	runes := len(starts) - 1
	for n := 3; n <= 5; n++ {
		for j := 0; j+n <= runes; j++ {
			f(fnvString(fnvOffset, padded[starts[j]:starts[j+n]]))
		}
	}
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// ModelExample is one labelled post to train on.
type ModelExample struct {
	Post *Post
	In   bool
}

// TrainOptions are the knobs of [TrainModel]; zero values take defaults.
type TrainOptions struct {
	Bits   int     // 2^Bits weights; default 20
	Epochs int     // passes over the examples; default 5
	Rate   float64 // AdaGrad learning rate; default 0.2
	L2     float64 // weight decay; default 1e-6
	Seed   uint64  // shuffle seed; default 1
}

// TrainModel fits a model to the examples with AdaGrad on the log loss.
// The same examples in the same order and the same options give the same
// model, byte for byte.
func TrainModel(ex []ModelExample, o TrainOptions) (*TextModel, error) {
	if len(ex) == 0 {
		return nil, errors.New("train model: no examples")
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	if o.Bits < 10 || o.Bits > 24 {
		return nil, fmt.Errorf("train model: bits %d: want 10 to 24", o.Bits)
	}
	if o.Epochs == 0 {
		o.Epochs = 5
	}
	if o.Rate == 0 {
		o.Rate = 0.2
	}
	if o.L2 == 0 {
		o.L2 = 1e-6
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	mask := uint32(1)<<o.Bits - 1
	type row struct {
		y float64
		f []uint32
	}
	rows := make([]row, len(ex))
	for i, e := range ex {
		var f []uint32
		modelFeatures(e.Post, func(h uint32) { f = append(f, h&mask) })
		if e.In {
			rows[i].y = 1
		}
		rows[i].f = f
	}
	w := make([]float64, 1<<o.Bits)
	g := make([]float64, 1<<o.Bits)
	var bias, gb float64
	rng := rand.New(rand.NewPCG(o.Seed, 0))
	for range o.Epochs {
		rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		for _, r := range rows {
			z := bias
			for _, k := range r.f {
				z += w[k]
			}
			d := sigmoid(z) - r.y
			gb += d * d
			bias -= o.Rate * d / math.Sqrt(gb+1e-8)
			for _, k := range r.f {
				gr := d + o.L2*w[k]
				g[k] += gr * gr
				w[k] -= o.Rate * gr / math.Sqrt(g[k]+1e-8)
			}
		}
	}
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	m := &TextModel{bits: uint8(o.Bits), bias: float32(bias), scale: float32(maxAbs / 127), w: make([]int8, len(w))}
	if m.scale == 0 {
		m.scale = 1
	}
	for i, v := range w {
		m.w[i] = int8(math.Round(v / float64(m.scale)))
	}
	return m, nil
}

// modelHeader follows the magic line of a model file; the 2^Bits int8
// weights follow it.
type modelHeader struct {
	Bits        uint8
	Bias, Scale float32
}

// WriteTo writes the model file: gzip of the magic line, the header and
// the weights.
func (m *TextModel) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	// The gzip writer writes into memory, which cannot fail: its errors
	// would come back from Close.
	zw.Write([]byte(modelMagic))
	binary.Write(zw, binary.LittleEndian, modelHeader{m.bits, m.bias, m.scale})
	binary.Write(zw, binary.LittleEndian, m.w)
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	n, err := w.Write(buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write model: %w", err)
	}
	return int64(n), nil
}

// ReadModel reads a model file written by [TextModel.WriteTo].
func ReadModel(r io.Reader) (*TextModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: not a feedgen text model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("read model: not a feedgen text model")
	}
	var hdr modelHeader
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("read model: header: %w", err)
	}
	if hdr.Bits < 10 || hdr.Bits > 24 || !finite(hdr.Bias) || !finite(hdr.Scale) {
		return nil, errors.New("read model: bad header")
	}
	m := &TextModel{bits: hdr.Bits, bias: hdr.Bias, scale: hdr.Scale, w: make([]int8, 1<<hdr.Bits)}
	if err := binary.Read(br, binary.LittleEndian, m.w); err != nil {
		return nil, fmt.Errorf("read model: weights: %w", err)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("read model: data after the weights")
	}
	return m, nil
}

func finite(f float32) bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }

var (
	builtinModelsMu sync.Mutex
	builtinModels   = map[string]*TextModel{}
)

// BuiltinModel returns the embedded text model of that name, read once.
func BuiltinModel(name string) (*TextModel, error) {
	builtinModelsMu.Lock()
	defer builtinModelsMu.Unlock()
	if m, ok := builtinModels[name]; ok {
		return m, nil
	}
	b, err := builtinFS.ReadFile("rules/" + name + ".model")
	if err != nil {
		return nil, fmt.Errorf("builtin text model %q: none by that name (have %s)", name, strings.Join(BuiltinModelNames(), ", "))
	}
	m, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("builtin text model %q: %w", name, err)
	}
	builtinModels[name] = m
	return m, nil
}

// BuiltinModelNames lists the embedded text models.
func BuiltinModelNames() []string { return builtinNames(".model") }
