package ec2

import (
	"context"
	"errors"
	"maps"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/ec2/resources/vpc"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// createTaggedVPC makes a VPC in moto as a create the controller sent
// would, with tags naming the object, and returns its ID.
func createTaggedVPC(t *testing.T, region string, tags map[string]string) string {
	t.Helper()
	var list []types.Tag
	for k, v := range tags {
		list = append(list, types.Tag{Key: aws.String(k), Value: aws.String(v)})
	}
	out, err := ec2Client(region).CreateVpc(context.Background(), &ec2.CreateVpcInput{
		CidrBlock:         aws.String("10.1.0.0/16"),
		TagSpecifications: []types.TagSpecification{{ResourceType: types.ResourceTypeVpc, Tags: list}},
	})
	if err != nil {
		t.Fatalf("CreateVpc: %v", err)
	}
	return aws.ToString(out.Vpc.VpcId)
}

// TestVPCFindCreated: CreateVpc takes no client token, so when its answer
// is lost the VPC's ID is unknown. The generated FindCreated looks for
// VPCs carrying the controller's default tags, which name the object: it
// fills status.vpcID when exactly one does, so that Observe then finds it;
// it reports two, or none, and fills nothing otherwise; and without default
// tags it cannot tell, which is Terminal rather than "none made".
func TestVPCFindCreated(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	prefix := harness.PrefixFor(t)
	tagsOf := func(name string) map[string]string {
		return map[string]string{"services.k8s.aws/namespace": prefix, "services.k8s.aws/name": name}
	}
	single := createTaggedVPC(t, region, tagsOf("single"))
	createTaggedVPC(t, region, tagsOf("twice"))
	createTaggedVPC(t, region, tagsOf("twice"))
	kind := vpc.Kind()
	if !kind.AssignedIdentifier {
		t.Error("VPC's Kind does not say AWS assigns its identifier")
	}
	finder, ok := kind.Connect(suite.Moto.AWSConfig(region), managed.ClientOptions{}).(managed.Finder[*v1alpha1.VPC])
	if !ok {
		t.Fatal("the VPC manager is not a managed.Finder")
	}
	cases := []struct {
		reason   string
		tags     map[string]string
		want     int
		wantID   string
		terminal bool
	}{
		{"the one VPC tagged with the object's namespace and name is the one the create made", tagsOf("single"), 1, single, false},
		{"two VPCs with those tags leave the choice to a person", tagsOf("twice"), 2, "", false},
		{"tags no VPC has find nothing", tagsOf("never"), 0, "", false},
		{"without default tags nothing tells which VPC the create made", nil, 0, "", true},
	}
	for _, c := range cases {
		v := &v1alpha1.VPC{ObjectMeta: metav1.ObjectMeta{Name: "lost", Namespace: prefix}}
		ctx := managed.WithDefaultTags(context.Background(), c.tags)
		if c.tags != nil { // as the runtime says which default tag names the object
			ctx = managed.WithNameTag(ctx, "services.k8s.aws/name", c.tags["services.k8s.aws/name"])
		}
		n, err := finder.FindCreated(ctx, v, time.Now().Add(-time.Minute))
		var terminal *managed.TerminalError
		if c.terminal != errors.As(err, &terminal) || (!c.terminal && err != nil) {
			t.Errorf("%s: FindCreated error %v, want Terminal %t", c.reason, err, c.terminal)
			continue
		}
		if n != c.want || aws.ToString(v.Status.VPCID) != c.wantID {
			t.Errorf("%s: FindCreated = %d with status.vpcID %q, want %d with %q", c.reason, n, aws.ToString(v.Status.VPCID), c.want, c.wantID)
			continue
		}
		if c.want != 1 {
			continue
		}
		obs, err := kind.Connect(suite.Moto.AWSConfig(region), managed.ClientOptions{}).Observe(ctx, v)
		if err != nil || !obs.Exists {
			t.Errorf("%s: Observe after FindCreated = %+v, %v; want the VPC found", c.reason, obs, err)
		}
	}
}

// TestVPCLostCreateAnswer drops EC2's answer to the first CreateVpc, as a
// reset connection does, with the controller running. Sending the create
// again would make a second VPC; instead the controller finds the one its
// create made by the default tags naming the object, and the object
// becomes Ready on it.
func TestVPCLostCreateAnswer(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	var (
		mu      sync.Mutex
		dropped int
	)
	hook := harness.StartCallHook(t, suite.Moto.Endpoint(), func(op string) bool {
		mu.Lock()
		defer mu.Unlock()
		if op != "CreateVpc" || dropped > 0 {
			return true
		}
		dropped++
		return false
	})
	e := env{suite.StartController(t, harness.ControllerOptions{Namespaces: []string{"lost"}, Region: controllerRegion, Endpoint: hook.URL()})}
	v := e.demo("lost", map[string]string{"services.k8s.aws/region": region})
	v.Name = v.Namespace // no other test's calls carry it
	e.Create(v)
	ready := harness.WaitReady(e.Env, v)
	if index, idless := lookups(t, v.Name); index == 0 || idless > 0 {
		t.Errorf("the lookup of the lost create made %d DescribeTags and %d DescribeVpcs calls naming no VPC; want it to ask DescribeTags and describe only the VPCs it names", index, idless)
	}
	out, err := ec2Client(region).DescribeVpcs(context.Background(), &ec2.DescribeVpcsInput{Filters: []types.Filter{
		{Name: aws.String("tag:services.k8s.aws/namespace"), Values: []string{v.Namespace}},
		{Name: aws.String("tag:services.k8s.aws/name"), Values: []string{v.Name}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Vpcs) != 1 || aws.ToString(out.Vpcs[0].VpcId) != aws.ToString(ready.Status.VPCID) {
		t.Errorf("VPCs of %s/%s in EC2: %d, status.vpcID %s; want the one the lost create made", v.Namespace, v.Name, len(out.Vpcs), aws.ToString(ready.Status.VPCID))
	}
	mu.Lock()
	n := dropped
	mu.Unlock() // the hook takes it on every call the delete makes
	if n != 1 {
		t.Errorf("CreateVpc answers dropped: %d; the test did not test", n)
	}
	checkVPC(t, region, ready)
	e.waitDeleted(region, ready)
}

// lookups counts, among the recorded calls naming the object name, the
// DescribeTags calls and the DescribeVpcs calls that name no VPC: those
// make EC2 read the tags of every VPC.
func lookups(t *testing.T, name string) (index, idless int) {
	t.Helper()
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil || !slices.ContainsFunc(slices.Collect(maps.Values(form)), func(v []string) bool { return slices.Contains(v, name) }) {
			continue
		}
		switch c.Operation() {
		case "DescribeTags":
			index++
		case "DescribeVpcs":
			if !form.Has("VpcId.1") {
				idless++
			}
		}
	}
	return index, idless
}
