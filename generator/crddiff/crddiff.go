// Package crddiff compares two generations of a service's CRDs and says
// which changes break manifests or clients written for the older one: a
// spec field removed or retyped, a field newly required, a field turned
// create-only. Only spec is compared; status belongs to the controller.
package crddiff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	"sigs.k8s.io/yaml"
)

// Kinds of change. The first four break existing users.
const (
	Removed     = "removed"
	Retyped     = "retyped"
	Required    = "required"
	CreateOnly  = "createOnly"
	Added       = "added"
	Optional    = "optional"  // no longer required
	Mutable     = "mutable"   // no longer create-only
	RuleAdded   = "ruleAdded" // another transition rule (one using oldSelf) appeared
	RuleRemoved = "ruleRemoved"
)

// breaking are the changes that fail the check unless acknowledged.
var breaking = []string{Removed, Retyped, Required, CreateOnly}

// Breaking says whether a change of this kind breaks existing users.
func Breaking(change string) bool { return slices.Contains(breaking, change) }

// Change is one difference in one kind's spec.
type Change struct {
	Kind   string // Kubernetes kind
	Field  string // path in the CRD schema: spec.a.b, [] for list items, {} for map values
	Change string // Removed, Retyped, ...
	Detail string // the types, or the rule, when they say more
}

// Breaking says whether the change breaks existing users.
func (c Change) Breaking() bool { return Breaking(c.Change) }

func (c Change) String() string {
	s := fmt.Sprintf("%-11s %s", c.Change, c.Field)
	if c.Detail != "" {
		s += "  (" + c.Detail + ")"
	}
	return s
}

// Parse reads one CRD YAML file.
func Parse(data []byte, name string) (*apiextv1.CustomResourceDefinition, error) {
	var crd apiextv1.CustomResourceDefinition
	if err := yaml.UnmarshalStrict(data, &crd); err != nil {
		return nil, fmt.Errorf("%s: not a CRD: %w", name, err)
	}
	if crd.Spec.Names.Kind == "" {
		return nil, fmt.Errorf("%s: not a CRD: no spec.names.kind", name)
	}
	return &crd, nil
}

// Compare lists the changes from the CRDs old to the CRDs new, by kind
// then path. A kind present on one side only compares with nothing.
func Compare(old, new []*apiextv1.CustomResourceDefinition) []Change {
	oldFields, newFields := byKind(old), byKind(new)
	kinds := map[string]bool{}
	for k := range oldFields {
		kinds[k] = true
	}
	for k := range newFields {
		kinds[k] = true
	}
	var out []Change
	for _, k := range sortedKeys(kinds) {
		out = append(out, compareKind(k, oldFields[k], newFields[k])...)
	}
	return out
}

// byKind flattens each CRD's spec schema, per kind; a kind served in
// more than one version is keyed "Kind version".
func byKind(crds []*apiextv1.CustomResourceDefinition) map[string]fields {
	out := map[string]fields{}
	for _, crd := range crds {
		for _, v := range crd.Spec.Versions {
			key := crd.Spec.Names.Kind
			if len(crd.Spec.Versions) > 1 {
				key += " " + v.Name
			}
			fs := fields{}
			if v.Schema != nil && v.Schema.OpenAPIV3Schema != nil {
				if spec, ok := v.Schema.OpenAPIV3Schema.Properties["spec"]; ok {
					fs.walk("spec", &spec, false)
				}
			}
			out[key] = fs
		}
	}
	return out
}

func compareKind(kind string, old, new fields) []Change {
	var out []Change
	add := func(path, change, detail string) {
		out = append(out, Change{Kind: kind, Field: path, Change: change, Detail: detail})
	}
	for _, p := range sortedKeys(old) {
		o := old[p]
		n, ok := new[p]
		if !ok {
			// Only the topmost removed field is reported.
			if pp := parent(p); !old.has(pp) || new.has(pp) {
				add(p, Removed, "")
			}
			continue
		}
		if o.typ != n.typ {
			add(p, Retyped, o.typ+" -> "+n.typ)
		}
		switch {
		case n.required && !o.required:
			add(p, Required, "")
		case o.required && !n.required:
			add(p, Optional, "")
		}
		switch {
		case n.createOnly && !o.frozen:
			// A field inside a create-only one could not change before
			// either (EKS accessConfig made updatable but one member).
			add(p, CreateOnly, "")
		case o.createOnly && !n.createOnly:
			add(p, Mutable, "")
		}
		for _, r := range n.rules {
			if !slices.Contains(o.rules, r) {
				add(p, RuleAdded, r)
			}
		}
		for _, r := range o.rules {
			if !slices.Contains(n.rules, r) {
				add(p, RuleRemoved, r)
			}
		}
	}
	for _, p := range sortedKeys(new) {
		if _, ok := old[p]; ok {
			continue
		}
		// Within an existing object a new required field breaks manifests
		// that lack it; within a new one, none has it yet.
		pp := parent(p)
		if new[p].required && old.has(pp) {
			add(p, Required, "new field")
		}
		if new.has(pp) && !old.has(pp) {
			continue // under a new field, reported with it
		}
		add(p, Added, new[p].typ)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// parent is the path of the object or list holding p.
func parent(p string) string {
	if strings.HasSuffix(p, "[]") || strings.HasSuffix(p, "{}") {
		return p[:len(p)-2]
	}
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[:i]
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Ack is an acknowledged breaking change: a kind, field and change as a
// Change names them.
type Ack struct{ Kind, Field, Change string }

// Unacknowledged are the breaking changes no ack names, and the acks that
// name no change (left over from an earlier break, or mistyped).
func Unacknowledged(changes []Change, acks []Ack) (refused []Change, unused []Ack) {
	used := make([]bool, len(acks))
	for _, c := range changes {
		if !c.Breaking() {
			continue
		}
		i := slices.Index(acks, Ack{c.Kind, c.Field, c.Change})
		if i < 0 {
			refused = append(refused, c)
			continue
		}
		used[i] = true
	}
	for i, a := range acks {
		if !used[i] {
			unused = append(unused, a)
		}
	}
	return refused, unused
}
