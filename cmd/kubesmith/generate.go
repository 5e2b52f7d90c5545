package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/pipeline"
)

func generate(root, modelsDir string, services []string) error {
	if err := writeSchema(root); err != nil {
		return err
	}
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
