package emit

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// fieldMarkers are the kubebuilder markers of one field: its Smithy
// constraints, and for a create-only field the CEL rule that keeps it.
func fieldMarkers(f *model.Field) []string {
	var m []string
	if required(f) {
		m = append(m, "+kubebuilder:validation:Required")
	} else {
		m = append(m, "+optional")
	}
	if f.CreateOnly {
		// A field-level transition rule runs only when the field exists in
		// both the old and the new object, so setting an unset field (as
		// late initialisation does) passes; removalRules covers unsetting.
		m = append(m, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="self == oldSelf",message="%s cannot change once set"`, f.JSONName))
	}
	if f.Default != "" {
		m = append(m, "+kubebuilder:default="+f.Default)
	}
	if secretKey(f) {
		return m // the string's constraints apply to the Secret's value
	}
	v := f.Validation
	if len(v.Enum) > 0 && !slices.ContainsFunc(v.Enum, func(s string) bool { return !plainEnum.MatchString(s) }) {
		m = append(m, "+kubebuilder:validation:Enum="+strings.Join(v.Enum, ";"))
	}
	bound := func(name string, p *int64) {
		// Smithy often bounds with 2^31-1. A bound above what a request can
		// carry constrains nothing, and the API server would size the CEL
		// cost of comparing the field by it, past every budget.
		if p != nil && *p <= maxRequestBytes {
			m = append(m, fmt.Sprintf("+kubebuilder:validation:%s=%d", name, *p))
		}
	}
	bound("MinLength", v.MinLength)
	bound("MaxLength", v.MaxLength)
	bound("MinItems", v.MinItems)
	bound("MaxItems", v.MaxItems)
	num := func(name string, p *float64) {
		if p != nil {
			m = append(m, fmt.Sprintf("+kubebuilder:validation:%s=%s", name, strconv.FormatFloat(*p, 'f', -1, 64)))
		}
	}
	num("Minimum", v.Minimum)
	num("Maximum", v.Maximum)
	if v.Pattern != "" {
		m = append(m, fmt.Sprintf("+kubebuilder:validation:Pattern=`%s`", v.Pattern))
	}
	return m
}

// maxRequestBytes is the largest body the API server accepts.
const maxRequestBytes = 3 * 1024 * 1024

// plainEnum values can be written in a marker without quoting.
var plainEnum = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)

// removalRules keep an optional create-only field from being unset once it
// is set: the field's own rule cannot see a field that is gone. Each rule
// costs a constant, so the CRD stays far inside the CEL cost budget.
func removalRules(r *model.Resource) []string {
	var rules []string
	for _, f := range r.Spec {
		if f.CreateOnly && !required(f) {
			name := celName(f.JSONName)
			rules = append(rules, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="!has(oldSelf.%s) || has(self.%s)",message="%s cannot be removed once set"`, name, name, f.JSONName))
		}
	}
	return slices.Concat(rules, referenceRules(r), parameterListRules(r))
}

// referenceRules: a field that a reference can fill is given one way or
// the other, never both. Neither may be given even when AWS requires the
// field: an adoption fills it from AWS, so the controller, not the CRD,
// asks for one of them before a create (managed.Reference.Required). A
// create-only field's reference is create-only too: the resolved value
// could not change anyway.
func referenceRules(r *model.Resource) []string {
	var rules []string
	for _, f := range r.Spec {
		if f.Reference == nil {
			continue
		}
		_, ref := refNames(f)
		name, refName := celName(f.JSONName), celName(ref)
		rules = append(rules, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="!(has(self.%s) && has(self.%s))",message="set at most one of %s and %s"`, name, refName, f.JSONName, ref))
		if f.CreateOnly {
			rules = append(rules, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="!has(oldSelf.%s) || has(self.%s)",message="%s cannot be removed once set"`, refName, refName, ref))
		}
	}
	return rules
}

