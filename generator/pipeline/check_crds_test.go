package pipeline

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestCheckCRDs(t *testing.T) {
	crd, err := os.ReadFile("testdata/golden/widgets/config/crd/widgets.services.k8s.aws_widgets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(crd, []byte("scope: Namespaced")) {
		t.Fatal("the golden CRD no longer says scope: Namespaced; update this test")
	}
	badScope := bytes.Replace(crd, []byte("scope: Namespaced"), []byte("scope: Galactic"), 1)
	cases := []struct {
		reason  string
		files   []emit.File
		wantErr string
	}{
		{reason: "a generated CRD passes", files: []emit.File{{Path: "config/crd/w.yaml", Data: crd}}},
		{reason: "only files under config/crd/ are CRDs", files: []emit.File{{Path: "helm/values.yaml", Data: []byte("not: [a crd")}}},
		{reason: "a CRD the API server would refuse fails, naming the file", files: []emit.File{{Path: "config/crd/ok.yaml", Data: crd}, {Path: "config/crd/bad.yaml", Data: badScope}}, wantErr: "config/crd/bad.yaml"},
		{reason: "an unknown field is refused", files: []emit.File{{Path: "config/crd/extra.yaml", Data: append(bytes.Clone(crd), []byte("surprise: true\n")...)}}, wantErr: "surprise"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			err := checkCRDs(&State{Files: c.files})
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, c.wantErr)
			}
		})
	}
}
