package pipeline

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/emit"
	"github.com/kubesmith/kubesmith/generator/emit/helm"
	"github.com/kubesmith/kubesmith/generator/infer"
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

func loadConfig(s *State) error {
	if s.Config != nil || s.Model != nil {
		return nil // given by the caller
	}
	cfg, err := config.Load(filepath.Join(s.Root, "models", s.Service, "generator.yaml"))
	s.Config = cfg
	return err
}

func inferResources(s *State) error {
	if s.Model != nil {
		return nil // given by the caller
	}
	svc, err := infer.Service(s.Service, s.Smithy, s.Config)
	s.Model = svc
	return err
}

func prepareEmit(s *State) error {
	s.Gen = emit.New(s.Model, s.goPackage())
	return nil
}

func emitTypes(s *State) error {
	files, err := s.Gen.Types()
	s.Files = append(s.Files, files...)
	return err
}

// emitCRDs writes the API package to the staging folder, because
// controller-tools reads Go packages from disk, and adds what it makes.
func emitCRDs(s *State) error {
	staging, err := os.MkdirTemp(filepath.Join(s.Root, "generated"), "_staging-"+s.Service+"-")
	if err != nil {
		return err
	}
	s.Staging = staging
	if err := writeFiles(staging, s.Files); err != nil {
		return err
	}
	deepcopy, crds, err := emit.CRDs(filepath.Join(staging, "apis", s.Model.Version))
	if err != nil {
		return err
	}
	s.Files = append(s.Files, emit.File{Path: "apis/" + s.Model.Version + "/zz_generated.deepcopy.go", Data: deepcopy})
	for _, c := range crds {
		s.Files = append(s.Files, emit.File{Path: "config/crd/" + c.Path, Data: c.Data})
	}
	return nil
}

func emitManagers(s *State) error {
	for _, r := range s.Model.Resources {
		files, err := s.Gen.Manager(r)
		if err != nil {
			return err
		}
		s.Files = append(s.Files, files...)
	}
	return nil
}

func emitController(s *State) error {
	f, err := s.Gen.Controller()
	s.Files = append(s.Files, f)
	return err
}

func emitConfig(s *State) error {
	iam, err := s.Gen.IAMPolicy()
	if err != nil {
		return err
	}
	rbac, err := s.Gen.RBAC()
	if err != nil {
		return err
	}
	s.Files = append(s.Files, iam, rbac)
	return nil
}

func emitHelm(s *State) error {
	in := helm.Input{
		Service: s.Service,
		Group:   s.Model.Group,
		Version: "0.1.0",
		Image:   "kubesmith/" + s.Service + "-controller",
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
