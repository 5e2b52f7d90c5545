package ecr

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// region is the controller's --aws-region.
const region = "us-west-2"

// env is one running ECR controller, watching the namespaces of one test.
type env struct{ *harness.Env }

// start runs the controller for this test, resyncing every Repository
// each second.
func start(t *testing.T, namespaces ...string) env {
	t.Helper()
	return env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: namespaces,
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "Repository=1"},
	})}
}

// repoName is a repository name unique to the test: lower case, with a
// namespace part as ECR users write them.
func (e env) repoName(name string) string {
	return "team/" + strings.ToLower(e.Unique(name))
}

// newRepository is a Repository in the test's namespace ns, called name in
// Kubernetes and e.repoName(name) in ECR, with nothing but its name.
func (e env) newRepository(ns, name string) *v1alpha1.Repository {
	return &v1alpha1.Repository{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)},
		Spec:       v1alpha1.RepositorySpec{Name: aws.String(e.repoName(name))},
	}
}

func (e env) waitReady(r *v1alpha1.Repository) *v1alpha1.Repository {
	return harness.WaitReady(e.Env, r)
}

func ecrClient() *ecr.Client { return ecr.NewFromConfig(suite.Moto.AWSConfig(region)) }

// describe reads a repository through the SDK; nil when ECR has none.
func describe(t *testing.T, name string) *types.Repository {
	t.Helper()
	out, err := ecrClient().DescribeRepositories(context.Background(), &ecr.DescribeRepositoriesInput{RepositoryNames: []string{name}})
	var nf *types.RepositoryNotFoundException
	if errors.As(err, &nf) {
		return nil
	}
	if err != nil {
		t.Fatalf("DescribeRepositories %s: %v", name, err)
	}
	if len(out.Repositories) == 0 {
		return nil
	}
	return &out.Repositories[0]
}

// lifecyclePolicy is the repository's lifecycle policy text in ECR, ""
// when it has none.
func lifecyclePolicy(t *testing.T, name string) string {
	t.Helper()
	out, err := ecrClient().GetLifecyclePolicy(context.Background(), &ecr.GetLifecyclePolicyInput{RepositoryName: aws.String(name)})
	var nf *types.LifecyclePolicyNotFoundException
	if errors.As(err, &nf) {
		return ""
	}
	if err != nil {
		t.Fatalf("GetLifecyclePolicy %s: %v", name, err)
	}
	return aws.ToString(out.LifecyclePolicyText)
}

// repositoryPolicy is the repository's permissions policy text in ECR, ""
// when it has none.
func repositoryPolicy(t *testing.T, name string) string {
	t.Helper()
	out, err := ecrClient().GetRepositoryPolicy(context.Background(), &ecr.GetRepositoryPolicyInput{RepositoryName: aws.String(name)})
	var nf *types.RepositoryPolicyNotFoundException
	if errors.As(err, &nf) {
		return ""
	}
	if err != nil {
		t.Fatalf("GetRepositoryPolicy %s: %v", name, err)
	}
	return aws.ToString(out.PolicyText)
}

// tagsOf reads a repository's tags through the SDK.
func tagsOf(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := ecrClient().ListTagsForResource(context.Background(), &ecr.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("ListTagsForResource %s: %v", arn, err)
	}
	tags := map[string]string{}
	for _, tag := range out.Tags {
		tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
	}
	return tags
}

// opsOn counts the recorded ECR calls on one repository since the suite
// started, by operation: those whose JSON body names it, by name or at the
// end of its ARN.
func opsOn(t *testing.T, name string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range suite.Moto.Recording(t) {
		body := string(c.Body)
		if strings.Contains(body, `"`+name+`"`) || strings.Contains(body, `/`+name+`"`) {
			counts[c.Operation()]++
		}
	}
	return counts
}

// isRead says whether an ECR operation only reads.
func isRead(op string) bool {
	return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "Get") || strings.HasPrefix(op, "List")
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// lifecycleRule is a lifecycle policy with one rule expiring images
// beyond count.
func lifecycleRule(count int) string {
	return `{"rules":[{"rulePriority":1,"description":"keep recent","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":` +
		strconv.Itoa(count) + `},"action":{"type":"expire"}}]}`
}

// pullPolicy lets an account pull from the repository.
func pullPolicy(account string) string {
	return `{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + account +
		`:root"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}`
}
