package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryGeneratorPackageLinksTheFlag: go test ./generator/... -update
// fails in any test package that does not know -update, so each links
// this package.
func TestEveryGeneratorPackageLinksTheFlag(t *testing.T) {
	linked := map[string]bool{}
	tested := map[string]bool{}
	err := filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") || strings.Contains(path, "testdata") {
			return err
		}
		dir := filepath.Dir(path)
		tested[dir] = true
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), `"github.com/kubesmith/kubesmith/generator/internal/golden"`) || dir == "." {
			linked[dir] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range tested {
		if !linked[dir] {
			t.Errorf("generator/%s has tests but does not link generator/internal/golden: add a golden_flag_test.go like generator/internal/panics has", filepath.ToSlash(strings.TrimPrefix(dir, "../../")))
		}
	}
}
