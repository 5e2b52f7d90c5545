package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

func TestLoadConfig(t *testing.T) {
	cases := []struct {
		reason   string
		yaml     *string // content of models/svc/generator.yaml; nil for no file
		given    *State  // fields set by the caller
		wantErr  string
		notExist bool // the error wraps fs.ErrNotExist
		wantRead bool // s.Config is set from the file
	}{
		{reason: "a missing generator.yaml is an error naming its path", wantErr: filepath.Join("models", "svc", "generator.yaml"), notExist: true},
		{reason: "a valid generator.yaml is read", yaml: ptr("resources:\n  Widget: {}\n"), wantRead: true},
		{reason: "an unknown key is rejected, not ignored", yaml: ptr("resources:\n  Widget: {}\nresourcez: {}\n"), wantErr: "resourcez"},
		{reason: "an empty generator.yaml is refused, not a controller with no kinds", yaml: ptr(""),
			wantErr: filepath.Join("models", "svc", "generator.yaml") + ": names no resource to generate"},
		{reason: "a generator.yaml of shapes alone is refused too", yaml: ptr("shapes:\n  Tag: {}\n"), wantErr: "names no resource to generate"},
		{reason: "a config given by the caller is used as is", given: &State{Config: config.Empty("given")}},
		{reason: "a model given by the caller needs no config", given: &State{Model: &model.Service{}}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			root := t.TempDir()
			if c.yaml != nil {
				p := filepath.Join(root, "models", "svc", "generator.yaml")
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(*c.yaml), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s := &State{}
			if c.given != nil {
				s = c.given
			}
			s.Service, s.Root = "svc", root
			before := s.Config
			// A readable file's mistakes are handed on, for inference to
			// report with its own.
			err := errors.Join(loadConfig(s), s.configErr)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, c.wantErr)
				}
				if c.notExist && !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("error %v does not say the file does not exist", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.wantRead {
				if s.Config == nil || len(s.Config.Resources) != 1 {
					t.Fatalf("config not read: %+v", s.Config)
				}
			} else if s.Config != before {
				t.Error("the caller's config or model was overridden by the file")
			}
		})
	}
}

func ptr(s string) *string { return &s }

// TestConfigAndModelMistakes checks that one run reports the mistakes
// generator.yaml shows on its own with those only the model shows.
func TestConfigAndModelMistakes(t *testing.T) {
	s := fixtureState(t, "widgets", "load_model")
	s.Root, s.Config = t.TempDir(), nil
	p := filepath.Join(s.Root, "models", "widgets", "generator.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("resources:\n  Widget:\n    sortNames: [w]\n  Widgit: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Infer(s)
	for _, want := range []string{
		`generator.yaml:3: unknown key "sortNames" in a resource entry (did you mean "shortNames"?)`,
		`generator.yaml:4: no resource Widgit in the widgets model (did you mean "Widget"?)`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v\nwant it to include %q", err, want)
		}
	}
}
