package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Attribute operations set and read one attribute of a resource per call:
// EC2's ModifyVpcAttribute takes EnableDnsSupport as {Value: true}, and
// DescribeVpcAttribute reads it back when its Attribute member names
// enableDnsSupport. Declared as sub-resources, they need two things
// inferred here: the value inside its one-member wrapper, and the
// constant that tells the get which attribute to read.

// namedMember is the put input member that holds a sub-resource's value
// as generator.yaml names it, else the member named like the sub-resource
// where the put has no payload: ModifyVpcAttribute sets one of several
// attributes, each its own sub-resource.
func namedMember(putIn *smithy.Shape, given, name string) string {
	if given != "" || putIn.MemberByName(name) == nil {
		return given
	}
	for _, mem := range putIn.Members {
		if mem.Traits.HTTPPayload {
			return given
		}
	}
	return name
}

// unwrapValue replaces a sub-resource's value by the one member of its
// structure when that member is named Value (AttributeBooleanValue), and
// notes the member in sr, so that the spec field is a plain boolean.
func (st *state) unwrapValue(sr *model.SubResource, value *model.Field) *model.Field {
	if value.Type.Kind != model.Structure {
		return value
	}
	s := st.svc.Structs[value.Type.Shape]
	if s == nil || len(s.Fields) != 1 || s.Fields[0].Member != "Value" {
		return value
	}
	inner := *s.Fields[0]
	inner.Doc = value.Doc
	sr.ValueMember = inner.Member
	return &inner
}

// getArgs finds the get input's required enum members that no field
// holds and whose enum has the sub-resource's name as a value
// (Attribute: enableDnsSupport), and sends that value.
func (st *state) getArgs(w *work, sr *model.SubResource, get *smithy.Shape, name string) []string {
	var reasons []string
	getIn := st.m.Shapes[get.Input]
	for _, mem := range sr.Get.Input {
		if !mem.Required || mem.Type.Kind != model.Enum || fieldByMember(w.r, mem.Name) != nil || isIdentifier(w.r, mem.Name) {
			continue
		}
		for _, v := range enumValues(st.m.Target(getIn.MemberByName(mem.Name))) {
			if strings.EqualFold(v, name) {
				sr.GetArgs = append(sr.GetArgs, model.ConstArg{Member: mem.Name, Value: v})
				reasons = append(reasons, fmt.Sprintf("%s %s", mem.Name, v))
			}
		}
	}
	return reasons
}

// enumValues are the values of an enum shape, or of a string with the
// Smithy 1 @enum trait.
func enumValues(s *smithy.Shape) []string {
	var out []string
	for _, e := range s.Traits.Enum {
		out = append(out, e.Value)
	}
	for _, m := range s.Members {
		if v, ok := m.Traits.EnumString(); ok {
			out = append(out, v)
		}
	}
	return out
}

// isGetArg reports whether a sub-resource sends the member as a constant.
func isGetArg(sr *model.SubResource, member string) bool {
	for _, a := range sr.GetArgs {
		if a.Member == member {
			return true
		}
	}
	return false
}
