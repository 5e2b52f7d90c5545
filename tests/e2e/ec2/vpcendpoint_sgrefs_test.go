package ec2

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// interfaceEndpointManifest is an interface endpoint in the manifest's
// VPC whose security group is the SecurityGroup sg-endpoint, named by
// securityGroupRefs; the test fills in its subnet.
const interfaceEndpointManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPCEndpoint
metadata:
  name: ec2-endpoint
spec:
  vpcRef:
    from:
      name: vpc-demo
  serviceName: com.amazonaws.us-east-1.ec2
  vpcEndpointType: Interface
  securityGroupRefs:
  - from:
      name: sg-endpoint
`

// endpointGroupManifest is the SecurityGroup the interface endpoint names.
const endpointGroupManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: SecurityGroup
metadata:
  name: sg-endpoint
spec:
  name: sg-endpoint
  description: the EC2 interface endpoint
  vpcRef:
    from:
      name: vpc-demo
`

// TestVPCEndpointSecurityGroupRefs applies an interface VPCEndpoint naming
// its security group by securityGroupRefs, before the SecurityGroup: the
// endpoint becomes Ready once the group is, and EC2 has it with that
// group; deleting both removes the endpoint.
func TestVPCEndpointSecurityGroupRefs(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"vpce-sg"},
		Region:     region,
	})}
	v := e.demo("vpce-sg", nil)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	vpcID := aws.ToString(readyVPC.Status.VPCID)
	sub, err := ec2Client(region).CreateSubnet(context.Background(), &ec2.CreateSubnetInput{VpcId: &vpcID, CidrBlock: aws.String("10.0.9.0/24")})
	if err != nil {
		t.Fatalf("CreateSubnet in %s: %v", vpcID, err)
	}
	subnetID := aws.ToString(sub.Subnet.SubnetId)

	var ep v1alpha1.VPCEndpoint
	var sg v1alpha1.SecurityGroup
	if err := yaml.UnmarshalStrict([]byte(interfaceEndpointManifest), &ep); err != nil {
		t.Fatalf("the endpoint manifest: %v", err)
	}
	if err := yaml.UnmarshalStrict([]byte(endpointGroupManifest), &sg); err != nil {
		t.Fatalf("the security group manifest: %v", err)
	}
	ep.Namespace, sg.Namespace = e.NS("vpce-sg"), e.NS("vpce-sg")
	ep.Spec.SubnetIDs = []string{subnetID}
	e.Create(&ep)
	e.Create(&sg)
	readySG := harness.WaitReady(e.Env, &sg)
	ready := harness.WaitReady(e.Env, &ep)
	groupID := aws.ToString(readySG.Status.ID)
	id := aws.ToString(ready.Status.VPCEndpointID)
	got := describeEndpoint(t, region, id)
	if got == nil {
		t.Fatalf("endpoint %q of %s is not in %s", id, ep.Name, region)
	}
	var groups []string
	for _, g := range got.Groups {
		groups = append(groups, aws.ToString(g.GroupId))
	}
	if groupID == "" || !slices.Equal(groups, []string{groupID}) {
		t.Errorf("endpoint %s has security groups %v, want [%s] (securityGroupRefs sg-endpoint)", id, groups, groupID)
	}

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeEndpoint(t, region, id) != nil {
			return fmt.Errorf("endpoint %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	e.Delete(readySG)
	e.WaitGone(readySG)
}
