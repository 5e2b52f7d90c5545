package lambda

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestAliasPermissions gives an Alias two permissions: Lambda's policy of
// the alias holds both statements; ten unchanged resyncs read the alias
// and its policy only; a statement removed out of band is put back; one
// whose source ARN changes in the spec is replaced; one dropped from the
// spec is removed from AWS.
func TestAliasPermissions(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"perms"}, "Alias")
	name := e.Unique("permitted")
	e.newFunction("perms", name)

	bucket := "arn:aws:s3:::" + name + "-uploads"
	rule := "arn:aws:events:us-east-1:123456789012:rule/" + name
	alias := &v1alpha1.Alias{ObjectMeta: metaIn(e.NS("perms"), "live"), Spec: v1alpha1.AliasSpec{
		Name: aws.String("live"), FunctionRef: ref("fn"), FunctionVersion: aws.String("$LATEST"),
		Permissions: []v1alpha1.AddPermissionInput{
			{StatementID: aws.String("s3"), Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com"),
				SourceARN: aws.String(bucket), SourceAccount: aws.String("123456789012")},
			{StatementID: aws.String("events"), Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("events.amazonaws.com"),
				SourceARN: aws.String(rule)},
		},
	}}
	e.Create(alias)
	alias = harness.WaitReady(e.Env, alias)
	waitStatements(t, name, map[string]string{"events": rule, "s3": bucket})

	harness.CheckSteadyReads(e.Env, "lambda", "Alias", func() map[string]int { return opsOn(t, name) }, isRead,
		"GET /2015-03-31/functions/"+name+"/aliases/live", "GET /2015-03-31/functions/"+name+"/policy")

	if _, err := lambdaClient().RemovePermission(context.Background(), &lambda.RemovePermissionInput{
		FunctionName: aws.String(name), Qualifier: aws.String("live"), StatementId: aws.String("events"),
	}); err != nil {
		t.Fatalf("RemovePermission events out of band: %v", err)
	}
	waitStatements(t, name, map[string]string{"events": rule, "s3": bucket})

	other := bucket + "-2"
	harness.Edit(e.Env, alias, func(a *v1alpha1.Alias) { a.Spec.Permissions[0].SourceARN = aws.String(other) })
	waitStatements(t, name, map[string]string{"events": rule, "s3": other})

	harness.Edit(e.Env, alias, func(a *v1alpha1.Alias) { a.Spec.Permissions = a.Spec.Permissions[:1] })
	waitStatements(t, name, map[string]string{"s3": other})

	e.Delete(alias)
	e.WaitGone(alias)
}

// waitStatements waits until the policy of the function's alias live
// holds exactly the statements want names by Sid, each with its
// AWS:SourceArn condition.
func waitStatements(t *testing.T, name string, want map[string]string) {
	t.Helper()
	waitFor(t, func() error {
		got, err := aliasStatements(name)
		if err != nil {
			return err
		}
		if !maps.Equal(got, want) {
			return fmt.Errorf("policy of %s:live holds %v, want %v", name, got, want)
		}
		return nil
	})
}

// aliasStatements reads through the SDK the policy of the function's
// alias live: each statement's source ARN by its Sid.
func aliasStatements(name string) (map[string]string, error) {
	out, err := lambdaClient().GetPolicy(context.Background(), &lambda.GetPolicyInput{FunctionName: aws.String(name), Qualifier: aws.String("live")})
	if err != nil {
		return nil, err
	}
	var policy struct {
		Statement []struct {
			Sid       string
			Condition map[string]map[string]string
		}
	}
	if err := json.Unmarshal([]byte(aws.ToString(out.Policy)), &policy); err != nil {
		return nil, fmt.Errorf("GetPolicy %s:live: %w", name, err)
	}
	got := map[string]string{}
	for _, s := range policy.Statement {
		got[s.Sid] = s.Condition["ArnLike"]["AWS:SourceArn"]
	}
	return got, nil
}
