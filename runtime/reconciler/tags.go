package reconciler

import (
	"fmt"
	"strings"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Placeholders in tag values, as in the incumbent's resourceTags.
const (
	placeholderService   = "%CONTROLLER_SERVICE%"
	placeholderVersion   = "%CONTROLLER_VERSION%"
	placeholderNamespace = "%K8S_NAMESPACE%"
	placeholderName      = "%K8S_RESOURCE_NAME%"
)

// DefaultResourceTags is the --resource-tags default: where a resource
// came from, readable in the AWS console.
const DefaultResourceTags = "services.k8s.aws/controller-version=%CONTROLLER_SERVICE%-%CONTROLLER_VERSION%," +
	"services.k8s.aws/namespace=%K8S_NAMESPACE%," +
	"services.k8s.aws/name=%K8S_RESOURCE_NAME%"

// ParseTags reads a comma-separated key=value list.
func ParseTags(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("tag %q is not key=value", kv)
		}
		if strings.HasPrefix(k, "aws:") {
			return nil, fmt.Errorf("tag %q: keys starting with aws: belong to AWS", kv)
		}
		out[k] = v
	}
	return out, nil
}

// ExpandTags fills the placeholders for one object.
func ExpandTags(templates map[string]string, obj client.Object, service, version string) map[string]string {
	if len(templates) == 0 {
		return nil
	}
	r := strings.NewReplacer(
		placeholderService, service,
		placeholderVersion, version,
		placeholderNamespace, obj.GetNamespace(),
		placeholderName, obj.GetName(),
	)
	out := make(map[string]string, len(templates))
	for k, v := range templates {
		out[r.Replace(k)] = r.Replace(v)
	}
	return out
}
