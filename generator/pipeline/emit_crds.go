package pipeline

import (
	"os"
	"path/filepath"

	"github.com/kubesmith/kubesmith/generator/emit"
)

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
