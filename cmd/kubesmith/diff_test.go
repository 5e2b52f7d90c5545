package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generator/crddiff"
)

// TestDiffAgainstMain runs `kubesmith diff` in a scratch git repository
// whose main holds the real DynamoDB Table CRD, against a working tree
// that changes it: a removed field fails until generator.yaml
// acknowledges it, an added optional field passes.
func TestDiffAgainstMain(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	crdFile := filepath.Join("generated", "dynamodb", "config", "crd", "dynamodb.services.k8s.aws_tables.yaml")
	original, err := os.ReadFile(filepath.Join(root, crdFile))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		reason  string
		edit    func(spec map[string]any)
		config  string // models/dynamodb/generator.yaml in the working tree
		wantErr string // empty: passes
		wantOut string
	}{
		{
			reason:  "a removed field is breaking and fails",
			edit:    func(spec map[string]any) { delete(spec, "billingMode") },
			wantErr: "1 breaking CRD change(s)",
			wantOut: "removed     spec.billingMode  BREAKING",
		},
		{
			reason:  "an acknowledged removal passes",
			edit:    func(spec map[string]any) { delete(spec, "billingMode") },
			config:  "breaking:\n  - {kind: Table, field: spec.billingMode, change: removed, because: DynamoDB dropped it}\n",
			wantOut: "removed     spec.billingMode  breaking, acknowledged",
		},
		{
			reason:  "an acknowledgment without because is refused",
			edit:    func(spec map[string]any) { delete(spec, "billingMode") },
			config:  "breaking:\n  - {kind: Table, field: spec.billingMode, change: removed}\n",
			wantErr: `missing key "because"`,
		},
		{
			reason: "an added optional field passes",
			edit: func(spec map[string]any) {
				spec["streamEnabled"] = map[string]any{"type": "boolean"}
			},
			wantOut: "added       spec.streamEnabled",
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, crdFile), original)
			runIn(t, dir, nil, "git", "init", "-q", "-b", "main")
			runIn(t, dir, nil, "git", "add", ".")
			runIn(t, dir, nil, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base")
			runIn(t, dir, nil, "git", "checkout", "-qb", "change")
			writeFile(t, filepath.Join(dir, crdFile), editSpec(t, original, c.edit))
			if c.config != "" {
				writeFile(t, filepath.Join(dir, "models", "dynamodb", "generator.yaml"), []byte(c.config))
			}
			var out bytes.Buffer
			err := diff(&out, dir, []string{"dynamodb"})
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("diff failed: %v\n%s", err, out.String())
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Errorf("diff error %v, want one containing %q\n%s", err, c.wantErr, out.String())
			}
			if !strings.Contains(out.String(), c.wantOut) {
				t.Errorf("report lacks %q:\n%s", c.wantOut, out.String())
			}
		})
	}
}

// editSpec applies edit to the spec properties of a CRD file.
func editSpec(t *testing.T, data []byte, edit func(map[string]any)) []byte {
	t.Helper()
	var crd map[string]any
	if err := yaml.Unmarshal(data, &crd); err != nil {
		t.Fatal(err)
	}
	schema := crd["spec"].(map[string]any)["versions"].([]any)[0].(map[string]any)["schema"].(map[string]any)
	spec := schema["openAPIV3Schema"].(map[string]any)["properties"].(map[string]any)["spec"].(map[string]any)
	edit(spec["properties"].(map[string]any))
	out, err := yaml.Marshal(crd)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := crddiff.Parse(out, "edited"); err != nil {
		t.Fatal(err)
	}
	return out
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGeneratedServicesSkipsFiles checks that the services diff compares
// are generated/'s folders, now and at the ref, and not files beside them
// such as the project's reference index generated/README.md.
func TestGeneratedServicesSkipsFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "generated", "README.md"), []byte("# index\n"))
	writeFile(t, filepath.Join(dir, "generated", "dynamodb", "README.md"), []byte("# dynamodb\n"))
	runIn(t, dir, nil, "git", "init", "-q", "-b", "main")
	runIn(t, dir, nil, "git", "add", ".")
	runIn(t, dir, nil, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base")
	got, err := generatedServices(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "dynamodb" {
		t.Errorf("generatedServices = %v, want [dynamodb]: a file under generated/ is no service", got)
	}
}
