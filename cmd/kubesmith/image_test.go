package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/ociimage"
)

// TestChartRunsTheImage checks that the image `kubesmith image` names and
// starts is the one the generated chart's Deployment runs: its default
// repository:tag, and the command at the image's entrypoint.
func TestChartRunsTheImage(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, svc := range []string{"dynamodb", "s3", "ec2"} {
		ref, err := chartImage(root, svc)
		if err != nil {
			t.Fatal(err)
		}
		if want := "kubesmith/" + svc + "-controller:0.1.0"; ref != want {
			t.Errorf("%s: image named %q, want the chart's default %q", svc, ref, want)
		}
		deployment, err := os.ReadFile(filepath.Join(root, "generated", svc, "helm", "templates", "deployment.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(deployment), "command:\n            - "+ociimage.Entrypoint+"\n") {
			t.Errorf("%s: the Deployment's command is not the image's %s", svc, ociimage.Entrypoint)
		}
	}
	if _, err := chartImage(t.TempDir(), "dynamodb"); err == nil || !strings.Contains(err.Error(), "run kubesmith generate dynamodb") {
		t.Errorf("a service with no chart: got %v, want a pointer to generate", err)
	}
}
