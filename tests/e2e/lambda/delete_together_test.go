package lambda

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestAliasDeletedWithFunction deletes an Alias and the Function its
// functionRef names in one kubectl delete, as deleting a folder of
// manifests does: GetAlias does not report the function's name, so once
// the Function object is gone the reference cannot resolve, and the
// Alias must still find its function to be deleted. Both objects go, and
// Lambda has no alias left.
func TestAliasDeletedWithFunction(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"together"})
	name := e.Unique("together")
	e.newFunction("together", name)
	alias := &v1alpha1.Alias{ObjectMeta: metaIn(e.NS("together"), "live"), Spec: v1alpha1.AliasSpec{
		Name: aws.String("live"), FunctionRef: ref("fn"), FunctionVersion: aws.String("$LATEST"),
	}}
	e.Create(alias)
	alias = harness.WaitReady(e.Env, alias)
	waitAlias(t, name, "$LATEST")

	e.Kubectl("delete", "--wait=false", "-n", e.NS("together"), "functions.lambda.services.k8s.aws/fn", "aliases.lambda.services.k8s.aws/live")
	e.WaitGone(&v1alpha1.Function{ObjectMeta: metaIn(e.NS("together"), "fn")})
	e.WaitGone(alias)
	_, err := lambdaClient().GetAlias(context.Background(), &lambda.GetAliasInput{FunctionName: aws.String(name), Name: aws.String("live")})
	if code := apiCode(t, "GetAlias", err); code != "ResourceNotFoundException" {
		t.Errorf("GetAlias %s live after both objects are gone: %v, want ResourceNotFoundException", name, err)
	}
}
