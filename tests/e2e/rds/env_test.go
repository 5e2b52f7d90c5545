package rds

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/smithy-go"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controllers' --aws-region.
const region = "us-east-1"

// env is one test's running RDS controller and the EC2 controller beside it.
type env struct {
	*harness.Env
	ec2 *harness.Env
}

// start runs the RDS and EC2 controllers for this test, resyncing every
// object of the RDS kinds named each second.
func start(t *testing.T, namespaces []string, resync ...string) env {
	t.Helper()
	o := harness.ControllerOptions{Namespaces: namespaces, Region: region}
	for _, kind := range resync {
		o.Flags = append(o.Flags, "--reconcile-resource-resync-seconds", kind+"=1")
	}
	e := env{Env: suite.StartController(t, o)}
	peer := o
	peer.Flags = nil
	e.ec2 = e.StartPeer("ec2", peer)
	return e
}

func rdsClient() *rds.Client { return rds.NewFromConfig(suite.Moto.AWSConfig(region)) }

// apply writes manifest to a file and applies it in one kubectl apply
// into namespace ns.
func (e env) apply(ns, manifest string) {
	e.T.Helper()
	file := filepath.Join(e.T.TempDir(), "stack.yaml")
	if err := os.WriteFile(file, []byte(manifest), 0o600); err != nil {
		e.T.Fatal(err)
	}
	e.Kubectl("apply", "--validate=strict", "-n", e.NS(ns), "-f", file)
}

// isNotFound reports whether err is one of RDS's not-found codes; another
// error fails the test.
func isNotFound(t *testing.T, call string, err error) bool {
	t.Helper()
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && strings.HasSuffix(strings.TrimSuffix(apiErr.ErrorCode(), "Fault"), "NotFound") {
		return true
	}
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	return false
}

// waitAWS polls check until it accepts what RDS reports.
func waitAWS(t *testing.T, check func() error) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, check)
}

// recorded are the RDS calls recorded since the suite started whose form
// names value as one of members, in order.
func recorded(t *testing.T, value string, members ...string) []url.Values {
	t.Helper()
	var out []url.Values
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil || !strings.Contains(form.Get("Version"), "2014-10-31") {
			continue
		}
		for _, m := range members {
			if form.Get(m) == value {
				out = append(out, form)
				break
			}
		}
	}
	return out
}

// opsOn counts the recorded RDS calls naming the resource by its
// identifier member or its ARN, by operation.
func opsOn(t *testing.T, idMember, id, arn string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, f := range recorded(t, id, idMember) {
		counts[f.Get("Action")]++
	}
	for _, f := range recorded(t, arn, "ResourceName") {
		counts[f.Get("Action")]++
	}
	return counts
}

func isRead(op string) bool {
	return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "List")
}

// sent is the value of member in the last recorded call of action naming
// id as idMember, "" when there is none.
func sent(t *testing.T, action, idMember, id, member string) string {
	t.Helper()
	last := ""
	for _, f := range recorded(t, id, idMember) {
		if f.Get("Action") == action && f.Has(member) {
			last = f.Get(member)
		}
	}
	return last
}

func clientKey(ns, name string) client.ObjectKey { return client.ObjectKey{Namespace: ns, Name: name} }
