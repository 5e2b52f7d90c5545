package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestAddSubResources(t *testing.T) {
	yaml := `resources:
  Bucket:
    subResources:
      Versioning: {}
      Policy: {}
      Access:
        put: PutBucketPolicy
        get: GetBucketPolicy
        member: Policy
`
	r := resource(t, mustRun(t, "names.json", yaml, Options{}), "Bucket")
	cases := []struct {
		reason string
		field  string
		want   string // put.member get@path delete type
	}{
		{"inferred operations; the value is the payload; the get output is the value", "Versioning",
			"PutBucketVersioning.VersioningConfiguration GetBucketVersioning@ none struct VersioningConfiguration"},
		{"a payload string read back from a member of its name, with a delete", "Policy",
			"PutBucketPolicy.Policy GetBucketPolicy@Policy DeleteBucketPolicy string"},
		{"operations and member named in generator.yaml", "Access",
			"PutBucketPolicy.Policy GetBucketPolicy@Policy none string"},
	}
	for _, c := range cases {
		f := field(r, c.field)
		if f == nil || f.SubResource == nil {
			t.Errorf("%s: no sub-resource field %s", c.reason, c.field)
			continue
		}
		sr := f.SubResource
		del := "none"
		if sr.Delete != nil {
			del = sr.Delete.Name
		}
		got := sr.Put.Name + "." + sr.PutMember + " " + sr.Get.Name + "@" + strings.Join(sr.ObservedPath, ".") + " " + del + " " + model.TypeString(f.Type)
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, got, c.want)
		}
		if f.Class != model.ClassSpec || f.Updatable || f.ObservedPath != nil {
			t.Errorf("%s: a sub-resource field is spec, owned by its own operations rather than the update and read", c.reason)
		}
	}
	if len(r.SubResources) != 3 {
		t.Errorf("the resource lists its sub-resources: %d", len(r.SubResources))
	}
}

func TestAddSubResourcesReportsDefault(t *testing.T) {
	yaml := "resources:\n  Bucket:\n    subResources:\n      Policy: {}\n      Encryption: {put: PutBucketPolicy, get: GetBucketPolicy, delete: DeleteBucketPolicy, member: Policy, reportsDefault: true}\n"
	r := resource(t, mustRun(t, "names.json", yaml, Options{}), "Bucket")
	cases := []struct {
		reason string
		field  string
		want   bool
	}{
		{"a sub-resource AWS leaves unset when nothing is put", "Policy", false},
		{"reportsDefault in generator.yaml: AWS reports a default", "Encryption", true},
	}
	for _, c := range cases {
		f := field(r, c.field)
		if got := f.SubResource.ReportsDefault; got != c.want || strings.Contains(f.Reason, "removes nothing") != c.want {
			t.Errorf("%s: ReportsDefault %t (reason %q), want %t and explain saying so", c.reason, got, f.Reason, c.want)
		}
	}
}

// TestAddCollections: a sub-resource S3 keeps apart by Id is a keyed
// collection, found from regular names alone, or from names given.
func TestAddCollections(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		want   string // field type; put.member; key; list@path tokens; delete
	}{
		{"inferred: the List<R><Field>Configurations operation makes it a collection; Id is the one member put, delete and entry share",
			"Analytics: {}",
			"[]struct AnalyticsConfiguration; PutBucketAnalyticsConfiguration.AnalyticsConfiguration; Id; ListBucketAnalyticsConfigurations@AnalyticsConfigurationList ContinuationToken/NextContinuationToken; DeleteBucketAnalyticsConfiguration"},
		{"named in generator.yaml, under another field name",
			"Reports: {put: PutBucketAnalyticsConfiguration, list: ListBucketAnalyticsConfigurations, delete: DeleteBucketAnalyticsConfiguration, key: Id}",
			"[]struct AnalyticsConfiguration; PutBucketAnalyticsConfiguration.AnalyticsConfiguration; Id; ListBucketAnalyticsConfigurations@AnalyticsConfigurationList ContinuationToken/NextContinuationToken; DeleteBucketAnalyticsConfiguration"},
	}
	for _, c := range cases {
		r := resource(t, mustRun(t, "names.json", "resources:\n  Bucket:\n    subResources:\n      "+c.yaml+"\n", Options{}), "Bucket")
		sr := r.SubResources[0]
		f := field(r, sr.Field)
		if sr.List == nil {
			t.Errorf("%s: not a keyed collection", c.reason)
			continue
		}
		got := strings.Join([]string{
			model.TypeString(f.Type),
			sr.Put.Name + "." + sr.PutMember,
			sr.Key,
			sr.List.Name + "@" + strings.Join(sr.List.OutputPath, ".") + " " + sr.InputToken + "/" + sr.OutputToken,
			sr.Delete.Name,
		}, "; ")
		if got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.reason, got, c.want)
		}
		if !strings.Contains(f.Reason, "compared as a set by Id") || !strings.Contains(f.Reason, "all of them once the spec drops the field") {
			t.Errorf("%s: explain does not say how the collection compares and what an unset field does: %q", c.reason, f.Reason)
		}
	}
}

// TestAddSubResourcesAfter: after: puts a sub-resource behind those AWS
// needs first (S3 replication behind versioning); the update puts them in
// this order.
func TestAddSubResourcesAfter(t *testing.T) {
	cases := []struct {
		reason string
		after  string
		want   string
	}{
		{reason: "without after: in the order of names", want: "Access Policy Versioning"},
		{reason: "after: moves Access behind Versioning, the others keep their order", after: "after: [Versioning]", want: "Versioning Access Policy"},
	}
	for _, c := range cases {
		yaml := "resources:\n  Bucket:\n    subResources:\n      Versioning: {}\n      Policy: {}\n      Access: {put: PutBucketPolicy, get: GetBucketPolicy, member: Policy, " + c.after + "}\n"
		r := resource(t, mustRun(t, "names.json", yaml, Options{}), "Bucket")
		var got []string
		for _, sr := range r.SubResources {
			got = append(got, sr.Field)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: order %v, want %s", c.reason, got, c.want)
		}
	}
}
