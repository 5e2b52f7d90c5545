// Package helm writes the Helm chart of one generated controller: Chart.yaml,
// values.yaml and values.schema.json (both from the Values struct, so they
// cannot drift), the templates kept as text under the repository's templates/helm,
// and the service's CRDs.
package helm

import (
	"cmp"
	"fmt"
	"io/fs"
	"regexp"
	"slices"

	"github.com/kubesmith/kubesmith/generator/emit/rbac"
)

// Input is everything the chart depends on for one service.
type Input struct {
	Service string // "dynamodb"
	Group   string // "dynamodb.services.k8s.aws"
	Version string // chart version and appVersion, e.g. "0.1.0"
	Image   string // default image repository, e.g. "kubesmith/dynamodb-controller"
	Kinds   []Kind // sorted by Kind
	// RBAC is what the controller may do; the chart's roles grant exactly it.
	RBAC rbac.Rules
	// CRDs are rendered CRD YAML files. Each Path is relative to the chart's
	// crds/ folder ("dynamodb.services.k8s.aws_tables.yaml").
	CRDs []File
}

// Kind is one resource kind the controller manages.
type Kind struct{ Kind, Plural string }

// File is one file of the chart. Path is relative to the chart root, slash-separated.
type File struct {
	Path string
	Data []byte
}

var (
	// The service name becomes part of the chart name and of object names, so it
	// must be a DNS label.
	servicePattern = regexp.MustCompile(`^[a-z]([a-z0-9-]*[a-z0-9])?$`)
	// Helm wants a chart version in SemVer 2.
	versionPattern = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
	kindPattern    = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	pluralPattern  = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
)

// validate rejects an input the chart could not be built from, so that the
// templates never see an empty or malformed name.
func (in Input) validate() error {
	switch {
	case !servicePattern.MatchString(in.Service):
		return fmt.Errorf("service %q is not a DNS label", in.Service)
	case in.Group == "":
		return fmt.Errorf("group is empty")
	case !versionPattern.MatchString(in.Version):
		return fmt.Errorf("version %q is not SemVer 2", in.Version)
	case in.Image == "":
		return fmt.Errorf("image is empty")
	case len(in.Kinds) == 0:
		return fmt.Errorf("no kinds: a controller without resources has nothing to do")
	case len(in.RBAC.Watched) == 0 || len(in.RBAC.Cluster) == 0:
		return fmt.Errorf("no RBAC rules: the controller could not read its own kinds")
	}
	seenKinds := map[string]bool{}
	for _, k := range in.Kinds {
		if !kindPattern.MatchString(k.Kind) || !pluralPattern.MatchString(k.Plural) {
			return fmt.Errorf("kind %q (plural %q) is not an UpperCamel kind with a lowercase plural", k.Kind, k.Plural)
		}
		if seenKinds[k.Kind] {
			return fmt.Errorf("kind %q appears twice", k.Kind)
		}
		seenKinds[k.Kind] = true
	}
	seenCRDs := map[string]bool{}
	for _, f := range in.CRDs {
		if !fs.ValidPath(f.Path) || f.Path == "." {
			return fmt.Errorf("CRD path %q is not a clean path inside crds/", f.Path)
		}
		if seenCRDs[f.Path] {
			return fmt.Errorf("CRD path %q appears twice", f.Path)
		}
		seenCRDs[f.Path] = true
	}
	return nil
}

// sortedKinds returns kinds ordered by Kind, whatever order the caller used.
func sortedKinds(kinds []Kind) []Kind {
	return slices.SortedFunc(slices.Values(kinds), func(a, b Kind) int { return cmp.Compare(a.Kind, b.Kind) })
}
