package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// noFixtureSDK skips the compile check for fixture services: their
// aws-sdk-go-v2 packages do not exist.
const noFixtureSDK = "fixture services have no aws-sdk-go-v2 package"

// fixtureState loads a fixture service under testdata/fixtures and runs the
// stages up to and including the one named through. Output would go to a
// temporary folder; the staging folder is removed when the test ends.
func fixtureState(t *testing.T, svc, through string) *State {
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
	s := &State{Service: svc, Root: repoRoot(t), Smithy: m, Config: cfg, OutDir: filepath.Join(t.TempDir(), svc), SkipGoCheck: noFixtureSDK}
	t.Cleanup(func() { removeStaging(s) })
	runThrough(t, s, through)
	return s
}

// runThrough runs the stages in order up to and including through.
func runThrough(t *testing.T, s *State, through string) {
	t.Helper()
	for _, st := range Stages {
		if err := st.Run(s); err != nil {
			t.Fatalf("%s: %v", st.ID, err)
		}
		if st.ID == through {
			return
		}
	}
	t.Fatalf("no stage %q", through)
}

// fixtureModels lays the fixture models out as aws-models does,
// <dir>/<sdk-id>/service/<version>/<sdk-id>-<version>.json, and returns dir.
func fixtureModels(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, svc := range []string{"gadgets", "widgets"} {
		data, err := os.ReadFile(filepath.Join("testdata", "fixtures", svc, "model", svc+".json"))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, svc, "service", "2024-01-01", svc+"-2024-01-01.json")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// paths lists the paths of files.
func paths(s *State) []string {
	var ps []string
	for _, f := range s.Files {
		ps = append(ps, f.Path)
	}
	return ps
}
