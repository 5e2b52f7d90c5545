package emit

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// createOnlyLine lists a kind's create-only spec fields for README.md:
// AWS offers no way to change them, so the controller refuses a change
// (an instance's instanceType needs a stopped instance). "" when every
// spec field is updatable.
func createOnlyLine(r *model.Resource) string {
	var names []string
	for _, f := range r.Spec {
		if f.CreateOnly {
			names = append(names, "`"+f.JSONName+"`")
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "\nCreate-only (set at create; a change is refused, so delete and recreate the object to change one): " +
		strings.Join(names, ", ") + ".\n"
}
