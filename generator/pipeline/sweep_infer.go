package pipeline

import (
	"slices"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// sweepModel infers every resource of a model with no generator.yaml and
// keeps those inference resolves without a problem.
func sweepModel(name string, m *smithy.Model) (*model.Service, error) {
	res, err := infer.Run(name, m, config.Empty(name+"/generator.yaml"), infer.Options{All: true})
	if err != nil {
		return nil, err
	}
	svc := res.Service
	if svc == nil {
		return nil, nil
	}
	svc.Resources = slices.DeleteFunc(slices.Clone(svc.Resources), func(r *model.Resource) bool { return len(r.Problems) > 0 })
	return svc, nil
}
