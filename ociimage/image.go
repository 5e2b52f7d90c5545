// Package ociimage builds a controller's container image with no Docker
// and no base image: one layer holding the statically linked controller,
// run as a numeric non-root user, one image per architecture gathered in an
// OCI index, written as an OCI image layout tarball. Every timestamp is the
// given one, so the same binaries and metadata give the same digest.
package ociimage

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"os"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// Entrypoint is where the controller binary sits in the image.
const Entrypoint = "/controller"

// User is distroless's nonroot user and group, numeric so that the
// kubelet can check runAsNonRoot without an /etc/passwd.
const User = "65532:65532"

// Meta describes the image: its OCI labels and its timestamps.
type Meta struct {
	Title    string    // org.opencontainers.image.title, e.g. dynamodb-controller
	Version  string    // org.opencontainers.image.version, the tag
	Revision string    // org.opencontainers.image.revision, the commit
	Source   string    // org.opencontainers.image.source, the repository URL
	Created  time.Time // every timestamp in the image
}

// Labels are the image's OCI labels; empty values are left out.
func (m Meta) Labels() map[string]string {
	labels := map[string]string{}
	for k, v := range map[string]string{
		"org.opencontainers.image.title":    m.Title,
		"org.opencontainers.image.version":  m.Version,
		"org.opencontainers.image.revision": m.Revision,
		"org.opencontainers.image.source":   m.Source,
	} {
		if v != "" {
			labels[k] = v
		}
	}
	return labels
}

// Binary is a controller built for one architecture (GOARCH) of linux.
type Binary struct {
	Arch string
	Path string
}

// Index gathers one image per binary into an OCI index.
func Index(binaries []Binary, meta Meta) (v1.ImageIndex, error) {
	if len(binaries) == 0 {
		return nil, fmt.Errorf("no binaries to build an image from")
	}
	idx := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	for _, b := range binaries {
		img, err := Image(b, meta)
		if err != nil {
			return nil, err
		}
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{
			Add:        img,
			Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: "linux", Architecture: b.Arch}},
		})
	}
	return idx, nil
}

// Image builds the image of one binary: no base, one layer.
func Image(b Binary, meta Meta) (v1.Image, error) {
	data, err := os.ReadFile(b.Path)
	if err != nil {
		return nil, fmt.Errorf("controller binary for %s: %w", b.Arch, err)
	}
	layerTar, err := binaryLayer(data, meta.Created)
	if err != nil {
		return nil, err
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(layerTar)), nil
	}, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, fmt.Errorf("layer of the %s binary: %w", b.Arch, err)
	}
	base := mutate.ConfigMediaType(mutate.MediaType(empty.Image, types.OCIManifestSchema1), types.OCIConfigJSON)
	base, err = mutate.ConfigFile(base, &v1.ConfigFile{
		Architecture: b.Arch,
		OS:           "linux",
		Created:      v1.Time{Time: meta.Created},
		RootFS:       v1.RootFS{Type: "layers"}, // Append adds the layer's diff ID
		Config: v1.Config{
			Entrypoint: []string{Entrypoint},
			User:       User,
			Labels:     meta.Labels(),
		},
	})
	if err != nil {
		return nil, err
	}
	return mutate.Append(base, mutate.Addendum{
		Layer:   layer,
		History: v1.History{Created: v1.Time{Time: meta.Created}, CreatedBy: "kubesmith image: " + Entrypoint},
	})
}

// binaryLayer is the uncompressed layer: the binary at Entrypoint, owned
// by root and executable by everyone, dated created.
func binaryLayer(data []byte, created time.Time) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	hdr := &tar.Header{
		Typeflag: tar.TypeReg,
		Name:     Entrypoint[1:],
		Mode:     0o755,
		Size:     int64(len(data)),
		ModTime:  created,
		Format:   tar.FormatPAX,
	}
	if err := tw.WriteHeader(hdr); err != nil {
		return nil, err
	}
	if _, err := tw.Write(data); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
