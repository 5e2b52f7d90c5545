package ociimage

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// BuildController compiles generated/<service>/cmd/controller of the
// module at root for linux/arch into outDir and returns the binary:
// static (no cgo), with no local paths (-trimpath) and no VCS stamp, so
// the same source gives the same bytes.
func BuildController(ctx context.Context, root, service, arch, outDir string) (Binary, error) {
	out := filepath.Join(outDir, service+"-controller-linux-"+arch)
	pkg := "./generated/" + service + "/cmd/controller"
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+arch)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return Binary{}, fmt.Errorf("go build %s for linux/%s: %w\n%s", pkg, arch, err, strings.TrimSpace(string(msg)))
	}
	return Binary{Arch: arch, Path: out}, nil
}
