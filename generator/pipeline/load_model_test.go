package pipeline

import (
	"path/filepath"
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

// TestLoadModelFormat checks which format a service is read from.
func TestLoadModelFormat(t *testing.T) {
	dirs := ModelDirs{Smithy: fixtureModels(t), AWSJSON: filepath.Join("..", "awsjson", "testdata")}
	cases := []struct {
		reason, service, format string
		want, wantErr           string // the format read, or the error
	}{
		{"a service in both is read from Smithy", "widgets", "", FormatSmithy, ""},
		{"a service only the AWS JSON models have is read from them", "things-test", "", FormatAWSJSON, ""},
		{"modelFormat smithy does not fall back", "things-test", FormatSmithy, "", `no model for service "things-test"`},
		{"modelFormat awsjson reads only that format", "widgets", FormatAWSJSON, "", `no AWS JSON model for service "widgets"`},
		{"a service in neither names both folders", "nothing", "", "", "nor is it under " + dirs.AWSJSON},
		{"an unknown format is named", "things-test", "cbor", "", `unknown model format "cbor"`},
	}
	for _, c := range cases {
		_, got, m, err := LoadModel(dirs, c.service, c.format)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: got error %v, want %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want || m == nil {
			t.Errorf("%s: got format %q, error %v; want %q", c.reason, got, err, c.want)
		}
	}
	if _, _, _, err := LoadModel(ModelDirs{Smithy: dirs.Smithy}, "things-test", FormatAWSJSON); err == nil || !strings.Contains(err.Error(), "set AWS_JSON_MODELS_DIR") {
		t.Errorf("modelFormat awsjson without AWS JSON models: got %v, want it to say what to set", err)
	}
}
