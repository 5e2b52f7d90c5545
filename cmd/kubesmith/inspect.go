package main

import (
	"path/filepath"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inspect infers a service for list and explain: its generator.yaml is
// applied when it has one, and any service in AWS_MODELS_DIR works
// without.
func inspect(root, modelsDir, service string, opts infer.Options) (*infer.Result, error) {
	mf, err := smithy.FindModel(modelsDir, service)
	if err != nil {
		return nil, err
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		return nil, err
	}
	cfg, err := config.LoadOrEmpty(filepath.Join(root, "models", service, "generator.yaml"))
	if err != nil {
		return nil, err
	}
	return infer.Run(service, m, cfg, opts)
}
