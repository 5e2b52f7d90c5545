package scaffold

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestSamples checks the starting sample of a kind: its required spec
// fields, each with a placeholder its CRD takes, and nothing optional.
func TestSamples(t *testing.T) {
	minLen, maxLen, min := int64(20), int64(4), 5.0
	str := &model.Type{Kind: model.String}
	cases := []struct {
		reason string
		spec   []*model.Field
		want   string
	}{
		{
			reason: "an optional field is left out, a required string gets a placeholder named after it",
			spec:   []*model.Field{{JSONName: "name", Type: str, Required: true}, {JSONName: "note", Type: str}},
			want:   "spec:\n    name: example-name\n",
		},
		{
			reason: "an enum gets its first value",
			spec:   []*model.Field{{JSONName: "mode", Type: &model.Type{Kind: model.Enum}, Required: true, Validation: model.Validation{Enum: []string{"fast", "slow"}}}},
			want:   "mode: fast\n",
		},
		{
			reason: "a number gets its minimum",
			spec:   []*model.Field{{JSONName: "size", Type: &model.Type{Kind: model.Int}, Required: true, Validation: model.Validation{Minimum: &min}}},
			want:   "size: 5\n",
		},
		{
			reason: "a string is cut to its maximum length",
			spec:   []*model.Field{{JSONName: "name", Type: str, Required: true, Validation: model.Validation{MaxLength: &maxLen}}},
			want:   "name: exam\n",
		},
		{
			reason: "a string is padded to its minimum length",
			spec:   []*model.Field{{JSONName: "name", Type: str, Required: true, Validation: model.Validation{MinLength: &minLen}}},
			want:   "name: example-namexxxxxxxx\n",
		},
		{
			reason: "a required structure in a list gets its own required fields",
			spec:   []*model.Field{{JSONName: "keys", Required: true, Type: &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: "Key"}}}},
			want:   "keys:\n      - attr: example-attr\n",
		},
		{
			reason: "a required secret names a Secret key",
			spec:   []*model.Field{{JSONName: "password", Type: str, Required: true, Secret: true}},
			want:   "password:\n      key: password\n      name: sample-secret\n",
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			svc := &model.Service{
				Name:      "widgets",
				Resources: []*model.Resource{{Kind: "Widget", Spec: c.spec}},
				Structs: map[string]*model.Struct{"Key": {Shape: "Key", Fields: []*model.Field{
					{JSONName: "attr", Type: str, Required: true}, {JSONName: "extra", Type: str},
				}}},
			}
			got, err := Samples(svc)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), "\nWidget:\n  metadata:\n    name: sample-widget\n") || !strings.Contains(string(got), c.want) {
				t.Errorf("%s: got\n%s\nwant it to hold\n%s", c.reason, got, c.want)
			}
		})
	}
}
