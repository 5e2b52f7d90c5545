package pipeline

import (
	"errors"
	"regexp"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

// TestRunStage checks that a stage's error or panic comes back as an error
// naming the service, the stage and, for a panic, what was being emitted
// and where the generator panicked.
func TestRunStage(t *testing.T) {
	cases := []struct {
		reason string
		run    func(*State) error
		want   string // a regular expression matching the whole error
	}{
		{"an error names service and stage",
			func(*State) error { return errors.New("bad") },
			`^svc: boom: bad$`},
		{"a panic becomes an error with the place it was raised",
			func(*State) error {
				var m map[string]bool
				m["x"] = true
				return nil
			},
			`^svc: boom: panic: assignment to entry in nil map \(at pipeline_test\.go:\d+\)$`},
		{"a panic names the kind being emitted",
			func(s *State) error {
				s.Kind = "Table"
				var f *emit.File
				_ = f.Path
				return nil
			},
			`^svc: boom: panic while emitting kind Table: runtime error: invalid memory address or nil pointer dereference \(at pipeline_test\.go:\d+\)$`},
		{"a panic names the shape an emitter names",
			func(s *State) error {
				s.Kind = "Table"
				panic(&emit.ShapePanic{Shape: "Tag", Value: "no key member"})
			},
			`^svc: boom: panic while emitting kind Table, shape Tag: no key member \(at pipeline_test\.go:\d+\)$`},
	}
	for _, c := range cases {
		s := &State{Service: "svc"}
		err := runStage(s, Stage{ID: "boom", Run: c.run})
		if err == nil || !regexp.MustCompile(c.want).MatchString(err.Error()) {
			t.Errorf("%s: got %v, want %s", c.reason, err, c.want)
		}
	}
}
