package names_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// irregularCreate names the create operation of the incumbent's kinds that
// are not made by Create<Kind>; each is declared with operation_type Create
// in reference/ack-config/<service>/generator.yaml.
var irregularCreate = map[string]string{
	"eks IdentityProviderConfig": "AssociateIdentityProviderConfig",
	"lambda LayerVersion":        "PublishLayerVersion",
	"lambda Version":             "PublishVersion",
	"sns Subscription":           "Subscribe",
}

// minNamingShare is the acceptance bar: the share of the incumbent's spec
// fields, matched to a create-input member, that names.JSON spells the same.
const minNamingShare = 98.0

// TestIncumbentFieldNames compares names.JSON with the incumbent's
// top-level spec field names, kind by kind, over every incumbent CRD whose
// service model is present.
func TestIncumbentFieldNames(t *testing.T) {
	shared := findShared(t)
	modelsDir := os.Getenv("AWS_MODELS_DIR")
	if modelsDir == "" {
		modelsDir = filepath.Join(shared, "aws-models")
	}
	models, err := smithy.FindModels(modelsDir)
	if err != nil {
		t.Skipf("no models: %v", err)
	}
	crdRoot := filepath.Join(shared, "reference", "ack-crds")
	services, err := os.ReadDir(crdRoot)
	if err != nil {
		t.Fatal(err)
	}

	var kinds, matched, same, allFields, inUntuned int
	var misses []string
	for _, svc := range services {
		mf, ok := modelFor(svc.Name(), models)
		if !ok {
			t.Logf("%s: no model under %s, skipped", svc.Name(), modelsDir)
			continue
		}
		m, err := smithy.Load(mf.Path)
		if err != nil {
			t.Fatal(err)
		}
		files, err := filepath.Glob(filepath.Join(crdRoot, svc.Name(), "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			kind, fields := readCRD(t, f)
			input, found, err := createInput(m, svc.Name(), kind)
			if err != nil {
				t.Errorf("%s %s: %v", svc.Name(), kind, err)
				continue
			}
			if !found {
				t.Logf("%s %s: no Create%s in %s (the model predates the kind), skipped", svc.Name(), kind, kind, filepath.Base(mf.Path))
				continue
			}
			kinds++
			byLower := map[string]*smithy.Member{}
			untuned := map[string]bool{}
			for _, mem := range input.Members {
				byLower[strings.ToLower(mem.Name)] = mem
				if !mem.Traits.IdempotencyToken {
					untuned[names.JSON(mem.Name)] = true
				}
			}
			for _, field := range fields {
				allFields++
				if untuned[field] {
					inUntuned++
				}
				mem := byLower[strings.ToLower(field)]
				if mem == nil {
					continue // renamed or unpacked by the incumbent's config
				}
				matched++
				if got := names.JSON(mem.Name); got == field {
					same++
				} else {
					misses = append(misses, fmt.Sprintf("%s %s: %s -> %s vs %s", svc.Name(), kind, mem.Name, got, field))
				}
			}
		}
	}
	if matched == 0 {
		t.Skip("no incumbent field matched a model member")
	}
	share := 100 * float64(same) / float64(matched)
	t.Logf("naming: %d/%d (%.1f%%) incumbent spec fields named identically (%d kinds)", same, matched, share, kinds)
	for _, miss := range misses {
		t.Logf("  miss: %s", miss)
	}
	t.Logf("untuned spec: %d/%d (%.1f%%) of all incumbent top-level spec fields appear with the same name",
		inUntuned, allFields, 100*float64(inUntuned)/float64(allFields))
	if share < minNamingShare {
		t.Errorf("naming share %.1f%% is below %.0f%%", share, minNamingShare)
	}
}

// findShared walks up from the working directory to the shared/ folder
// that holds the incumbent's reference data.
func findShared(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		shared := filepath.Join(dir, "shared")
		if _, err := os.Stat(filepath.Join(shared, "reference", "ack-crds")); err == nil {
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no shared/reference/ack-crds above the working directory")
		}
		dir = parent
	}
}

// modelFor finds a service's model: the incumbent writes SDK IDs without
// hyphens ("cloudwatchlogs" is cloudwatch-logs).
func modelFor(service string, models []smithy.ModelFile) (smithy.ModelFile, bool) {
	i := slices.IndexFunc(models, func(mf smithy.ModelFile) bool {
		return strings.ReplaceAll(mf.SDKID, "-", "") == service
	})
	if i < 0 {
		return smithy.ModelFile{}, false
	}
	return models[i], true
}

// readCRD returns a CRD's kind and its top-level spec property names, sorted.
func readCRD(t *testing.T, path string) (string, []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var crd struct {
		Spec struct {
			Names    struct{ Kind string }
			Versions []struct {
				Schema struct {
					OpenAPIV3Schema struct {
						Properties struct {
							Spec struct {
								Properties map[string]yaml.Node
							}
						}
					} `yaml:"openAPIV3Schema"`
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &crd); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if crd.Spec.Names.Kind == "" || len(crd.Spec.Versions) != 1 {
		t.Fatalf("%s: want a kind and exactly one version", path)
	}
	var fields []string
	for name := range crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties.Spec.Properties {
		fields = append(fields, name)
	}
	slices.Sort(fields)
	return crd.Spec.Names.Kind, fields
}

// createInput returns the input structure of a kind's create operation;
// found is false when the model has no Create<Kind>, as a local model can
// predate a kind. A missing irregular operation is an error: the table is wrong.
// Operation names are compared case-insensitively: the incumbent writes
// kinds with its own initialisms (FunctionURLConfig, CreateFunctionUrlConfig).
func createInput(m *smithy.Model, service, kind string) (input *smithy.Shape, found bool, err error) {
	opName, irregular := irregularCreate[service+" "+kind]
	if !irregular {
		opName = "Create" + kind
	}
	for _, s := range m.Shapes {
		if s.Type != smithy.TypeOperation || !strings.EqualFold(s.ID.Name(), opName) {
			continue
		}
		input, ok := m.Shape(s.Input)
		if !ok {
			return nil, false, fmt.Errorf("%s has no input", s.ID)
		}
		return input, true, nil
	}
	if irregular {
		return nil, false, fmt.Errorf("no operation %s in the model", opName)
	}
	return nil, false, nil
}
