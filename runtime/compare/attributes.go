package compare

import (
	"reflect"
	"strconv"
	"strings"
)

// Attribute reports whether a value of a string attribute map (SQS's queue
// attributes) says what AWS's does, as AWS normalises what it is given:
// the same text; the same number ("05" and "5"); the same boolean in any
// case ("True" and "true"); or JSON holding the same data once numbers
// written as strings are numbers ({"maxReceiveCount": "5"} comes back as
// 5), lists compared in any order and a lone value equal to a list of it,
// as policies compare.
func Attribute(desired, observed string) bool {
	if desired == observed {
		return true
	}
	if a, errA := strconv.ParseFloat(desired, 64); errA == nil {
		b, errB := strconv.ParseFloat(observed, 64)
		return errB == nil && a == b
	}
	if isBool(desired) && isBool(observed) {
		return strings.EqualFold(desired, observed)
	}
	va, okA := parseJSON(decodePolicy(desired))
	vb, okB := parseJSON(decodePolicy(observed))
	return okA && okB && reflect.DeepEqual(normalizePolicy(numberStrings(va)), normalizePolicy(numberStrings(vb)))
}

func isBool(s string) bool { return strings.EqualFold(s, "true") || strings.EqualFold(s, "false") }

// numberStrings replaces the strings in decoded JSON that hold numbers by
// the numbers.
func numberStrings(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = numberStrings(e)
		}
	case []any:
		for i, e := range v {
			v[i] = numberStrings(e)
		}
	case string:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	}
	return v
}
