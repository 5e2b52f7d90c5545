package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// loadSecretsManager loads the Secrets Manager model, or skips.
func loadSecretsManager(t *testing.T) *smithy.Model {
	t.Helper()
	mf, err := smithy.FindModel(awsModelsDir(t), "secretsmanager")
	if err != nil {
		t.Skip(err)
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSecretTagsAndGone: Secrets Manager's TagResource and UntagResource
// take SecretId, not an ARN, and DescribeSecret returns the tags, so the
// tags are updatable through them; goneWhenSet names a status field, and a
// wrong name is an error with the likely one.
func TestSecretTagsAndGone(t *testing.T) {
	m := loadSecretsManager(t)
	cases := []struct {
		reason, yaml string
		wantErr      string
	}{
		{"DeletedDate is a status field", "resources:\n  Secret:\n    goneWhenSet: [DeletedDate]\n", ""},
		{"a misspelt field is named, with the likely one", "resources:\n  Secret:\n    goneWhenSet: [DeleteDate]\n",
			"Secret has no status field DeleteDate (did you mean DeletedDate?)"},
		{"a spec field is no sign of deletion", "resources:\n  Secret:\n    goneWhenSet: [Description]\n",
			"Secret has no status field Description"},
	}
	for _, c := range cases {
		res, err := Run("secretsmanager", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, "Secret")
		if len(r.GoneWhenSet) != 1 || r.GoneWhenSet[0] != "DeletedDate" {
			t.Errorf("%s: goneWhenSet %v, want [DeletedDate]", c.reason, r.GoneWhenSet)
		}
		api := r.Tags.API
		if api == nil || !api.FromRead || api.Tag.Name != "TagResource" || api.Untag.Name != "UntagResource" || api.List != nil || api.ListMember != "Tags" {
			t.Fatalf("%s: tag API %+v, want TagResource and UntagResource by identifier, tags read by DescribeSecret", c.reason, api)
		}
		if f := field(r, "Tags"); f == nil || f.CreateOnly || !f.Updatable {
			t.Errorf("%s: tags field %+v, want updatable", c.reason, f)
		}
	}
}
