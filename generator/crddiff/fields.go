package crddiff

import (
	"slices"
	"strings"

	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
)

// field is what a user relies on in one schema node.
type field struct {
	typ        string   // type, format and int-or-string; "object" or "array" for containers
	required   bool     // its parent object requires it
	createOnly bool     // a self == oldSelf rule keeps it from changing
	frozen     bool     // it or a field holding it is createOnly
	rules      []string // its other transition rules (those using oldSelf)
}

// fields maps schema paths to fields.
type fields map[string]field

func (fs fields) has(p string) bool { _, ok := fs[p]; return ok }

// walk records the node at path p and everything under it.
func (fs fields) walk(p string, s *apiextv1.JSONSchemaProps, required bool) {
	fs.walkUnder(p, s, required, false)
}

// walkUnder is walk below a field that is frozen or not.
func (fs fields) walkUnder(p string, s *apiextv1.JSONSchemaProps, required, frozen bool) {
	f := field{typ: typeOf(s), required: required}
	for _, v := range s.XValidations {
		rule := strings.Join(strings.Fields(v.Rule), " ")
		switch {
		case rule == "self == oldSelf":
			f.createOnly = true
		case strings.Contains(rule, "oldSelf"):
			f.rules = append(f.rules, rule)
		}
	}
	slices.Sort(f.rules)
	f.frozen = frozen || f.createOnly
	fs[p] = f
	for name, child := range s.Properties {
		fs.walkUnder(p+"."+name, &child, slices.Contains(s.Required, name), f.frozen)
	}
	if s.Items != nil && s.Items.Schema != nil {
		fs.walkUnder(p+"[]", s.Items.Schema, false, f.frozen)
	}
	if s.AdditionalProperties != nil && s.AdditionalProperties.Schema != nil {
		fs.walkUnder(p+"{}", s.AdditionalProperties.Schema, false, f.frozen)
	}
}

// typeOf is the node's type as a client sees it.
func typeOf(s *apiextv1.JSONSchemaProps) string {
	t := s.Type
	switch {
	case s.XIntOrString:
		t = "int-or-string"
	case t == "":
		t = "any"
	}
	if s.Format != "" {
		t += "/" + s.Format
	}
	return t
}
