package lambda

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	iamv1alpha1 "github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// createFunctionCall is CreateFunction as the call hook names it: Lambda
// is a REST service, so the method and path.
const createFunctionCall = "POST /2015-03-31/functions"

// TestKillAfterCreateFunction kills the controller right after Lambda made
// a function and before the controller heard of it. The restarted
// controller reads the function by name and claims it: one CreateFunction
// and no other write, one function, the object Ready and its owner, and deleting the object
// deletes the function.
func TestKillAfterCreateFunction(t *testing.T) {
	t.Parallel()
	k, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, createFunctionCall)
	e := env{Env: k}
	fn := e.functionObject("kill", e.Unique("killed"))
	e.Create(fn)
	got := harness.WaitReady(e.Env, fn)
	if !killed() {
		t.Fatal("the controller was not killed after CreateFunction; the test did not test")
	}
	name := aws.ToString(fn.Spec.Name)
	if n := createFunctionCalls(t, name); n != 1 {
		t.Errorf("%d CreateFunction calls for %s, want 1", n, name)
	}
	if n := writesOn(t, name); n != 0 {
		t.Errorf("%d writes to %s after the interrupted create, want none: the create sent the spec", n, name)
	}
	if n := functionsNamed(t, name); n != 1 {
		t.Errorf("%d functions named %s in Lambda, want 1", n, name)
	}
	harness.CheckOwnership(e.Env, got, ackv1alpha1.OwnershipCreated)
	if aws.ToString(got.Status.State) != "Active" {
		t.Errorf("status.state %q, want Active", aws.ToString(got.Status.State))
	}
	e.Delete(got)
	e.WaitGone(got)
	if getFunction(t, name) != nil {
		t.Errorf("function %s is left after its object was deleted", name)
	}
}

// TestAdoptFunction: a function made through the SDK is adopted, with no
// CreateFunction from the controller. adopt makes the spec Lambda's (its
// description and memorySize copied in, Lambda unchanged); adopt-or-create
// fills only what the spec leaves empty, and the spec's description then
// reaches Lambda; adopt-or-create with no function to adopt creates one.
func TestAdoptFunction(t *testing.T) {
	t.Parallel()
	e := alone(t, "adopt")
	for _, c := range []struct {
		policy          string
		existing        bool
		wantDescription string
		wantOwnership   ackv1alpha1.Ownership
	}{
		{policy: "adopt", existing: true, wantDescription: "made by hand", wantOwnership: ackv1alpha1.OwnershipAdopted},
		{policy: "adopt-or-create", existing: true, wantDescription: "from the spec", wantOwnership: ackv1alpha1.OwnershipAdopted},
		{policy: "adopt-or-create", existing: false, wantDescription: "from the spec", wantOwnership: ackv1alpha1.OwnershipCreated},
	} {
		t.Run(fmt.Sprintf("%s/existing=%t", c.policy, c.existing), func(t *testing.T) {
			t.Parallel()
			e := env{Env: e.For(t)}
			name := e.Unique(fmt.Sprintf("legacy-%s-%t", c.policy, c.existing))
			fn := e.functionObject("adopt", name)
			fn.Name = strings.ToLower(fmt.Sprintf("%s-%t", c.policy, c.existing))
			creates := 0
			if c.existing {
				createFunctionInAWS(t, fn, "made by hand", 256)
				creates = 1
			}
			fn.Spec.Description = aws.String("from the spec")
			fn.Annotations = map[string]string{"services.k8s.aws/adoption-policy": c.policy}
			e.Create(fn)
			got := harness.WaitFor(e.Env, fn, "to be "+string(c.wantOwnership)+" and synced", func(f *v1alpha1.Function) error {
				if md := f.Status.ACKResourceMetadata; md == nil || md.Ownership != c.wantOwnership {
					return fmt.Errorf("resource metadata %+v, want ownership %s", md, c.wantOwnership)
				}
				return harness.ConditionIs[*v1alpha1.Function]("ACK.ResourceSynced", metav1.ConditionTrue)(f)
			})
			if got.Status.ACKResourceMetadata.ARN == nil || aws.ToString(got.Status.State) != "Active" || got.Status.CodeSHA256 == nil {
				t.Errorf("status after adoption: ARN %v, state %q, codeSHA256 %v; want all filled", got.Status.ACKResourceMetadata.ARN, aws.ToString(got.Status.State), got.Status.CodeSHA256)
			}
			if d := aws.ToString(got.Spec.Description); d != c.wantDescription {
				t.Errorf("spec.description %q, want %q", d, c.wantDescription)
			}
			if c.existing && aws.ToInt64(got.Spec.MemorySize) != 256 {
				t.Errorf("spec.memorySize %d, want Lambda's 256 copied in", aws.ToInt64(got.Spec.MemorySize))
			}
			waitConfig(t, name, func(cfg *types.FunctionConfiguration) error {
				if d := aws.ToString(cfg.Description); d != c.wantDescription {
					return fmt.Errorf("description %q, want %q", d, c.wantDescription)
				}
				return nil
			})
			if n := createFunctionCalls(t, name); n != 1 {
				t.Errorf("%d CreateFunction calls for %s, want 1 (%d outside Kubernetes)", n, name, creates)
			}
		})
	}
}

