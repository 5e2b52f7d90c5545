package infer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// loadEKS reads EKS from the AWS JSON models.
func loadEKS(t *testing.T) *smithy.Model {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, ok := awsjson.ModelsDir(wd)
	if !ok {
		t.Skip("AWS JSON models not found: set AWS_JSON_MODELS_DIR")
	}
	m, err := awsjson.Load(filepath.Join(dir, "eks", "2017-11-01", "service-2.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const eksNodegroupYAML = `modelFormat: awsjson
resources:
  Nodegroup:
    subResources:
`

// TestChangePayloads: a create-only map or list whose update takes the
// changes in one structure (UpdateNodegroupConfig's labels:
// {addOrUpdateLabels, removeLabels}) becomes an updatable spec field of
// the create's type, read back with the node group; a list is compared
// as a set by the key members. Names that do not fit the model are
// errors saying what is wrong.
func TestChangePayloads(t *testing.T) {
	m := loadEKS(t)
	cases := []struct {
		reason, sub, field, wantErr string
		wantKind                    model.Kind
		wantKeys                    []string
		wantWhole                   bool
	}{
		{reason: "labels: a map, its removals by key",
			sub:   "labels: {put: UpdateNodegroupConfig, member: labels, changes: {add: addOrUpdateLabels, remove: removeLabels}}",
			field: "labels", wantKind: model.Map},
		{reason: "taints: a list keyed by key and effect, its removals whole",
			sub:   "taints: {put: UpdateNodegroupConfig, member: taints, changes: {add: addOrUpdateTaints, remove: removeTaints, key: [key, effect]}}",
			field: "taints", wantKind: model.List, wantKeys: []string{"key", "effect"}, wantWhole: true},
		{reason: "a list needs its key",
			sub:     "taints: {put: UpdateNodegroupConfig, member: taints, changes: {add: addOrUpdateTaints, remove: removeTaints}}",
			wantErr: "name the members of Taint that name an entry with key:"},
		{reason: "a map takes no key",
			sub:     "labels: {put: UpdateNodegroupConfig, member: labels, changes: {add: addOrUpdateLabels, remove: removeLabels, key: [x]}}",
			wantErr: "a map's entries are named by their keys"},
		{reason: "a member the payload lacks is named with a suggestion",
			sub:     "labels: {put: UpdateNodegroupConfig, member: labels, changes: {add: addLabels, remove: removeLabels}}",
			wantErr: `UpdateLabelsPayload has no member "addLabels" (did you mean "addOrUpdateLabels"?)`},
		{reason: "a remove member that is no list of keys is refused",
			sub:     "labels: {put: UpdateNodegroupConfig, member: labels, changes: {add: addOrUpdateLabels, remove: addOrUpdateLabels}}",
			wantErr: "is a map[string]string, not the list of keys to remove"},
	}
	for _, c := range cases {
		res, err := Run("eks", m, parseConfig(t, eksNodegroupYAML+"      "+c.sub+"\n"), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, "Nodegroup")
		f := field(r, c.field)
		if f == nil || f.SubResource == nil || f.CreateOnly || f.Class != model.ClassSpec {
			t.Fatalf("%s: %s is no updatable sub-resource: %+v", c.reason, c.field, f)
		}
		sr := f.SubResource
		if f.Type.Kind != c.wantKind || sr.Changes == nil || !sr.ReadWithResource {
			t.Errorf("%s: type %s, changes %+v, read with the resource %t; want a %v sent as changes and read back", c.reason, model.TypeString(f.Type), sr.Changes, sr.ReadWithResource, c.wantKind)
			continue
		}
		if !slices.Equal(sr.EntryKeys, c.wantKeys) || sr.Changes.RemoveWhole != c.wantWhole {
			t.Errorf("%s: keys %v, removed whole %t; want %v, %t", c.reason, sr.EntryKeys, sr.Changes.RemoveWhole, c.wantKeys, c.wantWhole)
		}
		if c.wantKind == model.List && !f.Type.Unique {
			t.Errorf("%s: the list is compared in order, want as a set by its key", c.reason)
		}
		if inputMember(r.Create, c.field) == nil {
			t.Errorf("%s: CreateNodegroup no longer takes %s", c.reason, c.field)
		}
	}
}

// TestSentMembers: a structure whose put member is another shape holding
// some of its members (UpdateClusterConfig's accessConfig is
// UpdateAccessConfigRequest, authenticationMode alone) keeps the create's
// type, so bootstrapClusterCreatorAdminPermissions stays in the spec; the
// put sends authenticationMode, and the other member is create-only.
func TestSentMembers(t *testing.T) {
	m := loadEKS(t)
	res, err := Run("eks", m, parseConfig(t, "modelFormat: awsjson\nresources:\n  Cluster:\n    subResources:\n      accessConfig: {put: UpdateClusterConfig, member: accessConfig}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := resource(t, res, "Cluster")
	f := field(r, "accessConfig")
	if f == nil || f.SubResource == nil || f.CreateOnly {
		t.Fatalf("accessConfig is no updatable sub-resource: %+v", f)
	}
	if f.Type.Shape != "CreateAccessConfigRequest" || !slices.Equal(f.SubResource.Sent, []string{"authenticationMode"}) {
		t.Errorf("accessConfig is a %s sending %v; want CreateAccessConfigRequest sending [authenticationMode]", f.Type.Shape, f.SubResource.Sent)
	}
	bootstrap := res.Service.Structs["CreateAccessConfigRequest"].FieldByMember("bootstrapClusterCreatorAdminPermissions")
	if bootstrap == nil || !bootstrap.CreateOnly {
		t.Errorf("bootstrapClusterCreatorAdminPermissions is %+v, want a create-only member", bootstrap)
	}
	if mode := res.Service.Structs["CreateAccessConfigRequest"].FieldByMember("authenticationMode"); mode == nil || mode.CreateOnly {
		t.Errorf("authenticationMode is %+v, want an updatable member", mode)
	}
}
