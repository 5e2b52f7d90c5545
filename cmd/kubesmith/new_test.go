package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

// TestNewServiceBuilds is the contributor's path for a service not yet
// under models/: in a scratch copy of the repository, kubesmith new servicediscovery
// alone must leave a controller that builds, with go.mod holding the
// service's SDK module and the SDK core where it was. It compiles the Cloud Map
// SDK package, about a minute on a cold build cache.
func TestNewServiceBuilds(t *testing.T) {
	dirs := modelsDir(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	const svc = "servicediscovery"
	if _, err := os.Stat(filepath.Join(root, "models", svc)); err == nil {
		t.Fatalf("models/%s exists: pick a service the repository does not have yet", svc)
	}
	scratch := copyRepo(t, root)
	before := requireVersions(t, scratch)
	if _, ok := before["github.com/aws/aws-sdk-go-v2/service/"+svc]; ok {
		t.Fatalf("go.mod already requires the %s module: the test would not show that new adds it", svc)
	}

	kubesmith := filepath.Join(t.TempDir(), "kubesmith")
	runIn(t, root, nil, "go", "build", "-o", kubesmith, "./cmd/kubesmith")
	env := []string{"AWS_MODELS_DIR=" + dirs.Smithy, "AWS_JSON_MODELS_DIR=" + dirs.AWSJSON}
	out := runIn(t, scratch, env, kubesmith, "new", svc)
	t.Logf("kubesmith new %s:\n%s", svc, out)

	yaml, err := os.ReadFile(filepath.Join(scratch, "models", svc, "generator.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# yaml-language-server: $schema=../generator.schema.json\n", "\n  Service:\n"} {
		if !strings.Contains(string(yaml), want) {
			t.Errorf("generator.yaml lacks %q:\n%s", want, yaml)
		}
	}
	samples, err := os.ReadFile(filepath.Join(scratch, "generated", svc, "samples", "service.yaml"))
	if err != nil || !strings.Contains(string(samples), "kind: Service\nmetadata:\n  name: sample-service\nspec:\n  name: ") {
		t.Errorf("kubesmith new %s wrote no starting Service sample with its required name (%v):\n%s", svc, err, samples)
	}
	after := requireVersions(t, scratch)
	if after["github.com/aws/aws-sdk-go-v2/service/"+svc] == "" {
		t.Errorf("go.mod does not require the %s SDK module after kubesmith new", svc)
	}
	for mod, v := range before {
		if after[mod] != v {
			t.Errorf("kubesmith new moved %s from %s to %q: the pinned SDK must stay", mod, v, after[mod])
		}
	}
	runIn(t, scratch, nil, "go", "build", "-o", os.DevNull, "./generated/"+svc+"/cmd/controller")

	cmd := exec.Command(kubesmith, "new", svc)
	cmd.Dir, cmd.Env = scratch, append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "models/servicediscovery/generator.yaml exists already") {
		t.Errorf("a second kubesmith new %s: err %v, output %s; want a refusal naming the file", svc, err, out)
	}
}

// copyRepo copies the files git knows of, committed or not, into a
// scratch folder, as a fresh clone with the working tree's changes.
func copyRepo(t *testing.T, root string) string {
	t.Helper()
	dst := t.TempDir()
	files := runIn(t, root, nil, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, rel := range strings.Split(strings.TrimRight(files, "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, rel), data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// requireVersions reads go.mod's requirements of github.com/aws/ modules.
func requireVersions(t *testing.T, root string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range f.Require {
		if strings.HasPrefix(r.Mod.Path, "github.com/aws/") {
			out[r.Mod.Path] = r.Mod.Version
		}
	}
	return out
}

// runIn runs a command in dir, failing the test with its output on error.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, out.String())
	}
	return out.String()
}
