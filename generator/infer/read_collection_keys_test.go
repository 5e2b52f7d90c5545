package infer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
)

// runEntryGadgets infers testdata/gadgets with entries like a network
// ACL's: CreateGadgetEntry makes one {Number, Egress, Cidr},
// DeleteGadgetEntry names it by Number and Egress alone, and
// DescribeGadgets returns them as Gadget.Entries.
func runEntryGadgets(t *testing.T, yaml string) (*Result, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "gadgets", "2020-01-01", "service-2.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	ops, shapes := doc["operations"].(map[string]any), doc["shapes"].(map[string]any)
	shapes["Integer"] = map[string]any{"type": "integer"}
	entry := map[string]any{"Number": map[string]any{"shape": "Integer"}, "Egress": map[string]any{"shape": "Boolean"}, "Cidr": map[string]any{"shape": "String"}}
	shapes["Entry"] = map[string]any{"type": "structure", "members": entry}
	shapes["EntryList"] = map[string]any{"type": "list", "member": map[string]any{"shape": "Entry", "locationName": "item"}}
	shapes["Gadget"].(map[string]any)["members"].(map[string]any)["Entries"] = map[string]any{"shape": "EntryList"}
	for op, members := range map[string][]string{"CreateGadgetEntry": {"Number", "Egress", "Cidr"}, "DeleteGadgetEntry": {"Number", "Egress"}} {
		in := map[string]any{"GadgetId": map[string]any{"shape": "GadgetId"}}
		for _, m := range members {
			in[m] = entry[m]
		}
		ops[op] = map[string]any{"name": op, "http": map[string]any{"method": "POST", "requestUri": "/"}, "input": map[string]any{"shape": op + "Request"}}
		shapes[op+"Request"] = map[string]any{"type": "structure", "required": append([]string{"GadgetId"}, members...), "members": in}
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "service-2.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := awsjson.Load(path)
	if err != nil {
		t.Fatalf("loading entry gadgets: %v", err)
	}
	return Run("gadgets", m, parseConfig(t, yaml), Options{})
}

// TestReadCollectionKeys: the entries of a collection read with the
// resource are named by the members the delete takes, whatever their type,
// and AWS's own entries are picked by a member of any scalar type.
func TestReadCollectionKeys(t *testing.T) {
	const entries = "Entries: {put: CreateGadgetEntry, delete: DeleteGadgetEntry"
	cases := []struct {
		reason   string
		sub      string
		wantKeys []string
		wantErr  string
	}{
		{reason: "a delete naming an entry by an integer and a boolean keys it by both",
			sub: entries + "}", wantKeys: []string{"Egress", "Number"}},
		{reason: "AWS's own entries picked by an integer member",
			sub: entries + `, awsOwned: {member: Number, values: ["32767"]}}`, wantKeys: []string{"Egress", "Number"}},
		{reason: "an integer member cannot pick entries by a value no integer has",
			sub: entries + `, awsOwned: {member: Number, values: [default]}}`, wantErr: `awsOwned value "default" is no integer`},
	}
	for _, c := range cases {
		res, err := runEntryGadgets(t, "resources:\n  Gadget:\n    subResources:\n      "+c.sub+"\n")
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: got error %v, want one containing %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		f := field(resource(t, res, "Gadget"), "Entries")
		if f == nil || f.SubResource == nil {
			t.Errorf("%s: no Entries sub-resource", c.reason)
			continue
		}
		if keys := slices.Sorted(slices.Values(f.SubResource.EntryKeys)); !slices.Equal(keys, c.wantKeys) {
			t.Errorf("%s: keys %v, want %v", c.reason, keys, c.wantKeys)
		}
	}
}

// TestReadCollectionEntryRequired: an entry must give what its put
// requires (a network ACL entry's Egress), so the API server refuses an
// entry without it, rather than the SDK refusing every create of it.
func TestReadCollectionEntryRequired(t *testing.T) {
	res, err := runEntryGadgets(t, "resources:\n  Gadget:\n    subResources:\n      Entries: {put: CreateGadgetEntry, delete: DeleteGadgetEntry}\n")
	if err != nil {
		t.Fatal(err)
	}
	f := field(resource(t, res, "Gadget"), "Entries")
	var required []string
	for _, ef := range res.Service.Structs[f.Type.Elem.Shape].Fields {
		if ef.Required {
			required = append(required, ef.Member)
		}
	}
	if want := []string{"Cidr", "Egress", "Number"}; !slices.Equal(slices.Sorted(slices.Values(required)), want) {
		t.Errorf("entry members required: %v, want %v", required, want)
	}
}
