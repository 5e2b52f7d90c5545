package ecr

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestExclusionFiltersUpdated: a Repository's image tag mutability
// exclusion filters, which CreateRepository takes and no update
// operation does, change in place through PutImageTagMutability rather
// than being refused as create-only; a later change of the mutability
// alone keeps them, since every put sends both.
func TestExclusionFiltersUpdated(t *testing.T) {
	t.Parallel()
	e := start(t, "exclusions")
	r := e.newRepository("exclusions", "app")
	name := *r.Spec.Name
	r.Spec.ImageTagMutability = aws.String("IMMUTABLE_WITH_EXCLUSION")
	r.Spec.ImageTagMutabilityExclusionFilters = []v1alpha1.ImageTagMutabilityExclusionFilter{{FilterType: aws.String("WILDCARD"), Filter: aws.String("latest")}}
	e.Create(r)
	r = e.waitReady(r)
	e.waitInECR(name, "the create", filtersAre(t, name, types.ImageTagMutabilityImmutableWithExclusion, "latest"))

	harness.Edit(e.Env, r, func(r *v1alpha1.Repository) {
		r.Spec.ImageTagMutabilityExclusionFilters = []v1alpha1.ImageTagMutabilityExclusionFilter{{FilterType: aws.String("WILDCARD"), Filter: aws.String("dev-*")}}
	})
	e.waitInECR(name, "the new filters", filtersAre(t, name, types.ImageTagMutabilityImmutableWithExclusion, "dev-*"))
	r = e.waitReady(r)

	harness.Edit(e.Env, r, func(r *v1alpha1.Repository) { r.Spec.ImageTagMutability = aws.String("MUTABLE_WITH_EXCLUSION") })
	e.waitInECR(name, "the new mutability, filters kept", filtersAre(t, name, types.ImageTagMutabilityMutableWithExclusion, "dev-*"))
	e.waitReady(r)
}

// filtersAre checks that ECR holds the mutability and one exclusion
// filter, filter.
func filtersAre(t *testing.T, name string, mutability types.ImageTagMutability, filter string) func() error {
	return func() error {
		got := describe(t, name)
		var filters []string
		for _, f := range got.ImageTagMutabilityExclusionFilters {
			filters = append(filters, aws.ToString(f.Filter))
		}
		if got.ImageTagMutability != mutability || len(filters) != 1 || filters[0] != filter {
			return fmt.Errorf("imageTagMutability %s, exclusion filters %v; want %s and [%s]", got.ImageTagMutability, filters, mutability, filter)
		}
		return nil
	}
}
