package emit

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Reference docs: docs/<Kind>.md describes every spec and status field of
// a kind, and docs/README.md lists the kinds. The mutability, operation
// and drift columns come from the same managerWriter methods that emit
// the kind's manager, so the docs say what the controller does.

// docsDir is the folder of the reference docs in a service's output.
const docsDir = "docs/"

// KindDocPath is the reference doc of a kind, relative to the service's
// output folder.
func KindDocPath(kind string) string { return docsDir + kind + ".md" }

// Drift, as the reference docs name it.
const (
	driftCorrected = "corrected"
	driftRefused   = "refused"
	driftApplied   = "not read back"
	driftNone      = "not detected"
)

// Docs emits the reference doc of every kind and the service's index.
func (g *Gen) Docs() ([]File, error) {
	var out []File
	for _, r := range g.svc.Resources {
		f, err := g.kindDoc(r)
		if err != nil {
			return nil, fmt.Errorf("reference doc of %s: %w", r.Kind, err)
		}
		out = append(out, f)
	}
	return append(out, g.docsIndex()), nil
}

// docsIndex is docs/README.md: one row per kind, linking its doc.
func (g *Gen) docsIndex() File {
	var w mdWriter
	w.header()
	w.line("# %s reference", g.svc.Group)
	w.line("")
	w.line("The kinds of `%s/%s`, generated from `models/%s/generator.yaml`. Each page lists every spec and status field with its type, constraints, mutability, the AWS operations behind it and whether the controller detects drift in it.", g.svc.Group, g.svc.Version, g.svc.Name)
	w.line("")
	w.line("| kind | create | read | update | delete |")
	w.line("|---|---|---|---|---|")
	for _, r := range g.svc.Resources {
		w.line("| [%s](%s.md) | %s | %s | %s | %s |", r.Kind, r.Kind, opName(r.Create), opName(r.Read), opName(r.Update), opName(r.Delete))
	}
	return File{Path: docsDir + "README.md", Data: w.bytes()}
}

// kindDoc is docs/<Kind>.md.
func (g *Gen) kindDoc(r *model.Resource) (File, error) {
	m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
	var w mdWriter
	w.header()
	w.line("# %s", r.Kind)
	w.line("")
	w.line("`apiVersion: %s/%s`, `kind: %s`. [All %s kinds](README.md).", g.svc.Group, g.svc.Version, r.Kind, g.svc.Name)
	w.line("")
	w.line("Created by `%s`, read by `%s`, deleted by `%s`; %s.", r.Create.Name, r.Read.Name, r.Delete.Name, updateName(r))
	w.line("")
	if note := deletionNote(r); note != "" {
		w.line("%s", note)
		w.line("")
	}
	w.line(docsLegend)
	w.line("")
	w.line("## Spec")
	w.line("")
	w.line("| field | type | constraints | mutability | AWS operations | drift |")
	w.line("|---|---|---|---|---|---|")
	compared, refused := fieldSet(m.compared()), fieldSet(m.createOnlyCompared())
	for _, f := range r.Spec {
		w.line("| [`%s`](#%s) | %s | %s | %s | %s | %s |", f.JSONName, anchor("spec."+f.JSONName), g.docType(f), cell(constraints(f)),
			mutability(f), cell(m.specOperations(f)), m.drift(f, compared, refused))
		if f.Reference != nil {
			_, ref := refNames(f)
			w.line("| [`%s`](#%s) | reference `{from: {name, namespace}}` | instead of `%s` | %s | none: the controller copies `%s` of the %s named into `%s` | |", ref, anchor("spec."+f.JSONName), f.JSONName, mutability(f), f.Reference.Path, f.Reference.Kind, f.JSONName)
		}
	}
	w.line("")
	for _, f := range r.Spec {
		if err := g.fieldSection(&w, "spec", f, m.specNote(f)); err != nil {
			return File{}, err
		}
	}
	w.line("## Status")
	w.line("")
	status := statusFields(r)
	if len(status) == 0 {
		w.line("Only the fields every kind has: `ackResourceMetadata` (ARN, owner account, region, ownership), `conditions`.")
		w.line("")
	} else {
		w.line("Besides `ackResourceMetadata` (ARN, owner account, region, ownership) and `conditions`, which every kind has:")
		w.line("")
		w.line("| field | type | AWS operation | refreshed |")
		w.line("|---|---|---|---|")
		for _, f := range status {
			op, resync := m.statusSource(f)
			when := "at every resync"
			if !resync {
				when = "once, at create"
			}
			w.line("| [`%s`](#%s) | %s | %s | %s |", f.JSONName, anchor("status."+f.JSONName), g.docType(f), cell(op), when)
		}
		w.line("")
		for _, f := range status {
			if err := g.fieldSection(&w, "status", f, ""); err != nil {
				return File{}, err
			}
		}
	}
	if err := g.typeSections(&w, r); err != nil {
		return File{}, err
	}
	return File{Path: KindDocPath(r.Kind), Data: w.bytes()}, nil
}

