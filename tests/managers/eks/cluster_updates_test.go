package eks

import (
	"context"
	"encoding/json"
	"errors"
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
	"github.com/kubesmith/kubesmith/generated/eks/resources/cluster"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// updatingEKS is one cluster as EKS keeps it while updates run: an update
// call (UpdateClusterVersion, UpdateClusterConfig) applies its change and
// leaves the cluster UPDATING until finish; a second update meanwhile is
// refused with ResourceInUseException, as EKS does. moto 5.2.1 has no
// UpdateClusterVersion and no in-progress state, so this is checked here.
type updatingEKS struct {
	mu      sync.Mutex
	cluster map[string]any
	updates []string // the update operations called, in order
	// sent are the members each structure of the updates held, sorted.
	sent    map[string][]string
	refused int
}

func (f *updatingEKS) finish() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cluster["status"] = "ACTIVE"
}

func (f *updatingEKS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	name := f.cluster["name"].(string)
	var body map[string]any
	_ = json.NewDecoder(r.Body).Decode(&body)
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/clusters/"+name:
		_ = json.NewEncoder(w).Encode(map[string]any{"cluster": f.cluster})
		return
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/tags/"):
		_ = json.NewEncoder(w).Encode(map[string]any{"tags": map[string]string{}})
		return
	case r.Method != http.MethodPost:
		http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusBadRequest)
		return
	}
	op := map[string]string{"/clusters/" + name + "/updates": "UpdateClusterVersion", "/clusters/" + name + "/update-config": "UpdateClusterConfig"}[r.URL.Path]
	if op == "" {
		http.Error(w, "unexpected POST "+r.URL.Path, http.StatusBadRequest)
		return
	}
	if f.cluster["status"] != "ACTIVE" {
		f.refused++
		w.Header().Set("X-Amzn-ErrorType", "ResourceInUseException")
		w.WriteHeader(http.StatusConflict)
		_ = json.NewEncoder(w).Encode(map[string]string{"message": "an update is in progress"})
		return
	}
	var changed []string
	for k, v := range body {
		if k == "clientRequestToken" {
			continue
		}
		changed = append(changed, k)
		set, isMap := v.(map[string]any)
		if isMap {
			if f.sent == nil {
				f.sent = map[string][]string{}
			}
			f.sent[k] = slices.Sorted(maps.Keys(set))
		}
		// EKS changes the members an update names and keeps the others.
		if old, ok := f.cluster[k].(map[string]any); ok && isMap {
			maps.Copy(old, set)
			continue
		}
		f.cluster[k] = v
	}
	slices.Sort(changed)
	f.updates = append(f.updates, op+" "+strings.Join(changed, ","))
	f.cluster["status"] = "UPDATING"
	_ = json.NewEncoder(w).Encode(map[string]any{"update": map[string]any{"id": "u" + string(rune('0'+len(f.updates))), "status": "InProgress"}})
}

// TestClusterOneUpdateAtATime: a Cluster whose version and logging both
// differ gets one update per pass; while EKS reports the cluster
// UPDATING the observation is pending (the runtime sends nothing then);
// once ACTIVE, the next pass sends the other update; EKS never refuses
// an update for one in progress.
func TestClusterOneUpdateAtATime(t *testing.T) {
	f := &updatingEKS{cluster: map[string]any{
		"name": "prod", "arn": "arn:aws:eks:us-west-2:123456789012:cluster/prod", "version": "1.30", "status": "ACTIVE",
		"roleArn":            "arn:aws:iam::123456789012:role/eks",
		"resourcesVpcConfig": map[string]any{"subnetIds": []string{"subnet-1", "subnet-2"}},
		"logging":            map[string]any{"clusterLogging": []map[string]any{{"types": []string{"api"}, "enabled": true}}},
	}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	ext := cluster.Kind().Connect(aws.Config{
		Region:       "us-west-2",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}, managed.ClientOptions{})
	cr := &v1alpha1.Cluster{Spec: v1alpha1.ClusterSpec{
		Name:               aws.String("prod"),
		Version:            aws.String("1.31"),
		RoleARN:            aws.String("arn:aws:iam::123456789012:role/eks"),
		ResourcesVPCConfig: &v1alpha1.VpcConfigRequest{SubnetIDs: []string{"subnet-1", "subnet-2"}},
		Logging:            &v1alpha1.Logging{ClusterLogging: []v1alpha1.LogSetup{{Types: []string{"api", "audit"}, Enabled: aws.Bool(true)}}},
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
	update := func(reason string, obs managed.Observation) {
		t.Helper()
		// A partial update, the other field left for the next pass, is no failure.
		var partial *managed.PartialUpdate
		if err := ext.Update(ctx, cr, obs); err != nil && !errors.As(err, &partial) {
			t.Fatalf("%s: Update: %s", reason, managed.Describe(err))
		}
	}

	obs := observe("both differ")
	if !obs.Changed("version") || !obs.Changed("logging") || obs.Pending != "" {
		t.Fatalf("both differ: diff %v, pending %q; want version and logging, not pending", obs.Diff, obs.Pending)
	}
	update("both differ", obs)
	if len(f.updates) != 1 {
		t.Fatalf("one pass sent %v, want one update", f.updates)
	}
	if obs := observe("the first update in progress"); obs.Pending != "UPDATING" {
		t.Errorf("the first update in progress: pending %q, want UPDATING", obs.Pending)
	}
	f.finish()
	obs = observe("the first update done")
	if obs.Pending != "" || len(obs.Diff) != 1 {
		t.Fatalf("the first update done: diff %v, pending %q; want the other field only", obs.Diff, obs.Pending)
	}
	update("the first update done", obs)
	f.finish()
	if obs := observe("both done"); len(obs.Diff) != 0 {
		t.Errorf("both done: diff %v, want none", obs.Diff)
	}
	want := []string{"UpdateClusterConfig logging", "UpdateClusterVersion version"}
	if !slices.Equal(f.updates, want) || f.refused != 0 {
		t.Errorf("updates %v with %d refused, want %v, none refused", f.updates, f.refused, want)
	}
}
