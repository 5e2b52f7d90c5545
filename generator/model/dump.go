package model

import (
	"fmt"
	"slices"
	"strings"
)

// Dump writes the resolved model as indented text, for golden tests and
// for reading: every resource with its operations, decisions and fields,
// then the structures the API uses.
func Dump(svc *Service) string {
	var b strings.Builder
	p := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	p(0, "service %s: sdk %s, iam %s, %s/%s", svc.Name, svc.SDKPackage, svc.IAMPrefix, svc.Group, svc.Version)
	if svc.PathStyle {
		p(1, "path-style addressing (the endpoint rules take AWS::S3::ForcePathStyle)")
	}
	if svc.Global {
		p(1, "global: every resource in the controller's region (global: true in generator.yaml)")
	}
	for _, r := range svc.Resources {
		p(0, "")
		p(0, "resource %s: kind %s (%s%s), from %s", r.Name, r.Kind, r.Plural, list(" short ", r.ShortNames), r.Source)
		if r.Because != "" {
			p(1, "because: %s", r.Because)
		}
		for _, op := range []struct {
			role string
			op   *Operation
		}{{"create", r.Create}, {"read", r.Read}, {"update", r.Update}, {"delete", r.Delete}, {"list", r.List}} {
			if op.op != nil {
				p(1, "%-7s %s", op.role, dumpOperation(op.op))
			}
		}
		for _, id := range r.Identifiers {
			where := "spec"
			switch {
			case id.ARN:
				where = "arn"
			case id.Status:
				where = "status"
			}
			p(1, "identifier %s <- %s %s", id.Member, where, or(id.Field, "?"))
		}
		if r.ARNMember != "" {
			p(1, "arn %s", r.ARNMember)
		}
		if f := r.Finder; f != nil {
			p(1, "find created %s", dumpFinder(f))
		}
		for _, f := range r.RegionFills {
			members := make([]string, len(f.Path))
			for i, pf := range f.Path {
				members[i] = pf.Member
			}
			p(1, "from region %s%s", strings.Join(members, "."), list(" except ", f.Except))
		}
		if len(r.NotFoundCodes) > 0 {
			p(1, "not found %s", strings.Join(r.NotFoundCodes, ", "))
		}
		if len(r.TerminalCodes) > 0 {
			p(1, "terminal %s", strings.Join(r.TerminalCodes, ", "))
		}
		if len(r.RecoverableCodes) > 0 {
			p(1, "recoverable %s", strings.Join(r.RecoverableCodes, ", "))
		}
		if len(r.AlreadyExistsCodes) > 0 {
			p(1, "already exists %s", strings.Join(r.AlreadyExistsCodes, ", "))
		}
		if r.Pending != nil {
			p(1, "pending while %s in %s", r.Pending.Field, strings.Join(r.Pending.Values, ", "))
		}
		if t := r.Tags; t != nil {
			form := "map"
			if !t.Map {
				form = "list of " + t.KeyMember + "/" + t.ValueMember
			}
			p(1, "tags %s (%s)", strings.Join(t.Path, "."), form)
		}
		for _, c := range r.Columns {
			p(1, "column %s %s %s priority %d", c.Name, c.Type, c.JSONPath, c.Priority)
		}
		for _, sr := range r.SubResources {
			if sr.List != nil {
				p(1, "sub-resource %s: keyed by %s, put %s.%s, list %s at %q paged %q/%q, delete %s", sr.Field, sr.Key, sr.Put.Name, sr.PutMember,
					sr.List.Name, strings.Join(sr.List.OutputPath, "."), sr.InputToken, sr.OutputToken, opName(sr.Delete))
				continue
			}
			p(1, "sub-resource %s: put %s.%s, get %s at %q, delete %s", sr.Field, sr.Put.Name, sr.PutMember,
				opName(sr.Get), strings.Join(sr.ObservedPath, "."), opName(sr.Delete))
		}
		for _, d := range r.Decisions {
			p(1, "decided %s = %s: %s", d.Subject, d.Choice, d.Reason)
		}
		for _, group := range []struct {
			name   string
			fields []*Field
		}{{"spec", r.Spec}, {"status", r.Status}} {
			if len(group.fields) > 0 {
				p(1, "%s:", group.name)
			}
			for _, f := range group.fields {
				p(2, "%s", dumpField(f))
				p(3, "%s: %s", f.Class, f.Reason)
			}
		}
		for _, s := range r.Skipped {
			p(1, "skipped %s: %s", s.Member, s.Reason)
		}
		for _, msg := range r.Problems {
			p(1, "problem: %s", msg)
		}
	}
	var names []string
	for name, s := range svc.Structs {
		if s.InAPI {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		s := svc.Structs[name]
		p(0, "")
		kind := "struct"
		if s.Union {
			kind = "union"
		}
		p(0, "%s %s: go %s", kind, name, s.GoName)
		for _, f := range s.Fields {
			p(1, "%s", dumpField(f))
		}
		for _, sk := range s.Skipped {
			p(1, "skipped %s: %s", sk.Member, sk.Reason)
		}
	}
	return b.String()
}

func dumpOperation(op *Operation) string {
	var in []string
	for _, m := range op.Input {
		name := m.Name
		if m.Required {
			name += "*"
		}
		in = append(in, name)
	}
	s := fmt.Sprintf("%s(%s)", op.Name, strings.Join(in, ", "))
	if op.Output != "" {
		path := strings.Join(op.OutputPath, ".")
		if op.Grouped != "" {
			path += "[]." + op.Grouped
		}
		if op.Many {
			path += "[]"
		}
		if op.First {
			path += "[0]"
		}
		s += " -> " + strings.TrimPrefix(path+" "+op.Output, " ")
	}
	if op.Token != nil {
		s += " token " + op.Token.Name
	}
	if op.Unsuccessful != "" {
		s += " fails on " + op.Unsuccessful
	}
	if f := op.Filter; f != nil {
		s += fmt.Sprintf(" filter %s by %s", f.Member, f.Identifier)
		if f.List {
			s += " (list)"
		}
	}
	return s
}

func dumpFinder(f *Finder) string {
	var match, sets []string
	for _, m := range f.Match {
		s := m.Field + "=" + m.Element
		if m.Input != "" {
			s += " (filter " + m.Input + ")"
		}
		match = append(match, s)
	}
	for _, s := range f.Sets {
		sets = append(sets, s.Field+"<-"+s.Element)
	}
	s := fmt.Sprintf("by %s match %s, set %s", f.List.Name, strings.Join(match, ", "), strings.Join(sets, ", "))
	if f.Since != nil {
		s += ", since " + f.Since.Name
	}
	if f.CreatedAt != "" {
		s += ", created at " + f.CreatedAt
	}
	if f.InputToken != "" {
		s += ", pages " + f.InputToken + "<-" + f.OutputToken
	}
	return s
}

func dumpField(f *Field) string {
	s := fmt.Sprintf("%s %s %s: %s", f.Member, f.GoName, f.JSONName, TypeString(f.Type))
	var flags []string
	add := func(ok bool, flag string) {
		if ok {
			flags = append(flags, flag)
		}
	}
	add(f.Required, "required")
	add(f.CreateOnly, "create-only")
	add(f.Updatable, "updatable")
	add(f.PrimaryKey, "primary-key")
	add(f.Secret, "secret")
	add(f.LateInitialize, "late-init")
	add(f.NilEqualsZero, "nil-equals-zero")
	add(f.CompareIgnore, "compare-ignore")
	add(f.LastApplied, "last-applied")
	if f.ObservedPath != nil {
		flags = append(flags, "observed "+f.ObservedAtText())
	}
	add(f.ObservedOptional, "when reported")
	if u := f.UpdatedBy; u != nil {
		flags = append(flags, fmt.Sprintf("updated by %s by %s", u.Member, u.Key))
	}
	if f.From != nil {
		flags = append(flags, fmt.Sprintf("from %s %s", f.From.Operation.Name, strings.Join(f.From.Path, ".")))
	}
	if f.SubResource != nil {
		flags = append(flags, "sub-resource")
	}
	if r := f.Reference; r != nil {
		flags = append(flags, fmt.Sprintf("refers to %s %s %s", r.Group, r.Kind, r.Path))
	}
	v := f.Validation
	if len(v.Enum) > 0 {
		flags = append(flags, "enum "+strings.Join(v.Enum, "|"))
	}
	for _, b := range []struct {
		name string
		v    *int64
	}{{"minLength", v.MinLength}, {"maxLength", v.MaxLength}, {"minItems", v.MinItems}, {"maxItems", v.MaxItems}} {
		if b.v != nil {
			flags = append(flags, fmt.Sprintf("%s %d", b.name, *b.v))
		}
	}
	for _, b := range []struct {
		name string
		v    *float64
	}{{"minimum", v.Minimum}, {"maximum", v.Maximum}} {
		if b.v != nil {
			flags = append(flags, fmt.Sprintf("%s %g", b.name, *b.v))
		}
	}
	if v.Pattern != "" {
		flags = append(flags, "pattern "+v.Pattern)
	}
	if f.Because != "" {
		flags = append(flags, "because "+f.Because)
	}
	if len(flags) > 0 {
		s += " [" + strings.Join(flags, ", ") + "]"
	}
	return s
}

// TypeString writes a type the way Go would, with the SDK details:
// "int32 (value)" for a member the SDK holds as a value.
func TypeString(t *Type) string {
	var s string
	switch t.Kind {
	case String:
		s = "string"
	case Bool:
		s = "bool"
	case Int:
		s = fmt.Sprintf("int%d", t.Bits)
	case Float:
		s = fmt.Sprintf("float%d", t.Bits)
	case Time:
		s = "time"
	case Bytes:
		s = "bytes"
	case Enum:
		s = "enum " + t.Shape
	case IntEnum:
		s = "intEnum " + t.Shape
	case Structure:
		s = "struct " + t.GoName
		shape, status := strings.CutSuffix(t.Shape, StatusSuffix)
		if t.GoName != shape {
			s += " (sdk " + shape + ")"
		}
		if status {
			s += " status-side"
		}
	case List:
		s = "[]" + TypeString(t.Elem)
	case Map:
		s = "map[string]" + TypeString(t.Elem)
	case JSON:
		s = "json"
	}
	if t.SDKValue {
		s += " (value)"
	}
	return s
}

func list(prefix string, items []string) string {
	if len(items) == 0 {
		return ""
	}
	return prefix + strings.Join(items, ",")
}

func opName(op *Operation) string {
	if op == nil {
		return "none"
	}
	return op.Name
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
