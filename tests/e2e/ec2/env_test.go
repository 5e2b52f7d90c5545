package ec2

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/smithy-go"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// controllerRegion is the controller's --aws-region: neither region a VPC
// of these tests goes to, so that only the annotations can send it there.
const controllerRegion = "eu-west-1"

// manifest is the VPC, applied unchanged.
const manifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPC
metadata:
  name: vpc-demo
spec:
  cidrBlocks:
  - 10.0.0.0/16
  enableDNSSupport: true
  enableDNSHostnames: true
  tags:
    - key: Name
      value: vpc-demo
`

// env is one running EC2 controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs the controller for this test in controllerRegion, resyncing
// every VPC each second.
func start(t *testing.T, namespaces ...string) env {
	t.Helper()
	return env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: namespaces,
		Region:     controllerRegion,
		Flags:      []string{"--reconcile-resource-resync-seconds", "VPC=1"},
	})}
}

// demo is the manifest's VPC in the test's namespace ns.
func (e env) demo(ns string, annotations map[string]string) *v1alpha1.VPC {
	e.T.Helper()
	var v v1alpha1.VPC
	if err := yaml.UnmarshalStrict([]byte(manifest), &v); err != nil {
		e.T.Fatalf("the manifest: %v", err)
	}
	v.Namespace, v.Annotations = e.NS(ns), annotations
	return &v
}

func ec2Client(region string) *ec2.Client {
	return ec2.NewFromConfig(suite.Moto.AWSConfig(region))
}

// describeVPC reads a VPC through the SDK in region; nil when EC2 says
// there is none.
func describeVPC(t *testing.T, region, id string) *types.Vpc {
	t.Helper()
	out, err := ec2Client(region).DescribeVpcs(context.Background(), &ec2.DescribeVpcsInput{VpcIds: []string{id}})
	return first(t, "DescribeVpcs "+id+" in "+region, err, func() []types.Vpc { return out.Vpcs }, "InvalidVpcID.NotFound")
}

// attribute reads one boolean attribute of a VPC through the SDK.
func attribute(t *testing.T, region, id string, name types.VpcAttributeName) bool {
	t.Helper()
	out, err := ec2Client(region).DescribeVpcAttribute(context.Background(), &ec2.DescribeVpcAttributeInput{VpcId: aws.String(id), Attribute: name})
	if err != nil {
		t.Fatalf("DescribeVpcAttribute %s %s in %s: %v", name, id, region, err)
	}
	v := out.EnableDnsHostnames
	if name == types.VpcAttributeNameEnableDnsSupport {
		v = out.EnableDnsSupport
	}
	return v != nil && aws.ToBool(v.Value)
}

func tagValue(tags []types.Tag, key string) (string, bool) {
	for _, t := range tags {
		if aws.ToString(t.Key) == key {
			return aws.ToString(t.Value), true
		}
	}
	return "", false
}

// opsOn counts the recorded calls since the suite started whose request
// names the VPC (VpcId, VpcId.1, ResourceId.1 …), by operation.
func opsOn(t *testing.T, id string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			continue
		}
		for _, values := range form {
			if len(values) == 1 && values[0] == id {
				counts[c.Operation()]++
				break
			}
		}
	}
	return counts
}

// isRead says whether an EC2 operation only reads.
func isRead(op string) bool { return strings.HasPrefix(op, "Describe") }

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// first is what a Describe call by one identifier found: nil when EC2
// answers one of the not-found codes or lists nothing; any other error
// fails the test.
func first[T any](t *testing.T, call string, err error, items func() []T, notFoundCodes ...string) *T {
	t.Helper()
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && slices.Contains(notFoundCodes, apiErr.ErrorCode()) {
		return nil
	}
	if err != nil {
		t.Fatalf("%s: %v", call, err)
	}
	if list := items(); len(list) > 0 {
		return &list[0]
	}
	return nil
}
