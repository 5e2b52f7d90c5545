package smithy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decoder reads JSON straight from the file bytes. encoding/json can neither keep
// object key order (members must stay in file order) nor decode a value once
// while also keeping its raw bytes (every trait is kept raw and decoded), and its
// token API allocates per token; a small validating scanner does all of that in one pass.
type decoder struct {
	data []byte
	pos  int
	name string // file name for errors

	// Where the scanner is, for error messages.
	atShape  ShapeID
	atMember string
	atTrait  string
	keyPos   int // offset of the last object key read

	props []property // scratch for shapeBody

	// strs interns shape IDs and trait IDs: the same few thousand recur across a file.
	strs map[string]string
}

// maxDepth bounds nesting in skipped values, as encoding/json does.
const maxDepth = 10000

func (d *decoder) errorAt(offset int, format string, args ...any) error {
	e := newError(d.name, d.data, offset, fmt.Sprintf(format, args...))
	e.Shape, e.Member, e.Trait = d.atShape, d.atMember, d.atTrait
	return e
}

func (d *decoder) errorf(format string, args ...any) error {
	return d.errorAt(d.pos, format, args...)
}

// unexpected reports that the next value is not what was wanted.
func (d *decoder) unexpected(want string) error {
	return d.errorf("expected %s, found %s", want, d.describe())
}

// describe names the value or byte at the current position.
func (d *decoder) describe() string {
	if d.pos >= len(d.data) {
		return "end of input"
	}
	switch c := d.data[d.pos]; c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			return "number"
		}
		return fmt.Sprintf("%q", c)
	}
}

// peek skips whitespace and returns the next byte, or 0 at the end.
func (d *decoder) peek() byte {
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; c {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return c
		}
	}
	return 0
}

func (d *decoder) intern(b []byte) string {
	if d.strs == nil {
		return string(b)
	}
	if s, ok := d.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	d.strs[s] = s
	return s
}

// object reads an object, calling fn with each key; fn must read the value.
func (d *decoder) object(fn func(key []byte) error) error {
	if d.peek() != '{' {
		return d.unexpected("object")
	}
	d.pos++
	if d.peek() == '}' {
		d.pos++
		return nil
	}
	for {
		if d.peek() != '"' {
			return d.unexpected("string key")
		}
		d.keyPos = d.pos
		key, err := d.strBytes()
		if err != nil {
			return err
		}
		if d.peek() != ':' {
			return d.unexpected("':'")
		}
		d.pos++
		if err := fn(key); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return d.unexpected("',' or '}'")
		}
	}
}

// array reads an array, calling fn for each element; fn must read it.
func (d *decoder) array(fn func() error) error {
	if d.peek() != '[' {
		return d.unexpected("array")
	}
	d.pos++
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for {
		if err := fn(); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return d.unexpected("',' or ']'")
		}
	}
}

// scanString moves past a string and returns its content bounds (without
// quotes) and whether it holds escapes.
func (d *decoder) scanString() (start, end int, escaped bool, err error) {
	if d.peek() != '"' {
		return 0, 0, false, d.unexpected("string")
	}
	start = d.pos + 1
	for i := start; i < len(d.data); {
		switch c := d.data[i]; {
		case c == '"':
			d.pos = i + 1
			return start, i, escaped, nil
		case c == '\\':
			escaped = true
			if i+1 >= len(d.data) {
				return 0, 0, false, d.errorAt(i, "unterminated string")
			}
			switch d.data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(d.data) || !isHex4(d.data[i+2:i+6]) {
					return 0, 0, false, d.errorAt(i, "invalid \\u escape in string")
				}
				i += 6
			default:
				return 0, 0, false, d.errorAt(i, "invalid escape %s in string", d.data[i:i+2])
			}
		case c < 0x20:
			return 0, 0, false, d.errorAt(i, "control character %q in string", c)
		default:
			i++
		}
	}
	return 0, 0, false, d.errorAt(start-1, "unterminated string")
}

