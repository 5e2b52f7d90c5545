package reconciler

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// nameTagFinder records the tag naming the object that a lookup of a lost
// create is given.
type nameTagFinder struct {
	findingAWS
	key, value *string
	ok         *bool
}

func (f nameTagFinder) FindCreated(ctx context.Context, w *Widget, since time.Time) (int, error) {
	*f.key, *f.value, *f.ok = managed.NameTag(ctx)
	return f.findingAWS.FindCreated(ctx, w, since)
}

func TestNameTag(t *testing.T) {
	cases := []struct {
		reason     string
		tags       map[string]string
		key, value string
		ok         bool
	}{
		{
			reason: "the default tags: services.k8s.aws/name holds the object's name",
			tags:   map[string]string{"services.k8s.aws/namespace": "%K8S_NAMESPACE%", "services.k8s.aws/name": "%K8S_RESOURCE_NAME%", "v": "%CONTROLLER_VERSION%"},
			key:    "services.k8s.aws/name", value: testName, ok: true,
		},
		{
			reason: "a value around the name is expanded whole",
			tags:   map[string]string{"owner": "%K8S_NAMESPACE%/%K8S_RESOURCE_NAME%"},
			key:    "owner", value: testNS + "/" + testName, ok: true,
		},
		{
			reason: "tags without the name name no object: the lookup goes by the default tags alone",
			tags:   map[string]string{"team": "blue", "ns": "%K8S_NAMESPACE%"},
		},
	}
	for _, c := range cases {
		now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		lost := now.Add(-10 * time.Second)
		fa := newIDAWS(func() time.Time { return now })
		var key, value string
		var ok bool
		ext := nameTagFinder{findingAWS{fa}, &key, &value, &ok}
		e := newEnv(t, nil, func(k *managed.Kind[*Widget]) {
			k.Connect = func(aws.Config, managed.ClientOptions) managed.External[*Widget] { return ext }
			k.AssignedIdentifier = true
			k.LateInitFields = nil
		}, func(o *Options) { o.Tags = c.tags }, widget(lostCreate(lost)))
		_, _ = e.reconcile()
		if key != c.key || value != c.value || ok != c.ok {
			t.Errorf("%s: the lookup was given name tag %q=%q (%t), want %q=%q (%t)", c.reason, key, value, ok, c.key, c.value, c.ok)
		}
	}
}
