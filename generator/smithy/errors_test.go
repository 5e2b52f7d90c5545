package smithy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		reason string
		file   string
		want   string
	}{
		{"empty input", "empty.json",
			"empty.json:1:1: expected object, found end of input"},
		{"truncated input", "truncated.json",
			"truncated.json:2:1: expected ',' or '}', found end of input"},
		{"data after the model", "trailing-data.json",
			"trailing-data.json:2:1: unexpected '}' after the top-level object"},
		{"no smithy version", "no-version.json",
			`no-version.json: missing the "smithy" version property`},
		{"unsupported smithy version", "bad-version.json",
			`bad-version.json:1:12: unsupported Smithy version "3.0" (want 1.0 or 2.0)`},
		{"relative shape ID", "bad-shape-id.json",
			`bad-shape-id.json:4:5: invalid shape ID "Foo"`},
		{"shape without type", "missing-type.json",
			`missing-type.json:4:18: shape "com.x#Foo": missing "type"`},
		{"unknown shape type", "unknown-type.json",
			`unknown-type.json:4:27: shape "com.x#Foo": unknown shape type "structured"`},
		{"property of another shape type", "wrong-property.json",
			`wrong-property.json:6:7: shape "com.x#Foo": property "members" is not valid for a string shape`},
		{"duplicate shape", "duplicate-shape.json",
			`duplicate-shape.json:5:5: shape "com.x#Foo": duplicate shape`},
		{"member target missing from the model", "missing-target.json",
			`missing-target.json:8:16: shape "com.x#Foo": member "Bar": target "com.x#Missing" not found`},
		{"many missing targets: the first five in file order, then a count", "many-missing.json", strings.Join([]string{
			`many-missing.json:4:17: shape "com.x#Op": error "com.x#Err" not found`,
			`many-missing.json:4:17: shape "com.x#Op": input "com.x#In" not found`,
			`many-missing.json:5:46: shape "com.x#List": member "member": target "com.x#Elem" not found`,
			`many-missing.json:6:41: shape "com.x#Map": member "key": target "com.x#Key" not found`,
			`many-missing.json:6:75: shape "com.x#Map": member "value": target "com.x#Value" not found`,
			`many-missing.json: and 2 more problems`}, "\n")},
		{"reference of the wrong type", "input-type.json",
			`input-type.json:4:17: shape "com.x#Op": input "com.x#Name" is a string, not a structure`},
		{"member targeting an operation", "member-targets-operation.json",
			`member-targets-operation.json:5:58: shape "com.x#Foo": member "op": target "com.x#Op" is an operation, which members cannot target`},
		{"member names differing only in case", "member-case-conflict.json",
			`member-case-conflict.json:8:9: shape "com.x#Foo": member "Name" conflicts with member "name" (names must be case-insensitively unique)`},
		{"member without target", "member-no-target.json",
			`member-no-target.json:7:16: shape "com.x#Foo": member "Bar": missing "target"`},
		{"trait value of the wrong JSON type", "trait-type.json",
			`trait-type.json:7:80: shape "com.x#Foo": member "Bar": trait "smithy.api#length": expected object, found string`},
		{"@error value outside its enum", "error-trait-value.json",
			`error-trait-value.json:4:71: shape "com.x#Foo": trait "smithy.api#error": must be "client" or "server", not "fatal"`},
		{"trait given twice", "duplicate-trait.json",
			`duplicate-trait.json:4:75: shape "com.x#Foo": duplicate trait "smithy.api#pattern"`},
		{"list without member", "list-no-member.json",
			`list-no-member.json:4:18: shape "com.x#Foo": a list needs a member`},
		{"intEnum with a string value", "intenum-value.json",
			`intenum-value.json:6:26: shape "com.x#Level": member "LOW": intEnum members need an integer @enumValue, not "low"`},
		{"mixin cycle", "mixin-cycle.json",
			`mixin-cycle.json:4:16: shape "com.x#A": mixin cycle: com.x#A -> com.x#B -> com.x#C -> com.x#A`},
		{"missing mixin", "mixin-missing.json",
			`mixin-missing.json:4:18: shape "com.x#Foo": mixin "com.x#Gone" not found`},
		{"mixin of another type", "mixin-type.json",
			`mixin-type.json:5:18: shape "com.x#Foo": mixin "com.x#Text" is a string, not a structure`},
		{"mixin without the mixin trait", "mixin-not-mixin.json",
			`mixin-not-mixin.json:5:18: shape "com.x#Foo": "com.x#Base" is used as a mixin but has no smithy.api#mixin trait`},
		{"redefined mixin member with another target", "mixin-member-target.json",
			`mixin-member-target.json:8:24: shape "com.x#Foo": member "a": targets "smithy.api#Integer", but the member it redefines from a mixin targets "smithy.api#String"`},
		{"apply to a missing member", "apply-missing-member.json",
			`apply-missing-member.json:5:20: shape "com.x#Foo": apply: no member "b"`},
		{"apply with a conflicting value", "apply-conflict.json",
			`apply-conflict.json:8:20: shape "com.x#Foo": member "a": apply: trait "smithy.api#documentation" conflicts with the value already set`},
		{"apply with shape properties", "apply-property.json",
			`apply-property.json:4:38: shape "com.x#Foo$a": property "members" is not allowed in an apply entry`},
		{"prelude shape redefined", "prelude-redefined.json",
			`prelude-redefined.json:4:26: shape "smithy.api#String": redefines a prelude shape`},
		{"invalid string escape", "bad-escape.json",
			`bad-escape.json:1:104: shape "com.x#Foo": trait "smithy.api#documentation": invalid escape \q in string`},
		{"raw control character in a string", "control-char.json",
			`control-char.json:1:103: shape "com.x#Foo": trait "smithy.api#documentation": control character '\t' in string`},
		{"malformed number", "bad-number.json",
			`bad-number.json:1:132: shape "com.x#Foo": trait "smithy.api#httpError": invalid number`},
		{"malformed literal", "bad-literal.json",
			`bad-literal.json:1:99: shape "com.x#Foo": trait "smithy.api#required": invalid literal, expected true`},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", "errors", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(data, tt.file)
		if err == nil {
			t.Errorf("%s: %s parsed without error", tt.reason, tt.file)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s:\n got: %v\nwant: %s", tt.reason, err, tt.want)
		}
		var e *Error
		if !errors.As(err, &e) || e.File != tt.file {
			t.Errorf("%s: error %#v is not an *Error for %s", tt.reason, err, tt.file)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		reason string
		path   string
		want   string
	}{
		{"Load names the file it reads", filepath.Join("testdata", "errors", "missing-target.json"),
			filepath.Join("testdata", "errors", "missing-target.json") + `:8:16: shape "com.x#Foo": member "Bar": target "com.x#Missing" not found`},
		{"a missing file", filepath.Join("testdata", "nope.json"),
			"open " + filepath.Join("testdata", "nope.json") + ": no such file or directory"},
	}
	for _, tt := range tests {
		if _, err := Load(tt.path); err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v, want %s", tt.reason, err, tt.want)
		}
	}
}

// TestTruncatedInputs checks that every prefix of the fixtures fails cleanly: an
// *Error naming the file, never a panic.
func TestTruncatedInputs(t *testing.T) {
	tests := []struct {
		reason string
		file   string
	}{
		{"every shape type", "shapes.json"},
		{"every decoded trait", "traits.json"},
		{"mixins and apply", "mixins.json"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		end := len(strings.TrimRight(string(data), " \n"))
		for n := range end {
			_, err := Parse(data[:n], tt.file)
			var e *Error
			if !errors.As(err, &e) || e.File != tt.file {
				t.Fatalf("%s: %d bytes of %s: error %v", tt.reason, n, tt.file, err)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"shapes.json", "traits.json", "mixins.json", "resources.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data, "fuzz.json")
		if (m == nil) == (err == nil) {
			t.Fatalf("Parse returned model %v and error %v", m, err)
		}
	})
}
