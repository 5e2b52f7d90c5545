package infer

import (
	"strings"
	"testing"
)

func TestInferErrorCodes(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	cases := []struct {
		reason    string
		yaml      string
		kind      string
		notFound  string
		terminal  string
		fromNames bool
	}{
		{reason: "an error named NotFound", kind: "Table", notFound: "ResourceNotFoundException"},
		{reason: "an error with HTTP status 404", kind: "Repository", notFound: "RepositoryNotFoundException"},
		{reason: "the awsQueryError code of a NonExistent error", kind: "Queue", notFound: "AWS.SimpleQueueService.NonExistentQueue"},
		{reason: "a read without such errors", kind: "Topic", notFound: ""},
		{reason: "generator.yaml replaces the inferred codes and adds terminal ones",
			yaml: "resources:\n  Table:\n    notFoundCodes: [Gone]\n    terminalCodes: [ValidationException]\n", kind: "Table",
			notFound: "Gone", terminal: "ValidationException"},
	}
	for _, c := range cases {
		res := names
		if c.yaml != "" {
			res = mustRun(t, "names.json", c.yaml, Options{})
		}
		r := resource(t, res, c.kind)
		if got := strings.Join(r.NotFoundCodes, " "); got != c.notFound {
			t.Errorf("%s: not-found codes %q, want %q", c.reason, got, c.notFound)
		}
		if got := strings.Join(r.TerminalCodes, " "); got != c.terminal {
			t.Errorf("%s: terminal codes %q, want %q", c.reason, got, c.terminal)
		}
	}
}
