package pipeline

import (
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
	"github.com/kubesmith/kubesmith/generator/model"
)

func TestPrepareEmit(t *testing.T) {
	cases := []struct {
		reason    string
		goPackage string
		want      string // the API package the emitters import
	}{
		{reason: "output under generated/ uses the repository's import path", want: emit.GeneratedRoot + "/widgets/apis/v1alpha1"},
		{reason: "output elsewhere uses the import path it is given", goPackage: "example.com/out/widgets", want: "example.com/out/widgets/apis/v1alpha1"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := &State{Service: "widgets", GoPackage: c.goPackage, Model: &model.Service{Name: "widgets", Version: "v1alpha1"}}
			if err := prepareEmit(s); err != nil {
				t.Fatal(err)
			}
			if s.Gen == nil {
				t.Fatal("no emitter set")
			}
			if got := s.Gen.APIPackage(); got != c.want {
				t.Errorf("API package %q, want %q", got, c.want)
			}
		})
	}
}
