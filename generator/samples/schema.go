package samples

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"sigs.k8s.io/yaml"
)

// Schema is one kind's CRD, checking objects as the API server does when
// they are created with strict field validation (kubectl apply
// --validate=strict): unknown fields, then the OpenAPI schema (types,
// required fields, enums, patterns), then the CEL rules.
type Schema struct {
	Group, Version, Kind string
	structural           *structuralschema.Structural
	openAPI              apiservervalidation.SchemaValidator
	cel                  *cel.Validator // nil when the CRD has no rules
}

// Problem is one thing the API server would refuse, at a field path such
// as spec.ingressRules[0].fromPort.
type Problem struct {
	Field string
	Msg   string
}

// NewSchema reads a generated CRD, of one served version.
func NewSchema(crd []byte) (*Schema, error) {
	var v1 apiextensionsv1.CustomResourceDefinition
	if err := yaml.UnmarshalStrict(crd, &v1); err != nil {
		return nil, err
	}
	if len(v1.Spec.Versions) != 1 || v1.Spec.Versions[0].Schema == nil {
		return nil, fmt.Errorf("CRD %s: want one version with a schema", v1.Name)
	}
	var props apiextensions.JSONSchemaProps
	if err := apiextensionsv1.Convert_v1_JSONSchemaProps_To_apiextensions_JSONSchemaProps(v1.Spec.Versions[0].Schema.OpenAPIV3Schema, &props, nil); err != nil {
		return nil, fmt.Errorf("CRD %s: %w", v1.Name, err)
	}
	structural, err := structuralschema.NewStructural(&props)
	if err != nil {
		return nil, fmt.Errorf("CRD %s: %w", v1.Name, err)
	}
	openAPI, _, err := apiservervalidation.NewSchemaValidator(&props)
	if err != nil {
		return nil, fmt.Errorf("CRD %s: %w", v1.Name, err)
	}
	return &Schema{
		Group: v1.Spec.Group, Version: v1.Spec.Versions[0].Name, Kind: v1.Spec.Names.Kind,
		structural: structural, openAPI: openAPI,
		cel: cel.NewValidator(structural, true, celconfig.PerCallLimit),
	}, nil
}

// APIVersion is the group and version objects of the kind give.
func (s *Schema) APIVersion() string { return s.Group + "/" + s.Version }

// Check returns what the API server would refuse in obj, a whole object
// (apiVersion, kind, metadata, spec), sorted by field.
func (s *Schema) Check(obj map[string]any) []Problem {
	problems := checkMetadata(obj["metadata"])
	for _, path := range pruning.PruneWithOptions(obj, s.structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true}) {
		problems = append(problems, Problem{path, "unknown field" + s.knownFields(path)})
	}
	structuraldefaulting.Default(obj, s.structural)
	errs := apiservervalidation.ValidateCustomResource(nil, obj, s.openAPI)
	if s.cel != nil {
		celErrs, _ := s.cel.Validate(context.Background(), nil, s.structural, obj, nil, celconfig.RuntimeCELCostBudget)
		errs = append(errs, celErrs...)
	}
	for _, e := range errs {
		problems = append(problems, Problem{e.Field, e.ErrorBody()})
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Field < problems[j].Field })
	return problems
}

// metadataKeys are what a sample's metadata may set: its namespace comes
// from kubectl.
var metadataKeys = []string{"annotations", "labels", "name"}

func checkMetadata(meta any) []Problem {
	m, ok := meta.(map[string]any)
	if !ok {
		return []Problem{{"metadata", "want a mapping with name"}}
	}
	var out []Problem
	for _, k := range sortedKeys(m) {
		if !contains(metadataKeys, k) {
			out = append(out, Problem{"metadata." + k, fmt.Sprintf("not set by a sample; a sample's metadata has %v", metadataKeys)})
		}
	}
	name, _ := m["name"].(string)
	if name == "" {
		return append(out, Problem{"metadata.name", "required"})
	}
	for _, msg := range validation.IsDNS1123Subdomain(name) {
		out = append(out, Problem{"metadata.name", msg})
	}
	return out
}

// knownFields names the fields the schema has where an unknown one was
// found, with the likeliest meant.
func (s *Schema) knownFields(path string) string {
	parent, name := splitLast(path)
	at := s.structural
	for _, seg := range segments(parent) {
		if at == nil {
			return ""
		}
		if seg.index >= 0 {
			at = at.Items
			continue
		}
		p, ok := at.Properties[seg.key]
		if !ok {
			return ""
		}
		at = &p
	}
	if at == nil || len(at.Properties) == 0 {
		return ""
	}
	known := sortedKeys(at.Properties)
	return didYouMean(name, known) + "; known here: " + strings.Join(known, ", ")
}
