package emit

import (
	"encoding/json"
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// IAMPolicy emits config/iam/recommended-policy.json: exactly the actions
// the generated managers call, so the controller's role can be least
// privilege.
func IAMPolicy(svc *model.Service) (File, error) {
	var actions []string
	for _, r := range svc.Resources {
		for _, op := range []*model.Operation{r.Create, r.Read, r.Update, r.Delete} {
			if op != nil {
				actions = append(actions, svc.IAMPrefix+":"+op.Name)
			}
		}
	}
	slices.Sort(actions)
	policy := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Sid":      "KubesmithGeneratedManagers",
			"Effect":   "Allow",
			"Action":   slices.Compact(actions),
			"Resource": "*",
		}},
	}
	data, err := json.MarshalIndent(policy, "", "  ")
	if err != nil {
		return File{}, err
	}
	return File{Path: "config/iam/recommended-policy.json", Data: append(data, '\n')}, nil
}
