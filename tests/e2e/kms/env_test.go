package kms

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-east-1"

// env is one running KMS controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs the controller for this test in region.
func start(t *testing.T, o harness.ControllerOptions) env {
	t.Helper()
	o.Region = region
	return env{suite.StartController(t, o)}
}

// resyncs runs a controller that checks every object of the kinds each second.
func resyncs(t *testing.T, ns string) env {
	return start(t, harness.ControllerOptions{Namespaces: []string{ns}, Flags: []string{
		"--reconcile-resource-resync-seconds", "Key=1",
		"--reconcile-resource-resync-seconds", "Alias=1",
	}})
}

func client() *kms.Client { return kms.NewFromConfig(suite.Moto.AWSConfig(region)) }

// newKey is a Key in the test's namespace ns with a description only.
func (e env) newKey(ns, name string) *v1alpha1.Key {
	return &v1alpha1.Key{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)},
		Spec:       v1alpha1.KeySpec{Description: aws.String(name + " key")},
	}
}

// ref names another object of the namespace.
func ref(name string) *ackv1alpha1.AWSResourceReferenceWrapper {
	return &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String(name)}}
}

// describe reads the key through the SDK.
func describe(t *testing.T, keyID string) *types.KeyMetadata {
	t.Helper()
	out, err := client().DescribeKey(context.Background(), &kms.DescribeKeyInput{KeyId: &keyID})
	if err != nil {
		t.Fatalf("DescribeKey %s: %v", keyID, err)
	}
	return out.KeyMetadata
}

// rotation reads whether the key rotates, through the SDK.
func rotation(t *testing.T, keyID string) bool {
	t.Helper()
	out, err := client().GetKeyRotationStatus(context.Background(), &kms.GetKeyRotationStatusInput{KeyId: &keyID})
	if err != nil {
		t.Fatalf("GetKeyRotationStatus %s: %v", keyID, err)
	}
	return out.KeyRotationEnabled
}

// policy reads the key's default policy, through the SDK.
func policy(t *testing.T, keyID string) string {
	t.Helper()
	out, err := client().GetKeyPolicy(context.Background(), &kms.GetKeyPolicyInput{KeyId: &keyID, PolicyName: aws.String("default")})
	if err != nil {
		t.Fatalf("GetKeyPolicy %s: %v", keyID, err)
	}
	return aws.ToString(out.Policy)
}

// opsOn counts the recorded KMS calls naming the key (by ID, or in its
// ARN) since the suite started, by operation.
func opsOn(t *testing.T, keyID string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		if strings.HasPrefix(c.Headers.Get("X-Amz-Target"), "TrentService.") && strings.Contains(string(c.Body), keyID) {
			counts[c.Operation()]++
		}
	}
	return counts
}

// isRead tells KMS's reads from its writes by the operation's verb.
func isRead(op string) bool {
	for _, verb := range []string{"Describe", "Get", "List"} {
		if strings.HasPrefix(op, verb) {
			return true
		}
	}
	return false
}

// policyDoc is a key policy letting the account's root use the key, with
// a statement id telling versions apart.
func policyDoc(sid string) string {
	return `{"Version":"2012-10-17","Statement":[{"Sid":"` + sid + `","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}`
}
