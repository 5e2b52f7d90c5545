package infer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// loadModel loads testdata/<name>, failing the test on error.
func loadModel(t testing.TB, name string) *smithy.Model {
	t.Helper()
	m, err := smithy.Load(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return m
}

// parseConfig parses generator.yaml text, failing the test on error.
func parseConfig(t testing.TB, yaml string) *config.File {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml), "generator.yaml")
	if err != nil {
		t.Fatalf("parsing config: %v", err)
	}
	return cfg
}

// run infers the fixture model with the config text.
func run(t testing.TB, modelFile, yaml string, opts Options) (*Result, error) {
	t.Helper()
	return Run("fixture", loadModel(t, modelFile), parseConfig(t, yaml), opts)
}

// mustRun is run, failing the test on error.
func mustRun(t testing.TB, modelFile, yaml string, opts Options) *Result {
	t.Helper()
	res, err := run(t, modelFile, yaml, opts)
	if err != nil {
		t.Fatalf("inferring %s: %v", modelFile, err)
	}
	return res
}

// resource returns the resolved resource of a kind.
func resource(t testing.TB, res *Result, kind string) *model.Resource {
	t.Helper()
	for _, r := range res.Service.Resources {
		if r.Kind == kind {
			return r
		}
	}
	t.Fatalf("no resource of kind %s", kind)
	return nil
}

// field returns a resource's top-level field by member name, nil when it
// has none.
func field(r *model.Resource, member string) *model.Field { return fieldByMember(r, member) }

// decision returns the choice made about subject, "" when none was.
func decision(r *model.Resource, subject string) string {
	var out []string
	for _, d := range r.Decisions {
		if d.Subject == subject {
			out = append(out, d.Choice)
		}
	}
	return strings.Join(out, ", ")
}
