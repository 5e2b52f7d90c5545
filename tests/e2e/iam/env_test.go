package iam

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/kubesmith/kubesmith/runtime/compare"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controller's --aws-region: IAM is global, and moto keeps
// one IAM per account whatever the signing region.
const region = "us-east-1"

// env is one running IAM controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs a controller for this test that resyncs every kind each
// second, so out-of-band changes are put back and resyncs can be counted.
func start(t *testing.T, namespaces ...string) env {
	t.Helper()
	return env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: namespaces, Region: region,
		Flags: []string{"--reconcile-resource-resync-seconds", "Role=1", "--reconcile-resource-resync-seconds", "User=1",
			"--reconcile-resource-resync-seconds", "Group=1",
			"--reconcile-resource-resync-seconds", "Policy=1", "--reconcile-resource-resync-seconds", "InstanceProfile=1",
			"--reconcile-resource-resync-seconds", "OpenIDConnectProvider=1"},
	})}
}

func iamClient() *iam.Client { return iam.NewFromConfig(suite.Moto.AWSConfig(region)) }

// trust is an assume-role policy for a service principal.
func trust(service string) string {
	return `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "` + service + `"}, "Action": "sts:AssumeRole"}]}`
}

// allow is a policy document allowing one action on everything.
func allow(action string) string {
	return `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "` + action + `", "Resource": "*"}]}`
}

// customerPolicy creates a managed policy through the SDK and returns
// its ARN (moto attaches AWS managed policies only when it loads them).
func customerPolicy(t *testing.T, name string) string {
	t.Helper()
	out, err := iamClient().CreatePolicy(context.Background(), &iam.CreatePolicyInput{PolicyName: aws.String(name), PolicyDocument: aws.String(allow("s3:GetObject"))})
	if err != nil {
		t.Fatalf("CreatePolicy %s: %v", name, err)
	}
	return aws.ToString(out.Policy.Arn)
}

// inline reads the inline policies of a role, user or group through list
// and get functions of the SDK; one the controller deleted since the list
// is left out.
func inline(t *testing.T, names []string, get func(name string) (*string, error)) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range names {
		doc, err := get(n)
		if isNoSuchEntity(err) {
			continue
		}
		if err != nil {
			t.Fatalf("reading inline policy %s: %v", n, err)
		}
		out[n] = aws.ToString(doc)
	}
	return out
}

// samePolicies says whether AWS holds exactly the wanted inline policies,
// each compared as a policy (IAM returns documents URL-encoded).
func samePolicies(got, want map[string]string) error {
	if !compare.SameMap(want, got, compare.Policy) {
		return fmt.Errorf("inline policies %v, want %v", got, want)
	}
	return nil
}

// arns lists the attached policies' ARNs, sorted.
func arns(attached []types.AttachedPolicy) []string {
	var out []string
	for _, p := range attached {
		out = append(out, aws.ToString(p.PolicyArn))
	}
	slices.Sort(out)
	return out
}

// isNoSuchEntity says whether err is IAM's not-found answer.
func isNoSuchEntity(err error) bool {
	var nf *types.NoSuchEntityException
	return errors.As(err, &nf)
}

// opsOn counts the recorded calls since the suite started whose request
// names the IAM entity name, by operation.
func opsOn(t *testing.T, name string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			continue
		}
		for _, values := range form {
			if len(values) == 1 && values[0] == name {
				counts[c.Operation()]++
				break
			}
		}
	}
	return counts
}

// isRead says whether an IAM operation only reads.
func isRead(op string) bool { return strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List") }

// checkEconomy counts, with moto's recorder, what an unchanged resource of
// kind named name in IAM costs over ten resyncs: no writes, and reads of
// the operations named only, each want[op] times per resync.
func (e env) checkEconomy(kind, name string, want map[string]int) {
	e.T.Helper()
	all := map[string]string{"kind": kind}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(e.T, name)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(e.T, name)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	calls := map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			calls[op] = d
		}
	}
	e.T.Logf("economy iam %s: %v over %v resyncs", kind, calls, passes)
	for op, n := range calls {
		if !isRead(op) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged %s", n, op, passes, kind)
			continue
		}
		// A pass can straddle a count: a margin of one pass.
		if per := want[op]; per == 0 || float64(n) > float64(per)*(passes+1) || float64(n) < float64(per)*(passes-1) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged %s, want %d per resync", n, op, passes, kind, per)
		}
	}
	for op := range want {
		if calls[op] == 0 {
			e.T.Errorf("no %s call in %v resyncs of an unchanged %s", op, passes, kind)
		}
	}
}
