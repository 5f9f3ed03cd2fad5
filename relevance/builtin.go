package relevance

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

//go:embed rules
var builtinFS embed.FS

// DefaultRules is the builtin name of the South Caucasus Peace rules.
const DefaultRules = "south-caucasus"

// Builtin parses the embedded rules of that name ("south-caucasus").
func Builtin(name string) (*Rules, error) {
	text, err := BuiltinText(name)
	if err != nil {
		return nil, err
	}
	return ParseRules(name+".rules", strings.NewReader(text))
}

// BuiltinText is the text of the embedded rules of that name: what
// curators start from when they write a version of their own.
func BuiltinText(name string) (string, error) {
	b, err := builtinFS.ReadFile("rules/" + name + ".rules")
	if err != nil {
		return "", fmt.Errorf("builtin rules %q: none by that name (have %s)", name, strings.Join(BuiltinNames(), ", "))
	}
	return string(b), nil
}

// BuiltinNames lists the embedded rule sets.
func BuiltinNames() []string { return builtinNames(".rules") }

// builtinNames lists the embedded files with that extension, without it.
func builtinNames(ext string) []string {
	ents, _ := fs.ReadDir(builtinFS, "rules")
	var out []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ext); ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}
