package eks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/resources/nodegroup"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// updatingNodegroup is one node group as EKS keeps it while updates run:
// UpdateNodegroupConfig applies its label and taint changes and leaves
// the node group UPDATING until finish; a second update meanwhile is
// refused with ResourceInUseException. moto 5.2.1 has no in-progress
// state, so the wait is checked here.
type updatingNodegroup struct {
	mu      sync.Mutex
	status  string
	version string // version/releaseVersion
	labels  map[string]string
	taints  []map[string]string
	updates []string // the members each update changed, in order
	refused int
}

func (f *updatingNodegroup) finish() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status = "ACTIVE"
}

func (f *updatingNodegroup) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/clusters/prod/node-groups/workers":
		_ = json.NewEncoder(w).Encode(map[string]any{"nodegroup": map[string]any{
			"nodegroupName": "workers", "clusterName": "prod", "status": f.status,
			"version": strings.Split(f.version, "/")[0], "releaseVersion": strings.Split(f.version, "/")[1],
			"nodegroupArn": "arn:aws:eks:us-west-2:123456789012:nodegroup/prod/workers/1", "labels": f.labels, "taints": f.taints,
		}})
		return
	case r.Method == http.MethodPost && r.URL.Path == "/clusters/prod/node-groups/workers/update-version" && f.status == "ACTIVE":
		var body struct{ Version, ReleaseVersion *string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		was := strings.Split(f.version, "/")
		f.version = aws.ToString(body.Version) + "/" + aws.ToString(body.ReleaseVersion)
		if body.Version == nil || body.ReleaseVersion == nil {
			// EKS picks the newest release of the version the call names, or keeps.
			f.version = strings.Join([]string{cmpOr(body.Version, was[0]), cmpOr(body.ReleaseVersion, "latest")}, "/")
		}
		f.updates = append(f.updates, "version "+f.version)
		f.status = "UPDATING"
		_ = json.NewEncoder(w).Encode(map[string]any{"update": map[string]any{"id": fmt.Sprint(len(f.updates)), "status": "InProgress"}})
		return
	case r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, "/clusters/prod/node-groups/workers/update-"):
		http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusBadRequest)
		return
	}
	if f.status != "ACTIVE" {
		f.refused++
		w.Header().Set("X-Amzn-ErrorType", "ResourceInUseException")
		w.WriteHeader(http.StatusConflict)
		_ = json.NewEncoder(w).Encode(map[string]string{"message": "an update is in progress"})
		return
	}
	var body struct {
		Labels *struct {
			AddOrUpdateLabels map[string]string `json:"addOrUpdateLabels"`
			RemoveLabels      []string          `json:"removeLabels"`
		} `json:"labels"`
		Taints *struct {
			AddOrUpdateTaints []map[string]string `json:"addOrUpdateTaints"`
			RemoveTaints      []map[string]string `json:"removeTaints"`
		} `json:"taints"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	var changed []string
	if l := body.Labels; l != nil {
		maps.Copy(f.labels, l.AddOrUpdateLabels)
		for _, k := range l.RemoveLabels {
			delete(f.labels, k)
		}
		changed = append(changed, fmt.Sprintf("labels +%v -%v", slices.Sorted(maps.Keys(l.AddOrUpdateLabels)), l.RemoveLabels))
	}
	if tt := body.Taints; tt != nil {
		same := func(a, b map[string]string) bool { return a["key"] == b["key"] && a["effect"] == b["effect"] }
		for _, add := range tt.AddOrUpdateTaints {
			f.taints = append(slices.DeleteFunc(f.taints, func(t map[string]string) bool { return same(t, add) }), add)
		}
		for _, rm := range tt.RemoveTaints {
			f.taints = slices.DeleteFunc(f.taints, func(t map[string]string) bool { return same(t, rm) })
		}
		changed = append(changed, fmt.Sprintf("taints +%s -%s", taintKeys(tt.AddOrUpdateTaints), taintKeys(tt.RemoveTaints)))
	}
	f.updates = append(f.updates, strings.Join(changed, "; "))
	f.status = "UPDATING"
	_ = json.NewEncoder(w).Encode(map[string]any{"update": map[string]any{"id": fmt.Sprint(len(f.updates)), "status": "InProgress"}})
}

// cmpOr is *s, or else the fallback.
func cmpOr(s *string, fallback string) string {
	if s == nil {
		return fallback
	}
	return *s
}

// taintKeys names taints by key:effect.
func taintKeys(ts []map[string]string) string {
	var out []string
	for _, t := range ts {
		out = append(out, t["key"]+":"+t["effect"])
	}
	return "[" + strings.Join(out, " ") + "]"
}

// TestNodegroupLabelsAndTaintsOneAtATime: a Nodegroup whose labels and
// taints both differ gets one UpdateNodegroupConfig per pass, each
// carrying only the changes (the label to add and the one to remove; the
// taint whose value changed and the one to remove); while EKS reports the
// node group UPDATING the observation is pending; EKS never refuses an
// update for one in progress.
func TestNodegroupLabelsAndTaintsOneAtATime(t *testing.T) {
	f := &updatingNodegroup{status: "ACTIVE", version: "1.31/1.31.1-20241011",
		labels: map[string]string{"pool": "general", "team": "a"},
		taints: []map[string]string{{"key": "dedicated", "value": "gpu", "effect": "NO_SCHEDULE"}, {"key": "spot", "value": "true", "effect": "NO_EXECUTE"}},
	}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	ext := nodegroup.Kind().Connect(aws.Config{
		Region:       "us-west-2",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}, managed.ClientOptions{})
	str := aws.String
	cr := &v1alpha1.Nodegroup{Spec: v1alpha1.NodegroupSpec{
		ClusterName: str("prod"), Name: str("workers"),
		Labels: map[string]string{"pool": "general", "zone": "b"},
		Taints: []v1alpha1.Taint{{Key: str("dedicated"), Value: str("cpu"), Effect: str("NO_SCHEDULE")}},
	}}
	ctx := context.Background()
	observe := func(reason string) managed.Observation {
		t.Helper()
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: Observe: %s", reason, managed.Describe(err))
		}
		return obs
	}
	obs := observe("both differ")
	if !obs.Changed("labels") || !obs.Changed("taints") || obs.Pending != "" || len(obs.Immutable) != 0 {
		t.Fatalf("both differ: diff %v, immutable %v, pending %q; want labels and taints, not pending", obs.Diff, obs.Immutable, obs.Pending)
	}
	// A partial update, taints left for the next pass, is no failure.
	var partial *managed.PartialUpdate
	if err := ext.Update(ctx, cr, obs); err != nil && (!errors.As(err, &partial) || !slices.ContainsFunc(partial.Unsent, func(p string) bool { return strings.HasPrefix(p, "taints") })) {
		t.Fatalf("both differ: Update: %s", managed.Describe(err))
	}
	if len(f.updates) != 1 {
		t.Fatalf("one pass sent %v, want one update", f.updates)
	}
	if obs := observe("the first update in progress"); obs.Pending != "UPDATING" {
		t.Errorf("the first update in progress: pending %q, want UPDATING", obs.Pending)
	}
	f.finish()
	obs = observe("the first update done")
	if obs.Pending != "" || obs.Changed("labels") || !obs.Changed("taints") {
		t.Fatalf("the first update done: diff %v, pending %q; want taints only", obs.Diff, obs.Pending)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("the first update done: Update: %s", managed.Describe(err))
	}
	f.finish()
	if obs := observe("both done"); len(obs.Diff) != 0 {
		t.Errorf("both done: diff %v, want none", obs.Diff)
	}
	want := []string{"labels +[zone] -[team]", "taints +[dedicated:NO_SCHEDULE] -[spot:NO_EXECUTE]"}
	if !slices.Equal(f.updates, want) || f.refused != 0 {
		t.Errorf("updates %v with %d refused, want %v, none refused", f.updates, f.refused, want)
	}
}

// TestNodegroupVersionWithRelease: a node group moving to another
// Kubernetes version and a release of it sends both in one
// UpdateNodegroupVersion, since a release belongs to one version (alone,
// EKS would be asked for a release of the version the node group is
// leaving). moto 5.2.1 has no UpdateNodegroupVersion.
func TestNodegroupVersionWithRelease(t *testing.T) {
	f := &updatingNodegroup{status: "ACTIVE", version: "1.30/1.30.5-20240901", labels: map[string]string{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	ext := nodegroup.Kind().Connect(aws.Config{
		Region:       "us-west-2",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}, managed.ClientOptions{})
	cr := &v1alpha1.Nodegroup{Spec: v1alpha1.NodegroupSpec{
		ClusterName: aws.String("prod"), Name: aws.String("workers"),
		Version: aws.String("1.31"), ReleaseVersion: aws.String("1.31.1-20241011"),
	}}
	ctx := context.Background()
	for pass := 0; pass < 3; pass++ {
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("pass %d: Observe: %s", pass, managed.Describe(err))
		}
		if len(obs.Diff) == 0 {
			break
		}
		if err := ext.Update(ctx, cr, obs); err != nil {
			t.Fatalf("pass %d: Update: %s", pass, managed.Describe(err))
		}
		f.finish()
	}
	if want := []string{"version 1.31/1.31.1-20241011"}; !slices.Equal(f.updates, want) || f.refused != 0 {
		t.Errorf("updates %v with %d refused, want %v, none refused", f.updates, f.refused, want)
	}
}
