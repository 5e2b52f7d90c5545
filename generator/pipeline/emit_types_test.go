package pipeline

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestEmitTypes(t *testing.T) {
	cases := []struct {
		reason  string
		service string
		want    []string
	}{
		{reason: "an awsJson1_1 service gets one file per kind beside the shared types", service: "widgets", want: []string{"apis/v1alpha1/groupversion_info.go", "apis/v1alpha1/types.go", "apis/v1alpha1/widget.go"}},
		{reason: "a restJson1 service gets the same layout", service: "gadgets", want: []string{"apis/v1alpha1/gadget.go", "apis/v1alpha1/groupversion_info.go", "apis/v1alpha1/snapshot.go", "apis/v1alpha1/types.go"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, c.service, "prepare_emit")
			earlier := emit.File{Path: "earlier/file", Data: []byte("kept")}
			s.Files = []emit.File{earlier}
			if err := emitTypes(s); err != nil {
				t.Fatal(err)
			}
			if s.Files[0].Path != earlier.Path {
				t.Errorf("earlier files were dropped: %v", paths(s))
			}
			got := paths(s)[1:]
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("emitted %v, want %v", got, c.want)
			}
			for _, f := range s.Files[1:] {
				if !bytes.Contains(f.Data, []byte("package v1alpha1")) {
					t.Errorf("%s is not in package v1alpha1", f.Path)
				}
			}
		})
	}
}

// TestStatusTypesCarryNoValidation: a status holds what AWS reported, so
// no type reachable from a kind's status may carry a constraint written
// for requests. DynamoDB reports a provisioned throughput of 0 for an
// on-demand table's backup, below the spec's minimum of 1.
func TestStatusTypesCarryNoValidation(t *testing.T) {
	root := repoRoot(t)
	s := &State{Service: "dynamodb", Root: root, ModelsDir: modelsDir(t, root), OutDir: filepath.Join(t.TempDir(), "dynamodb")}
	runThrough(t, s, "emit_types")
	types := apiStructs(t, s.Files)
	if got := markersOf(types["ProvisionedThroughput"]); !slices.Contains(got, "+kubebuilder:validation:Minimum=1") {
		t.Fatalf("the spec's ProvisionedThroughput lost its minimum (markers %v): the check below would prove nothing", got)
	}
	cases := []struct {
		reason string
		status string
	}{
		{reason: "a Backup's status, whose source table details hold a provisioned throughput", status: "BackupStatus"},
		{reason: "a Table's status, whose index descriptions hold key schemas and throughputs", status: "TableStatus"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			for _, name := range reachable(types, c.status) {
				for _, m := range markersOf(types[name]) {
					if strings.HasPrefix(m, "+kubebuilder:validation") {
						t.Errorf("%s, reachable from %s, carries %s", name, c.status, m)
					}
				}
			}
		})
	}
}

// apiStructs parses the emitted API package's struct types.
func apiStructs(t *testing.T, files []emit.File) map[string]*ast.StructType {
	t.Helper()
	out := map[string]*ast.StructType{}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "apis/") {
			continue
		}
		parsed, err := parser.ParseFile(fset, f.Path, f.Data, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(parsed, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if st, ok := ts.Type.(*ast.StructType); ok {
					out[ts.Name.Name] = st
				}
			}
			return true
		})
	}
	return out
}

// markersOf lists the kubebuilder markers on a struct's fields.
func markersOf(st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		if f.Doc == nil {
			continue
		}
		for _, c := range f.Doc.List {
			if m := strings.TrimSpace(strings.TrimPrefix(c.Text, "//")); strings.HasPrefix(m, "+") {
				out = append(out, m)
			}
		}
	}
	return out
}

// reachable lists root and the package's struct types its fields use,
// directly or through others.
func reachable(types map[string]*ast.StructType, root string) []string {
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		st, ok := types[name]
		if !ok || seen[name] {
			return
		}
		seen[name] = true
		for _, f := range st.Fields.List {
			ast.Inspect(f.Type, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					visit(id.Name)
				}
				return true
			})
		}
	}
	visit(root)
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
