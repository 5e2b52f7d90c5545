// Package sent checks every committed kind for spec fields the schema
// accepts but no write ever sends to AWS: a field a user sets and sees
// ignored. It reads the generated Go: the top-level spec fields of each
// kind's API type, and the spec fields its manager's Create, Update and
// Delete (and the package's functions they call) read.
package sent

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// knownUnsent are spec fields no write sends, each reviewed, by
// "<service>/<Kind>.<GoField>".
var knownUnsent = map[string]string{}

func TestEverySpecFieldIsSent(t *testing.T) {
	root := harness.RepoRoot(t)
	services, err := os.ReadDir(filepath.Join(root, "generated"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	checked := 0
	for _, svc := range services {
		kinds, _ := os.ReadDir(filepath.Join(root, "generated", svc.Name(), "resources"))
		if len(kinds) == 0 {
			continue
		}
		specs := specFields(t, filepath.Join(root, "generated", svc.Name(), "apis", "v1alpha1"))
		for _, k := range kinds {
			pkg := parsePackage(t, filepath.Join(root, "generated", svc.Name(), "resources", k.Name()))
			kind := kindName(pkg)
			fields, ok := specs[kind+"Spec"]
			if !ok {
				t.Errorf("%s/%s: no %sSpec in the API types", svc.Name(), k.Name(), kind)
				continue
			}
			used := sentFields(pkg, kind+"Spec")
			for _, f := range fields {
				key := svc.Name() + "/" + kind + "." + f
				checked++
				if used[strings.ToLower(f)] {
					if _, listed := knownUnsent[key]; listed {
						t.Errorf("%s is sent now; drop it from knownUnsent", key)
					}
					continue
				}
				seen[key] = true
				if _, listed := knownUnsent[key]; !listed {
					t.Errorf("%s: the schema accepts it but no create, update or delete sends it", key)
				}
			}
		}
	}
	for key := range knownUnsent {
		if !seen[key] {
			t.Errorf("knownUnsent lists %s, which no longer exists unsent", key)
		}
	}
	t.Logf("%d spec fields checked, %d known unsent", checked, len(knownUnsent))
}

// specFields lists the top-level fields of each ...Spec struct, by Go name.
func specFields(t *testing.T, dir string) map[string][]string {
	out := map[string][]string{}
	for _, f := range parsePackage(t, dir) {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !strings.HasSuffix(ts.Name.Name, "Spec") {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fld := range st.Fields.List {
				for _, name := range fld.Names {
					out[ts.Name.Name] = append(out[ts.Name.Name], name.Name)
				}
			}
			return true
		})
	}
	return out
}

func parsePackage(t *testing.T, dir string) []*ast.File {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// kindName is the kind a manager package manages: Kind()'s Name.
func kindName(files []*ast.File) string {
	name := ""
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return name == ""
			}
			if id, isID := kv.Key.(*ast.Ident); isID && id.Name == "Name" {
				if lit, ok := kv.Value.(*ast.BasicLit); ok {
					name, _ = strconv.Unquote(lit.Value)
				}
			}
			return name == ""
		})
	}
	return name
}

// sentFields are the spec fields the writes read: selectors after
// cr.Spec, or on a parameter of the spec's type, in Create, Update and
// Delete and every function of the package they call (by name, so a
// method of another type of the same name counts too); and the
// references, which the runtime resolves into the field the writes read.
// Keys are lower case: JSON and Go names differ only by initialisms.
func sentFields(files []*ast.File, specType string) map[string]bool {
	funcs := map[string]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				funcs[fd.Name.Name] = fd
			}
		}
	}
	used := map[string]bool{}
	todo := []string{"Create", "Update", "Delete"}
	done := map[string]bool{}
	for len(todo) > 0 {
		name := todo[0]
		todo = todo[1:]
		fd := funcs[name]
		if fd == nil || done[name] {
			continue
		}
		done[name] = true
		specParams := specParams(fd, specType)
		ast.Inspect(fd, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				switch fn := x.Fun.(type) {
				case *ast.Ident:
					todo = append(todo, fn.Name)
				case *ast.SelectorExpr:
					todo = append(todo, fn.Sel.Name)
				}
			case *ast.SelectorExpr:
				if inner, ok := x.X.(*ast.SelectorExpr); ok && inner.Sel.Name == "Spec" {
					used[strings.ToLower(x.Sel.Name)] = true
				}
				if id, ok := x.X.(*ast.Ident); ok && slices.Contains(specParams, id.Name) {
					used[strings.ToLower(x.Sel.Name)] = true
				}
			}
			return true
		})
	}
	// A reference's field (kmsMasterKeyRef) is resolved into its target
	// field by the runtime; the target is what the writes send.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "RefField" {
					if lit, ok := kv.Value.(*ast.BasicLit); ok {
						s, _ := strconv.Unquote(lit.Value)
						used[strings.ToLower(s)] = true
					}
				}
			}
			return true
		})
	}
	return used
}

// specParams are the names of fd's parameters of the spec's type.
func specParams(fd *ast.FuncDecl, specType string) []string {
	var names []string
	for _, p := range fd.Type.Params.List {
		typ := p.Type
		if star, ok := typ.(*ast.StarExpr); ok {
			typ = star.X
		}
		sel, ok := typ.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != specType {
			continue
		}
		for _, n := range p.Names {
			names = append(names, n.Name)
		}
	}
	return names
}
