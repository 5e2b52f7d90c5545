package infer

import (
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestAddRegionFills: fromRegion resolves to the path of fields from a
// create input member down to a string, with its exceptions; a key that
// cannot hold a region is an error naming the line and the reason.
func TestAddRegionFills(t *testing.T) {
	cases := []struct {
		reason   string
		field    string
		option   string
		wantPath []string // JSON names
		except   []string
		wantErr  string
	}{
		{reason: "a top-level string of the create input", field: "Policy", option: "{}", wantPath: []string{"policy"}},
		{reason: "an enum in a structure, with exceptions", field: "Config.Mode", option: "{except: [us-east-1]}", wantPath: []string{"config", "mode"}, except: []string{"us-east-1"}},
		{reason: "a status field", field: "Status", option: "{}", wantErr: "generator.yaml:5: Status is a status field; fromRegion fills a member of the CreateWidget input"},
		{reason: "a list on the way", field: "Rules.Name", option: "{}", wantErr: "generator.yaml:5: Rules is a list or map, so fromRegion cannot tell which element to fill"},
		{reason: "not a string", field: "Config.Retries", option: "{}", wantErr: "generator.yaml:5: Retries is not a string, so it cannot hold a region"},
		{reason: "a secret", field: "Config.Token", option: "{}", wantErr: "generator.yaml:5: Token is read from a Secret"},
	}
	for _, c := range cases {
		yaml := "resources:\n  Widget:\n    fields:\n      " + c.field + ":\n        fromRegion: " + c.option + "\n"
		res, err := run(t, "../../pipeline/testdata/fixtures/widgets/model/widgets.json", yaml, Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: got %v, want an error saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, "Widget")
		if len(r.RegionFills) != 1 {
			t.Errorf("%s: %d region fills, want 1", c.reason, len(r.RegionFills))
			continue
		}
		var path []string
		for _, f := range r.RegionFills[0].Path {
			path = append(path, f.JSONName)
		}
		if !slices.Equal(path, c.wantPath) || !slices.Equal(r.RegionFills[0].Except, c.except) {
			t.Errorf("%s: fills %v except %v, want %v except %v", c.reason, path, r.RegionFills[0].Except, c.wantPath, c.except)
		}
		if !slices.ContainsFunc(r.Decisions, func(d model.Decision) bool { return d.Subject == "from region" && d.Choice == c.field }) {
			t.Errorf("%s: no decision for explain names %s", c.reason, c.field)
		}
	}
}
