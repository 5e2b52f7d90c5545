package lambda

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/smithy-go"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// trust lets Lambda assume a role.
const trust = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}`

// newFunction makes, through the SDK, a role for it, and applies a Function
// named name with a zip as its code; it returns the Ready object.
func (e env) newFunction(ns, name string) *v1alpha1.Function {
	e.T.Helper()
	fn := &v1alpha1.Function{ObjectMeta: metaIn(e.NS(ns), "fn"), Spec: v1alpha1.FunctionSpec{
		Name: aws.String(name), Runtime: aws.String("python3.12"), Handler: aws.String("index.handler"),
		Role: e.lambdaRole(name), Code: &v1alpha1.FunctionCode{ZipFile: zipOf(e.T, "def handler(event, context):\n    return 1\n")},
	}}
	e.Create(fn)
	return harness.WaitReady(e.Env, fn)
}

// lambdaRole makes, through the SDK, an IAM role Lambda may assume, and
// returns its ARN.
func (e env) lambdaRole(name string) *string {
	e.T.Helper()
	role, err := iam.NewFromConfig(suite.Moto.AWSConfig(region)).CreateRole(context.Background(), &iam.CreateRoleInput{
		RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trust),
	})
	if err != nil {
		e.T.Fatalf("CreateRole %s: %v", name, err)
	}
	return role.Role.Arn
}

// apiCode is the AWS error code of err, "" for none; another kind of
// error fails the test.
func apiCode(t *testing.T, call string, err error) string {
	t.Helper()
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	return ""
}

// waitFor waits until check passes.
func waitFor(t *testing.T, check func() error) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, check)
}

// TestAliasAndVersion publishes a Version of a Function and points an
// Alias at it: Lambda has both; a second Version, published after the
// function's description changed, takes the alias when its functionVersion
// changes; an alias retargeted out of band is put back; ten unchanged
// resyncs read the alias only; deleting the objects deletes the alias and
// the published version, and leaves the function.
func TestAliasAndVersion(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"alias"}, "Alias")
	name := e.Unique("aliased")
	fn := e.newFunction("alias", name)

	v1 := &v1alpha1.Version{ObjectMeta: metaIn(e.NS("alias"), "v1"), Spec: v1alpha1.VersionSpec{
		FunctionRef: ref("fn"), Description: aws.String("first"),
	}}
	e.Create(v1)
	v1 = harness.WaitReady(e.Env, v1)
	if aws.ToString(v1.Status.Version) != "1" {
		t.Fatalf("version v1 has status.version %q, want 1", aws.ToString(v1.Status.Version))
	}
	if _, err := lambdaClient().GetFunction(context.Background(), &lambda.GetFunctionInput{FunctionName: aws.String(name), Qualifier: aws.String("1")}); err != nil {
		t.Fatalf("GetFunction %s:1: %v", name, err)
	}

	alias := &v1alpha1.Alias{ObjectMeta: metaIn(e.NS("alias"), "live"), Spec: v1alpha1.AliasSpec{
		Name: aws.String("live"), FunctionRef: ref("fn"), FunctionVersion: aws.String("1"),
	}}
	e.Create(alias)
	alias = harness.WaitReady(e.Env, alias)
	waitAlias(t, name, "1")

	harness.CheckSteadyReads(e.Env, "lambda", "Alias", func() map[string]int { return opsOn(t, name) }, isRead,
		"GET /2015-03-31/functions/"+name+"/aliases/live")

	harness.Edit(e.Env, fn, func(f *v1alpha1.Function) { f.Spec.Description = aws.String("second") })
	waitConfig(t, name, func(c *types.FunctionConfiguration) error {
		if aws.ToString(c.Description) != "second" {
			return fmt.Errorf("description %q, want second", aws.ToString(c.Description))
		}
		return nil
	})
	v2 := &v1alpha1.Version{ObjectMeta: metaIn(e.NS("alias"), "v2"), Spec: v1alpha1.VersionSpec{FunctionRef: ref("fn")}}
	e.Create(v2)
	v2 = harness.WaitReady(e.Env, v2)
	if aws.ToString(v2.Status.Version) != "2" {
		t.Fatalf("version v2 has status.version %q, want 2", aws.ToString(v2.Status.Version))
	}
	harness.Edit(e.Env, alias, func(a *v1alpha1.Alias) { a.Spec.FunctionVersion = aws.String("2") })
	waitAlias(t, name, "2")

	if _, err := lambdaClient().UpdateAlias(context.Background(), &lambda.UpdateAliasInput{
		FunctionName: aws.String(name), Name: aws.String("live"), FunctionVersion: aws.String("1"),
	}); err != nil {
		t.Fatal(err)
	}
	waitAlias(t, name, "2")

	for _, o := range []harness.Managed{alias, v2, v1} {
		e.Delete(o)
		e.WaitGone(o)
	}
	_, err := lambdaClient().GetAlias(context.Background(), &lambda.GetAliasInput{FunctionName: aws.String(name), Name: aws.String("live")})
	if code := apiCode(t, "GetAlias", err); code != "ResourceNotFoundException" {
		t.Errorf("GetAlias %s live after delete: %v, want ResourceNotFoundException", name, err)
	}
	_, err = lambdaClient().GetFunction(context.Background(), &lambda.GetFunctionInput{FunctionName: aws.String(name), Qualifier: aws.String("1")})
	if code := apiCode(t, "GetFunction", err); code != "ResourceNotFoundException" {
		t.Errorf("GetFunction %s:1 after its Version object is gone: %v, want ResourceNotFoundException", name, err)
	}
	if getFunction(t, name) == nil {
		t.Errorf("function %s is gone with its versions; deleting a Version must leave it", name)
	}
}

// waitAlias waits until the function's alias live points at version.
func waitAlias(t *testing.T, name, version string) {
	t.Helper()
	waitFor(t, func() error {
		out, err := lambdaClient().GetAlias(context.Background(), &lambda.GetAliasInput{FunctionName: aws.String(name), Name: aws.String("live")})
		if err != nil {
			return err
		}
		if aws.ToString(out.FunctionVersion) != version {
			return fmt.Errorf("alias live of %s points at %q, want %q", name, aws.ToString(out.FunctionVersion), version)
		}
		return nil
	})
}

// ref names an object of the test's namespace.
func ref(name string) *ackv1alpha1.AWSResourceReferenceWrapper {
	return &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String(name)}}
}
