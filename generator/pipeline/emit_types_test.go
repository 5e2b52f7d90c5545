package pipeline

import (
	"bytes"
	"slices"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestEmitTypes(t *testing.T) {
	cases := []struct {
		reason  string
		service string
		want    []string
	}{
		{reason: "an awsJson1_1 service gets one file per kind beside the shared types", service: "widgets", want: []string{"apis/v1alpha1/groupversion_info.go", "apis/v1alpha1/types.go", "apis/v1alpha1/widget.go"}},
		{reason: "a restJson1 service gets the same layout", service: "gadgets", want: []string{"apis/v1alpha1/gadget.go", "apis/v1alpha1/groupversion_info.go", "apis/v1alpha1/snapshot.go", "apis/v1alpha1/types.go"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, c.service, "prepare_emit")
			earlier := emit.File{Path: "earlier/file", Data: []byte("kept")}
			s.Files = []emit.File{earlier}
			if err := emitTypes(s); err != nil {
				t.Fatal(err)
			}
			if s.Files[0].Path != earlier.Path {
				t.Errorf("earlier files were dropped: %v", paths(s))
			}
			got := paths(s)[1:]
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("emitted %v, want %v", got, c.want)
			}
			for _, f := range s.Files[1:] {
				if !bytes.Contains(f.Data, []byte("package v1alpha1")) {
					t.Errorf("%s is not in package v1alpha1", f.Path)
				}
			}
		})
	}
}
