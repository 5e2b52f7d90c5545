package conditions

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// reasonPattern is metav1.Condition's validation of a reason.
var reasonPattern = regexp.MustCompile(`^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$`)

func TestReason(t *testing.T) {
	cases := map[string]struct {
		reason string
		in     string
		want   string
	}{
		"Plain":      {reason: "A valid reason is kept.", in: "ValidationException", want: "ValidationException"},
		"Dotted":     {reason: "AWS codes with a dot (KMS, EC2) become valid.", in: "KMS.DisabledException", want: "KMS_DisabledException"},
		"Dashed":     {reason: "Dashes and spaces are replaced.", in: "Invalid-Param value", want: "Invalid_Param_value"},
		"Digit":      {reason: "A reason starts with a letter.", in: "404NotFound", want: "NotFound"},
		"TrailColon": {reason: "A reason does not end in a colon or comma.", in: "Bad:,", want: "Bad"},
		"Empty":      {reason: "No letter at all still gives a valid reason.", in: "...", want: "Error"},
		"Long":       {reason: "A reason longer than 1024 characters is cut.", in: strings.Repeat("A", 2000), want: strings.Repeat("A", 1024)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := Reason(tc.in)
			if got != tc.want {
				t.Errorf("%s\nReason(%q) = %q, want %q", tc.reason, tc.in, got, tc.want)
			}
			if !reasonPattern.MatchString(got) {
				t.Errorf("%s\nReason(%q) = %q, which the API server refuses", tc.reason, tc.in, got)
			}
		})
	}
}

func TestMessage(t *testing.T) {
	cases := map[string]struct {
		reason string
		in     string
		cut    bool
	}{
		"Short":     {reason: "A message within the limit is kept.", in: "DynamoDB CreateTable: ValidationException: bad"},
		"AtLimit":   {reason: "A message of exactly 32768 bytes is kept.", in: strings.Repeat("x", 32768)},
		"Long":      {reason: "A longer message is cut and says so.", in: strings.Repeat("x", 40000), cut: true},
		"Multibyte": {reason: "A cut never splits a character.", in: strings.Repeat("é", 20000), cut: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := Message(tc.in)
			if len(got) > 32768 || !utf8.ValidString(got) {
				t.Errorf("%s\nMessage is %d bytes, valid UTF-8 %v", tc.reason, len(got), utf8.ValidString(got))
			}
			if tc.cut != (got != tc.in) {
				t.Errorf("%s\ncut = %v, want %v", tc.reason, got != tc.in, tc.cut)
			}
			if tc.cut && !strings.HasSuffix(got, "(truncated)") {
				t.Errorf("%s\na cut message does not say so: ...%q", tc.reason, got[len(got)-20:])
			}
		})
	}
}

func TestSetKeepsTerminalFirst(t *testing.T) {
	conds := []metav1.Condition{}
	Set(&conds, 1, Synced, true, "Synced", "in sync")
	Set(&conds, 1, Ready, true, "Available", "available")
	Set(&conds, 2, Terminal, true, "ValidationException", "bad")
	Set(&conds, 2, Ready, false, "ValidationException", "bad")
	var types []string
	for _, c := range conds {
		types = append(types, c.Type)
	}
	if got := strings.Join(types, ","); got != "ACK.Terminal,ACK.ResourceSynced,Ready" {
		t.Errorf("order %s: ACK.Terminal must come before Ready, which Argo CD would read first", got)
	}
}

func TestAdvance(t *testing.T) {
	conds := []metav1.Condition{
		{Type: Ready, ObservedGeneration: 1},
		{Type: ReferencesResolved, ObservedGeneration: 1},
		{Type: LateInitialized, ObservedGeneration: 3},
	}
	Advance(conds, 1, 2)
	for _, c := range []struct {
		reason string
		i      int
		want   int64
	}{
		{"a condition of the old generation moves to the new one", 0, 2},
		{"every one of them does", 1, 2},
		{"a condition of another generation stays", 2, 3},
	} {
		if got := conds[c.i].ObservedGeneration; got != c.want {
			t.Errorf("%s: %s at generation %d, want %d", c.reason, conds[c.i].Type, got, c.want)
		}
	}
}
