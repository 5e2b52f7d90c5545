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
	negMax, twelve, two := -3.0, int64(12), int64(2)
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
			reason: "a number whose range lies below 1 gets its maximum",
			spec:   []*model.Field{{JSONName: "offset", Type: &model.Type{Kind: model.Int}, Required: true, Validation: model.Validation{Maximum: &negMax}}},
			want:   "offset: -3\n",
		},
		{
			reason: "a name pattern refusing hyphens takes the placeholder with underscores",
			spec:   []*model.Field{{JSONName: "name", Type: str, Required: true, Validation: model.Validation{Pattern: `^[a-zA-Z_][a-zA-Z0-9_@:]{1,256}$`}}},
			want:   "name: example_name\n",
		},
		{
			reason: "a pattern of fixed digits is written from the pattern",
			spec:   []*model.Field{{JSONName: "account", Type: str, Required: true, Validation: model.Validation{Pattern: `^\d{12}$`, MinLength: &twelve, MaxLength: &twelve}}},
			want:   "account: \"111111111111\"\n",
		},
		{
			reason: "an ARN pattern is written from its literals and classes",
			spec:   []*model.Field{{JSONName: "roleARN", Type: str, Required: true, Validation: model.Validation{Pattern: `^arn:aws:iam::\d{12}:role/`}}},
			want:   "roleARN: arn:aws:iam::111111111111:role/\n",
		},
		{
			reason: "a pattern's repetitions grow to the minimum length",
			spec:   []*model.Field{{JSONName: "id", Type: str, Required: true, Validation: model.Validation{Pattern: `^[0-9]+$`, MinLength: &minLen}}},
			want:   "id: \"11111111111111111111\"\n",
		},
		{
			reason: "a list gets its minimum number of items",
			spec:   []*model.Field{{JSONName: "buses", Type: &model.Type{Kind: model.List, Elem: str}, Required: true, Validation: model.Validation{MinItems: &two}}},
			want:   "buses:\n      - example-buses\n      - example-buses\n",
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
			got, unfit, err := Samples(svc)
			if err != nil || len(unfit) > 0 {
				t.Fatal(err, unfit)
			}
			if !strings.Contains(string(got), "\nWidget:\n  metadata:\n    name: sample-widget\n") || !strings.Contains(string(got), c.want) {
				t.Errorf("%s: got\n%s\nwant it to hold\n%s", c.reason, got, c.want)
			}
		})
	}
}

// TestSamplesUnfit checks the field no placeholder fits: the sample keeps a
// readable placeholder, and the note names the kind, the field and what
// the field takes.
func TestSamplesUnfit(t *testing.T) {
	three := int64(3)
	svc := &model.Service{Name: "widgets", Resources: []*model.Resource{{Kind: "Widget", Spec: []*model.Field{{
		JSONName: "code", Type: &model.Type{Kind: model.String}, Required: true,
		Validation: model.Validation{Pattern: `^[a-z]{5}$`, MaxLength: &three},
	}}}}}
	got, unfit, err := Samples(svc)
	if err != nil {
		t.Fatal(err)
	}
	want := "Widget spec.code: no placeholder fits pattern \"^[a-z]{5}$\", at most 3 characters: replace the placeholder by hand"
	if len(unfit) != 1 || unfit[0] != want || !strings.Contains(string(got), "code: exa\n") {
		t.Errorf("got notes %q and sample\n%s\nwant the note %q and the placeholder exa", unfit, got, want)
	}
}
