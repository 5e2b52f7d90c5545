package ec2

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// prefixListManifest is a ManagedPrefixList written for the incumbent's CRD.
const prefixListManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: ManagedPrefixList
metadata:
  name: office
spec:
  name: office-v1
  addressFamily: IPv4
  maxEntries: 5
  entries:
  - cidr: 10.1.0.0/16
    description: office
  tags:
  - key: Name
    value: office
`

// describePrefixList reads a managed prefix list through the SDK; nil when
// EC2 lists none, or one it has deleted.
func describePrefixList(t *testing.T, region, id string) *types.ManagedPrefixList {
	t.Helper()
	out, err := ec2Client(region).DescribeManagedPrefixLists(context.Background(), &ec2.DescribeManagedPrefixListsInput{PrefixListIds: []string{id}})
	if err != nil {
		t.Fatalf("DescribeManagedPrefixLists %s in %s: %v", id, region, err)
	}
	for i, p := range out.PrefixLists {
		if aws.ToString(p.PrefixListId) == id && p.State != types.PrefixListStateDeleteComplete {
			return &out.PrefixLists[i]
		}
	}
	return nil
}

// prefixListEntries lists a prefix list's entries through the SDK, as
// cidr=description.
func prefixListEntries(t *testing.T, region, id string) map[string]string {
	t.Helper()
	out, err := ec2Client(region).GetManagedPrefixListEntries(context.Background(), &ec2.GetManagedPrefixListEntriesInput{PrefixListId: aws.String(id)})
	if err != nil {
		t.Fatalf("GetManagedPrefixListEntries %s in %s: %v", id, region, err)
	}
	got := map[string]string{}
	for _, e := range out.Entries {
		got[aws.ToString(e.Cidr)] = aws.ToString(e.Description)
	}
	return got
}

// TestManagedPrefixList applies the manifest: it becomes Ready, EC2 has a
// prefix list of its name, family, size, entry and Name tag; an unchanged
// list costs no write per resync; a Name tag and a name changed out of
// band are put back; a name changed in the spec is changed in EC2; and
// deleting the object deletes the prefix list.
func TestManagedPrefixList(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"plist"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "ManagedPrefixList=1"},
	})}
	var p v1alpha1.ManagedPrefixList
	if err := yaml.UnmarshalStrict([]byte(prefixListManifest), &p); err != nil {
		t.Fatalf("the prefix list manifest: %v", err)
	}
	p.Namespace = e.NS("plist")
	e.Create(&p)
	ready := harness.WaitReady(e.Env, &p)
	id := aws.ToString(ready.Status.PrefixListID)
	got := describePrefixList(t, region, id)
	if got == nil {
		t.Fatalf("prefix list %q of %s is not in %s", id, p.Name, region)
	}
	if name := aws.ToString(got.PrefixListName); name != "office-v1" {
		t.Errorf("prefix list %s is named %q, want office-v1", id, name)
	}
	if af := aws.ToString(got.AddressFamily); af != "IPv4" {
		t.Errorf("prefix list %s has address family %q, want IPv4", id, af)
	}
	if n := aws.ToInt32(got.MaxEntries); n != 5 {
		t.Errorf("prefix list %s has MaxEntries %d, want 5", id, n)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "office" {
		t.Errorf("prefix list %s has Name tag %q, want office (tags %v)", id, name, got.Tags)
	}
	if entries := prefixListEntries(t, region, id); len(entries) != 1 || entries["10.1.0.0/16"] != "office" {
		t.Errorf("prefix list %s has entries %v, want 10.1.0.0/16=office", id, entries)
	}

	e.checkEconomy("ManagedPrefixList", id, "DescribeManagedPrefixLists")
	putBackPrefixList(t, region, id)

	harness.Edit(e.Env, ready, func(p *v1alpha1.ManagedPrefixList) { p.Spec.Name = aws.String("office-v2") })
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := describePrefixList(t, region, id); got == nil || aws.ToString(got.PrefixListName) != "office-v2" {
			return fmt.Errorf("prefix list %s not renamed office-v2 after the spec changed", id)
		}
		return nil
	})
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describePrefixList(t, region, id) != nil {
			return fmt.Errorf("prefix list %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
}

// putBackPrefixList renames a prefix list and deletes its Name tag out of
// band, and waits for the resync to put both back.
func putBackPrefixList(t *testing.T, region, id string) {
	t.Helper()
	ctx, c := context.Background(), ec2Client(region)
	if _, err := c.ModifyManagedPrefixList(ctx, &ec2.ModifyManagedPrefixListInput{PrefixListId: aws.String(id), PrefixListName: aws.String("renamed")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describePrefixList(t, region, id)
		if got == nil {
			return fmt.Errorf("prefix list %s is gone", id)
		}
		if name, _ := tagValue(got.Tags, "Name"); name != "office" || aws.ToString(got.PrefixListName) != "office-v1" {
			return fmt.Errorf("prefix list %s: name %q, Name tag %q; want office-v1 and office back", id, aws.ToString(got.PrefixListName), name)
		}
		return nil
	})
}
