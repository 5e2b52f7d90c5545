package infer

import (
	"slices"
	"strings"
	"testing"
)

// TestSubResourceSendWith: a sub-resource's put carries the spec fields
// sendWith names (UpdateNodegroupVersion takes version with
// releaseVersion); a name the kind or the put lacks is an error.
func TestSubResourceSendWith(t *testing.T) {
	m := loadEKS(t)
	cases := []struct {
		reason, sub, wantErr string
		want                 []string
	}{
		{reason: "releaseVersion goes with version",
			sub: "version: {put: UpdateNodegroupVersion, member: version, sendWith: [releaseVersion]}", want: []string{"releaseVersion"}},
		{reason: "no spec field of that name",
			sub: "version: {put: UpdateNodegroupVersion, member: version, sendWith: [releaseVersions]}", wantErr: `Nodegroup has no spec field releaseVersions`},
		{reason: "the put takes no such member",
			sub: "version: {put: UpdateNodegroupVersion, member: version, sendWith: [diskSize]}", wantErr: "UpdateNodegroupVersion takes no member diskSize"},
	}
	for _, c := range cases {
		res, err := Run("eks", m, parseConfig(t, eksNodegroupYAML+"      "+c.sub+"\n"), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, "Nodegroup"), "version")
		var with []string
		if f != nil && f.SubResource != nil {
			for _, w := range f.SubResource.With {
				with = append(with, w.JSONName)
			}
		}
		if !slices.Equal(with, c.want) {
			t.Errorf("%s: version is %+v, want a sub-resource sending %v with it", c.reason, f, c.want)
		}
	}
}
