package infer

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// inferListOrder decides, for every list, whether drift checks compare it
// in order or as a set (model.Type.Unique). A list is a set when Smithy
// says so (@uniqueItems, a Smithy 1 set), when it holds identifiers
// (SubnetIds, RoleArns, ...), or when it holds structures each named by a
// member of their own: a member called Name, Id or Key, or <Noun>Name,
// <Noun>Id or <Noun>Key where the structure's name contains <Noun>. So
// AttributeDefinitions (AttributeDefinition, named by AttributeName) and
// GlobalSecondaryIndexes (IndexName) are sets, while a KeySchema
// (KeySchemaElement, whose AttributeName names another thing, an
// attribute) keeps its order: HASH first, then RANGE. generator.yaml's
// listOrder overrides the choice.
func inferListOrder(st *state) error {
	for _, s := range st.svc.Structs {
		for _, f := range s.Fields {
			st.orderList(f)
		}
	}
	for _, r := range st.svc.Resources {
		for _, f := range r.Spec {
			if f.SubResource != nil && (f.SubResource.List != nil || f.SubResource.Elements || f.SubResource.Changes != nil) {
				continue // a keyed collection, compared by its key; an element set, in normal form; changes, by their key
			}
			if why := st.orderList(f); why != "" {
				f.Reason += "; " + why
			}
		}
	}
	return nil
}

// orderList marks f's list type as a set where the model says so, and
// explains the choice; "" when f is no list.
func (st *state) orderList(f *model.Field) string {
	t := f.Type
	if t.Kind != model.List {
		return ""
	}
	switch {
	case t.Unique:
		return "compared as a set: @uniqueItems"
	case t.Elem.Kind == model.Structure:
		if key := elementKey(st.svc.Structs[t.Elem.Shape]); key != "" {
			t.Unique = true
			return "compared as a set: " + key + " names each element"
		}
	case identifierList(f.Member):
		t.Unique = true
		return "compared as a set: a list of identifiers"
	}
	return "compared in order"
}

// elementKey is the member that names a structure itself, "" when none does.
func elementKey(s *model.Struct) string {
	if s == nil {
		return ""
	}
	for _, f := range s.Fields {
		if f.Type.Kind != model.String {
			continue
		}
		for _, suffix := range []string{"Name", "Id", "Key"} {
			if noun, ok := strings.CutSuffix(f.Member, suffix); ok && strings.Contains(s.Shape, noun) {
				return f.Member
			}
		}
	}
	return ""
}

// identifierList reports whether a list member holds identifiers, which
// AWS returns in an order of its own.
func identifierList(member string) bool {
	for _, suffix := range []string{"Ids", "IDs", "Arns", "ARNs", "Names"} {
		if strings.HasSuffix(member, suffix) {
			return true
		}
	}
	return false
}
