package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestGroupedOutputs: a listing through groups joins every group's list
// (conv.Flatten over DescribeInstances' Reservations), and a create whose
// resource is the first of a list reads it only when the list has one.
func TestGroupedOutputs(t *testing.T) {
	g := New(&model.Service{Name: "ec2"}, "example.com/generated/ec2")
	m := &managerWriter{Gen: g, r: &model.Resource{Kind: "Instance"}, c: g.newConverter(), d: g.newDiffer()}
	read := &model.Operation{Name: "DescribeInstances", Many: true, OutputPath: []string{"Reservations"}, Output: "Instance", Grouped: "Instances", GroupShape: "Reservation"}
	create := &model.Operation{Name: "RunInstances", OutputPath: []string{"Instances"}, Output: "Instance", First: true}
	pre, desc := m.described(create)
	cases := []struct {
		reason string
		code   jen.Code
		want   []string
	}{
		{"the groups' lists are joined", m.listed(read),
			[]string{"conv.Flatten(out.Reservations, func(g types.Reservation) []types.Instance", "return g.Instances"}},
		{"a listing without groups is its list", m.listed(&model.Operation{Name: "DescribeVpcs", Many: true, OutputPath: []string{"Vpcs"}, Output: "Vpc"}),
			[]string{"out.Vpcs"}},
		{"the first element, when there is one", jen.Block(append(pre, jen.Id("use").Call(desc))...),
			[]string{"var desc *types.Instance", "if len(out.Instances) > 0", "desc = &out.Instances[0]", "use(desc)"}},
	}
	for _, c := range cases {
		code := fmt.Sprintf("%#v", c.code)
		for _, want := range c.want {
			if !strings.Contains(code, want) {
				t.Errorf("%s: no %q in\n%s", c.reason, want, code)
			}
		}
	}
}
