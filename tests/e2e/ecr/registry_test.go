package ecr

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
)

// motoAccount is the account moto serves, whose registry ECR's registryId
// names.
const motoAccount = "123456789012"

// TestRepositoryRegistryID: a Repository naming its registry in
// spec.registryID sends that registryId with every call on it that takes
// one (the create, the reads, the policy puts, the delete), as moto's
// recorder shows; without it ECR would look in the caller's own registry.
func TestRepositoryRegistryID(t *testing.T) {
	t.Parallel()
	e := start(t, "registry")
	r := e.newRepository("registry", "scoped")
	r.Spec.RegistryID = aws.String(motoAccount)
	r.Spec.LifecyclePolicy = aws.String(lifecycleRule(10))
	r.Spec.Policy = aws.String(pullPolicy("111122223333"))
	e.Create(r)
	r = e.waitReady(r)
	name := aws.ToString(r.Spec.Name)
	// The check sends registryId itself, as the recording must hold no call without it.
	got, err := ecrClient().DescribeRepositories(context.Background(), &ecr.DescribeRepositoriesInput{RegistryId: aws.String(motoAccount), RepositoryNames: []string{name}})
	if err != nil || len(got.Repositories) != 1 {
		t.Fatalf("repository %s in registry %s: %v, %v", name, motoAccount, got, err)
	}
	e.Delete(r)
	e.WaitGone(r)

	takesRegistry := []string{"CreateRepository", "DescribeRepositories", "GetLifecyclePolicy", "GetRepositoryPolicy",
		"PutLifecyclePolicy", "SetRepositoryPolicy", "DeleteRepository"}
	seen := map[string]bool{}
	for _, c := range suite.Moto.Recording(t) {
		body := string(c.Body)
		op := c.Operation()
		if !strings.Contains(body, `"`+name+`"`) || !slices.Contains(takesRegistry, op) {
			continue
		}
		var in struct {
			RegistryID string `json:"registryId"`
		}
		if err := json.Unmarshal(c.Body, &in); err != nil {
			t.Fatalf("%s body %s: %v", op, body, err)
		}
		if in.RegistryID != motoAccount {
			t.Errorf("%s sent registryId %q, want %q: %s", op, in.RegistryID, motoAccount, body)
		}
		seen[op] = true
	}
	for _, op := range takesRegistry {
		if !seen[op] {
			t.Errorf("no %s call on %s recorded", op, name)
		}
	}
}
