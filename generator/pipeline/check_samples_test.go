package pipeline

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/samples"
)

// TestCheckSamples runs the check_samples stage on the widgets fixture:
// a kind without a sample stops generation, naming the kind and the file;
// a broken sample names the field; a good one is written to
// samples/<kind>.yaml, or apart in samples/emulator-gaps/ when the
// emulator cannot run the kind, and the README links it.
func TestCheckSamples(t *testing.T) {
	cases := []struct {
		reason    string
		file      string
		wantErr   string
		wantPath  string
		wantInRdm []string
	}{
		{
			reason:  "a kind without a sample is an error naming the kind and the file to edit",
			file:    "",
			wantErr: "models/widgets/samples.yaml: Widget has no sample: add one under Widget:",
		},
		{
			reason:  "a sample the CRD refuses is an error naming the line and field",
			file:    "Widget:\n  metadata: {name: w}\n  spec:\n    widgetNam: one\n",
			wantErr: "models/widgets/samples.yaml:4: Widget w: spec.widgetNam: unknown field (did you mean \"widgetName\"?)",
		},
		{
			reason:    "a good sample is written as a manifest with how to apply it, and the README links it",
			file:      "Widget:\n  metadata: {name: w}\n  spec: {widgetName: one}\n",
			wantPath:  "samples/widget.yaml",
			wantInRdm: []string{"Sample: [`samples/widget.yaml`](samples/widget.yaml)"},
		},
		{
			reason:   "the sample of a kind the emulator cannot run goes apart, and the README's gaps name the kind",
			file:     "Widget:\n  metadata: {name: w}\n  spec: {widgetName: one}\n  emulatorGap: moto has no widgets\n",
			wantPath: "samples/emulator-gaps/widget.yaml",
			wantInRdm: []string{
				"Sample: [`samples/emulator-gaps/widget.yaml`](samples/emulator-gaps/widget.yaml)",
				"- Widget (the whole kind): moto has no widgets",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, "widgets", "check_crds")
			smp, err := samples.Parse([]byte(c.file), "models/widgets/samples.yaml")
			if err != nil {
				t.Fatal(err)
			}
			s.Samples = smp
			err = checkSamples(s)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("%s:\ngot  %v\nwant %q", c.reason, err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", c.reason, err)
			}
			written := string(s.fileData(c.wantPath))
			if !strings.Contains(written, "apiVersion: widgets.services.k8s.aws/v1alpha1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  widgetName: one\n") ||
				!strings.Contains(written, "kubectl apply --validate=strict -f generated/widgets/samples/") {
				t.Errorf("%s: %s holds\n%s", c.reason, c.wantPath, written)
			}
			if err := emitReadme(s); err != nil {
				t.Fatal(err)
			}
			readme := string(s.fileData("README.md"))
			for _, w := range c.wantInRdm {
				if !strings.Contains(readme, w) {
					t.Errorf("%s: the README lacks %q:\n%s", c.reason, w, readme)
				}
			}
		})
	}
}
