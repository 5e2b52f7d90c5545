package pipeline

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/emit"
	"github.com/kubesmith/kubesmith/generator/samples"
)

// checkSamples checks models/<service>/samples.yaml against the CRDs just
// emitted, as the API server's strict validation would, and writes each
// kind's samples to samples/<kind>.yaml. A service generated from a config
// the caller gives (fixtures, the sweep) has no samples file.
func checkSamples(s *State) error {
	if s.Samples == nil {
		return nil
	}
	schemas := map[string]*samples.Schema{}
	for _, f := range s.Files {
		if strings.HasPrefix(f.Path, "config/crd/") {
			sch, err := samples.NewSchema(f.Data)
			if err != nil {
				return err
			}
			schemas[sch.Kind] = sch
		}
	}
	if err := s.Samples.Check(schemas); err != nil {
		return err
	}
	for _, name := range s.Samples.Names() {
		k := s.Samples.Kinds[name]
		data, err := k.Render(schemas[name], emit.Header, s.Service, s.Samples.Path)
		if err != nil {
			return err
		}
		path := "samples/" + k.FileName()
		s.Files = append(s.Files, emit.File{Path: path, Data: data})
		s.sampleLinks = append(s.sampleLinks, emit.SampleLink{Kind: name, Path: path, EmulatorGap: k.EmulatorGap})
	}
	return nil
}
