package infer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// loadECR reads ECR from the AWS JSON models, whose members are lowerCamel.
func loadECR(t *testing.T) *smithy.Model {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, ok := awsjson.ModelsDir(wd)
	if !ok {
		t.Skip("AWS JSON models not found: set AWS_JSON_MODELS_DIR")
	}
	m, err := awsjson.Load(filepath.Join(dir, "ecr", "2015-09-21", "service-2.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSubResourceTakeOverReadWithResource: a put-only sub-resource named
// like a create-only field the resource's read returns takes the field
// over (CreateRepository takes imageTagMutability, PutImageTagMutability
// changes it, DescribeRepositories returns it): one updatable spec field,
// still in the create input, read back with the resource, so drift costs
// no call. Sub-resource keys may be lowerCamel, as the model's members
// are. (A name the read does not return stays the create-only field's:
// TestSubResourceTakeOver.)
func TestSubResourceTakeOverReadWithResource(t *testing.T) {
	m := loadECR(t)
	cases := []struct {
		reason, sub, member, wantErr string
	}{
		{"the read returns it: taken over, read with the resource",
			"imageTagMutability: {put: PutImageTagMutability, member: imageTagMutability}", "imageTagMutability", ""},
		{"a structure the read returns: taken over too",
			"imageScanningConfiguration: {put: PutImageScanningConfiguration, member: imageScanningConfiguration}", "imageScanningConfiguration", ""},
		{"a list of structures the read returns is a collection read with the resource, which takes no member:",
			"imageTagMutabilityExclusionFilters: {put: PutImageTagMutability, member: imageTagMutabilityExclusionFilters}", "",
			"the read of Repository returns it, so it takes no get, list, key or member"},
	}
	for _, c := range cases {
		yaml := "modelFormat: awsjson\nresources:\n  Repository:\n    subResources:\n      " + c.sub + "\n"
		res, err := Run("ecr", m, parseConfig(t, yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, "Repository")
		var got []*model.Field
		for _, f := range r.Spec {
			if f.Member == c.member {
				got = append(got, f)
			}
		}
		if len(got) != 1 {
			t.Fatalf("%s: %d spec fields %s, want 1", c.reason, len(got), c.member)
		}
		f := got[0]
		if f.SubResource == nil || f.CreateOnly || !f.SubResource.ReadWithResource || !slices.Equal(f.ObservedPath, []string{c.member}) {
			t.Errorf("%s: %s is no updatable sub-resource read with the resource: %s", c.reason, c.member, f.Reason)
		}
		if inputMember(r.Create, c.member) == nil {
			t.Errorf("%s: CreateRepository no longer takes %s", c.reason, c.member)
		}
		if fieldByMember(r, c.member) != f {
			t.Errorf("%s: a status field %s is left beside the spec field", c.reason, c.member)
		}
	}
}
