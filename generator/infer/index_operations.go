package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// indexOperations finds the service shape and indexes its operations by
// name, over the service and every resource it binds however deeply, and
// lists its resource shapes, parents before children.
func indexOperations(st *state) error {
	svc, err := st.m.Service()
	if err != nil {
		return err
	}
	if svc.Traits.Service == nil {
		return fmt.Errorf("%s: service %s has no aws.api#service trait", st.m.File, svc.ID)
	}
	st.service = svc
	st.svc = newService(st)
	st.svc.Global = st.cfg != nil && st.cfg.Global
	if st.svc.PathStyle, err = hasPathStyle(svc); err != nil {
		return fmt.Errorf("%s: %w", st.m.File, err)
	}
	st.ops = map[string]*smithy.Shape{}
	seen := map[smithy.ShapeID]bool{}
	var visit func(s *smithy.Shape)
	visit = func(s *smithy.Shape) {
		ids := append(append([]smithy.ShapeID{}, s.Operations...), s.CollectionOperations...)
		ids = append(ids, s.Create, s.Put, s.Read, s.Update, s.Delete, s.List)
		for _, id := range ids {
			if op, ok := st.m.Shape(id); ok && op.Type == smithy.TypeOperation {
				st.ops[id.Name()] = op
			}
		}
		for _, id := range s.Resources {
			r, ok := st.m.Shape(id)
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			st.resourceShapes = append(st.resourceShapes, r)
			visit(r)
		}
	}
	visit(svc)
	return nil
}

// newService starts the resolved model of the service.
func newService(st *state) *model.Service {
	aws := st.service.Traits.Service
	return &model.Service{
		Name:       st.name,
		SDKPackage: SDKPackage(aws.SDKID),
		IAMPrefix:  firstNonEmpty(aws.ArnNamespace, st.name),
		Group:      st.name + ".services.k8s.aws",
		Version:    "v1alpha1",
		Structs:    map[string]*model.Struct{},
	}
}
