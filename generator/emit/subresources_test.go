package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestSubResourceRemovable: which sub-resources an unset spec field
// deletes. Where AWS reports a default nobody put, a delete would leave
// the default and run again on every resync.
func TestSubResourceRemovable(t *testing.T) {
	op := &model.Operation{Name: "Op"}
	cases := []struct {
		reason string
		sub    model.SubResource
		ignore bool
		want   bool
	}{
		{reason: "a get tells AWS has one, a delete removes it", sub: model.SubResource{Get: op, Delete: op}, want: true},
		{reason: "AWS reports a default when unset: unset is no opinion", sub: model.SubResource{Get: op, Delete: op, ReportsDefault: true}, want: false},
		{reason: "no delete operation", sub: model.SubResource{Get: op}, want: false},
		{reason: "no get: nothing tells there is one to delete", sub: model.SubResource{Delete: op}, want: false},
		{reason: "compareIgnore: drift is not looked for", sub: model.SubResource{Get: op, Delete: op}, ignore: true, want: false},
	}
	for _, c := range cases {
		s := subResource{SubResource: &c.sub, f: &model.Field{CompareIgnore: c.ignore}}
		if got := s.removable(); got != c.want {
			t.Errorf("%s: removable %t, want %t", c.reason, got, c.want)
		}
	}
}

// TestPutSubResourceSetsTheValueOnce: a put input member that both names
// the sub-resource's value and matches its spec field by name (S3's
// PutBucketPolicy.Policy, PutBucketOwnershipControls.OwnershipControls)
// is set once, as the value, not again as an identifier: a struct literal
// with a key twice does not compile.
func TestPutSubResourceSetsTheValueOnce(t *testing.T) {
	str := &model.Type{Kind: model.String}
	bucket := &model.Member{Name: "Bucket", GoName: "Bucket", Type: str, Required: true}
	cases := []struct {
		reason string
		value  *model.Member
		want   []string
	}{
		{
			reason: "the value member is required and has the field's name",
			value:  &model.Member{Name: "Policy", GoName: "Policy", Type: str, Required: true},
			want:   []string{"Bucket:", "Policy:"},
		},
		{
			reason: "the value member is optional",
			value:  &model.Member{Name: "Policy", GoName: "Policy", Type: str},
			want:   []string{"Bucket:", "Policy:"},
		},
	}
	for _, c := range cases {
		put := &model.Operation{Name: "PutBucketPolicy", Input: []*model.Member{bucket, c.value}}
		field := &model.Field{Member: "Policy", GoName: "Policy", JSONName: "policy", Type: str, Class: model.ClassSpec}
		name := &model.Field{Member: "Bucket", GoName: "Name", JSONName: "name", Type: str, Class: model.ClassSpec}
		r := &model.Resource{Kind: "Bucket", Spec: []*model.Field{name, field}}
		g := New(&model.Service{Name: "s3"}, "example.com/generated/s3")
		m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
		code := fmt.Sprintf("%#v", jen.Block(m.putSubResource(subResource{&model.SubResource{Field: "Policy", Put: put, PutMember: "Policy"}, field})...))
		for _, key := range c.want {
			if n := strings.Count(code, key); n != 1 {
				t.Errorf("%s: %q %d times in\n%s", c.reason, key, n, code)
			}
		}
	}
}
