package conv

import (
	"strings"
	"testing"

	smithydocumentjson "github.com/aws/smithy-go/document/json"
	kruntime "k8s.io/apimachinery/pkg/runtime"
)

// lazyDoc is what a service's document.NewLazyDocument returns: a value
// that the smithy JSON encoder writes out when the request is sent.
type lazyDoc struct{ v any }

func (d lazyDoc) MarshalSmithyDocument() ([]byte, error) {
	return smithydocumentjson.NewEncoder().Encode(d.v)
}

func newLazy(v any) *lazyDoc { return &lazyDoc{v} }

func TestDocumentRoundTrip(t *testing.T) {
	cases := []struct {
		reason string
		raw    *kruntime.RawExtension
		want   string // the JSON AWS would receive; "" for no document
	}{
		{"unset sends no document", nil, ""},
		{"empty raw JSON sends no document", &kruntime.RawExtension{}, ""},
		{"an object keeps its keys, nesting and scalars", &kruntime.RawExtension{Raw: []byte(`{"b":[true,null,"x"],"a":{"c":1.5}}`)}, `{"a":{"c":1.5},"b":[true,null,"x"]}`},
		{"a large integer stays exact, not rounded through float64", &kruntime.RawExtension{Raw: []byte(`{"n":12345678901234567890}`)}, `{"n":12345678901234567890}`},
		{"a bare scalar is a document too", &kruntime.RawExtension{Raw: []byte(`"text"`)}, `"text"`},
	}
	for _, c := range cases {
		doc := ToDocument(c.raw, newLazy)
		if c.want == "" {
			if doc != nil {
				t.Errorf("%s: got a document %v", c.reason, doc.v)
			}
			continue
		}
		if doc == nil {
			t.Errorf("%s: no document", c.reason)
			continue
		}
		back := FromDocument(doc)
		if back == nil || strings.TrimSpace(string(back.Raw)) != c.want {
			t.Errorf("%s: AWS receives %v, want %s", c.reason, back, c.want)
		}
	}
	if FromDocument(nil) != nil {
		t.Errorf("no document from AWS is an unset field")
	}
	if got := string(FromDocumentValue(nil).Raw); got != "null" {
		t.Errorf("a missing element of a list is JSON null, got %q", got)
	}
}
