package infer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestDeleteFlagValues: deleteFlags takes string members and booleans the
// SDK holds as pointers, and implies ties a flag to other boolean flags;
// a wrong implies is an error naming what is wrong.
func TestDeleteFlagValues(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, ok := smithy.ModelsDir(wd)
	if !ok {
		t.Skip("Smithy models not found: set AWS_MODELS_DIR")
	}
	m, err := smithy.Load(filepath.Join(dir, "rds", "service", "2014-10-31", "rds-2014-10-31.json"))
	if err != nil {
		t.Fatal(err)
	}
	const yaml = "resources:\n  DBInstance:\n    deleteFlags:\n      SkipFinalSnapshot: {annotation: a/skip}\n      FinalDBSnapshotIdentifier: {annotation: a/name, implies: {%s: %q}}\n"
	cases := []struct {
		reason, member, value string
		want                  string // the flags as "member kind implied...", or the error's text
		wantErr               bool
	}{
		{"a name implies no skip", "SkipFinalSnapshot", "false", "FinalDBSnapshotIdentifier string SkipFinalSnapshot=false; SkipFinalSnapshot bool", false},
		{"implies names another delete flag", "DeleteAutomatedBackups", "false",
			"implies DeleteAutomatedBackups, which is no delete flag (they are FinalDBSnapshotIdentifier, SkipFinalSnapshot)", true},
		{"a flag implies nothing of itself", "FinalDBSnapshotIdentifier", "false",
			"implies FinalDBSnapshotIdentifier, which is no other boolean delete flag", true},
		{"the value is true or false", "SkipFinalSnapshot", "no",
			`implies SkipFinalSnapshot "no", which is neither true nor false`, true},
	}
	for _, c := range cases {
		res, err := Run("rds", m, parseConfig(t, fmt.Sprintf(yaml, c.member, c.value)), Options{Only: "DBInstance"})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		var got []string
		for _, f := range resource(t, res, "DBInstance").DeleteFlags {
			s := f.Member + " bool"
			if f.String {
				s = f.Member + " string"
			}
			for _, imp := range f.Implies {
				s += fmt.Sprintf(" %s=%t", imp.Member, imp.Value)
			}
			got = append(got, s)
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%s: flags %q, want %q", c.reason, strings.Join(got, "; "), c.want)
		}
	}
}
