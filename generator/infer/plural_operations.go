package infer

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// identifierInputs are the members op requires, each named as an
// identifier: a required list of strings named in the plural of one
// (DeleteVpcEndpoints' VpcEndpointIds) names VpcEndpointId, which the call
// then gets as a list of one.
func identifierInputs(m *smithy.Model, op *smithy.Shape) []string {
	names := requiredInputs(m, op)
	for i, name := range names {
		if f := listOfOne(m, op, name); f != nil {
			names[i] = f.Identifier
		}
	}
	return names
}

// deleteFilter is the list member a delete takes its identifier in, as a
// list of one; nil when the delete takes no list.
func deleteFilter(m *smithy.Model, op *smithy.Shape) *model.Filter {
	for _, name := range requiredInputs(m, op) {
		if f := listOfOne(m, op, name); f != nil {
			return f
		}
	}
	return nil
}

// listOfOne returns the filter for op's input member name when it is a
// list of strings named in the plural of an identifier; nil otherwise.
func listOfOne(m *smithy.Model, op *smithy.Shape, name string) *model.Filter {
	in, ok := m.Shape(op.Input)
	if !ok {
		return nil
	}
	mem := in.MemberByName(name)
	if mem == nil {
		return nil
	}
	list := m.Target(mem)
	if list.Type != smithy.TypeList && list.Type != smithy.TypeSet || m.Target(list.Member).Type != smithy.TypeString {
		return nil
	}
	id := singular(name)
	if id == "" {
		return nil
	}
	return &model.Filter{Member: name, List: true, Identifier: id}
}

// singular undoes plurals: VpcEndpointIds is VpcEndpointId, Policies is
// Policy; "" when name is not plural.
func singular(name string) string {
	if base, ok := strings.CutSuffix(name, "ies"); ok && base != "" {
		return base + "y"
	}
	if base, ok := strings.CutSuffix(name, "s"); ok && base != "" && !strings.HasSuffix(base, "s") {
		return base
	}
	return ""
}

// unsuccessful finds op's output member listing the items the call could
// not process: a list of structures with an Error (Code, Message) and a
// ResourceId, EC2's UnsuccessfulItem. "" when there is none.
func unsuccessful(m *smithy.Model, op *smithy.Shape) string {
	if op == nil {
		return ""
	}
	out, ok := m.Shape(op.Output)
	if !ok {
		return ""
	}
	for _, mem := range out.Members {
		list := m.Target(mem)
		if list.Type != smithy.TypeList && list.Type != smithy.TypeSet {
			continue
		}
		item := m.Target(list.Member)
		if item.Type != smithy.TypeStructure || item.MemberByName("ResourceId") == nil || item.MemberByName("Error") == nil {
			continue
		}
		if e := m.Target(item.MemberByName("Error")); e.MemberByName("Code") != nil && e.MemberByName("Message") != nil {
			return sdkFieldName(mem.Name)
		}
	}
	return ""
}

// assigns finds the list in a create's output that holds the identifier
// AWS assigned, when the output describes no resource but lists their
// identifiers, named in the plural (CreateFlowLogs' FlowLogIds for
// FlowLogId); nil otherwise.
func (st *state) assigns(r *model.Resource, id *model.Identifier) *model.Filter {
	out := st.svc.Structs[r.Create.Output]
	if !id.Status || id.ARN || out == nil || out.FieldByMember(id.Field) != nil {
		return nil
	}
	for _, p := range plurals(id.Field) {
		if f := out.FieldByMember(p); f != nil && f.Type.Kind == model.List && f.Type.Elem.Kind == model.String {
			return &model.Filter{Member: f.SDKName, List: true, Identifier: id.Field}
		}
	}
	return nil
}