// TestFunctionReadOnlyThenManaged: a Function the controller created is
// made read-only. A spec change and a change made in Lambda outside
// Kubernetes are both reported and neither written over, through several
// resyncs; once the annotation goes the object manages the function again
// and both fields become the spec's, with no second CreateFunction.
func TestFunctionReadOnlyThenManaged(t *testing.T) {
	t.Parallel()
	e := alone(t, "ro", "Function")
	name := e.Unique("watched")
	fn := e.functionObject("ro", name)
	fn.Spec.MemorySize, fn.Spec.Timeout = aws.Int64(128), aws.Int64(10)
	e.Create(fn)
	harness.WaitReady(e.Env, fn)

	e.Annotate(fn, map[string]string{"services.k8s.aws/read-only": "true"})
	harness.Edit(e.Env, fn, func(f *v1alpha1.Function) { f.Spec.MemorySize = aws.Int64(512) })
	if _, err := lambdaClient().UpdateFunctionConfiguration(context.Background(), &lambda.UpdateFunctionConfigurationInput{
		FunctionName: aws.String(name), Timeout: aws.Int32(30),
	}); err != nil {
		t.Fatal(err)
	}
	waitReadOnly(e.Env, fn, "memorySize")
	writes := writesOn(t, name)
	reads := opsOn(t, name)["GET /2015-03-31/functions/"+name]
	waitFor(t, func() error {
		if n := opsOn(t, name)["GET /2015-03-31/functions/"+name]; n < reads+3 {
			return fmt.Errorf("%d GetFunction calls while read-only, want three resyncs", n-reads)
		}
		return nil
	})
	if now := writesOn(t, name); now != writes {
		t.Errorf("%d writes to %s while read-only, want none", now-writes, name)
	}
	cfg := getFunction(t, name).Configuration
	if aws.ToInt32(cfg.MemorySize) != 128 || aws.ToInt32(cfg.Timeout) != 30 {
		t.Errorf("read-only function: memory %d, timeout %d; want Lambda's 128 and 30 untouched", aws.ToInt32(cfg.MemorySize), aws.ToInt32(cfg.Timeout))
	}

	e.Annotate(fn, map[string]string{"services.k8s.aws/read-only": ""})
	waitConfig(t, name, func(c *types.FunctionConfiguration) error {
		if aws.ToInt32(c.MemorySize) != 512 || aws.ToInt32(c.Timeout) != 10 {
			return fmt.Errorf("memory %d, timeout %d; want the spec's 512 and 10", aws.ToInt32(c.MemorySize), aws.ToInt32(c.Timeout))
		}
		return nil
	})
	got := harness.WaitReady(e.Env, fn)
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("resource metadata %+v after read-only, want ownership Created kept", md)
	}
	if n := createFunctionCalls(t, name); n != 1 {
		t.Errorf("%d CreateFunction calls for %s, want 1", n, name)
	}
}

