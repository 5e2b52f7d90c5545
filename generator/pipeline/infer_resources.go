package pipeline

import (
	"errors"

	"github.com/kubesmith/kubesmith/generator/infer"
)

func inferResources(s *State) error {
	if s.Model != nil {
		return nil // given by the caller
	}
	svc, err := infer.Service(s.Service, s.Smithy, s.Config)
	s.Model = svc
	return errors.Join(s.configErr, err)
}
