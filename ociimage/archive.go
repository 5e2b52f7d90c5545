package ociimage

import (
	"archive/tar"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// WriteArchive writes idx as an OCI image layout in a tar file at path
// (an "oci-archive": `podman load`, `skopeo copy oci-archive:`, and
// Docker 25 or later load it), its index.json naming idx as ref. It
// returns the digest of idx, the one a registry reports after a push.
func WriteArchive(idx v1.ImageIndex, ref string, created time.Time, path string) (v1.Hash, error) {
	digest, err := idx.Digest()
	if err != nil {
		return v1.Hash{}, err
	}
	dir, err := os.MkdirTemp("", "kubesmith-image-")
	if err != nil {
		return v1.Hash{}, err
	}
	defer os.RemoveAll(dir)
	lp, err := layout.Write(dir, empty.Index)
	if err != nil {
		return v1.Hash{}, fmt.Errorf("OCI layout in %s: %w", dir, err)
	}
	names := map[string]string{
		"org.opencontainers.image.ref.name": ref, // podman, skopeo
		"io.containerd.image.name":          ref, // docker, containerd
	}
	if err := lp.AppendIndex(idx, layout.WithAnnotations(names)); err != nil {
		return v1.Hash{}, fmt.Errorf("OCI layout in %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return v1.Hash{}, err
	}
	if err := tarDir(dir, path, created); err != nil {
		return v1.Hash{}, fmt.Errorf("writing %s: %w", path, err)
	}
	return digest, nil
}

// tarDir writes the files under dir into a tar file at path in lexical
// order, with fixed owners, modes and times, so that equal trees give
// equal archives.
func tarDir(dir, path string, created time.Time) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(out)
	walkErr := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: filepath.ToSlash(rel), ModTime: created, Mode: 0o644, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if d.IsDir() {
			hdr.Name, hdr.Mode, hdr.Typeflag = hdr.Name+"/", 0o755, tar.TypeDir
			return tw.WriteHeader(hdr)
		}
		return copyFile(tw, hdr, p)
	})
	closeErr := tw.Close()
	if err := out.Close(); closeErr == nil {
		closeErr = err
	}
	if walkErr != nil {
		return walkErr
	}
	return closeErr
}

func copyFile(tw *tar.Writer, hdr *tar.Header, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	hdr.Size = info.Size()
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}
