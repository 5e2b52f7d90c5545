package samples

import (
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

// GapsDir is the folder, under samples/, of the samples of kinds the
// end-to-end tests' emulator cannot run: `kubectl apply -f samples/`
// does not descend into it.
const GapsDir = "emulator-gaps"

// FileName is where a kind's samples go, under samples/.
func (k *Kind) FileName() string {
	name := strings.ToLower(k.Name) + ".yaml"
	if k.EmulatorGap != "" {
		return GapsDir + "/" + name
	}
	return name
}

// Render writes a kind's samples as manifests, after a header comment
// (header, then how to apply them); service names the folder.
func (k *Kind) Render(s *Schema, header, service, source string) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n# Sample %s, from %s, checked against the %s CRD when generated.\n", header, k.Name, source, k.Name)
	if k.EmulatorGap == "" {
		fmt.Fprintf(&b, "# The samples of generated/%s/samples/ name each other and make a small working stack;\n"+
			"# apply them together:\n#   kubectl apply --validate=strict -f generated/%s/samples/\n"+
			"# tests/e2e/%s/samples_test.go applies them so, against the AWS emulator.\n", service, service, service)
	} else {
		fmt.Fprintf(&b, "# The end-to-end tests' emulator cannot run a %s (%s), so no test applies this sample;\n"+
			"# it is kept out of generated/%s/samples/ so that the folder applies cleanly. Against AWS:\n"+
			"#   kubectl apply --validate=strict -f generated/%s/samples/%s\n", k.Name, k.EmulatorGap, service, service, k.FileName())
	}
	for _, o := range k.Objects {
		data, err := yaml.Marshal(s.Manifest(o))
		if err != nil {
			return nil, fmt.Errorf("sample %s %s: %w", k.Name, o.Name, err)
		}
		b.WriteString("---\n")
		b.Write(data)
	}
	return []byte(b.String()), nil
}
