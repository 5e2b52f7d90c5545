package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKindDocColumns checks the mutability, operations and drift columns
// of the widgets fixture's reference doc for each kind of field.
func TestKindDocColumns(t *testing.T) {
	out := generateFixture(t, repoRoot(t), "widgets")
	data, err := os.ReadFile(filepath.Join(out, "docs", "Widget.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := specRows(string(data))
	cases := []struct {
		reason, field, mutability, operations, drift string
	}{
		{"a create-only field the read returns: a different spec is refused",
			"color", "create-only", "create `CreateWidget` (Color), read `DescribeWidget` (Color)", "refused"},
		{"an updatable field the read returns is put back",
			"capacity", "updatable", "create `CreateWidget` (Capacity), update `UpdateWidget` (Capacity), read `DescribeWidget` (Capacity)", "corrected"},
		{"a late-initialized field",
			"priority", "updatable, late-initialized", "create `CreateWidget` (Priority), update `UpdateWidget` (Priority), read `DescribeWidget` (Priority)", "corrected"},
		{"a field the read does not return is compared with what was applied",
			"credentials", "updatable", "create `CreateWidget` (Credentials), update `UpdateWidget` (Credentials)", "not read back"},
		{"a sub-resource has its own put, get and delete",
			"logging", "updatable", "put `PutWidgetLogging`, get `GetWidgetLogging`, delete `DeleteWidgetLogging`", "corrected"},
		{"a keyed collection is listed by key",
			"routes", "updatable", "put `PutWidgetRoute`, list `ListWidgetRoutes` (keyed by RouteId), delete `DeleteWidgetRoute`", "corrected"},
		{"a secret AWS never returns is never compared",
			"adminPassword", "updatable", "create `CreateWidget` (AdminPassword), update `UpdateWidget` (AdminPassword)", "not detected"},
	}
	for _, c := range cases {
		row, ok := rows[c.field]
		if !ok {
			t.Errorf("%s: no row for spec.%s", c.reason, c.field)
			continue
		}
		got := [3]string{row[3], row[4], row[5]}
		if want := [3]string{c.mutability, c.operations, c.drift}; got != want {
			t.Errorf("%s: spec.%s\ngot:  %q\nwant: %q", c.reason, c.field, got, want)
		}
	}
}

// specRows parses the spec table of a kind's doc: its cells by field.
func specRows(doc string) map[string][]string {
	_, table, _ := strings.Cut(doc, "## Spec")
	table, _, _ = strings.Cut(table, "\n\n###")
	rows := map[string][]string{}
	for _, line := range strings.Split(table, "\n") {
		if !strings.HasPrefix(line, "| [`") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(cells[0], "[`"), "`")
		rows[name] = cells
	}
	return rows
}
