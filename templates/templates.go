// Package templates embeds the text templates of the YAML files kubesmith
// generates. The templates are data only: Go code that fills them lives in the
// generator. The embed lives here because go:embed cannot reach a parent folder.
package templates

import "embed"

// Helm holds one Helm chart laid out as the chart itself is (helm/Chart.yaml,
// helm/templates/deployment.yaml, ...). The "all:" prefix keeps
// templates/_helpers.tpl, which a plain pattern skips for its leading underscore.
//
//go:embed all:helm
var Helm embed.FS