// docsLegend says what the mutability and drift columns mean.
const docsLegend = "**Mutability:** *updatable* fields change in AWS when the spec changes; *create-only* fields are sent only at create, and the API server refuses a change; *late-initialized* fields the manifest leaves unset are filled with the value AWS chose. " +
	"**Drift** (a change made outside Kubernetes): *" + driftCorrected + "* fields are read back at every resync and put back to the spec's value; *" + driftRefused + "* ones are read back, and a spec that differs from AWS is refused (`ACK.Terminal`), since no update can change them; *" + driftApplied + "* ones are not returned by AWS, so the controller compares the spec with the value it last applied and never sees a change made elsewhere; *" + driftNone + "* ones are never compared."

// fieldSection writes a field's heading, facts and whole documentation.
func (g *Gen) fieldSection(w *mdWriter, side string, f *model.Field, note string) error {
	doc, err := g.docs.Markdown(f.Doc)
	if err != nil {
		return fmt.Errorf("field %s: %w", f.Member, err)
	}
	w.line("### `%s.%s`", side, f.JSONName)
	w.line("")
	facts := g.docType(f)
	if c := constraints(f); c != "" {
		facts += "; " + c
	}
	w.line("%s.", facts)
	w.line("")
	if note != "" {
		w.line("%s", note)
		w.line("")
	}
	if doc != "" {
		w.line("%s", doc)
		w.line("")
	}
	return nil
}

// typeSections documents each structure the kind's fields use, once, in
// the order they are first met.
func (g *Gen) typeSections(w *mdWriter, r *model.Resource) error {
	var order []string
	seen := map[string]bool{}
	var visit func(t *model.Type)
	visit = func(t *model.Type) {
		for t.Elem != nil {
			t = t.Elem
		}
		if t.Kind != model.Structure || seen[t.Shape] {
			return
		}
		seen[t.Shape] = true
		order = append(order, t.Shape)
		for _, f := range g.svc.Structs[t.Shape].Fields {
			visit(f.Type)
		}
	}
	for _, f := range append(append([]*model.Field{}, r.Spec...), statusFields(r)...) {
		if !topSecret(f) {
			visit(f.Type)
		}
	}
	if len(order) == 0 {
		return nil
	}
	w.line("## Types")
	w.line("")
	for _, shape := range order {
		s := g.svc.Structs[shape]
		w.line("### %s", g.apiType(shape))
		w.line("")
		w.line("The AWS `%s` shape.", s.Shape)
		w.line("")
		w.line("| field | type | constraints | description |")
		w.line("|---|---|---|---|")
		for _, f := range s.Fields {
			doc, err := g.docs.Summary(f.Doc)
			if err != nil {
				return fmt.Errorf("%s field %s: %w", shape, f.Member, err)
			}
			w.line("| `%s` | %s | %s | %s |", f.JSONName, g.docType(f), cell(constraints(f)), cell(doc))
			if f.Reference != nil {
				_, ref := refNames(f)
				w.line("| `%s` | reference | instead of `%s` | Names the %s whose `%s` fills `%s`: `{from: {name, namespace}}`. |", ref, f.JSONName, f.Reference.Kind, f.Reference.Path, f.JSONName)
			}
		}
		w.line("")
	}
	return nil
}

// docType is a field's type as a manifest writes it, linking structures
// to their section.
func (g *Gen) docType(f *model.Field) string {
	switch {
	case secretRef(f) || secretKey(f):
		return "Secret key reference `{name, key, namespace}`"
	case secretMap(f):
		return "map of strings, secret values from a Secret"
	}
	return g.typeName(f.Type)
}

func (g *Gen) typeName(t *model.Type) string {
	switch t.Kind {
	case model.String, model.Enum:
		return "string"
	case model.Bool:
		return "boolean"
	case model.Int, model.IntEnum:
		return "integer"
	case model.Float:
		return "number"
	case model.Time:
		return "date-time"
	case model.Bytes:
		return "bytes (base64)"
	case model.Structure:
		name := g.apiType(t.Shape)
		return fmt.Sprintf("[%s](#%s)", name, anchor(name))
	case model.List:
		return "list of " + g.typeName(t.Elem)
	case model.Map:
		return "map of " + g.typeName(t.Elem)
	}
	return "JSON"
}

