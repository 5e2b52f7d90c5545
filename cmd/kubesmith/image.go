package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/kubesmith/kubesmith/ociimage"
)

// sourceURL is where the images' source lives (the module path).
const sourceURL = "https://github.com/kubesmith/kubesmith"

// image builds generated/<service>'s controller image into an OCI image
// layout tarball, named as the service's Helm chart expects it.
func image(w io.Writer, root string, args []string) error {
	fs := flag.NewFlagSet("image", flag.ContinueOnError)
	arches := fs.String("arch", "amd64,arm64", "comma-separated GOARCH values, one image each in the index")
	out := fs.String("o", "", "tarball to write (default bin/images/<service>-controller.tar)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: kubesmith image [-arch amd64,arm64] [-o file.tar] <service>")
	}
	svc := fs.Arg(0)
	if *out == "" {
		*out = filepath.Join(root, "bin", "images", svc+"-controller.tar")
	}
	ref, err := chartImage(root, svc)
	if err != nil {
		return err
	}
	meta, err := imageMeta(root, svc, ref)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "kubesmith-controller-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var bins []ociimage.Binary
	for _, arch := range strings.Split(*arches, ",") {
		fmt.Fprintf(w, "image: building the %s controller for linux/%s\n", svc, arch)
		b, err := ociimage.BuildController(context.Background(), root, svc, strings.TrimSpace(arch), tmp)
		if err != nil {
			return err
		}
		bins = append(bins, b)
	}
	idx, err := ociimage.Index(bins, meta)
	if err != nil {
		return err
	}
	digest, err := ociimage.WriteArchive(idx, ref, meta.Created, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "image: wrote %s (OCI image layout tar)\n%s@%s\n", relPath(root, *out), ref, digest)
	return nil
}

// chartImage is repository:tag from the default values of the service's
// Helm chart, so the chart runs what this command builds.
func chartImage(root, svc string) (string, error) {
	path := filepath.Join(root, "generated", svc, "helm", "values.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("image name of %s: %w (run kubesmith generate %s)", svc, err, svc)
	}
	var values struct {
		Image struct {
			Repository string `yaml:"repository"`
			Tag        string `yaml:"tag"`
		} `yaml:"image"`
	}
	if err := yaml.Unmarshal(data, &values); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if values.Image.Repository == "" || values.Image.Tag == "" {
		return "", fmt.Errorf("%s: image.repository or image.tag is empty", path)
	}
	return values.Image.Repository + ":" + values.Image.Tag, nil
}

// imageMeta labels the image with the chart's tag and the commit, and
// dates it SOURCE_DATE_EPOCH, else the commit's time, never the clock.
func imageMeta(root, svc, ref string) (ociimage.Meta, error) {
	meta := ociimage.Meta{
		Title:    svc + "-controller",
		Version:  ref[strings.LastIndex(ref, ":")+1:],
		Revision: gitOutput(root, "rev-parse", "HEAD"),
		Source:   sourceURL,
		Created:  time.Unix(0, 0).UTC(),
	}
	epoch := os.Getenv("SOURCE_DATE_EPOCH")
	if epoch == "" {
		epoch = gitOutput(root, "log", "-1", "--format=%ct")
	}
	if epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return meta, fmt.Errorf("SOURCE_DATE_EPOCH or commit time %q is not seconds since 1970: %w", epoch, err)
		}
		meta.Created = time.Unix(sec, 0).UTC()
	}
	return meta, nil
}
