// Command kubesmith generates Kubernetes controllers for AWS services from
// their Smithy models.
//
//	kubesmith generate [service...]   regenerate generated/<service> (all under models/ by default)
//	kubesmith list <service>          the resources inference finds in a model
//	kubesmith explain <service> <Kind> each field's class, and why
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/pipeline"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kubesmith:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  kubesmith generate [service...]     regenerate generated/<service>; every service under models/ when none is named
  kubesmith list <service>            list the resources inferred from a service's model
  kubesmith explain <service> <Kind>  show each field of a kind with its class and the reason`

func run(args []string) error {
	fs := flag.NewFlagSet("kubesmith", flag.ContinueOnError)
	root := fs.String("root", "", "repository root (default: found from the working directory)")
	modelsDir := fs.String("models-dir", os.Getenv("AWS_MODELS_DIR"), "folder of Smithy models (AWS_MODELS_DIR)")
	fs.Usage = func() { fmt.Fprintln(os.Stderr, usage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no command")
	}
	var err error
	if *root == "" {
		if *root, err = findRoot(); err != nil {
			return err
		}
	}
	if *modelsDir == "" {
		*modelsDir = filepath.Join(*root, "..", "shared", "aws-models")
		if _, err := os.Stat(*modelsDir); err != nil {
			return errors.New("no Smithy models: set AWS_MODELS_DIR to a checkout of aws/api-models-aws")
		}
	}
	cmd, rest := fs.Arg(0), fs.Args()[1:]
	switch cmd {
	case "generate":
		return generate(*root, *modelsDir, rest)
	case "list":
		if len(rest) != 1 {
			return errors.New("usage: kubesmith list <service>")
		}
		return list(*root, *modelsDir, rest[0])
	case "explain":
		if len(rest) != 2 {
			return errors.New("usage: kubesmith explain <service> <Kind>")
		}
		return explain(*root, *modelsDir, rest[0], rest[1])
	}
	fs.Usage()
	return fmt.Errorf("unknown command %q", cmd)
}

func generate(root, modelsDir string, services []string) error {
	if len(services) == 0 {
		entries, err := os.ReadDir(filepath.Join(root, "models"))
		if err != nil {
			return err
		}
		for _, e := range entries {
			if _, err := os.Stat(filepath.Join(root, "models", e.Name(), "generator.yaml")); err == nil {
				services = append(services, e.Name())
			}
		}
	}
	totals := map[string]time.Duration{}
	var errs []error
	for _, svc := range services {
		start := time.Now()
		timings, err := pipeline.Run(&pipeline.State{Service: svc, Root: root, ModelsDir: modelsDir})
		for _, t := range timings {
			totals[t.Stage] += t.Duration
		}
		if err != nil {
			fmt.Printf("generate %-20s FAILED\n", svc)
			errs = append(errs, err)
			continue
		}
		fmt.Printf("generate %-20s ok  %5.1fs\n", svc, time.Since(start).Seconds())
	}
	fmt.Println("stage timings:")
	for _, st := range pipeline.Stages {
		fmt.Printf("  %-16s %6.2fs  %s\n", st.ID, totals[st.ID].Seconds(), st.Description)
	}
	return errors.Join(errs...)
}

func list(root, modelsDir, service string) error {
	mf, err := smithy.FindModel(modelsDir, service)
	if err != nil {
		return err
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		return err
	}
	cands, err := infer.Candidates(m)
	if err != nil {
		return err
	}
	fmt.Printf("%-32s %-36s %-36s %-36s %s\n", "KIND", "CREATE", "READ", "UPDATE", "DELETE")
	for _, c := range cands {
		fmt.Printf("%-32s %-36s %-36s %-36s %s\n", c.Kind, c.Create, c.Read, or(c.Update, "-"), c.Delete)
	}
	return nil
}

func explain(root, modelsDir, service, kind string) error {
	s := &pipeline.State{Service: service, Root: root, ModelsDir: modelsDir}
	if err := pipeline.Infer(s); err != nil {
		return err
	}
	var kinds []string
	for _, r := range s.Model.Resources {
		kinds = append(kinds, r.Kind)
		if r.Kind != kind {
			continue
		}
		fmt.Printf("%s (%s, %s, %s, %s)\n", r.Kind, r.Create.Name, r.Read.Name, or(opName(r.Update), "no update"), r.Delete.Name)
		for _, f := range slices.Concat(r.Spec, r.Status) {
			fmt.Printf("  %-12s %-36s %s\n", f.Class, f.JSONName, f.Reason)
		}
		return nil
	}
	return fmt.Errorf("%s has no kind %q in generator.yaml (kinds: %s)", service, kind, strings.Join(kinds, ", "))
}

func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/kubesmith/kubesmith\n") {
			return dir, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the kubesmith repository; pass --root")
		}
		dir = parent
	}
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func opName(op *model.Operation) string {
	if op == nil {
		return ""
	}
	return op.Name
}