// constraints are what the CRD validates of a field.
func constraints(f *model.Field) string {
	var c []string
	if required(f) {
		c = append(c, "required")
	} else if f.Required {
		c = append(c, "required, or its reference")
	}
	v := f.Validation
	if len(v.Enum) > 0 {
		c = append(c, "one of `"+strings.Join(v.Enum, "`, `")+"`")
	}
	bounds := func(what string, lo, hi *int64) {
		switch {
		case lo != nil && hi != nil:
			c = append(c, fmt.Sprintf("%s %d to %d", what, *lo, *hi))
		case lo != nil:
			c = append(c, fmt.Sprintf("%s at least %d", what, *lo))
		case hi != nil:
			c = append(c, fmt.Sprintf("%s at most %d", what, *hi))
		}
	}
	bounds("length", v.MinLength, v.MaxLength)
	bounds("items", v.MinItems, v.MaxItems)
	if v.Minimum != nil {
		c = append(c, fmt.Sprintf("minimum %g", *v.Minimum))
	}
	if v.Maximum != nil {
		c = append(c, fmt.Sprintf("maximum %g", *v.Maximum))
	}
	if v.Pattern != "" {
		c = append(c, "pattern `"+v.Pattern+"`")
	}
	return strings.Join(c, "; ")
}

func mutability(f *model.Field) string {
	m := "updatable"
	if f.CreateOnly {
		m = "create-only"
	}
	if f.LateInitialize {
		m += ", late-initialized"
	}
	return m
}

// drift says what the manager does about a change made in AWS: the
// fields its diffSpec compares (sub-resources with a get, and the tags
// through their own read), those its diffCreateOnly refuses, and those
// whose last applied value it records instead.
func (m *managerWriter) drift(f *model.Field, compared, refused map[*model.Field]bool) string {
	tags := f == m.tagsField() && m.tagsOwned() || m.isTagsSub(f)
	switch {
	case compared[f] || tags:
		return driftCorrected
	case refused[f]:
		return driftRefused
	case f.LastApplied:
		return driftApplied
	}
	return driftNone
}

// specOperations names the AWS operations that set and read a spec field.
func (m *managerWriter) specOperations(f *model.Field) string {
	r := m.r
	var ops []string
	add := func(role string, op *model.Operation, detail string) {
		if op == nil {
			return
		}
		s := role + " `" + op.Name + "`"
		if detail != "" {
			s += " (" + detail + ")"
		}
		ops = append(ops, s)
	}
	if takes(r.Create, f.Member) {
		add("create", r.Create, f.Member)
	}
	if s := m.subResourceOf(f); s != nil {
		add("put", s.Put, "")
		switch {
		case s.List != nil:
			add("list", s.List, "keyed by "+s.Key)
		case s.ReadWithResource:
			add("read", r.Read, strings.Join(f.ObservedPath, "."))
		default:
			add("get", s.Get, "")
		}
		add("replace", s.Replace, "")
		add("delete", s.Delete, "")
		return strings.Join(ops, ", ")
	}
	if v := f.Versions; v != nil {
		add("create version", v.Create, v.DefaultMember)
		add("get", v.Get, v.DefaultVersion)
		add("list", v.List, "")
		add("delete version", v.Delete, "")
		return strings.Join(ops, ", ")
	}
	if f == m.tagsField() {
		if api := m.tagAPI(); api != nil {
			add("tag", api.Tag, "")
			add("untag", api.Untag, "")
			add("list", api.List, "")
		}
		if by := m.tagsByID(); by != nil {
			add("create", r.Create, by.SpecMember)
			add("tag", by.Tag, "")
			add("untag", by.Untag, "")
		}
	}
	if t := f.Toggle; t != nil {
		add("enable", t.Enable, "")
		add("disable", t.Disable, "")
		add("get", t.Get, strings.Join(t.ObservedPath, "."))
		return strings.Join(ops, ", ")
	}
	switch {
	case f.Attachment != nil:
		add("attach", f.Attachment.Attach, "")
		add("detach", f.Attachment.Detach, "")
	case f.Associations != nil:
		add("associate", f.Associations.Associate, "")
		add("disassociate", f.Associations.Disassociate, "")
	case f.Links != nil:
		add("associate", f.Links.Associate, "")
		add("disassociate", f.Links.Disassociate, "")
		add("list", f.Links.List, "")
	case f.AttachedSet != nil:
		add("attach", f.AttachedSet.Attach, "")
		add("detach", f.AttachedSet.Detach, "")
		add("list", f.AttachedSet.List, "")
	case f.StringMap != nil:
		add("put", f.StringMap.Put, "")
		add("delete", f.StringMap.Delete, "")
		add("list", f.StringMap.List, "")
		add("get", f.StringMap.Get, "")
	case f.UpdatedBy != nil:
		add("update", r.Update, f.UpdatedBy.Member)
	case f.AddRemove != nil:
		add("update", r.Update, f.AddRemove.Add+", "+f.AddRemove.Remove)
	case f.Updatable && !(f == m.tagsField() && m.tagsOwned()) && takes(r.Update, f.Member):
		add("update", r.Update, f.Member)
	}
	if f.ObservedPath != nil && f.Links == nil && f.AttachedSet == nil && f.StringMap == nil {
		add("read", r.Read, f.ObservedAtText())
	}
	return strings.Join(ops, ", ")
}

