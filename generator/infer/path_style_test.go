package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestPathStyle: a service whose endpoint rules take the path-style
// builtIn gets path-style addressing; the name of the service plays no part.
func TestPathStyle(t *testing.T) {
	service := func(traits string) string {
		return `{"smithy": "2.0", "shapes": {"example#Store": {"type": "service", "version": "1", "traits": {
			"aws.api#service": {"sdkId": "Store"}` + traits + `}}}}`
	}
	cases := []struct {
		reason  string
		model   string
		want    bool
		wantErr string
	}{
		{reason: "no endpoint rules", model: service(""), want: false},
		{reason: "endpoint rules without the builtIn", model: service(`, "smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {"Region": {"builtIn": "AWS::Region", "type": "String"}}, "rules": []}`), want: false},
		{reason: "endpoint rules with AWS::S3::ForcePathStyle, under any parameter name", model: service(`, "smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {"Region": {"builtIn": "AWS::Region", "type": "String"}, "ByPath": {"builtIn": "AWS::S3::ForcePathStyle", "type": "Boolean"}}, "rules": []}`), want: true},
		{reason: "malformed parameters are an error naming the trait", model: service(`, "smithy.rules#endpointRuleSet": {"parameters": []}`), wantErr: "smithy.rules#endpointRuleSet"},
	}
	for _, c := range cases {
		m, err := smithy.Parse([]byte(c.model), "store.json")
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		st := &state{name: "store", m: m, cfg: config.Empty("g.yaml")}
		err = indexOperations(st)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: got %v, want an error saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		if st.svc.PathStyle != c.want {
			t.Errorf("%s: path-style %t, want %t", c.reason, st.svc.PathStyle, c.want)
		}
	}
}
