package infer

import "testing"

// TestTagsByIdentifier: IAM's TagRole and UntagRole take the role's name,
// not its ARN, and GetRole returns the tags: they are updatable through
// the two by the identifier and read with the role, so ListRoleTags costs
// no call. A Group, which has no tag operations, keeps none.
func TestTagsByIdentifier(t *testing.T) {
	m := loadIAM(t)
	res, err := Run("iam", m, parseConfig(t, "resources:\n  Role: {}\n  Group: {}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	api := resource(t, res, "Role").Tags.API
	if api == nil || !api.FromRead || api.Tag.Name != "TagRole" || api.Untag.Name != "UntagRole" || api.List != nil || api.ListMember != "Tags" {
		t.Fatalf("Role's tag operations %+v, want TagRole and UntagRole by RoleName, the tags read from GetRole", api)
	}
	if f := field(resource(t, res, "Role"), "Tags"); f == nil || !f.Updatable || f.CreateOnly {
		t.Errorf("Role's tags are not updatable: %+v", f)
	}
	if tags := resource(t, res, "Group").Tags; tags != nil && tags.API != nil {
		t.Errorf("Group has tag operations %+v", tags.API)
	}
}