// incumbentFunction is a Role and a Function written in the incumbent's
// field names and shapes: roleRef, code from an S3 bucket and key, tags
// and environment variables as maps, tracingConfig, ephemeralStorage and
// architectures. FUNCTION, ROLE, BUCKET and NS are replaced by the test.
const incumbentFunction = `
apiVersion: iam.services.k8s.aws/v1alpha1
kind: Role
metadata:
  name: incumbent-role
spec:
  name: ROLE
  description: runs the incumbent's function
  assumeRolePolicyDocument: |
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
  tags:
  - key: team
    value: payments
---
apiVersion: lambda.services.k8s.aws/v1alpha1
kind: Function
metadata:
  name: incumbent-function
spec:
  name: FUNCTION
  description: written for the incumbent
  runtime: python3.12
  handler: app.handler
  packageType: Zip
  architectures: [x86_64]
  roleRef:
    from:
      name: incumbent-role
      namespace: NS
  code:
    s3Bucket: BUCKET
    s3Key: app.zip
  memorySize: 256
  timeout: 15
  ephemeralStorage:
    size: 1024
  tracingConfig:
    mode: PassThrough
  environment:
    variables:
      STAGE: prod
      LOG_LEVEL: info
  tags:
    team: payments
    env: prod
`

// TestIncumbentFunctionManifest applies a manifest written for the
// incumbent, unchanged, with kubectl apply --validate=strict: the API
// server accepts every field, the Function becomes Ready, and Lambda has
// the function as written, the Role's ARN as its role and the tags.
func TestIncumbentFunctionManifest(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"incumbent"})
	name, bucket := e.Unique("incumbent"), strings.ToLower(e.Unique("incumbent-code"))
	code := zipOf(t, "def handler(event, context):\n    return 2\n")
	upload(t, bucket, "app.zip", code)
	e.applyManifest("incumbent", strings.NewReplacer("FUNCTION", name, "ROLE", e.Unique("incumbent-role"), "BUCKET", bucket, "NS", e.NS("incumbent")).Replace(incumbentFunction))

	role := harness.WaitReady(e.iam, &iamv1alpha1.Role{ObjectMeta: metaIn(e.NS("incumbent"), "incumbent-role")})
	harness.WaitReady(e.Env, &v1alpha1.Function{ObjectMeta: metaIn(e.NS("incumbent"), "incumbent-function")})
	got := getFunction(t, name)
	if got == nil {
		t.Fatalf("function %s is not in Lambda", name)
	}
	c := got.Configuration
	want := fmt.Sprintf("handler app.handler, runtime python3.12, role %s, memory 256, timeout 15, storage 1024, tracing PassThrough, sha256 %s, STAGE prod, LOG_LEVEL info, description written for the incumbent",
		aws.ToString(role.Status.ACKResourceMetadata.ARN), codeSHA256(code))
	var storage int32
	if c.EphemeralStorage != nil {
		storage = aws.ToInt32(c.EphemeralStorage.Size)
	}
	var tracing types.TracingMode
	if c.TracingConfig != nil {
		tracing = c.TracingConfig.Mode
	}
	var vars map[string]string
	if c.Environment != nil {
		vars = c.Environment.Variables
	}
	if have := fmt.Sprintf("handler %s, runtime %s, role %s, memory %d, timeout %d, storage %d, tracing %s, sha256 %s, STAGE %s, LOG_LEVEL %s, description %s",
		aws.ToString(c.Handler), c.Runtime, aws.ToString(c.Role), aws.ToInt32(c.MemorySize), aws.ToInt32(c.Timeout), storage, tracing,
		aws.ToString(c.CodeSha256), vars["STAGE"], vars["LOG_LEVEL"], aws.ToString(c.Description)); have != want {
		t.Errorf("function %s in Lambda:\n have %s\n want %s", name, have, want)
	}
	if got.Tags["team"] != "payments" || got.Tags["env"] != "prod" {
		t.Errorf("function %s tags %v, want team=payments and env=prod", name, got.Tags)
	}
}

