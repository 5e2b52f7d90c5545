package sdkmod

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

func TestModuleOf(t *testing.T) {
	cases := []struct{ reason, path, want string }{
		{"a service's root package", "github.com/aws/aws-sdk-go-v2/service/sns", "github.com/aws/aws-sdk-go-v2/service/sns"},
		{"a service's types package is in the service module", "github.com/aws/aws-sdk-go-v2/service/s3/types", "github.com/aws/aws-sdk-go-v2/service/s3"},
		{"the SDK's internal service modules are no service", "github.com/aws/aws-sdk-go-v2/service/internal/checksum", ""},
		{"the core is no service module", "github.com/aws/aws-sdk-go-v2/aws", ""},
		{"another module", "k8s.io/api/core/v1", ""},
	}
	for _, c := range cases {
		if got := ModuleOf(c.path); got != c.want {
			t.Errorf("%s: ModuleOf(%s) = %q, want %q", c.reason, c.path, got, c.want)
		}
	}
}

// oldCore is an SDK core release well behind the newest: a service module
// added next to it must be one of its own era.
const (
	core     = "github.com/aws/aws-sdk-go-v2"
	oldCore  = "v1.36.3"
	sns      = "github.com/aws/aws-sdk-go-v2/service/sns"
	smithy   = "github.com/aws/smithy-go"
	oldSmith = "v1.22.2"
)

// scratchModule writes a module pinning the old core, with the Go files given.
func scratchModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/scratch\n\ngo 1.24\n\nrequire (\n\t" + core + " " + oldCore + "\n\t" + smithy + " " + oldSmith + "\n)\n"
	files["go.sum"] = ""
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := goCmd(context.Background(), dir, "mod", "download"); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	return dir
}

func requires(t *testing.T, dir string) map[string]*modfile.Require {
	t.Helper()
	f, err := readModFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*modfile.Require{}
	for _, r := range f.Require {
		out[r.Mod.Path] = r
	}
	return out
}

// TestRequireKeepsPinnedCore adds a service module to a module that pins
// an old SDK core: the module comes in at a release that core satisfies,
// as a direct requirement, and neither the core nor smithy-go move. Needs
// the Go module proxy (or the releases in the module cache).
func TestRequireKeepsPinnedCore(t *testing.T) {
	ctx := context.Background()
	dir := scratchModule(t, map[string]string{"main.go": "package main\n\nimport _ \"" + sns + "\"\n\nfunc main() {}\n"})
	if err := Require(ctx, dir, []string{sns}, io.Discard); err != nil {
		t.Fatal(err)
	}
	reqs := requires(t, dir)
	if got := reqs[core].Mod.Version; got != oldCore {
		t.Errorf("the core moved from %s to %s", oldCore, got)
	}
	if got := reqs[smithy].Mod.Version; got != oldSmith {
		t.Errorf("smithy-go moved from %s to %s", oldSmith, got)
	}
	r := reqs[sns]
	if r == nil {
		t.Fatalf("go.mod does not require %s", sns)
	}
	if r.Indirect {
		t.Errorf("%s is required as indirect; the code imports it", sns)
	}
	needs, err := requirements(ctx, goTool{root: dir}, sns+"@"+r.Mod.Version)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range needs {
		if n.Mod.Path == core && semver.Compare(n.Mod.Version, oldCore) > 0 {
			t.Errorf("%s %s needs core %s, newer than the pinned %s", sns, r.Mod.Version, n.Mod.Version, oldCore)
		}
	}
	newest, err := goCmd(ctx, dir, "list", "-m", sns+"@latest")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Fields(newest)[1] == r.Mod.Version {
		t.Errorf("chose the newest release %s, which cannot fit a core from %s", r.Mod.Version, oldCore)
	}
	if out, err := goCmd(ctx, dir, "list", "-deps", "."); err != nil {
		t.Errorf("the scratch module does not load after Require: %v\n%s", err, out)
	}
}

// TestPrune drops a service module nothing imports, with its go.sum lines,
// and keeps one that only a test imports.
func TestPrune(t *testing.T) {
	ctx := context.Background()
	dir := scratchModule(t, map[string]string{
		"main.go":      "package main\n\nfunc main() {}\n",
		"main_test.go": "package main\n\nimport _ \"" + sns + "\"\n",
	})
	if err := Require(ctx, dir, []string{sns}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := Prune(ctx, dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	if requires(t, dir)[sns] == nil {
		t.Fatalf("Prune dropped %s, which a test imports", sns)
	}
	if err := os.Remove(filepath.Join(dir, "main_test.go")); err != nil {
		t.Fatal(err)
	}
	if err := Prune(ctx, dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	if r := requires(t, dir)[sns]; r != nil {
		t.Errorf("Prune kept %s %s, which nothing imports", sns, r.Mod.Version)
	}
	sum, err := os.ReadFile(filepath.Join(dir, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sum), sns+" ") {
		t.Errorf("go.sum keeps lines of the dropped %s:\n%s", sns, sum)
	}
}

// TestRequireOffline adds a service module while the proxy is out of
// reach: a release the module cache holds whole is taken, the same one
// the proxy gave; a module the cache lacks is an error that says so.
func TestRequireOffline(t *testing.T) {
	ctx := context.Background()
	src := "package main\n\nimport _ \"" + sns + "\"\n\nfunc main() {}\n"
	online := scratchModule(t, map[string]string{"main.go": src})
	if err := Require(ctx, online, []string{sns}, io.Discard); err != nil {
		t.Fatal(err)
	}
	offline := scratchModule(t, map[string]string{"main.go": src})
	t.Setenv("GOPROXY", "http://127.0.0.1:9") // nothing listens there
	if err := Require(ctx, offline, []string{sns}, io.Discard); err != nil {
		t.Fatalf("with the proxy out of reach and %s in the module cache: %v", sns, err)
	}
	if got, want := requires(t, offline)[sns], requires(t, online)[sns]; got == nil || got.Mod != want.Mod {
		t.Errorf("offline chose %v, online %v", got, want.Mod)
	}
	const absent = "github.com/aws/aws-sdk-go-v2/service/kubesmithnosuchservice"
	err := Require(ctx, offline, []string{absent}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "listing the versions of "+absent) || !strings.Contains(err.Error(), "nor does the module cache") {
		t.Errorf("a module neither the proxy nor the cache has: error %v, want one naming it, the proxy and the cache", err)
	}
}
