package ociimage

import (
	"context"
	"debug/elf"
	"flag"
	"path/filepath"
	"testing"
)

var buildFlag = flag.Bool("ociimage.build", false, "build the dynamodb controller's image (TestControllerImage; make image-test)")

// TestControllerImage builds the DynamoDB controller's image for
// linux/amd64 from the repository, twice, and checks that the digest does
// not move and that the layer holds the controller as a static amd64
// executable. It compiles the controller without cgo and with -trimpath,
// which no other build shares: minutes on a cold build cache, about 40 s
// warm, so it runs only with -ociimage.build (make image-test).
func TestControllerImage(t *testing.T) {
	if !*buildFlag {
		t.Skip("compiles the dynamodb controller; run with -ociimage.build (make image-test)")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	build := func() (Binary, string) {
		dir := t.TempDir()
		b, err := BuildController(context.Background(), root, "dynamodb", "amd64", dir)
		if err != nil {
			t.Fatal(err)
		}
		idx, err := Index([]Binary{b}, testMeta)
		if err != nil {
			t.Fatal(err)
		}
		digest, err := WriteArchive(idx, "kubesmith/dynamodb-controller:0.1.0", testMeta.Created, filepath.Join(dir, "image.tar"))
		if err != nil {
			t.Fatal(err)
		}
		return b, digest.String()
	}
	b, first := build()
	if _, second := build(); first != second {
		t.Errorf("two builds of one source gave digests %s and %s", first, second)
	}
	img, err := Image(b, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	checkConfig(t, cfg, "amd64")
	name, mode, data := onlyFile(t, img)
	if name != "controller" || mode&0o111 != 0o111 {
		t.Errorf("layer holds %s mode %o, want an executable controller", name, mode)
	}
	if !isStaticELF(t, data, elf.EM_X86_64) {
		t.Errorf("the layer's controller is not a static x86-64 executable")
	}
}
