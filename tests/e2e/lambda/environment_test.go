package lambda

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestFunctionEnvironmentFromSecret gives a Function one plain variable and
// takes the others from a Secret (environment.variablesFrom): Lambda has
// them all, a changed Secret value reaches Lambda at the next resync, and
// the secret value appears in neither the object nor its events.
func TestFunctionEnvironmentFromSecret(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"env"}, "Function")
	name := e.Unique("secretive")
	secret := &corev1.Secret{ObjectMeta: metaIn(e.NS("env"), "fn-env"), StringData: map[string]string{"DB_PASSWORD": "hunter2-first"}}
	if err := e.K.Create(context.Background(), secret); err != nil {
		t.Fatal(err)
	}
	role := e.lambdaRole(name)
	fn := &v1alpha1.Function{ObjectMeta: metaIn(e.NS("env"), "fn"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"), Role: role,
		Code: &v1alpha1.FunctionCode{ZipFile: zipOf(t, "def handler(event, context):\n    return 1\n")},
		Environment: &v1alpha1.Environment{
			Variables:     map[string]string{"STAGE": "test"},
			VariablesFrom: &ackv1alpha1.SecretReference{Name: "fn-env"},
		},
	}}
	e.Create(fn)
	fn = harness.WaitReady(e.Env, fn)
	wantEnv := func(password string) {
		t.Helper()
		waitConfig(t, name, func(c *types.FunctionConfiguration) error {
			if c.Environment == nil || c.Environment.Variables["STAGE"] != "test" || c.Environment.Variables["DB_PASSWORD"] != password {
				return fmt.Errorf("environment %+v, want STAGE=test and DB_PASSWORD=%s", c.Environment, password)
			}
			return nil
		})
	}
	wantEnv("hunter2-first")

	secret.StringData = map[string]string{"DB_PASSWORD": "hunter2-second"}
	if err := e.K.Update(context.Background(), secret); err != nil {
		t.Fatal(err)
	}
	wantEnv("hunter2-second")

	var stored v1alpha1.Function
	if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(fn), &stored); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(stored)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range append(e.Events(fn), string(data)) {
		if strings.Contains(text, "hunter2") {
			t.Errorf("the secret value is in the object or an event: %s", text)
		}
	}
}
