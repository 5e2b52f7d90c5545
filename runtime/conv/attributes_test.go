package conv

import (
	"maps"
	"testing"
)

func TestAttributes(t *testing.T) {
	five := "5"
	cases := []struct {
		reason string
		in     map[string]*string
		want   map[string]string
	}{
		{"unset attributes are not sent", map[string]*string{"DelaySeconds": &five, "Policy": nil}, map[string]string{"DelaySeconds": "5"}},
		{"nothing set is no map, so a create sends no empty Attributes", map[string]*string{"Policy": nil}, nil},
	}
	for _, c := range cases {
		if got := Attributes(c.in); !maps.Equal(got, c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("%s: Attributes = %v, want %v", c.reason, got, c.want)
		}
	}
}

func TestAttribute(t *testing.T) {
	attrs := map[string]string{"DelaySeconds": "0"}
	if got := Attribute(attrs, "DelaySeconds"); got == nil || *got != "0" {
		t.Errorf("a reported attribute, zero included, is its value: got %v", got)
	}
	if got := Attribute(attrs, "Policy"); got != nil {
		t.Errorf("an attribute AWS leaves out is unset: got %q", *got)
	}
}
