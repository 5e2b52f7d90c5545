package pipeline

import (
	"os"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestAWSJSONBorrowsDefaults: ECR read from the AWS JSON format by choice
// takes the Smithy copy's zero default of ImageScanningConfiguration's
// scanOnPush, which aws-sdk-go-v2 holds as a bool (without it, the
// generated Go took a pointer and did not compile); without a Smithy copy
// the member keeps none. A member only the AWS JSON model has keeps none
// either.
func TestAWSJSONBorrowsDefaults(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	smithyDir, okS := smithy.ModelsDir(wd)
	jsonDir, okJ := awsjson.ModelsDir(wd)
	if !okS || !okJ {
		t.Skip("the Smithy or AWS JSON models are not found: set AWS_MODELS_DIR and AWS_JSON_MODELS_DIR")
	}
	cases := []struct {
		reason, smithyDir, shape, member string
		want                             bool
	}{
		{"a Smithy copy beside it gives the default", smithyDir, "ImageScanningConfiguration", "scanOnPush", true},
		{"without a Smithy copy there is none", "", "ImageScanningConfiguration", "scanOnPush", false},
		{"a member the Smithy copy lacks keeps none", smithyDir, "ImageTagMutabilityExclusionFilter", "filter", false},
	}
	for _, c := range cases {
		_, format, m, err := LoadModel(ModelDirs{Smithy: c.smithyDir, AWSJSON: jsonDir}, "ecr", FormatAWSJSON)
		if err != nil || format != FormatAWSJSON {
			t.Fatalf("%s: loading ecr: format %q, %v", c.reason, format, err)
		}
		s, ok := m.Shape(smithy.ShapeID("com.amazonaws.ecr#" + c.shape))
		if !ok {
			t.Fatalf("%s: no shape %s", c.reason, c.shape)
		}
		var mem *smithy.Member
		for _, x := range s.Members {
			if x.Name == c.member {
				mem = x
			}
		}
		if mem == nil {
			t.Fatalf("%s: %s has no member %s", c.reason, c.shape, c.member)
		}
		if got := mem.Traits.HasDefault(); got != c.want {
			t.Errorf("%s: %s.%s has a default: %t, want %t", c.reason, c.shape, c.member, got, c.want)
		}
	}
}
