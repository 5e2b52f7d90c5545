package iam

import (
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// document is a policy document allowing one S3 action, so that each
// action is a document of its own.
func document(action string) string {
	return fmt.Sprintf(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:%s", "Resource": "*"}]}`, action)
}

// policyVersions is what IAM holds for a policy: its version names, and
// the default's name and document (decoded: IAM returns it URL-encoded).
type policyVersions struct {
	ids               []string
	defaultID, docDef string
}

func readVersions(t *testing.T, arn string) policyVersions {
	t.Helper()
	list, err := iamClient().ListPolicyVersions(ctx(), &iam.ListPolicyVersionsInput{PolicyArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("ListPolicyVersions %s: %v", arn, err)
	}
	var pv policyVersions
	for _, v := range list.Versions {
		pv.ids = append(pv.ids, aws.ToString(v.VersionId))
		if v.IsDefaultVersion {
			pv.defaultID = aws.ToString(v.VersionId)
		}
	}
	slices.Sort(pv.ids)
	got, err := iamClient().GetPolicyVersion(ctx(), &iam.GetPolicyVersionInput{PolicyArn: aws.String(arn), VersionId: aws.String(pv.defaultID)})
	if err != nil {
		t.Fatalf("GetPolicyVersion %s %s: %v", arn, pv.defaultID, err)
	}
	pv.docDef, err = url.QueryUnescape(aws.ToString(got.PolicyVersion.Document))
	if err != nil {
		t.Fatalf("the default version's document of %s: %v", arn, err)
	}
	return pv
}

// changeDocument sets the Policy's document to allow action and waits
// until IAM's default version holds it, checking that IAM never holds
// more than five versions meanwhile.
func (e env) changeDocument(p *v1alpha1.Policy, arn, action string) policyVersions {
	e.T.Helper()
	harness.Edit(e.Env, p, func(p *v1alpha1.Policy) { p.Spec.PolicyDocument = aws.String(document(action)) })
	var pv policyVersions
	harness.Eventually(e.T, harness.Wait, 200*time.Millisecond, func() error {
		pv = readVersions(e.T, arn)
		if len(pv.ids) > 5 {
			e.T.Fatalf("IAM holds %d versions of %s: %v", len(pv.ids), arn, pv.ids)
		}
		if pv.docDef != document(action) {
			return fmt.Errorf("the default version %s of %s holds %s, want s3:%s", pv.defaultID, arn, pv.docDef, action)
		}
		return nil
	})
	return pv
}

// TestPolicyVersions is the Policy whose document changes: each
// change is a new default version; after six changes IAM still holds five,
// the oldest pruned; a default version switched back outside Kubernetes is
// put back at resync; unchanged resyncs cost GetPolicy, GetPolicyVersion
// (GetPolicy carries the tags) and no write; the delete removes every version and
// the policy.
func TestPolicyVersions(t *testing.T) {
	t.Parallel()
	e := start(t, "policy")
	name := e.Unique("read-buckets")
	p := &v1alpha1.Policy{
		ObjectMeta: metav1.ObjectMeta{Name: "read-buckets", Namespace: e.NS("policy")},
		Spec: v1alpha1.PolicySpec{
			Name:           aws.String(name),
			Description:    aws.String("read the buckets"),
			PolicyDocument: aws.String(document("GetObject")),
			Tags:           []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("platform")}},
		},
	}
	e.Create(p)
	p = harness.WaitReady(e.Env, p)
	arn := aws.ToString(p.Status.ACKResourceMetadata.ARN)
	got, err := iamClient().GetPolicy(ctx(), &iam.GetPolicyInput{PolicyArn: aws.String(arn)})
	if err != nil || aws.ToString(got.Policy.PolicyName) != name {
		t.Fatalf("GetPolicy %s: %+v, %v; want the policy %s", arn, got, err, name)
	}
	if pv := readVersions(t, arn); !slices.Equal(pv.ids, []string{"v1"}) || pv.docDef != document("GetObject") {
		t.Fatalf("a new policy: versions %v, default %s holding %s; want v1 holding the spec's document", pv.ids, pv.defaultID, pv.docDef)
	}

	// The three changes: four versions, the default the latest.
	for _, action := range []string{"ListBucket", "PutObject", "DeleteObject"} {
		e.changeDocument(p, arn, action)
	}
	if pv := readVersions(t, arn); !slices.Equal(pv.ids, []string{"v1", "v2", "v3", "v4"}) || pv.defaultID != "v4" {
		t.Errorf("after three changes: versions %v, default %s; want v1 to v4, default v4", pv.ids, pv.defaultID)
	}

	// Three more: never more than five, the oldest pruned first.
	for _, action := range []string{"GetBucketTagging", "PutBucketTagging", "GetObjectTagging"} {
		e.changeDocument(p, arn, action)
	}
	if pv := readVersions(t, arn); !slices.Equal(pv.ids, []string{"v3", "v4", "v5", "v6", "v7"}) || pv.defaultID != "v7" {
		t.Errorf("after six changes: versions %v, default %s; want v3 to v7 (v1 and v2 pruned), default v7", pv.ids, pv.defaultID)
	}

	// Someone makes an older version the default: the resync makes the
	// spec's document the default again.
	if _, err := iamClient().SetDefaultPolicyVersion(ctx(), &iam.SetDefaultPolicyVersionInput{PolicyArn: aws.String(arn), VersionId: aws.String("v4")}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 200*time.Millisecond, func() error {
		pv := readVersions(t, arn)
		if len(pv.ids) > 5 {
			t.Fatalf("IAM holds %d versions of %s: %v", len(pv.ids), arn, pv.ids)
		}
		if pv.defaultID == "v4" || pv.docDef != document("GetObjectTagging") {
			return fmt.Errorf("the default version is %s holding %s, want the spec's document back", pv.defaultID, pv.docDef)
		}
		return nil
	})

	// Tags change through TagPolicy and UntagPolicy.
	harness.Edit(e.Env, p, func(p *v1alpha1.Policy) {
		p.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("storage")}}
	})
	harness.Eventually(t, harness.Wait, 200*time.Millisecond, func() error {
		tags, err := iamClient().ListPolicyTags(ctx(), &iam.ListPolicyTagsInput{PolicyArn: aws.String(arn)})
		if err != nil {
			return err
		}
		for _, tag := range tags.Tags {
			if aws.ToString(tag.Key) == "team" && aws.ToString(tag.Value) == "storage" {
				return nil
			}
		}
		return fmt.Errorf("tags of %s: %+v, want team=storage", arn, tags.Tags)
	})
	harness.WaitReady(e.Env, p)

	e.checkReads("Policy", arn, "GetPolicy", "GetPolicyVersion")

	// IAM refuses to delete a policy with versions besides the default
	// (moto does not): the delete removes them first.
	others := len(readVersions(t, arn).ids) - 1
	before := opsOn(t, arn)["DeletePolicyVersion"]
	e.Delete(p)
	e.WaitGone(p)
	if _, err := iamClient().GetPolicy(ctx(), &iam.GetPolicyInput{PolicyArn: aws.String(arn)}); !notFound(err) {
		t.Errorf("GetPolicy %s after the delete: %v, want NoSuchEntity", arn, err)
	}
	if n := opsOn(t, arn)["DeletePolicyVersion"] - before; n != others {
		t.Errorf("the delete sent %d DeletePolicyVersion, want one for each of the %d versions besides the default", n, others)
	}
	ops := opsInOrder(t, arn)
	if slices.Index(ops, "DeletePolicy") < 0 || slices.Index(ops, "DeletePolicy") < lastIndex(ops, "DeletePolicyVersion") {
		t.Errorf("calls on %s: %v, want DeletePolicy after the versions' deletes", arn, ops)
	}
}

// opsInOrder are the recorded calls naming id, in the order sent.
func opsInOrder(t *testing.T, id string) []string {
	t.Helper()
	var ops []string
	for _, c := range suite.Moto.Recording(t) {
		form, err := url.ParseQuery(string(c.Body))
		if err != nil {
			continue
		}
		for _, values := range form {
			if len(values) == 1 && values[0] == id {
				ops = append(ops, c.Operation())
				break
			}
		}
	}
	return ops
}

func lastIndex(list []string, s string) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == s {
			return i
		}
	}
	return -1
}
