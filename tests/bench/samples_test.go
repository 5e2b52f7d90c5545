//go:build bench

package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/yaml"
)

// sample is one committed kind as the bench makes it: a manifest in
// testdata (a text/template of sampleValues) and the reads that an
// unchanged object needs at least on a resync.
type sample struct {
	service, kind, plural string
	file                  string // under testdata
	// minimal are the operations a resync of one unchanged object cannot
	// do without, and why is the reason.
	minimal []string
	why     string
}

// samples are every committed kind. The samples another engineer adds
// under generated/<svc>/samples may replace the files in testdata.
var samples = []sample{
	{"dynamodb", "Table", "tables", "dynamodb-table.yaml", []string{"DescribeTable", "ListTagsOfResource"}, "the table, and its tags, which DescribeTable leaves out (the chart's default resourceTags tag every resource, so tags are always compared)"},
	{"dynamodb", "Backup", "backups", "dynamodb-backup.yaml", []string{"DescribeBackup"}, "the backup; it has no tags and nothing to update"},
	{"s3", "Bucket", "buckets", "s3-bucket.yaml", []string{"HEAD /{bucket}", "GET /{bucket}?tagging"}, "that the bucket exists, and its tags (the chart's default resourceTags); a sub-resource the spec leaves unset is not read"},
	{"ec2", "VPC", "vpcs", "ec2-vpc.yaml", []string{"DescribeVpcs"}, "the VPC, with its CIDR blocks and tags; an attribute (DNS support, DNS host names) needs a DescribeVpcAttribute of its own only when the spec sets it"},
	{"ec2", "Subnet", "subnets", "ec2-subnet.yaml", []string{"DescribeSubnets"}, "the subnet, with its tags and attributes"},
	{"ec2", "RouteTable", "routetables", "ec2-routetable.yaml", []string{"DescribeRouteTables"}, "the table, with its routes and tags"},
	{"ec2", "SecurityGroup", "securitygroups", "ec2-securitygroup.yaml", []string{"DescribeSecurityGroups"}, "the group, with its rules and tags"},
	{"ec2", "InternetGateway", "internetgateways", "ec2-internetgateway.yaml", []string{"DescribeInternetGateways"}, "the gateway, with its attachment and tags"},
	{"ec2", "EgressOnlyInternetGateway", "egressonlyinternetgateways", "ec2-egressonlyinternetgateway.yaml", []string{"DescribeEgressOnlyInternetGateways"}, "the gateway, with its tags"},
	{"ec2", "ElasticIPAddress", "elasticipaddresses", "ec2-elasticipaddress.yaml", []string{"DescribeAddresses"}, "the address, with its tags"},
	{"ec2", "NATGateway", "natgateways", "ec2-natgateway.yaml", []string{"DescribeNatGateways"}, "the gateway, with its tags"},
	{"ec2", "NetworkACL", "networkacls", "ec2-networkacl.yaml", []string{"DescribeNetworkAcls"}, "the ACL, with its entries and tags"},
	{"ec2", "ManagedPrefixList", "managedprefixlists", "ec2-managedprefixlist.yaml", []string{"DescribeManagedPrefixLists", "GetManagedPrefixListEntries"}, "the list with its tags, and its entries, which only GetManagedPrefixListEntries returns: without it, entries changed outside Kubernetes go unseen"},
	{"ec2", "DHCPOptions", "dhcpoptions", "ec2-dhcpoptions.yaml", []string{"DescribeDhcpOptions"}, "the option set, with its tags"},
	{"ec2", "VPCEndpoint", "vpcendpoints", "ec2-vpcendpoint.yaml", []string{"DescribeVpcEndpoints"}, "the endpoint, with its route tables, groups and tags"},
	{"ec2", "FlowLog", "flowlogs", "ec2-flowlog.yaml", []string{"DescribeFlowLogs"}, "the flow log, with its tags"},
	{"ec2", "VPCPeeringConnection", "vpcpeeringconnections", "ec2-vpcpeeringconnection.yaml", []string{"DescribeVpcPeeringConnections"}, "the connection, with its options and tags"},
	{"ec2", "TransitGateway", "transitgateways", "ec2-transitgateway.yaml", []string{"DescribeTransitGateways"}, "the gateway, with its options and tags"},
	{"sqs", "Queue", "queues", "sqs-queue.yaml", []string{"GetQueueAttributes", "ListQueueTags"}, "the attributes the spec sets, by name, and the tags (the chart's default resourceTags)"},
	{"sns", "Topic", "topics", "sns-topic.yaml", []string{"GetTopicAttributes", "ListTagsForResource"}, "the topic's attributes, and its tags"},
	{"iam", "Role", "roles", "iam-role.yaml", []string{"GetRole"}, "the role, with its trust policy and tags; inline and attached policies are listed only when the spec sets them"},
	{"iam", "Policy", "policies", "iam-policy.yaml", []string{"GetPolicy", "GetPolicyVersion"}, "the policy with its tags, and the default version's document"},
	{"kms", "Key", "keys", "kms-key.yaml", []string{"DescribeKey", "ListResourceTags"}, "the key, and its tags"},
	{"cloudwatchlogs", "LogGroup", "loggroups", "cloudwatchlogs-loggroup.yaml", []string{"DescribeLogGroups", "ListTagsForResource"}, "the group with its retention, and its tags"},
	{"ecr", "Repository", "repositories", "ecr-repository.yaml", []string{"DescribeRepositories", "ListTagsForResource"}, "the repository with its settings, and its tags; policies are read only when the spec sets them"},
}

