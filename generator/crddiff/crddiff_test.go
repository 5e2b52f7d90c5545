package crddiff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	"sigs.k8s.io/yaml"
)

// base is a Table spec with a create-only name, a list of structures and
// a map.
const base = `
type: object
required: [tableName]
properties:
  tableName:
    type: string
    x-kubernetes-validations: [{rule: self == oldSelf, message: tableName cannot change once set}]
  billingMode: {type: string}
  readCapacity: {type: integer, format: int64}
  keySchema:
    type: array
    items:
      type: object
      required: [attributeName]
      properties:
        attributeName: {type: string}
        keyType: {type: string}
  tags:
    type: object
    additionalProperties: {type: string}
`

func TestCompare(t *testing.T) {
	cases := []struct {
		reason string
		before func(s *apiextv1.JSONSchemaProps) // the old CRD's edit, if any
		edit   func(s *apiextv1.JSONSchemaProps)
		drop   bool     // the kind is gone
		want   []string // "change field", in the report's order
	}{
		{reason: "regenerating the same CRD changes nothing", edit: func(*apiextv1.JSONSchemaProps) {}},
		{
			reason: "a removed field is breaking",
			edit:   func(s *apiextv1.JSONSchemaProps) { delete(s.Properties, "billingMode") },
			want:   []string{"removed spec.billingMode"},
		},
		{
			reason: "a removed structure is reported once, not with each member",
			edit:   func(s *apiextv1.JSONSchemaProps) { delete(s.Properties, "keySchema") },
			want:   []string{"removed spec.keySchema"},
		},
		{
			reason: "a member removed from a list's items is reported at its path",
			edit: func(s *apiextv1.JSONSchemaProps) {
				delete(s.Properties["keySchema"].Items.Schema.Properties, "keyType")
			},
			want: []string{"removed spec.keySchema[].keyType"},
		},
		{
			reason: "an added optional field is not breaking",
			edit: func(s *apiextv1.JSONSchemaProps) {
				s.Properties["streamEnabled"] = apiextv1.JSONSchemaProps{Type: "boolean"}
			},
			want: []string{"added spec.streamEnabled"},
		},
		{
			reason: "an added structure is reported once, and its required members do not break anyone",
			edit: func(s *apiextv1.JSONSchemaProps) {
				s.Properties["sse"] = apiextv1.JSONSchemaProps{Type: "object", Required: []string{"enabled"},
					Properties: map[string]apiextv1.JSONSchemaProps{"enabled": {Type: "boolean"}}}
			},
			want: []string{"added spec.sse"},
		},
		{
			reason: "a new field required in an existing object breaks manifests that lack it",
			edit: func(s *apiextv1.JSONSchemaProps) {
				s.Properties["region"] = apiextv1.JSONSchemaProps{Type: "string"}
				s.Required = append(s.Required, "region")
			},
			want: []string{"required spec.region", "added spec.region"},
		},
		{
			reason: "an existing field becoming required is breaking",
			edit:   func(s *apiextv1.JSONSchemaProps) { s.Required = append(s.Required, "billingMode") },
			want:   []string{"required spec.billingMode"},
		},
		{
			reason: "a field no longer required is not breaking",
			edit:   func(s *apiextv1.JSONSchemaProps) { s.Required = nil },
			want:   []string{"optional spec.tableName"},
		},
		{
			reason: "a retyped field is breaking, a new format too",
			edit: func(s *apiextv1.JSONSchemaProps) {
				s.Properties["billingMode"] = apiextv1.JSONSchemaProps{Type: "integer"}
				s.Properties["readCapacity"] = apiextv1.JSONSchemaProps{Type: "integer", Format: "int32"}
			},
			want: []string{"retyped spec.billingMode", "retyped spec.readCapacity"},
		},
		{
			reason: "a map's value type changing is a retyped field at {}",
			edit: func(s *apiextv1.JSONSchemaProps) {
				s.Properties["tags"].AdditionalProperties.Schema.Type = "integer"
			},
			want: []string{"retyped spec.tags{}"},
		},
		{
			reason: "a field becoming create-only is breaking",
			edit: func(s *apiextv1.JSONSchemaProps) {
				p := s.Properties["billingMode"]
				p.XValidations = apiextv1.ValidationRules{{Rule: "self == oldSelf", Message: "billingMode cannot change once set"}}
				s.Properties["billingMode"] = p
			},
			want: []string{"createOnly spec.billingMode"},
		},
		{
			reason: "a structure made updatable but for one member breaks nobody: the member could not change before either",
			edit: func(s *apiextv1.JSONSchemaProps) {
				ks := s.Properties["keySchema"]
				ks.XValidations = nil
				name := ks.Items.Schema.Properties["attributeName"]
				name.XValidations = apiextv1.ValidationRules{{Rule: "self == oldSelf", Message: "attributeName cannot change once set"}}
				ks.Items.Schema.Properties["attributeName"] = name
				s.Properties["keySchema"] = ks
			},
			before: func(s *apiextv1.JSONSchemaProps) {
				ks := s.Properties["keySchema"]
				ks.XValidations = apiextv1.ValidationRules{{Rule: "self == oldSelf", Message: "keySchema cannot change once set"}}
				s.Properties["keySchema"] = ks
			},
			want: []string{"mutable spec.keySchema"},
		},
		{
			reason: "a field becoming updatable is not breaking",
			edit: func(s *apiextv1.JSONSchemaProps) {
				p := s.Properties["tableName"]
				p.XValidations = nil
				s.Properties["tableName"] = p
			},
			want: []string{"mutable spec.tableName"},
		},
		{
			reason: "a new transition rule is reported, not breaking",
			edit: func(s *apiextv1.JSONSchemaProps) {
				s.XValidations = apiextv1.ValidationRules{{Rule: "!has(oldSelf.billingMode) || has(self.billingMode)"}}
			},
			want: []string{"ruleAdded spec"},
		},
		{
			reason: "a kind that is gone removes its spec",
			drop:   true,
			want:   []string{"removed spec"},
		},
	}
	breakingWords := []string{Removed, Retyped, Required, CreateOnly}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			old := tableCRD(t, c.before)
			var cur []*apiextv1.CustomResourceDefinition
			if !c.drop {
				cur = []*apiextv1.CustomResourceDefinition{tableCRD(t, c.edit)}
			}
			var got []string
			for _, ch := range Compare([]*apiextv1.CustomResourceDefinition{old}, cur) {
				got = append(got, ch.Change+" "+ch.Field)
				if ch.Kind != "Table" {
					t.Errorf("change %v names kind %q, want Table", ch, ch.Kind)
				}
				if ch.Breaking() != slices.Contains(breakingWords, ch.Change) {
					t.Errorf("%v: Breaking() = %v", ch, ch.Breaking())
				}
			}
			if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestUnacknowledged(t *testing.T) {
	removed := Change{Kind: "Table", Field: "spec.billingMode", Change: Removed}
	added := Change{Kind: "Table", Field: "spec.streamEnabled", Change: Added}
	cases := []struct {
		reason      string
		changes     []Change
		acks        []Ack
		wantRefused []Change
		wantUnused  []Ack
	}{
		{reason: "an unacknowledged removal is refused", changes: []Change{removed, added}, wantRefused: []Change{removed}},
		{reason: "an acknowledged removal passes", changes: []Change{removed, added}, acks: []Ack{{"Table", "spec.billingMode", Removed}}},
		{
			reason:      "an ack of another change does not cover a removal",
			changes:     []Change{removed},
			acks:        []Ack{{"Table", "spec.billingMode", Retyped}},
			wantRefused: []Change{removed},
			wantUnused:  []Ack{{"Table", "spec.billingMode", Retyped}},
		},
		{reason: "an added optional field needs no ack", changes: []Change{added}},
		{
			reason:     "an ack that matches nothing is reported",
			acks:       []Ack{{"Backup", "spec.x", Removed}},
			wantUnused: []Ack{{"Backup", "spec.x", Removed}},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			refused, unused := Unacknowledged(c.changes, c.acks)
			if fmt.Sprint(refused) != fmt.Sprint(c.wantRefused) || fmt.Sprint(unused) != fmt.Sprint(c.wantUnused) {
				t.Errorf("refused %v unused %v, want %v and %v", refused, unused, c.wantRefused, c.wantUnused)
			}
		})
	}
}

// tableCRD is a Table CRD with base as its spec, edited by edit.
func tableCRD(t *testing.T, edit func(*apiextv1.JSONSchemaProps)) *apiextv1.CustomResourceDefinition {
	t.Helper()
	var spec apiextv1.JSONSchemaProps
	if err := yaml.UnmarshalStrict([]byte(base), &spec); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&spec)
	}
	crd := &apiextv1.CustomResourceDefinition{}
	crd.Spec.Names.Kind = "Table"
	crd.Spec.Versions = []apiextv1.CustomResourceDefinitionVersion{{
		Name: "v1alpha1",
		Schema: &apiextv1.CustomResourceValidation{OpenAPIV3Schema: &apiextv1.JSONSchemaProps{
			Type:       "object",
			Properties: map[string]apiextv1.JSONSchemaProps{"spec": spec},
		}},
	}}
	return crd
}
