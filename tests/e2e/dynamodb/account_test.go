package dynamodb

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/kubesmith/kubesmith/tests/harness"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TestCrossAccount puts a namespace in another AWS account: the controller
// maps the account to a role through the ack-role-account-map ConfigMap in
// its own namespace (the release namespace, which it does not watch and
// where the chart lets it read only that ConfigMap), assumes it with STS,
// and the table lands in that account (moto keeps accounts apart by the
// assumed role's credentials).
func TestCrossAccount(t *testing.T) {
	t.Parallel()
	const account = "111122223333"
	e := startController(t, controllerOptions{Namespaces: []string{"team"}})
	system := e.NS("system")
	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: "ack-role-account-map", Namespace: system},
		Data:       map[string]string{account: "arn:aws:iam::" + account + ":role/ack-dynamodb"},
	}
	if err := e.K.Create(context.Background(), cm); err != nil {
		t.Fatal(err)
	}
	e.AnnotateNamespace("team", map[string]string{"services.k8s.aws/owner-account-id": account})

	tbl := e.newTable("team", "orders", nil)
	e.Create(tbl)
	got := e.waitReady(tbl)
	name := *tbl.Spec.TableName
	if !slices.Contains(tableNames(t, region, account), name) {
		t.Errorf("table %s is not in account %s", name, account)
	}
	if slices.Contains(tableNames(t, region, ""), name) {
		t.Errorf("table %s is in the controller's own account", name)
	}
	md := got.Status.ACKResourceMetadata
	if aws.ToString(md.OwnerAccountID) != account || !strings.Contains(aws.ToString(md.ARN), ":"+account+":") {
		t.Errorf("status metadata %+v, want account %s", md, account)
	}
	if n := e.Scrape().Sum("kubesmith_aws_api_calls_total", map[string]string{"service": "STS", "operation": "AssumeRole", "status_code": "200"}); n < 1 {
		t.Error("no AssumeRole call was counted")
	}

	// The account is pinned: without the annotation the table is not made
	// again in the controller's own account, and the object says why.
	e.AnnotateNamespace("team", map[string]string{"services.k8s.aws/owner-account-id": ""})
	stuck := e.waitFor(tbl, "to be Terminal", conditionIs("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(stuck, "ACK.Terminal").Message; !strings.Contains(msg, account) {
		t.Errorf("Terminal message %q does not name the pinned account", msg)
	}
	if slices.Contains(tableNames(t, region, ""), name) {
		t.Errorf("table %s was made in the controller's own account once the annotation went", name)
	}
	// A deletion still goes to the account the table lives in.
	if err := e.K.Delete(context.Background(), stuck); err != nil {
		t.Fatal(err)
	}
	e.WaitGone(tbl)
	if slices.Contains(tableNames(t, region, account), name) {
		t.Errorf("table %s is still in account %s after the object was deleted", name, account)
	}
}
