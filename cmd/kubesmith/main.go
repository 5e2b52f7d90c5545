// Command kubesmith generates Kubernetes controllers for AWS services from
// their Smithy models.
//
//	kubesmith generate [service...]    regenerate generated/<service> (all under models/ by default)
//	kubesmith new <service>            start models/<service>/generator.yaml, generate and build it
//	kubesmith list [-v] <service>      the resources inference finds in a model
//	kubesmith explain <service> <Kind> each field's class, and why
//	kubesmith schema                   print the JSON Schema of generator.yaml
//	kubesmith image <service>          build the controller image into bin/images/<service>-controller.tar
//	kubesmith diff [service...]        report CRD changes against a git ref; fail on unacknowledged breaking ones
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/pipeline"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kubesmith:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  kubesmith generate [service...]     regenerate generated/<service>; every service under models/ when none is named
  kubesmith new <service>             write a starting models/<service>/generator.yaml, then generate and build the service
  kubesmith list <service>            list the resources inferred from a service's model
  kubesmith explain <service> <Kind>  show each field of a kind with its class and the reason
  kubesmith schema                    print the JSON Schema of generator.yaml (generate writes it to models/)
  kubesmith image [-arch amd64,arm64] <service>
                                      build the controller's OCI image (no Docker) into bin/images/<service>-controller.tar
  kubesmith diff [-ref REF] [service...]
                                      compare generated/<service>/config/crd with REF (default: the merge-base with main);
                                      fail on a breaking change its generator.yaml does not acknowledge`

func run(args []string) error {
	fs := flag.NewFlagSet("kubesmith", flag.ContinueOnError)
	root := fs.String("root", "", "repository root (default: found from the working directory)")
	modelsDir := fs.String("models-dir", os.Getenv("AWS_MODELS_DIR"), "folder of Smithy models (AWS_MODELS_DIR)")
	jsonDir := fs.String("aws-json-models-dir", os.Getenv("AWS_JSON_MODELS_DIR"), "folder of AWS JSON models, botocore's data folder (AWS_JSON_MODELS_DIR)")
	fs.Usage = func() { fmt.Fprintln(os.Stderr, usage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no command")
	}
	var err error
	if *root == "" {
		if *root, err = findRoot(); err != nil {
			return err
		}
	}
	cmd, rest := fs.Arg(0), fs.Args()[1:]
	// These two read generated/ and git, never a model.
	switch cmd {
	case "image":
		return image(os.Stdout, *root, rest)
	case "diff":
		return diff(os.Stdout, *root, rest)
	}
	if *modelsDir == "" {
		*modelsDir, _ = smithy.ModelsDir(*root)
	}
	if *jsonDir == "" {
		*jsonDir, _ = awsjson.ModelsDir(*root)
	}
	if *modelsDir == "" && *jsonDir == "" {
		return errors.New("no models: set AWS_MODELS_DIR to a checkout of aws/api-models-aws, or AWS_JSON_MODELS_DIR to botocore's data folder")
	}
	dirs := pipeline.ModelDirs{Smithy: *modelsDir, AWSJSON: *jsonDir}
	switch cmd {
	case "generate":
		return generate(*root, dirs, rest)
	case "new":
		return newService(*root, dirs, rest)
	case "list":
		return list(os.Stdout, *root, dirs, rest)
	case "explain":
		if len(rest) != 2 {
			return errors.New("usage: kubesmith explain <service> <Kind>")
		}
		return explain(os.Stdout, *root, dirs, rest[0], rest[1])
	case "schema":
		data, err := config.Schema()
		if err != nil {
			return err
		}
		_, err = os.Stdout.Write(data)
		return err
	}
	fs.Usage()
	return fmt.Errorf("unknown command %q", cmd)
}

func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/kubesmith/kubesmith\n") {
			return dir, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the kubesmith repository; pass --root")
		}
		dir = parent
	}
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
