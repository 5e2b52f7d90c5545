// Package docs checks the committed reference docs against the committed
// CRDs: every kind has a page, and every page is reachable from the
// indexes and the README.
package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const generated = "../../generated"

// TestEveryKindHasLinkedDoc walks each service's CRDs: the kind's page
// exists, the service's docs/README.md links it, and generated/README.md
// links both; the repository's README links generated/README.md.
func TestEveryKindHasLinkedDoc(t *testing.T) {
	project := read(t, filepath.Join(generated, "README.md"))
	if !strings.Contains(read(t, "../../README.md"), "(generated/README.md)") {
		t.Error("README.md does not link generated/README.md")
	}
	crds, err := filepath.Glob(filepath.Join(generated, "*", "config", "crd", "*.yaml"))
	if err != nil || len(crds) == 0 {
		t.Fatalf("no CRDs under %s: %v", generated, err)
	}
	for _, crd := range crds {
		svc := filepath.Base(filepath.Dir(filepath.Dir(filepath.Dir(crd))))
		kind := kindOf(t, crd)
		page := filepath.Join(generated, svc, "docs", kind+".md")
		if _, err := os.Stat(page); err != nil {
			t.Errorf("%s %s: no reference doc: %v", svc, kind, err)
			continue
		}
		if !strings.Contains(read(t, filepath.Join(generated, svc, "docs", "README.md")), "("+kind+".md)") {
			t.Errorf("%s/docs/README.md does not link %s.md", svc, kind)
		}
		if !strings.Contains(read(t, filepath.Join(generated, svc, "README.md")), "(docs/"+kind+".md)") {
			t.Errorf("%s/README.md does not link docs/%s.md", svc, kind)
		}
		if !strings.Contains(project, "("+svc+"/docs/"+kind+".md)") {
			t.Errorf("generated/README.md does not link %s/docs/%s.md", svc, kind)
		}
		if !strings.Contains(project, "("+svc+"/docs/README.md)") {
			t.Errorf("generated/README.md does not link %s/docs/README.md", svc)
		}
	}
}

// TestEveryDocIsAKind finds no page left over from a kind that is gone.
func TestEveryDocIsAKind(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(generated, "*", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pages {
		if filepath.Base(page) == "README.md" {
			continue
		}
		svc := filepath.Base(filepath.Dir(filepath.Dir(page)))
		kind := strings.TrimSuffix(filepath.Base(page), ".md")
		if !strings.Contains(read(t, filepath.Join(generated, svc, "docs", "README.md")), "("+kind+".md)") {
			t.Errorf("%s is not linked from %s/docs/README.md", page, svc)
		}
	}
}

func kindOf(t *testing.T, crd string) string {
	t.Helper()
	var doc struct {
		Spec struct {
			Names struct {
				Kind string `yaml:"kind"`
			} `yaml:"names"`
		} `yaml:"spec"`
	}
	if err := yaml.Unmarshal([]byte(read(t, crd)), &doc); err != nil || doc.Spec.Names.Kind == "" {
		t.Fatalf("%s: no spec.names.kind: %v", crd, err)
	}
	return doc.Spec.Names.Kind
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
