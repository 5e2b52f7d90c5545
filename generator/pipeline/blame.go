package pipeline

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// A compile error in generated code is the generator's bug, or a
// generator.yaml option it does not handle: the message names the field
// the failing line is about and the options that configure that field, so
// that the person regenerating knows what to change or report.

// describeFailure says where a compile error is, in the generated tree
// rather than the staging folder, and which field and options it concerns.
func (s *State) describeFailure(f compileFailure, dir, staged string) string {
	if f.file == "" {
		return f.msg
	}
	rel, ok := relativeTo(f.file, staged, dir, s.Root)
	where := fmt.Sprintf("%s:%d", f.file, f.line)
	if ok {
		where = fmt.Sprintf("%s:%d", s.displayPath(filepath.Join(dir, filepath.FromSlash(rel))), f.line)
	}
	msg := where + ": " + f.msg
	if !ok {
		return msg
	}
	for _, fr := range s.fieldsAt(rel, f.line, f.col) {
		msg += "; from " + fr.r.Kind + " " + fr.jsonPath + ", " + s.configuredBy(fr)
	}
	return msg
}

// relativeTo is file's path inside the generated tree, when it lies in the
// staging copy or in the tree itself (a path the go command may give
// relative to root).
func relativeTo(file, staged, dir, root string) (string, bool) {
	if !filepath.IsAbs(file) {
		file = filepath.Join(root, file)
	}
	for _, base := range []string{staged, dir} {
		if rel, err := filepath.Rel(base, file); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel), true
		}
	}
	return "", false
}

// displayPath is p relative to the repository root where it lies inside.
func (s *State) displayPath(p string) string {
	if rel, err := filepath.Rel(s.Root, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

// fieldRef is one field of a kind, as the user writes it and as
// generator.yaml names it.
type fieldRef struct {
	r        *model.Resource
	jsonPath string   // spec.tagging.tagSet
	members  []string // Tagging, TagSet
}

// fieldsAt finds the fields the Go name at line:col of a generated file
// stands for: the key of a struct literal, a selected field, a declared
// struct field.
func (s *State) fieldsAt(rel string, line, col int) []fieldRef {
	name := goNameAt(s.fileData(rel), line, col)
	if name == "" || s.Model == nil {
		return nil
	}
	var out []fieldRef
	for _, r := range s.Model.Resources {
		if concerns(r, rel) {
			out = append(out, s.fieldsNamed(r, name)...)
		}
	}
	return out
}

func (s *State) fileData(rel string) []byte {
	for _, f := range s.Files {
		if f.Path == rel {
			return f.Data
		}
	}
	return nil
}

// concerns reports whether a generated file is the kind's own (its
// manager package, its API type) or one every kind shares.
func concerns(r *model.Resource, rel string) bool {
	kind := strings.ToLower(r.Kind)
	switch {
	case strings.HasPrefix(rel, "resources/"):
		return strings.HasPrefix(rel, "resources/"+kind)
	case strings.HasPrefix(rel, "apis/") && !strings.HasSuffix(rel, "/types.go") && !strings.HasSuffix(rel, "deepcopy.go"):
		return strings.HasSuffix(rel, "/"+kind+".go")
	}
	return true
}

// goNameAt is the field name at a position of Go source: the innermost
// identifier that is a struct literal key, a selector or a declared field.
func goNameAt(src []byte, line, col int) string {
	if src == nil || line <= 0 {
		return ""
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		return ""
	}
	tf := fset.File(file.Pos())
	if line > tf.LineCount() {
		return ""
	}
	pos := tf.LineStart(line) + token.Pos(max(col-1, 0))
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				return id.Name
			}
		case *ast.SelectorExpr:
			return n.Sel.Name
		case *ast.Field:
			if len(n.Names) > 0 {
				return n.Names[0].Name
			}
		}
	}
	return ""
}

// fieldsNamed finds r's fields that the Go name stands for, in the API
// types or the SDK's: spec and status fields first, nested ones only when
// no top-level field matches.
func (s *State) fieldsNamed(r *model.Resource, name string) []fieldRef {
	is := func(f *model.Field) bool { return f.GoName == name || f.SDKName == name || f.Member == name }
	var top []fieldRef
	for _, side := range []struct {
		prefix string
		fields []*model.Field
	}{{"spec", r.Spec}, {"status", r.Status}} {
		for _, f := range side.fields {
			put := f.SubResource != nil && f.SubResource.PutMember == name
			if is(f) || put {
				top = append(top, fieldRef{r, side.prefix + "." + f.JSONName, []string{f.Member}})
			}
		}
	}
	if len(top) > 0 {
		return top
	}
	var nested []fieldRef
	for _, f := range r.Spec {
		s.walkNested(f, fieldRef{r, "spec." + f.JSONName, []string{f.Member}}, is, map[string]bool{}, &nested)
	}
	return nested
}

// walkNested adds the fields below f, at any depth, that match.
func (s *State) walkNested(f *model.Field, at fieldRef, match func(*model.Field) bool, seen map[string]bool, out *[]fieldRef) {
	t := f.Type
	for t.Kind == model.List || t.Kind == model.Map {
		t = t.Elem
	}
	st := s.Model.Structs[t.Shape]
	if t.Kind != model.Structure || st == nil || seen[t.Shape] {
		return
	}
	seen[t.Shape] = true
	defer delete(seen, t.Shape)
	for _, g := range st.Fields {
		below := fieldRef{at.r, at.jsonPath + "." + g.JSONName, append(slices.Clone(at.members), g.Member)}
		if match(g) {
			*out = append(*out, below)
		}
		s.walkNested(g, below, match, seen, out)
	}
}

// configuredBy names the generator.yaml options that configure the field,
// each with its file:line.
func (s *State) configuredBy(fr fieldRef) string {
	if s.Config == nil {
		return "which no generator.yaml configures"
	}
	res := config.Key{"resources", fr.r.Name}
	dotted := strings.Join(fr.members, ".")
	top := fr.members[0]
	keys := []config.Key{res.At("fields", dotted), res.At("subResources", dotted)}
	rc := s.Config.Resource(fr.r.Name)
	if rc.Tags != nil && strings.Split(rc.Tags.Path, ".")[0] == top {
		keys = append(keys, res.At("tags", "path"))
	}
	if rc.Pending != nil && rc.Pending.Field == top {
		keys = append(keys, res.At("pending", "field"))
	}
	for name, f := range rc.Fields {
		if slices.Contains(f.SendWith, top) {
			keys = append(keys, res.At("fields", name, "sendWith"))
		}
	}
	if rc.FindCreated != nil && slices.Contains(rc.FindCreated.Match, top) {
		keys = append(keys, res.At("findCreated", "match"))
	}
	file := s.displayPath(s.Config.Path())
	var named []string
	for _, k := range keys {
		if line := s.Config.Line(k); line > 0 {
			named = append(named, fmt.Sprintf("%s (%s:%d)", strings.Join(k[2:], "."), file, line))
		}
	}
	switch len(named) {
	case 0:
		return fmt.Sprintf("which no option in %s configures (inferred; see kubesmith explain %s %s)", file, s.Service, fr.r.Kind)
	case 1:
		return "configured by " + named[0]
	}
	return "configured by " + strings.Join(named[:len(named)-1], ", ") + " and " + named[len(named)-1]
}
