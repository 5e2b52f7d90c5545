package samples

import (
	"os"
	"strings"
	"testing"
)

func gadgetSchema(t *testing.T) map[string]*Schema {
	t.Helper()
	data, err := os.ReadFile("testdata/gadgets-crd.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSchema(data)
	if err != nil {
		t.Fatalf("NewSchema: %v", err)
	}
	return map[string]*Schema{"Gadget": s}
}

// TestCheck checks samples as kubectl apply --validate=strict would: each
// mistake is refused with the file and line, the kind, the object and the
// field at fault.
func TestCheck(t *testing.T) {
	cases := []struct {
		reason string
		file   string
		want   []string // substrings of the error; none means valid
	}{
		{
			reason: "a sample the API server takes passes",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    size: 3\n    mode: fast\n    ports:\n    - {port: 80}\n",
		},
		{
			reason: "a kind without a sample is refused, naming the kind and the file to edit",
			file:   "",
			want:   []string{"samples.yaml: Gadget has no sample: add one under Gadget:"},
		},
		{
			reason: "a sample of a kind the service lacks is refused, with the likely kind",
			file:   "Gadget:\n  metadata: {name: g}\n  spec: {name: one}\nGadgets:\n  metadata: {name: g}\n  spec: {name: one}\n",
			want:   []string{"samples.yaml:4: Gadgets is no kind of this service (did you mean \"Gadget\"?)"},
		},
		{
			reason: "an unknown spec field is refused at its line, with the field likely meant",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    sise: 3\n",
			want:   []string{"samples.yaml:5: Gadget g: spec.sise: unknown field (did you mean \"size\"?); known here: mode, name, ports, size, vpcID, vpcRef"},
		},
		{
			reason: "an unknown field inside a list item is refused at its line",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    ports:\n    - port: 80\n      proto: tcp\n",
			want:   []string{"samples.yaml:7: Gadget g: spec.ports[0].proto: unknown field (did you mean \"protocol\"?)"},
		},
		{
			reason: "a missing required field is refused",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    size: 3\n",
			want:   []string{"samples.yaml:3: Gadget g: spec.name: Required value"},
		},
		{
			reason: "a missing required field of a list item is refused at the item",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    ports:\n    - protocol: tcp\n",
			want:   []string{"samples.yaml:6: Gadget g: spec.ports[0].port: Required value"},
		},
		{
			reason: "a value of the wrong type is refused at its line",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    size: three\n",
			want:   []string{"samples.yaml:5: Gadget g: spec.size: Invalid value: \"string\": spec.size in body must be of type integer: \"string\""},
		},
		{
			reason: "a value outside the enum is refused",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    mode: medium\n",
			want:   []string{"samples.yaml:5: Gadget g: spec.mode: Unsupported value: \"medium\": supported values: \"fast\", \"slow\""},
		},
		{
			reason: "a string longer than maxLength is refused",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: much-too-long-a-name\n",
			want:   []string{"samples.yaml:4: Gadget g: spec.name: Too long: may not be more than 10 bytes"},
		},
		{
			reason: "a broken CEL rule of the CRD is refused, with its message",
			file:   "Gadget:\n  metadata: {name: g}\n  spec:\n    name: one\n    vpcID: vpc-1\n    vpcRef: {from: {name: v}}\n",
			want:   []string{"samples.yaml:3: Gadget g: spec: Invalid value: set at most one of vpcID and vpcRef"},
		},
		{
			reason: "a sample without metadata.name is refused",
			file:   "Gadget:\n  metadata: {labels: {a: b}}\n  spec: {name: one}\n",
			want:   []string{"samples.yaml:2: Gadget (unnamed): metadata.name: required"},
		},
		{
			reason: "a name Kubernetes does not take is refused",
			file:   "Gadget:\n  metadata: {name: My_Gadget}\n  spec: {name: one}\n",
			want:   []string{"samples.yaml:2: Gadget My_Gadget: metadata.name: a lowercase RFC 1123 subdomain"},
		},
		{
			reason: "a key a manifest entry does not have is refused",
			file:   "Gadget:\n  metadata: {name: g}\n  spec: {name: one}\n  apiVersion: v1\n",
			want:   []string{"samples.yaml:4: Gadget: unknown key \"apiVersion\""},
		},
		{
			reason: "every sample of a kind is checked",
			file:   "Gadget:\n- metadata: {name: a}\n  spec: {name: one}\n- metadata: {name: b}\n  spec: {size: 1}\n",
			want:   []string{"samples.yaml:5: Gadget b: spec.name: Required value"},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			f, err := Parse([]byte(c.file), "models/widgets/samples.yaml")
			if err == nil {
				err = f.Check(gadgetSchema(t))
			}
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("%s: want no error, got %v", c.reason, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("%s: want an error, got none", c.reason)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%s:\ngot  %v\nwant it to hold %q", c.reason, err, w)
				}
			}
		})
	}
}
