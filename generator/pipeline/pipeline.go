// Package pipeline runs the generator as a list of named stages. The list
// in Stages is the generator's table of contents.
package pipeline

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/emit"
	"github.com/kubesmith/kubesmith/generator/internal/panics"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/samples"
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
	// AWSJSONModelsDir is AWS_JSON_MODELS_DIR, for services the Smithy
	// models lack or generator.yaml reads in that format; may be "".
	AWSJSONModelsDir string
	// Optional inputs, for output elsewhere than generated/<service> (the
	// sweep, golden tests).
	OutDir    string // default <Root>/generated/<Service>
	GoPackage string // import path of OutDir; default emit.GeneratedRoot + "/" + Service
	// SkipGoCheck, when set, says why the emitted Go is not compiled before
	// it is written: a fixture whose SDK package does not exist, or the
	// sweep, which compiles every service in one build.
	SkipGoCheck string
	// Progress, when set, hears about the slow steps: fetching modules.
	Progress io.Writer

	// Set by the stages, in order.
	Config *config.File
	// Samples are models/<service>/samples.yaml, read with the config
	// from models/; nil when the caller gives the config.
	Samples     *samples.File
	sampleLinks []emit.SampleLink // the samples written, for the README
	ModelFile   smithy.ModelFile
	ModelFormat string // FormatSmithy or FormatAWSJSON
	Smithy      *smithy.Model
	configErr   error // mistakes in Config that inference reports with its own
	moduleErr   error // why require_modules could not add an SDK module, for check_go
	Model       *model.Service
	Gen         *emit.Gen
	Staging     string // folder the output is written to before the swap
	Files       []emit.File
	// Kind is the kind the running stage is emitting, for the error a
	// panic becomes; stages that emit kind by kind set it.
	Kind string
}

// Stages lists the generator's stages in the order they run.
var Stages = []Stage{
	{"load_config", "read models/<service>/generator.yaml strictly", loadConfig},
	{"load_model", "read the service's model: the Smithy JSON AST from AWS_MODELS_DIR, else (or as modelFormat says) the AWS JSON format from AWS_JSON_MODELS_DIR", loadModel},
	{"infer_resources", "resolve kinds, operations, and spec and status fields into the model", inferResources},
	{"prepare_emit", "fix the import paths and API type names every emitter shares", prepareEmit},
	{"emit_types", "write the API types of every kind", emitTypes},
	{"emit_crds", "run controller-tools for deepcopy and CRD YAML", emitCRDs},
	{"check_crds", "validate each CRD as the API server will, CEL cost budget included", checkCRDs},
	{"check_samples", "check models/<service>/samples.yaml against the CRDs as kubectl apply --validate=strict would, and write samples/<kind>.yaml", checkSamples},
	{"emit_managers", "write each kind's AWS manager", emitManagers},
	{"emit_controller", "write the controller's main package", emitController},
	{"emit_config", "write the IAM policy and RBAC role", emitConfig},
	{"emit_helm", "write the Helm chart", emitHelm},
	{"emit_readme", "write README.md: kinds, sub-resources and the emulator's gaps", emitReadme},
	{"emit_docs", "write the reference docs: docs/<Kind>.md with every field's type, constraints, mutability, AWS operations and drift, and docs/README.md", emitDocs},
	{"require_modules", "add the SDK service modules the emitted Go imports to go.mod, at versions the pinned SDK core satisfies", requireModules},
	{"check_go", "compile the emitted Go against go.mod; output that does not compile is never written", checkGo},
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
		if err := runStage(s, st); err != nil {
			return timings, err
		}
		timings = append(timings, Timing{st.ID, time.Since(start)})
	}
	return timings, nil
}

// Infer runs only the stages up to the resolved model, for commands that
// explain rather than write.
func Infer(s *State) error {
	for _, st := range Stages[:3] { // up to infer_resources
		if err := runStage(s, st); err != nil {
			return err
		}
	}
	return nil
}

// runStage runs one stage and names the service and stage in its error. A
// panic becomes such an error too, saying what was being emitted where the
// emitters tell, so that one service's bug stops only that service.
func runStage(s *State, st Stage) (err error) {
	s.Kind = ""
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: %s: %s", s.Service, st.ID, describePanic(s, p))
		}
	}()
	if err := st.Run(s); err != nil {
		return fmt.Errorf("%s: %s: %w", s.Service, st.ID, err)
	}
	return nil
}

// describePanic says what panicked, where in the generator, and what it
// was emitting: the kind the stage was at and the shape the emitters name.
func describePanic(s *State, p any) string {
	var where []string
	if s.Kind != "" {
		where = append(where, "kind "+s.Kind)
	}
	var sp *emit.ShapePanic
	if e, ok := p.(*emit.ShapePanic); ok {
		sp, p = e, e.Value
		where = append(where, "shape "+sp.Shape)
	}
	msg := fmt.Sprintf("panic: %v", p)
	if len(where) > 0 {
		msg = fmt.Sprintf("panic while emitting %s: %v", strings.Join(where, ", "), p)
	}
	if site := panics.Site(); site != "" {
		msg += " (at " + site + ")"
	}
	return msg
}
