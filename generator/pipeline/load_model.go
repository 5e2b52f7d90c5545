package pipeline

import (
	"github.com/kubesmith/kubesmith/generator/smithy"
)

func loadModel(s *State) error {
	if s.Smithy != nil {
		return nil // given by the caller
	}
	mf, err := smithy.FindModel(s.ModelsDir, s.Service)
	if err != nil {
		return err
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		return err
	}
	s.ModelFile, s.Smithy = mf, m
	return nil
}
