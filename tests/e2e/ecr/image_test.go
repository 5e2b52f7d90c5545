package ecr

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// manifest is a minimal Docker image manifest, enough for PutImage.
const manifest = `{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",` +
	`"config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"},` +
	`"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":32654,"digest":"sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f"}]}`

// TestRepositoryHoldingImage deletes a Repository that holds an image, as
// the incumbent does without its force-delete annotation: DeleteRepository
// is sent without force, ECR refuses (RepositoryNotEmptyException), the
// object stays with the code in its condition, and the repository and its
// image stay in ECR. Once the image is gone, the next pass deletes it.
func TestRepositoryHoldingImage(t *testing.T) {
	t.Parallel()
	e := start(t, "image")
	r := e.newRepository("image", "app")
	name := *r.Spec.Name
	e.Create(r)
	e.waitReady(r)
	ctx := context.Background()
	if _, err := ecrClient().PutImage(ctx, &ecr.PutImageInput{RepositoryName: aws.String(name), ImageManifest: aws.String(manifest), ImageTag: aws.String("v1")}); err != nil {
		t.Fatalf("PutImage: %v", err)
	}
	e.Delete(r)
	harness.WaitFor(e.Env, r, "the refused delete in a condition", func(r *v1alpha1.Repository) error {
		for _, c := range r.Status.Conditions {
			if strings.Contains(c.Message, "RepositoryNotEmptyException") {
				return nil
			}
		}
		return fmt.Errorf("no condition names RepositoryNotEmptyException: %s", harness.DescribeConditions(r))
	})
	if describe(t, name) == nil {
		t.Fatal("the repository holding an image was deleted without force")
	}
	images, err := ecrClient().ListImages(ctx, &ecr.ListImagesInput{RepositoryName: aws.String(name)})
	if err != nil || len(images.ImageIds) != 1 {
		t.Fatalf("ListImages: %v, %v; want the one image", images, err)
	}
	if _, err := ecrClient().BatchDeleteImage(ctx, &ecr.BatchDeleteImageInput{RepositoryName: aws.String(name), ImageIds: []types.ImageIdentifier{{ImageTag: aws.String("v1")}}}); err != nil {
		t.Fatalf("BatchDeleteImage: %v", err)
	}
	e.WaitGone(r)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describe(t, name) != nil {
			return fmt.Errorf("repository %s is still in ECR", name)
		}
		return nil
	})
}

// TestRepositoryForceDelete: annotated ecr.services.k8s.aws/force-delete:
// "true", as the incumbent's users do, a Repository holding an image is
// deleted with it: DeleteRepository is sent with force.
func TestRepositoryForceDelete(t *testing.T) {
	t.Parallel()
	e := start(t, "force")
	r := e.newRepository("force", "app")
	r.Annotations = map[string]string{"ecr.services.k8s.aws/force-delete": "true"}
	name := *r.Spec.Name
	e.Create(r)
	e.waitReady(r)
	if _, err := ecrClient().PutImage(context.Background(), &ecr.PutImageInput{RepositoryName: aws.String(name), ImageManifest: aws.String(manifest), ImageTag: aws.String("v1")}); err != nil {
		t.Fatalf("PutImage: %v", err)
	}
	e.Delete(r)
	e.WaitGone(r)
	if describe(t, name) != nil {
		t.Errorf("repository %s is still in ECR after its object, annotated force-delete, is gone", name)
	}
}
