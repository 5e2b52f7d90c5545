package ec2

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// batchGroups is how many security groups TestBatchedObservation manages:
// more than 50 in one batch read, few enough to create in seconds.
const batchGroups = 100

// TestBatchedObservation: a resync of many unchanged security groups
// reads them in batches (generator.yaml's batchRead), at most 1/50 of the
// one DescribeSecurityGroups per group and resync that reading alone
// costs, and still finds the one group changed out of band: only it is
// corrected, and no other group sees a write.
func TestBatchedObservation(t *testing.T) {
	t.Parallel()
	const region = "eu-central-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"batch"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "SecurityGroup=2"},
	})}
	vpc, err := ec2Client(region).CreateVpc(context.Background(), &ec2.CreateVpcInput{CidrBlock: aws.String("10.9.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	groups := make([]*v1alpha1.SecurityGroup, batchGroups)
	for i := range groups {
		name := fmt.Sprintf("batch-%03d", i)
		groups[i] = &v1alpha1.SecurityGroup{Spec: v1alpha1.SecurityGroupSpec{
			Name: aws.String(name), Description: aws.String("batched"), VPCID: vpc.Vpc.VpcId,
			Tags: []v1alpha1.Tag{{Key: aws.String("Name"), Value: aws.String(name)}},
		}}
		groups[i].Name, groups[i].Namespace = name, e.NS("batch")
		e.Create(groups[i])
	}
	ids := map[string]int{}
	for i, g := range groups {
		groups[i] = harness.WaitReady(e.Env, g)
		ids[aws.ToString(groups[i].Status.ID)] = i
	}

	synced := map[string]string{"kind": "SecurityGroup", "result": "synced"}
	// A full round first, so the window starts in the steady state.
	e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, e.Scrape().Sum("kubesmith_reconciles_total", synced)+batchGroups)
	reads0, _ := tally(t, ids)
	base := e.Scrape().Sum("kubesmith_reconciles_total", synced)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, base+3*batchGroups)
	reads1, writes := tally(t, ids)
	resyncs := e.Scrape().Sum("kubesmith_reconciles_total", synced) - base
	perObject := float64(reads1-reads0) / resyncs
	t.Logf("batch ec2 SecurityGroup: %d groups, %v resyncs, %d DescribeSecurityGroups calls: %.4f reads per group and resync (1 reading alone), ratio 1/%.0f",
		batchGroups, resyncs, reads1-reads0, perObject, 1/perObject)
	if perObject > 1.0/50 {
		t.Errorf("%d reads for %v resyncs of unchanged groups: %.4f per group and resync, want at most 1/50", reads1-reads0, resyncs, perObject)
	}

	// One group changed out of band: only it is put back.
	changed := groups[7]
	changedID := aws.ToString(changed.Status.ID)
	if _, err := ec2Client(region).CreateTags(context.Background(), &ec2.CreateTagsInput{
		Resources: []string{changedID}, Tags: []types.Tag{{Key: aws.String("Name"), Value: aws.String("changed by hand")}},
	}); err != nil {
		t.Fatal(err)
	}
	e.WaitEvent(changed, "DriftCorrected", "tags")
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if name, _ := tagValue(describeGroup(t, region, changedID).Tags, "Name"); name != changed.Name {
			return fmt.Errorf("security group %s has Name %q, want %s put back", changedID, name, changed.Name)
		}
		return nil
	})
	// Another full round, in which every other group was read again.
	e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, e.Scrape().Sum("kubesmith_reconciles_total", synced)+batchGroups)
	_, after := tally(t, ids)
	for id, i := range ids {
		n := after[id] - writes[id]
		switch {
		case id == changedID && n == 0:
			t.Errorf("no write to the group changed out of band, %s", id)
		case id != changedID && n > 0:
			t.Errorf("%d writes to the unchanged group %s (%s) while another was corrected", n, groups[i].Name, id)
		}
	}
	for _, g := range groups {
		got := harness.WaitReady(e.Env, g)
		if d := got.Status.LastDrift; (d != nil) != (g.Name == changed.Name) {
			t.Errorf("%s: lastDrift %+v; only %s was changed", g.Name, d, changed.Name)
		}
	}
}

// tally counts, over every call recorded so far, the Describe calls that
// name any of ids and, per identifier, the other calls that name it.
func tally(t *testing.T, ids map[string]int) (reads int, writes map[string]int) {
	t.Helper()
	writes = map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			continue
		}
		var named []string
		for _, values := range form {
			if _, ok := ids[values[0]]; ok && len(values) == 1 {
				named = append(named, values[0])
			}
		}
		switch {
		case len(named) == 0:
		case isRead(c.Operation()):
			reads++
		default:
			for _, id := range named {
				writes[id]++
			}
		}
	}
	return reads, writes
}
