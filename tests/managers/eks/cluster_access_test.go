package eks

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/resources/cluster"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// TestClusterAccessConfig: a Cluster's accessConfig.authenticationMode
// changes through UpdateClusterConfig, which takes accessConfig as
// UpdateAccessConfigRequest (authenticationMode alone), and is put back
// when changed outside Kubernetes; bootstrapClusterCreatorAdminPermissions
// is create-only: a spec that differs there is refused (Immutable), and
// no update is sent for it; a read that leaves accessConfig out (moto)
// says nothing of it. moto 5.2.1's UpdateClusterConfig ignores
// accessConfig, so this runs against a fake EKS.
func TestClusterAccessConfig(t *testing.T) {
	f := &updatingEKS{cluster: map[string]any{
		"name": "prod", "arn": "arn:aws:eks:us-west-2:123456789012:cluster/prod", "version": "1.31", "status": "ACTIVE",
		"roleArn":            "arn:aws:iam::123456789012:role/eks",
		"resourcesVpcConfig": map[string]any{"subnetIds": []string{"subnet-1", "subnet-2"}},
		"accessConfig":       map[string]any{"authenticationMode": "CONFIG_MAP", "bootstrapClusterCreatorAdminPermissions": true},
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
		AccessConfig: &v1alpha1.CreateAccessConfigRequest{
			AuthenticationMode: aws.String("API_AND_CONFIG_MAP"), BootstrapClusterCreatorAdminPermissions: aws.Bool(true),
		},
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
	sync := func(reason string) {
		t.Helper()
		obs := observe(reason)
		if !slices.Equal(obs.Diff, []string{"accessConfig.authenticationMode"}) || len(obs.Immutable) != 0 {
			t.Fatalf("%s: diff %v, immutable %v; want accessConfig.authenticationMode alone, nothing refused", reason, obs.Diff, obs.Immutable)
		}
		if err := ext.Update(ctx, cr, obs); err != nil {
			t.Fatalf("%s: Update: %s", reason, managed.Describe(err))
		}
		f.finish()
		if mode := f.cluster["accessConfig"].(map[string]any)["authenticationMode"]; mode != "API_AND_CONFIG_MAP" {
			t.Errorf("%s: EKS's authenticationMode %v, want API_AND_CONFIG_MAP", reason, mode)
		}
		if obs := observe(reason + ", then"); len(obs.Diff) != 0 || len(obs.Immutable) != 0 {
			t.Errorf("%s, then: diff %v, immutable %v; want none", reason, obs.Diff, obs.Immutable)
		}
	}

	sync("the spec's authentication mode")
	f.cluster["accessConfig"].(map[string]any)["authenticationMode"] = "API"
	sync("the mode changed outside Kubernetes")
	if want := []string{"UpdateClusterConfig accessConfig", "UpdateClusterConfig accessConfig"}; !slices.Equal(f.updates, want) {
		t.Errorf("updates %v, want %v", f.updates, want)
	}
	if got := f.sent["accessConfig"]; !slices.Equal(got, []string{"authenticationMode"}) {
		t.Errorf("UpdateClusterConfig's accessConfig held %v, want authenticationMode alone", got)
	}

	cr.Spec.AccessConfig.BootstrapClusterCreatorAdminPermissions = aws.Bool(false)
	obs := observe("bootstrapClusterCreatorAdminPermissions changed")
	if len(obs.Diff) != 0 || !slices.Equal(obs.Immutable, []string{"accessConfig.bootstrapClusterCreatorAdminPermissions"}) {
		t.Errorf("bootstrapClusterCreatorAdminPermissions changed: diff %v, immutable %v; want no update and the field refused", obs.Diff, obs.Immutable)
	}

	// moto 5.2.1 keeps no accessConfig: a read without it says nothing.
	delete(f.cluster, "accessConfig")
	if obs := observe("a read without accessConfig"); len(obs.Diff) != 0 || len(obs.Immutable) != 0 {
		t.Errorf("a read without accessConfig: diff %v, immutable %v; want none, the read saying nothing of it", obs.Diff, obs.Immutable)
	}
}
