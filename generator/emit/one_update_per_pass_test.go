package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestOneUpdatePerPass: with oneUpdatePerPass, the update returns after
// the first sub-resource put it sends, so EKS never sees a second update
// while the first is in progress; without it, every put that differs is
// sent in the same pass.
func TestOneUpdatePerPass(t *testing.T) {
	cases := []struct {
		reason     string
		onePerPass bool
		returns    int
	}{
		{reason: "one update per pass: each put ends the update", onePerPass: true, returns: 2},
		{reason: "the default: every put that differs goes in one pass", onePerPass: false, returns: 0},
	}
	str := &model.Type{Kind: model.String}
	name := &model.Member{Name: "name", GoName: "Name", Type: str, Required: true}
	for _, c := range cases {
		idField := &model.Field{Member: "name", GoName: "Name", JSONName: "name", Type: str, Class: model.ClassCreateOnly}
		r := &model.Resource{Kind: "Cluster", Spec: []*model.Field{idField}, OneUpdatePerPass: c.onePerPass}
		for _, member := range []string{"version", "logging"} {
			value := &model.Member{Name: member, GoName: exported(member), Type: str}
			put := &model.Operation{Name: "Update" + exported(member), Input: []*model.Member{name, value}}
			r.Spec = append(r.Spec, &model.Field{Member: member, GoName: exported(member), JSONName: member, Type: str, Class: model.ClassSpec})
			r.SubResources = append(r.SubResources, &model.SubResource{Field: member, Put: put, PutMember: member, ReadWithResource: true})
		}
		g := New(&model.Service{Name: "eks"}, "example.com/generated/eks")
		m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
		code := fmt.Sprintf("%#v", jen.Block(m.updateSubResources()...))
		if n := strings.Count(code, "return managed.Partial(obs, "); n != c.returns {
			t.Errorf("%s: %d returns after a put, want %d, in\n%s", c.reason, n, c.returns, code)
		}
		if n := strings.Count(code, "m.client.Update"); n != 2 {
			t.Errorf("%s: %d puts, want 2, in\n%s", c.reason, n, code)
		}
	}
}
