// Package infer builds the resolved model of a service from its Smithy
// model and generator.yaml, as the list of named stages in stages.go.
package infer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/internal/panics"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Options choose which resources are resolved.
type Options struct {
	// All resolves every inferred resource, not only the ones the config
	// selects, and records a resource's problems on it instead of failing:
	// for list, explain and the sweep.
	All bool
	// Only resolves just the resource of this name or kind, whether the
	// config selects it or not, recording its problems on it.
	Only string
}

// Result is what inference found.
type Result struct {
	// Service holds the resolved resources: the ones generator.yaml
	// selects, or those the Options ask for.
	Service *model.Service
	// Candidates are every resource inference found, complete or not,
	// sorted by name.
	Candidates []*Candidate
}

// Service resolves the resources generator.yaml selects into the model the
// emitters read. Any problem is an error.
func Service(name string, m *smithy.Model, cfg *config.File) (*model.Service, error) {
	res, err := Run(name, m, cfg, Options{})
	if err != nil {
		return nil, err
	}
	return res.Service, nil
}

// Run runs every inference stage. A mistake in generator.yaml that leaves
// its resource unresolved sets that resource aside, and the stages go on
// with the others, so one run reports the mistakes of every resource and
// of every field; a mistake outside resources: stops after the stage that
// found it.
func Run(name string, m *smithy.Model, cfg *config.File, opts Options) (*Result, error) {
	st := &state{name: name, m: m, cfg: cfg, opts: opts, broken: map[string]bool{}}
	for _, stage := range Stages {
		if err := runStage(st, stage); err != nil {
			return nil, errors.Join(append(st.errs, fmt.Errorf("%s: %w", stage.ID, err))...)
		}
		if st.stop {
			break
		}
		if resolvesResources(stage.ID) {
			st.setAside()
		}
	}
	if err := errors.Join(st.errs...); err != nil {
		return nil, err
	}
	return &Result{Service: st.svc, Candidates: st.candidates}, nil
}

// runStage runs one stage, turning a panic into an error, so that list
// and explain, which call inference directly, report a bug in it as
// generate does.
func runStage(st *state, stage Stage) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v (at %s)", p, panics.Site())
		}
	}()
	return stage.Run(st)
}

// resolvesResources tells the stages after which a resource with a
// mistake is left half resolved, so the stages to come must pass it over.
// The later stages pass over just the entry at fault, so they go on with
// the resource and report its other mistakes.
func resolvesResources(stageID string) bool {
	switch stageID {
	case "select_resources", "resolve_operations", "classify_fields", "infer_identifiers":
		return true
	}
	return false
}

// setAside drops the resources with a mistake in their entry from the
// work of the stages to come.
func (st *state) setAside() {
	if len(st.broken) == 0 {
		return
	}
	st.work = slices.DeleteFunc(st.work, func(w *work) bool { return st.broken[w.c.Name] })
	if st.svc != nil {
		st.svc.Resources = slices.DeleteFunc(st.svc.Resources, func(r *model.Resource) bool { return st.broken[r.Name] })
	}
}

// state is what the stages hand on: each reads what earlier ones set.
type state struct {
	name string
	m    *smithy.Model
	cfg  *config.File
	opts Options

	service *smithy.Shape
	// ops are the service's operations by name, however deeply bound.
	ops map[string]*smithy.Shape
	// resourceShapes are the service's resource shapes, parents first.
	resourceShapes []*smithy.Shape
	candidates     []*Candidate
	// work holds the resources being resolved, in kind order.
	work  []*work
	typer *typer
	svc   *model.Service
	// errs are errors in generator.yaml; Run fails once every stage that
	// can still run has.
	errs []error
	// broken are the resources, by name, whose entry has a mistake.
	broken map[string]bool
	// stop is set by a mistake outside resources:, after which the
	// stages cannot tell what to resolve.
	stop bool
}

// work is one resource being resolved.
type work struct {
	c  *Candidate
	rc *config.Resource
	at config.Key // where the resource's configuration is
	r  *model.Resource
	// strict resources fail on a problem; the others record it.
	strict bool
	// ids are the identifier member names, before they are tied to fields.
	ids []string
	// createIn is the create operation's input shape, nil when it has none.
	createIn *smithy.Shape
}

// errorf records an error in generator.yaml at key k.
func (st *state) errorf(k config.Key, format string, args ...any) {
	st.errs = append(st.errs, st.cfg.Errorf(k, format, args...))
	if len(k) >= 2 && k[0] == "resources" {
		st.broken[k[1]] = true
	} else {
		st.stop = true
	}
}

// problem records why w's resource cannot be generated as inferred: an
// error when the resource is generated, a note on it otherwise.
func (st *state) problem(w *work, k config.Key, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if w.strict {
		st.errorf(k, "%s: %s", w.r.Kind, msg)
		return
	}
	w.r.Problems = append(w.r.Problems, msg)
}

// decide records a resource-level decision for explain.
func (w *work) decide(subject, choice, format string, args ...any) {
	w.r.Decisions = append(w.r.Decisions, model.Decision{Subject: subject, Choice: choice, Reason: fmt.Sprintf(format, args...)})
}

// SDKPackage is the aws-sdk-go-v2 package name for an sdkId: "DynamoDB" is
// dynamodb, "CloudWatch Logs" is cloudwatchlogs.
func SDKPackage(sdkID string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(sdkID))
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
