package pipeline

import (
	"context"
	"io"
	"strings"

	"github.com/kubesmith/kubesmith/generator/sdkmod"
)

// requireModules adds the SDK service modules the emitted Go imports to
// go.mod where it lacks them, at versions the pinned SDK core satisfies,
// so that check_go and every later build find them. Output that is not
// compiled against this module (SkipGoCheck) leaves go.mod alone. A module
// it cannot add is left to check_go, which then fails on the missing
// module and tells why it is missing: the proxy may be out of reach, or
// the module may not exist.
func requireModules(s *State) error {
	if s.SkipGoCheck != "" {
		return nil
	}
	sources := map[string][]byte{}
	for _, f := range s.Files {
		if strings.HasSuffix(f.Path, ".go") {
			sources[f.Path] = f.Data
		}
	}
	mods, err := sdkmod.Imported(sources)
	if err != nil {
		return err
	}
	progress := s.Progress
	if progress == nil {
		progress = io.Discard
	}
	s.moduleErr = sdkmod.Require(context.Background(), s.Root, mods, progress)
	return nil
}
