package relevance

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

//go:embed rules/*.rules
var builtinFS embed.FS

// DefaultRules is the builtin name of the South Caucasus Peace rules.
const DefaultRules = "south-caucasus"

// Builtin parses the embedded rules of that name ("south-caucasus").
func Builtin(name string) (*Rules, error) {
	f, err := builtinFS.Open("rules/" + name + ".rules")
	if err != nil {
		return nil, fmt.Errorf("builtin rules %q: none by that name (have %s)", name, strings.Join(BuiltinNames(), ", "))
	}
	defer f.Close()
	return ParseRules(name+".rules", f)
}

// BuiltinNames lists the embedded rule sets.
func BuiltinNames() []string {
	ents, _ := fs.ReadDir(builtinFS, "rules")
	var out []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".rules"); ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}
