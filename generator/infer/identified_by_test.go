package infer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestIdentifiedBy: a Lambda Version, read by GetFunctionConfiguration and
// deleted by DeleteFunction, is named by the function and the Qualifier,
// which neither requires: identifiedBy ties Qualifier to the status field
// Version, so both calls send it (without it the delete would take the
// whole function); a field that does not exist is an error naming it.
func TestIdentifiedBy(t *testing.T) {
	m, err := smithy.Load(filepath.Join(awsModelsDir(t), "lambda", "service", "2015-03-31", "lambda-2015-03-31.json"))
	if err != nil {
		t.Fatal(err)
	}
	const version = "resources:\n  Version:\n    operations: {create: PublishVersion, read: GetFunctionConfiguration, delete: DeleteFunction, update: none}\n"
	cases := []struct {
		reason, yaml, wantField, wantErr string
	}{
		{"Qualifier is the published Version", version + "    identifiedBy: {Qualifier: Version}\n", "Version", ""},
		{"without identifiedBy the function name alone names it", version, "", ""},
		{"a field of no such name", version + "    identifiedBy: {Qualifier: Number}\n", "", "identifier Qualifier has no spec or status field"},
	}
	for _, c := range cases {
		res, err := Run("lambda", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		field, status := "", false
		for _, id := range resource(t, res, "Version").Identifiers {
			if id.Member == "Qualifier" {
				field, status = id.Field, id.Status
			}
		}
		if field != c.wantField || (c.wantField != "" && !status) {
			t.Errorf("%s: Qualifier held by %q (status %t), want %q in status", c.reason, field, status, c.wantField)
		}
	}
}
