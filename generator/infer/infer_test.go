package infer

import (
	"regexp"
	"testing"
)

// TestRunStageRecovers checks that a panic in an inference stage comes
// back as an error saying where it was raised, not a crash of list or
// explain.
func TestRunStageRecovers(t *testing.T) {
	err := runStage(&state{}, Stage{ID: "boom", Run: func(st *state) error {
		_ = st.service.ID // nil: no stage set it
		return nil
	}})
	want := `^panic: runtime error: invalid memory address or nil pointer dereference \(at infer_test\.go:\d+\)$`
	if err == nil || !regexp.MustCompile(want).MatchString(err.Error()) {
		t.Errorf("got %v, want %s", err, want)
	}
}
