package infer

import (
	"strings"
	"testing"
)

// TestBatchRead: batchRead sets a kind's batch size where its read takes a
// list of identifiers and names each description it lists; anything else
// is an error that says why.
func TestBatchRead(t *testing.T) {
	if r := mustRunGadgets(t, "resources:\n  Gadget:\n    batchRead: {size: 200}\n"); r.BatchSize != 200 {
		t.Errorf("DescribeGadgets takes GadgetIds: batch size %d, want 200", r.BatchSize)
	}
	if r := mustRunGadgets(t, "resources:\n  Gadget: {}\n"); r.BatchSize != 0 {
		t.Errorf("without batchRead the kind reads alone: batch size %d, want 0", r.BatchSize)
	}
	cases := []struct {
		reason, yaml, want string
		things             bool
	}{
		{reason: "a read of one resource takes no list", yaml: "resources:\n  Thing:\n    batchRead: {size: 50}\n", want: "DescribeThing takes no list of identifiers", things: true},
	}
	for _, c := range cases {
		var err error
		if c.things {
			_, err = Run("things", thingsModel(t, nil, nil, nil, nil), parseConfig(t, c.yaml), Options{})
		} else {
			_, err = runGadgets(t, c.yaml)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.reason, err, c.want)
		}
	}
}
