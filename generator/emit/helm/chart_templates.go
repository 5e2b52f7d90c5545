package helm

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/kubesmith/kubesmith/generator/emit/rbac"
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
	Rules   renderedRules
}

// renderedRules are the RBAC rule lists as YAML, for the roles to include.
type renderedRules struct{ Watched, Cluster, CARM, LeaderElection string }

func renderRules(r rbac.Rules) (renderedRules, error) {
	var out renderedRules
	for _, x := range []struct {
		into  *string
		rules []rbacv1.PolicyRule
	}{{&out.Watched, r.Watched}, {&out.Cluster, r.Cluster}, {&out.CARM, r.CARM}, {&out.LeaderElection, r.LeaderElection}} {
		data, err := rbac.YAML(x.rules)
		if err != nil {
			return renderedRules{}, err
		}
		*x.into = string(data)
	}
	return out, nil
}

// chartTemplates fills every file of templates.Helm with the service's names
// and returns it at the same path in the chart.
func chartTemplates(in Input) ([]File, error) {
	rules, err := renderRules(in.RBAC)
	if err != nil {
		return nil, err
	}
	data := templateData{Service: in.Service, Group: in.Group, Version: in.Version, Kinds: sortedKinds(in.Kinds), Rules: rules}
	var files []File
	err = fs.WalkDir(templates.Helm, templateRoot, func(name string, d fs.DirEntry, err error) error {
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
