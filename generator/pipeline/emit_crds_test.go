package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestEmitCRDs(t *testing.T) {
	cases := []struct {
		reason  string
		service string
		want    []string // files added to those of emit_types
	}{
		{reason: "deepcopy and a CRD for the widgets kind", service: "widgets", want: []string{"apis/v1alpha1/zz_generated.deepcopy.go", "config/crd/widgets.services.k8s.aws_widgets.yaml"}},
		{reason: "deepcopy and a CRD for each gadgets kind", service: "gadgets", want: []string{"apis/v1alpha1/zz_generated.deepcopy.go", "config/crd/gadgets.services.k8s.aws_gadgets.yaml", "config/crd/gadgets.services.k8s.aws_snapshots.yaml"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			t.Parallel() // controller-tools takes about half a second a service
			s := fixtureState(t, c.service, "emit_types")
			types := len(s.Files)
			if err := emitCRDs(s); err != nil {
				t.Fatal(err)
			}
			got := paths(s)[types:]
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("added %v, want %v", got, c.want)
			}
			if filepath.Dir(s.Staging) != filepath.Join(s.Root, "generated") || !strings.Contains(filepath.Base(s.Staging), "_staging-"+c.service+"-") {
				t.Errorf("staging folder %s is not generated/_staging-%s-*", s.Staging, c.service)
			}
			// controller-tools read the API types from the staging folder.
			if _, err := os.Stat(filepath.Join(s.Staging, "apis", "v1alpha1", strings.TrimSuffix(c.service, "s")+".go")); err != nil {
				t.Errorf("the API types were not staged: %v", err)
			}
		})
	}
}
