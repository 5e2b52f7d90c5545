package pipeline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestEmitHelm(t *testing.T) {
	cases := []struct {
		reason   string
		crds     []emit.File
		wantCRDs []string // helm/crds files
	}{
		{reason: "a chart without CRDs still has its templates"},
		{
			reason:   "each config/crd file is copied into the chart's crds folder",
			crds:     []emit.File{{Path: "config/crd/a.yaml", Data: []byte("a: 1\n")}, {Path: "config/crd/b.yaml", Data: []byte("b: 2\n")}},
			wantCRDs: []string{"helm/crds/a.yaml", "helm/crds/b.yaml"},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, "widgets", "prepare_emit")
			s.Files = append(s.Files, c.crds...)
			if err := emitHelm(s); err != nil {
				t.Fatal(err)
			}
			byPath := map[string][]byte{}
			var crds []string
			for _, f := range s.Files[len(c.crds):] {
				if !strings.HasPrefix(f.Path, "helm/") {
					t.Errorf("%s is outside helm/", f.Path)
				}
				if strings.HasPrefix(f.Path, "helm/crds/") {
					crds = append(crds, f.Path)
				}
				byPath[f.Path] = f.Data
			}
			if strings.Join(crds, " ") != strings.Join(c.wantCRDs, " ") {
				t.Errorf("chart CRDs %v, want %v", crds, c.wantCRDs)
			}
			for _, crd := range c.crds {
				if got := byPath["helm/crds/"+strings.TrimPrefix(crd.Path, "config/crd/")]; !bytes.HasSuffix(got, crd.Data) {
					t.Errorf("%s copied as %q, want it to end in %q", crd.Path, got, crd.Data)
				}
			}
			for _, want := range []string{"helm/Chart.yaml", "helm/values.yaml", "helm/templates/deployment.yaml"} {
				if byPath[want] == nil {
					t.Errorf("%s not emitted", want)
				}
			}
			if !bytes.Contains(byPath["helm/values.yaml"], []byte("kubesmith/widgets-controller")) {
				t.Errorf("values.yaml does not name the widgets controller image:\n%s", byPath["helm/values.yaml"])
			}
		})
	}
}