// specNote says what a field means beyond the model's words: tags, and
// the incumbent's reference fields.
func (m *managerWriter) specNote(f *model.Field) string {
	var notes []string
	if f == m.tagsField() || m.isTagsSub(f) {
		shape := "a map of tag keys to values"
		if f.Type.Kind == model.List && f.Type.Elem.Kind == model.Structure {
			if k, v := m.svc.Structs[f.Type.Elem.Shape].TagMembers(); k != nil {
				shape = fmt.Sprintf("a list of `{%s, %s}`", k.JSONName, v.JSONName)
			}
		}
		if m.isTagsSub(f) {
			shape = "the `tagSet` inside it, a list of `{key, value}`"
		}
		notes = append(notes, fmt.Sprintf("The resource's tags: %s. The controller adds its default tags (the chart's `resourceTags`) to them, and tags AWS adds under `aws:` are never drift.", shape))
	}
	if f.Reference != nil {
		_, ref := refNames(f)
		notes = append(notes, fmt.Sprintf("Or give `%s: {from: {name, namespace}}` naming a %s: the controller waits until that object is ready and fills this field with its `%s`.", ref, f.Reference.Kind, f.Reference.Path))
	}
	if f.LateInitialize {
		notes = append(notes, "Left unset, it takes the value AWS chose after create.")
	}
	return strings.Join(notes, " ")
}

// subResourceOf is the sub-resource f is the field of, or nil.
func (m *managerWriter) subResourceOf(f *model.Field) *subResource {
	for _, s := range m.subResources() {
		if s.f == f {
			return &s
		}
	}
	return nil
}

// statusSource is the operation whose output fills a status field, as the
// manager's fillStatus functions and observeFrom copy it, and whether it
// is called at every resync.
func (m *managerWriter) statusSource(f *model.Field) (string, bool) {
	if f.From != nil {
		return fmt.Sprintf("`%s` (%s)", f.From.Operation.Name, strings.Join(f.From.Path, ".")), true
	}
	for _, op := range m.statusSources() {
		if mem := m.svc.Structs[op.Output].FieldByMember(f.Member); mem != nil && compatible(f.Type, mem.Type) {
			return "`" + op.Name + "`", op == m.r.Read
		}
	}
	return "none", false
}

func updateName(r *model.Resource) string {
	if r.Update == nil {
		return "no update operation: only sub-resources and the like change after create"
	}
	return "updated by `" + r.Update.Name + "`"
}

// takes reports whether op's input has the member.
func takes(op *model.Operation, member string) bool {
	if op == nil {
		return false
	}
	for _, mem := range op.Input {
		if mem.Name == member {
			return true
		}
	}
	return false
}

func fieldSet(fields []*model.Field) map[*model.Field]bool {
	set := map[*model.Field]bool{}
	for _, f := range fields {
		set[f] = true
	}
	return set
}

// anchor is the fragment GitHub gives a heading: lower case, with
// punctuation other than hyphens dropped and spaces made hyphens.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// mdWriter builds a Markdown file line by line.
type mdWriter struct{ b strings.Builder }

func (w *mdWriter) header() { w.line("<!-- %s -->", Header); w.line("") }

func (w *mdWriter) line(format string, args ...any) {
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w *mdWriter) bytes() []byte { return []byte(strings.TrimRight(w.b.String(), "\n") + "\n") }
