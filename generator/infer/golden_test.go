package infer

import (
	"fmt"
	"github.com/kubesmith/kubesmith/generator/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// TestGolden dumps the resolved model of each fixture and compares it with
// testdata/golden/<name>.txt; `go test ./generator/infer -update` rewrites
// them.
func TestGolden(t *testing.T) {
	cases := []struct {
		name, reason string
		model        string
		config       string // under testdata/config; "" for none
		opts         Options
	}{
		{"names", "resources found by operation names alone: Create, Describe/Get/Get..Attributes or a filtered Describe..s, Update/Modify/Put/Set..Attributes, Delete, List", "names.json", "", Options{All: true}},
		{"shapes", "resources found by Smithy resource shapes: lifecycle bindings, put as create and update, parent identifiers, gaps filled by names", "shapes.json", "", Options{All: true}},
		{"options", "every generator.yaml option applied", "names.json", "options.yaml", Options{}},
		{"select", "include and exclude patterns choose what is generated", "names.json", "select.yaml", Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := config.Empty("generator.yaml")
			if c.config != "" {
				var err error
				if cfg, err = config.Load(filepath.Join("testdata", "config", c.config)); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Run("fixture", loadModel(t, c.model), cfg, c.opts)
			if err != nil {
				t.Fatalf("%s: %v", c.reason, err)
			}
			got := dumpResult(res)
			path := filepath.Join("testdata", "golden", c.name+".txt")
			if golden.Update() {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s: the resolved model differs from %s (run with -update to accept):\n%s", c.reason, path, lineDiff(string(want), got))
			}
		})
	}
}

// dumpResult writes the candidates, then the resolved model.
func dumpResult(res *Result) string {
	var b strings.Builder
	for _, c := range res.Candidates {
		var ops []string
		for _, role := range Roles() {
			if op := c.Op(role); op != "" {
				ops = append(ops, role+"="+op)
			}
		}
		fmt.Fprintf(&b, "candidate %s: kind %s, from %s, generate %t, %s", c.Name, c.Kind, c.Source, c.Generate, strings.Join(ops, " "))
		if m := c.Missing(); len(m) > 0 {
			fmt.Fprintf(&b, ", missing %s", strings.Join(m, " "))
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(model.Dump(res.Service))
	return b.String()
}

// lineDiff lists the lines that differ, by line number.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
