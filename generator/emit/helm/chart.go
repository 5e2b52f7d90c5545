package helm

import (
	"cmp"
	"fmt"
	"path"
	"slices"
)

// Chart returns every file of the service's Helm chart, sorted by path. The
// same input always gives the same bytes.
func Chart(in Input) ([]File, error) {
	if err := in.validate(); err != nil {
		return nil, fmt.Errorf("helm chart of %q: %w", in.Service, err)
	}
	files, err := chartTemplates(in)
	if err != nil {
		return nil, err
	}
	values, err := valuesYAML(DefaultValues(in))
	if err != nil {
		return nil, err
	}
	schema, err := valuesSchema()
	if err != nil {
		return nil, err
	}
	files = append(files,
		File{Path: "values.yaml", Data: values},
		File{Path: "values.schema.json", Data: schema},
	)
	for _, crd := range in.CRDs {
		p := path.Join("crds", crd.Path)
		files = append(files, File{Path: p, Data: withHeader(p, crd.Data)})
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return files, nil
}
