package infer

import (
	"encoding/json"
	"fmt"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// pathStyleBuiltIn is the endpoint rule parameter that aws-sdk-go-v2 fills
// from a client's Options.UsePathStyle.
const pathStyleBuiltIn = "AWS::S3::ForcePathStyle"

// hasPathStyle reports whether the service's endpoint rules take the
// path-style builtIn, so that its SDK client can address by path.
func hasPathStyle(svc *smithy.Shape) (bool, error) {
	raw, ok := svc.Traits.Raw["smithy.rules#endpointRuleSet"]
	if !ok {
		return false, nil
	}
	var rules struct {
		Parameters map[string]struct {
			BuiltIn string `json:"builtIn"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(raw, &rules); err != nil {
		return false, fmt.Errorf("service %s: reading the parameters of smithy.rules#endpointRuleSet: %w", svc.ID, err)
	}
	for _, p := range rules.Parameters {
		if p.BuiltIn == pathStyleBuiltIn {
			return true, nil
		}
	}
	return false, nil
}
