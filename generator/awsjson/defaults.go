package awsjson

import (
	"encoding/json"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// BorrowDefaults copies the @default and @box traits of ref, the Smithy
// model of the same service, onto the members and shapes of m, converted
// from the AWS JSON format, that have the same IDs and none of their own.
// The AWS JSON format has no defaults, but aws-sdk-go-v2 is generated from
// the Smithy model and holds a boolean or number with a zero default as a
// value (ECR's ImageScanningConfiguration.ScanOnPush is a bool): without
// them, the generated Go would take a pointer where the SDK has a value.
// Members the Smithy copy lacks (added since) keep the pointer.
func BorrowDefaults(m, ref *smithy.Model) {
	for id, s := range m.Shapes {
		r, ok := ref.Shapes[id]
		if !ok || r.Type != s.Type {
			continue
		}
		borrow(&s.Traits, &r.Traits)
		for _, mem := range s.Members {
			for _, rm := range r.Members {
				if rm.Name == mem.Name {
					borrow(&mem.Traits, &rm.Traits)
				}
			}
		}
	}
}

// borrow copies the traits that decide a value's nullability.
func borrow(t, ref *smithy.Traits) {
	if t.Default == nil && ref.Default != nil {
		t.Default = ref.Default
		if raw, ok := ref.Raw["smithy.api#default"]; ok {
			if t.Raw == nil {
				t.Raw = map[string]json.RawMessage{}
			}
			t.Raw["smithy.api#default"] = raw
		}
	}
	t.Box = t.Box || ref.Box
}
