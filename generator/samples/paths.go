package samples

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kubesmith/kubesmith/generator/config"
)

// segment is one step of a field path: a key, or a list index.
type segment struct {
	key   string
	index int // -1 for a key
}

// segments splits a field path such as spec.rules[0].ports into its steps.
func segments(path string) []segment {
	var out []segment
	for _, part := range strings.Split(path, ".") {
		if part == "" {
			continue
		}
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			out = append(out, segment{key: key, index: -1})
		}
		for rest != "" {
			idx, after, _ := strings.Cut(rest, "]")
			n, err := strconv.Atoi(idx)
			if err != nil {
				break
			}
			out = append(out, segment{index: n})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return out
}

// splitLast splits a path into its parent and its last key.
func splitLast(path string) (string, string) {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// lineOf is the line of the field at path in a sample's node, or of the
// nearest enclosing field the sample has.
func lineOf(n *yaml.Node, path string) int {
	line := n.Line
	for _, seg := range segments(path) {
		var next *yaml.Node
		switch {
		case seg.index >= 0 && n.Kind == yaml.SequenceNode && seg.index < len(n.Content):
			next = n.Content[seg.index]
		case seg.index < 0 && n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == seg.key {
					line, next = n.Content[i].Line, n.Content[i+1]
				}
			}
		}
		if next == nil {
			return line
		}
		if seg.index >= 0 {
			line = next.Line
		}
		n = next
	}
	return line
}

func didYouMean(name string, known []string) string { return config.DidYouMean(name, known) }
