package stats

import (
	"math"
	"math/bits"
)

// sketch is a HyperLogLog counter of distinct viewers (Flajolet et al.,
// 2007): 2^sketchBits registers, each the largest number of leading zeros
// (plus one) seen among the hashes that fell to it. It holds no viewer,
// only those maxima; counted with a standard error of 1.04/sqrt(4096),
// about 1.6%. Hand-written because it is forty lines and its stored form
// (one byte a register) must stay ours.
type sketch []byte

const (
	sketchBits = 12
	sketchSize = 1 << sketchBits
)

func newSketch() sketch { return make(sketch, sketchSize) }

// add counts one 64-bit hash.
func (s sketch) add(h uint64) {
	i := h >> (64 - sketchBits)
	rank := byte(bits.LeadingZeros64(h<<sketchBits|1<<(sketchBits-1)) + 1)
	if rank > s[i] {
		s[i] = rank
	}
}

// merge takes the register-wise maximum of s and o (a union), and
// reports whether o was a sketch at all.
func (s sketch) merge(o []byte) bool {
	if len(o) != sketchSize {
		return false
	}
	for i, r := range o {
		if r > s[i] {
			s[i] = r
		}
	}
	return true
}

// empty reports whether nothing was added.
func (s sketch) empty() bool {
	for _, r := range s {
		if r != 0 {
			return false
		}
	}
	return true
}

// estimate is the number of distinct hashes added, with the small-range
// correction (linear counting) that makes small counts exact in practice.
func (s sketch) estimate() uint64 {
	m := float64(sketchSize)
	sum, zeros := 0.0, 0
	for _, r := range s {
		sum += math.Ldexp(1, -int(r))
		if r == 0 {
			zeros++
		}
	}
	alpha := 0.7213 / (1 + 1.079/m)
	e := alpha * m * m / sum
	if e <= 2.5*m && zeros > 0 {
		e = m * math.Log(m/float64(zeros))
	}
	return uint64(math.Round(e))
}
