package helm

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	"github.com/kubesmith/kubesmith/templates"
)

// templateRoot is the folder of templates.Helm that mirrors the chart root.
const templateRoot = "helm"

// templateData is what the chart's text templates may use. They are filled in
// with [[ ]] delimiters, so Helm's own {{ }} pass through untouched.
type templateData struct {
	Service string
	Group   string
	Version string
	Kinds   []Kind
}

// chartTemplates fills every file of templates.Helm with the service's names
// and returns it at the same path in the chart.
func chartTemplates(in Input) ([]File, error) {
	data := templateData{Service: in.Service, Group: in.Group, Version: in.Version, Kinds: sortedKinds(in.Kinds)}
	var files []File
	err := fs.WalkDir(templates.Helm, templateRoot, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(templates.Helm, name)
		if err != nil {
			return err
		}
		tmpl, err := template.New(name).Delims("[[", "]]").Option("missingkey=error").Parse(string(src))
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, data); err != nil {
			return err
		}
		chartPath := strings.TrimPrefix(name, templateRoot+"/")
		files = append(files, File{Path: chartPath, Data: withHeader(chartPath, out.Bytes())})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("chart templates: %w", err)
	}
	return files, nil
}
