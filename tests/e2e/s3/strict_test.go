package s3

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestIncumbentManifestStrict applies a Bucket written for the incumbent's
// CRD, with its field names and spellings (blockPublicACLs, corsRules,
// tagSet), through kubectl with strict validation: the API server knows
// every field, and the bucket is made as written.
func TestIncumbentManifestStrict(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"strict"}})
	name := e.bucketName("strict")
	manifest := `apiVersion: s3.services.k8s.aws/v1alpha1
kind: Bucket
metadata:
  name: strict
  namespace: ` + e.NS("strict") + `
spec:
  name: ` + name + `
  versioning:
    status: Enabled
  website:
    indexDocument:
      suffix: index.html
    errorDocument:
      key: error.html
  publicAccessBlock:
    blockPublicACLs: true
    blockPublicPolicy: true
    ignorePublicACLs: true
    restrictPublicBuckets: true
  cors:
    corsRules:
    - allowedMethods: [GET]
      allowedOrigins: ["https://example.com"]
  tagging:
    tagSet:
    - key: team
      value: storage
`
	file := filepath.Join(t.TempDir(), "bucket.yaml")
	if err := os.WriteFile(file, []byte(manifest), 0o600); err != nil {
		t.Fatal(err)
	}
	kubectl := filepath.Join(harness.RepoRoot(t), "bin", "kubectl")
	out, err := exec.Command(kubectl, "--kubeconfig", suite.Kube.WriteKubeconfig(t), "apply", "--validate=strict", "-f", file).CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl apply --validate=strict: %v\n%s", err, out)
	}
	e.waitReady(&v1alpha1.Bucket{ObjectMeta: metav1.ObjectMeta{Name: "strict", Namespace: e.NS("strict")}})
	v, err := s3Client(region).GetBucketVersioning(context.Background(), &s3.GetBucketVersioningInput{Bucket: aws.String(name)})
	if err != nil || v.Status != "Enabled" {
		t.Errorf("versioning of %s in S3: %+v, %v; want Enabled", name, v, err)
	}
	pab, err := s3Client(region).GetPublicAccessBlock(context.Background(), &s3.GetPublicAccessBlockInput{Bucket: aws.String(name)})
	if err != nil || !aws.ToBool(pab.PublicAccessBlockConfiguration.BlockPublicAcls) {
		t.Errorf("public access block of %s in S3: %+v, %v; want ACLs blocked", name, pab, err)
	}
}
