package ecr

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/compare"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestRepository walks a Repository through its life: created with a tag
// mutability and tags, then updated (mutability, scanning, a lifecycle
// policy added, changed and removed, a repository policy), then deleted.
// Each step is checked in ECR through the SDK.
func TestRepository(t *testing.T) {
	t.Parallel()
	e := start(t, "life")
	r := e.newRepository("life", "app")
	name := *r.Spec.Name
	r.Spec.ImageTagMutability = aws.String("MUTABLE")
	r.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("platform")}}
	e.Create(r)
	r = e.waitReady(r)
	got := describe(t, name)
	if got == nil {
		t.Fatalf("ECR has no repository %s", name)
	}
	if got.ImageTagMutability != types.ImageTagMutabilityMutable {
		t.Errorf("imageTagMutability %s, want MUTABLE", got.ImageTagMutability)
	}
	if tags := tagsOf(t, aws.ToString(got.RepositoryArn)); tags["team"] != "platform" {
		t.Errorf("tags %v, want team=platform", tags)
	}
	if r.Status.ACKResourceMetadata == nil || r.Status.ACKResourceMetadata.ARN == nil || *r.Status.ACKResourceMetadata.ARN != aws.ToString(got.RepositoryArn) {
		t.Errorf("status ARN %+v, want %s", r.Status.ACKResourceMetadata, aws.ToString(got.RepositoryArn))
	}

	harness.Edit(e.Env, r, func(r *v1alpha1.Repository) {
		r.Spec.ImageTagMutability = aws.String("IMMUTABLE")
		r.Spec.ImageScanningConfiguration = &v1alpha1.ImageScanningConfiguration{ScanOnPush: aws.Bool(true)}
		r.Spec.LifecyclePolicy = aws.String(lifecycleRule(10))
		r.Spec.Policy = aws.String(pullPolicy("111122223333"))
	})
	e.waitInECR(name, "the update", func() error {
		got := describe(t, name)
		switch {
		case got.ImageTagMutability != types.ImageTagMutabilityImmutable:
			return fmt.Errorf("imageTagMutability %s", got.ImageTagMutability)
		case got.ImageScanningConfiguration == nil || !got.ImageScanningConfiguration.ScanOnPush:
			return fmt.Errorf("imageScanningConfiguration %+v", got.ImageScanningConfiguration)
		case !compare.JSON(lifecyclePolicy(t, name), lifecycleRule(10)):
			return fmt.Errorf("lifecycle policy %q", lifecyclePolicy(t, name))
		case !compare.Policy(repositoryPolicy(t, name), pullPolicy("111122223333")):
			return fmt.Errorf("repository policy %q", repositoryPolicy(t, name))
		}
		return nil
	})

	harness.Edit(e.Env, r, func(r *v1alpha1.Repository) { r.Spec.LifecyclePolicy = aws.String(lifecycleRule(3)) })
	e.waitInECR(name, "the lifecycle policy's change", func() error {
		if p := lifecyclePolicy(t, name); !compare.JSON(p, lifecycleRule(3)) {
			return fmt.Errorf("lifecycle policy %q", p)
		}
		return nil
	})

	harness.Edit(e.Env, r, func(r *v1alpha1.Repository) { r.Spec.LifecyclePolicy = nil })
	e.waitInECR(name, "the lifecycle policy's removal", func() error {
		if p := lifecyclePolicy(t, name); p != "" {
			return fmt.Errorf("lifecycle policy %q", p)
		}
		return nil
	})
	r = e.waitReady(r)
	if p := repositoryPolicy(t, name); !compare.Policy(p, pullPolicy("111122223333")) {
		t.Errorf("the lifecycle policy's removal changed the repository policy to %q", p)
	}

	e.Delete(r)
	e.WaitGone(r)
	if got := describe(t, name); got != nil {
		t.Errorf("repository %s is still in ECR after its object is gone", name)
	}
}

// TestRepositoryDriftPutBack: a tag mutability and a lifecycle policy
// changed outside Kubernetes are put back at the next resync, and a
// lifecycle policy deleted outside is put again.
func TestRepositoryDriftPutBack(t *testing.T) {
	t.Parallel()
	e := start(t, "drift")
	r := e.newRepository("drift", "app")
	name := *r.Spec.Name
	r.Spec.ImageTagMutability = aws.String("IMMUTABLE")
	r.Spec.LifecyclePolicy = aws.String(lifecycleRule(10))
	e.Create(r)
	e.waitReady(r)
	ctx := context.Background()
	if _, err := ecrClient().PutImageTagMutability(ctx, &ecr.PutImageTagMutabilityInput{RepositoryName: aws.String(name), ImageTagMutability: types.ImageTagMutabilityMutable}); err != nil {
		t.Fatal(err)
	}
	if _, err := ecrClient().PutLifecyclePolicy(ctx, &ecr.PutLifecyclePolicyInput{RepositoryName: aws.String(name), LifecyclePolicyText: aws.String(lifecycleRule(1))}); err != nil {
		t.Fatal(err)
	}
	e.waitInECR(name, "the resync to put back the mutability and lifecycle policy", func() error {
		if got := describe(t, name); got.ImageTagMutability != types.ImageTagMutabilityImmutable {
			return fmt.Errorf("imageTagMutability %s", got.ImageTagMutability)
		}
		if p := lifecyclePolicy(t, name); !compare.JSON(p, lifecycleRule(10)) {
			return fmt.Errorf("lifecycle policy %q", p)
		}
		return nil
	})
	if _, err := ecrClient().DeleteLifecyclePolicy(ctx, &ecr.DeleteLifecyclePolicyInput{RepositoryName: aws.String(name)}); err != nil {
		t.Fatal(err)
	}
	e.waitInECR(name, "the resync to put the deleted lifecycle policy again", func() error {
		if p := lifecyclePolicy(t, name); !compare.JSON(p, lifecycleRule(10)) {
			return fmt.Errorf("lifecycle policy %q", p)
		}
		return nil
	})
}

// waitInECR polls ECR until check passes.
func (e env) waitInECR(name, what string, check func() error) {
	e.T.Helper()
	harness.Eventually(e.T, harness.Wait, 250*time.Millisecond, func() error {
		if describe(e.T, name) == nil {
			return fmt.Errorf("waiting for %s: ECR has no repository %s", what, name)
		}
		if err := check(); err != nil {
			return fmt.Errorf("waiting for %s: %v", what, err)
		}
		return nil
	})
}
