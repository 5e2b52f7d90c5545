package pipeline

import (
	"github.com/kubesmith/kubesmith/generator/emit"
)

func prepareEmit(s *State) error {
	s.Gen = emit.New(s.Model, s.goPackage())
	return nil
}
