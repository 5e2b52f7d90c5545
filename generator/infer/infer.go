// Package infer builds the resolved model of a service from its Smithy
// model and generator.yaml.
package infer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Service resolves the service folder name, its Smithy model and its
// config into the model the emitters read.
func Service(name string, m *smithy.Model, cfg *config.File) (*model.Service, error) {
	svcShape, err := m.Service()
	if err != nil {
		return nil, err
	}
	aws := svcShape.Traits.Service
	if aws == nil {
		return nil, fmt.Errorf("service %s has no aws.api#service trait", svcShape.ID)
	}
	svc := &model.Service{
		Name:       name,
		SDKPackage: SDKPackage(aws.SDKID),
		IAMPrefix:  firstNonEmpty(aws.ArnNamespace, name),
		Group:      name + ".services.k8s.aws",
		Version:    "v1alpha1",
	}
	ops := operations(m, svcShape)
	t := &typer{m: m, service: svcShape, ops: ops, structs: map[string]*model.Struct{}, building: map[string]bool{}}
	var errs []error
	for _, kind := range sortedKeys(cfg.Resources) {
		r, err := resource(t, ops, kind, cfg.Resources[kind], cfg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		svc.Resources = append(svc.Resources, r)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	svc.Structs = t.structs
	markAPIStructs(svc)
	return svc, nil
}

// SDKPackage is the aws-sdk-go-v2 package name for an sdkId: "DynamoDB" is
// dynamodb, "CloudWatch Logs" is cloudwatchlogs.
func SDKPackage(sdkID string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(sdkID))
}

// operations maps operation names to shapes, over the service and every
// resource it binds, however deeply.
func operations(m *smithy.Model, svc *smithy.Shape) map[string]*smithy.Shape {
	ops := map[string]*smithy.Shape{}
	var visit func(s *smithy.Shape)
	visit = func(s *smithy.Shape) {
		var ids []smithy.ShapeID
		ids = append(ids, s.Operations...)
		ids = append(ids, s.CollectionOperations...)
		ids = append(ids, s.Create, s.Put, s.Read, s.Update, s.Delete, s.List)
		for _, id := range ids {
			if op, ok := m.Shape(id); ok && op.Type == smithy.TypeOperation {
				ops[id.Name()] = op
			}
		}
		for _, id := range s.Resources {
			if r, ok := m.Shape(id); ok {
				visit(r)
			}
		}
	}
	visit(svc)
	return ops
}

func resource(t *typer, ops map[string]*smithy.Shape, kind string, rc *config.Resource, cfg *config.File) (*model.Resource, error) {
	at := "resources." + kind
	pick := func(role, override string, candidates ...string) (*smithy.Shape, error) {
		if override != "" {
			candidates = []string{override}
		}
		for _, c := range candidates {
			if op, ok := ops[c]; ok {
				return op, nil
			}
		}
		if override != "" {
			return nil, cfg.Errorf(at+".operations."+role, "%s operation %q is not in the model%s", role, override, config.DidYouMean(override, keys(ops)))
		}
		return nil, nil
	}
	create, err := pick("create", rc.Operations.Create, "Create"+kind)
	if err != nil {
		return nil, err
	}
	read, err := pick("read", rc.Operations.Read, "Describe"+kind, "Get"+kind)
	if err != nil {
		return nil, err
	}
	update, err := pick("update", rc.Operations.Update, "Update"+kind, "Modify"+kind, "Put"+kind)
	if err != nil {
		return nil, err
	}
	del, err := pick("delete", rc.Operations.Delete, "Delete"+kind)
	if err != nil {
		return nil, err
	}
	if create == nil || read == nil || del == nil {
		return nil, cfg.Errorf(at, "kind %s needs create, read and delete operations; found create=%s read=%s delete=%s (name them under operations:)",
			kind, opName(create), opName(read), opName(del))
	}

	r := &model.Resource{
		Kind:          kind,
		Plural:        names.Plural(kind),
		ShortNames:    rc.ShortNames,
		NotFoundCodes: rc.NotFoundCodes,
		TerminalCodes: rc.TerminalCodes,
	}
	if r.Create, err = t.operation(create); err != nil {
		return nil, err
	}
	if r.Read, err = t.operation(read); err != nil {
		return nil, err
	}
	if r.Delete, err = t.operation(del); err != nil {
		return nil, err
	}
	if update != nil {
		if r.Update, err = t.operation(update); err != nil {
			return nil, err
		}
	}
	if r.Read.Output == "" {
		return nil, cfg.Errorf(at, "read operation %s returns no structure to observe", read.ID.Name())
	}
	if err := classify(t, r, rc, cfg); err != nil {
		return nil, err
	}
	return r, nil
}

func opName(s *smithy.Shape) string {
	if s == nil {
		return "none"
	}
	return s.ID.Name()
}

// operation resolves an operation's input members and finds the resource
// description in its output: the output itself, or its only structure
// member (DescribeTable returns {Table: TableDescription}).
func (t *typer) operation(op *smithy.Shape) (*model.Operation, error) {
	o := &model.Operation{Name: op.ID.Name()}
	if in, ok := t.m.Shape(op.Input); ok {
		for _, mem := range in.Members {
			if mem.Traits.IdempotencyToken {
				continue
			}
			typ, err := t.memberType(in, mem)
			var u unsupported
			if errors.As(err, &u) {
				continue
			}
			if err != nil {
				return nil, err
			}
			o.Input = append(o.Input, &model.Member{Name: mem.Name, GoName: sdkFieldName(mem.Name), Type: typ, Required: mem.Traits.Required})
		}
	}
	out, ok := t.m.Shape(op.Output)
	if !ok {
		return o, nil
	}
	desc := out
	if len(out.Members) == 1 {
		if target := t.m.Target(out.Members[0]); target != nil && target.Type == smithy.TypeStructure {
			o.OutputPath = []string{sdkFieldName(out.Members[0].Name)}
			desc = target
		}
	}
	st, err := t.structure(desc)
	if err != nil {
		return nil, err
	}
	if desc == out {
		st.TopLevel = true
		st.SDKType = o.Name + "Output"
	}
	o.Output = st.Shape
	return o, nil
}

// markAPIStructs flags the structs spec and status use, directly or
// through other structs: those become API types.
func markAPIStructs(svc *model.Service) {
	var mark func(t *model.Type)
	mark = func(t *model.Type) {
		switch t.Kind {
		case model.List, model.Map:
			mark(t.Elem)
		case model.Structure:
			s := svc.Structs[t.Shape]
			if s.InAPI {
				return
			}
			s.InAPI = true
			for _, f := range s.Fields {
				mark(f.Type)
			}
		}
	}
	for _, r := range svc.Resources {
		for _, f := range slices.Concat(r.Spec, r.Status) {
			mark(f.Type)
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string { return keys(m) }
