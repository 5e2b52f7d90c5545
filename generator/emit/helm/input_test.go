package helm

import (
	"strings"
	"testing"
)

func TestChartRejectsBadInput(t *testing.T) {
	cases := []struct {
		reason  string
		change  func(in *Input)
		wantErr string
	}{
		{"the service name is part of object names", func(in *Input) { in.Service = "DynamoDB" }, "not a DNS label"},
		{"Helm needs a SemVer chart version", func(in *Input) { in.Version = "v1" }, "not SemVer 2"},
		{"RBAC rules need the group", func(in *Input) { in.Group = "" }, "group is empty"},
		{"the Deployment needs an image", func(in *Input) { in.Image = "" }, "image is empty"},
		{"a controller without kinds has nothing to do", func(in *Input) { in.Kinds = nil }, "no kinds"},
		{"RBAC needs a plural for each kind", func(in *Input) { in.Kinds[0].Plural = "" }, "lowercase plural"},
		{"a kind twice would give duplicate flags", func(in *Input) { in.Kinds[1] = in.Kinds[0] }, "appears twice"},
		{"a CRD must stay inside crds/", func(in *Input) { in.CRDs[0].Path = "../Chart.yaml" }, "not a clean path"},
		{"two CRDs at one path would overwrite each other", func(in *Input) { in.CRDs = append(in.CRDs, in.CRDs[0]) }, "appears twice"},
	}
	for _, c := range cases {
		in := testInput()
		c.change(&in)
		_, err := Chart(in)
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("%s: got error %v, want one containing %q", c.reason, err, c.wantErr)
		}
	}
}
