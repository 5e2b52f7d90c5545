package lambda

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/lambda/samples/ as its header says, in one
// kubectl apply --validate=strict, beside generated/iam/samples/ (the
// Function's role) and generated/sqs/samples/ (the EventSourceMapping's
// queue): every object becomes Ready and Lambda has each sample; deleting
// the objects naming the function, then the function and the peers'
// folders, removes them.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"samples"})
	roles := e.iam.ApplySamples("samples")
	queues := e.sqs.ApplySamples("samples")
	objs := e.ApplySamples("samples")
	var gone []func() error
	for _, o := range objs {
		switch o := harness.WaitReady(e.Env, o).(type) {
		case *v1alpha1.Function:
			name := aws.ToString(o.Spec.Name)
			if got := getFunction(t, name); got == nil || aws.ToString(got.Configuration.Handler) != aws.ToString(o.Spec.Handler) {
				t.Errorf("sample %s in Lambda: %v, want handler %s", o.Name, got, aws.ToString(o.Spec.Handler))
			}
			gone = append(gone, func() error {
				if getFunction(t, name) != nil {
					return fmt.Errorf("function %s is still in Lambda", name)
				}
				return nil
			})
		case *v1alpha1.Alias, *v1alpha1.EventSourceMapping, *v1alpha1.FunctionURLConfig, *v1alpha1.Version, *v1alpha1.LayerVersion:
			// TestAliasAndVersion, TestEventSourceMapping, TestFunctionURLConfig
			// and TestLayerVersion check these kinds in Lambda, and their deletion.
		default:
			t.Fatalf("no check of a %T sample in Lambda", o)
		}
	}
	for _, o := range append(roles, queues...) {
		harness.WaitReady(e.iam, o)
	}
	mappings, err := lambdaClient().ListEventSourceMappings(context.Background(), &lambda.ListEventSourceMappingsInput{FunctionName: aws.String("kubesmith-sample-function")})
	if err != nil || len(mappings.EventSourceMappings) != 1 {
		t.Errorf("the sample function's event source mappings: %v, %v; want one", mappings, err)
	}
	// The kinds naming the function go first: deleted with it in one
	// kubectl delete, an Alias whose Function object is already gone has no
	// function name to read or delete by, and keeps its finalizer (a gap of
	// the runtime's references, in the report of this branch).
	for _, functions := range []bool{false, true} {
		for _, o := range objs {
			if _, fn := o.(*v1alpha1.Function); fn == functions {
				e.Delete(o)
				e.WaitGone(o)
			}
		}
	}
	e.sqs.DeleteSamples("samples", queues)
	e.iam.DeleteSamples("samples", roles)
	for _, check := range gone {
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, check)
	}
}
