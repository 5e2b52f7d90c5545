package pipeline

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/emit"
	"github.com/kubesmith/kubesmith/generator/emit/helm"
)

func emitHelm(s *State) error {
	in := helm.Input{
		Service: s.Service,
		Group:   s.Model.Group,
		Version: "0.1.0",
		Image:   "kubesmith/" + s.Service + "-controller",
		RBAC:    s.Gen.RBACRules(),
	}
	for _, r := range s.Model.Resources {
		in.Kinds = append(in.Kinds, helm.Kind{Kind: r.Kind, Plural: r.Plural})
	}
	for _, f := range s.Files {
		if strings.HasPrefix(f.Path, "config/crd/") {
			in.CRDs = append(in.CRDs, helm.File{Path: strings.TrimPrefix(f.Path, "config/crd/"), Data: f.Data})
		}
	}
	chart, err := helm.Chart(in)
	if err != nil {
		return err
	}
	for _, f := range chart {
		s.Files = append(s.Files, emit.File{Path: "helm/" + f.Path, Data: f.Data})
	}
	return nil
}