// alone runs only the Lambda controller for this test (no peers),
// resyncing every object of the kinds named each second.
func alone(t *testing.T, ns string, resync ...string) env {
	t.Helper()
	o := harness.ControllerOptions{Namespaces: []string{ns}, Region: region}
	for _, kind := range resync {
		o.Flags = append(o.Flags, "--reconcile-resource-resync-seconds", kind+"=1")
	}
	return env{Env: suite.StartController(t, o)}
}

// functionObject is a Function named name in the test's namespace ns, its
// code a zip in the spec and its role made through the SDK.
func (e env) functionObject(ns, name string) *v1alpha1.Function {
	e.T.Helper()
	return &v1alpha1.Function{ObjectMeta: metaIn(e.NS(ns), "fn"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"),
		Role: e.lambdaRole(name), Code: &v1alpha1.FunctionCode{ZipFile: zipOf(e.T, "def handler(event, context):\n    return 1\n")},
	}}
}

// createFunctionInAWS makes fn's function behind the controller's back.
func createFunctionInAWS(t *testing.T, fn *v1alpha1.Function, description string, memory int32) {
	t.Helper()
	if _, err := lambdaClient().CreateFunction(context.Background(), &lambda.CreateFunctionInput{
		FunctionName: fn.Spec.Name, Runtime: types.Runtime(aws.ToString(fn.Spec.Runtime)), Handler: fn.Spec.Handler, Role: fn.Spec.Role,
		Code: &types.FunctionCode{ZipFile: fn.Spec.Code.ZipFile}, Description: aws.String(description), MemorySize: aws.Int32(memory),
	}); err != nil {
		t.Fatalf("CreateFunction %s: %v", aws.ToString(fn.Spec.Name), err)
	}
}

// createFunctionCalls counts the recorded CreateFunction calls naming the
// function, the controller's and the test's.
func createFunctionCalls(t *testing.T, name string) int {
	t.Helper()
	n := 0
	for _, c := range suite.Moto.Recording(t) {
		var body struct{ FunctionName string }
		if c.Operation() == createFunctionCall && json.Unmarshal(c.Body, &body) == nil && body.FunctionName == name {
			n++
		}
	}
	return n
}

// functionsNamed counts the functions Lambda lists under name.
func functionsNamed(t *testing.T, name string) int {
	t.Helper()
	n := 0
	p := lambda.NewListFunctionsPaginator(lambdaClient(), &lambda.ListFunctionsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListFunctions: %v", err)
		}
		for _, f := range out.Functions {
			if aws.ToString(f.FunctionName) == name {
				n++
			}
		}
	}
	return n
}

// writesOn counts the recorded calls that change the function: every
// call on its path but a read.
func writesOn(t *testing.T, name string) int {
	t.Helper()
	n := 0
	for op, c := range opsOn(t, name) {
		if !isRead(op) {
			n += c
		}
	}
	return n
}

// waitReadOnly waits until the controller reports, at fn's current
// generation, that AWS differs from the spec in field and it changes
// nothing.
func waitReadOnly[T harness.Managed](e *harness.Env, obj T, field string) T {
	e.T.Helper()
	return harness.WaitFor(e, obj, "to report the difference read-only", func(o T) error {
		c := harness.Condition(o, "ACK.ResourceSynced")
		if c == nil || c.Reason != "ReadOnly" || c.ObservedGeneration != o.GetGeneration() || !strings.Contains(c.Message, field) {
			return fmt.Errorf("ACK.ResourceSynced %+v, want ReadOnly naming %s at generation %d", c, field, o.GetGeneration())
		}
		return nil
	})
}
