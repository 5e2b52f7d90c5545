package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/kubesmith/kubesmith/generator/pipeline"
	"github.com/kubesmith/kubesmith/generator/scaffold"
)

// newService starts a service: it writes models/<service>/generator.yaml
// from what inference finds, generates the service (adding its SDK module
// to go.mod) and builds its controller, saying what it does at each of
// these slow steps.
func newService(root string, dirs pipeline.ModelDirs, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: kubesmith new <service>")
	}
	svc := args[0]
	rel := filepath.ToSlash(filepath.Join("models", svc, "generator.yaml"))
	path := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists already; kubesmith new only starts a service: edit that file and run make generate SERVICE=%s, or delete it to start over", rel, svc)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	mf, format, m, err := pipeline.LoadModel(dirs, svc, "")
	if err != nil {
		return err
	}
	fmt.Printf("new %s: inferring resources from %s (%s format)\n", svc, mf.Path, format)
	res, err := scaffold.Config(svc, m, filepath.Base(mf.Path))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, res.YAML, 0o644); err != nil {
		return err
	}
	fmt.Printf("new %s: wrote %s: generates %s; commented out: %s\n", svc, rel, list0(res.Generated), list0(res.Skipped))
	if len(res.Generated) == 0 {
		return fmt.Errorf("no resource of %s resolves as inferred, so nothing is generated yet: configure one in %s (it says what each lacks), then run make generate SERVICE=%s", svc, rel, svc)
	}
	if err := writeSamples(root, dirs, svc); err != nil {
		return err
	}
	fmt.Printf("new %s: generating generated/%s (the SDK module is added to go.mod when it is missing)\n", svc, svc)
	if err := generate(root, dirs, []string{svc}); err != nil {
		return fmt.Errorf("%s is written but generating from it failed; fix it and run make generate SERVICE=%s:\n%w", rel, svc, err)
	}
	pkg := "./generated/" + svc + "/..."
	fmt.Printf("new %s: building: go build %s (a service new to the build cache compiles its SDK package, about a minute)\n", svc, pkg)
	cmd := exec.CommandContext(context.Background(), "go", "build", pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	fmt.Printf("new %s: done. Next: review %s and the placeholders of samples.yaml next to it, run the controller (go run ./generated/%s/cmd/controller), and add an end-to-end test under tests/e2e/%s\n", svc, rel, svc, svc)
	return nil
}

func list0(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// writeSamples writes models/<service>/samples.yaml, a sample of each kind
// with its required fields, unless the file exists: generation requires a
// sample of every kind.
func writeSamples(root string, dirs pipeline.ModelDirs, svc string) error {
	rel := filepath.ToSlash(filepath.Join("models", svc, "samples.yaml"))
	path := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err == nil {
		fmt.Printf("new %s: keeping %s\n", svc, rel)
		return nil
	}
	s := &pipeline.State{Service: svc, Root: root, ModelsDir: dirs.Smithy, AWSJSONModelsDir: dirs.AWSJSON}
	if err := pipeline.Infer(s); err != nil {
		return err
	}
	data, unfit, err := scaffold.Samples(s.Model)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	for _, u := range unfit {
		fmt.Printf("new %s: %s: %s\n", svc, rel, u)
	}
	fmt.Printf("new %s: wrote %s: a sample of each kind with its required fields; replace the placeholders with working values\n", svc, rel)
	return nil
}
