package eks

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/resources/podidentityassociation"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

const (
	appRole    = "arn:aws:iam::123456789012:role/app"
	appRole2   = "arn:aws:iam::123456789012:role/app-2"
	targetRole = "arn:aws:iam::210987654321:role/app-data"
)

// TestPodIdentityAssociationManager walks an association through its
// manager: the create sends every field and records the ID AWS assigns,
// which every later call names; a new role costs one
// UpdatePodIdentityAssociation naming only the role; new tags are
// untagged and tagged on the ARN the read reports; session tags turned
// on outside are drift; the association is deleted, and deleted again.
func TestPodIdentityAssociationManager(t *testing.T) {
	f, cfg := newFake(t)
	ext := podidentityassociation.Kind().Connect(cfg, managed.ClientOptions{})
	ctx := context.Background()
	cr := &v1alpha1.PodIdentityAssociation{Spec: v1alpha1.PodIdentityAssociationSpec{
		ClusterName:        aws.String("prod"),
		Namespace:          aws.String("apps"),
		ServiceAccount:     aws.String("orders"),
		RoleARN:            aws.String(appRole),
		TargetRoleARN:      aws.String(targetRole),
		DisableSessionTags: aws.Bool(true),
		Tags:               map[string]string{"team": "orders"},
	}}
	observe := observer(t, ext, cr)
	if obs := observe("before the create"); obs.Exists {
		t.Fatalf("before the create: the association exists: %+v", obs)
	}
	if err := ext.Create(ctx, cr); err != nil {
		t.Fatalf("Create: %s", managed.Describe(err))
	}
	sent := f.last(t, "CreatePodIdentityAssociation")
	if sent.cluster != "prod" || sent.body["namespace"] != "apps" || sent.body["serviceAccount"] != "orders" || sent.body["roleArn"] != appRole ||
		sent.body["targetRoleArn"] != targetRole || sent.body["disableSessionTags"] != true || sent.body["tags"].(map[string]any)["team"] != "orders" {
		t.Errorf("CreatePodIdentityAssociation on cluster %q sent %v, want every spec field on cluster prod", sent.cluster, sent.body)
	}
	if id := aws.ToString(cr.Status.AssociationID); id != "a-1" {
		t.Fatalf("status.associationID %q after the create, want AWS's a-1: nothing could read the association again", id)
	}
	obs := observe("created")
	const arn = "arn:aws:eks:us-west-2:123456789012:podidentityassociation/prod/a-1"
	if len(obs.Diff) != 0 || aws.ToString(cr.Status.AssociationARN) != arn || aws.ToString(obs.ARN) != arn {
		t.Errorf("created: diff %v, associationARN %q, ARN %q; want no difference and AWS's ARN in both", obs.Diff, aws.ToString(cr.Status.AssociationARN), aws.ToString(obs.ARN))
	}
	if d := f.last(t, "DescribePodIdentityAssociation"); d.params[1] != "a-1" {
		t.Errorf("DescribePodIdentityAssociation read %v, want association a-1", d.params)
	}
	f.ops()

	cr.Spec.RoleARN = aws.String(appRole2)
	obs = observe("role changed in the spec")
	if !slices.Equal(obs.Diff, []string{"roleARN"}) {
		t.Fatalf("role changed in the spec: diff %v, want [roleARN]", obs.Diff)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %s", managed.Describe(err))
	}
	up := f.last(t, "UpdatePodIdentityAssociation")
	if up.params[1] != "a-1" || !slices.Equal(sentKeys(up), []string{"roleArn"}) || up.body["roleArn"] != appRole2 {
		t.Errorf("UpdatePodIdentityAssociation on %v sent %v, want the new role alone for a-1", up.params, up.body)
	}
	if w := writes(f.ops()); !slices.Equal(w, []string{"UpdatePodIdentityAssociation"}) {
		t.Errorf("the role change wrote %v, want one UpdatePodIdentityAssociation", w)
	}

	// The runtime records the ARN the read reports; the tag calls take it.
	cr.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{ARN: obs.ARN}
	cr.Spec.Tags = map[string]string{"owner": "payments"}
	obs = observe("tags changed in the spec")
	if !slices.Equal(obs.Diff, []string{"tags"}) {
		t.Fatalf("tags changed in the spec: diff %v, want [tags]", obs.Diff)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %s", managed.Describe(err))
	}
	if w := writes(f.ops()); !slices.Equal(w, []string{"UntagResource", "TagResource"}) {
		t.Errorf("the tag change wrote %v, want UntagResource (team) and TagResource (owner)", w)
	}
	f.mu.Lock()
	if got := f.tags[arn]; len(got) != 1 || got["owner"] != "payments" {
		t.Errorf("EKS has the tags %v, want owner=payments alone", got)
	}
	f.assocs["prod/a-1"]["disableSessionTags"] = false
	f.mu.Unlock()
	if obs := observe("session tags turned on outside"); !slices.Equal(obs.Diff, []string{"disableSessionTags"}) {
		t.Errorf("session tags turned on outside: diff %v, want [disableSessionTags]", obs.Diff)
	}

	if err := ext.Delete(ctx, cr); err != nil {
		t.Fatalf("Delete: %s", managed.Describe(err))
	}
	if obs := observe("after the delete"); obs.Exists {
		t.Error("after the delete: the association exists")
	}
	if err := ext.Delete(ctx, cr); err != nil {
		t.Errorf("Delete of an association already gone: %s", managed.Describe(err))
	}
}
