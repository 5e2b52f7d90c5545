package pipeline

import (
	"errors"
	"path/filepath"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/samples"
)

func loadConfig(s *State) error {
	if s.Config != nil || s.Model != nil {
		return nil // given by the caller
	}
	cfg, err := config.Load(filepath.Join(s.Root, "models", s.Service, "generator.yaml"))
	if cfg == nil {
		return err
	}
	if selectErr := cfg.CheckSelects(); selectErr != nil {
		return errors.Join(err, selectErr)
	}
	smp, smpErr := samples.Load(filepath.Join(s.Root, "models", s.Service, "samples.yaml"), "models/"+s.Service+"/samples.yaml")
	if smpErr != nil {
		return smpErr
	}
	s.Samples = smp
	// Inference reports the file's mistakes with those only the model
	// shows, so that one run names them all.
	s.Config, s.configErr = cfg, err
	return nil
}
