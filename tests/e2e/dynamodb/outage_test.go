package dynamodb

import (
	"slices"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestOutage cuts the controller off from AWS with a TCP proxy: resources
// turn Recoverable, and once AWS is back they return to Ready with
// nothing created twice.
func TestOutage(t *testing.T) {
	t.Parallel()
	proxy := harness.StartProxy(t, suite.Moto.Endpoint())
	e := startController(t, controllerOptions{Namespaces: []string{"outage"}, Endpoint: proxy.URL()})
	before := e.newTable("outage", "before", nil)
	e.Create(before)
	e.waitReady(before)

	proxy.Stop()
	during := e.newTable("outage", "during", nil)
	e.Create(during)
	e.RequestCheck(before)
	for _, tbl := range []*v1alpha1.Table{before, during} {
		got := e.waitFor(tbl, "to be Recoverable", conditionIs("ACK.Recoverable", metav1.ConditionTrue))
		if c := harness.Condition(got, "Ready"); c.Status != metav1.ConditionFalse {
			t.Errorf("%s: Ready = %s during the outage, want False", tbl.Name, c.Status)
		}
	}

	proxy.Start()
	for _, tbl := range []*v1alpha1.Table{before, during} {
		got := e.waitReady(tbl)
		if c := harness.Condition(got, "ACK.Recoverable"); c.Type != "" {
			t.Errorf("%s: ACK.Recoverable still present: %+v", tbl.Name, c)
		}
	}
	names := tableNames(t, region, "")
	for _, tbl := range []*v1alpha1.Table{before, during} {
		if !slices.Contains(names, *tbl.Spec.TableName) {
			t.Errorf("table %s is not in DynamoDB", *tbl.Spec.TableName)
		}
	}
	m := e.Scrape()
	if n := m.Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": "CreateTable", "status_code": "200"}); n != 2 {
		t.Errorf("%v successful creates for 2 tables\n%s", n, m.String("kubesmith_aws_api_calls_total"))
	}
	if n := m.Sum("kubesmith_aws_api_calls_total", map[string]string{"error_code": "ResourceInUseException"}); n != 0 {
		t.Errorf("%v creates found the table already there", n)
	}
	if n := m.Sum("kubesmith_aws_api_calls_total", map[string]string{"error_code": "RequestSendError"}); n == 0 {
		t.Error("no failed calls were counted during the outage")
	}
}
