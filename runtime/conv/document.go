package conv

import (
	"bytes"
	"encoding/json"

	smithydocument "github.com/aws/smithy-go/document"
	kruntime "k8s.io/apimachinery/pkg/runtime"
)

// Smithy documents are free-form JSON. The custom resource holds them as
// raw JSON (runtime.RawExtension); the SDK as its service's
// document.Interface, which generated code builds with the service's own
// document.NewLazyDocument, passed here as lazy.

// ToDocument converts raw JSON to an SDK document; nil when unset or not
// JSON (the API server accepts only JSON, so that is unset in practice).
func ToDocument[D any](raw *kruntime.RawExtension, lazy func(any) D) D {
	var zero D
	if raw == nil || len(bytes.TrimSpace(raw.Raw)) == 0 {
		return zero
	}
	dec := json.NewDecoder(bytes.NewReader(raw.Raw))
	// Numbers stay exact: the document encoder writes a document.Number
	// as given, where a float64 would round a large integer.
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return zero
	}
	return lazy(documentNumbers(v))
}

// documentNumbers turns json.Number, which the document encoder would
// write as a string, into document.Number.
func documentNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		return smithydocument.Number(x)
	case map[string]any:
		for k, e := range x {
			x[k] = documentNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = documentNumbers(e)
		}
	}
	return v
}

// FromDocument converts an SDK document to raw JSON; nil when AWS
// returned none, or one that does not encode as JSON.
func FromDocument(doc smithydocument.Marshaler) *kruntime.RawExtension {
	if doc == nil {
		return nil
	}
	data, err := doc.MarshalSmithyDocument()
	if err != nil || len(data) == 0 || string(data) == "null" {
		return nil
	}
	return &kruntime.RawExtension{Raw: data}
}

// FromDocumentValue is FromDocument for an element of a list or map.
func FromDocumentValue(doc smithydocument.Marshaler) kruntime.RawExtension {
	if raw := FromDocument(doc); raw != nil {
		return *raw
	}
	return kruntime.RawExtension{Raw: []byte("null")}
}
