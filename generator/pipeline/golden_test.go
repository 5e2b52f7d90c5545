package pipeline

import (
	"bytes"
	"fmt"
	"github.com/kubesmith/kubesmith/generator/internal/golden"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestGolden generates each hand-written fixture service under
// testdata/fixtures and compares the whole tree with testdata/golden.
func TestGolden(t *testing.T) {
	root := repoRoot(t)
	services, err := os.ReadDir("testdata/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range services {
		svc := e.Name()
		t.Run(svc, func(t *testing.T) {
			got := generateFixture(t, root, svc)
			want := filepath.Join("testdata", "golden", svc)
			if golden.Update() {
				if err := os.RemoveAll(want); err != nil {
					t.Fatal(err)
				}
				if err := os.CopyFS(want, os.DirFS(got)); err != nil {
					t.Fatal(err)
				}
				return
			}
			compareTrees(t, want, got)
		})
	}
}

// generateFixture runs the whole pipeline on a fixture and returns the
// output folder. It lies inside the module, as the staging folder must.
func generateFixture(t *testing.T, root, svc string) string {
	t.Helper()
	dir := filepath.Join("testdata", "fixtures", svc)
	m, err := smithy.Load(filepath.Join(dir, "model", svc+".json"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(dir, "generator.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.MkdirTemp(filepath.Join(root, "generated"), "_golden-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(out) })
	s := &State{Service: svc, Root: root, Smithy: m, Config: cfg, OutDir: filepath.Join(out, svc), SkipGoCheck: noFixtureSDK}
	if _, err := Run(s); err != nil {
		t.Fatal(err)
	}
	return s.OutDir
}

func compareTrees(t *testing.T, want, got string) {
	t.Helper()
	wantFiles, gotFiles := listFiles(t, want), listFiles(t, got)
	for _, f := range wantFiles {
		if !slices.Contains(gotFiles, f) {
			t.Errorf("%s is no longer generated (run go test ./generator/pipeline -update)", f)
		}
	}
	for _, f := range gotFiles {
		if !slices.Contains(wantFiles, f) {
			t.Errorf("%s is generated but not in the golden tree (run go test ./generator/pipeline -update)", f)
			continue
		}
		w, err := os.ReadFile(filepath.Join(want, f))
		if err != nil {
			t.Fatal(err)
		}
		g, err := os.ReadFile(filepath.Join(got, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w, g) {
			t.Errorf("%s differs from the golden file (run go test ./generator/pipeline -update and review the diff):\n%s", f, firstDifference(w, g))
		}
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// firstDifference shows the first line where two files part.
func firstDifference(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range max(len(w), len(g)) {
		var wl, gl []byte
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if !bytes.Equal(wl, gl) {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, wl, gl)
		}
	}
	return ""
}
