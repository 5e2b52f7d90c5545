package pipeline

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

func TestLoadModel(t *testing.T) {
	models := fixtureModels(t)
	cases := []struct {
		reason  string
		service string
		wantID  string // SDK ID of the model found, when no error
		wantErr string
	}{
		{reason: "a service is found by its SDK ID", service: "widgets", wantID: "widgets"},
		{reason: "capitals and surrounding space are ignored", service: " Gadgets ", wantID: "gadgets"},
		{reason: "an unknown service suggests the close names", service: "widget", wantErr: `no model for service "widget"`},
		{reason: "the suggestion is phrased as a question", service: "gadgts", wantErr: "did you mean gadgets?"},
		{reason: "a name close to nothing says how many services there are", service: "dynamodb", wantErr: "(2 services)"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := &State{Service: c.service, ModelsDir: models}
			err := loadModel(s)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, c.wantErr)
				}
				if s.Smithy != nil {
					t.Error("a failed load set the model")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.ModelFile.SDKID != c.wantID || s.Smithy == nil {
				t.Fatalf("found %q (model set: %v), want %q", s.ModelFile.SDKID, s.Smithy != nil, c.wantID)
			}
			if _, err := s.Smithy.Service(); err != nil {
				t.Errorf("the loaded model has no service shape: %v", err)
			}
		})
	}
}

func TestLoadModelKeepsAGivenModel(t *testing.T) {
	given := &smithy.Model{}
	s := &State{Service: "widgets", ModelsDir: "/nonexistent", Smithy: given}
	if err := loadModel(s); err != nil {
		t.Fatalf("a given model still read the models folder: %v", err)
	}
	if s.Smithy != given {
		t.Error("a given model was replaced")
	}
}