func (d *decoder) str() (string, error) {
	start, end, escaped, err := d.scanString()
	if err != nil {
		return "", err
	}
	if !escaped {
		return string(d.data[start:end]), nil
	}
	return unescape(d.data[start:end]), nil
}

// strBytes is str without a copy when the string has no escapes.
func (d *decoder) strBytes() ([]byte, error) {
	start, end, escaped, err := d.scanString()
	if err != nil {
		return nil, err
	}
	if !escaped {
		return d.data[start:end], nil
	}
	return []byte(unescape(d.data[start:end])), nil
}

func isHex4(b []byte) bool {
	for _, c := range b[:4] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// unescape decodes the content of a string that scanString validated,
// replacing invalid surrogates with U+FFFD as encoding/json does.
func unescape(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\\')
		if i < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:i])
		b = b[i:]
		switch c := b[1]; c {
		case 'u':
			r := hex4(b[2:6])
			b = b[6:]
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if len(b) >= 6 && b[0] == '\\' && b[1] == 'u' {
					r2 = utf16.DecodeRune(r, hex4(b[2:6]))
				}
				if r2 != utf8.RuneError {
					b = b[6:]
				}
				r = r2
			}
			sb.WriteRune(r)
			continue
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		default: // '"', '\\', '/'
			sb.WriteByte(c)
		}
		b = b[2:]
	}
	return sb.String()
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// number moves past a number and returns its text.
func (d *decoder) number() ([]byte, error) {
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		return nil, d.unexpected("number")
	}
	start, i := d.pos, d.pos
	if d.data[i] == '-' {
		i++
	}
	digits := func() bool {
		j := i
		for i < len(d.data) && d.data[i] >= '0' && d.data[i] <= '9' {
			i++
		}
		return i > j
	}
	switch {
	case i < len(d.data) && d.data[i] == '0':
		i++
	case !digits():
		return nil, d.errorAt(i, "invalid number")
	}
	if i < len(d.data) && d.data[i] == '.' {
		i++
		if !digits() {
			return nil, d.errorAt(i, "invalid number")
		}
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if !digits() {
			return nil, d.errorAt(i, "invalid number")
		}
	}
	d.pos = i
	return d.data[start:i], nil
}

func (d *decoder) float() (float64, error) {
	start := d.pos
	b, err := d.number()
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0, d.errorAt(start, "number %s out of range", b)
	}
	return f, nil
}

func (d *decoder) integer() (int64, error) {
	start := d.pos
	b, err := d.number()
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, d.errorAt(start, "expected an integer, found %s", b)
	}
	return n, nil
}

func (d *decoder) boolean() (bool, error) {
	switch d.peek() {
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	}
	return false, d.unexpected("boolean")
}

func (d *decoder) literal(word string) error {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(word)) {
		return d.errorf("invalid literal, expected %s", word)
	}
	d.pos += len(word)
	return nil
}

// raw moves past any value and returns its bytes, which alias the input.
func (d *decoder) raw() (json.RawMessage, error) {
	d.peek()
	start := d.pos
	if err := d.skipDepth(0); err != nil {
		return nil, err
	}
	return d.data[start:d.pos:d.pos], nil
}

// skip moves past any value, validating it.
func (d *decoder) skip() error { return d.skipDepth(0) }

func (d *decoder) skipDepth(depth int) error {
	switch c := d.peek(); c {
	case '{', '[':
		if depth >= maxDepth {
			return d.errorf("value nested too deeply")
		}
		if c == '[' {
			return d.array(func() error { return d.skipDepth(depth + 1) })
		}
		return d.object(func([]byte) error { return d.skipDepth(depth + 1) })
	case '"':
		_, _, _, err := d.scanString()
		return err
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		_, err := d.number()
		return err
	default:
		return d.unexpected("value")
	}
}

// end checks that only whitespace follows the top-level value.
func (d *decoder) end() error {
	if d.peek(); d.pos < len(d.data) {
		return d.errorf("unexpected %s after the top-level object", d.describe())
	}
	return nil
}
