package secretsmanager

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-east-1"

// env is one running Secrets Manager controller, watching the namespaces
// of one test.
type env struct{ *harness.Env }

// start runs a controller that checks every Secret each second.
func start(t *testing.T, ns string) env {
	t.Helper()
	return env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{ns}, Region: region,
		Flags: []string{"--reconcile-resource-resync-seconds", "Secret=1"},
	})}
}

func smClient() *secretsmanager.Client {
	return secretsmanager.NewFromConfig(suite.Moto.AWSConfig(region))
}

// kubeSecret creates a Kubernetes Secret in the test's namespace ns.
func (e env) kubeSecret(ns, name string, data map[string]string) *corev1.Secret {
	e.T.Helper()
	s := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)}, StringData: data}
	e.Create(s)
	return s
}

// value is what Secrets Manager holds as the secret's current string.
func value(t *testing.T, name string) string {
	t.Helper()
	out, err := smClient().GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatalf("GetSecretValue %s: %v", name, err)
	}
	return aws.ToString(out.SecretString)
}

// describe is DescribeSecret of name.
func describe(t *testing.T, name string) *secretsmanager.DescribeSecretOutput {
	t.Helper()
	out, err := smClient().DescribeSecret(context.Background(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatalf("DescribeSecret %s: %v", name, err)
	}
	return out
}

// opsOn counts the recorded calls naming the secret, by operation, since
// the suite started.
func opsOn(t *testing.T, name string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		var body map[string]any
		if json.Unmarshal(c.Body, &body) != nil {
			continue
		}
		if id, _ := body["SecretId"].(string); id == name || body["Name"] == name {
			counts[c.Operation()]++
		}
	}
	return counts
}

// isRead says whether a Secrets Manager operation only reads.
func isRead(op string) bool {
	return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List")
}

// checkEconomy checks that ten resyncs of an unchanged Secret named name
// write nothing and read only reads, once each.
func (e env) checkEconomy(name string, reads ...string) {
	e.T.Helper()
	harness.CheckSteadyReads(e.Env, "secretsmanager", "Secret", func() map[string]int { return opsOn(e.T, name) }, isRead, reads...)
}