// unionRule lets at most one member of a union be set. A status-side
// copy (key ending in model.StatusSuffix) carries no rule: it says what
// AWS reported. Neither does a union that some spec holds under two or
// more lists or maps (depth): the API server multiplies a rule's cost by
// the lengths those could reach, past the CEL budget (Security Hub's
// parameters[].{map}.value), so AWS's own check is left to refuse it.
func unionRule(key string, s *model.Struct, depth int) []string {
	if !s.Union || len(s.Fields) < 2 || strings.HasSuffix(key, model.StatusSuffix) || depth > 1 {
		return nil
	}
	var terms, names []string
	for _, f := range s.Fields {
		terms = append(terms, fmt.Sprintf("(has(self.%s) ? 1 : 0)", celName(f.JSONName)))
		names = append(names, f.JSONName)
	}
	return []string{fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="%s <= 1",message="set at most one of %s"`,
		strings.Join(terms, " + "), strings.Join(names, ", "))}
}

// unionsUnderCollections maps each structure the specs use to the most
// lists and maps any spec field holds it under.
func (g *Gen) unionsUnderCollections() map[string]int {
	depth := map[string]int{}
	var walk func(t *model.Type, n int)
	walk = func(t *model.Type, n int) {
		switch t.Kind {
		case model.List, model.Map:
			walk(t.Elem, n+1)
		case model.Structure:
			if d, seen := depth[t.Shape]; seen && d >= n {
				return
			}
			depth[t.Shape] = n
			for _, f := range g.svc.Structs[t.Shape].Fields {
				walk(f.Type, n)
			}
		}
	}
	for _, r := range g.svc.Resources {
		for _, f := range r.Spec {
			walk(f.Type, 0)
		}
	}
	return depth
}

// requiredUnionRule makes a required union field set a member: with the
// union's own rule, exactly one.
func (g *Gen) requiredUnionRule(f *model.Field) []string {
	if f.Type.Kind != model.Structure || !required(f) {
		return nil
	}
	s := g.svc.Structs[f.Type.Shape]
	if s == nil || !s.Union || len(s.Fields) == 0 {
		return nil
	}
	var terms, names []string
	for _, sf := range s.Fields {
		terms = append(terms, "has(self."+celName(sf.JSONName)+")")
		names = append(names, sf.JSONName)
	}
	return []string{fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="%s",message="set one of %s"`,
		strings.Join(terms, " || "), strings.Join(names, ", "))}
}

// celReserved are the property names Kubernetes CEL escapes as __name__.
var celReserved = []string{
	"as", "break", "const", "continue", "else", "false", "for", "function", "if", "import",
	"in", "let", "loop", "package", "namespace", "null", "return", "true", "var", "void", "while",
}

func celName(jsonName string) string {
	if slices.Contains(celReserved, jsonName) {
		return "__" + jsonName + "__"
	}
	return jsonName
}

// printColumns are the kubectl columns: the resource's identifier, the
// conditions every GitOps tool reads, the configured extras, and age.
func printColumns(r *model.Resource) []string {
	var cols []string
	add := func(name, typ, path string, priority int) {
		cols = append(cols, fmt.Sprintf("+kubebuilder:printcolumn:name=%q,type=%s,JSONPath=%q,priority=%d", name, typ, path, priority))
	}
	if name, typ, path := identifierColumn(r); path != "" && !slices.ContainsFunc(r.Columns, func(c model.Column) bool { return c.JSONPath == path }) {
		add(name, typ, path, 0)
	}
	cols = append(cols,
		`+kubebuilder:printcolumn:name="Ready",type=string,JSONPath=".status.conditions[?(@.type==\"Ready\")].status"`,
		`+kubebuilder:printcolumn:name="Synced",type=string,JSONPath=".status.conditions[?(@.type==\"ACK.ResourceSynced\")].status"`,
	)
	for _, c := range r.Columns {
		add(c.Name, c.Type, c.JSONPath, c.Priority)
	}
	return append(cols, `+kubebuilder:printcolumn:name="Age",type=date,JSONPath=".metadata.creationTimestamp"`)
}

// identifierColumn shows the first field the read needs to find the
// resource, the one users search for.
func identifierColumn(r *model.Resource) (name, typ, path string) {
	for _, mem := range r.Read.Input {
		if !mem.Required {
			continue
		}
		for _, group := range []struct {
			prefix string
			fields []*model.Field
		}{{".spec.", r.Spec}, {".status.", r.Status}} {
			for _, f := range group.fields {
				if f.Member != mem.Name || secretRef(f) {
					continue
				}
				switch f.Type.Kind {
				case model.String, model.Enum:
					return f.GoName, "string", group.prefix + f.JSONName
				case model.Int, model.IntEnum:
					return f.GoName, "integer", group.prefix + f.JSONName
				}
				return "", "", ""
			}
		}
	}
	if r.ARNMember != "" && len(r.Read.Input) > 0 {
		return "ARN", "string", ".status.ackResourceMetadata.arn"
	}
	return "", "", ""
}
