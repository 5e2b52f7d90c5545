package ociimage

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/validate"
)

var testMeta = Meta{Title: "widgets-controller", Version: "0.1.0", Revision: "abc123", Source: "https://example.com/src", Created: time.Unix(1700000000, 0).UTC()}

// TestIndex checks what a runtime sees in each image: the entrypoint, the
// non-root user, the labels, the platform, and the binary in the one layer.
func TestIndex(t *testing.T) {
	bins := []Binary{fakeBinary(t, "amd64", "amd64 bytes"), fakeBinary(t, "arm64", "arm64 bytes")}
	idx, err := Index(bins, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	im, err := idx.IndexManifest()
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Manifests) != 2 {
		t.Fatalf("index lists %d images, want one per arch", len(im.Manifests))
	}
	for i, d := range im.Manifests {
		arch := bins[i].Arch
		if d.Platform == nil || d.Platform.OS != "linux" || d.Platform.Architecture != arch {
			t.Errorf("image %d platform %+v, want linux/%s", i, d.Platform, arch)
		}
		img, err := idx.Image(d.Digest)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := img.ConfigFile()
		if err != nil {
			t.Fatal(err)
		}
		checkConfig(t, cfg, arch)
		name, mode, data := onlyFile(t, img)
		if name != "controller" || mode != 0o755 || string(data) != arch+" bytes" {
			t.Errorf("%s layer holds %s mode %o %q, want controller mode 755 with the binary", arch, name, mode, data)
		}
	}
}

func checkConfig(t *testing.T, cfg *v1.ConfigFile, arch string) {
	t.Helper()
	cases := []struct{ reason, got, want string }{
		{"the entrypoint is the controller", cfg.Config.Entrypoint[0], "/controller"},
		{"the user is numeric and not root, so runAsNonRoot can be checked", cfg.Config.User, "65532:65532"},
		{"the architecture is the binary's", cfg.Architecture, arch},
		{"the creation time is the given one, not the clock", cfg.Created.UTC().String(), testMeta.Created.String()},
		{"the title label names the controller", cfg.Config.Labels["org.opencontainers.image.title"], "widgets-controller"},
		{"the version label is the tag", cfg.Config.Labels["org.opencontainers.image.version"], "0.1.0"},
		{"the revision label is the commit", cfg.Config.Labels["org.opencontainers.image.revision"], "abc123"},
		{"the source label is the repository", cfg.Config.Labels["org.opencontainers.image.source"], "https://example.com/src"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %s: got %q, want %q", arch, c.reason, c.got, c.want)
		}
	}
	if len(cfg.Config.Entrypoint) != 1 {
		t.Errorf("entrypoint %q, want only /controller", cfg.Config.Entrypoint)
	}
}

// TestWriteArchiveReproducible checks that two builds of the same
// binaries write byte-identical tarballs with the same digest, and that a
// new binary changes the digest.
func TestWriteArchiveReproducible(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) (v1.Hash, string) {
		idx, err := Index([]Binary{fakeBinary(t, "amd64", content)}, testMeta)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		digest, err := WriteArchive(idx, "kubesmith/widgets-controller:0.1.0", testMeta.Created, path)
		if err != nil {
			t.Fatal(err)
		}
		return digest, fileSum(t, path)
	}
	d1, s1 := write("a.tar", "same")
	d2, s2 := write("b.tar", "same")
	if d1 != d2 || s1 != s2 {
		t.Errorf("two builds differ: digests %s %s, tar sums %s %s", d1, d2, s1, s2)
	}
	if d3, _ := write("c.tar", "other"); d3 == d1 {
		t.Errorf("a different binary kept digest %s", d1)
	}
	index := archiveIndex(t, filepath.Join(dir, "a.tar"))
	if len(index.Manifests) != 1 || index.Manifests[0].Digest != d1 {
		t.Fatalf("index.json lists %+v, want the index %s", index.Manifests, d1)
	}
	if got := index.Manifests[0].Annotations["org.opencontainers.image.ref.name"]; got != "kubesmith/widgets-controller:0.1.0" {
		t.Errorf("index.json names the image %q, want the chart's repository:tag", got)
	}
	// What a loader reads back: every blob present, digests and sizes
	// matching, platforms matching the configs.
	root, err := layout.ImageIndexFromPath(extract(t, filepath.Join(dir, "a.tar")))
	if err != nil {
		t.Fatal(err)
	}
	idx, err := root.ImageIndex(d1)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Index(idx); err != nil {
		t.Errorf("the archive's index does not validate: %v", err)
	}
}

// extract unpacks a tar file into a new folder.
func extract(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := t.TempDir()
	tr := tar.NewReader(f)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return dir
		}
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, filepath.FromSlash(hdr.Name))
		if hdr.Typeflag == tar.TypeDir {
			if err := os.MkdirAll(target, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fakeBinary(t *testing.T, arch, content string) Binary {
	t.Helper()
	path := filepath.Join(t.TempDir(), "controller")
	if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
		t.Fatal(err)
	}
	return Binary{Arch: arch, Path: path}
}

// onlyFile is the one file of the image's one layer.
func onlyFile(t *testing.T, img v1.Image) (string, int64, []byte) {
	t.Helper()
	layers, err := img.Layers()
	if err != nil || len(layers) != 1 {
		t.Fatalf("layers %d (%v), want 1", len(layers), err)
	}
	rc, err := layers[0].Uncompressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	tr := tar.NewReader(rc)
	hdr, err := tr.Next()
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(tr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Next(); err != io.EOF {
		t.Errorf("layer holds more than %s", hdr.Name)
	}
	return hdr.Name, hdr.Mode, data
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return string(sum[:])
}

// archiveIndex is the index.json of an OCI layout tarball.
func archiveIndex(t *testing.T, path string) v1.IndexManifest {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		hdr, err := tr.Next()
		if err != nil {
			t.Fatalf("no index.json in %s: %v", path, err)
		}
		if hdr.Name == "index.json" {
			var im v1.IndexManifest
			if err := json.NewDecoder(tr).Decode(&im); err != nil {
				t.Fatal(err)
			}
			return im
		}
	}
}

// isStaticELF reports whether data is an executable for machine with no
// program interpreter, i.e. it needs no libc in the image.
func isStaticELF(t *testing.T, data []byte, machine elf.Machine) bool {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Errorf("not an ELF file: %v", err)
		return false
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("dynamically linked (has an interpreter)")
			return false
		}
	}
	return f.Machine == machine && f.Type == elf.ET_EXEC
}
