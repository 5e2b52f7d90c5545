package reconciler

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// taggedFindingAWS finds what a lost create made by the default tags that
// name the object, as the generated EC2 Finders do: without them it
// cannot tell which resource is the object's.
type taggedFindingAWS struct{ findingAWS }

func (f taggedFindingAWS) FindCreated(ctx context.Context, w *Widget, since time.Time) (int, error) {
	if len(managed.DefaultTags(ctx)) == 0 {
		return 0, managed.Terminalf("the controller has no default tags (resourceTags) to find the Widget a lost create made by")
	}
	return f.findingAWS.FindCreated(ctx, w, since)
}

func TestCreateOnceDeleteByTags(t *testing.T) {
	// reason: an object deleted after a lost create must delete what that
	// create made; a Finder that looks by the default tags needs them on
	// the deletion's pass as much as on a sync's.
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	lost := now.Add(-10 * time.Second)
	fa := newIDAWS(func() time.Time { return now })
	fa.resources["w-1"] = lost.Add(time.Second)
	ext := taggedFindingAWS{findingAWS{fa}}
	e := newEnv(t, nil, func(k *managed.Kind[*Widget]) {
		k.Connect = func(aws.Config, managed.ClientOptions) managed.External[*Widget] { return ext }
		k.AssignedIdentifier = true
		k.LateInitFields = nil
	}, func(o *Options) { o.Tags = map[string]string{"services.k8s.aws/name": "%K8S_RESOURCE_NAME%"} }, widget(lostCreate(lost), deleting))
	for range 3 {
		_, _ = e.reconcile()
	}
	if len(fa.resources) != 0 || !slices.Contains(fa.calls, "Delete") {
		t.Errorf("AWS still holds %v after the object was deleted: calls %v", fa.resources, fa.calls)
	}
	if w := e.get(); w != nil {
		t.Errorf("the object is still there with finalizers %v, Ready %q (%s)", w.Finalizers, cond(w, "Ready"), condMessage(w, "Ready"))
	}
}
