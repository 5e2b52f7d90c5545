package conv

import "testing"

// shape stands for an SDK union: an interface with a struct per member.
type shape interface{ isShape() }

type shapeMemberName struct{ Value string }

func (*shapeMemberName) isShape() {}

func TestUnion(t *testing.T) {
	toSDK := func(s string) shape { return &shapeMemberName{Value: s} }
	fromSDK := func(u shape) string { return u.(*shapeMemberName).Value }
	name := "a"
	cases := []struct {
		reason string
		in     *string
		want   shape
	}{
		{"an unset union is a nil interface, which the SDK leaves out of the request", nil, nil},
		{"a set one is the member f makes", &name, &shapeMemberName{Value: "a"}},
	}
	for _, c := range cases {
		got := Union(c.in, toSDK)
		if (got == nil) != (c.want == nil) || got != nil && fromSDK(got) != fromSDK(c.want) {
			t.Errorf("%s: got %#v, want %#v", c.reason, got, c.want)
		}
	}
	back := []struct {
		reason string
		in     shape
		want   *string
	}{
		{"a union AWS left out is unset", nil, nil},
		{"a member AWS sent is converted", &shapeMemberName{Value: "b"}, Of("b")},
	}
	for _, c := range back {
		got := FromUnion(c.in, fromSDK)
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("%s: got %v, want %v", c.reason, got, c.want)
		}
	}
}
