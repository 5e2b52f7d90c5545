package scaffold

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/kubesmith/kubesmith/generator/model"
)

// maxRepeat bounds the repetitions fitString tries for a pattern's
// stars and pluses when it lengthens a string to a minimum length.
const maxRepeat = 64

// fitString is a string the field's constraints take: readable, when one
// of the readable variants fits its pattern and lengths, else one written
// from the pattern itself (its literals, a character of each class, the
// fewest repetitions that reach the minimum length). The CRD checks
// patterns as the API server does, unanchored, with Go's engine.
func fitString(readable string, v model.Validation) (string, error) {
	var re *regexp.Regexp
	if v.Pattern != "" {
		var err error
		if re, err = regexp.Compile(v.Pattern); err != nil {
			return "", fmt.Errorf("pattern %q does not compile: %w", v.Pattern, err)
		}
	}
	fits := func(s string) bool {
		n := int64(utf8.RuneCountInString(s))
		return (v.MinLength == nil || n >= *v.MinLength) && (v.MaxLength == nil || n <= *v.MaxLength) &&
			(re == nil || re.MatchString(s))
	}
	for _, s := range []string{readable, strings.ReplaceAll(readable, "-", "_"), strings.ReplaceAll(readable, "-", "")} {
		if s = sized(s, v); fits(s) {
			return s, nil
		}
	}
	if re != nil {
		tree, err := syntax.Parse(v.Pattern, syntax.Perl)
		if err != nil {
			return "", fmt.Errorf("pattern %q does not parse: %w", v.Pattern, err)
		}
		for _, last := range []bool{false, true} {
			for _, n := range repeats() {
				if s, ok := fromPattern(tree, n, last); ok && fits(s) {
					return s, nil
				}
			}
		}
	}
	return "", fmt.Errorf("no placeholder fits %s", describe(v))
}

// repeats are the repetition counts fitString tries, one first (a single
// character where the pattern allows any number), then none, then more.
func repeats() []int {
	out := []int{1, 0}
	for n := 2; n <= maxRepeat; n++ {
		out = append(out, n)
	}
	return out
}

// fromPattern writes a string re matches: each star, plus and bounded
// repetition repeated n times within its bounds, each alternation's first
// branch (its last, with last), each class's likeliest character. It
// reports false for a pattern that matches nothing.
func fromPattern(re *syntax.Regexp, n int, last bool) (string, bool) {
	var b strings.Builder
	ok := write(&b, re, n, last)
	return b.String(), ok
}

func write(b *strings.Builder, re *syntax.Regexp, n int, last bool) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		r, ok := classRune(re.Rune)
		if !ok {
			return false
		}
		b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		return write(b, re.Sub[0], n, last)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !write(b, sub, n, last) {
				return false
			}
		}
	case syntax.OpAlternate:
		sub := re.Sub[0]
		if last {
			sub = re.Sub[len(re.Sub)-1]
		}
		return write(b, sub, n, last)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		for range repetitions(re, n) {
			if !write(b, re.Sub[0], n, last) {
				return false
			}
		}
	}
	return true // anchors, boundaries and empty matches write nothing
}

// repetitions is n within the bounds of a repeating operator.
func repetitions(re *syntax.Regexp, n int) int {
	lo, hi := 0, -1
	switch re.Op {
	case syntax.OpPlus:
		lo = 1
	case syntax.OpQuest:
		hi = 1
	case syntax.OpRepeat:
		lo, hi = re.Min, re.Max
	}
	n = max(n, lo)
	if hi >= 0 {
		n = min(n, hi)
	}
	return n
}

// preferred are the characters a placeholder takes from a class, in order:
// those that read as a name.
const preferred = "abcdefghijklmnopqrstuvwxyz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-_./:"

// classRune is the first preferred character of a class (given as ranges,
// lo and hi pairs), else its first printable ASCII character, else its
// first character.
func classRune(ranges []rune) (rune, bool) {
	if len(ranges) == 0 {
		return 0, false
	}
	in := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= r && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	for _, r := range preferred {
		if in(r) {
			return r, true
		}
	}
	for r := rune('!'); r <= '~'; r++ {
		if in(r) {
			return r, true
		}
	}
	return ranges[0], true
}

// describe says what a string must be.
func describe(v model.Validation) string {
	var parts []string
	if v.Pattern != "" {
		parts = append(parts, fmt.Sprintf("pattern %q", v.Pattern))
	}
	if v.MinLength != nil {
		parts = append(parts, fmt.Sprintf("at least %d characters", *v.MinLength))
	}
	if v.MaxLength != nil {
		parts = append(parts, fmt.Sprintf("at most %d characters", *v.MaxLength))
	}
	return strings.Join(parts, ", ")
}
