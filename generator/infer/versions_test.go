package infer

import (
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inferIAM infers IAM from the real model with the config text: the
// versioned documents, ARN identifiers and role references under test
// are IAM's.
func inferIAM(t *testing.T, yaml string) (*Result, error) {
	t.Helper()
	files, err := smithy.FindModels(awsModelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f smithy.ModelFile) bool { return f.SDKID == "iam" })
	if i < 0 {
		t.Skip("no IAM model")
	}
	m, err := smithy.Load(files[i].Path)
	if err != nil {
		t.Fatal(err)
	}
	return Run("iam", m, parseConfig(t, yaml), Options{})
}

const policyVersions = `
resources:
  Policy:
    versions:
      PolicyDocument: {observedAt: PolicyVersion.Document, defaultVersion: DefaultVersionId, max: 5}
`

func TestVersions(t *testing.T) {
	res, err := inferIAM(t, policyVersions)
	if err != nil {
		t.Fatal(err)
	}
	f := field(resource(t, res, "Policy"), "PolicyDocument")
	v := f.Versions
	if v == nil {
		t.Fatalf("the policy document is not versioned: %s", f.Reason)
	}
	got := []string{v.Create.Name, v.Get.Name, v.List.Name, v.Delete.Name, v.IDMember, v.VersionMember, v.DefaultMember,
		strings.Join(v.ObservedAt, "."), v.Listed, v.ListedID, v.ListedDefault, v.ListedCreated}
	want := []string{"CreatePolicyVersion", "GetPolicyVersion", "ListPolicyVersions", "DeletePolicyVersion", "PolicyArn", "VersionId", "SetAsDefault",
		"PolicyVersion.Document", "Versions", "VersionId", "IsDefaultVersion", "CreateDate"}
	if !slices.Equal(got, want) {
		t.Errorf("operations and members found by default names:\n got %v\nwant %v", got, want)
	}
	if f.CreateOnly || !f.Updatable || !f.Compared() || f.LastApplied {
		t.Errorf("a versioned document is updatable and compared with the default version, not recorded: createOnly %v updatable %v compared %v lastApplied %v",
			f.CreateOnly, f.Updatable, f.Compared(), f.LastApplied)
	}
}

func TestVersionsErrors(t *testing.T) {
	cases := []struct {
		reason, versions, want string
	}{
		{"a field that is no create-only string", `Description2: {observedAt: PolicyVersion.Document, defaultVersion: DefaultVersionId, max: 5}`, "no create-only string field Description2"},
		{"a path to no string", `PolicyDocument: {observedAt: PolicyVersion, defaultVersion: DefaultVersionId, max: 5}`, "no structures down to a string"},
		{"a default version no status field holds", `PolicyDocument: {observedAt: PolicyVersion.Document, defaultVersion: VersionId, max: 5}`, `no status string "VersionId"`},
	}
	for _, c := range cases {
		_, err := inferIAM(t, "resources:\n  Policy:\n    versions:\n      "+c.versions+"\n")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.want)
		}
	}
}

// TestARNIdentifier: an identifier named …Arn is the ARN, though a status
// field named after the resource's Id exists (GetPolicy's PolicyArn is
// not its PolicyId).
func TestARNIdentifier(t *testing.T) {
	res, err := inferIAM(t, "resources:\n  Policy: {}\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range resource(t, res, "Policy").Identifiers {
		if id.Member == "PolicyArn" && (!id.ARN || id.Field != "Arn") {
			t.Errorf("PolicyArn is held by %s (ARN %v), want the ARN", id.Field, id.ARN)
		}
	}
}

// TestRoleReference: an instance profile's role may name a Role of IAM
// by its spec.name, though the Role kind is not generated here.
func TestRoleReference(t *testing.T) {
	res, err := inferIAM(t, `
resources:
  InstanceProfile:
    attachments:
      RoleName: {attach: AddRoleToInstanceProfile, detach: RemoveRoleFromInstanceProfile, observedAt: Roles}
    fields:
      RoleName: {rename: Role, reference: {kind: Role, path: .spec.name}}
`)
	if err != nil {
		t.Fatal(err)
	}
	f := field(resource(t, res, "InstanceProfile"), "RoleName")
	want := model.Reference{Group: "iam.services.k8s.aws", Kind: "Role", Plural: "roles", Path: ".spec.name"}
	if f == nil || f.Reference == nil || *f.Reference != want || f.Attachment == nil || f.JSONName != "role" {
		t.Fatalf("spec.role: %+v, want attached and referring to %+v", f, want)
	}
}

// TestTakeOverReadWithResource: a create-only field a put changes, which
// the read returns, needs no get: IAM's thumbprints are sent at create,
// put by UpdateOpenIDConnectProviderThumbprint and read back with the
// provider.
func TestTakeOverReadWithResource(t *testing.T) {
	res, err := inferIAM(t, `
resources:
  OpenIDConnectProvider:
    subResources:
      ThumbprintList: {put: UpdateOpenIDConnectProviderThumbprint}
`)
	if err != nil {
		t.Fatal(err)
	}
	f := field(resource(t, res, "OpenIDConnectProvider"), "ThumbprintList")
	if f == nil || f.SubResource == nil || !f.SubResource.ReadWithResource || strings.Join(f.ObservedPath, ".") != "ThumbprintList" || f.CreateOnly {
		t.Fatalf("thumbprints: %+v, want a sub-resource read back with the provider at ThumbprintList", f)
	}
}
