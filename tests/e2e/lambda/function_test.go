package lambda

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	iamv1alpha1 "github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// stackManifest is an IAM Role and a Function naming it, applied together:
// the Function's roleRef waits for the Role. FUNCTION, ROLE, BUCKET and KEY
// are replaced by the test.
const stackManifest = `
apiVersion: iam.services.k8s.aws/v1alpha1
kind: Role
metadata:
  name: runner
spec:
  name: ROLE
  assumeRolePolicyDocument: |
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
---
apiVersion: lambda.services.k8s.aws/v1alpha1
kind: Function
metadata:
  name: orders
spec:
  name: FUNCTION
  runtime: python3.12
  handler: index.handler
  roleRef: {from: {name: runner}}
  code:
    s3Bucket: BUCKET
    s3Key: KEY
  memorySize: 256
  timeout: 10
  environment:
    variables:
      STAGE: test
`

// TestFunction applies a Role and a Function naming it in one kubectl
// apply, with code from an S3 object the test uploads: the Function
// becomes Ready and Lambda has it with the handler, runtime, the Role's
// ARN and the object's SHA-256. A changed memorySize and environment reach
// Lambda, a memorySize changed out of band is put back, ten unchanged
// resyncs read only, and deleting the object deletes the function.
func TestFunction(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"function"}, "Function")
	name, bucket := e.Unique("orders"), strings.ToLower(e.Unique("code"))
	code := zipOf(t, "def handler(event, context):\n    return 1\n")
	upload(t, bucket, "orders/v1.zip", code)
	e.applyManifest("function", strings.NewReplacer("FUNCTION", name, "ROLE", e.Unique("runner"), "BUCKET", bucket, "KEY", "orders/v1.zip").Replace(stackManifest))

	role := harness.WaitReady(e.iam, &iamv1alpha1.Role{ObjectMeta: metaIn(e.NS("function"), "runner")})
	fn := harness.WaitReady(e.Env, &v1alpha1.Function{ObjectMeta: metaIn(e.NS("function"), "orders")})
	got := getFunction(t, name)
	if got == nil {
		t.Fatalf("function %s is not in Lambda", name)
	}
	c := got.Configuration
	roleARN := string(*role.Status.ACKResourceMetadata.ARN)
	if aws.ToString(c.Handler) != "index.handler" || c.Runtime != types.RuntimePython312 || aws.ToString(c.Role) != roleARN ||
		aws.ToString(c.CodeSha256) != codeSHA256(code) || aws.ToInt32(c.MemorySize) != 256 {
		t.Fatalf("function %s in Lambda: handler %q runtime %q role %q sha256 %q memory %d, want index.handler python3.12 %s %s 256",
			name, aws.ToString(c.Handler), c.Runtime, aws.ToString(c.Role), aws.ToString(c.CodeSha256), aws.ToInt32(c.MemorySize), roleARN, codeSHA256(code))
	}

	harness.CheckSteadyReads(e.Env, "lambda", "Function", func() map[string]int { return opsOn(t, name) }, isRead, "GET /2015-03-31/functions/"+name)

	harness.Edit(e.Env, fn, func(f *v1alpha1.Function) {
		f.Spec.MemorySize = aws.Int64(512)
		f.Spec.Environment.Variables["STAGE"] = "prod"
	})
	waitConfig(t, name, func(c *types.FunctionConfiguration) error {
		if aws.ToInt32(c.MemorySize) != 512 || c.Environment == nil || c.Environment.Variables["STAGE"] != "prod" {
			return fmt.Errorf("memory %d, environment %v, want 512 and STAGE=prod", aws.ToInt32(c.MemorySize), c.Environment)
		}
		return nil
	})

	if _, err := lambdaClient().UpdateFunctionConfiguration(context.Background(), &lambda.UpdateFunctionConfigurationInput{
		FunctionName: aws.String(name), MemorySize: aws.Int32(1024),
	}); err != nil {
		t.Fatal(err)
	}
	waitConfig(t, name, func(c *types.FunctionConfiguration) error {
		if aws.ToInt32(c.MemorySize) != 512 {
			return fmt.Errorf("memory %d, want 512 put back", aws.ToInt32(c.MemorySize))
		}
		return nil
	})

	e.Delete(fn)
	e.WaitGone(fn)
	if getFunction(t, name) != nil {
		t.Errorf("function %s is still in Lambda after its object is gone", name)
	}
}

// waitConfig waits until the function's configuration passes check.
func waitConfig(t *testing.T, name string, check func(*types.FunctionConfiguration) error) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := getFunction(t, name)
		if got == nil {
			return fmt.Errorf("function %s is gone", name)
		}
		if err := check(got.Configuration); err != nil {
			return fmt.Errorf("function %s: %w", name, err)
		}
		return nil
	})
}