// sampleOf is the sample of kind.
func sampleOf(t *testing.T, kind string) sample {
	for _, s := range samples {
		if s.kind == kind {
			return s
		}
	}
	t.Fatalf("no sample of %s", kind)
	return sample{}
}

func (s sample) gvr() schema.GroupVersionResource {
	return schema.GroupVersionResource{Group: s.service + ".services.k8s.aws", Version: "v1alpha1", Resource: s.plural}
}

// sampleValues fill a sample's template: the object's name, a name for
// AWS unique to the run, and what the bench made through the SDK for the
// object to refer to.
type sampleValues struct {
	Name, Unique, Region string
	Index                int // small and unique per object: CIDR blocks
	fixtures
}

// fixtures are what samples refer to, made once through the SDK so that
// a kind's resync counts only its own objects.
type fixtures struct {
	VPC, PeerVPC, Subnet string // EC2 IDs
	Table                string // a DynamoDB table's name
}

// objects renders n objects of s in namespace ns.
func (s sample) objects(t *testing.T, ns, prefix string, n int, fx fixtures) []*unstructured.Unstructured {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", s.file))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := template.New(s.file).Option("missingkey=error").Parse(string(text))
	if err != nil {
		t.Fatalf("testdata/%s: %v", s.file, err)
	}
	out := make([]*unstructured.Unstructured, n)
	for i := range out {
		name := fmt.Sprintf("%s%04d", strings.ToLower(s.kind[:1]), i)
		var b bytes.Buffer
		v := sampleValues{Name: name, Unique: prefix + "-" + name, Region: region, Index: 10 + i, fixtures: fx}
		if err := tmpl.Execute(&b, v); err != nil {
			t.Fatalf("testdata/%s: %v", s.file, err)
		}
		u := &unstructured.Unstructured{}
		if err := yaml.Unmarshal(b.Bytes(), &u.Object); err != nil {
			t.Fatalf("testdata/%s as %s: %v", s.file, name, err)
		}
		u.SetNamespace(ns)
		out[i] = u
	}
	return out
}

// makeFixtures makes, through the SDK, what the samples refer to.
func makeFixtures(t *testing.T, prefix string) fixtures {
	t.Helper()
	ctx := context.Background()
	cfg := suite.Moto.AWSConfig(region)
	e := ec2.NewFromConfig(cfg)
	vpc := func(cidr string) string {
		out, err := e.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(cidr)})
		if err != nil {
			t.Fatalf("fixture VPC %s: %v", cidr, err)
		}
		return aws.ToString(out.Vpc.VpcId)
	}
	fx := fixtures{VPC: vpc("10.0.0.0/16"), PeerVPC: vpc("10.1.0.0/16"), Table: prefix + "-backed-up"}
	sub, err := e.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(fx.VPC), CidrBlock: aws.String("10.0.200.0/24"), AvailabilityZone: aws.String(region + "a")})
	if err != nil {
		t.Fatalf("fixture subnet: %v", err)
	}
	fx.Subnet = aws.ToString(sub.Subnet.SubnetId)
	_, err = dynamodb.NewFromConfig(cfg).CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String(fx.Table),
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: ddbtypes.KeyTypeHash}},
		BillingMode:          ddbtypes.BillingModePayPerRequest,
	})
	if err != nil {
		t.Fatalf("fixture table: %v", err)
	}
	return fx
}
