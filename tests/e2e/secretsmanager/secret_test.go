package secretsmanager

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/secretsmanager/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSecretLifecycle: a Secret whose value comes from a Kubernetes
// Secret is made with it; the value is nowhere in the object, its status
// or its events; a new description and new tags reach AWS, and so does a
// new value of the Kubernetes Secret; a description changed out of band is
// put back at resync; an unchanged Secret costs one DescribeSecret per
// resync and no write; and deleting the object schedules the secret for
// deletion, which counts as gone.
func TestSecretLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t, "life")
	ctx := context.Background()
	const first, second = "first-Value-7f3a9c", "second-Value-2b8d41"
	kube := e.kubeSecret("life", "db", map[string]string{"password": first})
	name := e.Unique("db")
	s := &v1alpha1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: "db", Namespace: e.NS("life")},
		Spec: v1alpha1.SecretSpec{
			Name:         aws.String(name),
			Description:  aws.String("one"),
			SecretString: &ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"},
			Tags:         []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("a")}},
		},
	}
	e.Create(s)
	s = harness.WaitReady(e.Env, s)
	if got := value(t, name); got != first {
		t.Fatalf("GetSecretValue %s = %q, want the Kubernetes Secret's %q", name, got, first)
	}
	d := describe(t, name)
	if aws.ToString(d.Description) != "one" || !hasTag(d.Tags, "team", "a") {
		t.Fatalf("DescribeSecret %s: description %q, tags %v; want one and team=a", name, aws.ToString(d.Description), d.Tags)
	}
	if aws.ToString(s.Status.ACKResourceMetadata.ARN) != aws.ToString(d.ARN) {
		t.Errorf("status ARN %v, want %s", s.Status.ACKResourceMetadata.ARN, aws.ToString(d.ARN))
	}

	t.Run("economy", func(t *testing.T) {
		env{e.For(t)}.checkEconomy(name, "DescribeSecret")
	})

	harness.Edit(e.Env, s, func(s *v1alpha1.Secret) {
		s.Spec.Description = aws.String("two")
		s.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("b")}}
	})
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		d := describe(t, name)
		if aws.ToString(d.Description) != "two" || !hasTag(d.Tags, "team", "b") {
			return fmt.Errorf("description %q, tags %v; want two and team=b", aws.ToString(d.Description), d.Tags)
		}
		return nil
	})
	if got := value(t, name); got != first {
		t.Errorf("after a description change the value is %q, want %q still", got, first)
	}

	// A new value of the Kubernetes Secret reaches AWS.
	kube.StringData = map[string]string{"password": second}
	if err := e.K.Update(ctx, kube); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := value(t, name); got != second {
			return fmt.Errorf("value %q, want the Kubernetes Secret's new %q", got, second)
		}
		return nil
	})

	// A description changed out of band is put back.
	if _, err := smClient().UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String(name), Description: aws.String("by hand")}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := aws.ToString(describe(t, name).Description); got != "two" {
			return fmt.Errorf("description %q, want two put back", got)
		}
		return nil
	})
	if got := value(t, name); got != second {
		t.Errorf("after the description was put back the value is %q, want %q", got, second)
	}

	// The value appears nowhere in what Kubernetes holds about the object.
	var cur v1alpha1.Secret
	if err := e.K.Get(ctx, client.ObjectKeyFromObject(s), &cur); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(cur)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{first, second} {
		if strings.Contains(string(raw), v) {
			t.Errorf("the object holds the secret value %q: %s", v, raw)
		}
		for _, ev := range e.Events(&cur) {
			if strings.Contains(ev, v) {
				t.Errorf("an event holds the secret value %q: %s", v, ev)
			}
		}
	}

	e.Delete(s)
	e.WaitGone(s)
	if d := describe(t, name); d.DeletedDate == nil {
		t.Errorf("after the object's delete, %s is not scheduled for deletion: %+v", name, d)
	}
}

// TestUnchangedValueWritesNothing: a change to the object that leaves the
// Kubernetes Secret alone (a label) sends no new value: AWS keeps one
// version.
func TestUnchangedValueWritesNothing(t *testing.T) {
	t.Parallel()
	e := start(t, "same")
	e.kubeSecret("same", "api", map[string]string{"token": "tok-0d9e1f"})
	name := e.Unique("api")
	s := &v1alpha1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: "api", Namespace: e.NS("same")},
		Spec: v1alpha1.SecretSpec{
			Name:         aws.String(name),
			SecretString: &ackv1alpha1.SecretKeyReference{Name: "api", Key: "token"},
		},
	}
	e.Create(s)
	harness.WaitReady(e.Env, s)
	before := opsOn(t, name)
	harness.Edit(e.Env, s, func(s *v1alpha1.Secret) { s.Labels = map[string]string{"touched": "yes"} })
	e.checkEconomy(name, "DescribeSecret")
	after := opsOn(t, name)
	for _, op := range []string{"UpdateSecret", "PutSecretValue"} {
		if after[op] != before[op] {
			t.Errorf("%d %s calls after a label change, want none", after[op]-before[op], op)
		}
	}
	versions, err := smClient().ListSecretVersionIds(context.Background(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatal(err)
	}
	if len(versions.Versions) != 1 {
		t.Errorf("%d versions of %s, want the one the create made: %+v", len(versions.Versions), name, versions.Versions)
	}
}

func hasTag(tags []types.Tag, key, value string) bool {
	return slices.ContainsFunc(tags, func(t types.Tag) bool { return aws.ToString(t.Key) == key && aws.ToString(t.Value) == value })
}
