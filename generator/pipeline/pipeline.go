// Package pipeline runs the generator as a list of named stages. The list
// in Stages is the generator's table of contents.
package pipeline

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/emit"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Stage is one step of generating a service.
type Stage struct {
	ID          string
	Description string
	Run         func(*State) error
}

// State is what the stages hand on: each stage reads what earlier ones
// set and adds its own part.
type State struct {
	// Inputs.
	Service   string // folder name under models/
	Root      string // repository root
	ModelsDir string // AWS_MODELS_DIR
	// Optional inputs, for output elsewhere than generated/<service> (the
	// sweep, golden tests).
	OutDir    string // default <Root>/generated/<Service>
	GoPackage string // import path of OutDir; default emit.GeneratedRoot + "/" + Service
	// Config, when set, is used instead of models/<service>/generator.yaml.

	// Set by the stages, in order.
	ModelFile smithy.ModelFile
	Smithy    *smithy.Model
	Config    *config.File
	Model     *model.Service
	Gen       *emit.Gen
	Staging   string // folder the output is written to before the swap
	Files     []emit.File
}

// Stages lists the generator's stages in the order they run.
var Stages = []Stage{
	{"load_model", "read the service's Smithy JSON AST from AWS_MODELS_DIR", loadModel},
	{"load_config", "read models/<service>/generator.yaml strictly", loadConfig},
	{"infer_resources", "resolve kinds, operations, and spec and status fields into the model", inferResources},
	{"prepare_emit", "fix the import paths and API type names every emitter shares", prepareEmit},
	{"emit_types", "write the API types of every kind", emitTypes},
	{"emit_crds", "run controller-tools for deepcopy and CRD YAML", emitCRDs},
	{"check_crds", "validate each CRD as the API server will, CEL cost budget included", checkCRDs},
	{"emit_managers", "write each kind's AWS manager", emitManagers},
	{"emit_controller", "write the controller's main package", emitController},
	{"emit_config", "write the IAM policy and RBAC role", emitConfig},
	{"emit_helm", "write the Helm chart", emitHelm},
	{"write_output", "swap the staged output into generated/<service>", writeOutput},
}

// Timing is how long one stage took.
type Timing struct {
	Stage    string
	Duration time.Duration
}

func (s *State) outDir() string {
	if s.OutDir != "" {
		return s.OutDir
	}
	return filepath.Join(s.Root, "generated", s.Service)
}

func (s *State) goPackage() string {
	if s.GoPackage != "" {
		return s.GoPackage
	}
	return emit.GeneratedRoot + "/" + s.Service
}

// Run generates one service, removing its staging folder whatever happens.
func Run(s *State) ([]Timing, error) {
	defer removeStaging(s)
	var timings []Timing
	for _, st := range Stages {
		start := time.Now()
		if err := st.Run(s); err != nil {
			return timings, fmt.Errorf("%s: %s: %w", s.Service, st.ID, err)
		}
		timings = append(timings, Timing{st.ID, time.Since(start)})
	}
	return timings, nil
}

// Infer runs only the stages up to the resolved model, for commands that
// explain rather than write.
func Infer(s *State) error {
	for _, st := range Stages[:3] { // up to infer_resources
		if err := st.Run(s); err != nil {
			return fmt.Errorf("%s: %s: %w", s.Service, st.ID, err)
		}
	}
	return nil
}
