package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/pipeline"
	"github.com/kubesmith/kubesmith/generator/sdkmod"
)

func generate(root string, dirs pipeline.ModelDirs, services []string) error {
	if err := writeSchema(root); err != nil {
		return err
	}
	if len(services) == 0 {
		var err error
		if services, err = configured(root); err != nil {
			return err
		}
		if err := removeStale(root, services); err != nil {
			return err
		}
	}
	totals := map[string]time.Duration{}
	var errs []error
	for _, svc := range services {
		start := time.Now()
		timings, err := pipeline.Run(&pipeline.State{Service: svc, Root: root, ModelsDir: dirs.Smithy, AWSJSONModelsDir: dirs.AWSJSON, Progress: os.Stdout})
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
	if err := pipeline.WriteIndex(root); err != nil {
		errs = append(errs, fmt.Errorf("generated/%s: %w", pipeline.IndexFile, err))
	}
	// Whatever failed, go.mod then requires the SDK modules that the code
	// in place imports, no more.
	if err := sdkmod.Prune(context.Background(), root, os.Stdout); err != nil {
		errs = append(errs, err)
	}
	fmt.Println("stage timings:")
	for _, st := range pipeline.Stages {
		fmt.Printf("  %-16s %6.2fs  %s\n", st.ID, totals[st.ID].Seconds(), st.Description)
	}
	return errors.Join(errs...)
}

// configured lists the services with a models/<service>/generator.yaml.
func configured(root string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, "models"))
	if err != nil {
		return nil, err
	}
	var services []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(root, "models", e.Name(), "generator.yaml")); err == nil {
			services = append(services, e.Name())
		}
	}
	return services, nil
}

// removeStale deletes the output of services that are no longer
// configured, so that the tree holds exactly what models/ asks for.
func removeStale(root string, services []string) error {
	entries, err := os.ReadDir(filepath.Join(root, "generated"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, "_") || slices.Contains(services, name) {
			continue
		}
		if err := pipeline.Remove(root, name); err != nil {
			return err
		}
		fmt.Printf("generate %-20s removed: no models/%s/generator.yaml\n", name, name)
	}
	return nil
}

// writeSchema publishes the JSON Schema of generator.yaml next to the
// files it describes, rewriting it only when it changed, so that
// regenerate-and-diff keeps it current.
func writeSchema(root string) error {
	data, err := config.Schema()
	if err != nil {
		return err
	}
	path := filepath.Join(root, filepath.FromSlash(config.SchemaFile))
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
