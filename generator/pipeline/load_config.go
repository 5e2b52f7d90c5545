package pipeline

import (
	"path/filepath"

	"github.com/kubesmith/kubesmith/generator/config"
)

func loadConfig(s *State) error {
	if s.Config != nil || s.Model != nil {
		return nil // given by the caller
	}
	cfg, err := config.Load(filepath.Join(s.Root, "models", s.Service, "generator.yaml"))
	if err != nil {
		return err
	}
	s.Config = cfg
	return cfg.CheckSelects()
}
