package helm

import (
	"bytes"
	"github.com/kubesmith/kubesmith/generator/internal/golden"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const goldenDir = "testdata/golden/dynamodb"

// The whole chart of a small service, byte for byte. Refresh it with
// go test ./generator/emit/helm -update, and review the diff.
func TestChartMatchesGolden(t *testing.T) {
	files, err := Chart(testInput())
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		writeChart(t, goldenDir, files)
	}
	var golden []string
	err = filepath.WalkDir(goldenDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(goldenDir, p)
			golden = append(golden, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		want, err := os.ReadFile(filepath.Join(goldenDir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%s: not in %s (run with -update)", f.Path, goldenDir)
			continue
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s differs from %s (run with -update and review the diff)", f.Path, goldenDir)
		}
	}
	if !slices.Equal(paths, golden) {
		t.Errorf("chart files %v, golden files %v", paths, golden)
	}
}

func TestChartIsDeterministicAndSorted(t *testing.T) {
	first, err := Chart(testInput())
	if err != nil {
		t.Fatal(err)
	}
	second, err := Chart(testInput())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(first, second, func(a, b File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
		t.Error("two runs on the same input give different charts")
	}
	if !slices.IsSortedFunc(first, func(a, b File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("chart files are not sorted by path")
	}
}

func TestChartFilesCarryTheGeneratedHeader(t *testing.T) {
	in := testInput()
	in.CRDs = append(in.CRDs, File{Path: "bare.yaml", Data: []byte("kind: CustomResourceDefinition\n")})
	files, err := Chart(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		var want string
		switch {
		case f.Path == "values.schema.json":
			want = "{\n  \"$comment\": \"" + generatedNotice + "\""
		case strings.HasPrefix(f.Path, "templates/"):
			want = "{{/* " + generatedNotice + " */}}\n"
		default:
			want = "# " + generatedNotice + "\n"
		}
		if !strings.HasPrefix(string(f.Data), want) {
			t.Errorf("%s starts %q, want %q", f.Path, firstLine(f.Data), want)
		}
		if strings.Count(string(f.Data), generatedNotice) != 1 {
			t.Errorf("%s holds the notice %d times, want once", f.Path, strings.Count(string(f.Data), generatedNotice))
		}
	}
	for _, want := range []string{
		"Chart.yaml", "crds/bare.yaml", "crds/dynamodb.services.k8s.aws_tables.yaml",
		"templates/NOTES.txt", "templates/_helpers.tpl", "templates/cluster-role-binding.yaml",
		"templates/cluster-role.yaml", "templates/deployment.yaml", "templates/leader-election-role-binding.yaml",
		"templates/leader-election-role.yaml", "templates/metrics-service.yaml", "templates/role-binding.yaml",
		"templates/role.yaml", "templates/service-account.yaml", "values.schema.json", "values.yaml",
	} {
		chartFile(t, files, want)
	}
}

func firstLine(data []byte) string {
	line, _, _ := strings.Cut(string(data), "\n")
	return line
}

// writeChart writes files under dir, as the caller of Chart would.
func writeChart(t *testing.T, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
