package infer

import "testing"

// TestTagsByIdentifier: IAM's TagRole, UntagRole and ListRoleTags take the
// role's name, not its ARN; the tags are still updatable through them,
// by the identifier. A Group, which has no tag operations, keeps none.
func TestTagsByIdentifier(t *testing.T) {
	m := loadIAM(t)
	res, err := Run("iam", m, parseConfig(t, "resources:\n  Role: {}\n  Group: {}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	api := resource(t, res, "Role").Tags.API
	if api == nil || api.Identifier != "RoleName" || api.Tag.Name != "TagRole" || api.TagARN != "RoleName" || api.ListARN != "RoleName" {
		t.Fatalf("Role's tag operations %+v, want TagRole, UntagRole and ListRoleTags by RoleName", api)
	}
	if f := field(resource(t, res, "Role"), "Tags"); f == nil || !f.Updatable || f.CreateOnly {
		t.Errorf("Role's tags are not updatable: %+v", f)
	}
	if tags := resource(t, res, "Group").Tags; tags != nil && tags.API != nil {
		t.Errorf("Group has tag operations %+v", tags.API)
	}
}
