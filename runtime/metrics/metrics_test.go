package metrics

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestAWSCallLabels(t *testing.T) {
	m := New()
	reg := prometheus.NewRegistry()
	if err := m.Register(reg); err != nil {
		t.Fatal(err)
	}
	m.AWSCall("DynamoDB", "DescribeTable", 200, "")
	m.AWSCall("DynamoDB", "CreateTable", 400, "ValidationException")
	m.AWSCall("DynamoDB", "CreateTable", 0, "RequestSendError")
	m.DriftCorrected("Table")
	want := `
# HELP kubesmith_aws_api_calls_total AWS API call attempts by service, operation, HTTP status (empty when no answer came) and AWS error code.
# TYPE kubesmith_aws_api_calls_total counter
kubesmith_aws_api_calls_total{error_code="",operation="DescribeTable",service="DynamoDB",status_code="200"} 1
kubesmith_aws_api_calls_total{error_code="RequestSendError",operation="CreateTable",service="DynamoDB",status_code=""} 1
kubesmith_aws_api_calls_total{error_code="ValidationException",operation="CreateTable",service="DynamoDB",status_code="400"} 1
# HELP kubesmith_drift_corrections_total Changes made in AWS outside Kubernetes that the controller put back, by kind.
# TYPE kubesmith_drift_corrections_total counter
kubesmith_drift_corrections_total{kind="Table"} 1
`
	// The labels are the HTTP status and AWS's code, never the SDK's fault enum.
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "kubesmith_aws_api_calls_total", "kubesmith_drift_corrections_total"); err != nil {
		t.Error(err)
	}
}
