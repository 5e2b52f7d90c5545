package smithy

import (
	"bytes"
	"fmt"
	"strings"
)

// Error is a problem in a model file, located as precisely as the reader knows:
// "s3.json:120:9: shape "com.amazonaws.s3#Foo": member "Bar": trait "smithy.api#length": expected object, found string".
type Error struct {
	File   string
	Line   int // 1-based; 0 when the problem has no single place in the file
	Column int // 1-based, in bytes
	Offset int // byte offset in the file; -1 when unknown
	Shape  ShapeID
	Member string
	Trait  string
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Shape != "" {
		fmt.Fprintf(&b, "shape %q: ", e.Shape)
	}
	if e.Member != "" {
		fmt.Fprintf(&b, "member %q: ", e.Member)
	}
	if e.Trait != "" {
		fmt.Fprintf(&b, "trait %q: ", e.Trait)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// newError locates offset (when >= 0) in data as a line and column.
func newError(file string, data []byte, offset int, msg string) *Error {
	e := &Error{File: file, Offset: offset, Msg: msg}
	if offset >= 0 && offset <= len(data) {
		before := data[:offset]
		e.Line = bytes.Count(before, []byte{'\n'}) + 1
		e.Column = offset - bytes.LastIndexByte(before, '\n')
	}
	return e
}
