package infer

import (
	"strings"
	"testing"
)

func TestObservedDescription(t *testing.T) {
	ttl := func(observed string) string {
		return "resources:\n  Table:\n    subResources:\n      TimeToLive:\n        put: UpdateTimeToLive\n        get: DescribeTimeToLive\n        member: TimeToLiveSpecification\n        observed: " + observed + "\n"
	}
	cases := []struct {
		reason  string
		yaml    string
		want    string // the sub-resource's path and mapping, or the error's text
		wantErr bool
	}{
		{
			reason: "a structure member read from a status member through its values; the others by name",
			yaml:   ttl(`{at: TimeToLiveDescription, members: {Enabled: {from: TimeToLiveStatus, values: {ENABLED: "true", DISABLED: "false"}}}}`),
			want:   "TimeToLiveDescription Enabled<-TimeToLiveStatus",
		},
		{
			reason: "a scalar read through values",
			yaml:   "resources:\n  Table:\n    subResources:\n      ContributorInsights:\n        put: UpdateContributorInsights\n        get: DescribeContributorInsights\n        member: ContributorInsightsAction\n        observed: {at: ContributorInsightsStatus, values: {ENABLED: ENABLE}}\n",
			want:   "ContributorInsightsStatus values",
		},
		{
			reason:  "a path member the get output lacks is named with a suggestion",
			yaml:    ttl(`{at: TimeToLiveDescriptions, members: {Enabled: {from: TimeToLiveStatus, values: {ENABLED: "true"}}}}`),
			want:    `has no member TimeToLiveDescriptions (did you mean "TimeToLiveDescription"?)`,
			wantErr: true,
		},
		{
			reason:  "a value that is no boolean, for a boolean member",
			yaml:    ttl(`{at: TimeToLiveDescription, members: {Enabled: {from: TimeToLiveStatus, values: {ENABLED: "yes"}}}}`),
			want:    `observed.members.Enabled.values: ENABLED: "yes"`,
			wantErr: true,
		},
		{
			reason:  "a from member the description lacks",
			yaml:    ttl(`{at: TimeToLiveDescription, members: {Enabled: {from: Status, values: {ENABLED: "true"}}}}`),
			want:    "observed.members.Enabled.from: TimeToLiveDescription has no member Status",
			wantErr: true,
		},
		{
			reason:  "a structure field mapped as a scalar",
			yaml:    ttl(`{at: TimeToLiveDescription, values: {ENABLED: "true"}}`),
			want:    "is a structure",
			wantErr: true,
		},
	}
	for _, c := range cases {
		res, err := inferReal(t, "dynamodb", c.yaml, Options{})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, "Table")
		var got string
		for _, sr := range r.SubResources {
			if sr.Observed == nil {
				continue
			}
			got = strings.Join(sr.ObservedPath, ".")
			for name, om := range sr.Observed.Members {
				got += " " + name + "<-" + om.From
			}
			if sr.Observed.Values != nil {
				got += " values"
			}
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, got, c.want)
		}
	}
}
