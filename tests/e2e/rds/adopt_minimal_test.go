package rds

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// minimalSubnetGroup is a DBSubnetGroup manifest the incumbent accepts:
// a name and a description, no subnets, with the annotations given.
func minimalSubnetGroup(object, name string, annotations ...string) string {
	m := fmt.Sprintf("apiVersion: rds.services.k8s.aws/v1alpha1\nkind: DBSubnetGroup\nmetadata:\n  name: %s\n", object)
	if len(annotations) > 0 {
		m += "  annotations:\n"
		for i := 0; i+1 < len(annotations); i += 2 {
			m += fmt.Sprintf("    %s: %s\n", annotations[i], annotations[i+1])
		}
	}
	return m + fmt.Sprintf("spec:\n  name: %s\n  description: made by hand\n", name)
}

// TestAdoptMinimalDBSubnetGroup: an incumbent-shaped adoption manifest,
// only the name and description under adoption-policy adopt, passes
// kubectl apply --validate=strict and adopts the group RDS has: Ready,
// with RDS's subnets in spec.subnetIDs and no write to RDS. The same
// manifest without the annotation asks to create a group with no subnets:
// a Terminal condition naming subnetIDs and subnetRefs, and no RDS call.
func TestAdoptMinimalDBSubnetGroup(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"minimal"})
	_, subnets := subnetsInAWS(t)
	ns := e.NS("minimal")

	adopted := e.Unique("adopted")
	if _, err := rdsClient().CreateDBSubnetGroup(context.Background(), &rds.CreateDBSubnetGroupInput{
		DBSubnetGroupName: aws.String(adopted), DBSubnetGroupDescription: aws.String("made by hand"), SubnetIds: subnets,
	}); err != nil {
		t.Fatalf("CreateDBSubnetGroup %s: %v", adopted, err)
	}
	refused := e.Unique("refused")
	e.apply("minimal", minimalSubnetGroup("adopted", adopted, "services.k8s.aws/adoption-policy", "adopt")+
		"---\n"+minimalSubnetGroup("refused", refused))

	got := harness.WaitReady(e.Env, &v1alpha1.DBSubnetGroup{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "adopted"}})
	if have := slices.Sorted(slices.Values(got.Spec.SubnetIDs)); !slices.Equal(have, slices.Sorted(slices.Values(subnets))) {
		t.Errorf("spec.subnetIDs %v, want RDS's %v", have, subnets)
	}
	for op, n := range actionsOn(t, "DBSubnetGroupName", adopted) {
		if !isRead(op) && !(op == "CreateDBSubnetGroup" && n == 1) {
			t.Errorf("%d %s calls for %s, want only the test's create and reads", n, op, adopted)
		}
	}

	const want = "spec.subnetIDs or spec.subnetRefs is required to create the DBSubnetGroup"
	harness.WaitFor(e.Env, &v1alpha1.DBSubnetGroup{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "refused"}}, "to be Terminal for want of subnets",
		func(g *v1alpha1.DBSubnetGroup) error {
			if c := harness.Condition(g, "ACK.Terminal"); c.Status != metav1.ConditionTrue || !strings.Contains(c.Message, want) {
				return fmt.Errorf("ACK.Terminal %+v, want True saying %q", c, want)
			}
			return nil
		})
	if ops := actionsOn(t, "DBSubnetGroupName", refused); len(ops) > 0 {
		t.Errorf("RDS calls for %s: %v, want none", refused, ops)
	}
}
