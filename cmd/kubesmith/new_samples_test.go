package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/pipeline"
	"github.com/kubesmith/kubesmith/generator/scaffold"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestNewSamplesPass is kubesmith new on services whose members carry
// patterns, lengths and ranges: the starting samples.yaml it writes must
// pass check_samples, so that new ends with a controller instead of a
// list of placeholders to fix.
func TestNewSamplesPass(t *testing.T) {
	dirs := modelsDir(t)
	for _, svc := range []string{"athena", "eventbridge", "glue", "servicediscovery", "backup"} {
		t.Run(svc, func(t *testing.T) {
			if ok, err := newUpToCompile(t.TempDir(), dirs, svc); err != nil {
				t.Error(err)
			} else if !ok {
				t.Errorf("kubesmith new %s generates no resource: pick a service it does", svc)
			}
		})
	}
}

// newEvery turns TestNewEveryModel on: it is a measurement, not a check
// make test runs.
var newEvery = flag.Bool("new.every", false, "run TestNewEveryModel: kubesmith new on every model's service")

// TestNewEveryModel measures how many of the models' services kubesmith new
// takes through generation (every stage before the SDK module and the
// compile) with no hand edit, and logs each failure's first line. It never
// fails: the count is a figure, not a floor. -run TestNewEveryModel/<svc>
// measures some services only.
func TestNewEveryModel(t *testing.T) {
	if !*newEvery {
		t.Skip("generates every model's service, over an hour on 2 busy cores: make new-every")
	}
	dirs := modelsDir(t)
	models, err := smithy.FindModels(dirs.Smithy)
	if err != nil {
		t.Fatal(err)
	}
	passed, none, byStage := 0, 0, map[string]int{}
	for _, mf := range models {
		// A subtest per service, so that -run TestNewEveryModel/<svc> measures a few.
		t.Run(mf.SDKID, func(t *testing.T) {
			ok, err := newUpToCompile(t.TempDir(), dirs, mf.SDKID)
			switch {
			case err != nil:
				stage := failedStage(err)
				byStage[stage]++
				t.Logf("new %s: FAILED at %s: %s", mf.SDKID, stage, firstLine(err.Error()))
			case !ok:
				none++
			default:
				passed++
			}
		})
	}
	t.Logf("kubesmith new: %d of the %d models run generate with no hand edit; %d resolve no resource; failures by stage: %v",
		passed, passed+none+sum(byStage), none, byStage)
}

// newUpToCompile is kubesmith new of svc in root, an empty folder, up to the
// SDK module and the compile: the generator.yaml and samples.yaml new
// writes, then every generation stage before require_modules. It reports
// false when inference resolves no resource.
func newUpToCompile(root string, dirs pipeline.ModelDirs, svc string) (bool, error) {
	mf, _, m, err := pipeline.LoadModel(dirs, svc, "")
	if err != nil {
		return false, fmt.Errorf("load_model: %w", err)
	}
	res, err := scaffold.Config(svc, m, filepath.Base(mf.Path))
	if err != nil {
		return false, fmt.Errorf("scaffold: %w", err)
	}
	if len(res.Generated) == 0 {
		return false, nil
	}
	dir := filepath.Join(root, "models", svc)
	if err := newRoot(root, dir); err != nil {
		return false, err
	}
	if err := os.WriteFile(filepath.Join(dir, "generator.yaml"), res.YAML, 0o644); err != nil {
		return false, err
	}
	if err := writeSamples(root, dirs, svc); err != nil {
		return false, fmt.Errorf("samples: %w", err)
	}
	s := &pipeline.State{Service: svc, Root: root, ModelsDir: dirs.Smithy, AWSJSONModelsDir: dirs.AWSJSON, SkipGoCheck: "measuring new"}
	for _, st := range pipeline.Stages {
		if st.ID == "require_modules" {
			break
		}
		if err := runCaught(s, st); err != nil {
			return false, fmt.Errorf("%s: %w", st.ID, err)
		}
	}
	return true, nil
}

// newRoot makes root a module as this repository is, go.mod and go.sum,
// runtime/ (linked) and the generated folder, where controller-tools loads
// the API package.
func newRoot(root, models string) error {
	runtime, err := filepath.Abs(filepath.Join("..", "..", "runtime"))
	if err != nil {
		return err
	}
	if err := os.Symlink(runtime, filepath.Join(root, "runtime")); err != nil {
		return err
	}
	for _, dir := range []string{models, filepath.Join(root, "generated")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(root, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// runCaught runs one stage, turning its panic into an error.
func runCaught(s *pipeline.State, st pipeline.Stage) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return st.Run(s)
}

func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

func failedStage(err error) string {
	stage, _, _ := strings.Cut(err.Error(), ":")
	return stage
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
