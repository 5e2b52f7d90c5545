package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inspect infers a service for list and explain: its generator.yaml is
// applied when it has one, and any service in AWS_MODELS_DIR works
// without. A generator.yaml that generate would refuse for naming no
// resource gets generate's message as a note on w, since listing is how
// one finds what to name.
func inspect(w io.Writer, root, modelsDir, service string, opts infer.Options) (*infer.Result, error) {
	mf, err := smithy.FindModel(modelsDir, service)
	if err != nil {
		return nil, err
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(root, "models", service, "generator.yaml")
	cfg, cfgErr := config.LoadOrEmpty(path)
	if cfg == nil {
		return nil, cfgErr
	}
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
