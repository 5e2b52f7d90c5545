package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/pipeline"
)

// inspect infers a service for list and explain: its generator.yaml is
// applied when it has one, and any service in the model folders works
// without. A generator.yaml that generate would refuse for naming no
// resource gets generate's message as a note on w, since listing is how
// one finds what to name. The first line says which model was read.
func inspect(w io.Writer, root string, dirs pipeline.ModelDirs, service string, opts infer.Options) (*infer.Result, error) {
	path := filepath.Join(root, "models", service, "generator.yaml")
	cfg, cfgErr := config.LoadOrEmpty(path)
	if cfg == nil {
		return nil, cfgErr
	}
	mf, format, m, err := pipeline.LoadModel(dirs, service, cfg.ModelFormat)
	if err != nil {
		return nil, errors.Join(cfgErr, err)
	}
	chosen := ""
	if cfg.ModelFormat != "" {
		chosen = ", as modelFormat in generator.yaml says"
	}
	fmt.Fprintf(w, "model: %s (%s format%s)\n\n", mf.Path, format, chosen)
	if _, statErr := os.Stat(path); statErr == nil {
		if err := cfg.CheckSelects(); err != nil {
			fmt.Fprintf(w, "note: %v\n\n", err)
		}
	}
	res, err := infer.Run(service, m, cfg, opts)
	if err := errors.Join(cfgErr, err); err != nil {
		return nil, err
	}
	return res, nil
}
