package smithy

import (
	"path/filepath"
	"testing"
)

// loadFixture loads testdata/name, failing the test on error.
func loadFixture(t testing.TB, name string) *Model {
	t.Helper()
	m, err := Load(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("Load(%s): %v", name, err)
	}
	return m
}

// mustShape returns the shape id of m, failing the test when it is missing.
func mustShape(t testing.TB, m *Model, id ShapeID) *Shape {
	t.Helper()
	s, ok := m.Shape(id)
	if !ok {
		t.Fatalf("shape %s not found", id)
	}
	return s
}

// mustMember returns a member of shape id, failing the test when it is missing.
func mustMember(t testing.TB, m *Model, id ShapeID, name string) *Member {
	t.Helper()
	mem := mustShape(t, m, id).MemberByName(name)
	if mem == nil {
		t.Fatalf("shape %s has no member %q", id, name)
	}
	return mem
}

// memberNames lists the names of members in order.
func memberNames(members []*Member) []string {
	names := []string{}
	for _, m := range members {
		names = append(names, m.Name)
	}
	return names
}

func ptr[T any](v T) *T { return &v }
