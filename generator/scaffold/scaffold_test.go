package scaffold

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

func loadReal(t *testing.T, sdkID string) *smithy.Model {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, ok := smithy.ModelsDir(wd)
	if !ok {
		t.Skip("AWS models not found: set AWS_MODELS_DIR")
	}
	mf, err := smithy.FindModel(dir, sdkID)
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestConfig(t *testing.T) {
	cases := []struct {
		reason    string
		service   string
		generated []string // among Generated
		skipped   []string // among Skipped
		want      []string // in the YAML, in this order
	}{
		{
			reason:  "S3 Bucket lacks a read: commented out, with HeadBucket first among the read candidates and as the suggested entry",
			service: "s3",
			skipped: []string{"Bucket"},
			want:    []string{"# yaml-language-server: $schema=../generator.schema.json\n", "# Not generated: Bucket has no read operation (candidates in the model: HeadBucket, GetBucketAcl", "  # Bucket:\n  #   operations:\n  #     read: HeadBucket\n"},
		},
		{
			reason:    "SNS Topic's SetTopicAttributes needs an AttributeName no field holds: Topic is generated with the update off, and the file says why",
			service:   "sns",
			generated: []string{"Topic", "PlatformApplication"},
			skipped:   []string{"SMSSandboxPhoneNumber"},
			want:      []string{"resources:\n", "#   SetTopicAttributes requires AttributeName", "  Topic:\n    operations:\n      update: none\n      because: ", "#     read: ListSMSSandboxPhoneNumbers"},
		},
	}
	for _, c := range cases {
		t.Run(c.service, func(t *testing.T) {
			res, err := Config(c.service, loadReal(t, c.service), "model.json")
			if err != nil {
				t.Fatalf("%s: %v", c.reason, err)
			}
			for _, n := range c.generated {
				if !slices.Contains(res.Generated, n) {
					t.Errorf("%s: %s not generated (generated %v)", c.reason, n, res.Generated)
				}
			}
			for _, n := range c.skipped {
				if !slices.Contains(res.Skipped, n) {
					t.Errorf("%s: %s not commented out (skipped %v)", c.reason, n, res.Skipped)
				}
			}
			text, at := string(res.YAML), 0
			for _, w := range c.want {
				i := strings.Index(text[at:], w)
				if i < 0 {
					t.Fatalf("%s: generator.yaml lacks %q after offset %d:\n%s", c.reason, w, at, text)
				}
				at += i + len(w)
			}
		})
	}
}
